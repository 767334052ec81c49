// Dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011)
// scored by an averaged perceptron over Zhang & Nivre (2011) style
// features, trained with a dynamic oracle (Goldberg & Nivre 2013) so it
// learns to recover from its own mistakes.
//
// The artificial root sits after the last word; it is never shifted, and
// attaching a word to it is allowed only as the very last transition, so
// every parse is a tree with exactly one root.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/linear_model.h"
#include "syntax/tagger.h"
#include "syntax/token_features.h"

namespace sitrep::syntax {

// The value a tag contributes to parser features; the same for gold tags
// in training and predicted tags at run time.
std::uint64_t TagHash(std::string_view upos, std::string_view xpos);

// Per-thread working memory of the parser (the transition state).
struct ParseState {
  int n = 0;
  int i = 0;  // buffer front; n means only the root is left
  std::vector<int> stack, head, label, l1, l2, r1, r2, nl, nr;
  std::vector<std::uint64_t> lset, rset;
  void Init(int words);
  void AddArc(int h, int d, int lab);
};

class Parser {
 public:
  static std::unique_ptr<Parser> Load(std::string_view bytes, const std::string& name);
  std::string Save() const;

  // Parses n words: exactly 2n transitions, each scoring a fixed number of
  // features, so time is linear in n. Any n works; SyntaxStage cuts very
  // long sentences into pieces anyway because greedy parses of hundreds
  // of words are unreliable. heads[k] is the 0-based head or -1 for the
  // root; labels[k] indexes label(). Allocates only when `state` has
  // never held a sentence this long.
  void Parse(const TokenFeatures* feats, const std::uint64_t* tags, int n, ParseState& state, int* heads,
             std::uint16_t* labels) const;

  std::string_view label(std::uint16_t id) const { return labels_[id]; }
  std::size_t num_labels() const { return labels_.size(); }
  std::uint16_t root_label() const { return root_label_; }
  const LinearModel& model() const { return model_; }

 private:
  friend struct ParserTrainer;
  std::vector<std::string> labels_;
  std::uint16_t root_label_ = 0;
  // Trained with word clusters (TokenFeatures::cluster, filled in by the
  // tagger): only then does it read cluster features.
  bool clusters_ = false;
  LinearModel model_;
};

// Trains a parser on gold trees, with gold tags or (jackknife > 1) tags
// predicted by taggers that did not see the sentence. Prints dev UAS/LAS
// (with gold tags) to stderr as it goes. Deterministic given the seed.
struct ParserTrainOptions : TrainOptions {
  int jackknife = 0;  // >1: tag the training data with taggers trained on the other folds
  int tagger_epochs = 10;  // as many as the shipped tagger, so training tags are as noisy as real ones
};
std::unique_ptr<Parser> TrainParser(const std::vector<ConllSentence>& train,
                                    const std::vector<ConllSentence>& dev, const ParserTrainOptions& options);

}  // namespace sitrep::syntax
