// Per-line features the cleaner decides on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::clean {

// Lowercase, apostrophes and quotes folded to ASCII, runs of white space
// collapsed, leading bullets and surrounding punctuation dropped. Two lines
// with the same key are "the same line" for repeat detection and cue
// matching.
std::string LineKey(std::string_view line);

// LineKey for the many short fragments (labels, words, segments) that
// metadata parsing keys: the key of a short line is written to a buffer on
// the stack instead of a heap string. The view stays valid until the next
// call or the buffer's end; not copyable, since the view points into it.
class KeyBuffer {
 public:
  KeyBuffer() = default;
  KeyBuffer(const KeyBuffer&) = delete;
  KeyBuffer& operator=(const KeyBuffer&) = delete;
  std::string_view Key(std::string_view line);

 private:
  char small_[132];  // keys of lines up to 64 bytes
  std::string big_;
};

struct LineFeatures {
  int words = 0;          // words with at least one letter or digit
  int lower_words = 0;    // words starting with a lowercase letter
  int cap_words = 0;      // words starting with an uppercase letter
  int letters = 0;
  bool ends_terminal = false;  // ends with . ! ? or an ellipsis (closing quotes allowed after)
  bool ends_colon = false;
  bool bullet = false;         // starts with a list marker
  bool only_punct = false;     // no letter or digit at all
  bool url = false;            // contains a web address
  bool starts_upper = false;   // the first letter is uppercase (or a quote/digit opens the line)
  // Reads like running text: a sentence with a verb-ish lowercase body, or
  // a long stretch of prose that lost its final stop.
  bool sentence_like = false;
};

LineFeatures Features(std::string_view line);

// Markup tags that leaked into text ("<tweet id=\"12\" author=\"@x\">",
// "</tweet>", "<br/>"): writes the line without them to *out, the words
// between them kept (but not a script's or style sheet's code), and returns true; returns false (out untouched) when
// the line has none. A tag is "<", an optional "/", a letter, letters,
// digits or hyphens, then ">", "/>" or white space and attributes up to
// ">": an address in angle brackets ("<ann@example.org>",
// "<https://...>") or a comparison ("a < b") is no tag.
bool StripMarkupTags(std::string_view line, std::string* out);

// Both at once, in one pass over the line (the clean stage's hot path):
// *key receives LineKey(line) and the result equals Features(line).
LineFeatures KeyAndFeatures(std::string_view line, std::string* key);

}  // namespace sitrep::clean
