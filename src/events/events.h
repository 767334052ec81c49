// Political events coded actor-action-target in CAMEO (issue 7).
//
// Contracts:
//  - EventsStage reads the syntax stage's trees, the entities stage's
//    mentions and the time stage's expressions, and fills Article::events:
//    one Event per coded happening per sentence, with its source and
//    target resolved to the article's mentions (or to a common-noun actor
//    such as "police"), its date (a time expression in the sentence, else
//    the publication date, flagged) and its place. It runs after time,
//    never throws while processing, and is linear in the article.
//  - Threats, intents, appeals, demands and refusals are coded as such
//    (13x, 03x, 02x, 10x, 12x), never as the act they concern; negation
//    sets Event::negated; an event stated under a speech verb's clausal
//    complement is coded and marked Event::attributed.
//  - Knowledge lives in data/events/ (lexicon per CAMEO root, code table,
//    composition table, actor nouns, closed word lists).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/stage.h"

namespace sitrep::events {

// One CAMEO event code as data/events/cameo.tsv describes it.
struct CodeInfo {
  std::string code;
  double goldstein = 0;
  std::string name;
  bool symmetric = false;  // "X and Y did it" means X did it with Y
  bool own_means = false;  // the verb's object is the actor's own means ("deployed troops"), not a target
};

// The CAMEO code table. Default() loads the compiled-in table once (throws
// ConfigError at load time if it is missing or malformed); Find returns
// nullptr for an unknown code.
class Codebook {
 public:
  static const Codebook& Default();
  static Codebook Parse(std::string_view tsv);
  const CodeInfo* Find(std::string_view code) const;
  const std::vector<CodeInfo>& codes() const { return codes_; }

 private:
  std::vector<CodeInfo> codes_;  // sorted by code
};

// GDELT's quad class of a code: 1 verbal cooperation (roots 01-05),
// 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material
// conflict (14-20); 0 for a malformed code.
int QuadClass(std::string_view code);

// The two-digit root of a code ("0431" -> "04").
inline std::string_view Root(std::string_view code) { return code.substr(0, 2); }

class Lexicon;  // lexicon.h

class EventsStage : public Stage {
 public:
  // Loads the compiled-in lexicon; throws ConfigError if a data file is
  // missing or malformed.
  EventsStage();
  ~EventsStage() override;
  std::string_view name() const override { return "events"; }
  std::unique_ptr<StageScratch> NewScratch() const override;
  void Process(Article& article, StageScratch* scratch) const override;

 private:
  std::shared_ptr<const Lexicon> lexicon_;
};

}  // namespace sitrep::events
