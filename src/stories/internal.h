// Shared between the stories stage's files; not part of its interface.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "stories/stories.h"

namespace sitrep::stories::detail {

// The word lists of data/stories/, loaded once.
struct Lexicon {
  std::unordered_set<std::string> stopwords;
  // hedge phrase (lower case, single spaces) -> kind; longest first in `hedge_phrases`.
  std::unordered_map<std::string, std::string> hedges;
  std::size_t longest_hedge_words = 1;
  std::unordered_map<std::string, std::string> quantity_nouns;  // word -> claim key
  std::unordered_map<std::string, std::string> rate_nouns;      // word -> claim key of a percentage
  std::unordered_map<std::string, std::string> contexts;        // word -> context
  // Contexts of several words ("from their homes"), as word lists.
  std::vector<std::pair<std::vector<std::string>, std::string>> context_phrases;
  // Words that change what a nearby number reports (claim_cues.tsv):
  // word -> role ("label", "increment", "clause", "possessive", "favour",
  // "against", "vote").
  std::unordered_map<std::string, std::string> claim_cues;
  struct NumberWord {
    double value;
    bool scale;
  };
  std::unordered_map<std::string, NumberWord> number_words;
  // Month names and abbreviations -> month number: the time stage's list
  // (data/time/months.tsv), so that both stages read a date alike.
  std::unordered_map<std::string, int> months;
  // Words that, added to a title, name another office ("deputy", "former").
  std::unordered_set<std::string> title_ranks;
  // Words naming a happening set for a day ahead (scheduled.tsv) -> key.
  std::unordered_map<std::string, std::string> scheduled;
  static const Lexicon& Get();
};

// A word or number of the text, byte offsets.
struct Word {
  std::uint32_t begin, end;
  std::string lower;  // lower-cased (ASCII letters)
  bool number = false;  // digits, possibly with , and .
  bool punct_after = false;  // a punctuation mark (not a hyphen) follows before the next word
};

// The words of s between spaces (runs of spaces count as one).
std::vector<std::string> SpaceSeparated(std::string_view s);

inline bool IsAsciiAlnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Splits text[begin, end) into words and numbers. A hyphen joins the two
// halves of a spelled number ("twenty-five") into one word.
void Words(std::string_view text, std::uint32_t begin, std::uint32_t end, std::vector<Word>* out);

// The words [*from, *to) of `all` (Words() of the whole text) that
// Words(text, bs, be) gives, with *last_punct_after the last one's
// punct_after as that call sets it (the text after `be` unseen). False,
// and nothing set, when the span cuts a word or a character in two: the
// caller then splits the span itself. Lets a sentence's words be found
// without reading its text a second time.
bool SliceWords(const std::vector<Word>& all, std::string_view text, std::uint32_t bs, std::uint32_t be,
                std::size_t* from, std::size_t* to, bool* last_punct_after);

// The term key of a word for similarity: lower case, a plural "s" dropped
// (a cheap lemma: "talks" and "talk" meet). Empty for a stopword or a
// word too short to say anything.
std::string TermOf(const Word& w);

std::uint32_t FeatureHash(char kind, std::string_view key);

// A number a sentence reports, keyed by what it counts.
struct NumberClaim {
  std::string key;    // "troops", "people killed"
  double value = 0;
  std::string number;  // as written: "100,000", "Twenty-five"
  std::string text;    // with its hedge: "about 100,000"
  std::string hedge;   // the hedge's kind, empty when none
  // Whose they are, from a capitalised word between the number and its
  // noun: the country's code for a demonym or country ("four Russian
  // diplomats" -> RUS), else the word in lower case ("40 UN monitors" ->
  // un); empty when none.
  std::string qualifier;
};

// Finds the numbers of one sentence that count something in the
// quantity-noun list (the noun after the number, else the nearest before
// it in the sentence). Money, percentages, years and times count nothing
// in the list and are left out, except a share of a named whole ("48.2
// percent of the vote": key "percent of the vote") and the percentage of a
// rate in the rate-noun list ("tariffs of 25 percent", "a 30% tariff").
void ExtractClaims(std::string_view text, std::span<const Word> sentence_words, std::vector<NumberClaim>* out);

// Whether two titles given to one person (lower case, as the entities
// stage reports roles) name different offices: the same head noun, and
// either different words ("foreign minister", "defence minister") or a
// word of the rank list added ("deputy foreign minister", "foreign
// minister"). A title that only says more ("rebel leader", "leader"), the
// same words reordered ("minister of defence", "defence minister") and
// titles of different heads, which one person can hold at once ("chief
// negotiator", "deputy foreign minister"), do not differ.
bool TitlesDiffer(std::string_view a, std::string_view b);

// True when titles a and b differ only by "former" or "ex" ("former
// president", "president"): the office then and a past holder now, which
// two articles may both write truly of one person (one recounting the
// years in office); such a disagreement is marked compatible.
bool TitlesDifferOnlyInTime(std::string_view a, std::string_view b);

// A candidate summary sentence of an article.
struct SentenceDigest {
  std::uint32_t start = 0, end = 0;  // code points, as in articles.jsonl
  std::uint32_t position = 0;        // 0 for the article's first candidate sentence, then 1, 2, ...
  std::string text;
  SparseVector terms;  // L2-normalised term counts
};

struct MentionDigest {
  std::string entity, text;
  std::vector<std::string> roles;  // the titles the article gives it ("deputy foreign minister"), each once
  bool person = false;             // typed PERSON
};

struct Inconsistency {
  std::string text, kind, detail;
};

// A day ahead of the article's date that it gives for a happening named
// next to it ("will rule on 3 May"): key (scheduled.tsv), the day, and
// the date as written.
struct ScheduledDay {
  std::string key, day, text;
};

// What the stories stage keeps of one article.
struct Digest {
  std::string id, outlet, title, published;
  std::int32_t day = kNoDay;
  // The text is a translation (articles.jsonl "translated_from"): its
  // title may still be in the original language.
  bool translated = false;
  std::vector<std::pair<std::uint32_t, std::uint16_t>> terms;  // body term hash -> count
  std::vector<std::uint32_t> title_terms;
  std::vector<std::string> entities;  // distinct entity ids
  std::vector<std::uint16_t> entity_mentions;  // name mentions of each, in the order of `entities`
  std::vector<MentionDigest> names;   // the longest form of each entity in this article
  std::vector<std::uint32_t> events;  // indexes into the merged events (filled in Build)
  std::vector<std::string> years;     // years the article's dates name (its time expressions, its date)
  std::vector<std::string> dates;     // days and months its dates name ("2012-07-07", "2012-07", yearless "--07-07")
  std::vector<std::uint32_t> numbers;  // feature hashes of the distinct numbers it writes in digits
  std::vector<std::uint32_t> roles;    // feature hashes of the distinct (entity, role) pairs its mentions give
  std::vector<NumberClaim> claims;
  std::vector<SentenceDigest> sentences;
  std::vector<Inconsistency> inconsistencies;
  std::vector<ScheduledDay> scheduled;
  std::uint64_t simhash = 0;
  std::vector<std::uint32_t> sketch;  // ShingleSketch of the body
  std::uint32_t body_words = 0;
};

// The days of the year of dates (month x 32 + day), from the "YYYY-MM-DD"
// and yearless "--MM-DD" ones (not months), sorted, each once.
std::vector<std::uint16_t> NamedDays(const std::vector<std::string>& dates);

// Reads one articles.jsonl line into *d. Returns false for a skipped
// article; an error Status for a line that is not a JSON object.
Result<bool> DigestLine(std::string_view line, std::size_t summary_candidates, Digest* d);

// A digest as bytes and back, for the spill file that keeps a large
// corpus's digests out of memory until their story is written. Decode
// returns false for bytes Encode did not write.
void EncodeDigest(const Digest& d, std::string* out);
bool DecodeDigest(std::string_view bytes, Digest* d);

double Dot(const SparseVector& a, const SparseVector& b);

// One sparse vector spread into a table, for the dot products of one
// vector with many: an article against each candidate story, or a
// centroid against each of its articles. A lookup reads two slots (cuckoo
// hashing) without branching on whether the feature is there, where the
// merge of two sorted lists waits on each comparison before its next
// step. Dot(other) equals detail::Dot(v, other): the products of shared
// features are added in the other vector's (ascending) order, as the
// merge adds them.
class DotTable {
 public:
  DotTable() = default;
  explicit DotTable(const SparseVector& v) { Assign(v); }
  // Replaces the table's vector with v (sorted by feature, each once).
  // Keeps its memory, so a table reused per article seldom allocates.
  void Assign(const SparseVector& v);
  double Dot(const SparseVector& other) const;

 private:
  struct Slot {
    std::uint32_t key;
    float weight;
  };
  std::uint32_t First(std::uint32_t h) const { return (h * 0x9E3779B1u) >> shift_; }
  std::uint32_t Second(std::uint32_t h) const { return (h * 0x85EBCA77u) >> shift_; }
  bool Build(const SparseVector& v);
  std::vector<Slot> slots_;
  SparseVector plain_;  // the vector itself, when no table could be built
  mutable std::vector<double> products_;  // scratch of Dot(): one table serves one thread
  std::uint32_t shift_ = 32;
  std::uint32_t empty_ = UINT32_MAX;  // a key the vector does not hold
};

void Normalise(SparseVector* v);

}  // namespace sitrep::stories::detail
