// Numbers a sentence reports, keyed by what they count, so outlets can be
// compared: "about 100,000 Russian troops" -> (troops, 100000, "about").
#include <algorithm>
#include <cstdlib>

#include "gazetteer/gazetteer.h"
#include "stories/internal.h"

namespace sitrep::stories::detail {
namespace {

// How far a number's noun may stand: after it (adjectives between: "25
// Dravenian officials") or before it in the same clause ("the death toll
// rose to 52"; "the death toll from the collapse of a mine near <town> in
// <region> has risen to 15").
constexpr std::size_t kWordsAfter = 3;
constexpr std::size_t kWordsBefore = 20;
// How far after a number that borrowed "people" from before the word that
// says what happened to them may stand: a verb and an adverb between ("40
// were still missing").
constexpr std::size_t kWordsAfterBorrowed = 3;

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

// A percentage after the number that ends at words[last] ("48.2%", "25
// percent", "25 per cent"): true, with *end the byte after its sign or
// word and *next the index of the first word after it.
bool PercentAfter(std::string_view text, std::span<const Word> words, std::size_t last, std::uint32_t* end,
                  std::size_t* next) {
  const std::size_t k = last + 1;
  const std::uint32_t e = words[last].end;
  if (e < text.size() && text[e] == '%') {
    *end = e + 1;
    *next = k;
    return true;
  }
  if (words[last].punct_after || k >= words.size()) return false;
  if (words[k].lower == "percent") {
    *end = words[k].end;
    *next = k + 1;
    return true;
  }
  if (words[k].lower == "per" && k + 1 < words.size() && words[k + 1].lower == "cent") {
    *end = words[k + 1].end;
    *next = k + 2;
    return true;
  }
  return false;
}

bool IsCurrency(std::string_view text, std::span<const Word> words, std::size_t first) {
  std::uint32_t b = words[first].begin;
  if (b > 0) {
    unsigned char c = static_cast<unsigned char>(text[b - 1]);
    if (c == '$' || c == '#') return true;
    // £ (C2 A3), € (E2 82 AC), ¥ (C2 A5)
    if (b >= 2 && static_cast<unsigned char>(text[b - 2]) == 0xC2 && (c == 0xA3 || c == 0xA5)) return true;
    if (b >= 3 && static_cast<unsigned char>(text[b - 3]) == 0xE2 && c == 0xAC) return true;
  }
  return false;
}

// The kind of the longest hedge phrase right before words[first] ("about",
// "at least"), moving *from to its start; empty when there is none.
std::string HedgeBefore(std::span<const Word> words, std::size_t first, std::uint32_t* from) {
  const Lexicon& lex = Lexicon::Get();
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
      *from = words[first - n].begin;
      return it->second;
    }
  }
  return std::string();
}

// A claim of `value` keyed by `key`, its figure as written from words[first]
// to byte `end`, with the hedge before it ("about 100,000").
NumberClaim MakeClaim(std::string_view text, std::span<const Word> words, std::size_t first, std::uint32_t end,
                      std::string key, double value) {
  NumberClaim c;
  c.key = std::move(key);
  c.value = value;
  c.number = std::string(text.substr(words[first].begin, end - words[first].begin));
  std::uint32_t from = words[first].begin;
  c.hedge = HedgeBefore(words, first, &from);
  c.text = std::string(text.substr(from, end - from));
  return c;
}

// "48.2 percent of the vote", "48.2% of the votes": a claim keyed by the
// whole ("percent of the vote", a plural read as its singular), the
// number as written with its sign or word. Returns false for any other
// percentage, money, or a share of no named whole.
bool PercentOf(std::string_view text, std::span<const Word> words, std::size_t first, std::size_t last, double value,
               std::vector<NumberClaim>* out) {
  std::size_t k = 0;
  std::uint32_t end = 0;
  if (!PercentAfter(text, words, last, &end, &k)) return false;
  if (k + 1 >= words.size() || words[k].lower != "of" || words[k].punct_after) return false;
  // Only spaces between the figure and "of" ("51%, of which" is no share).
  for (std::uint32_t b = end; b < words[k].begin; ++b) {
    if (text[b] != ' ') return false;
  }
  ++k;
  if (words[k].lower == "the" && !words[k].punct_after && k + 1 < words.size()) ++k;
  std::string noun = words[k].lower;
  if (noun.empty() || !std::all_of(noun.begin(), noun.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
  if (Lexicon::Get().stopwords.count(noun)) return false;
  if (noun.size() > 3 && noun.back() == 's' && noun[noun.size() - 2] != 's') noun.pop_back();
  out->push_back(MakeClaim(text, words, first, end, "percent of the " + noun, value));
  return true;
}

}  // namespace

void ExtractClaims(std::string_view text, std::span<const Word> words, std::vector<NumberClaim>* out) {
  const Lexicon& lex = Lexicon::Get();
  auto cue = [&](std::size_t k) -> std::string_view {
    auto it = lex.claim_cues.find(words[k].lower);
    return it == lex.claim_cues.end() ? std::string_view() : std::string_view(it->second);
  };
  // Whether the context phrase `p` starts at words[k], within one clause.
  auto phrase_at = [&](const std::vector<std::string>& p, std::size_t k) {
    if (k + p.size() > words.size()) return false;
    for (std::size_t m = 0; m < p.size(); ++m) {
      if (words[k + m].lower != p[m]) return false;
      if (m + 1 < p.size() && words[k + m].punct_after) return false;
    }
    return true;
  };
  // A sentence about a vote: "52 to 38" and "38 against" are its two sides.
  bool vote = false;
  for (std::size_t k = 0; k < words.size() && !vote; ++k) {
    const std::string_view r = cue(k);
    vote = r == "vote" || r == "favour";
  }
  // The counts the sentence gave so far, with where each number stood.
  std::vector<std::pair<std::string, std::size_t>> given;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    bool candidate = w.number || lex.number_words.count(w.lower.substr(0, w.lower.find('-')));
    if (!candidate) continue;
    std::size_t last = i;
    double value = ParseNumber(words, i, &last);
    if (value < 0) continue;
    const std::size_t first = i;
    i = last;
    std::uint32_t percent_end = 0;
    std::size_t after = 0;  // the first word after the percentage
    const bool percent = PercentAfter(text, words, last, &percent_end, &after);
    if (IsCurrency(text, words, first) || percent) {
      // A share of a whole the sentence names ("48.2 percent of the
      // vote", "40% of the territory") is a figure outlets report alike
      // or not; so is a rate (below); other percentages and sums are left
      // out.
      if (PercentOf(text, words, first, last, value, out)) {
        i = std::max(i, last);
        continue;
      }
      if (!percent || IsCurrency(text, words, first)) continue;
      // A rate: the rate noun right after ("a 30% tariff", "a 25 percent
      // stake"), else the nearest before it in the clause ("raised tariffs
      // on steel to 25 percent", "tariffs of 30 percent").
      std::string key;
      for (std::size_t j = after; j < words.size() && j <= after + 1 && key.empty(); ++j) {
        if (auto it = lex.rate_nouns.find(words[j].lower); it != lex.rate_nouns.end()) key = it->second;
        if (words[j].punct_after) break;
      }
      for (std::size_t k = first; key.empty() && k-- > 0 && first - k <= kWordsBefore;) {
        if (cue(k) == "clause" || words[k].number) break;
        if (auto it = lex.rate_nouns.find(words[k].lower); it != lex.rate_nouns.end()) key = it->second;
      }
      if (key.empty()) continue;
      // As written with its sign or word: "25 percent", "30%".
      out->push_back(MakeClaim(text, words, first, percent_end, std::move(key), value));
      i = std::max(i, after - 1);
      continue;
    }
    const bool joined_before = first > 0 && !words[first - 1].punct_after;
    // "the two countries", "our two nations", "both sides": a small number
    // in words after a definite or possessive word refers back to what the
    // text has named; it reports no figure, and every story about two
    // parties would agree on it.
    if (!words[first].number && value <= 10 && joined_before &&
        (words[first - 1].lower == "the" || words[first - 1].lower == "these" ||
         words[first - 1].lower == "those" || words[first - 1].lower == "all" || cue(first - 1) == "possessive"))
      continue;
    // A bare four-digit year ("since 2014") counts nothing.
    if (words[first].number && words[first].lower.size() == 4 && value >= 1800 && value <= 2100) continue;
    // "magnitude 7.1", "category 4": a grade on a scale, not a count.
    if (joined_before && cue(first - 1) == "label") continue;
    // A fraction counts no people nor things ("7.1", but "1.2 million" is
    // whole); it is a measure, which outlets word too freely to compare.
    if (value != static_cast<double>(static_cast<long long>(value))) continue;
    // "three more bodies": an increase, not the total outlets report.
    if (!words[last].punct_after && last + 1 < words.size() && cue(last + 1) == "increment") continue;
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
        // A new clause counts something else ("rose to 15 after rescuers").
        if (cue(j) == "clause") break;
        auto it = lex.quantity_nouns.find(words[j].lower);
        if (it != lex.quantity_nouns.end()) {
          key = it->second;
          noun = j;
          break;
        }
        const std::string& lw = words[j].lower;
        // Written in lower case: a capitalised word is a name ("4
        // Kessars"), not what the number counts.
        const bool lower_case = text[words[j].begin] >= 'a' && text[words[j].begin] <= 'z';
        // Nouns in "-man" make their plural in "-men" ("14 fishermen",
        // "six gunmen", "20 women"), the people news counts most often
        // beside those in "-s".
        const bool men = lw.size() >= 5 && lw.compare(lw.size() - 3, 3, "men") == 0;
        if (!plural && lower_case && lw.size() > 3 && (men || (lw.back() == 's' && lw[lw.size() - 2] != 's')) &&
            !lex.stopwords.count(lw) &&
            std::all_of(lw.begin(), lw.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
          plural = j;
        }
        if (words[j].number || words[j].punct_after) break;
      }
    }
    if (key.empty() && plural) {
      key = words[plural].lower;
      noun = plural;
      // "12 miners were killed", "killing 41 workers": people of some
      // trade or group, counted by what happened to them, are the toll
      // every outlet reports, however each names them.
      std::string ctx;
      if (joined_before) {
        auto it = lex.contexts.find(words[first - 1].lower);
        if (it != lex.contexts.end()) ctx = it->second;
      }
      for (std::size_t k = plural + 1; ctx.empty() && k < words.size() && k <= plural + 3; ++k) {
        if (words[k - 1].punct_after || words[k].number || cue(k) == "clause") break;
        auto it = lex.contexts.find(words[k].lower);
        if (it != lex.contexts.end()) ctx = it->second;
      }
      if (!ctx.empty()) key = "people " + ctx;
    }
    if (key == "-") continue;
    // "three of the 14 people detained", "two of them": a part of a group
    // named after "of", never a count of a noun before it ("Police said
    // all but three of ..." counts no police officers).
    const bool partitive = key.empty() && !words[last].punct_after && last + 1 < words.size() &&
                           words[last + 1].lower == "of";
    if (key.empty() && !partitive) {
      for (std::size_t k = first; k-- > 0 && first - k <= kWordsBefore;) {
        auto it = lex.quantity_nouns.find(words[k].lower);
        if (it != lex.quantity_nouns.end()) {
          key = it->second;
          noun = k;
          break;
        }
      }
      // A unit of time or measure before it counts nothing comparable either.
      if (key == "-") continue;
      // People borrowed from before take the context word right after the
      // number, which says what happened to these ("1,100 people were
      // injured and 35,000 displaced": the 35,000 were displaced), also
      // past a verb that links it ("12 people died and 40 were missing",
      // "and 30 are still missing": the 40 and the 30 are not the dead).
      if (key == "people" || key.rfind("people ", 0) == 0) {
        for (std::size_t j = last + 1; j < words.size() && j <= last + kWordsAfterBorrowed; ++j) {
          if (words[j - 1].punct_after || words[j].number || cue(j) == "clause") break;
          if (auto it = lex.contexts.find(words[j].lower); it != lex.contexts.end()) {
            key = "people " + it->second;
            break;
          }
        }
      }
    }
    // Only what counts voters takes a side ("300 troops against ..." does not).
    const bool voters = key.empty() || key == "votes" || key == "lawmakers" || key == "members" ||
                        key == "delegates" || key == "countries" || (plural && noun == plural && key.rfind("people ", 0) != 0);
    if (vote && voters) {
      // The side of a vote: "52 in favour and 38 against", "voted 52 to 38"
      // (or "52-38"). Each side is its own claim: the two figures are no
      // disagreement.
      std::string side;
      if (!words[last].punct_after) {
        for (std::size_t j = last + 1; j < words.size() && j <= last + 5; ++j) {
          if (words[j].number || cue(j) == "clause" || words[j].lower == "and" || words[j].lower == "but") break;
          const std::string_view r = cue(j);
          if (r == "favour" || r == "against") {
            side = r;
            break;
          }
          if (words[j].punct_after) break;
        }
      }
      auto dash_between = [&](std::size_t a) {
        return words[a].end < words[a + 1].begin && text.substr(words[a].end, words[a + 1].begin - words[a].end) == "-";
      };
      if (side.empty() && last + 2 < words.size() && !words[last].punct_after && words[last + 1].lower == "to" &&
          words[last + 2].number)
        side = "favour";
      else if (side.empty() && last + 1 < words.size() && words[last + 1].number && dash_between(last))
        side = "favour";
      else if (side.empty() && first >= 2 && words[first - 1].lower == "to" && !words[first - 2].punct_after &&
               words[first - 2].number)
        side = "against";
      else if (side.empty() && first >= 1 && words[first - 1].number && dash_between(first - 1))
        side = "against";
      if (side == "favour") key = "votes in favour";
      if (side == "against") key = "votes against";
    }
    if (key.empty()) continue;
    // A ship's crew is counted whole ("a crew of 31") and in parts by what
    // happened to them ("freed six seamen"): like "people", it
    // takes the sentence's context word, but without one it is the whole
    // crew, which outlets do compare.
    if (key == "people" || key == "crew") {
      // What happened to them: the context word nearest the noun.
      std::size_t best = SIZE_MAX;
      std::string ctx;
      for (std::size_t k = 0; k < words.size(); ++k) {
        auto consider = [&](const std::string& c) {
          std::size_t d = k > noun ? k - noun : noun - k;
          if (d < best) {
            best = d;
            ctx = c;
          }
        };
        for (const auto& [p, c] : lex.context_phrases)
          if (phrase_at(p, k)) consider(c);
        auto it = lex.contexts.find(words[k].lower);
        if (it == lex.contexts.end() || k == noun) continue;
        consider(it->second);
      }
      // People counted for no stated reason ("food for 10,000 people", "an
      // appeal to support 15,000 people") are whoever each sentence means:
      // two such figures measure no one quantity, so none is compared.
      if (ctx.empty() && key == "people") continue;
      if (!ctx.empty()) key += " " + ctx;
    }
    NumberClaim c = MakeClaim(text, words, first, words[last].end, std::move(key), value);
    // A capitalised word between the number and its noun says whose they
    // are ("four Russian diplomats", "two British diplomats"): figures of
    // different owners are different quantities.
    for (std::size_t j = last + 1; noun > last && j < noun; ++j) {
      const char c0 = text[words[j].begin];
      if (c0 < 'A' || c0 > 'Z' || words[j].number) continue;
      const std::string_view form = text.substr(words[j].begin, words[j].end - words[j].begin);
      auto country = gazetteer::Gazetteer::Default().CountryOf(form);
      c.qualifier = country ? *country : words[j].lower;
      break;
    }
    // "The toll rose to 21 after divers recovered nine bodies", "17 were
    // killed on Monday, after 12 on Sunday": a second figure of one count,
    // in a clause opened after the first, tells how the first came about
    // (what was added, or an earlier figure); the first is the total.
    bool subordinate = false;
    for (const auto& [counted, at] : given) {
      if (counted != c.key) continue;
      for (std::size_t j = at + 1; j < first && !subordinate; ++j) subordinate = cue(j) == "clause";
    }
    if (subordinate) continue;
    given.emplace_back(c.key, first);
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

bool TitlesDifferOnlyInTime(std::string_view a, std::string_view b) {
  const TitleWords x = SplitTitle(a), y = SplitTitle(b);
  auto without_time = [](std::vector<std::string> w) {
    std::erase_if(w, [](const std::string& s) { return s == "former" || s == "ex"; });
    return w;
  };
  return x.words != y.words && without_time(x.words) == without_time(y.words);
}

}  // namespace sitrep::stories::detail
