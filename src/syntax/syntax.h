// The linguistic core: UPOS and XPOS tags, lemmas and a labelled Universal
// Dependencies tree for every sentence, from models sitrep trains itself
// (`sitrep train tagger|parser`, see data/models/NOTICE).
//
// Contracts:
//  - SyntaxStage fills Token::upos, xpos, lemma, head and deprel of every
//    token of every sentence. It never throws while processing: it works
//    on any bytes, including empty sentences, 10,000-byte tokens and
//    sentences of thousands of tokens, in time linear in the input.
//  - Sentences longer than kMaxParseWords words are parsed in consecutive
//    pieces of at most that many words; the root of each later piece is
//    attached to the root of the first with deprel "parataxis", and the
//    article gets one warning saying so. Tagging and lemmas are unaffected.
//  - Label views (upos, xpos, deprel) point into the loaded models, which
//    LoadDefaultModels keeps for the life of the process.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <span>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/stage.h"
#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

namespace sitrep::syntax {

inline constexpr int kMaxParseWords = 150;

struct SyntaxModels {
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<Lemmatizer> lemmatizer;
  std::unique_ptr<Parser> parser;
  std::size_t bytes = 0;  // total size of the three model files
};

// The compiled-in models (data/models/{tagger,lemmatizer,parser}.bin, or
// the files under $SITREP_DATA), loaded once and kept for the life of the
// process. Throws ConfigError if a file is missing, CorruptError naming
// the file if one is damaged. Thread-safe.
std::shared_ptr<const SyntaxModels> LoadDefaultModels();

// Loads models from explicit files (training and evaluation). Same errors.
std::shared_ptr<const SyntaxModels> LoadModelsFromFiles(const std::string& tagger, const std::string& lemmatizer,
                                                        const std::string& parser);

// Per-thread buffers: token features, tags and the parser state.
struct SyntaxScratch : StageScratch {
  std::string lower, lemma_scratch;
  std::vector<std::string_view> forms;
  std::vector<TokenFeatures> feats;
  std::vector<std::uint16_t> tags;
  std::vector<std::uint64_t> tag_hashes;
  std::vector<int> heads;
  std::vector<std::uint16_t> labels;
  ParseState state;
};

class SyntaxStage : public Stage {
 public:
  // Uses the default models unless others are given.
  explicit SyntaxStage(std::shared_ptr<const SyntaxModels> models = LoadDefaultModels());

  std::string_view name() const override { return "syntax"; }
  std::unique_ptr<StageScratch> NewScratch() const override { return std::make_unique<SyntaxScratch>(); }
  void Process(Article& article, StageScratch* scratch) const override;

  // Analyses tokens [first, end) of `article` as one sentence.
  // Returns true if it had to be parsed in pieces.
  bool AnalyzeSentence(Article& article, std::uint32_t first, std::uint32_t end, SyntaxScratch& s) const;

  const SyntaxModels& models() const { return *models_; }

 private:
  std::shared_ptr<const SyntaxModels> models_;
  // A verb has one nominal subject: of two adjacent common nouns both
  // attached as its subject ("Lorvani's health ministry said", the tagger
  // reading a lower-case "ministry" as a proper noun), the first is a
  // compound of the second, and the words before it that it governed (the
  // possessor, the determiner) go to the second, the phrase's head. A noun
  // before a capitalised name is left alone: a title with its appositive
  // ("the owner Karla"). And of two subjects with an adjective and a
  // preposition between them ("officials familiar with the matter said"),
  // the adjective modifies the first and the second is its oblique.
  void RepairDoubleSubject(Article& article, std::uint32_t first, std::uint32_t end) const;

  // The tagger reads an "-ed" verb right after a sentence's opening noun
  // phrase as a participle more often than news text has it ("The
  // opposition called on X to resign", "The regulator fined the bank
  // ..., officials said"), which leaves the sentence without its verb.
  // Such a participle becomes a past tense, before parsing, when the
  // sentence (not a headline in capitals) has no finite verb nor another
  // participle and "by" does not follow, or when an object follows it (a determiner, pronoun,
  // number or name; not a name after a naming verb: "a firm called Kessar
  // Trade") and no finite verb comes before the next comma. Returns
  // whether a tag changed.
  bool RetagOpeningPastTense(std::span<const std::string_view> forms, std::uint16_t* tags) const;

  // A country's adjective tagged as a proper noun before a title in
  // capitals ("met Romanian President X", "Moldovan Deputy Prime
  // Minister X") is an adjective: as a name it made the parser read
  // "Romanian" as the object and the person as a second one conjoined to
  // it. Not before other capitalised words: there it starts a name ("the
  // British Library", "British Columbia"). Adjectives from
  // data/gazetteer/demonyms.tsv, titles and their modifiers ("Deputy")
  // from data/gazetteer/roles.tsv. Returns how many tags changed.
  int RetagDemonymAdjectives(std::span<const std::string_view> forms, std::uint16_t* tags) const;

  std::vector<std::uint64_t> tag_hash_;  // per tagger class
  // Per tagger class, what RetagOpeningPastTense asks of it (bits below).
  std::vector<std::uint8_t> class_kind_;
  std::uint16_t past_tense_class_ = 0;
  bool have_past_tense_ = false;
  std::unordered_set<std::string> naming_verbs_;  // data/text/naming_verbs.txt
  // Sets with lookup by string_view, so the per-token test allocates nothing.
  std::set<std::string, std::less<>> demonym_adjectives_;  // data/gazetteer/demonyms.tsv, as written
  std::set<std::string, std::less<>> titles_, title_modifiers_;  // roles.tsv, lower case, words joined by ' '
  std::size_t title_words_ = 0;                               // the most words of a title
  std::uint16_t adjective_class_ = 0;                   // ADJ JJ
  bool have_adjective_ = false;
  std::uint16_t piece_label_ = 0;
  std::string_view compound_label_;  // the parser's own "compound", empty if it has none
  std::string_view amod_label_, obl_label_;
};

}  // namespace sitrep::syntax
