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
};

}  // namespace sitrep
