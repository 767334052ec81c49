// Multi-pattern substring search (Aho-Corasick) over bytes: one pass over a
// string finds every occurrence of every pattern. Used where a line is
// checked against a lexicon of phrases, so the cost does not grow with the
// lexicon's size.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

class AhoCorasick {
 public:
  struct Match {
    std::uint32_t pattern;  // index in the order patterns were added
    std::uint32_t begin;    // byte offset of the occurrence
    std::uint32_t end;
  };

  // Adds a pattern; returns its index. Call before Build().
  std::uint32_t Add(std::string_view pattern);
  // Builds the automaton. After it, Add() must not be called.
  void Build();

  // Appends every occurrence in text to *out, in order of their end.
  void FindAll(std::string_view text, std::vector<Match>* out) const;
  // Appends the occurrences that begin at offset 0 (the patterns that are
  // prefixes of text), shortest first. Walks the trie only as far as text
  // agrees with some pattern, so it costs a few bytes where FindAll reads
  // all of text: for lexicons of prefixes and whole-string patterns.
  void FindPrefixes(std::string_view text, std::vector<Match>* out) const;

  std::size_t size() const { return patterns_.size(); }

 private:
  std::vector<std::string> patterns_;
  // Bytes that occur in some pattern get a class 1..k; others are 0.
  std::uint8_t byte_class_[256] = {};
  std::uint32_t classes_ = 1;
  // delta_[state * classes_ + class] = next state (a full DFA).
  std::vector<std::uint32_t> delta_;
  // The same table for FindAll, with each entry premultiplied
  // (next * classes_) and kHasOutput set when patterns end in that state:
  // the scan then costs one load per byte, with no multiply and no look
  // at the output lists on the (usual) bytes where nothing ends.
  static constexpr std::uint32_t kHasOutput = 0x80000000u;
  std::vector<std::uint32_t> next_;
  // For each state, the patterns that end there (through dictionary links).
  std::vector<std::uint32_t> out_begin_;
  std::vector<std::uint32_t> out_patterns_;
  // For FindAll when every pattern is at least kMinFilterLength bytes
  // long: a bit set, indexed by a hash of four-byte grams. Only every
  // stride_-th offset of the text is tested (loads that do not depend on
  // each other, where the automaton's form a chain): with patterns of at
  // least m bytes and a stride of s <= m - 3, an occurrence starting at p
  // holds the sampled offset t in [p, p + s - 1] and its gram at offset
  // t - p < s, so the set holds each pattern's grams at offsets 0..s-1 and
  // a hit at t walks from t - s + 1 .. t. Empty when the automaton scans
  // every byte. The stride stops at kMaxStride: a hit costs up to that
  // many walks, and longer strides put more grams in the set.
  static constexpr std::size_t kMinFilterLength = 4;
  static constexpr std::size_t kGram = 4;
  static constexpr std::size_t kMaxStride = 4;
  static constexpr int kFilterBits = 16;
  std::size_t stride_ = 1;
  static std::uint32_t FilterHash(std::uint32_t gram) { return (gram * 0x9E3779B1u) >> (32 - kFilterBits); }
  std::vector<std::uint64_t> filter_;
  // For FindAll without the filter, when every pattern starts with the
  // same byte (one short pattern, the copyright sign): that byte's
  // occurrences, found by memchr, are the only places to walk from. -1
  // when the patterns start with different bytes.
  int only_first_byte_ = -1;
  // Appends the patterns that begin at text[start] (see FindPrefixes).
  void WalkFrom(std::string_view text, std::size_t start, std::vector<Match>* out) const;
  // The trie alone, for walks from a given offset, as lists of edges: a
  // table of every node and class (like delta_) is hundreds of kilobytes
  // for the cue lexicon and a walk missed the cache at every step. The
  // root's children by byte in root_child_; node n's edges are
  // [edge_begin_[n], edge_begin_[n + 1]) of edge_class_ and edge_child_.
  // A child is a node number with kHasOutput set when patterns end at it,
  // or kNoEdge. A node's own patterns (those exactly as long as the path
  // to it) are own_patterns_[own_begin_[node] .. own_begin_[node + 1]).
  static constexpr std::uint32_t kNoEdge = 0xFFFFFFFFu;
  std::uint32_t root_child_[256] = {};
  std::vector<std::uint32_t> edge_begin_;
  std::vector<std::uint8_t> edge_class_;
  std::vector<std::uint32_t> edge_child_;
  std::vector<std::uint32_t> own_begin_;
  std::vector<std::uint32_t> own_patterns_;
  // Appends the patterns that end at node (a child as above, flag set).
  void EmitOwn(std::uint32_t child, std::size_t start, std::size_t end, std::vector<Match>* out) const;
};

}  // namespace sitrep
