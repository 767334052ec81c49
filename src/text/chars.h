// Character classes for tokenization, with an ASCII fast path and ICU for
// the rest of Unicode.
#pragma once

#include <unicode/uchar.h>

#include <cstdint>

namespace sitrep::text {

inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x00A0 || c == 0x202F;
}
// General Punctuation (U+2000 to U+206F: spaces, dashes, typographic
// quotes, the ellipsis, format controls) holds no letter, mark or digit
// (a test checks this against ICU). Its quotes and dashes are the
// commonest non-ASCII characters of news text: answered without ICU.
inline bool InGeneralPunctuation(char32_t c) { return c >= 0x2000 && c <= 0x206F; }

inline bool IsAlpha(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (InGeneralPunctuation(c)) return false;
  return u_isalpha(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK ||
         u_charType(static_cast<UChar32>(c)) == U_COMBINING_SPACING_MARK;
}
inline bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  if (InGeneralPunctuation(c)) return false;
  return u_isdigit(static_cast<UChar32>(c));
}
inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
inline bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}
inline bool IsAlnum(char32_t c) { return IsAlpha(c) || IsDigit(c); }

// Apostrophes: ASCII ' and the typographic right single quote.
inline bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

// Opening quotes and brackets.
inline bool IsOpening(char32_t c) {
  switch (c) {
    case '"': case '\'': case '(': case '[': case '{': case '<':
    case 0x201C: case 0x2018: case 0x201E: case 0x201A: case 0x00AB: case 0x2039:
    case 0x00BF: case 0x00A1: case 0x300C: case 0x300E:
      return true;
    default:
      if (c < 0x80) return false;
      return u_charType(static_cast<UChar32>(c)) == U_START_PUNCTUATION ||
             u_charType(static_cast<UChar32>(c)) == U_INITIAL_PUNCTUATION;
  }
}

// Closing quotes and brackets.
inline bool IsClosing(char32_t c) {
  switch (c) {
    case '"': case '\'': case ')': case ']': case '}': case '>':
    case 0x201D: case 0x2019: case 0x00BB: case 0x203A: case 0x201C: case 0x300D: case 0x300F:
      return true;
    default:
      if (c < 0x80) return false;
      return u_charType(static_cast<UChar32>(c)) == U_END_PUNCTUATION ||
             u_charType(static_cast<UChar32>(c)) == U_FINAL_PUNCTUATION;
  }
}

inline bool IsDash(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 ||
         c == 0x2015 || c == 0x2212;
}

// Sentence-final punctuation marks.
inline bool IsTerminal(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 ||
         c == 0xFF1F || c == 0x061F || c == 0x0964;
}

// Other punctuation that is split off as its own token.
inline bool IsPunct(char32_t c) {
  if (c < 0x80) {
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
  }
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_DASH_PUNCTUATION || t == U_START_PUNCTUATION || t == U_END_PUNCTUATION ||
         t == U_CONNECTOR_PUNCTUATION || t == U_OTHER_PUNCTUATION || t == U_INITIAL_PUNCTUATION ||
         t == U_FINAL_PUNCTUATION || t == U_MATH_SYMBOL || t == U_CURRENCY_SYMBOL ||
         t == U_MODIFIER_SYMBOL || t == U_OTHER_SYMBOL;
}

// Scripts whose words are not separated by spaces: each character is a token.
inline bool IsUnspacedScript(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF) ||
         (c >= 0x0E00 && c <= 0x0E7F);
}

}  // namespace sitrep::text
