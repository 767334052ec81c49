#include "quotes/same_as.h"

#include <algorithm>
#include <cctype>

#include "core/hash.h"
#include "core/union_find.h"

namespace sitrep::quotes {

std::vector<std::string> NormalizedWords(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c)) {
      cur.push_back(static_cast<char>(std::tolower(c)));
    } else if (c >= 0x80) {
      // Typographic apostrophes and dashes (U+2010..U+201F) separate or
      // vanish like their ASCII forms; other non-ASCII letters are kept.
      if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
        unsigned char d = static_cast<unsigned char>(text[i + 2]);
        if (d >= 0x90 && d <= 0xBF) {
          i += 2;
          if (d == 0x99) continue;  // ’ inside a word: "don’t" = "dont"
          if (!cur.empty()) words.push_back(std::move(cur));
          cur.clear();
          continue;
        }
      }
      cur.push_back(static_cast<char>(c));
    } else if (c == '\'') {
      continue;
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::uint32_t QuoteLinker::Add(std::string_view text, std::uint32_t article, std::string_view speaker_entity) {
  Entry e;
  e.article = article;
  if (!speaker_entity.empty()) {
    auto [it, inserted] = speakers_.emplace(std::string(speaker_entity), static_cast<std::uint32_t>(speakers_.size() + 1));
    e.speaker = it->second;
  }
  std::vector<std::string> words = NormalizedWords(text);
  std::string joined;
  for (const std::string& w : words) {
    joined += w;
    joined += ' ';
  }
  e.words_hash = Hash64(joined);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    e.pairs.push_back(Hash64(words[i + 1], Hash64(words[i])));
  }
  for (const std::string& w : words) e.words.push_back(Hash64(w));
  std::sort(e.words.begin(), e.words.end());
  e.words.erase(std::unique(e.words.begin(), e.words.end()), e.words.end());
  std::sort(e.pairs.begin(), e.pairs.end());
  e.pairs.erase(std::unique(e.pairs.begin(), e.pairs.end()), e.pairs.end());
  quotes_.push_back(std::move(e));
  return static_cast<std::uint32_t>(quotes_.size() - 1);
}

std::vector<std::vector<std::uint32_t>> QuoteLinker::Finish() const {
  const std::size_t n = quotes_.size();
  // A pair shared by more quotations than this says nothing about any two
  // of them ("of the", "we will"); leaving it out keeps the work linear.
  constexpr std::size_t kMaxPosting = 256;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> postings;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> exact;
  for (std::uint32_t i = 0; i < n; ++i) {
    for (std::uint64_t p : quotes_[i].pairs) postings[p].push_back(i);
    exact[quotes_[i].words_hash].push_back(i);
  }
  UnionFind uf(n);
  auto compatible = [&](const Entry& x, const Entry& y) {
    return x.article != y.article && (x.speaker == 0 || y.speaker == 0 || x.speaker == y.speaker);
  };
  std::unordered_map<std::uint32_t, std::uint32_t> shared;
  for (std::uint32_t i = 0; i < n; ++i) {
    const Entry& q = quotes_[i];
    if (q.pairs.size() >= 3) {
      shared.clear();
      for (std::uint64_t p : q.pairs) {
        const auto& list = postings[p];
        if (list.size() > kMaxPosting) continue;
        for (std::uint32_t j : list) {
          if (j < i) ++shared[j];
        }
      }
      for (auto [j, count] : shared) {
        const Entry& o = quotes_[j];
        if (!compatible(q, o)) continue;
        std::size_t shorter = std::min(q.pairs.size(), o.pairs.size());
        if (o.pairs.size() >= 3 && count * 5 >= shorter * 4) {
          uf.Unite(i, j);
        } else if (q.speaker != 0 && q.speaker == o.speaker) {
          std::size_t common = 0;
          for (std::size_t a = 0, b = 0; a < q.words.size() && b < o.words.size();) {
            if (q.words[a] < o.words[b]) {
              ++a;
            } else if (o.words[b] < q.words[a]) {
              ++b;
            } else {
              ++common, ++a, ++b;
            }
          }
          std::size_t fewer = std::min(q.words.size(), o.words.size());
          if (fewer >= 5 && common * 10 >= fewer * 7) uf.Unite(i, j);
        }
      }
    } else if (q.speaker != 0 && !q.pairs.empty()) {
      // Two or three words: only word for word, from the same speaker.
      for (std::uint32_t j : exact[q.words_hash]) {
        if (j < i && quotes_[j].speaker == q.speaker && quotes_[j].article != q.article) uf.Unite(i, j);
      }
    }
  }
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> groups;
  for (std::uint32_t i = 0; i < n; ++i) groups[uf.Find(i)].push_back(i);
  std::vector<std::vector<std::uint32_t>> out(n);
  for (auto& [root, members] : groups) {
    if (members.size() < 2) continue;
    for (std::uint32_t i : members) {
      for (std::uint32_t j : members) {
        if (quotes_[j].article != quotes_[i].article) out[i].push_back(j);
      }
    }
  }
  return out;
}

}  // namespace sitrep::quotes
