#include "entities/span_rules.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/hash.h"
#include "core/resources.h"
#include "entities/word_lex.h"
#include "syntax/token_features.h"

namespace sitrep::entities {
namespace {

constexpr int kPer = 0, kOrg = 1, kLoc = 2, kMisc = 3;
constexpr std::uint32_t kPlaceB = kGazCountryB | kGazCityB | kGazRegionB;
constexpr std::uint32_t kPlaceI = kGazCountryI | kGazCityI | kGazRegionI;
constexpr std::uint32_t kOrgB = kGazOrgB | kGazBodyB;
constexpr std::uint32_t kOrgI = kGazOrgI | kGazBodyI;
constexpr std::uint32_t kListed = kPlaceB | kPlaceI | kOrgB | kOrgI | kGazRole | kGazHonorific | kGazDemonym;

bool Possessive(const NerToken& x) {
  static const std::uint64_t kPos = Hash64("POS");
  return x.xpos == kPos;
}

// The lower-case hash a token of `word` carries (NerToken::f.lower).
std::uint64_t LowerHash(std::string_view word) {
  syntax::TokenFeatures f;
  std::string scratch;
  syntax::ComputeTokenFeatures(word, scratch, &f);
  return f.lower;
}

// data/ner/name_heads.tsv: words that type a name from outside it.
struct NameHeads {
  std::unordered_map<std::uint64_t, int> last;    // lower-case hash -> type of a name it ends
  std::unordered_map<std::uint64_t, int> before;  // lower-case hash -> type of a name after "WORD of"
  std::unordered_map<std::uint64_t, int> first;   // lower-case hash -> type of a name it starts
  std::unordered_map<std::uint64_t, int> person;  // lower-case hash -> type of a "person" it ends
  // Of `person`, the words that also retype an unlisted "place" they end
  // ("Kessar Bank" typed a place; the listed "West Bank" stays one).
  std::unordered_set<std::uint64_t> place;
  // Words of `last` that close a name: no "of X" or "for X" after them
  // belongs to it ("Kessar Holdings Ltd of Lenhall" is a company and a place).
  std::unordered_set<std::uint64_t> closing;
  std::unordered_map<std::uint64_t, int> whole;   // lower-case hash -> type of "WORD of NAME" as one name
  // Words that end an organisation's name only where "and" joins it to a
  // name before ("[Civic Rights] and Elections Office"); alone they also end
  // places ("Oval Office").
  std::unordered_set<std::uint64_t> join;
  // Lower-case words of vessels right before a ship's name ("the tanker X").
  std::unordered_set<std::uint64_t> vessel;
  // Prefixes in capitals that open a ship's name ("HMS X", "CGS X").
  std::unordered_set<std::uint64_t> ship_prefix;
  // Adjectives of peoples, faiths and movements ("Hispanic", "Sunni").
  std::unordered_set<std::uint64_t> adjective;
  // Lower-case words right after a name that type it ("the Lenhall
  // Courier newspaper", "Kessar magazine").
  std::unordered_map<std::uint64_t, int> next;
  std::uint64_t of = 0, comma = 0, the = 0;
};

const NameHeads& Heads() {
  static const NameHeads heads = [] {
    NameHeads h;
    auto lower = [](std::string_view w) { return LowerHash(w); };
    h.of = lower("of");
    h.comma = lower(",");
    h.the = lower("the");
    for (std::string_view line : DataLines(Resource("ner/name_heads.tsv"))) {
      std::size_t t1 = line.find('\t'), t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
      SITREP_CHECK(t2 != std::string_view::npos, ConfigError, "data/ner/name_heads.tsv: malformed line: " << line);
      std::string_view word = line.substr(0, t1), where = line.substr(t1 + 1, t2 - t1 - 1), type = line.substr(t2 + 1);
      SITREP_CHECK(type == "ORG" || type == "LOC" || type == "MISC" || (type == "PER" && where == "last"), ConfigError,
                   "data/ner/name_heads.tsv: bad type: " << line);
      SITREP_CHECK(where == "last" || where == "final" || where == "before" || where == "first" || where == "whole" ||
                       where == "person" || where == "place" || where == "next" || (where == "join" && type == "ORG") ||
                       ((where == "vessel" || where == "prefix" || where == "adjective") && type == "MISC"),
                   ConfigError,
                   "data/ner/name_heads.tsv: bad position: " << line);
      if (where == "final") h.closing.insert(lower(word));
      if (where == "place") h.place.insert(lower(word));
      if (where == "join") {
        h.join.insert(lower(word));
        continue;
      }
      if (where == "vessel") {
        h.vessel.insert(lower(word));
        continue;
      }
      if (where == "prefix") {
        h.ship_prefix.insert(lower(word));
        continue;
      }
      if (where == "adjective") {
        h.adjective.insert(lower(word));
        continue;
      }
      auto& table = where == "next"                         ? h.next
                    : where == "last" || where == "final" ? h.last
                    : where == "before"                   ? h.before
                    : where == "whole"                    ? h.whole
                    : where == "person" || where == "place" ? h.person
                                                          : h.first;
      table[lower(word)] = type == "ORG" ? kOrg : type == "LOC" ? kLoc : type == "PER" ? kPer : kMisc;
    }
    return h;
  }();
  return heads;
}

// A preposition, determiner or conjunction written in lower case.
bool FunctionWord(const NerToken& x) {
  // Not PART: a possessive "'s" ends shop names in the corpora ("Wendy's").
  static const std::uint64_t kTags[] = {Hash64("ADP"), Hash64("DET"), Hash64("CCONJ"), Hash64("SCONJ")};
  if (x.f.flags & (syntax::kHasUpper | syntax::kHasDigit)) return false;
  for (std::uint64_t tag : kTags) {
    if (x.upos == tag) return true;
  }
  return false;
}

// A word of lower-case letters alone, by its shape ("candid"; not "eBay",
// "3m" or "lenhall.com").
bool PlainLowerWord(const NerToken& x) {
  static const std::array<std::uint64_t, 3> kShapes = [] {
    std::array<std::uint64_t, 3> out{};
    const char* words[] = {"a", "ab", "abc"};
    for (int i = 0; i < 3; ++i) {
      syntax::TokenFeatures f;
      std::string scratch;
      syntax::ComputeTokenFeatures(words[i], scratch, &f);
      out[static_cast<std::size_t>(i)] = f.shape;
    }
    return out;
  }();
  return x.f.shape == kShapes[0] || x.f.shape == kShapes[1] || x.f.shape == kShapes[2];
}

// A quotation mark token: straight, typographic or doubled.
bool QuoteMark(const NerToken& x) {
  const std::string_view h(x.head.data(), strnlen(x.head.data(), x.head.size()));
  return h == "\"" || h == "''" || h == "``" || h == "\xE2\x80\x9C" || h == "\xE2\x80\x9D" || h == "\xE2\x80\x9E";
}

// A capitalised word ending as demonyms do: "-an" ("Dravenian",
// "Korean"), "-ese", "-ish".
bool DemonymEnding(const NerToken& x) {
  auto suffix = [](std::string_view w, int k) {
    syntax::TokenFeatures f;
    std::string scratch;
    syntax::ComputeTokenFeatures(w, scratch, &f);
    return f.suffix[k];
  };
  static const std::uint64_t kAn = suffix("xxan", 1), kEse = suffix("xese", 2), kIsh = suffix("xish", 2);
  return (x.f.flags & syntax::kTitle) && (x.f.suffix[1] == kAn || x.f.suffix[2] == kEse || x.f.suffix[2] == kIsh);
}

// A capitalised word ending in "-i", as many demonyms do ("Lorvani"), and
// as many surnames do too: read so only where no surname can stand.
bool IEnding(const NerToken& x) {
  static const std::uint64_t kI = [] {
    syntax::TokenFeatures f;
    std::string scratch;
    syntax::ComputeTokenFeatures("xxi", scratch, &f);
    return f.suffix[0];
  }();
  return (x.f.flags & syntax::kTitle) && x.f.suffix[0] == kI;
}

// One or two capital letters ("AP", "GE"), by the word's shape.
bool ShortCaps(const NerToken& x) {
  static const std::uint64_t kOne = [] {
    syntax::TokenFeatures f;
    std::string scratch;
    syntax::ComputeTokenFeatures("A", scratch, &f);
    return f.shape;
  }();
  static const std::uint64_t kTwo = [] {
    syntax::TokenFeatures f;
    std::string scratch;
    syntax::ComputeTokenFeatures("AB", scratch, &f);
    return f.shape;
  }();
  return x.f.shape == kOne || x.f.shape == kTwo;
}

// A capitalised word that may be part of a person's name: not listed as a
// place, organisation, title or demonym, and not a word the word table
// knows as mostly lower case.
bool NameWord(const NerToken& x) {
  const std::uint32_t caps = LexCaps(x.lex);
  return (x.f.flags & syntax::kTitle) && !(x.gaz & kListed) && (caps == 0 || caps >= 3);
}

void SetSpan(std::uint8_t* labels, std::size_t b, std::size_t e, int type) {
  if (b >= e) return;
  labels[b] = BeginLabel(type);
  for (std::size_t k = b + 1; k < e; ++k) labels[k] = InsideLabel(type);
}

void Clear(std::uint8_t* labels, std::size_t b, std::size_t e) {
  for (std::size_t k = b; k < e; ++k) labels[k] = kOutside;
}

// The type the gazetteer gives the words [b, e) when they are exactly one
// listed place or organisation; `fallback` otherwise.
int ListedType(const NerToken* t, std::size_t b, std::size_t e, std::size_t n, int fallback) {
  auto whole = [&](std::uint32_t first, std::uint32_t rest) {
    if (!(t[b].gaz & first)) return false;
    for (std::size_t k = b + 1; k < e; ++k) {
      if (!(t[k].gaz & rest)) return false;
    }
    return e == n || !(t[e].gaz & rest);  // the listed name does not run on
  };
  const bool place = whole(kPlaceB, kPlaceI), org = whole(kOrgB, kOrgI);
  // "UN" is also a small town's name ("Un"); an acronym in capitals
  // that lists as both is the organisation.
  if (place && org && e == b + 1 && (t[b].f.flags & syntax::kAllUpper)) return kOrg;
  if (place) return kLoc;
  if (org) return kOrg;
  return fallback;
}

std::size_t SpanEnd(const std::uint8_t* labels, std::size_t b, std::size_t n) {
  const int type = LabelType(labels[b]);
  std::size_t e = b + 1;
  while (e < n && labels[e] == InsideLabel(type)) ++e;
  return e;
}

// Calls f(b, e) for each labelled span [b, e) of one sentence, in order;
// f may relabel words inside its span (the walk goes on at e).
template <typename F>
void EachSpan(std::uint8_t* labels, std::size_t n, F f) {
  for (std::size_t b = 0; b < n;) {
    if (labels[b] == kOutside) {
      ++b;
      continue;
    }
    const std::size_t e = labels[b] == kOutside ? b + 1 : SpanEnd(labels, b, n);
    f(b, e);
    b = e;
  }
}

// Extends a person's name from `e` over up to two more name words the model
// left outside ("Jens" + "Albrecht").
std::size_t GrowName(const NerToken* t, const std::uint8_t* labels, std::size_t e, std::size_t n) {
  std::size_t x = e;
  while (x < n && x < e + 2 && labels[x] == kOutside && NameWord(t[x])) ++x;
  return x;
}

// Organisation names that hold "and" or start with "Head for": the model
// often cuts "the Council for [Coastal Trade and Fisheries]" and
// "[Lenhall Water] and Sanitation Authority" short, since most names it
// learned have neither. A capitalised word that ends organisation names
// (data/ner/name_heads.tsv) decides both.
void JoinOrganisationNames(const NerToken* t, std::size_t n, std::uint8_t* labels) {
  static const std::uint64_t and_lower = LowerHash("and"), for_lower = LowerHash("for");
  auto lower_hash = [](const NerToken& x) { return x.f.lower; };
  auto org_head = [&](std::size_t k) {
    auto it = Heads().last.find(t[k].f.lower);
    return it != Heads().last.end() && it->second == kOrg && (t[k].f.flags & syntax::kTitle);
  };
  auto capitalised = [&](std::size_t k) {
    return (t[k].f.flags & (syntax::kTitle | syntax::kAllUpper)) && !(t[k].gaz & (kPlaceB | kOrgB));
  };
  for (std::size_t b = 0; b < n;) {
    if (labels[b] == kOutside) {
      ++b;
      continue;
    }
    std::size_t e = SpanEnd(labels, b, n);
    const int type = LabelType(labels[b]);
    const bool head_for = e >= b + 3 && org_head(b) &&
                          (lower_hash(t[b + 1]) == Heads().of || lower_hash(t[b + 1]) == for_lower);
    if (type != kPer && e + 2 < n && lower_hash(t[e]) == and_lower && !(t[e].f.flags & syntax::kHasUpper)) {
      // "[Lenhall Water] and [Sanitation Authority]": a name, "and", then
      // capitalised words that end in an organisation word, found by the
      // model or left out, are one organisation.
      auto closes = [&](std::size_t x) { return org_head(x) || (Heads().join.count(t[x].f.lower) && (t[x].f.flags & syntax::kTitle)); };
      std::size_t k = e + 1;
      while (k < n && k < e + 5 && capitalised(k) && !closes(k) &&
             (labels[k] == kOutside || (k > e + 1 && labels[k] == InsideLabel(LabelType(labels[e + 1]))) ||
              (k == e + 1 && LabelType(labels[k]) == kOrg))) {
        ++k;
      }
      const bool run_ok = k < n && k > e + 1 && closes(k) &&
                          (labels[k] == kOutside || (labels[e + 1] != kOutside && labels[k] == InsideLabel(kOrg)));
      // A first part that is a whole organisation already ("Ministry of
      // Defence and Foreign Ministry") is one of two.
      bool first_has_head = false;
      for (std::size_t x = b; x < e; ++x) first_has_head = first_has_head || org_head(x);
      if (run_ok && !first_has_head && ListedType(t, b, e, n, -1) < 0) {
        e = k + 1;
        SetSpan(labels, b, e, kOrg);
      } else if (type == kOrg && head_for) {
        // "[Ministry for Fisheries] and Ocean Affairs": after "Head for
        // X", "and" and capitalised words the model left out finish the
        // name, unless they start another ("and Foreign Ministry").
        std::size_t j = e + 1;
        while (j < n && j < e + 4 && labels[j] == kOutside && capitalised(j) && !org_head(j)) ++j;
        if (j > e + 1 && (j == n || !(t[j].f.flags & (syntax::kTitle | syntax::kAllUpper)))) {
          e = j;
          SetSpan(labels, b, e, kOrg);
        }
      }
    }
    // "[Relief Headquarters] for the Care of Coastal
    // [Towns]": a name that ends on an organisation word takes "for" and the
    // capitalised words after it, joined by "of", "and" or "the", whatever
    // the model made of them.
    if (type == kOrg && e + 1 < n && (org_head(e - 1) || (Heads().join.count(t[e - 1].f.lower) &&
                                                         (t[e - 1].f.flags & syntax::kTitle))) &&
        lower_hash(t[e]) == for_lower && !(t[e].f.flags & syntax::kHasUpper)) {
      static const std::uint64_t the_lower = LowerHash("the");
      std::size_t j = e + 1, end = e;
      if (j < n && lower_hash(t[j]) == the_lower && !(t[j].f.flags & syntax::kHasUpper)) ++j;
      while (j < n && j < e + 12) {
        if (capitalised(j) || ((t[j].f.flags & syntax::kTitle) && (labels[j] != kOutside))) {
          end = ++j;
          continue;
        }
        const std::uint64_t w = lower_hash(t[j]);
        const bool joiner = !(t[j].f.flags & syntax::kHasUpper) && (w == Heads().of || w == and_lower || w == the_lower);
        if (!joiner || j + 1 >= n || !(t[j + 1].f.flags & syntax::kTitle)) break;
        ++j;
      }
      if (end > e + 1) {
        e = end;
        SetSpan(labels, b, e, kOrg);
      }
    }
    // "the Commission for X", "the University of X": a capitalised
    // organisation word and "for" or "of" right before the name belong to it,
    // with a name it ends ("Regional Commission for X").
    if (b >= 2 && org_head(b - 2) && !Heads().closing.count(t[b - 2].f.lower) &&
        !(t[b - 1].f.flags & syntax::kHasUpper) &&
        (lower_hash(t[b - 1]) == Heads().of || lower_hash(t[b - 1]) == for_lower) &&
        (labels[b - 2] == kOutside || LabelType(labels[b - 2]) == kOrg)) {
      std::size_t s0 = b - 2;
      while (s0 > 0 && labels[s0] != kOutside && !IsBegin(labels[s0])) --s0;
      SetSpan(labels, s0, e, kOrg);
    }
    b = e;
  }
}

}  // namespace

// The letters of an acronym written in capitals, two to seven of them
// ("GNA"); empty for any other word (dotted "U.S.", digits, long words).
std::string_view AcronymLetters(const NerToken& x) {
  if (!(x.f.flags & syntax::kAllUpper) || (x.f.flags & (syntax::kHasDigit | syntax::kHasHyphen | syntax::kNonAscii)))
    return {};
  std::size_t len = 0;
  while (len < x.head.size() && x.head[len] != '\0') {
    if (x.head[len] < 'A' || x.head[len] > 'Z') return {};
    ++len;
  }
  if (len < 2 || len == x.head.size()) return {};
  return std::string_view(x.head.data(), len);
}

// Whether `acronym` abbreviates the name [b, e): its letters are the
// initials of the name's capitalised words, in order, all of them ("Gulf
// News Agency" -> "GNA", "Office of Budget Review" -> "OBR"), allowing
// one word before them ("The") that it leaves out.
bool Abbreviates(std::string_view acronym, const NerToken* t, std::size_t b, std::size_t e) {
  char initials[16];
  std::size_t k = 0;
  for (std::size_t x = b; x < e; ++x) {
    if (!(t[x].f.flags & (syntax::kTitle | syntax::kAllUpper))) continue;
    if (k == sizeof initials) return false;
    initials[k++] = t[x].head[0];
  }
  const std::string_view all(initials, k);
  return all == acronym || (k >= 1 && all.substr(1) == acronym);
}

// The position of the acronym in "NAME ( ACRONYM )" right after the name
// that ends at e, or n when there is none.
std::size_t DefinedAcronym(const NerToken* t, std::size_t n, std::size_t b, std::size_t e) {
  static const std::uint64_t open = LowerHash("("), close = LowerHash(")");
  if (e + 2 >= n || t[e].f.lower != open || t[e + 2].f.lower != close) return n;
  const std::string_view acronym = AcronymLetters(t[e + 1]);
  if (acronym.empty() || !Abbreviates(acronym, t, b, e)) return n;
  return e + 1;
}

// "the Department of Housing and Urban Development": an organisation
// found up to its organisation word ("Department", data/ner/name_heads.tsv)
// takes the capitalised words after "of" or "for", and after an "and"
// that joins two such runs, unless the second run is an organisation of
// its own ("Ministry of Defence and Foreign Ministry").
std::size_t ExtendOrganisationOf(const NerToken* t, std::size_t n, const std::uint8_t* labels, std::size_t e) {
  static const std::uint64_t for_lower = LowerHash("for"), and_lower = LowerHash("and"), on_lower = LowerHash("on");
  // "on" names a body's subject only after the words of bodies so named
  // ("Commission on Human Rights"); after others it starts a date or a
  // place ("the Interior Department on Thursday").
  static const std::array<std::uint64_t, 9> subject_heads = {
      LowerHash("commission"), LowerHash("committee"), LowerHash("council"),    LowerHash("conference"),
      LowerHash("panel"),      LowerHash("forum"),     LowerHash("convention"), LowerHash("subcommittee"),
      LowerHash("taskforce")};
  if (e + 1 >= n || (t[e].f.lower != Heads().of && t[e].f.lower != for_lower && t[e].f.lower != on_lower) ||
      (t[e].f.flags & syntax::kHasUpper))
    return e;
  if (t[e].f.lower == on_lower &&
      std::find(subject_heads.begin(), subject_heads.end(), t[e - 1].f.lower) == subject_heads.end())
    return e;
  auto it = Heads().last.find(t[e - 1].f.lower);
  if (it == Heads().last.end() || it->second != kOrg || Heads().closing.count(t[e - 1].f.lower) ||
      !(t[e - 1].f.flags & syntax::kTitle))
    return e;
  auto capitalised_run = [&](std::size_t from, bool* has_head) {
    std::size_t k = from;
    if (has_head) *has_head = false;
    while (k < n && k < from + 5 && (t[k].f.flags & (syntax::kTitle | syntax::kAllUpper)) && !Possessive(t[k]) &&
           (labels[k] == kOutside || IsBegin(labels[k]) || k > from)) {
      if (has_head) {
        auto h = Heads().last.find(t[k].f.lower);
        *has_head = *has_head || (h != Heads().last.end() && h->second == kOrg);
      }
      ++k;
    }
    // Never half of a span the model found.
    while (k > from && k < n && labels[k] != kOutside && !IsBegin(labels[k])) --k;
    return k;
  };
  // "Ministry of the Interior", "Department of the Treasury": "the" may
  // come between, before the body's own words (a listed name that starts
  // after "of the", "the Council of the European Union", is a body of its
  // own).
  std::size_t from = e + 1;
  if (t[e].f.lower == Heads().of && from + 1 < n && t[from].f.lower == Heads().the && !(t[from].f.flags & syntax::kHasUpper)) {
    const std::size_t k = capitalised_run(from + 1, nullptr);
    bool listed = false;
    for (std::size_t x = from + 1; x < k && !listed; ++x) listed = (t[x].gaz & (kPlaceB | kOrgB)) != 0;
    if (k == from + 1 || listed) return e;
    return k;
  }
  std::size_t k = capitalised_run(from, nullptr);
  if (k == e + 1) return e;
  if (k + 1 < n && t[k].f.lower == and_lower && !(t[k].f.flags & syntax::kHasUpper)) {
    bool second_head = false;
    const std::size_t k2 = capitalised_run(k + 1, &second_head);
    if (k2 > k + 1 && !second_head && (k2 == n || !(t[k2].f.flags & (syntax::kTitle | syntax::kAllUpper)))) k = k2;
  }
  return k;
}

void ApplySpanRules(const NerToken* t, std::size_t n, std::uint8_t* labels) {
  static const std::uint64_t kNounTag = Hash64("NOUN"), kPropnTag = Hash64("PROPN");
  // Lower-case words in quotation marks are a scare quote ("described as
  // “candid”"), not a name written in lower case as web text writes
  // "ebay" (UNER marks those).
  for (std::size_t b = 1; b + 1 < n;) {
    if (!IsBegin(labels[b])) {
      ++b;
      continue;
    }
    const std::size_t e = SpanEnd(labels, b, n);
    bool marked = false;
    for (std::size_t x = b; x < e && !marked; ++x) marked = !PlainLowerWord(t[x]);  // "paulhastings.com" is a name
    if (!marked && e < n && QuoteMark(t[b - 1]) && QuoteMark(t[e])) Clear(labels, b, e);
    // "sailed through the strait": one lower-case word after "the" that heads
    // its phrase is the common noun for a name said before ("the Strait of
    // Lenhall ... the strait"), never a name itself, however often the word
    // table saw it capitalised; web text's lower-case names ("ebay") come
    // bare or before the noun they modify ("the ebay app").
    else if (!marked && e == b + 1 && t[b - 1].f.lower == Heads().the && !(t[b - 1].f.flags & syntax::kHasUpper) &&
             !(e < n && (t[e].upos == kNounTag || t[e].upos == kPropnTag)))
      Clear(labels, b, e);
    b = e;
  }
  // "Trinidad and [Tobago Coast Guard]", "Bosnia and
  // [Herzegovina's army]": a name the model starts inside a listed place's
  // name, whose first words it left out, starts where the place's does.
  for (std::size_t b = 1; b < n;) {
    if (!IsBegin(labels[b]) || !(t[b].gaz & kPlaceI)) {
      ++b;
      continue;
    }
    const std::size_t e = SpanEnd(labels, b, n);
    std::size_t k = b;
    // Not across a comma: "Washington, D.C." stays the city and its district.
    while (k > 0 && (t[k].gaz & kPlaceI) && (t[k - 1].gaz & (kPlaceB | kPlaceI)) && t[k - 1].f.lower != Heads().comma) {
      --k;
      if (!(t[k].gaz & kPlaceI)) break;
    }
    // The words taken in are outside any name or a name of their own
    // inside the place's ("[Trinidad] and [Tobago Coast Guard]"), never
    // the end of a longer name that starts before it.
    if (k < b && (t[k].gaz & kPlaceB) && !(t[k].gaz & kPlaceI) && (t[k].gaz & kGazCaseMatch) &&
        (t[k].f.flags & syntax::kTitle) && (labels[k] == kOutside || IsBegin(labels[k])))
      SetSpan(labels, k, e, LabelType(labels[b]));
    b = e;
  }
  // "the Lenhall Courier newspaper", "told Kessar magazine": capitalised
  // words right before a lower-case word that types what it follows
  // (name_heads.tsv, "next") are that kind of name, whatever the model
  // made of them or if it left them out. Not a listed place or a people's
  // adjective alone ("a Lenhall newspaper", "the British weekly": a
  // town's or a people's paper), nor a weekday or month ("a Sunday
  // newspaper").
  static const std::uint64_t kTimeWords[] = {
      LowerHash("monday"),  LowerHash("tuesday"),   LowerHash("wednesday"), LowerHash("thursday"), LowerHash("friday"),
      LowerHash("saturday"), LowerHash("sunday"),   LowerHash("january"),   LowerHash("february"), LowerHash("march"),
      LowerHash("april"),   LowerHash("may"),       LowerHash("june"),      LowerHash("july"),     LowerHash("august"),
      LowerHash("september"), LowerHash("october"), LowerHash("november"),  LowerHash("december")};
  for (std::size_t e = 1; e < n; ++e) {
    const auto kind = Heads().next.find(t[e].f.lower);
    if (kind == Heads().next.end() || !PlainLowerWord(t[e]) || labels[e] != kOutside) continue;
    // The word ends its phrase ("Kessar magazine said"): before a noun it
    // may be an adjective ("Lenhall daily life").
    if (e + 1 < n && (t[e + 1].upos == kNounTag || t[e + 1].upos == kPropnTag)) continue;
    std::size_t b = e;
    while (b > 0 && e - b < 5) {
      if ((t[b - 1].f.flags & (syntax::kTitle | syntax::kAllUpper)) && t[b - 1].f.lower != Heads().the) {
        --b;
      } else if (b >= 2 && b < e && Possessive(t[b - 1]) && (t[b - 2].f.flags & syntax::kTitle) &&
                 !(t[b - 2].gaz & kListed) && (labels[b - 2] == kOutside || LabelType(labels[b - 2]) == kOrg || LabelType(labels[b - 2]) == kMisc)) {
        b -= 2;  // "the Workers' Daily newspaper"-style names; not "Lenhall's Courier newspaper" nor a person's
      } else {
        break;
      }
    }
    // A capitalised determiner opening the sentence is no part of it ("An
    // Israeli newspaper").
    static const std::uint64_t kDeterminers[] = {LowerHash("a"), LowerHash("an"), LowerHash("this"),
                                                 LowerHash("that"), LowerHash("its"), LowerHash("one")};
    while (b < e && std::find(std::begin(kDeterminers), std::end(kDeterminers), t[b].f.lower) != std::end(kDeterminers)) ++b;
    if (b == e || (b > 0 && labels[b] != kOutside && !IsBegin(labels[b]))) continue;
    // The whole run, and no name that runs on into it from before.
    if (b > 0 && labels[b - 1] != kOutside && labels[b] != kOutside && !IsBegin(labels[b])) continue;
    bool time_word = false, sentence_start_only = b == 0 && e == 1;
    for (std::size_t x = b; x < e; ++x)
      for (std::uint64_t w : kTimeWords) time_word = time_word || t[x].f.lower == w;
    const int listed = ListedType(t, b, e, n, -1);
    const bool demonym = e == b + 1 && ((t[b].gaz & kGazDemonym) || DemonymEnding(t[b]) || Heads().adjective.count(t[b].f.lower));
    if (time_word || sentence_start_only || listed == kLoc || demonym) continue;
    SetSpan(labels, b, e, kind->second);
  }
  // "Senators Varnell and Kessar": a capitalised plural of a listed role
  // before a name and "and" is the title of the people named on both sides
  // of "and", whatever type the model gave the words after it (it reads
  // the plural as a name's first word, as it would "Lenhall Varnell").
  static const std::uint64_t and_lower = LowerHash("and");
  EachSpan(labels, n, [&](std::size_t b, std::size_t e) {
    if (!(t[b].gaz & kGazRolePlural) || !(t[b].f.flags & syntax::kTitle) || e - b < 2) return;
    std::size_t conj = b + 2;
    while (conj <= e && conj < n && t[conj].f.lower != and_lower) ++conj;
    if (conj >= n || t[conj].f.lower != and_lower || (t[conj].f.flags & syntax::kHasUpper)) return;
    // The second name: the model's span there, else up to three
    // capitalised words.
    const std::size_t second = conj + 1;
    if (second >= n || !(t[second].f.flags & syntax::kTitle)) return;
    std::size_t last = second + 1;
    if (second >= e && IsBegin(labels[second])) {
      last = SpanEnd(labels, second, n);
    } else {
      while (last < n && last < second + 3 && (t[last].f.flags & syntax::kTitle)) ++last;
    }
    labels[b] = kOutside;
    SetSpan(labels, b + 1, conj, kPer);
    labels[conj] = kOutside;
    SetSpan(labels, conj + 1, last, kPer);
  });
  // "Sgt Ana Kessar of Lenhall's coast guard": a person's span run on over
  // "of" and a listed place that owns the next noun is the person and the
  // place; the possessive says the place is no part of the name.
  EachSpan(labels, n, [&](std::size_t b, std::size_t e) {
    if (LabelType(labels[b]) != kPer || e >= n || !Possessive(t[e])) return;
    for (std::size_t o = e - 1; o > b + 1; --o) {
      if (t[o - 1].f.lower != Heads().of || (t[o - 1].f.flags & syntax::kHasUpper)) continue;
      if (ListedType(t, o, e, n, -1) != kLoc) return;
      labels[o - 1] = kOutside;
      SetSpan(labels, b, o - 1, kPer);
      SetSpan(labels, o, e, kLoc);
      return;
    }
  });
  // A listed organisation's acronym in its own capitals ("NATO, which ..."),
  // of three letters or more ("AP", "GE" are too often something else) and
  // outside a line written in capitals ("WHO CARES").
  std::size_t upper = 0, alpha = 0, capitalised = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(t[i].f.flags & syntax::kHasAlpha)) continue;
    ++alpha;
    upper += (t[i].f.flags & syntax::kAllUpper) != 0;
    capitalised += (t[i].f.flags & (syntax::kTitle | syntax::kAllUpper)) != 0;
  }
  for (std::size_t i = 0; i < n && upper * 2 < alpha; ++i) {
    if (labels[i] == kOutside && (t[i].gaz & kGazOrgB) && (t[i].gaz & kGazCaseMatch) &&
        (t[i].f.flags & syntax::kAllUpper) && !ShortCaps(t[i]) &&
        (i + 1 == n || !(t[i + 1].gaz & kGazOrgI))) {
      labels[i] = BeginLabel(kOrg);
    }
  }
  // A listed organisation's name of two words or more, written in its own
  // capitals, that the model left out wholly because the tagger read its
  // last word as a common noun ("The Varnell Union appealed", "Union" an
  // NN at a sentence's start) is an organisation: the gazetteer knows it.
  // Where the tagger saw proper nouns the model's choice stands (a group
  // named in passing, as some annotators leave it).
  static const std::uint64_t kProper = Hash64("NNP"), kProperPlural = Hash64("NNPS");
  for (std::size_t i = 0; i < n && upper * 2 < alpha; ++i) {
    if (labels[i] != kOutside || !(t[i].gaz & kGazOrgB) || !(t[i].gaz & kGazCaseMatch) ||
        !(t[i].f.flags & (syntax::kTitle | syntax::kAllUpper)))
      continue;
    std::size_t e = i + 1;
    while (e < n && (t[e].gaz & kGazOrgI) && labels[e] == kOutside) ++e;
    if (e - i < 2 || !(t[e - 1].f.flags & (syntax::kTitle | syntax::kAllUpper)) || t[e - 1].xpos == kProper ||
        t[e - 1].xpos == kProperPlural || ListedType(t, i, e, n, -1) != kOrg)
      continue;
    SetSpan(labels, i, e, kOrg);
    i = e - 1;
  }
  // A listed organisation's short form in title case that the model left
  // out: an acronym as British papers write one ("Lrc" for LRC). Not at a
  // sentence start or in a headline, where any word is capitalised, nor a
  // place or a word the word table knows as mostly lower case. One-word
  // names ("Pepsi") are left to the model, which learned from UNER that a
  // company named as its product or website is no name there.
  constexpr std::uint32_t kPlaceBits = kGazCountryB | kGazCountryI | kGazCityB | kGazCityI | kGazRegionB | kGazRegionI;
  if (alpha >= 3 && capitalised * 5 < alpha * 4) {  // not a headline (as the tagger's CapsBucket reads one)
    for (std::size_t i = 1; i < n; ++i) {
      const std::uint32_t caps = LexCaps(t[i].lex);
      if (labels[i] == kOutside && (t[i].gaz & kGazOrgShortForm) && !(t[i].gaz & kPlaceBits) &&
          (t[i].f.flags & syntax::kTitle) && t[i].head[3] != '\0' && (caps == 0 || caps >= 3) &&
          (i + 1 == n || !(t[i + 1].gaz & kGazOrgI)) && (i + 1 == n || labels[i + 1] == kOutside ||
                                                         IsBegin(labels[i + 1]))) {
        labels[i] = BeginLabel(kOrg);
      }
    }
  }
  // An area of areas.tsv in its own capitals ("Donbas", "West Bank") that
  // the model left out, or found as a name of another type, is a place.
  for (std::size_t i = 0; i < n && upper * 2 < alpha;) {
    if (!(t[i].gaz & kGazArea)) {
      ++i;
      continue;
    }
    std::size_t e = i + 1;
    while (e < n && (t[e].gaz & kGazArea)) ++e;
    bool outside = true;
    for (std::size_t k = i; k < e; ++k) outside = outside && labels[k] == kOutside;
    const bool exact = IsBegin(labels[i]) && SpanEnd(labels, i, n) == e;
    if (outside || exact) SetSpan(labels, i, e, kLoc);
    i = e;
  }
  // An address ends the name before it, and the words after it start a
  // name of their own ("Ana Ruiz ana@lenhall.org Lenhall Water Board").
  for (std::size_t i = 0; i < n; ++i) {
    if (!t[i].web || labels[i] == kOutside) continue;
    const int type = LabelType(labels[i]);
    labels[i] = kOutside;
    if (i + 1 < n && labels[i + 1] == InsideLabel(type)) labels[i + 1] = BeginLabel(type);
  }
  // "the town of Tessit" with the name left out by the model.
  for (std::size_t i = 2; i < n; ++i) {
    if (labels[i] != kOutside || !NameWord(t[i]) || t[i - 1].f.lower != Heads().of ||
        (t[i - 2].f.flags & (syntax::kTitle | syntax::kAllUpper))) {
      continue;
    }
    auto it = Heads().before.find(t[i - 2].f.lower);
    if (it == Heads().before.end()) continue;
    std::size_t e = i + 1;
    while (e < n && e < i + 3 && labels[e] == kOutside && NameWord(t[e])) ++e;
    if (e < n && labels[e] != kOutside && !IsBegin(labels[e])) continue;
    SetSpan(labels, i, e, it->second);
    i = e;
  }
  // "union leader Agnes Whitfield told", "said her deputy, Ray Osei": two
  // or more capitalised words right after a listed role (and an optional
  // comma), left out by the model, are a person's name. One of them must
  // be no listed place or organisation ("the minister, Hong Kong ..."),
  // and the first no role itself ("director General Motors").
  for (std::size_t i = 0; i + 2 < n; ++i) {
    if (!(t[i].gaz & kGazRole) || (t[i + 1].gaz & kGazRole) || labels[i] != kOutside) continue;
    std::size_t b = i + 1;
    if (t[b].f.lower == Heads().comma) ++b;
    std::size_t e = b;
    bool any_name = false;
    // Each word capitalised where it is seen at all ("Derivatives" is not).
    while (e < n && e < b + 4 && labels[e] == kOutside && (t[e].f.flags & syntax::kTitle) &&
           !(t[e].gaz & (kGazRole | kGazHonorific | kGazDemonym)) &&
           (LexCaps(t[e].lex) == 0 || LexCaps(t[e].lex) >= 3)) {
      any_name = any_name || NameWord(t[e]);
      ++e;
    }
    if (e - b < 2 || !any_name) continue;
    if (e < n && labels[e] != kOutside && !IsBegin(labels[e])) continue;
    SetSpan(labels, b, e, kPer);
    i = e;
  }
  for (std::size_t b = 0; b < n;) {
    if (labels[b] == kOutside) {
      ++b;
      continue;
    }
    const int type = LabelType(labels[b]);
    std::size_t e = SpanEnd(labels, b, n);
    // A name never ends in a lower-case function word ("Sweden of").
    while (e > b + 1 && FunctionWord(t[e - 1])) labels[--e] = kOutside;
    // Nor starts with a preposition ("The President [of Vastmark]"): the
    // model's span took the one of the title before it. A leading "the"
    // stays: some names are written with it ("the Pentagon").
    static const std::uint64_t kAdp = Hash64("ADP");
    if (e > b + 1 && FunctionWord(t[b]) && t[b].upos == kAdp) {
      while (e > b + 1 && FunctionWord(t[b]) && t[b].upos == kAdp) labels[b++] = kOutside;
      labels[b] = BeginLabel(type);
    }
    if (Possessive(t[b])) {  // never the start of a name
      labels[b] = kOutside;
      if (b + 1 < e) labels[b + 1] = BeginLabel(type);
      ++b;
      continue;
    }
    // "Lorvani Foreign Minister X": the start of a title the model took
    // into the name before it, when the title goes on after the span,
    // belongs to the title ("Foreign" of "Foreign Minister").
    if (type != kPer) {
      std::size_t ne = e;
      while (ne > b + 1 && (t[ne - 1].gaz & kGazRole) && (t[ne - 1].f.flags & syntax::kTitle) &&
             !(t[ne - 1].gaz & (kPlaceB | kPlaceI | kOrgB | kOrgI)))
        --ne;
      if (ne < e && e < n && labels[e] == kOutside && (t[e].gaz & kGazRole) && (t[e].f.flags & syntax::kTitle)) {
        Clear(labels, ne, e);
        e = ne;
      }
    }
    // A person span of titles alone right before capitalised name words
    // the model left out ("spokesman Colonel [Anton Varnell]"): the name
    // is those words, and the title stays a title. Alone, such a word may
    // be a surname ("King said") and stays as the model typed it.
    if (type == kPer) {
      bool titles = true;
      for (std::size_t x = b; x < e && titles; ++x) {
        titles = (t[x].gaz & (kGazRole | kGazHonorific)) && (t[x].f.flags & syntax::kTitle) &&
                 !(t[x].gaz & (kPlaceB | kPlaceI | kOrgB | kOrgI));
      }
      std::size_t ne = e;
      while (titles && ne < n && ne < e + 3 && labels[ne] == kOutside && NameWord(t[ne])) ++ne;
      if (ne > e) {
        Clear(labels, b, e);
        SetSpan(labels, e, ne, kPer);
        b = e;
        continue;
      }
    }
    // A describing common noun in lower case inside a person's span
    // ("Harlow billionaire Odal Kessar"): the name is the capitalised words
    // after it; the words before it are a listed place or organisation, or
    // no name. Name particles ("de", "van", "bin", "dos") have at most
    // three letters; the tagger may call the noun a proper one there.
    if (type == kPer && e - b >= 3) {
      std::size_t d = e;
      for (std::size_t x = b + 1; x + 1 < e; ++x) {
        if (PlainLowerWord(t[x]) && t[x].head[3] != 0 && !FunctionWord(t[x])) d = x;
      }
      bool names = d < e;
      for (std::size_t x = d + 1; x < e && names; ++x) names = (t[x].f.flags & syntax::kTitle) != 0;
      if (names) {
        const int before = ListedType(t, b, d, n, -1);
        if (before >= 0) {
          SetSpan(labels, b, d, before);
        } else {
          Clear(labels, b, d);
        }
        labels[d] = kOutside;
        SetSpan(labels, d + 1, e, kPer);
        b = d + 1;
        continue;
      }
    }
    // A possessive inside: "Kosovo's Arben Hoxhaj", "Russia's Foreign Ministry".
    // Only after a listed country, region, major city or organisation: a
    // possessive also occurs inside names ("King's College", "Barry's Auto
    // Tech", where Barry is also a small town).
    std::size_t k = b + 1;
    while (k < e && !Possessive(t[k])) ++k;
    const std::uint32_t g = t[b].gaz;
    const bool well_known = (g & (kGazCountryB | kGazRegionB | kOrgB)) || ((g & kGazCityB) && (g & kGazBigCity));
    if (k + 1 == e && well_known && ListedType(t, b, k, n, -1) >= 0) {
      labels[k] = kOutside;  // "Mali's" is "Mali" (shop names keep theirs: "Wendy's")
      e = k;
    } else if (k + 1 < e && well_known && ListedType(t, b, k, n, -1) >= 0) {
      SetSpan(labels, b, k, ListedType(t, b, k, n, type));
      labels[k] = kOutside;
      std::size_t r = k + 1;
      while (r < e && (t[r].gaz & (kGazRole | kGazHonorific))) labels[r++] = kOutside;
      if (r < e) {
        bool names = e - r >= 2 || type == kPer;
        for (std::size_t x = r; x < e && names; ++x) names = NameWord(t[x]);
        SetSpan(labels, r, e, names ? kPer : ListedType(t, r, e, n, type));
      }
      b = k + 1;  // the rest is looked at again as a span of its own
      continue;
    }
    // A title between an organisation (or place) and a name: "Nato
    // Secretary General Jens", "Ford Chief Executive Jim Farley", and in
    // lower case when the model took it into the name ("UN envoy Pedro").
    std::size_t role = b + 1;
    while (role < e && !((t[role].gaz & kGazRole) && ((t[role].f.flags & syntax::kTitle) ||
                                                      !(t[role].f.flags & syntax::kHasUpper)))) {
      ++role;
    }
    if (role < e) {
      std::size_t r = role;
      while (r < e && (t[r].gaz & kGazRole)) ++r;
      // After a title, capitalised words are a name even when a surname
      // is also a place ("UN envoy Pedro Salinas"); one must be no place.
      bool names = r < e, any_name = false;
      for (std::size_t x = r; x < e && names; ++x) {
        names = (t[x].f.flags & syntax::kTitle) != 0;
        any_name = any_name || NameWord(t[x]);
      }
      names = names && any_name;
      // "Lorvani Prime" typed a person, then "Minister Ana Kessar" (or
      // "Lorvani Prime Minister", then "Ana Kessar"): the title leads into
      // the next person's name, so what stands before it is whose title it
      // is (a people's adjective, a country or an organisation), never
      // that person or another one.
      if (r == e && type == kPer && e < n) {
        std::size_t after = e;
        while (after < n && (t[after].gaz & kGazRole) && labels[after] == kOutside) ++after;
        if (after < n && LabelType(labels[after]) == kPer && IsBegin(labels[after])) {
          const bool people = role == b + 1 && !(t[b].gaz & kListed) &&
                              (DemonymEnding(t[b]) || IEnding(t[b]));
          Clear(labels, role, e);
          if (ListedType(t, b, role, n, -1) < 0) SetSpan(labels, b, role, people ? kMisc : kOrg);
          b = e;
          continue;
        }
      }
      bool left_listed = ListedType(t, b, role, n, -1) >= 0;
      if (names && left_listed) {
        const std::size_t end = GrowName(t, labels, e, n);
        SetSpan(labels, b, role, ListedType(t, b, role, n, type));
        Clear(labels, role, r);
        SetSpan(labels, r, end, kPer);
        b = end;
        continue;
      }
    }
    // "Idris Kone of Niger": a person's name and the listed place after "of".
    // "Ana Ruiz of Kessar Gaming": a first name and a surname, then where
    // the person works; typed when listed or by its last word, else left
    // untyped (a firm and a home town read alike).
    // After a title outside the span one word before "of" is the surname
    // ("President [Kessar of Niger]"); without one it may be a title the
    // span holds ("Duke of Edinburgh").
    const bool titled = b >= 1 && (t[b - 1].gaz & kGazRole) && labels[b - 1] == kOutside;
    if (type == kPer && e - b >= (titled ? 3u : 4u)) {
      for (std::size_t o = b + (titled ? 1 : 2); o + 1 < e; ++o) {
        if (t[o].f.lower != Heads().of) continue;
        // A first name may also be a listed town's, and so may the surname
        // right before "of" ("Jack London of ..."): between a first name
        // and "of" a town's name is the surname.
        bool names = true;
        for (std::size_t x = b; x < o && names; ++x) {
          // A middle initial ("G." in "Odal G. Kessar of X").
          const bool initial = x > b && x + 1 < o && t[x].head[0] >= 'A' && t[x].head[0] <= 'Z' &&
                               (t[x].head[1] == 0 || (t[x].head[1] == '.' && t[x].head[2] == 0));
          names = initial || NameWord(t[x]) || (x == b && LexFirstName(t[x].lex) && (t[x].f.flags & syntax::kTitle)) ||
                  (x + 1 == o && x > b && (t[x].f.flags & syntax::kTitle) && !(t[x].f.flags & syntax::kAllUpper) &&
                   !(t[x].gaz & (kListed & ~kPlaceB)));
        }
        if (!names) break;
        int after = ListedType(t, o + 1, e, n, -1);
        if (after != kLoc) {
          if (!LexFirstName(t[b].lex) || o - b > 3) continue;
          if (after < 0 && (t[e - 1].f.flags & syntax::kTitle)) {
            auto head = Heads().last.find(t[e - 1].f.lower);
            if (head != Heads().last.end()) after = head->second;
          }
        }
        labels[o] = kOutside;
        if (after >= 0) {
          SetSpan(labels, o + 1, e, after);
        } else {
          Clear(labels, o + 1, e);
        }
        e = o;
        break;
      }
    }
    // A listed organisation's name, written as listed, is an organisation
    // whatever type the model gave it ("UN Secretary-General ...").
    if (type != kOrg && (t[b].gaz & kGazCaseMatch) && ListedType(t, b, e, n, -1) == kOrg) {
      SetSpan(labels, b, e, kOrg);
    }
    // The word that ends a name types it ("Sahel Security Institute"),
    // unless the gazetteer lists the whole name.
    // "Kessar Bank" typed a person: no person's name ends so.
    // Nor has one such a word before an "of" ("State Bank of Kessar").
    // "the Tessary Civil Liberties Centre" typed MISC is no work or event
    // either; two words are left alone, as "Western Front" or "Soviet
    // Union" may be typed MISC and are no organisation.
    if (((e - b >= 2 && (LabelType(labels[b]) == kPer || LabelType(labels[b]) == kLoc)) ||
         (e - b >= 3 && LabelType(labels[b]) == kMisc)) &&
        ListedType(t, b, e, n, -1) < 0) {
      std::size_t h = e - 1;
      for (std::size_t j = b + 1; j + 1 < e; ++j) {
        if (t[j].f.lower == Heads().of) {
          h = j - 1;
          break;
        }
      }
      auto it = Heads().person.find(t[h].f.lower);
      if (it != Heads().person.end() && (t[h].f.flags & syntax::kTitle) &&
          (LabelType(labels[b]) != kLoc || (Heads().place.count(t[h].f.lower) && !(t[h].gaz & kGazArea)))) {
        SetSpan(labels, b, e, it->second);
      }
    }
    if (e - b >= 2 && (type == kLoc || type == kPer || type == kMisc) && ListedType(t, b, e, n, -1) < 0) {
      auto it = Heads().last.find(t[e - 1].f.lower);
      if (it != Heads().last.end() && (t[e - 1].f.flags & syntax::kTitle)) {
        SetSpan(labels, b, e, it->second);
      } else if (it == Heads().last.end()) {
        // "HEAD of X" is headed before its "of": "Lenhall Chamber of
        // Commerce" is typed by "Chamber", as "Ministry of Defence" is.
        for (std::size_t j = b + 1; j + 1 < e; ++j) {
          if (t[j].f.lower != Heads().of) continue;
          auto head = Heads().last.find(t[j - 1].f.lower);
          if (head != Heads().last.end() && head->second == kOrg && (t[j - 1].f.flags & syntax::kTitle))
            SetSpan(labels, b, e, kOrg);
          break;
        }
      }
    }
    // "Hurricane Odalys", "Operation Lantern": a capitalised kind word
    // that starts a name types it, and belongs to it when the model left
    // it out ("Hurricane [Odalys]" typed a person).
    // A word that ends the name wins ("Hurricane Relief Fund").
    if (Heads().last.count(t[e - 1].f.lower)) {
    } else if (auto it = Heads().first.find(t[b].f.lower);
               it != Heads().first.end() && e - b >= 2 && (t[b].f.flags & syntax::kTitle)) {
      SetSpan(labels, b, e, it->second);
    } else if (b >= 1 && labels[b - 1] == kOutside && (t[b - 1].f.flags & syntax::kTitle)) {
      if (auto kind = Heads().first.find(t[b - 1].f.lower); kind != Heads().first.end()) {
        --b;
        SetSpan(labels, b, e, kind->second);
      }
    }
    // "met Drew Kessar": a one-word person with a listed first name right
    // before it, inside the sentence, that the model left out ("Drew" is
    // mostly a verb) is that person's first name.
    if (type == kPer && e == b + 1 && b >= 2 && labels[b - 1] == kOutside && LexFirstName(t[b - 1].lex) &&
        (t[b - 1].f.flags & syntax::kTitle) && !(t[b - 1].gaz & (kListed | kGazRole | kGazHonorific))) {
      --b;
      SetSpan(labels, b, e, kPer);
    }
    // "Municipality of Tessit", "Province of Varenna" taken whole: the kind
    // word types the name (data/ner/name_heads.tsv, "whole"), unless the
    // name ends in a word of its own ("Province of Varenna Council").
    // A leading "The" is the article, not the kind word ("The Republic of Tessit").
    if (const std::size_t kb = b + (e - b >= 4 && t[b].f.lower == Heads().the && (t[b].f.flags & syntax::kTitle) ? 1 : 0);
        e - kb >= 3 && t[kb + 1].f.lower == Heads().of && (t[kb].f.flags & syntax::kTitle) &&
        !Heads().last.count(t[e - 1].f.lower)) {
      auto it = Heads().whole.find(t[kb].f.lower);
      if (it != Heads().whole.end() && LabelType(labels[b]) != it->second) SetSpan(labels, b, e, it->second);
    }
    // "the town of Tessit": a place, whatever the model said.
    if (b >= 2 && t[b - 1].f.lower == Heads().of && !(t[b - 2].f.flags & (syntax::kTitle | syntax::kAllUpper))) {
      auto it = Heads().before.find(t[b - 2].f.lower);
      if (it != Heads().before.end() && LabelType(labels[b]) != it->second) SetSpan(labels, b, e, it->second);
    }
    // "the Gulf of [Varnell]", "[Gulf] of [Varnell]": a capitalised kind
    // word that makes "WORD of NAME" one name (name_heads.tsv, "whole"),
    // left out or typed alone by the model, joins the name after its "of".
    if (b >= 2 && t[b - 1].f.lower == Heads().of && labels[b - 1] == kOutside && (t[b - 2].f.flags & syntax::kTitle) &&
        !(t[b - 2].f.flags & syntax::kAllUpper) && (labels[b - 2] == kOutside || IsBegin(labels[b - 2]))) {
      if (auto it = Heads().whole.find(t[b - 2].f.lower); it != Heads().whole.end()) {
        b -= 2;
        SetSpan(labels, b, e, it->second);
      }
    }
    // "the Tessit port", "the Varenna region": one unlisted word after
    // "the" and before a lower-case kind of place is that place, not a
    // company or a person (a people's adjective stays: "the Kurdish region").
    if (e == b + 1 && e < n && b >= 1 && (LabelType(labels[b]) == kOrg || LabelType(labels[b]) == kPer) &&
        t[b - 1].f.lower == Heads().the && !(t[b].gaz & kListed) && !DemonymEnding(t[b]) && !IEnding(t[b]) &&
        !(t[e].f.flags & syntax::kHasUpper)) {
      auto it = Heads().before.find(t[e].f.lower);
      if (it != Heads().before.end()) SetSpan(labels, b, e, it->second);
    }
    // "TOM LEE", "Nadia Orlov" typed MISC: two or three capitalised words,
    // none listed, the first a listed first name, name a person. Typed as
    // the rules above left it: a name its last word made an organisation
    // ("Harlen Energy Group") stays one.
    if (LabelType(labels[b]) == kMisc && e - b >= 2 && e - b <= 3 && LexFirstName(t[b].lex)) {
      bool names = true;
      for (std::size_t x = b; x < e && names; ++x) {
        names = (t[x].f.flags & (syntax::kTitle | syntax::kAllUpper)) && !(t[x].gaz & kListed);
      }
      if (names) SetSpan(labels, b, e, kPer);
    }
    // "the rebel Free Coastal Front": a capitalised common word right
    // before an organisation's name, inside the sentence, is its first word
    // (words mostly written in lower case are the ones the model doubts).
    // Typed as the rules above leave it: a name they made a place is no
    // organisation to extend.
    if (LabelType(labels[b]) == kOrg) {
      const std::size_t ne = ExtendOrganisationOf(t, n, labels, e);
      if (ne > e) {
        e = ne;
        SetSpan(labels, b, e, kOrg);
      }
    }
    if (LabelType(labels[b]) == kOrg) {
      std::size_t nb = b;
      while (nb >= 2 && labels[nb - 1] == kOutside && (t[nb - 1].f.flags & syntax::kTitle) &&
             !(t[nb - 1].f.flags & syntax::kAllUpper) && !(t[nb - 1].gaz & kListed) &&
             (LexCaps(t[nb - 1].lex) == 1 || LexCaps(t[nb - 1].lex) == 2)) {
        --nb;
      }
      if (nb < b) {
        b = nb;
        SetSpan(labels, b, e, kOrg);
      }
    }
    // "the Lorvanian Relief Society": a demonym right before a listed
    // organisation of two or more capitalised words names the people's own
    // body (a national society, a national branch), one organisation and
    // not the listed international one.
    if (LabelType(labels[b]) == kOrg && e >= b + 2 && b >= 1 && (t[b].gaz & kOrgB) &&
        (labels[b - 1] == BeginLabel(kMisc) || labels[b - 1] == kOutside) && (t[b - 1].gaz & kGazDemonym) && (t[b - 1].f.flags & syntax::kTitle) && !(t[b - 1].f.flags & syntax::kAllUpper)) {
      bool caps = true;
      for (std::size_t x = b; x < e && caps; ++x) {
        caps = (t[x].f.flags & syntax::kTitle) && !(t[x].f.flags & syntax::kAllUpper);
      }
      if (caps) {
        --b;
        SetSpan(labels, b, e, kOrg);
      }
    }
    // A title alone after a determiner ("the Secretary acted", "the
    // President's view") refers to a holder without naming anyone.
    static const std::uint64_t kDet = Hash64("DET");
    // The determiner may open the sentence in capitals ("The President of
    // X, Ana Kessar, said"), or the span itself ("[The President] of X").
    auto determiner = [&](std::size_t x) { return t[x].upos == kDet && (FunctionWord(t[x]) || x == 0); };
    const bool det_inside = e >= b + 2 && determiner(b);
    if ((b >= 1 && determiner(b - 1)) || det_inside) {
      bool title = true;
      for (std::size_t x = det_inside ? b + 1 : b; x < e && title; ++x) {
        title = (t[x].gaz & kGazRole) && !(t[x].gaz & (kPlaceB | kPlaceI | kOrgB | kOrgI));
      }
      if (title) {
        Clear(labels, b, e);
        b = e;
        continue;
      }
      // "the UN Secretary-General", "the NATO Secretary General": a listed
      // body and its office name no one; the body is an organisation.
      if (!det_inside && type == kPer) {
        for (std::size_t body = b + 1; body < e; ++body) {
          if (ListedType(t, b, body, n, -1) != kOrg) continue;
          bool office = true;
          for (std::size_t x = body; x < e && office; ++x)
            office = (t[x].gaz & kGazRole) && !(t[x].gaz & (kPlaceB | kPlaceI | kOrgB | kOrgI));
          if (office) {
            SetSpan(labels, b, body, kOrg);
            Clear(labels, body, e);
            b = e;
          }
          break;
        }
        if (b == e) continue;
      }
    }
    // Words of a listed title only, none a listed place or body.
    auto title_words = [&]() {
      for (std::size_t x = b; x < e; ++x) {
        if (!(t[x].gaz & kGazRole) || (t[x].gaz & (kPlaceB | kPlaceI | kOrgB | kOrgI))) return false;
      }
      return true;
    };
    // The last words of a listed title after its "of" ("Minister of
    // Interior", "Secretary of Defence") are the title's, not a name of
    // their own; and a title alone before a person set off by a comma
    // ("The Interior Minister, Ana Kessar, said") is that person's title,
    // not a second person.
    const bool after_title_of = b >= 2 && t[b - 1].f.lower == Heads().of && (t[b - 1].gaz & kGazRole) &&
                                (t[b - 2].gaz & kGazRole) && labels[b - 2] == kOutside;
    const bool before_named =
        type == kPer && e + 1 < n && t[e].f.lower == Heads().comma && labels[e + 1] == BeginLabel(kPer);
    if ((after_title_of || before_named) && title_words()) {
      Clear(labels, b, e);
      b = e;
      continue;
    }
    // A title in lower case ("the Harlow senator said") names no one: a
    // title that is part of a name is capitalised.
    bool lower_case = true;
    for (std::size_t x = b; x < e && lower_case; ++x) lower_case = !(t[x].f.flags & syntax::kHasUpper);
    if (lower_case && title_words()) {
      Clear(labels, b, e);
      b = e;
      continue;
    }
    // "Founders Day", "Labor Day": capitalised words before "Day" with no
    // first name among them name a day, not a person ("Doris Day" keeps
    // the first name that makes her one).
    if (type == kPer && e >= b + 2 && t[e - 1].f.lower == LowerHash("day") && (t[e - 1].f.flags & syntax::kTitle)) {
      bool first_name = false;
      for (std::size_t x = b; x + 1 < e && !first_name; ++x) first_name = LexAnyFirstName(t[x].lex);
      if (!first_name) SetSpan(labels, b, e, kMisc);
    }
    // A demonym alone names no person, organisation or place.
    if (type != kMisc) {
      bool demonym = true;
      for (std::size_t x = b; x < e && demonym; ++x) {
        demonym = (t[x].gaz & kGazDemonym) && !(t[x].gaz & (kPlaceB | kPlaceI | kOrgB | kOrgI));
      }
      if (demonym) SetSpan(labels, b, e, kMisc);
    }
    // An unlisted one-word place with a demonym's ending, used before a
    // common noun ("Dravenian forces", "Lorvanese officials"), is the
    // people's adjective, not the place; nor is it a person ("the
    // Dravenian interior ministry"), unless a listed first name.
    if ((type == kLoc || (type == kPer && !LexFirstName(t[b].lex))) && e == b + 1 && e < n &&
        !(t[b].gaz & kListed) && DemonymEnding(t[b]) && !(t[e].f.flags & syntax::kHasUpper) &&
        (t[e].upos == Hash64("NOUN") || (type == kPer && t[e].upos == Hash64("ADJ")))) {
      SetSpan(labels, b, e, kMisc);
    }
    // One word before a common noun in lower case that is a people's,
    // faith's or movement's adjective ("Hispanic voters"), or that the
    // tagger reads as an adjective where the recogniser saw an organisation
    // ("the Democratic nominee"): an adjective, not the body.
    if (type != kMisc && e == b + 1 && e < n && !(t[b].gaz & kListed) && !(t[e].f.flags & syntax::kHasUpper) &&
        t[e].upos == Hash64("NOUN") &&
        (Heads().adjective.count(t[b].f.lower) || (type == kOrg && t[b].upos == Hash64("ADJ")))) {
      SetSpan(labels, b, e, kMisc);
    }
    // Alone right before a title ("Lorvanian President Tomas Varnell"), it
    // is the people's adjective, whoever the title names.
    if ((type == kLoc || (type == kPer && !LexFirstName(t[b].lex))) && e == b + 1 && e < n &&
        !(t[b].gaz & kListed) && DemonymEnding(t[b]) && (t[e].gaz & kGazRole) && (t[e].f.flags & syntax::kTitle)) {
      SetSpan(labels, b, e, kMisc);
    }
    // The same adjective before a title that names no one after it ("the
    // Dravenian Foreign Minister, ..."): the adjective is the people's, the
    // title a title.
    if ((type == kLoc || type == kPer) && e >= b + 2 && !(t[b].gaz & kListed) && DemonymEnding(t[b])) {
      bool titles = true;
      for (std::size_t x = b + 1; x < e && titles; ++x) titles = (t[x].gaz & kGazRole) != 0;
      if (titles) {
        SetSpan(labels, b, b + 1, kMisc);
        Clear(labels, b + 1, e);
      }
    }
    // "the President of [X]", "Foreign Minister of [X]": what an office is
    // "of" is a place (or an organisation), never a person.
    // A listed first name anywhere in the span makes it a person after all
    // ("Secretary of [State Anna Berg]").
    if (type == kPer && b >= 2 && labels[b - 1] == kOutside && t[b - 1].f.lower == Heads().of &&
        (t[b - 2].gaz & kGazRole) && (t[b - 2].f.flags & syntax::kTitle)) {
      bool first_name = false;
      for (std::size_t x = b; x < e && !first_name; ++x) first_name = LexFirstName(t[x].lex);
      if (!first_name) SetSpan(labels, b, e, kLoc);
    }
    b = e;
  }
  JoinOrganisationNames(t, n, labels);
  // "the Lenhall Dockworkers' Union": a plural possessive's lone
  // apostrophe inside an organisation's name, which the model cut in two
  // (or stopped at), joins what follows when that is an organisation or
  // an organisation word ("Teachers' Federation", "Farmers' Party"). The
  // part before may also have been typed MISC ("[Tamberlo Veterans]'
  // [Association]"), as a plural of people's words often is; what follows then
  // makes the whole an organisation.
  // The tagger may read the apostrophe as a closing quotation mark; with
  // no opening mark before it in the sentence, none is closed.
  static const std::uint64_t kApostrophe = LowerHash("'"), kRightQuote = LowerHash("\u2019"),
                             kOpeningTag = Hash64("``");
  bool opened = t[0].xpos == kOpeningTag;
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const bool mark = t[i].f.lower == kApostrophe || t[i].f.lower == kRightQuote;
    const bool closes = mark && !Possessive(t[i]) && opened;
    if (t[i].xpos == kOpeningTag) opened = true;
    if (!mark || closes || labels[i] != kOutside ||
        labels[i - 1] == kOutside || (LabelType(labels[i - 1]) != kOrg && LabelType(labels[i - 1]) != kMisc) ||
        !(t[i + 1].f.flags & syntax::kTitle)) {
      continue;
    }
    const int before = LabelType(labels[i - 1]);
    std::size_t e = i + 1;
    if (labels[i + 1] == BeginLabel(kOrg)) {
      e = SpanEnd(labels, i + 1, n);
    } else if (labels[i + 1] == kOutside) {
      auto last = Heads().last.find(t[i + 1].f.lower);
      auto person = Heads().person.find(t[i + 1].f.lower);
      const bool head = (last != Heads().last.end() && last->second == kOrg) ||
                        (person != Heads().person.end() && person->second == kOrg);
      if (!head) continue;
      e = i + 2;
    } else {
      continue;
    }
    std::size_t b = i - 1;
    while (b > 0 && labels[b] != BeginLabel(before)) --b;
    SetSpan(labels, b, e, kOrg);
    i = e - 1;
  }
  // "Dravenia's Constitutional Court" as one organisation: a listed
  // government body after a possessive is the body of the place before
  // it, as "Germany's Constitutional Court" is read when the place is
  // known. (A company's own "'s", "Kessar's Bakeries", names no listed body.)
  for (std::size_t b = 0; b < n;) {
    if (!IsBegin(labels[b]) || LabelType(labels[b]) != kOrg) {
      ++b;
      continue;
    }
    const std::size_t e = SpanEnd(labels, b, n);
    for (std::size_t p = b + 1; p + 1 < e; ++p) {
      const std::string_view h(t[p].head.data(), strnlen(t[p].head.data(), t[p].head.size()));
      if (h != "'s" && h != "\xE2\x80\x99s") continue;
      bool body = (t[p + 1].gaz & kGazBodyB) != 0;
      for (std::size_t x = p + 2; x < e && body; ++x) body = (t[x].gaz & kGazBodyI) != 0;
      if (!body) break;
      SetSpan(labels, b, p, kLoc);
      labels[p] = kOutside;
      SetSpan(labels, p + 1, e, kOrg);
      break;
    }
    b = e;
  }
  // "Kessar Corp.", "Odalys Holdings Ltd" left out by the model: up to three
  // capitalised words before a company's closing word are a company.
  for (std::size_t i = 1; i < n; ++i) {
    if (labels[i] != kOutside || !Heads().closing.count(t[i].f.lower) ||
        !(t[i].f.flags & (syntax::kTitle | syntax::kAllUpper))) {
      continue;
    }
    static const std::uint64_t kDetTag = Hash64("DET");
    std::size_t b = i;
    // A sentence's capitalised "The" is no part of the name.
    while (b > 0 && b + 3 > i && labels[b - 1] == kOutside && (t[b - 1].f.flags & (syntax::kTitle | syntax::kAllUpper)) &&
           !Heads().closing.count(t[b - 1].f.lower) && t[b - 1].upos != kDetTag) {
      --b;
    }
    // "[Kessar Shipowners] Mutual": a name of up to three words the model
    // found, and typed a person or place, with the closing word left out;
    // also when the model found only its first words ("[Kessar] Shipping
    // PJSC"), which would otherwise cut the company in two.
    if (b > 0 && labels[b - 1] != kOutside) {
      std::size_t s = b - 1;
      while (s > 0 && !IsBegin(labels[s])) --s;
      if (i - s <= 3) b = s;
    }
    // Not a sentence's first word alone ("Inc. reported ...").
    if (b < i && !(b == 0 && i == 1)) SetSpan(labels, b, i + 1, kOrg);
  }
  // "[Kessar] Shipping says": a capitalised word that ends organisations'
  // names (name_heads.tsv "last", ORG) left out right after a name of up
  // to three words the model typed otherwise is that organisation's last
  // word. Never at a sentence start ("Shipping has not stopped").
  for (std::size_t i = 1; i < n; ++i) {
    if (labels[i] != kOutside || labels[i - 1] == kOutside || !(t[i].f.flags & syntax::kTitle)) continue;
    auto it = Heads().last.find(t[i].f.lower);
    if (it == Heads().last.end() || it->second != kOrg) continue;
    std::size_t s = i - 1;
    while (s > 0 && !IsBegin(labels[s])) --s;
    if (i - s <= 3 && LabelType(labels[s]) != kOrg) SetSpan(labels, s, i + 1, kOrg);
  }
  // A span of closing words alone ("Inc." after a comma the model left
  // out of the company's name) names nothing.
  for (std::size_t b = 0; b < n;) {
    if (labels[b] == kOutside) {
      ++b;
      continue;
    }
    const std::size_t e = SpanEnd(labels, b, n);
    bool closing = true;
    for (std::size_t x = b; x < e && closing; ++x) closing = Heads().closing.count(t[x].f.lower) != 0;
    if (closing) Clear(labels, b, e);
    b = e;
  }
  // "the Gulf News Agency (GNA)": the acronym in brackets that abbreviates
  // the name before it is that name's type. When its letters start with
  // the initial of the capitalised word right before the name, that word
  // belongs to the name ("the rebel [Free] Coastal Front (FCF)").
  for (std::size_t b = 0; b < n;) {
    if (labels[b] == kOutside) {
      ++b;
      continue;
    }
    const std::size_t e = SpanEnd(labels, b, n);
    std::size_t a = DefinedAcronym(t, n, b, e);
    if (a == n && b > 0 && labels[b - 1] == kOutside && (t[b - 1].f.flags & syntax::kTitle) &&
        DefinedAcronym(t, n, b - 1, e) < n && AcronymLetters(t[e + 1]).size() == e - b + 1) {
      --b;
      SetSpan(labels, b, e, LabelType(labels[b + 1]));
      a = e + 1;
    }
    if (a < n) SetSpan(labels, a, a + 1, LabelType(labels[b]));
    b = e;
  }
  // A person's name does not run on through a possessive into a lower-case
  // word ("[Odalys]'s fix", not "Odalys's fix"): it ends before the
  // possessive. Places and businesses may ("Ray's pizza" in UNER).
  for (std::size_t b = 0; b < n;) {
    if (labels[b] == kOutside) {
      ++b;
      continue;
    }
    const std::size_t e = SpanEnd(labels, b, n);
    for (std::size_t k = b + 1; k + 1 < e && LabelType(labels[b]) == kPer; ++k) {
      if (!Possessive(t[k])) continue;
      // Nor into a capitalised one: what follows is the person's, not a
      // word of their name ("[Varnell]'s [Lenhall Party]"); it keeps a
      // type the gazetteer gives it, or is a name of its own (MISC).
      // Title words alone after it are an office, which the rule below
      // reads ("Tessary's Interior Minister").
      bool titles = true;
      for (std::size_t x = k + 1; x < e && titles; ++x) titles = (t[x].gaz & (kGazRole | kGazHonorific)) != 0;
      if (titles && (t[k + 1].f.flags & syntax::kTitle)) break;
      Clear(labels, k, e);
      if (t[k + 1].f.flags & (syntax::kTitle | syntax::kAllUpper)) SetSpan(labels, k + 1, e, ListedType(t, k + 1, e, n, kMisc));
      break;
    }
    b = e;
  }
  // A name with "v." or "vs." between its words is a lawsuit ("Kessar v.
  // Lenhall"), named after its parties: MISC, whatever type the model gave.
  static const std::uint64_t kVersus[] = {LowerHash("v."), LowerHash("vs."), LowerHash("v"), LowerHash("vs")};
  EachSpan(labels, n, [&](std::size_t b, std::size_t e) {
    for (std::size_t k = b + 1; k + 1 < e; ++k) {
      const bool versus = std::find(std::begin(kVersus), std::end(kVersus), t[k].f.lower) != std::end(kVersus);
      if (versus && !(t[k].f.flags & (syntax::kTitle | syntax::kAllUpper))) {
        SetSpan(labels, b, e, kMisc);
        break;
      }
    }
  });
  // "Twelve of the miners": a number written as a word, capitalised
  // at a sentence start, is no name (stories/number_words.tsv).
  static const std::unordered_set<std::uint64_t> kNumberWords = [] {
    std::unordered_set<std::uint64_t> out;
    for (std::string_view line : DataLines(Resource("stories/number_words.tsv"))) {
      out.insert(LowerHash(line.substr(0, line.find('\t'))));
    }
    return out;
  }();
  EachSpan(labels, n, [&](std::size_t b, std::size_t e) {
    if (e == b + 1 && kNumberWords.count(t[b].f.lower)) Clear(labels, b, e);
  });
  // "Interestingly Odal Kessar did not vote": an adverb in -ly opening the
  // sentence without a comma (the tagger reads it as the name's first
  // word) is no part of the person's name after it; a listed first name
  // ("Kelly", "Beverly") is, and an organisation keeps its word ("Daily").
  static const std::uint64_t kLy = Hash64("ly", 21);
  if (n >= 3 && labels[0] != kOutside && LabelType(labels[0]) == kPer && t[0].f.suffix[1] == kLy &&
      !LexAnyFirstName(t[0].lex) && LexCaps(t[0].lex) <= 2 && SpanEnd(labels, 0, n) >= 3 &&
      (t[1].f.flags & syntax::kTitle)) {
    const int type = LabelType(labels[0]);
    const std::size_t e = SpanEnd(labels, 0, n);
    Clear(labels, 0, e);
    SetSpan(labels, 1, e, type);
  }
  // "Tessary's Interior Minister" typed a person: capitalised title words
  // after a possessive name no one; the person, when named, follows
  // ("..., Ana Lenhall, said"). What stands before the possessive is the
  // place (or, by its closing word, the organisation) whose office it is.
  EachSpan(labels, n, [&](std::size_t b, std::size_t e) {
    if (LabelType(labels[b]) != kPer) return;
    std::size_t r = e;
    while (r > b && (t[r - 1].gaz & (kGazRole | kGazHonorific)) && (t[r - 1].f.flags & syntax::kTitle)) --r;
    if (r < e && r >= b + 2 && Possessive(t[r - 1])) {
      auto head = Heads().last.find(t[r - 2].f.lower);
      const int owner = ListedType(t, b, r - 1, n, head != Heads().last.end() ? head->second : kLoc);
      Clear(labels, r - 1, e);
      SetSpan(labels, b, r - 1, owner);
    }
  });
  // A person named by one plural proper noun is a group ("Republicans",
  // "Kurds"): MISC, as GUM's groups are read (ner_corpus.cpp) and as UNER
  // leaves them out of its people.
  static const std::uint64_t kPluralProper = Hash64("NNPS");
  for (std::size_t b = 0; b < n;) {
    if (labels[b] == kOutside) {
      ++b;
      continue;
    }
    const std::size_t e = SpanEnd(labels, b, n);
    if (e == b + 1 && LabelType(labels[b]) == kPer && t[b].xpos == kPluralProper) SetSpan(labels, b, e, kMisc);
    b = e;
  }
  // "the Lorvanian Coast Guard", "the Lorvania Coast Guard": an
  // organisation named only by capitalised common words ("Coast Guard",
  // "Foreign Ministry", words the word table knows as mostly lower case)
  // is a country's or a town's body, and the one-word name right before it
  // that the model typed apart is part of its name; without it, every
  // country's coast guard is one "Coast Guard". Only a name the gazetteer
  // does not list (a listed "Russian" or "Russia" before a body stays
  // the place that gives it its country), never a person's or a
  // possessive, and only a name the model labelled (not "Monday") or a
  // people's adjective.
  for (std::size_t b = 1; b < n;) {
    if (labels[b] == kOutside) {
      ++b;
      continue;
    }
    const std::size_t e = SpanEnd(labels, b, n);
    bool common = LabelType(labels[b]) == kOrg;
    for (std::size_t x = b; x < e && common; ++x) {
      common = (t[x].f.flags & syntax::kTitle) && (LexCaps(t[x].lex) == 1 || LexCaps(t[x].lex) == 2);
    }
    const std::size_t p = b - 1;
    // A word the model left out joins only when it reads as a people's
    // adjective ("Tessarian", "Morvathi").
    const bool named = IsBegin(labels[p]) || (labels[p] == kOutside && (DemonymEnding(t[p]) || IEnding(t[p]) ||
                                                                        (t[p].gaz & kGazPeopleAdjective)));
    if (common && named && (labels[p] == kOutside || LabelType(labels[p]) != kPer) && (t[p].f.flags & syntax::kTitle) &&
        !(t[p].f.flags & syntax::kAllUpper) && !(t[p].gaz & kListed) && !Possessive(t[p]) &&
        (LexCaps(t[p].lex) == 0 || LexCaps(t[p].lex) >= 3)) {
      SetSpan(labels, p, e, kOrg);
    }
    b = e;
  }
  // A sentence of a name in capitals alone and a full stop ("VILLA
  // ALTA."): a dateline as the Spanish-language press writes it, a place,
  // not a person.
  // "The Peace and Security Council", "the Food and Drug Agency": one or
  // two capitalised words the model left out, between "the" (or the
  // sentence's start) and "and" before an organisation it found, open that
  // organisation's name; a listed place or organisation there is one of
  // two ("the Kremlin and Security Council").
  static const std::uint64_t and_word = LowerHash("and");
  for (std::size_t s0 = 2; s0 < n; ++s0) {
    if (!IsBegin(labels[s0]) || LabelType(labels[s0]) != kOrg) continue;
    if (t[s0 - 1].f.lower != and_word || (t[s0 - 1].f.flags & syntax::kHasUpper)) continue;
    std::size_t r = s0 - 1;
    while (r > 0 && s0 - 1 - r < 2 && labels[r - 1] == kOutside && (t[r - 1].f.flags & syntax::kTitle) &&
           !(t[r - 1].gaz & kListed) && t[r - 1].f.lower != Heads().the) {
      --r;
    }
    if (r == s0 - 1) continue;
    if (r > 0 && t[r - 1].f.lower != Heads().the) continue;
    SetSpan(labels, r, SpanEnd(labels, s0, n), kOrg);
  }
  // "Kessar Falls, Mont.", "near Harlen, Wyo.", "the governor of Pa.", "in
  // N.H.", "Sen. Odal Varnell (Mont.)": a US state as newswires abbreviate
  // it, after a comma, "of", "in" or a bracket, is a place; after a comma,
  // so is the capitalised run before the comma (the town), whatever the
  // model made of either.
  static const std::uint64_t in_lower = LowerHash("in"), bracket = LowerHash("(");
  for (std::size_t k = 0; k < n; ++k) {
    if (!(t[k].gaz & kGazStateAbbrev)) continue;
    // At the sentence's start too: "Nev. opens its new border post".
    const std::uint64_t before = k > 0 ? t[k - 1].f.lower : 0;
    const bool after_comma = k >= 2 && before == Heads().comma;
    if (k > 0 && !after_comma && before != Heads().of && before != in_lower && before != bracket) continue;
    // Never half of a longer span the model found.
    if (labels[k] != kOutside && !(IsBegin(labels[k]) && SpanEnd(labels, k, n) == k + 1)) continue;
    if ((k + 1 < n && labels[k + 1] != kOutside && !IsBegin(labels[k + 1]))) continue;
    if (after_comma) {
      const std::size_t town_end = k - 1;
      std::size_t town = town_end;
      while (town > 0 && town_end - town < 4 && (t[town - 1].f.flags & (syntax::kTitle | syntax::kAllUpper)) &&
             !Possessive(t[town - 1])) {
        --town;
      }
      if (town == town_end) continue;  // no town before the comma
      // Its words: the model's spans there whole (one starting before the
      // run keeps the run out).
      if (labels[town] != kOutside && !IsBegin(labels[town])) continue;
      SetSpan(labels, town, town_end, kLoc);
    }
    SetSpan(labels, k, k + 1, kLoc);
  }
  // "(R-Texas)", ", D-Calif.,": a US politician's party and state, which
  // the entities stage reads as the person's country
  // (gazetteer/describe.cpp), are no name of their own: a mention of them
  // would be one word, "R-Texas", naming neither the party nor the state.
  static const std::uint64_t party_d = LowerHash("d"), party_r = LowerHash("r"), party_i = LowerHash("i"),
                             hyphen = LowerHash("-");
  for (std::size_t b = 1; b + 2 < n; ++b) {
    // The model may also have left the letter out and found the state.
    if ((labels[b] != kOutside && !IsBegin(labels[b])) || !(t[b].f.flags & syntax::kHasUpper) || t[b + 1].f.lower != hyphen)
      continue;
    if (!(t[b + 2].f.flags & syntax::kHasUpper)) continue;
    if (t[b].f.lower != party_d && t[b].f.lower != party_r && t[b].f.lower != party_i) continue;
    if (t[b - 1].f.lower != bracket && t[b - 1].f.lower != Heads().comma) continue;
    // The model's span may hold the letter alone or run on over the state.
    const std::size_t e = SpanEnd(labels, b, n);
    const std::size_t state_end =
        e > b + 2 ? e : labels[b + 2] != kOutside && IsBegin(labels[b + 2]) ? SpanEnd(labels, b + 2, n) : b + 2;
    Clear(labels, b, state_end);
  }
  static const std::uint64_t full_stop = LowerHash(".");
  if (n >= 2 && n <= 5 && t[n - 1].f.lower == full_stop && IsBegin(labels[0]) && LabelType(labels[0]) != kOrg &&
      SpanEnd(labels, 0, n) == n - 1) {
    bool caps = true;
    for (std::size_t x = 0; x + 1 < n && caps; ++x) caps = (t[x].f.flags & syntax::kAllUpper) != 0;
    if (caps) SetSpan(labels, 0, n - 1, kLoc);
  }
  // A wire dateline ("LIMA, Nov 9 (Harbour Wire) -", a sentence of its own,
  // text/segmenter.cpp): the capitalised words in its brackets are the
  // agency that filed it, an organisation, whatever the model made of them.
  static const std::uint64_t open_paren = LowerHash("("), close_paren = LowerHash(")"), dash = LowerHash("-"),
                             en_dash = LowerHash("\u2013"), em_dash = LowerHash("\u2014");
  if (n >= 5 && (t[0].f.flags & syntax::kAllUpper) &&
      (t[n - 1].f.lower == dash || t[n - 1].f.lower == en_dash || t[n - 1].f.lower == em_dash) &&
      t[n - 2].f.lower == close_paren) {
    std::size_t o = n - 2;
    while (o > 1 && t[o - 1].f.lower != open_paren) --o;
    if (o <= 1 || o >= n - 2) return;
    for (std::size_t x = o; x < n - 2; ++x) {
      if (!(t[x].f.flags & (syntax::kTitle | syntax::kAllUpper))) return;
    }
    // Never half of a name the model found across the brackets.
    if (labels[o - 1] != kOutside || labels[n - 2] != kOutside) return;
    SetSpan(labels, o, n - 2, kOrg);
  }
}

namespace {

// Calls f(ref, b, e) for every labelled span [b, e) of every sentence.
template <typename F>
void ForEachSpan(const NerSentenceRef* sents, std::size_t count, F&& f) {
  for (std::size_t s = 0; s < count; ++s) {
    const NerSentenceRef& ref = sents[s];
    for (std::size_t b = 0; b < ref.n;) {
      if (ref.labels[b] == kOutside) {
        ++b;
        continue;
      }
      const std::size_t e = SpanEnd(ref.labels, b, ref.n);
      f(ref, b, e);
      b = e;
    }
  }
}

void DocumentNameRules(const NerSentenceRef* sents, std::size_t count) {
  // A listed first name and a surname that the article names alone as a
  // person ("Ana Lenhall wants ... Lenhall wrote"), typed an organisation
  // or MISC, is that person; the surname alone must be a person somewhere,
  // so firms named after a founder ("Morgan Lenhall Bank") are not read so.
  {
    std::vector<std::uint64_t> alone;
    ForEachSpan(sents, count, [&](const NerSentenceRef& ref, std::size_t b, std::size_t e) {
      if (LabelType(ref.labels[b]) == kPer && e - b == 1) alone.push_back(ref.tokens[b].f.lower);
    });
    std::sort(alone.begin(), alone.end());
    if (!alone.empty()) {
      ForEachSpan(sents, count, [&](const NerSentenceRef& ref, std::size_t b, std::size_t e) {
        const int type = LabelType(ref.labels[b]);
        if ((type != kOrg && type != kMisc) || e - b < 2 || e - b > 3) return;
        const NerToken* t = ref.tokens;
        if (!LexFirstName(t[b].lex) || !std::binary_search(alone.begin(), alone.end(), t[e - 1].f.lower)) return;
        for (std::size_t k = b; k < e; ++k) {
          if (!(t[k].f.flags & syntax::kTitle) || (t[k].gaz & (kOrgB | kOrgI | kGazRole | kGazHonorific))) return;
        }
        ref.labels[b] = BeginLabel(kPer);
        for (std::size_t k = b + 1; k < e; ++k) ref.labels[k] = InsideLabel(kPer);
      });
    }
  }
  // Words of person names of two or more words anywhere in the article.
  std::vector<std::uint64_t> in_names;
  // The same, of names that start with a listed first name.
  std::vector<std::uint64_t> in_first_names;
  // Last words of those names: surnames ("Ana Lenhall ... Lenhall").
  std::vector<std::uint64_t> surnames;
  // Last words of every person's name of two or more words, whatever its
  // first name.
  std::vector<std::uint64_t> any_surnames;
  // Last words of person's names of two or more words that the article
  // gives a title, before the name or in an apposition after it ("deputy
  // minister Odal Kessar", "Odal Kessar, the trade minister"), so not
  // a place's name misread as a person's ("Port Kessar"); one entry per
  // name written.
  std::vector<std::uint64_t> full_name_surnames;
  // Words of names seen anywhere but alone at a sentence start.
  std::vector<std::uint64_t> named;
  // Acronyms the article defines ("the Gulf News Agency (GNA)") and the
  // type of the name they abbreviate.
  std::vector<std::pair<std::uint64_t, int>> acronyms;
  ForEachSpan(sents, count, [&](const NerSentenceRef& ref, std::size_t b, std::size_t e) {
    if (LabelType(ref.labels[b]) == kPer && e - b >= 2) {
      for (std::size_t k = b; k < e; ++k) in_names.push_back(ref.tokens[k].f.lower);
      any_surnames.push_back(ref.tokens[e - 1].f.lower);
      static const std::uint64_t kComma = LowerHash(",");
      bool titled = (ref.tokens[b].gaz & kGazRoleBefore) != 0;
      if (!titled && e < ref.n && ref.tokens[e].f.lower == kComma) {
        for (std::size_t k = e + 1; k < ref.n && k < e + 7 && !titled; ++k) titled = (ref.tokens[k].gaz & kGazRole) != 0;
      }
      if (titled && !(ref.tokens[b].gaz & kListed)) full_name_surnames.push_back(ref.tokens[e - 1].f.lower);
      // Any listed first name, of any language: these rules read the
      // article's own names ("Afonso Varnell ... Varnell said").
      if (LexAnyFirstName(ref.tokens[b].lex)) {
        for (std::size_t k = b; k < e; ++k) in_first_names.push_back(ref.tokens[k].f.lower);
        surnames.push_back(ref.tokens[e - 1].f.lower);
      }
    }
    if (b > 0 || e - b >= 2) {
      for (std::size_t k = b; k < e; ++k) named.push_back(ref.tokens[k].f.lower);
    }
    const std::size_t a = DefinedAcronym(ref.tokens, ref.n, b, e);
    if (a < ref.n) acronyms.emplace_back(ref.tokens[a].f.form, LabelType(ref.labels[b]));
  });
  std::sort(in_names.begin(), in_names.end());
  std::sort(in_first_names.begin(), in_first_names.end());
  std::sort(surnames.begin(), surnames.end());
  std::sort(any_surnames.begin(), any_surnames.end());
  std::sort(full_name_surnames.begin(), full_name_surnames.end());
  std::sort(named.begin(), named.end());
  // A title and a surname of a person the article names in full ("Ana
  // Kessar ... Secretary Kessar"), typed an organisation or MISC: the
  // person, under that title.
  if (!surnames.empty()) {
    ForEachSpan(sents, count, [&](const NerSentenceRef& ref, std::size_t b, std::size_t e) {
      const int type = LabelType(ref.labels[b]);
      if ((type != kOrg && type != kMisc) || e - b != 2) return;
      const NerToken* t = ref.tokens;
      if (!(t[b].gaz & kGazRole) || (t[b].gaz & (kOrgB | kOrgI)) || !(t[b + 1].f.flags & syntax::kTitle) ||
          (t[b + 1].gaz & kListed) || !std::binary_search(surnames.begin(), surnames.end(), t[b + 1].f.lower)) {
        return;
      }
      ref.labels[b] = kOutside;
      ref.labels[b + 1] = BeginLabel(kPer);
    });
  }
  // A defined acronym is of the name's type wherever it stands alone
  // ("GNA reported"), written in the same capitals.
  if (!acronyms.empty()) {
    std::sort(acronyms.begin(), acronyms.end());
    for (std::size_t s = 0; s < count; ++s) {
      const NerSentenceRef& ref = sents[s];
      for (std::size_t i = 0; i < ref.n; ++i) {
        const bool alone = ref.labels[i] == kOutside ||
                           (IsBegin(ref.labels[i]) && (i + 1 == ref.n || IsBegin(ref.labels[i + 1]) ||
                                                       ref.labels[i + 1] == kOutside));
        if (!alone || AcronymLetters(ref.tokens[i]).empty()) continue;
        auto it = std::lower_bound(acronyms.begin(), acronyms.end(), std::make_pair(ref.tokens[i].f.form, INT32_MIN));
        if (it != acronyms.end() && it->first == ref.tokens[i].f.form) ref.labels[i] = BeginLabel(it->second);
      }
    }
  }
  // A common word that opens a sentence ("Aid reached the town"): one
  // word, mostly written in lower case in the corpora, no listed name or
  // first name, and not a name elsewhere in the article ("Theresa May ...
  // May said" keeps its surname).
  for (std::size_t s = 0; s < count; ++s) {
    const NerSentenceRef& ref = sents[s];
    if (ref.n < 2 || ref.labels[0] == kOutside || ref.labels[1] == InsideLabel(LabelType(ref.labels[0]))) continue;
    const NerToken& w = ref.tokens[0];
    const std::uint32_t caps = LexCaps(w.lex);
    if ((w.gaz & kListed) || LexFirstName(w.lex) || !(w.f.flags & syntax::kTitle) || (caps != 1 && caps != 2)) continue;
    if (std::binary_search(named.begin(), named.end(), w.f.lower)) continue;
    ref.labels[0] = kOutside;
  }
  // One sense per article: the word of a one-word person that the article
  // names as a place at least as often ("Dravenia's economy ... What has
  // Dravenia said?") is counted here.
  std::vector<std::pair<std::uint64_t, int>> single;  // (word, +1 place / -1 person)
  for (std::size_t s = 0; s < count; ++s) {
    const NerSentenceRef& ref = sents[s];
    for (std::size_t i = 0; i < ref.n; ++i) {
      if (!IsBegin(ref.labels[i]) || (i + 1 < ref.n && !IsBegin(ref.labels[i + 1]) && ref.labels[i + 1] != kOutside))
        continue;
      const int type = LabelType(ref.labels[i]);
      if (type == kLoc) single.emplace_back(ref.tokens[i].f.lower, 1);
      if (type == kPer) single.emplace_back(ref.tokens[i].f.lower, -1);
    }
  }
  std::sort(single.begin(), single.end());
  // How often the article names word w alone as a place and as a person.
  auto alone_counts = [&](std::uint64_t w) {
    std::pair<int, int> place_person{0, 0};
    for (auto it = std::lower_bound(single.begin(), single.end(), std::make_pair(w, INT32_MIN));
         it != single.end() && it->first == w; ++it) {
      (it->second > 0 ? place_person.first : place_person.second) += 1;
    }
    return place_person;
  };
  auto named_as_place = [&](std::uint64_t w) {
    const auto [place, person] = alone_counts(w);
    return place > 0 && place >= person;
  };
  auto named_as_person = [&](std::uint64_t w) {
    const auto [place, person] = alone_counts(w);
    return person > 0 && person >= place;
  };
  // A one-word person that is a listed country or major city, or that
  // the article names as a place at least as often, is the place (used as
  // an actor); never a word of a longer person's name, nor after a form
  // of address.
  // The other way round: a one-word place whose word is a word of a longer
  // person's name in the article ("Ana Lenhall ... Lenhall said", where a
  // small town or a province is also called Lenhall) is that person, unless
  // it is a listed country or major city ("Jordan Peters ... in Jordan").
  // The longer name must start with a listed first name: a misread place
  // name ("Port Kessar" typed a person) must not turn the place into one.
  // (A word of a longer name is never turned into a place, so the two
  // never undo each other.)
  for (std::size_t s = 0; s < count; ++s) {
    const NerSentenceRef& ref = sents[s];
    const NerToken* t = ref.tokens;
    for (std::size_t i = 0; i < ref.n; ++i) {
      const int type = LabelType(ref.labels[i]);
      if (type < 0 || !IsBegin(ref.labels[i])) continue;
      if (i + 1 < ref.n && ref.labels[i + 1] == InsideLabel(type)) continue;
      if (type == kOrg || type == kMisc) {
        // The surname of a person the article names in full ("Ana
        // Lenhall ... fired Lenhall") typed an organisation or MISC. Many
        // surnames are also the names of small towns; not of countries,
        // provinces or large cities ("Jordan").
        constexpr std::uint32_t kTown = kGazCityB | kGazCityI;
        const bool listed = (t[i].gaz & (kListed & ~kTown)) || ((t[i].gaz & kTown) && (t[i].gaz & kGazBigCity));
        if (!listed && std::binary_search(surnames.begin(), surnames.end(), t[i].f.lower)) {
          ref.labels[i] = BeginLabel(kPer);
        }
        continue;
      }
      const std::uint32_t g = t[i].gaz;
      const bool country_or_city = (g & kGazCountryB) || ((g & kGazCityB) && (g & kGazBigCity));
      if (type == kPer) {
        if (g & kGazHonorificBefore) continue;
        if (std::binary_search(in_names.begin(), in_names.end(), t[i].f.lower)) continue;
        const bool listed = country_or_city &&
                            !(i + 1 < ref.n && (t[i + 1].gaz & (kGazCountryI | kGazCityI)));  // not a longer listed name
        if (listed || named_as_place(t[i].f.lower)) ref.labels[i] = BeginLabel(kLoc);
      } else if (!country_or_city &&
                 std::binary_search(in_first_names.begin(), in_first_names.end(), t[i].f.lower)) {
        ref.labels[i] = BeginLabel(kPer);
      } else if (!country_or_city && !(g & kListed) &&
                 std::binary_search(any_surnames.begin(), any_surnames.end(), t[i].f.lower) &&
                 named_as_person(t[i].f.lower)) {
        // A first name no list holds ("Vuk Lenhall ... Lenhall said ... met
        // Lenhall"): the surname of a full name that the article writes
        // alone as a person at least as often as as a place is the person.
        ref.labels[i] = BeginLabel(kPer);
      } else if (!country_or_city && !(g & kListed)) {
        // A transliterated name no list holds ("Odal Kessar ...
        // according to Kessar"), its surname alone typed a place only: the
        // person, unless the article writes the word alone as a place more
        // often than it writes the full name.
        const auto [lo, hi] =
            std::equal_range(full_name_surnames.begin(), full_name_surnames.end(), t[i].f.lower);
        if (lo != hi && alone_counts(t[i].f.lower).first <= hi - lo) ref.labels[i] = BeginLabel(kPer);
      }
    }
  }
  // A one-word name the article also writes as a people's word, where no
  // longer person's name holds it and no form of address precedes it,
  // takes the type that word gives: a one-word person or organisation
  // whose people's adjective the article writes ("Tessaria imposed
  // sanctions ... Tessarian officials") is a country or region the
  // gazetteer does not know, a place; the adjective itself alone
  // ("Tessarian", "Morvathi" beside "Morvath") is the people's, MISC, as
  // a listed demonym is.
  auto relabel_one_word = [&](std::uint32_t bit, auto applies, int to) {
    for (std::size_t s = 0; s < count; ++s) {
      const NerSentenceRef& ref = sents[s];
      for (std::size_t i = 0; i < ref.n; ++i) {
        const int type = LabelType(ref.labels[i]);
        if (!applies(type) || !IsBegin(ref.labels[i])) continue;
        if (i + 1 < ref.n && ref.labels[i + 1] == InsideLabel(type)) continue;
        const NerToken& w = ref.tokens[i];
        if (!(w.gaz & bit) || (w.gaz & (kListed | kGazHonorificBefore)) ||
            std::binary_search(in_names.begin(), in_names.end(), w.f.lower)) {
          continue;
        }
        ref.labels[i] = BeginLabel(to);
      }
    }
  };
  relabel_one_word(kGazPeopleForm, [](int type) { return type == kPer || type == kOrg; }, kLoc);
  relabel_one_word(kGazPeopleAdjective, [](int type) { return type >= 0 && type != kMisc; }, kMisc);
  // One sense per article: a name of two or more words found once is the
  // same name where the article writes it again and the model missed it,
  // as long as the words there stand alone (no capitalised word right
  // before or after that would make them part of a longer name).
  struct Found {
    std::uint64_t first;
    const NerToken* tokens;
    std::uint32_t len;
    int type;
  };
  std::vector<Found> found;
  ForEachSpan(sents, count, [&](const NerSentenceRef& ref, std::size_t b, std::size_t e) {
    if (e - b >= 2 && e - b <= 6) {
      found.push_back({ref.tokens[b].f.lower, ref.tokens + b, static_cast<std::uint32_t>(e - b), LabelType(ref.labels[b])});
    }
  });
  if (!found.empty()) {
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
      return a.first != b.first ? a.first < b.first : a.len > b.len;
    });
    auto capital = [](const NerToken& x) { return (x.f.flags & (syntax::kTitle | syntax::kAllUpper)) != 0; };
    for (std::size_t s = 0; s < count; ++s) {
      const NerSentenceRef& ref = sents[s];
      for (std::size_t i = 0; i < ref.n; ++i) {
        if (ref.labels[i] != kOutside || !capital(ref.tokens[i]) || (i > 0 && capital(ref.tokens[i - 1]))) continue;
        auto it = std::lower_bound(found.begin(), found.end(), ref.tokens[i].f.lower,
                                   [](const Found& f, std::uint64_t w) { return f.first < w; });
        for (; it != found.end() && it->first == ref.tokens[i].f.lower; ++it) {
          const std::size_t e = i + it->len;
          if (e > ref.n) continue;
          bool same = true;
          for (std::size_t k = i; k < e && same; ++k) {
            same = ref.labels[k] == kOutside && ref.tokens[k].f.lower == it->tokens[k - i].f.lower &&
                   (ref.tokens[k].f.flags & syntax::kTitle) == (it->tokens[k - i].f.flags & syntax::kTitle);
          }
          if (!same || (e < ref.n && capital(ref.tokens[e]))) continue;
          SetSpan(ref.labels, i, e, it->type);
          i = e - 1;
          break;
        }
      }
    }
  }
  // "Ms Quessel said" makes Quessel a person's surname: a name of two or
  // three capitalised words ending in it that the model took for a place
  // or a MISC ("Ana Quessel", after "Speaking in Lenhall,") is that
  // person, unless the gazetteer lists one of its words.
  std::vector<std::uint64_t> addressed;
  for (std::size_t s = 0; s < count; ++s) {
    const NerSentenceRef& ref = sents[s];
    for (std::size_t i = 0; i < ref.n; ++i) {
      if (IsBegin(ref.labels[i]) && LabelType(ref.labels[i]) == kPer && (ref.tokens[i].gaz & kGazHonorificBefore) &&
          (i + 1 == ref.n || ref.labels[i + 1] != InsideLabel(kPer))) {
        addressed.push_back(ref.tokens[i].f.lower);
      }
    }
  }
  std::sort(addressed.begin(), addressed.end());
  if (!addressed.empty()) {
    ForEachSpan(sents, count, [&](const NerSentenceRef& ref, std::size_t b, std::size_t e) {
      const int type = LabelType(ref.labels[b]);
      if ((type != kLoc && type != kMisc) || e - b < 2 || e - b > 3) return;
      for (std::size_t k = b; k < e; ++k) {
        if ((ref.tokens[k].gaz & kListed) || !(ref.tokens[k].f.flags & syntax::kTitle)) return;
      }
      if (std::binary_search(addressed.begin(), addressed.end(), ref.tokens[e - 1].f.lower)) SetSpan(ref.labels, b, e, kPer);
    });
  }
  // A company named in full ("Kessar Freight Lines") and then by its first
  // word or words ("Kessar said", "Kessar Freight shares") that the model
  // took for a person is that organisation. A place stays a place: things
  // are named after the places they stand in ("the Wasilla Bible Church
  // in Wasilla"). Not when those words are in a person's name that starts
  // with a listed first name ("Ana Kessar ... Kessar said": the founder),
  // nor a demonym or listed name ("Lorvanian Airlines ... Lorvanian"), nor
  // before a possessive or "of" ("Kessar's Ministry of Trade" is Kessar's).
  std::vector<const Found*> orgs;
  for (const Found& f : found) {
    if (f.type == kOrg) orgs.push_back(&f);
  }
  if (orgs.empty()) return;
  ForEachSpan(sents, count, [&](const NerSentenceRef& ref, std::size_t b, std::size_t e) {
    const int type = LabelType(ref.labels[b]);
    if (type != kPer) return;
    bool in_person = false;
    for (std::size_t k = b; k < e; ++k) {
      const NerToken& w = ref.tokens[k];
      if ((w.gaz & (kListed | kGazDemonym)) || DemonymEnding(w) || !(w.f.flags & syntax::kTitle)) return;
      in_person = in_person || std::binary_search(in_first_names.begin(), in_first_names.end(), w.f.lower);
    }
    for (const Found* f : orgs) {
      // The whole name of two words or more is the company's whoever
      // bears its first word ("Ana Kessar ... Kessar Freight employs").
      if (f->first != ref.tokens[b].f.lower || f->len < e - b || (in_person && (f->len > e - b || e == b + 1)))
        continue;
      bool same = true;
      for (std::size_t k = b; k < e && same; ++k) same = f->tokens[k - b].f.form == ref.tokens[k].f.form;
      if (!same) continue;
      if (f->len > e - b) {
        const NerToken& next = f->tokens[e - b];
        if (Possessive(next) || next.f.lower == Heads().of || !(next.f.flags & syntax::kTitle)) continue;
      }
      SetSpan(ref.labels, b, e, kOrg);
      return;
    }
  });
}

// "the tanker Odalys Star", "the frigate Arlen Voss", "the tanker, the
// Odalys Star,": a name right after a vessel word (name_heads.tsv "vessel")
// is a ship's, MISC, and so is the same name wherever else the article
// writes it ("The Odalys Star was stopped"): ships are named after people
// and places, and the model reads them so. Not a name the gazetteer lists,
// which is more often the subject of a clause that describes the ship
// ("the tanker Lorvania seized"). A ship's prefix in capitals ("HMS",
// "CGS", name_heads.tsv "prefix") marks its name as the vessel word does,
// and the name without it is the same ship ("the CGS Odalys Star ... the
// Odalys Star").
void TypeVessels(const NerSentenceRef* sents, std::size_t count) {
  const auto& vessels = Heads().vessel;
  if (vessels.empty()) return;
  auto vessel_word = [&](const NerToken& x) { return !(x.f.flags & syntax::kHasUpper) && vessels.count(x.f.lower) > 0; };
  auto prefix_word = [&](const NerToken& x) {
    return (x.f.flags & syntax::kAllUpper) && Heads().ship_prefix.count(x.f.lower) > 0;
  };
  std::vector<std::vector<std::uint64_t>> ships;
  ForEachSpan(sents, count, [&](const NerSentenceRef& ref, std::size_t b, std::size_t e) {
    const NerToken* t = ref.tokens;
    const bool after_word = b >= 1 && (vessel_word(t[b - 1]) || prefix_word(t[b - 1]));
    const bool after_apposition =
        b >= 3 && t[b - 1].f.lower == Heads().the && t[b - 2].f.lower == Heads().comma && vessel_word(t[b - 3]);
    const bool prefixed = e - b >= 2 && prefix_word(t[b]);
    if (!(after_word || after_apposition || prefixed) || ListedType(t, b, e, ref.n, -1) >= 0) return;
    // A word of a listed place inside a longer name is what ships are
    // named after ("the frigate Lenhall Star"); the whole name listed is
    // the place (above).
    const std::uint32_t listed = e - b >= 2 ? (kListed & ~(kPlaceB | kPlaceI)) : kListed;
    for (std::size_t k = prefixed ? b + 1 : b; k < e; ++k) {
      if (t[k].gaz & listed) return;
    }
    std::vector<std::uint64_t> words;
    for (std::size_t k = b; k < e; ++k) words.push_back(t[k].f.lower);
    if (prefixed) ships.emplace_back(words.begin() + 1, words.end());
    ships.push_back(std::move(words));
  });
  if (ships.empty()) return;
  ForEachSpan(sents, count, [&](const NerSentenceRef& ref, std::size_t b, std::size_t e) {
    for (const auto& words : ships) {
      if (words.size() != e - b) continue;
      bool same = true;
      for (std::size_t k = b; k < e && same; ++k) same = ref.tokens[k].f.lower == words[k - b];
      if (same) {
        SetSpan(ref.labels, b, e, kMisc);
        return;
      }
    }
  });
}

// One sense per article for names of two words or more: a name typed a
// person where the article types the same words a place at least as often
// ("the port of Cape Kessar ... arrived in Cape Kessar" with the second a
// person) is that place. Not a name that starts with a listed first name
// ("Ana Lenhall" is a person wherever a street is also named so).
void OnePlaceSense(const NerSentenceRef* sents, std::size_t count) {
  struct Name {
    std::vector<std::uint64_t> words;
    int places = 0, people = 0;
  };
  std::vector<Name> names;
  auto find = [&](const NerToken* t, std::size_t b, std::size_t e) -> Name* {
    for (Name& nm : names) {
      if (nm.words.size() != e - b) continue;
      bool same = true;
      for (std::size_t k = b; k < e && same; ++k) same = t[k].f.form == nm.words[k - b];
      if (same) return &nm;
    }
    return nullptr;
  };
  ForEachSpan(sents, count, [&](const NerSentenceRef& ref, std::size_t b, std::size_t e) {
    const int type = LabelType(ref.labels[b]);
    if (e - b < 2 || e - b > 4 || (type != kLoc && type != kPer)) return;
    Name* nm = find(ref.tokens, b, e);
    if (!nm) {
      names.push_back({});
      nm = &names.back();
      for (std::size_t k = b; k < e; ++k) nm->words.push_back(ref.tokens[k].f.form);
    }
    (type == kLoc ? nm->places : nm->people) += 1;
  });
  bool any = false;
  for (const Name& nm : names) any = any || (nm.places > 0 && nm.people > 0 && nm.places >= nm.people);
  if (!any) return;
  ForEachSpan(sents, count, [&](const NerSentenceRef& ref, std::size_t b, std::size_t e) {
    if (e - b < 2 || LabelType(ref.labels[b]) != kPer || LexFirstName(ref.tokens[b].lex)) return;
    const Name* nm = find(ref.tokens, b, e);
    if (nm && nm->places > 0 && nm->places >= nm->people) SetSpan(ref.labels, b, e, kLoc);
  });
}

}  // namespace

void ApplyDocumentRules(const NerSentenceRef* sents, std::size_t count) {
  DocumentNameRules(sents, count);
  OnePlaceSense(sents, count);
  TypeVessels(sents, count);
}

}  // namespace sitrep::entities
