// UTF-8 helpers used on every article: validation with repair, code point
// counting and byte-to-code-point offset mapping for the output contract,
// which counts offsets in code points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at s[i], advancing i. Invalid or truncated
// sequences (overlongs, surrogates, > U+10FFFF) yield kReplacement and
// advance by the maximal invalid subpart, as the Unicode standard
// recommends, so repair is the same as ICU's and browsers'. ASCII is
// decoded inline; the rest out of line.
char32_t DecodeMultibyte(std::string_view s, std::size_t& i);
inline char32_t Decode(std::string_view s, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  return DecodeMultibyte(s, i);
}

// Writes the UTF-8 encoding of cp (one to four bytes) to out, which must
// have room for four, and returns how many were written.
inline std::size_t Encode(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Appends the UTF-8 encoding of cp to out.
void AppendMultibyte(std::string& out, char32_t cp);
inline void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else {
    AppendMultibyte(out, cp);
  }
}

// Length of the leading all-ASCII run of s, sixteen bytes at a time.
std::size_t AsciiPrefix(std::string_view s);

// True if s is valid UTF-8.
bool IsValid(std::string_view s);

// Returns s with every invalid sequence replaced by U+FFFD; *repaired
// receives how many replacements were made. When s is valid the result is
// a plain copy.
std::string Repair(std::string_view s, std::size_t* repaired);

// Number of code points in s (s must be valid UTF-8).
std::size_t CodePointCount(std::string_view s);

// Maps byte offsets of one string to code point offsets. Build once per
// article, then Convert() every offset in increasing or random order.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view text);
  // Code point offset of byte offset b (b must be on a code point boundary
  // or equal to text.size()).
  std::uint32_t ToCodePoints(std::size_t b) const;

 private:
  // Code point count at every 64-byte block start; the rest is counted.
  std::vector<std::uint32_t> block_counts_;
  std::string_view text_;
  bool ascii_ = true;
};

// True for bytes that start a code point (not continuation bytes).
inline bool IsLead(unsigned char c) { return (c & 0xC0) != 0x80; }

}  // namespace sitrep::utf8
