// People, organisations, places and other names in an article.
//
// Contracts:
//  - EntitiesStage fills Article::mentions (typed PERSON, ORG, LOC, MISC,
//    byte offsets into the text, sorted by position, never overlapping),
//    with role, country, actor code and the place-as-actor flag where the
//    text says so, and groups them into Article::local_entities (one per
//    real thing named in the article). Entity ids across articles are set
//    later by the cross-article merge. It never throws while processing
//    and runs in time linear in the article.
//  - It reads the syntax stage's tags and trees, so it runs after it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/stage.h"
#include "entities/ner.h"
#include "gazetteer/gazetteer.h"
#include "resolve/resolve.h"
#include "syntax/syntax.h"

namespace sitrep::entities {

// The compiled-in model (data/models/ner.bin, or the file under
// $SITREP_DATA), loaded once. Throws ConfigError if it is missing,
// CorruptError naming the file if it is damaged. Thread-safe.
std::shared_ptr<const NerModel> LoadDefaultNer();

// Loads a model from a file; same errors.
std::shared_ptr<const NerModel> LoadNerFromFile(const std::string& path);

struct EntitiesScratch : StageScratch {
  std::string lower;
  std::vector<NerToken> tokens;  // the whole article's, sentence after sentence
  std::vector<std::uint8_t> labels;
  std::vector<NerToken> sentence;
  std::vector<NerSentenceRef> refs;
  DocLabelScratch doc;
  std::vector<std::string_view> forms;
  std::vector<gazetteer::Match> matches;
};

// Adds gazetteer evidence to tokens[0..n) = tokens [first, end) of `a`.
void AddGazetteerBits(const Article& a, std::uint32_t first, std::uint32_t end, NerToken* tokens,
                      EntitiesScratch& scratch);

// For every token of `a`, the kGazPeopleForm bit when it is a capitalised
// word whose people's adjective the article also writes capitalised: the
// word with "n" after a final "a", or with "an", "i", "ese" or "ish" after
// it ("Tessaria"/"Tessarian", "Morvath"/"Morvathi"); not "ian", which also
// makes adjectives of people's names ("Darwinian"). And kGazPeopleAdjective
// on that adjective.
std::vector<std::uint32_t> PeopleForms(const Article& a);

// Recognises the mentions of an analysed article (replacing any it had).
// The article's own outlet, where its text names it on word boundaries
// (with or without a leading "The"), is one organisation mention whatever
// the model made of its words.
void RecognizeMentions(const NerModel& model, Article& a, EntitiesScratch& scratch);

// Merge options that know countries through the gazetteer ("US" and
// "United States" are one place). `g` must outlive the options.
resolve::MergeOptions MergeOptionsFor(const gazetteer::Gazetteer& g);

class EntitiesStage : public Stage {
 public:
  explicit EntitiesStage(std::shared_ptr<const NerModel> model = LoadDefaultNer());
  std::string_view name() const override { return "entities"; }
  std::unique_ptr<StageScratch> NewScratch() const override { return std::make_unique<EntitiesScratch>(); }
  void Process(Article& article, StageScratch* scratch) const override;

 private:
  std::shared_ptr<const NerModel> model_;
  const gazetteer::Gazetteer* gazetteer_ = nullptr;
  resolve::MergeOptions merge_;
};

// Gold sentences turned into what the recogniser reads, through the same
// path an article takes (syntax stage on the gold words, document
// statistics, gazetteer), with their gold labels.
struct NerCorpus {
  std::vector<std::vector<NerToken>> tokens;
  std::vector<std::vector<std::uint8_t>> labels;
  std::vector<std::vector<std::string>> words;
  std::vector<std::uint32_t> docs;  // the document of each sentence, counted from 0
  std::size_t token_count = 0;
};
NerCorpus PrepareNerCorpus(const std::vector<NerSentence>& gold, const syntax::SyntaxStage& syntax);

}  // namespace sitrep::entities
