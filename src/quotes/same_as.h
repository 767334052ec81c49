// Linking the same quotation carried by several articles: wording that
// differs only in punctuation, case, an ellipsis that leaves words out, or
// a few words of translation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitrep::quotes {

class QuoteLinker {
 public:
  // Adds one quotation: its text, the article it came from (quotes of one
  // article are never linked to each other), and its speaker's entity id
  // ("" when unknown). Returns its index, counting from 0.
  std::uint32_t Add(std::string_view text, std::uint32_t article, std::string_view speaker_entity);

  // For each quotation added, in order, the indices of the quotations in
  // other articles that are the same words, sorted. Two quotations are
  // the same when most of the shorter one's word pairs are in the longer
  // one (at least 80%, with at least three pairs); or, credited to the
  // same known speaker, when most of the shorter one's words are in the
  // longer one (at least 70%, with at least five words: a translation
  // that writes "20" for "twenty" or "a single" for "one"); or when a
  // short one is word for word the same and credited to the same known
  // speaker; and never when both speakers are known and differ. Sameness
  // is transitive.
  // Candidates come from an inverted index over word pairs, never from all
  // pairs, so the cost grows with the number of shared pairs.
  std::vector<std::vector<std::uint32_t>> Finish() const;

  std::size_t size() const { return quotes_.size(); }

 private:
  struct Entry {
    std::vector<std::uint64_t> pairs;  // sorted, unique hashes of adjacent word pairs
    std::vector<std::uint64_t> words;  // sorted, unique hashes of the words
    std::uint64_t words_hash = 0;      // hash of the normalised word sequence
    std::uint32_t article = 0;
    std::uint32_t speaker = 0;         // 0 unknown, else 1 + index into speakers_
  };
  std::vector<Entry> quotes_;
  std::unordered_map<std::string, std::uint32_t> speakers_;
};

// The words of a quotation for comparison: lower case, letters and digits
// only, split at everything else.
std::vector<std::string> NormalizedWords(std::string_view text);

}  // namespace sitrep::quotes
