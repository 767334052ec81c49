// Part-of-speech tagger: a greedy left-to-right averaged perceptron over
// joint UPOS+XPOS classes (one class predicts both tags, so they never
// disagree in ways the treebank never shows). Optionally a second
// left-to-right pass sees the first pass's tags of the following words.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/linear_model.h"
#include "syntax/token_features.h"
#include "syntax/word_clusters.h"

namespace sitrep::syntax {

class Tagger {
 public:
  // Loads a model written by Save(); throws CorruptError naming `name`.
  // A model trained on the word-vector tables of the data files reads them
  // here (Resource, so $SITREP_DATA applies): a missing or malformed table
  // throws ConfigError naming the table's file, and a table other than the
  // one the model was trained with throws ConfigError naming both files.
  static std::unique_ptr<Tagger> Load(std::string_view bytes, const std::string& name);
  std::string Save() const;

  // Predicts one class per token into tags[0..n). `feats` holds the
  // tokens' precomputed features; the tagger fills in their `amb` field.
  // No allocation; O(n).
  void Tag(TokenFeatures* feats, std::size_t n, std::uint16_t* tags) const;

  std::size_t num_classes() const { return upos_.size(); }
  // Label views point into this model and live as long as it does.
  std::string_view upos(std::uint16_t cls) const { return upos_[cls]; }
  std::string_view xpos(std::uint16_t cls) const { return xpos_[cls]; }
  const LinearModel& model() const { return model_; }
  const ClusterTable& clusters() const { return clusters_; }

 private:
  friend struct TaggerTrainer;
  void SetAmbiguity(TokenFeatures* feats, std::size_t n) const;
  std::vector<std::string> upos_, xpos_;
  std::unordered_map<std::uint64_t, std::uint64_t> amb_;  // lowercased-form hash -> ambiguity class
  std::unordered_set<std::uint64_t> vocab_;               // lowercased-form hashes the tagger knows
  ClusterTable clusters_;                                 // distributional clusters (may be empty)
  // The data files clusters_ was read from at load (see
  // TrainOptions::clusters_name); empty when the model holds a copy.
  std::string clusters_name_, tree_name_;
  // The three tables above merged into one flat open-addressing table
  // (built by BuildWordTable), so a token costs one lookup, not three.
  struct WordEntry {
    std::uint64_t key;  // lowercased-form hash; 0 = empty slot
    std::uint64_t amb;
    std::uint32_t cluster;
    std::uint32_t known;
  };
  void BuildWordTable();
  std::vector<WordEntry> words_;
  std::uint64_t words_mask_ = 0;
  LinearModel model_;   // first pass
  LinearModel model2_;  // second pass (empty: one pass only)
};

struct TrainOptions {
  int epochs = 10;
  std::uint64_t seed = 1;
  bool verbose = true;
  std::uint32_t min_updates = 1;  // see PerceptronTrainer::Finish
  // Tagger: add a second pass that sees first-pass tags to the right. On
  // EWT dev it gained 0.1 UPOS for twice the size and half the speed, so
  // it is off by default.
  bool two_pass = false;
  // Distributional word clusters for features (tagger and parser); null:
  // none. The tagger fills TokenFeatures::cluster from them. With a table
  // the tagger also reads wider context and knows every training word;
  // without one it trains exactly as it did before clusters (also in how
  // it reads quotation marks: TrainingQuoteForms).
  std::shared_ptr<const ClusterTable> clusters;
  // Where `clusters` came from when they are the word-vector tables of the
  // data files (VectorClusterTable of Resource(clusters_name) and
  // Resource(tree_name)): the tagger model then names those files and
  // reads them at load instead of keeping a copy (2.4 MB). Empty: the
  // model keeps a copy of the table.
  std::string clusters_name, tree_name;
};

// Trains a tagger on `train`; after each epoch prints accuracy on `dev`
// (if non-empty) to stderr. Deterministic given options.seed.
std::unique_ptr<Tagger> TrainTagger(const std::vector<ConllSentence>& train,
                                    const std::vector<ConllSentence>& dev, const TrainOptions& options);

// Sets TokenFeatures::cluster of feats[0..n) from `table`.
void FillClusters(const ClusterTable& table, TokenFeatures* feats, std::size_t n);

// Computes the per-token features of a sentence of words.
void SentenceFeatures(const std::vector<std::string_view>& forms, std::string& lower,
                      std::vector<TokenFeatures>* out, QuoteForms quotes = QuoteForms::kAsAscii);

// How training reads the treebank's quotation marks (token_features.h):
// as ASCII with a cluster table; as written without one, as the tagger
// and parser trained without clusters always have. Run time reads them
// as ASCII either way.
QuoteForms TrainingQuoteForms(const TrainOptions& options);

}  // namespace sitrep::syntax
