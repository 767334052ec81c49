// `sitrep train tagger|lemmatizer|parser`: trains the syntax models from
// CoNLL-U treebanks. Deterministic given --seed.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "core/error.h"
#include "core/resources.h"
#include "syntax/conllu.h"
#include "syntax/lemmatizer.h"
#include "syntax/model_io.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "syntax/word_clusters.h"

namespace {

struct TrainArgs {
  std::vector<std::string> train;
  std::string dev, out, clusters, cluster_tree;
  std::uint64_t seed = 1;
  int epochs = 0;
  int jackknife = 0;
  std::uint32_t min_updates = 0;
  bool two_pass = false;
};

std::vector<sitrep::syntax::ConllSentence> ReadAll(const std::vector<std::string>& files) {
  std::vector<sitrep::syntax::ConllSentence> all;
  for (const auto& f : files) {
    auto s = sitrep::syntax::ReadConlluFile(f);
    all.insert(all.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
  }
  return all;
}

void AddCommon(CLI::App& app, TrainArgs& a) {
  app.add_option("--train", a.train, "Training CoNLL-U files")->required()->expected(1, -1);
  app.add_option("--dev", a.dev, "Development CoNLL-U file (progress report only)");
  app.add_option("--out", a.out, "Model file to write")->required();
  app.add_option("--seed", a.seed, "Random seed (shuffling, exploration)");
  app.add_option("--epochs", a.epochs, "Training epochs");
  app.add_option("--min-updates", a.min_updates, "Drop features updated fewer times than this (model size)");
}

void AddClusters(CLI::App& app, TrainArgs& a) {
  app.add_option("--clusters", a.clusters,
                 "Word cluster table (`sitrep train clusters`) to use as features; copied into the tagger "
                 "unless it is data/ner/vector_clusters.tsv, which the tagger then reads at load");
  app.add_option("--cluster-tree", a.cluster_tree,
                 "With --clusters data/ner/vector_clusters.tsv: the fine clusters' mid and coarse ones "
                 "(data/ner/vector_tree.tsv)");
}

std::shared_ptr<const sitrep::syntax::ClusterTable> LoadClusters(const TrainArgs& a) {
  using namespace sitrep::syntax;
  return std::make_shared<ClusterTable>(a.cluster_tree.empty() ? ReadClusterTable(a.clusters)
                                                               : ReadVectorClusterTables(a.clusters, a.cluster_tree));
}

// The data file (Resource name) a path names, when the path ends in
// data/NAME and that data file has the same bytes; empty otherwise.
std::string DataFileName(const std::string& path) {
  const std::size_t at = path.rfind("data/");
  if (at == std::string::npos || (at > 0 && path[at - 1] != '/')) return {};
  const std::string name = path.substr(at + 5);
  if (name.empty() || !sitrep::HasResource(name)) return {};
  return sitrep::Resource(name) == sitrep::syntax::ReadFileOrThrow(path) ? name : std::string();
}

// With the word-vector tables of the data files the tagger names them
// instead of keeping a copy, and reads them at load.
void NameClusterFiles(const TrainArgs& a, sitrep::syntax::TrainOptions* opt) {
  if (a.cluster_tree.empty()) return;
  std::string clusters = DataFileName(a.clusters), tree = DataFileName(a.cluster_tree);
  if (clusters.empty() || tree.empty()) {
    std::fprintf(stderr, "note: the cluster tables are not the data files of this build; the tagger keeps a copy\n");
    return;
  }
  opt->clusters_name = clusters;
  opt->tree_name = tree;
}

int Run(const std::string& what, const TrainArgs& a) {
  using namespace sitrep::syntax;
  try {
    auto t0 = std::chrono::steady_clock::now();
    auto train = ReadAll(a.train);
    std::vector<ConllSentence> dev;
    if (!a.dev.empty()) dev = ReadConlluFile(a.dev);
    std::fprintf(stderr, "%s: %zu training sentences, %zu dev sentences\n", what.c_str(), train.size(), dev.size());
    std::string bytes;
    if (what == "tagger") {
      TrainOptions opt;
      opt.seed = a.seed;
      if (a.epochs > 0) opt.epochs = a.epochs;
      if (a.min_updates > 0) opt.min_updates = a.min_updates;
      opt.two_pass = a.two_pass;
      if (!a.clusters.empty()) {
        opt.clusters = LoadClusters(a);
        NameClusterFiles(a, &opt);
      }
      bytes = TrainTagger(train, dev, opt)->Save();
    } else if (what == "lemmatizer") {
      bytes = Lemmatizer::Train(train)->Save();
    } else {
      ParserTrainOptions opt;
      opt.seed = a.seed;
      opt.epochs = a.epochs > 0 ? a.epochs : 12;
      opt.jackknife = a.jackknife;
      opt.min_updates = a.min_updates > 0 ? a.min_updates : 3;
      if (!a.clusters.empty()) opt.clusters = LoadClusters(a);
      bytes = TrainParser(train, dev, opt)->Save();
    }
    WriteFileOrThrow(a.out, bytes);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "%s: wrote %s (%zu bytes) in %.1fs\n", what.c_str(), a.out.c_str(), bytes.size(), secs);
    return sitrep::cli::kExitOk;
  } catch (const sitrep::Error& e) {
    sitrep::cli::PrintError(e.what());
    return sitrep::cli::kExitUsage;
  }
}

sitrep::cli::CommandRegistrar tagger_reg("train", "tagger", "Train the UPOS/XPOS tagger from CoNLL-U",
                                         [](CLI::App& app) {
                                           auto a = std::make_shared<TrainArgs>();
                                           AddCommon(app, *a);
                                           AddClusters(app, *a);
                                           app.add_flag("--two-pass", a->two_pass,
                                                        "Add a second pass that sees the tags to the right");
                                           return [a] { return Run("tagger", *a); };
                                         });

sitrep::cli::CommandRegistrar lemma_reg("train", "lemmatizer", "Train the lemmatizer from CoNLL-U",
                                        [](CLI::App& app) {
                                          auto a = std::make_shared<TrainArgs>();
                                          AddCommon(app, *a);
                                          return [a] { return Run("lemmatizer", *a); };
                                        });

sitrep::cli::CommandRegistrar parser_reg("train", "parser", "Train the dependency parser from CoNLL-U",
                                         [](CLI::App& app) {
                                           auto a = std::make_shared<TrainArgs>();
                                           AddCommon(app, *a);
                                           AddClusters(app, *a);
                                           app.add_option("--jackknife", a->jackknife,
                                                          "Train on tags predicted by N-fold jackknifed taggers "
                                                          "(0 = gold tags)");
                                           return [a] { return Run("parser", *a); };
                                         });

struct ClusterArgs {
  std::string vectors, out, note;
  sitrep::syntax::ClusterOptions opt;
};

int RunClusters(const ClusterArgs& a) {
  using namespace sitrep::syntax;
  try {
    auto t0 = std::chrono::steady_clock::now();
    std::string table = LearnClusters(a.vectors, a.opt);
    std::string header =
        "# Distributional word clusters for the tagger and parser: word, fine, mid and coarse cluster.\n"
        "# Learned by `sitrep train clusters` (src/syntax/word_clusters.cpp): spherical k-means over word vectors.\n";
    if (!a.note.empty()) header += "# " + a.note + "\n";
    WriteFileOrThrow(a.out, header + table);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "clusters: wrote %s (%zu bytes) in %.1fs\n", a.out.c_str(), header.size() + table.size(),
                 secs);
    return sitrep::cli::kExitOk;
  } catch (const sitrep::Error& e) {
    sitrep::cli::PrintError(e.what());
    return sitrep::cli::kExitUsage;
  }
}

sitrep::cli::CommandRegistrar clusters_reg(
    "train", "clusters", "Learn word clusters for the tagger and parser from word vectors (JSON)",
    [](CLI::App& app) {
      auto a = std::make_shared<ClusterArgs>();
      app.add_option("--vectors", a->vectors, "Word vectors: wink-embeddings JSON")->required();
      app.add_option("--out", a->out, "Cluster table to write (TSV)")->required();
      app.add_option("--max-words", a->opt.max_words, "Cluster this many most frequent words");
      app.add_option("--fine", a->opt.fine, "Number of fine clusters (at most 4094)");
      app.add_option("--mid", a->opt.mid, "Number of middle clusters (at most 254)");
      app.add_option("--coarse", a->opt.coarse, "Number of coarse clusters (at most 254)");
      app.add_option("--iterations", a->opt.iterations, "k-means iterations for the fine clusters");
      app.add_option("--seed", a->opt.seed, "Random seed (initial centroids)");
      app.add_option("--note", a->note, "A comment line for the table's header (sources, licence)");
      return [a] { return RunClusters(*a); };
    });

}  // namespace
