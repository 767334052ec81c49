// Per-token values that tagger and parser features are built from,
// computed once per token so feature extraction never touches strings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::syntax {

struct TokenFeatures {
  std::uint64_t lower = 0;  // hash of the ASCII-lowercased form
  std::uint64_t form = 0;   // hash of the form as written
  std::uint64_t shape = 0;  // hash of the word shape ("Xxxx", "dd.d", ...)
  std::uint64_t prefix[3] = {0, 0, 0};  // hashes of the first 1..3 bytes (lowercased)
  std::uint64_t suffix[4] = {0, 0, 0, 0};  // hashes of the last 1..4 bytes (lowercased)
  std::uint32_t flags = 0;
  // The tagger's ambiguity class of the word (hash of the set of tags it
  // had in training), filled in by the tagger itself.
  std::uint64_t amb = 0;
  // The word as the tagger sees it: `lower` and `form`, or one shared
  // "unknown word" value for words too rare in training to trust.
  std::uint64_t tag_lower = 0, tag_form = 0;
  // The word's distributional clusters (word_clusters.h: packed fine, mid
  // and coarse ids; 0 for a word the table lacks), filled in by the tagger.
  std::uint32_t cluster = 0;
};

// Flags (bits of TokenFeatures::flags).
inline constexpr std::uint32_t kHasDigit = 1, kHasUpper = 2, kAllUpper = 4, kHasHyphen = 8,
                               kTitle = 16, kNonAscii = 32, kHasAlpha = 64;

// Values used for positions before the first and after the last token.
TokenFeatures PaddingFeatures(bool before);

// How ComputeTokenFeatures reads typographic quotation marks and
// apostrophes (’ ‘ “ ” „). kAsAscii: as ' and ", so that words written
// with them in news text look like the treebanks' ASCII ones; every
// model reads tokens this way at run time. kAsWritten: as they are, the
// way the tagger and parser trained without word clusters saw their
// training text (those models were trained before the mapping existed,
// and their commands must still give the same bytes).
enum class QuoteForms : std::uint8_t { kAsAscii, kAsWritten };

// Fills `out` from one token. `lower` is reused scratch so that the hot
// path allocates only when a token is longer than any seen before. Runs
// in time linear in the token's length.
void ComputeTokenFeatures(std::string_view form, std::string& lower, TokenFeatures* out,
                          QuoteForms quotes = QuoteForms::kAsAscii);

// ASCII lowercase copy (non-ASCII bytes unchanged).
void AsciiLower(std::string_view in, std::string& out);

}  // namespace sitrep::syntax
