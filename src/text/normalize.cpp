#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/stringpiece.h>

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "text/text.h"

namespace sitrep::text {
namespace {

// True if the byte sequence needs the slow path: non-ASCII, CR, or
// control characters other than tab and newline.
// True for a byte that is not plain printable ASCII, tab or newline.
inline bool Special(unsigned char c) {
  return c >= 0x7F || (c < 0x20 && c != '\n' && c != '\t');
}

// Index of the first special byte at or after i. With SSE2, sixteen bytes
// at a time and exact: the block's mask flags only special bytes (tab and
// newline excluded), so the scan jumps to the byte and never walks a block
// byte by byte. Without it, eight at a time: a word with a flagged byte
// (the test also flags tab and newline) is checked byte by byte, then the
// word loop resumes.
std::size_t NextSpecial(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), del_byte = _mm_set1_epi8(0x7F);
  const __m128i newline = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t');
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // Signed: bytes >= 0x80 are negative, so "< 0x20" flags them with the
    // controls; then DEL, less tab and newline.
    const __m128i flagged = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del_byte));
    const __m128i fine = _mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, tab));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(fine, flagged)));
    if (mask != 0) return i + static_cast<std::size_t>(std::countr_zero(mask));
    i += 16;
  }
#endif
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  while (i + 8 <= n) {
    std::uint64_t w;
    __builtin_memcpy(&w, s.data() + i, 8);
    // Bytes < 0x20 (tab and newline included: checked one by one), 0x7F
    // and >= 0x80.
    std::uint64_t low = (w - kOnes * 0x20) & ~w;
    std::uint64_t del = w ^ (kOnes * 0x7F);
    if (((low | ((del - kOnes) & ~del) | w) & kHigh) == 0) {
      i += 8;
      continue;
    }
    for (std::size_t end = i + 8; i < end; ++i) {
      if (Special(static_cast<unsigned char>(s[i]))) return i;
    }
  }
  while (i < n && !Special(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

bool NeedsWork(std::string_view s) { return NextSpecial(s, 0) < s.size(); }

// False when every code point is one NFC leaves alone whatever follows
// it: ASCII, Latin-1 and Latin Extended letters (U+00A0-U+02FF), general
// punctuation (U+2002-U+206F: typographic quotes, dashes, ellipsis) and
// currency signs. News text is almost always only these, so ICU is not
// called for it.
bool MayNeedNfc(std::string_view s) {
  std::size_t i = utf8::AsciiPrefix(s);
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      // The ASCII run after each non-ASCII character in blocks, not byte
      // by byte (news text has a typographic quote every few lines).
      i += utf8::AsciiPrefix(s.substr(i));
      continue;
    }
    char32_t c = utf8::Decode(s, i);
    bool stable = (c >= 0xA0 && c < 0x300) || (c >= 0x2002 && c < 0x2070) || (c >= 0x20A0 && c < 0x20D0);
    if (!stable) return true;
  }
  return false;
}

// True if the first pass of Normalize would change s: a special byte other
// than a non-ASCII character it keeps as is (typographic quotes, dashes and
// accented letters are special bytes but pass through unchanged).
bool FirstPassChanges(std::string_view s) {
  std::size_t i = 0;
  while (true) {
    i = NextSpecial(s, i);
    if (i >= s.size()) return false;
    if (static_cast<unsigned char>(s[i]) < 0x80) return true;  // CR, a control byte or DEL
    char32_t c = utf8::Decode(s, i);
    switch (c) {
      case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:  // removed
      case 0x00A0: case 0x202F: case 0x2007:                // become spaces
      case 0x2028: case 0x2029: case 0x0085:                // become newlines
        return true;
      default:
        if (c >= 0x80 && c < 0xA0) return true;  // C1 controls, removed
    }
  }
}

}  // namespace

void NormalizeInPlace(std::string* s) {
  // Most texts need nothing: check that before building a copy.
  if (!FirstPassChanges(*s) && !MayNeedNfc(*s)) return;
  *s = Normalize(*s);
}

std::string Normalize(std::string_view s) {
  if (!NeedsWork(s)) return std::string(s);
  // First pass: line breaks, control and invisible characters.
  std::string cleaned;
  cleaned.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t next = NextSpecial(s, i);
    cleaned.append(s.data() + i, next - i);
    i = next;
    if (i >= s.size()) break;
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      if (b == '\r') {
        if (i < s.size() && s[i] == '\n') continue;  // CRLF -> LF
        cleaned.push_back('\n');
      } else if (b == '\n' || b == '\t' || (b >= 0x20 && b != 0x7F)) {
        cleaned.push_back(static_cast<char>(b));
      } else if (b == '\f' || b == '\v') {
        cleaned.push_back('\n');
      }
      continue;
    }
    std::size_t start = i;
    char32_t c = utf8::Decode(s, i);
    switch (c) {
      case 0x00AD:  // soft hyphen
      case 0x200B:  // zero-width space
      case 0x2060:  // word joiner
      case 0xFEFF:  // byte-order mark
        break;
      case 0x00A0:
      case 0x202F:
      case 0x2007:
        cleaned.push_back(' ');
        break;
      case 0x2028:
      case 0x2029:
      case 0x0085:
        cleaned.push_back('\n');
        break;
      default:
        if (c >= 0x80 && c < 0xA0) break;  // C1 controls
        cleaned.append(s.substr(start, i - start));
    }
  }
  if (!MayNeedNfc(cleaned)) return cleaned;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return cleaned;
  if (nfc->isNormalizedUTF8(cleaned, status) && U_SUCCESS(status)) return cleaned;
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(cleaned.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, cleaned, sink, nullptr, status);
  if (U_FAILURE(status)) return cleaned;
  return out;
}

}  // namespace sitrep::text
