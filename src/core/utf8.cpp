#include "core/utf8.h"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/bits.h"

namespace sitrep::utf8 {

char32_t DecodeMultibyte(std::string_view s, std::size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  unsigned char c = p[i];
  int len;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;       // no overlongs
    if (c == 0xED) hi = 0x9F;       // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;       // <= U+10FFFF
  } else {
    ++i;
    return kReplacement;
  }
  std::size_t j = i + 1;
  for (int k = 1; k < len; ++k, ++j) {
    if (j >= n) {
      i = j;
      return kReplacement;
    }
    unsigned char b = p[j];
    unsigned char min = (k == 1) ? lo : 0x80, max = (k == 1) ? hi : 0xBF;
    if (b < min || b > max) {
      i = j;  // maximal subpart: the bytes consumed so far
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i = j;
  return cp;
}

void AppendMultibyte(std::string& out, char32_t cp) {
  char buf[4];
  out.append(buf, Encode(cp, buf));
}

std::size_t AsciiPrefix(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
#if defined(__SSE2__)
  // Sixteen bytes at a time; the block's byte mask gives the first
  // non-ASCII byte's position at once (no byte loop through the block).
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
    if (high != 0) return i + static_cast<std::size_t>(std::countr_zero(high));
    i += 16;
  }
#endif
  while (i + 8 <= n) {
    std::uint64_t w;
    __builtin_memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

bool IsValid(std::string_view s) {
  std::size_t i = AsciiPrefix(s);
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      // Text with a few typographic quotes is still mostly ASCII: skip
      // the run after each one eight bytes at a time.
      i += AsciiPrefix(s.substr(i));
      continue;
    }
    std::size_t before = i;
    char32_t cp = Decode(s, i);
    if (cp == kReplacement) {
      // A literal U+FFFD (EF BF BD) is valid; anything else is not.
      if (i - before != 3 || static_cast<unsigned char>(s[before]) != 0xEF) return false;
    }
  }
  return true;
}

std::string Repair(std::string_view s, std::size_t* repaired) {
  std::size_t count = 0;
  std::string out;
  if (IsValid(s)) {
    out.assign(s);
  } else {
    out.reserve(s.size() + 16);
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t before = i;
      char32_t cp = Decode(s, i);
      if (cp == kReplacement &&
          !(i - before == 3 && static_cast<unsigned char>(s[before]) == 0xEF)) {
        ++count;
        Append(out, kReplacement);
      } else {
        out.append(s.substr(before, i - before));
      }
    }
  }
  if (repaired) *repaired = count;
  return out;
}

std::size_t CodePointCount(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += IsLead(c);
  return n;
}

namespace {
// Bit k set when p[k] is a continuation byte (10xxxxxx), for the 64 bytes
// at p.
inline std::uint64_t ContinuationMask64(const char* p) {
  std::uint64_t mask = 0;
#if defined(__SSE2__)
  // As signed bytes, continuation bytes (0x80..0xBF) are the ones below
  // -64 (0xC0).
  const __m128i limit = _mm_set1_epi8(-64);
  for (int c = 0; c < 4; ++c) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * c));
    mask |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmplt_epi8(v, limit))))
            << (16 * c);
  }
#else
  for (int k = 0; k < 64; ++k) {
    if (!IsLead(static_cast<unsigned char>(p[k]))) mask |= std::uint64_t{1} << k;
  }
#endif
  return mask;
}
}  // namespace

OffsetMap::OffsetMap(std::string_view text) : text_(text) {
  ascii_ = AsciiPrefix(text) == text.size();
  if (ascii_) return;
  block_counts_.reserve(text.size() / 64 + 2);
  std::uint32_t count = 0;
  for (std::size_t b = 0; b < text.size(); b += 64) {
    block_counts_.push_back(count);
    if (b + 64 <= text.size()) {
      count += 64 - static_cast<std::uint32_t>(Popcount64(ContinuationMask64(text.data() + b)));
      continue;
    }
    for (std::size_t k = b; k < text.size(); ++k) count += IsLead(static_cast<unsigned char>(text[k]));
  }
  block_counts_.push_back(count);
}

std::uint32_t OffsetMap::ToCodePoints(std::size_t b) const {
  if (ascii_) return static_cast<std::uint32_t>(b);
  std::size_t block = b / 64;
  std::uint32_t count = block_counts_[block];
  const std::size_t start = block * 64, within = b - start;
  if (within > 0 && start + 64 <= text_.size()) {
    const std::uint64_t before = (std::uint64_t{1} << within) - 1;  // within < 64
    return count + static_cast<std::uint32_t>(within) -
           static_cast<std::uint32_t>(Popcount64(ContinuationMask64(text_.data() + start) & before));
  }
  for (std::size_t k = start; k < b; ++k) count += IsLead(static_cast<unsigned char>(text_[k]));
  return count;
}

}  // namespace sitrep::utf8
