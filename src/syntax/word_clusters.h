// Distributional word clusters for the tagger and the parser: every word of
// a large unlabelled vocabulary gets a fine, a middle and a coarse cluster,
// so that words rare or absent in the treebank share weights with the
// frequent words that are used like them.
//
// The clusters are learned once by spherical k-means over pre-trained word
// vectors and kept as a table: the shipped models use the named-entity
// recogniser's (data/ner/vector_clusters.tsv and vector_tree.tsv, `train
// ner-vectors`); `train clusters` writes a table of its own. `train
// tagger|parser --clusters` copy it into the tagger model, which fills
// TokenFeatures::cluster at run time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>
#include <string_view>
#include <unordered_map>

#include "syntax/token_features.h"

namespace sitrep::syntax {

// Lowercased-form hash (TokenFeatures::lower) -> packed cluster ids:
// bits 0..11 fine, 12..19 middle, 20..27 coarse, each stored as id + 1 so
// that 0 never names a cluster.
using ClusterTable = std::unordered_map<std::uint64_t, std::uint32_t>;

inline constexpr std::uint32_t kNoCluster = 0;
inline std::uint32_t FineCluster(std::uint32_t packed) { return packed & 0xfff; }
inline std::uint32_t MidCluster(std::uint32_t packed) { return (packed >> 12) & 0xff; }
inline std::uint32_t CoarseCluster(std::uint32_t packed) { return (packed >> 20) & 0xff; }

// Reads a table written by LearnClusters: "word<TAB>fine<TAB>mid<TAB>coarse"
// lines, '#' comments. Throws on a malformed line (naming the file).
ClusterTable ReadClusterTable(const std::string& path);

// One word of the word-vector cluster tables kept for the named-entity
// recogniser (data/ner/vector_clusters.tsv: word and fine cluster;
// vector_tree.tsv: fine, mid and coarse cluster): the word's lower-case
// hash (TokenFeatures::lower) and its three clusters.
struct VectorCluster {
  std::uint64_t lower = 0;
  std::uint32_t fine = 0, mid = 0, coarse = 0;
};

// Joins the two tables' text through the tree, in the words' order (the
// most frequent spelling of a word comes first); '#' lines are comments.
// Throws ConfigError naming `name` on a malformed line, a fine cluster the
// tree lacks, or a cluster id of 4095 (fine), 511 (mid) or 255 (coarse)
// and more.
std::vector<VectorCluster> ParseVectorClusters(std::string_view clusters, std::string_view tree,
                                               const std::string& name);

// Reads those tables from files into one ClusterTable. Throws naming the
// file.
ClusterTable ReadVectorClusterTables(const std::string& clusters_path, const std::string& tree_path);

// The same from the tables' text; errors name `clusters_name` and
// `tree_name`.
ClusterTable VectorClusterTable(std::string_view clusters, std::string_view tree, const std::string& clusters_name,
                                const std::string& tree_name);

// An order-independent fingerprint of a table's words and clusters, so
// that a model that reads a table from the data files can tell that it is
// the table it was trained with.
std::uint64_t ClusterTableChecksum(const ClusterTable& table);

struct ClusterOptions {
  std::size_t max_words = 120000;  // the most frequent words of the vector file
  int fine = 1024, mid = 128, coarse = 32;
  int iterations = 12;
  std::uint64_t seed = 1;
  bool verbose = true;
};

// Learns clusters from a wink-embeddings style JSON file ({"words":[...],
// "vectors":{"word":[d1..dn, norm, index], ...}}, words in frequency
// order): spherical k-means over the unit vectors of the `max_words` most
// frequent words into `fine` clusters, then the fine centroids (weighted by
// size) into `mid` and `coarse` clusters. Returns the table as text, one
// word a line, in frequency order. Deterministic given the seed.
std::string LearnClusters(const std::string& vectors_json, const ClusterOptions& options);

}  // namespace sitrep::syntax
