#include "gazetteer/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

#include "core/utf8.h"

namespace sitrep::gazetteer::detail {
namespace {

// Latin letters with diacritics and ligatures, reduced to ASCII. Built
// once from Unicode's canonical decompositions plus the letters that have
// none (ø, ł, ß, ...).
struct LatinTable {
  struct Slot {
    char lower[3] = {0, 0, 0};  // ASCII, up to two letters; empty = no mapping
    char upper[3] = {0, 0, 0};
  };
  std::array<Slot, 0x0250 - 0x00C0> low{};
  std::array<Slot, 0x1F00 - 0x1E00> ext{};

  LatinTable() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
    auto fill = [&](char32_t cp, Slot& s) {
      static const struct {
        char32_t cp;
        const char* lower;
        const char* upper;
      } kSpecial[] = {
          {0x00DF, "ss", "ss"}, {0x00C6, "ae", "AE"}, {0x00E6, "ae", "ae"}, {0x00D8, "o", "O"},
          {0x00F8, "o", "o"},   {0x0152, "oe", "OE"}, {0x0153, "oe", "oe"}, {0x0110, "d", "D"},
          {0x0111, "d", "d"},   {0x0141, "l", "L"},   {0x0142, "l", "l"},   {0x00DE, "th", "TH"},
          {0x00FE, "th", "th"}, {0x00D0, "d", "D"},   {0x00F0, "d", "d"},   {0x0131, "i", "i"},
          {0x0126, "h", "H"},   {0x0127, "h", "h"},   {0x0166, "t", "T"},   {0x0167, "t", "t"},
          {0x014A, "n", "N"},   {0x014B, "n", "n"},   {0x0189, "d", "D"},   {0x0256, "d", "d"},
      };
      for (const auto& sp : kSpecial) {
        if (sp.cp == cp) {
          for (int k = 0; sp.lower[k]; ++k) s.lower[k] = sp.lower[k];
          for (int k = 0; sp.upper[k]; ++k) s.upper[k] = sp.upper[k];
          return;
        }
      }
      if (U_FAILURE(err) || nfd == nullptr) return;
      icu::UnicodeString d;
      if (!nfd->getDecomposition(static_cast<UChar32>(cp), d) || d.length() == 0) return;
      UChar32 base = d.char32At(0);
      if (base >= 0x80 || !u_isalnum(base)) return;
      s.upper[0] = static_cast<char>(base);
      s.lower[0] = static_cast<char>(u_tolower(base));
    };
    for (char32_t cp = 0x00C0; cp < 0x0250; ++cp) fill(cp, low[cp - 0x00C0]);
    for (char32_t cp = 0x1E00; cp < 0x1F00; ++cp) fill(cp, ext[cp - 0x1E00]);
  }

  const Slot* Find(char32_t cp) const {
    if (cp >= 0x00C0 && cp < 0x0250) return low[cp - 0x00C0].lower[0] ? &low[cp - 0x00C0] : nullptr;
    if (cp >= 0x1E00 && cp < 0x1F00) return ext[cp - 0x1E00].lower[0] ? &ext[cp - 0x1E00] : nullptr;
    return nullptr;
  }
};

const LatinTable& Latin() {
  static const LatinTable table;
  return table;
}

inline void PushLower(Folded& f, unsigned char c) {
  f.h = AddMod(MulMod(f.h, kBase), c);
  f.pow = MulMod(f.pow, kBase);
  ++f.len;
}
inline void PushCase(Folded& f, unsigned char c) {
  f.hc = AddMod(MulMod(f.hc, kBase), c);
  f.powc = MulMod(f.powc, kBase);
}
inline void PushLowerCp(Folded& f, char32_t cp) {
  char buf[4];
  const std::size_t n = utf8::Encode(cp, buf);
  for (std::size_t k = 0; k < n; ++k) PushLower(f, static_cast<unsigned char>(buf[k]));
}
inline void PushCaseCp(Folded& f, char32_t cp) {
  // The case stream only needs to be consistent with itself: hash the code
  // point's value rather than its UTF-8 bytes.
  f.hc = AddMod(MulMod(f.hc, kBase), static_cast<std::uint64_t>(cp) + 256);
  f.powc = MulMod(f.powc, kBase);
}

}  // namespace

bool NextIsWordChar(std::string_view text, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    ++i;
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }
  char32_t cp = utf8::DecodeMultibyte(text, i);
  if (Latin().Find(cp) != nullptr) return true;
  return u_isalnum(static_cast<UChar32>(cp)) != 0;
}

Folded Fold(std::string_view text) {
  Folded f;
  bool seen = false;
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      bool digit = c >= '0' && c <= '9';
      bool upper = c >= 'A' && c <= 'Z';
      bool lower = c >= 'a' && c <= 'z';
      if (!digit && !upper && !lower) continue;
      if (!seen) {
        f.first_upper = !lower;
        seen = true;
      }
      if (!digit) {
        ++f.letters;
        if (upper) ++f.upper_letters;
      }
      PushLower(f, upper ? static_cast<unsigned char>(c | 0x20) : c);
      PushCase(f, c);
      continue;
    }
    char32_t cp = utf8::DecodeMultibyte(text, i);
    if (const LatinTable::Slot* s = Latin().Find(cp)) {
      bool upper = s->upper[0] >= 'A' && s->upper[0] <= 'Z';
      if (!seen) {
        f.first_upper = upper;
        seen = true;
      }
      ++f.letters;
      if (upper) ++f.upper_letters;
      for (int k = 0; s->lower[k]; ++k) PushLower(f, static_cast<unsigned char>(s->lower[k]));
      for (int k = 0; s->upper[k]; ++k) PushCase(f, static_cast<unsigned char>(s->upper[k]));
      continue;
    }
    UChar32 u = static_cast<UChar32>(cp);
    if (!u_isalnum(u)) continue;
    bool digit = u_isdigit(u) != 0;
    bool upper = u_isupper(u) || u_istitle(u);
    if (!seen) {
      f.first_upper = digit || upper;
      seen = true;
    }
    if (!digit) {
      ++f.letters;
      if (upper) ++f.upper_letters;
    }
    PushLowerCp(f, static_cast<char32_t>(u_tolower(u)));
    PushCaseCp(f, cp);
  }
  return f;
}

}  // namespace sitrep::gazetteer::detail
