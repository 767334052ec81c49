#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/stringpiece.h>

#include "core/utf8.h"
#include "text/text.h"

namespace sitrep::text {
namespace {

// True if the byte sequence needs the slow path: non-ASCII, CR, or
// control characters other than tab and newline.
bool NeedsWork(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80 || c == '\r' || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return true;
  }
  return false;
}

}  // namespace

std::string Normalize(std::string_view s) {
  if (!NeedsWork(s)) return std::string(s);
  // First pass: line breaks, control and invisible characters.
  std::string cleaned;
  cleaned.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
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
