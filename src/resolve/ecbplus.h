// Cross-document entity coreference evaluation on the ECB+ corpus: reads
// its XML, builds articles from the gold mentions of human participants
// (HUMAN_PART_*) and locations (LOC_*), runs MergeWithinArticle() and the
// Resolver, and scores the clusters with B-cubed and pairwise (link) F1.
//
// Conventions, so that figures can be compared:
// - Cross-document coreference is scored within each topic (the ECB+
//   convention: articles of one topic are clustered together, topics never
//   meet), and the counts are summed over the topics.
// - Every gold mention counts; one that no relation links is a singleton.
// - The engine links names only. A gold mention is "named" when, after
//   leading lower-case words ("the", "lawyer"), it has a capitalised word
//   that is not a pronoun and not a sentence-initial or all-capitals
//   common word (one the topic also writes in lower case); a capitalised
//   function word opening a sentence ("In Karvena") is skipped. The system
//   sees only the name inside it ("the Harlow Crest Clinic in Dunmere"
//   -> "Harlow Crest Clinic"), as a tagger would give it; every other gold
//   mention is a system singleton.
// - Types: HUMAN_PART_PER and _GENERIC -> PERSON, _ORG -> ORG, _VEH -> MISC,
//   LOC_* and HUMAN_PART_FAC -> LOC, HUMAN_PART_GPE and _MET -> LOC used as
//   an actor. ECB+ keeps a place and its actor reading ("Freedonia
//   voted") apart; the engine keeps one entity and flags the mention, so
//   the score treats (entity, as_actor) as the system cluster.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "resolve/resolve.h"

namespace sitrep::resolve {

struct EcbMention {
  std::uint32_t begin = 0, end = 0;            // the gold span in EcbDocument::text
  std::uint32_t name_begin = 0, name_end = 0;  // the name inside it, when named
  std::string tag;                             // HUMAN_PART_PER, LOC_GEO, ...
  std::string cluster;                         // gold entity key, unique across the corpus
  bool named = false;
};

struct EcbToken {
  std::uint32_t begin = 0, end = 0;  // in EcbDocument::text
  int sentence = 0;
};

struct EcbDocument {
  std::string name;
  std::string text;  // the tokens, detokenised, one sentence a line
  std::vector<EcbToken> tokens;      // in text order
  std::vector<EcbMention> mentions;  // sorted by begin
};

// Parses one ECB+ XML file. A capitalised word counts as a common word
// (not a name) at the start of a sentence or in capitals when the document,
// or `common_words` if given, also writes it in lower case. Returns
// kInvalidInput when the file has no tokens.
Result<EcbDocument> ParseEcbPlus(std::string_view xml, std::string_view name,
                                 const std::unordered_set<std::string>* common_words = nullptr);

// Adds the words of an ECB+ XML file that start with a lower-case letter.
void CollectLowerCaseWords(std::string_view xml, std::unordered_set<std::string>* words);

// Topic folder names of part "dev", "heldout" (data/resolve/ecbplus_split.txt)
// or "all".
std::vector<std::string> EcbPlusTopics(std::string_view part);

struct CorefScores {
  double b3_precision = 0, b3_recall = 0, b3_f1 = 0;
  double pairwise_precision = 0, pairwise_recall = 0, pairwise_f1 = 0;
  long mentions = 0, gold_entities = 0, system_entities = 0;
};

// Scores a system clustering against a gold one: gold[i] and system[i]
// label mention i. B-cubed averages per-mention precision and recall;
// pairwise counts mention pairs put together.
CorefScores ScoreCoref(const std::vector<std::uint64_t>& gold, const std::vector<std::uint64_t>& system);

struct EcbEvaluation {
  long topics = 0, documents = 0;
  CorefScores all;       // every gold mention
  CorefScores named;     // named mentions only
  CorefScores baseline;  // named mentions, clustered by exact name and type
};

// Evaluates the topic folders `topics` under `dir`. With `report` not null,
// appends a description of the wrongly merged and wrongly split named
// clusters (for rule development on the dev topics).
Result<EcbEvaluation> EvaluateEcbPlus(const std::string& dir, const std::vector<std::string>& topics,
                                      const MergeOptions& options = {}, std::string* report = nullptr);

}  // namespace sitrep::resolve
