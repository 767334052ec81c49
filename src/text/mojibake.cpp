// UTF-8 text that was once decoded as Windows-1252 (or Latin-1) and encoded
// again: "JuÃ¡rez" for "Juárez", "donâ€™t" for "don’t". Each mis-decoded
// character stands for one byte, so a run of them that spells a well-formed
// UTF-8 sequence is turned back into the one character it encodes.
#include <array>

#include "core/utf8.h"
#include "text/text.h"

namespace sitrep::text {
namespace {

// Windows-1252's characters for the bytes 0x80-0x9F (0 where it has none:
// those bytes decode as the C1 control of the same number, as in Latin-1).
constexpr std::array<char32_t, 32> kCp1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The byte that code point cp stands for when it is a mis-decoded byte
// 0x80-0xFF; -1 otherwise.
int ByteOf(char32_t cp) {
  if (cp < 0x80) return -1;
  if (cp <= 0xFF) return static_cast<int>(cp);
  if (cp < 0x152 || cp > 0x2122) return -1;
  for (std::size_t k = 0; k < kCp1252.size(); ++k) {
    if (kCp1252[k] == cp && cp != 0) return static_cast<int>(0x80 + k);
  }
  return -1;
}

// Whether a repaired character is one that Western text holds: a letter of
// the Latin, Greek or Cyrillic blocks, or common punctuation and symbols.
// Anything else ("é…”" read as one CJK character) is left as written.
bool Plausible(char32_t x) {
  if ((x >= 0xC0 && x <= 0x24F && x != 0xD7 && x != 0xF7) || (x >= 0x386 && x <= 0x52F)) return true;
  switch (x) {
    case 0xA0: case 0xA1: case 0xA3: case 0xA7: case 0xA9: case 0xAB: case 0xAE: case 0xB0:
    case 0xB4: case 0xB7: case 0xBB: case 0xBD: case 0xBF: case 0x2013: case 0x2014: case 0x2018:
    case 0x2019: case 0x201C: case 0x201D: case 0x2022: case 0x2026: case 0x20AC: case 0x2122:
      return true;
    default:
      return false;
  }
}

// One pass over s; returns how many characters it repaired.
std::size_t RepairOnce(std::string* s) {
  const std::string_view in(*s);
  std::string out;
  std::size_t repaired = 0, i = 0, copied = 0;
  while (i < in.size()) {
    const std::size_t start = i;
    const char32_t cp = utf8::Decode(in, i);
    const int lead = ByteOf(cp);
    const int need = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
    if (need == 0) continue;
    char bytes[4] = {static_cast<char>(lead), 0, 0, 0};
    std::size_t j = i;
    bool ok = true;
    for (int k = 1; k <= need && ok; ++k) {
      if (j >= in.size()) {
        ok = false;
        break;
      }
      const int b = ByteOf(utf8::Decode(in, j));
      ok = b >= 0x80 && b <= 0xBF;
      bytes[k] = static_cast<char>(b);
    }
    if (!ok) continue;
    const std::string_view seq(bytes, static_cast<std::size_t>(need + 1));
    if (!utf8::IsValid(seq)) continue;  // overlong forms and surrogates
    std::size_t p = 0;
    const char32_t x = utf8::Decode(seq, p);
    if (!Plausible(x)) continue;
    out.append(in.substr(copied, start - copied));
    out.append(seq);
    copied = j;
    i = j;
    ++repaired;
  }
  if (repaired == 0) return 0;
  out.append(in.substr(copied));
  s->swap(out);
  return repaired;
}

}  // namespace

std::size_t RepairMojibake(std::string* s) {
  // Pure ASCII has nothing to repair.
  if (utf8::AsciiPrefix(*s) == s->size()) return 0;
  // Text encoded wrongly twice needs two passes ("JuÃƒÂ¡rez").
  std::size_t total = 0;
  for (int pass = 0; pass < 2; ++pass) {
    const std::size_t n = RepairOnce(s);
    total += n;
    if (n == 0) break;
  }
  return total;
}

}  // namespace sitrep::text
