// Numbers a sentence reports, keyed by what they count, so outlets can be
// compared: "about 100,000 Russian troops" -> (troops, 100000, "about").
#include <algorithm>
#include <cstdlib>

#include "stories/internal.h"

namespace sitrep::stories::detail {
namespace {

// How far a number's noun may stand: after it (adjectives between: "25
// Dravenian officials") or before it in the same clause ("the death toll
// rose to 52").
constexpr std::size_t kWordsAfter = 3;
constexpr std::size_t kWordsBefore = 12;

// Parses the number at words[i] (digits, or spelled words). Sets *last to
// the last word it covers. Returns a negative value when there is none.
double ParseNumber(std::span<const Word> words, std::size_t i, std::size_t* last) {
  const Lexicon& lex = Lexicon::Get();
  *last = i;
  double value = -1;
  if (words[i].number) {
    std::string digits;
    for (char c : words[i].lower)
      if (c != ',') digits.push_back(c);
    value = std::strtod(digits.c_str(), nullptr);
  } else {
    // "twenty-five", "two hundred": units add, scales multiply.
    double total = 0, current = 0;
    bool any = false;
    std::size_t j = i;
    for (; j < words.size(); ++j) {
      std::string_view w = words[j].lower;
      bool part_ok = true;
      double word_value = 0;
      bool is_scale = false;
      std::size_t from = 0;
      int parts = 0;
      while (from <= w.size()) {
        std::size_t dash = w.find('-', from);
        std::string_view part = w.substr(from, dash == std::string_view::npos ? std::string_view::npos : dash - from);
        auto it = lex.number_words.find(std::string(part));
        if (it == lex.number_words.end()) {
          part_ok = false;
          break;
        }
        if (it->second.scale) {
          is_scale = true;
          word_value = it->second.value;
        } else {
          word_value += it->second.value;
        }
        ++parts;
        if (dash == std::string_view::npos) break;
        from = dash + 1;
      }
      if (!part_ok || parts == 0) break;
      if (is_scale) {
        current = (current == 0 ? 1 : current) * word_value;
        if (word_value >= 1000) {
          total += current;
          current = 0;
        }
      } else {
        current += word_value;
      }
      any = true;
      if (words[j].punct_after) {
        ++j;
        break;
      }
    }
    if (!any) return -1;
    *last = j - 1;
    value = total + current;
    // "one" is mostly a pronoun or article ("one diplomat said").
    if (value < 2) return -1;
    return value;
  }
  // "1.2 million", "3 thousand".
  if (i + 1 < words.size() && !words[i].punct_after) {
    auto it = lex.number_words.find(words[i + 1].lower);
    if (it != lex.number_words.end() && it->second.scale && it->second.value >= 1000) {
      value *= it->second.value;
      *last = i + 1;
    }
  }
  return value;
}

bool IsCurrencyOrPercent(std::string_view text, std::span<const Word> words, std::size_t first, std::size_t last) {
  std::uint32_t b = words[first].begin;
  if (b > 0) {
    unsigned char c = static_cast<unsigned char>(text[b - 1]);
    if (c == '$' || c == '#') return true;
    // £ (C2 A3), € (E2 82 AC), ¥ (C2 A5)
    if (b >= 2 && static_cast<unsigned char>(text[b - 2]) == 0xC2 && (c == 0xA3 || c == 0xA5)) return true;
    if (b >= 3 && static_cast<unsigned char>(text[b - 3]) == 0xE2 && c == 0xAC) return true;
  }
  std::uint32_t e = words[last].end;
  if (e < text.size() && text[e] == '%') return true;
  if (last + 1 < words.size() && (words[last + 1].lower == "percent" || words[last + 1].lower == "per")) return true;
  return false;
}

}  // namespace

void ExtractClaims(std::string_view text, std::span<const Word> words, std::vector<NumberClaim>* out) {
  const Lexicon& lex = Lexicon::Get();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    bool candidate = w.number || lex.number_words.count(w.lower.substr(0, w.lower.find('-')));
    if (!candidate) continue;
    std::size_t last = i;
    double value = ParseNumber(words, i, &last);
    if (value < 0) continue;
    const std::size_t first = i;
    i = last;
    if (IsCurrencyOrPercent(text, words, first, last)) continue;
    // "the two countries", "both sides": a small number in words after a
    // definite word refers back to what the text has named; it reports no
    // figure, and every story about two parties would agree on it.
    if (!words[first].number && value <= 10 && first > 0 &&
        (words[first - 1].lower == "the" || words[first - 1].lower == "these" ||
         words[first - 1].lower == "those" || words[first - 1].lower == "all") &&
        !words[first - 1].punct_after)
      continue;
    // A bare four-digit year ("since 2014") counts nothing.
    if (words[first].number && words[first].lower.size() == 4 && value >= 1800 && value <= 2100) continue;
    // The noun it counts.
    std::string key;
    std::size_t noun = 0;
    // A plural noun after the number that the lexicon does not list ("300
    // Serb police officers") is compared by its own word, so outlets are
    // compared on what they count even beyond the lexicon; the lexicon's
    // "-" entries (units of time and measure) count nothing comparable.
    std::size_t plural = 0;
    if (!words[last].punct_after) {
      for (std::size_t j = last + 1; j < words.size() && j <= last + kWordsAfter; ++j) {
        auto it = lex.quantity_nouns.find(words[j].lower);
        if (it != lex.quantity_nouns.end()) {
          key = it->second;
          noun = j;
          break;
        }
        const std::string& lw = words[j].lower;
        if (!plural && lw.size() > 3 && lw.back() == 's' && lw[lw.size() - 2] != 's' && !lex.stopwords.count(lw) &&
            std::all_of(lw.begin(), lw.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
          plural = j;
        }
        if (words[j].number || words[j].punct_after) break;
      }
    }
    if (key.empty() && plural) {
      key = words[plural].lower;
      noun = plural;
    }
    if (key == "-") continue;
    if (key.empty()) {
      for (std::size_t k = first; k-- > 0 && first - k <= kWordsBefore;) {
        auto it = lex.quantity_nouns.find(words[k].lower);
        if (it != lex.quantity_nouns.end()) {
          key = it->second;
          noun = k;
          break;
        }
      }
    }
    if (key.empty()) continue;
    if (key == "people") {
      // What happened to them: the context word nearest the noun.
      std::size_t best = SIZE_MAX;
      std::string ctx;
      for (std::size_t k = 0; k < words.size(); ++k) {
        auto it = lex.contexts.find(words[k].lower);
        if (it == lex.contexts.end() || k == noun) continue;
        std::size_t d = k > noun ? k - noun : noun - k;
        if (d < best) {
          best = d;
          ctx = it->second;
        }
      }
      if (!ctx.empty()) key += " " + ctx;
    }
    NumberClaim c;
    c.key = std::move(key);
    c.value = value;
    c.number = std::string(text.substr(words[first].begin, words[last].end - words[first].begin));
    std::uint32_t from = words[first].begin;
    // The longest hedge phrase just before the number.
    for (std::size_t n = std::min(lex.longest_hedge_words, first); n > 0; --n) {
      bool joined = true;
      std::string phrase;
      for (std::size_t k = first - n; k < first; ++k) {
        if (k + 1 < first && words[k].punct_after) joined = false;
        if (!phrase.empty()) phrase.push_back(' ');
        phrase += words[k].lower;
      }
      if (!joined || words[first - 1].punct_after) continue;
      auto it = lex.hedges.find(phrase);
      if (it != lex.hedges.end()) {
        c.hedge = it->second;
        from = words[first - n].begin;
        break;
      }
    }
    c.text = std::string(text.substr(from, words[last].end - from));
    out->push_back(std::move(c));
  }
}

namespace {

// A title's words, with the rank parts of hyphenated words apart
// ("president-elect" -> president elect, "vice-chair" -> vice chair), and
// its head: the last word that is no rank, before an "of".
struct TitleWords {
  std::vector<std::string> words;
  std::string head;
};

TitleWords SplitTitle(std::string_view t) {
  const Lexicon& lex = Lexicon::Get();
  TitleWords out;
  bool before_of = true;
  std::size_t from = 0;
  while (from < t.size()) {
    std::size_t sp = t.find(' ', from);
    if (sp == std::string_view::npos) sp = t.size();
    std::string w(t.substr(from, sp - from));
    from = sp + 1;
    if (w.empty() || w == "the") continue;
    if (w == "of") {
      before_of = false;
      continue;
    }
    std::vector<std::string> parts = {w};
    const std::size_t dash = w.find('-');
    if (dash != std::string::npos &&
        (lex.title_ranks.count(w.substr(dash + 1)) || lex.title_ranks.count(w.substr(0, dash)))) {
      parts = {w.substr(0, dash), w.substr(dash + 1)};
    }
    for (auto& part : parts) {
      if (part.empty()) continue;
      if (before_of && !lex.title_ranks.count(part)) out.head = part;
      out.words.push_back(std::move(part));
    }
  }
  std::sort(out.words.begin(), out.words.end());
  out.words.erase(std::unique(out.words.begin(), out.words.end()), out.words.end());
  return out;
}

}  // namespace

bool TitlesDiffer(std::string_view a, std::string_view b) {
  const TitleWords x = SplitTitle(a), y = SplitTitle(b);
  if (x.head.empty() || x.head != y.head || x.words == y.words) return false;
  const Lexicon& lex = Lexicon::Get();
  // Whether `more` holds every word of `less`, and adds a rank word.
  auto adds = [&](const TitleWords& more, const TitleWords& less, bool* rank) {
    if (!std::includes(more.words.begin(), more.words.end(), less.words.begin(), less.words.end())) return false;
    *rank = false;
    for (const auto& w : more.words)
      if (!std::binary_search(less.words.begin(), less.words.end(), w) && lex.title_ranks.count(w)) *rank = true;
    return true;
  };
  bool rank = false;
  if (adds(x, y, &rank) || adds(y, x, &rank)) return rank;
  return true;
}

}  // namespace sitrep::stories::detail
