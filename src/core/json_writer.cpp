#include "core/json_writer.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <cmath>
#include <cstdio>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sitrep {

void JsonWriter::Key(std::string_view key) {
  Sep();
  out_.push_back('"');
  Escape(out_, key);
  out_.append("\":");
  after_key_ = true;
}

namespace {
// The bytes the escaper must look at: controls, '"', '\\', and 0xE2, the
// lead byte of U+2028 and U+2029. Every other byte, non-ASCII included,
// is copied as it is.
inline bool NeedsLook(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c == 0xE2; }

// True if none of the eight bytes of w needs a look (the presence tests of
// "Bit Twiddling Hacks": a byte below 0x20, or equal to '"', '\\' or 0xE2).
inline bool PlainBytes(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const auto has_zero = [](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  return ((w - 0x20 * kOnes) & ~w & kHigh) == 0 && has_zero(w ^ ('"' * kOnes)) == 0 &&
         has_zero(w ^ ('\\' * kOnes)) == 0 && has_zero(w ^ (0xE2 * kOnes)) == 0;
}

// True if s (shorter than 16 bytes) needs no escaping: keys and most short
// values, tested from two loads that may overlap instead of a byte loop.
inline bool ShortPlain(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t a, b;
  if (n >= 8) {
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + n - 8, 8);
    return PlainBytes(a) && PlainBytes(b);
  }
  if (n >= 4) {
    std::uint32_t x, y;
    std::memcpy(&x, p, 4);
    std::memcpy(&y, p + n - 4, 4);
    return PlainBytes(x | static_cast<std::uint64_t>(y) << 32);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (NeedsLook(static_cast<unsigned char>(p[i]))) return false;
  }
  return true;
}
// True if s (16 to 64 bytes) needs no escaping: sixteen bytes at a time,
// the last block overlapping the one before.
inline bool MediumPlain(std::string_view s) {
#if defined(__SSE2__)
  const char* p = s.data();
  const std::size_t n = s.size();
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  const __m128i e2 = _mm_set1_epi8(static_cast<char>(0xE2)), ctrl_max = _mm_set1_epi8(0x1F);
  __m128i hit = _mm_setzero_si128();
  for (std::size_t i = 0;; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + std::min(i, n - 16)));
    // Unsigned v <= 0x1F: min(v, 0x1F) == v.
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, ctrl_max), v),
                                                      _mm_cmpeq_epi8(v, quote)),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, e2))));
    if (i + 16 >= n) break;
  }
  return _mm_movemask_epi8(hit) == 0;
#else
  for (char c : s) {
    if (NeedsLook(static_cast<unsigned char>(c))) return false;
  }
  return true;
#endif
}
}  // namespace

void JsonWriter::Escape(std::string& out, std::string_view s) {
  if (s.size() < 16 && ShortPlain(s)) {
    out.append(s);
    return;
  }
  static const char kHex[] = "0123456789abcdef";
  const char* p = s.data();
  const std::size_t n = s.size();
  std::size_t run = 0;  // start of the pending run of plain bytes
  std::size_t i = 0;
  for (;;) {
    // Find the next byte to look at. Sixteen bytes at a time give its exact
    // position (typographic quotes, whose lead byte is also 0xE2, stop the
    // scan but cost one compare each), so a run of plain text, accented
    // letters included, is one append.
    bool found = false;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i e2 = _mm_set1_epi8(static_cast<char>(0xE2)), ctrl_max = _mm_set1_epi8(0x1F);
    while (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      // Unsigned v <= 0x1F: min(v, 0x1F) == v.
      const __m128i ctrl = _mm_cmpeq_epi8(_mm_min_epu8(v, ctrl_max), v);
      const __m128i hit = _mm_or_si128(_mm_or_si128(ctrl, _mm_cmpeq_epi8(v, quote)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, e2)));
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
      if (mask != 0) {
        i += static_cast<std::size_t>(std::countr_zero(mask));
        found = true;
        break;
      }
      i += 16;
    }
#endif
    if (!found) {
      while (i < n && !NeedsLook(static_cast<unsigned char>(p[i]))) ++i;
      if (i >= n) break;
    }
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (c == 0xE2) {
      // U+2028 and U+2029 are legal JSON but break JavaScript parsers
      // that read JSONL line by line; escape them.
      if (i + 2 < n && static_cast<unsigned char>(p[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(p[i + 2]) & 0xFE) == 0xA8) {
        out.append(p + run, i - run);
        out.append(static_cast<unsigned char>(p[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
        i += 3;
        run = i;
      } else {
        ++i;
      }
      continue;
    }
    out.append(p + run, i - run);
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
    ++i;
    run = i;
  }
  out.append(p + run, n - run);
}

void JsonWriter::String(std::string_view s) {
  // A short string that needs no escaping (a removed line's reason, most
  // metadata values, short lines): the separator, the quotes and the bytes
  // in one append, where each was an append of its own.
  if (s.size() <= 64 && (s.size() < 16 ? ShortPlain(s) : MediumPlain(s))) {
    char buf[67];
    std::size_t k = 0;
    if (!first_ && !after_key_) buf[k++] = ',';
    first_ = false;
    after_key_ = false;
    buf[k++] = '"';
    // An empty view may hold a null pointer, which memcpy must not see.
    if (!s.empty()) std::memcpy(buf + k, s.data(), s.size());
    k += s.size();
    buf[k++] = '"';
    out_.append(buf, k);
    return;
  }
  Sep();
  out_.push_back('"');
  Escape(out_, s);
  out_.push_back('"');
}

// std::to_chars, not snprintf: every sentence span is two integers, and
// the format-string machinery cost more than the rest of the article's
// serialisation. Same digits (plain decimal, '-' for negatives).
void JsonWriter::Int(std::int64_t v) {
  Sep();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void JsonWriter::UInt(std::uint64_t v) {
  Sep();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void JsonWriter::UIntPair(std::uint64_t a, std::uint64_t b) {
  Sep();
  // A 64-bit integer has at most 20 digits.
  char buf[48];
  char* p = buf;
  *p++ = '[';
  p = std::to_chars(p, p + 20, a).ptr;
  *p++ = ',';
  p = std::to_chars(p, p + 20, b).ptr;
  *p++ = ']';
  out_.append(buf, static_cast<std::size_t>(p - buf));
  first_ = false;
}

void JsonWriter::Double(double v, int digits) {
  if (!std::isfinite(v)) {
    Null();
    return;
  }
  Sep();
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  std::string_view s(buf, static_cast<std::size_t>(n));
  if (s.find('.') != std::string_view::npos) {
    while (s.back() == '0') s.remove_suffix(1);
    if (s.back() == '.') s.remove_suffix(1);
  }
  if (s == "-0") s = "0";
  out_.append(s);
}

void JsonWriter::Bool(bool v) {
  Sep();
  out_.append(v ? "true" : "false");
}

void JsonWriter::Null() {
  Sep();
  out_.append("null");
}

void JsonWriter::Raw(std::string_view json) {
  Sep();
  out_.append(json);
}

}  // namespace sitrep
