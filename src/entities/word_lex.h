// What unlabelled and part-of-speech-tagged text says about a word, for
// the named-entity recogniser: a distributional cluster (fine and coarse),
// how often the word is a proper noun, and how often it is capitalised
// away from a sentence start. Learned by `sitrep train ner-words` into
// data/ner/words.tsv (see data/ner/NOTICE).
//
// Contracts:
//  - WordLex::Get is a hash lookup that never allocates; unknown words
//    give kUnknownWord.
//  - Learning is deterministic: the same inputs give the same file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitrep::entities {

// Packed word information: bits 0-8 fine cluster + 1, 9-14 coarse cluster
// + 1, 15-17 proper-noun bucket, 18-20 capitals bucket (from the corpora);
// bits 21-32, 33-41 and 42-49 the fine, middle and coarse cluster + 1 of
// the word's vector (0: no vector); bit 50 for a listed first name
// (data/ner/first_names.txt). 0 = unknown word.
inline constexpr std::uint64_t kUnknownWord = 0;
inline std::uint32_t LexFine(std::uint64_t v) { return v & 0x1ff; }
inline std::uint32_t LexCoarse(std::uint64_t v) { return (v >> 9) & 0x3f; }
inline std::uint32_t LexPropn(std::uint64_t v) { return (v >> 15) & 7; }
inline std::uint32_t LexCaps(std::uint64_t v) { return (v >> 18) & 7; }
inline std::uint32_t LexVecFine(std::uint64_t v) { return (v >> 21) & 0xfff; }
inline std::uint32_t LexVecMid(std::uint64_t v) { return (v >> 33) & 0x1ff; }
inline std::uint32_t LexVecCoarse(std::uint64_t v) { return (v >> 42) & 0xff; }
inline constexpr std::uint64_t kLexFirstName = 1ull << 50;
inline bool LexFirstName(std::uint64_t v) { return (v & kLexFirstName) != 0; }
// A first name of data/ner/first_names_more.txt (other languages' and more
// English ones). The model was trained without them, so only the rules
// that read a whole article's names ask for them (LexAnyFirstName).
inline constexpr std::uint64_t kLexMoreFirstName = 1ull << 51;
inline bool LexAnyFirstName(std::uint64_t v) { return (v & (kLexFirstName | kLexMoreFirstName)) != 0; }

class WordLex {
 public:
  // Parses the words file (`word TAB fine TAB coarse TAB propn TAB caps`);
  // throws ConfigError naming `name` and the line on a malformed line.
  static WordLex Parse(std::string_view contents, const std::string& name);
  // data/ner/words.tsv, loaded once, with the vector clusters of
  // data/ner/vector_clusters.tsv and vector_tree.tsv and the names of
  // data/ner/first_names.txt added; an empty table if the files are absent.
  static const WordLex& Default();
  // Adds vector clusters: `clusters` has `word TAB fine` lines, `tree`
  // `fine TAB mid TAB coarse` lines for fine clusters 0, 1, 2, ... Throws
  // ConfigError naming `name` on a malformed line.
  void AddVectorClusters(std::string_view clusters, std::string_view tree, const std::string& name);
  // Marks every word of `names` (one a line, '#' comments) as a first name
  // (`bit`: kLexFirstName, or kLexMoreFirstName for the rules' longer list).
  void AddFirstNames(std::string_view names, std::uint64_t bit = kLexFirstName);

  // `lower_hash` is TokenFeatures::lower of the word.
  std::uint64_t Get(std::uint64_t lower_hash) const {
    auto it = map_.find(lower_hash);
    return it == map_.end() ? kUnknownWord : it->second;
  }
  std::size_t size() const { return map_.size(); }

 private:
  std::unordered_map<std::uint64_t, std::uint64_t> map_;
};

// One corpus sentence for learning the table: words, and UPOS tags where
// the corpus has them (empty otherwise).
struct LexSentence {
  std::vector<std::string> words;
  std::vector<std::string> upos;
};

struct LexOptions {
  int min_count = 3;        // words seen fewer times are left out
  int fine_clusters = 256;  // at most 511
  int coarse_clusters = 32; // at most 63
  int context_words = 600;  // most frequent words used as context dimensions
  int iterations = 12;
};

// Learns the table and returns it as the words file's text (without the
// header comments). Deterministic.
std::string LearnWordLex(const std::vector<LexSentence>& corpus, const LexOptions& opt);

struct VectorClusterOptions {
  std::size_t words = 200000;  // the most frequent words of the vector file
  int fine = 1024, mid = 128, coarse = 32;
  int iterations = 12;
};

struct VectorClusters {
  std::string words;  // `word TAB fine` lines, most frequent word first
  std::string tree;   // `fine TAB mid TAB coarse` lines
};

// Clusters word vectors (a wink-embeddings style JSON file) by spherical
// k-means (syntax/word_clusters.h): the fine clusters of the words, and
// the middle and coarse cluster of each fine one. Deterministic.
VectorClusters LearnVectorClusters(const std::string& vectors, const VectorClusterOptions& options);

}  // namespace sitrep::entities
