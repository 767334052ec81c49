// Named-entity recognition: an averaged perceptron over IOB2 labels of four
// types, decoded by first-order Viterbi and trained as a structured
// perceptron (or, for older models, greedy left to right), reading word,
// shape, part-of-speech, dependency, gazetteer, word-table (corpus and
// word-vector clusters, proper-noun and capitals rates, first names:
// word_lex.h) and document-level features, followed by a few general
// corrections from the gazetteer (titles before a person's name, listed
// organisations kept whole). Optionally (`train ner --two-pass`) a second
// pass reads the first pass's labels across the document.
//
// Contracts:
//  - NerModel::Tag labels every token of a sentence in time linear in its
//    length, never allocates, and never outputs an inside label that does
//    not continue a mention of its own type.
//  - The features of a token are computed once (NerToken) from the
//    article, so training and tagging see exactly the same values.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/article.h"
#include "entities/ner_corpus.h"
#include "syntax/linear_model.h"
#include "syntax/token_features.h"

namespace sitrep::entities {

// Gazetteer evidence on a token (bits of NerToken::gaz). B marks the
// first token of a listed name, I a later one.
enum GazBit : std::uint32_t {
  kGazCountryB = 1u << 0,
  kGazCountryI = 1u << 1,
  kGazCityB = 1u << 2,
  kGazCityI = 1u << 3,
  kGazRegionB = 1u << 4,
  kGazRegionI = 1u << 5,
  kGazOrgB = 1u << 6,
  kGazOrgI = 1u << 7,
  kGazBodyB = 1u << 8,
  kGazBodyI = 1u << 9,
  kGazRole = 1u << 10,       // part of a title or role ("foreign minister")
  kGazRoleBefore = 1u << 11, // a role phrase ends right before this token
  kGazDemonym = 1u << 12,
  kGazHonorific = 1u << 13,   // Mr, Ms, Dr, ...
  kGazHonorificBefore = 1u << 14,
  kGazBigCity = 1u << 15,     // a city of 1 million people or more
  kGazCaseMatch = 1u << 16,   // some listed name matched with its own capitals
  kNumGazBits = 17,
  // Not a model feature (the shipped model was trained without it; see
  // data/models/NOTICE): an area of areas.tsv ("Donbas") in its own capitals.
  kGazArea = 1u << 17,
  // Not a model feature either: one word matching, in other capitals, a
  // short form of an organisation whose name has several words (its
  // acronym in title case, as British papers write acronyms).
  kGazOrgShortForm = 1u << 18,
  // Not a model feature either: a capitalised word whose people's
  // adjective the same article writes ("Tessary" beside "Tessarian",
  // "Morvath" beside "Morvathi"), as a country's or region's name has.
  kGazPeopleForm = 1u << 19,
  // ... and that adjective itself ("Tessarian", "Morvathi").
  kGazPeopleAdjective = 1u << 20,
  // Not a model feature either: a capitalised plural of a listed one-word
  // role ("Senators", "Governors"), a title before two names joined by "and".
  kGazRolePlural = 1u << 21,
  // Not a model feature either: a US state as newswires abbreviate it,
  // written exactly so ("Mont.", "N.Y."; gazetteer/state_abbreviations.tsv).
  kGazStateAbbrev = 1u << 22,
};
// The bits the model reads.
inline constexpr std::uint32_t kModelGazBits = (1u << kNumGazBits) - 1;

// Document-level evidence (bits of NerToken::doc).
enum DocBit : std::uint32_t {
  kDocLowerElsewhere = 1u << 0,  // the word is written in lower case elsewhere in the article
  kDocCapsMidElsewhere = 1u << 1,  // ... and capitalised somewhere not at a sentence start
};

// Everything the recogniser reads about one token, as hashes and bits.
struct NerToken {
  syntax::TokenFeatures f;
  std::uint64_t upos = 0, xpos = 0, deprel = 0, head_lower = 0;
  std::uint32_t gaz = 0;
  std::uint32_t doc = 0;
  std::uint64_t lex = 0;  // WordLex::Get of the word (word_lex.h)
  // Second-pass evidence, set by NerModel::TagDocument: the label the
  // first pass gave this token, and bit l-1 for every label l it gave
  // another token of the document with the same word.
  std::uint8_t first = 0;
  std::uint8_t doclab = 0;
  // An e-mail or web address ("desk@lenhall.org", "www.kessar.net"): never
  // part of a name, though signatures put one between a name and its
  // employer.
  bool web = false;
  // The form's first bytes, zero-padded: enough to read an acronym's
  // letters and a word's initial ("GNA" for "Gulf News Agency").
  std::array<char, 8> head{};
};

// One sentence of a document for NerModel::TagDocument.
struct NerSentenceRef {
  NerToken* tokens;
  std::uint8_t* labels;  // written: one label per token
  std::size_t n;
};

// Reused memory for NerModel::TagDocument.
struct DocLabelScratch {
  std::unordered_map<std::uint64_t, std::array<std::uint16_t, 8>> counts;
};

// Sets NerToken::first from `labels` and NerToken::doclab from the whole
// document's labels.
void SetDocLabels(const NerSentenceRef* sents, std::size_t count, DocLabelScratch& scratch);

// Words of an article in the forms the document features need.
struct DocStats {
  std::unordered_set<std::uint64_t> lower;     // lowercased forms of words written in lower case
  std::unordered_set<std::uint64_t> caps_mid;  // lowercased forms of capitalised words not at a sentence start
};

// Collects the document-level word statistics of an analysed article.
DocStats ComputeDocStats(const Article& a, std::string& scratch);

// Fills out[0..n) for tokens [first, end) of `a` (n = end - first):
// word features, the syntax stage's tags and tree, and document bits.
// Gazetteer bits are left zero for the caller to add. `scratch` is reused.
void BuildNerTokens(const Article& a, std::uint32_t first, std::uint32_t end, const DocStats& stats,
                    std::vector<NerToken>* out, std::string& scratch);

struct NerTrainOptions;

class NerModel {
 public:
  // Loads a model written by Save(); throws CorruptError naming `name`.
  static std::unique_ptr<NerModel> Load(std::string_view bytes, const std::string& name);
  std::string Save() const;

  // Writes one label per token into labels[0..n), reading the sentence
  // alone (a two-pass model runs its first pass only).
  void Tag(const NerToken* tokens, std::size_t n, std::uint8_t* labels) const;

  // Labels every sentence of one document. A two-pass model tags them
  // all, notes what it found across the document in the tokens
  // (SetDocLabels), and tags them again reading that.
  void TagDocument(const NerSentenceRef* sents, std::size_t count, DocLabelScratch& scratch) const;

  bool two_pass() const { return two_pass_; }
  // Whether the corrections after the model (titles, listed organisations,
  // span_rules.h) are applied
  // (on by default; off to measure them).
  void set_rules(bool on) { rules_ = on; }
  const syntax::LinearModel& model() const { return model_; }

 private:
  friend std::unique_ptr<NerModel> TrainNer(const std::vector<std::vector<NerToken>>&,
                                            const std::vector<std::vector<std::uint8_t>>&,
                                            const std::vector<std::vector<NerToken>>&,
                                            const std::vector<std::vector<std::uint8_t>>&, const NerTrainOptions&,
                                            const std::vector<std::uint32_t>*,
                                            const std::vector<std::uint32_t>*);
  void TagWith(const syntax::LinearModel& m, bool second, const NerToken* tokens, std::size_t n,
               std::uint8_t* labels) const;
  syntax::LinearModel first_;  // two-pass models only
  syntax::LinearModel model_;
  bool two_pass_ = false;
  bool viterbi_ = false;  // first-order Viterbi decoding instead of greedy
  bool rules_ = true;
};

struct NerTrainOptions {
  int epochs = 10;
  std::uint64_t seed = 1;
  bool verbose = false;  // print dev F1 after each epoch to stderr
  // Decode (and train) with first-order Viterbi over the labels: a
  // structured perceptron. Off: greedy left to right, reading two labels back.
  bool viterbi = true;
  // Independent training runs (each with its own shuffle) whose averaged
  // weights are averaged again into one model.
  int runs = 1;
};

// Trains on sentences (tokens and gold labels); after each epoch prints
// span F1 on the dev sentences to stderr when `verbose`. Deterministic for
// a given seed. Given the document of every sentence (`train_docs`, and
// `dev_docs` when there is dev data), trains a two-pass model: the second
// pass learns from first-pass labels of 4-fold jackknifed models, so it
// sees first-pass mistakes as they come on new text.
std::unique_ptr<NerModel> TrainNer(const std::vector<std::vector<NerToken>>& train,
                                   const std::vector<std::vector<std::uint8_t>>& train_labels,
                                   const std::vector<std::vector<NerToken>>& dev,
                                   const std::vector<std::vector<std::uint8_t>>& dev_labels,
                                   const NerTrainOptions& options,
                                   const std::vector<std::uint32_t>* train_docs = nullptr,
                                   const std::vector<std::uint32_t>* dev_docs = nullptr);

// Span-level counts for precision, recall and F1, per type. A system span
// over a word whose gold label is kUnknownLabel is not counted.
struct NerScore {
  std::uint64_t gold[kNumNerTypes] = {}, system[kNumNerTypes] = {}, correct[kNumNerTypes] = {};
  void Add(const std::uint8_t* gold_labels, const std::uint8_t* system_labels, std::size_t n);
  // Micro-averaged F1 over PERSON, ORG and LOC (the types every corpus has).
  double MicroF1() const;
};

}  // namespace sitrep::entities
