#include "clean/cues.h"

#include <algorithm>

#include "core/error.h"
#include "core/resources.h"

namespace sitrep::clean {

CueLexicon CueLexicon::Load() {
  CueLexicon lex;
  int line_no = 0;
  for (std::string_view line : DataLines(Resource("clean/cues.tsv"))) {
    ++line_no;
    std::size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    SITREP_CHECK(t1 != std::string_view::npos && t2 != std::string_view::npos, ConfigError,
                 "data/clean/cues.tsv: entry " << line_no << " needs WHY<TAB>MODE<TAB>PATTERN: " << line);
    Cue cue{std::string(line.substr(0, t1)), false};
    std::string mode(line.substr(t1 + 1, t2 - t1 - 1));
    std::string pattern(line.substr(t2 + 1));
    if (!mode.empty() && mode.back() == '!') {
      cue.strong = true;
      mode.pop_back();
    }
    Mode m;
    if (mode == "prefix") {
      m = Mode::kPrefix;
    } else if (mode == "exact") {
      m = Mode::kExact;
    } else if (mode == "contains") {
      m = Mode::kContains;
    } else if (mode == "words") {
      lex.words_.Emplace(pattern, cue);
      continue;
    } else {
      SITREP_THROW(ConfigError, "data/clean/cues.tsv: entry " << line_no << " has unknown mode '" << mode << "'");
    }
    const auto entry = static_cast<std::uint32_t>(lex.entries_.size());
    if (m == Mode::kContains) {
      if (pattern.size() >= 4) {
        lex.contains_.Add(pattern);
        lex.contains_entry_.push_back(entry);
      } else {
        lex.short_contains_.Add(pattern);
        lex.short_contains_entry_.push_back(entry);
      }
      if (cue.strong) {
        lex.strong_contains_.Add(pattern);
        lex.strong_contains_entry_.push_back(entry);
      }
    } else {
      lex.anchored_.Add(pattern);
      lex.anchored_entry_.push_back(entry);
    }
    lex.entries_.push_back({m, std::move(cue)});
  }
  lex.anchored_.Build();
  lex.contains_.Build();
  lex.short_contains_.Build();
  lex.strong_contains_.Build();
  for (std::string_view line : DataLines(Resource("clean/metadata.tsv"))) {
    std::size_t t = line.find('\t');
    SITREP_CHECK(t != std::string_view::npos, ConfigError, "data/clean/metadata.tsv: malformed line: " << line);
    std::string field(line.substr(0, t)), value(line.substr(t + 1));
    if (field == "outlet_word") {
      lex.outlet_words_.Emplace(value, 1);
    } else if (field == "source_tail") {
      lex.source_tails_.Emplace(value, 1);
    } else if (field == "company_suffix") {
      lex.company_suffixes_.push_back(value);
    } else {
      // The metadata parser lowercases candidate labels into 64-byte
      // buffers and takes a longer word for no label.
      SITREP_CHECK(!value.empty() && value.size() < 64, ConfigError,
                   "data/clean/metadata.tsv: a label must have 1 to 63 bytes: " << line);
      lex.labels_.Emplace(value, field);
    }
  }
  std::stable_sort(lex.company_suffixes_.begin(), lex.company_suffixes_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return lex;
}

namespace {
bool AsciiAlnum(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}
bool AsciiAlnumByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || u >= 0x80;
}
}  // namespace

void CueLexicon::Rank(std::string_view key, const std::vector<AhoCorasick::Match>& found,
                      const std::vector<std::uint32_t>& entry_of, Hits& hits, std::uint64_t& best_strong,
                      std::uint64_t& best_any) const {
  for (const auto& m : found) {
    const std::uint32_t index = entry_of[m.pattern];
    const Entry& e = entries_[index];
    bool ok = false;
    switch (e.mode) {
      case Mode::kExact:
        ok = m.begin == 0 && m.end == key.size();
        break;
      case Mode::kPrefix:
        // At the start, ending at a word boundary ("share" is not "shares").
        ok = m.begin == 0 && (m.end == key.size() || !AsciiAlnumByte(key[m.end]) ||
                              !AsciiAlnumByte(key[m.end - 1]));
        break;
      case Mode::kContains:
        ok = true;
        break;
    }
    if (!ok) continue;
    std::uint64_t rank = (static_cast<std::uint64_t>(e.mode) << 32) | index;
    if (e.cue.strong && rank < best_strong) {
      best_strong = rank;
      hits.strong = &e.cue;
    }
    if (rank < best_any) {
      best_any = rank;
      hits.any = &e.cue;
    }
  }
}

void CueLexicon::RankAnchoredAnd(std::string_view key, const AhoCorasick& contains,
                                 const std::vector<std::uint32_t>& contains_entry, Hits& hits,
                                 std::uint64_t& best_strong, std::uint64_t& best_any) const {
  thread_local std::vector<AhoCorasick::Match> found;
  found.clear();
  anchored_.FindPrefixes(key, &found);
  Rank(key, found, anchored_entry_, hits, best_strong, best_any);
  found.clear();
  contains.FindAll(key, &found);
  Rank(key, found, contains_entry, hits, best_strong, best_any);
}

const Cue* CueLexicon::MatchStrong(std::string_view key) const {
  Hits hits;
  if (key.empty()) return nullptr;
  std::uint64_t best_strong = ~0ull, best_any = ~0ull;
  RankAnchoredAnd(key, strong_contains_, strong_contains_entry_, hits, best_strong, best_any);
  return hits.strong;
}

CueLexicon::Hits CueLexicon::MatchAll(std::string_view key, bool allow_words) const {
  Hits hits;
  if (key.empty()) return hits;
  std::uint64_t best_strong = ~0ull, best_any = ~0ull;
  RankAnchoredAnd(key, contains_, contains_entry_, hits, best_strong, best_any);
  if (short_contains_.size() > 0) {
    thread_local std::vector<AhoCorasick::Match> found;
    found.clear();
    short_contains_.FindAll(key, &found);
    Rank(key, found, short_contains_entry_, hits, best_strong, best_any);
  }
  if (!hits.any && allow_words && !words_.empty()) {
    // A line made only of share-button words.
    const Cue* cue = nullptr;
    std::size_t p = 0;
    bool all = true;
    while (p < key.size() && all) {
      std::size_t sp = key.find(' ', p);
      if (sp == std::string_view::npos) sp = key.size();
      // The word less the non-alphanumeric bytes at its ends (ASCII, as
      // std::isalnum in the C locale).
      std::string_view w = key.substr(p, sp - p);
      while (!w.empty() && !AsciiAlnum(w.back())) w.remove_suffix(1);
      while (!w.empty() && !AsciiAlnum(w.front())) w.remove_prefix(1);
      if (!w.empty()) {
        if (const Cue* found = words_.Find(w)) {
          cue = found;
        } else {
          all = false;
        }
      }
      p = sp + 1;
    }
    if (all) hits.any = cue;
  }
  return hits;
}

const Cue* CueLexicon::Match(std::string_view key, bool sentence_like) const {
  Hits h = MatchAll(key, !sentence_like);
  return sentence_like ? h.strong : h.any;
}

std::string_view CueLexicon::LabelField(std::string_view label) const {
  const std::string* field = labels_.Find(label);
  return field ? std::string_view(*field) : std::string_view();
}

}  // namespace sitrep::clean
