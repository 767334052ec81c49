// The tone stage: how positive or negative an article's wording is, as
// GDELT measures document tone: (positive words - negative words) / words
// x 100, with the words rated by a lexicon (data/text/tone.tsv, AFINN-165).
//
// A rated word counts with the opposite sign when a negator
// (data/text/tone_negators.txt: "not", "n't", "never", ...) stands one or
// two tokens before it in the same sentence ("not good", "did not help").
// Words inside a named-entity mention are not rated ("United Nations",
// "Hope Street"), and when the parser has run only content words are
// ("like" as a preposition is not a feeling). Every word still counts
// towards the total.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/article.h"
#include "core/stage.h"

namespace sitrep::text {

class ToneLexicon {
 public:
  // Loads data/text/tone.tsv and data/text/tone_negators.txt. Throws
  // ConfigError naming the file and line on a malformed line.
  static ToneLexicon Load();
  // The lexicon loaded once from the compiled-in data; thread-safe.
  static const ToneLexicon& Default();

  // Builds a lexicon from the contents of the two files (for tests).
  static ToneLexicon FromText(std::string_view words, std::string_view negators);

  // The sign of `word`'s rating (any case, ASCII folding): +1, -1, or 0
  // when the lexicon does not rate it.
  int Polarity(std::string_view word) const;
  // True if `word` (any case) reverses the tone of the words after it.
  bool IsNegator(std::string_view word) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::int8_t, Hash, std::equal_to<>> polarity_;
  std::unordered_set<std::string, Hash, std::equal_to<>> negators_;
  std::size_t longest_ = 0;
};

// Counts the words, positive and negative words of `a` (needs a.tokens and
// a.sentences; uses a.mentions and the tokens' upos when present). Never
// fails: an article without tokens has zero words.
ToneCounts ScoreTone(const Article& a, const ToneLexicon& lexicon);

// The pipeline stage: fills article.tone. Runs after the entities stage.
class ToneStage : public Stage {
 public:
  ToneStage();
  std::string_view name() const override { return "tone"; }
  void Process(Article& article, StageScratch* scratch) const override;

 private:
  const ToneLexicon& lexicon_;
};

}  // namespace sitrep::text
