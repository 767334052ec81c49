// Tokenization of one paragraph. A whitespace-delimited chunk is peeled of
// leading and trailing punctuation, then split inside (clitics, hyphens,
// slashes, number-unit pairs). Everything works on code points decoded
// once per chunk, so a 10,000-character token costs linear time.
#include <algorithm>
#include <array>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <string_view>

#include "core/utf8.h"
#include "text/chars.h"
#include "text/lexicon.h"
#include "text/text.h"

namespace sitrep::text {
namespace {

struct Cp {
  char32_t c;
  std::uint32_t off;  // byte offset of this code point in the text
};

class ChunkTokenizer {
 public:
  ChunkTokenizer(std::string_view text, const Lexicon& lex, std::vector<Token>* out)
      : text_(text), lex_(lex), out_(out) {}

  // next is the first code point after the chunk's white space (0 at the
  // end of the line): "No." keeps its stop only before a number.
  void Run(std::uint32_t begin, std::uint32_t end, char32_t next) {
    next_ = next;
    cps_.clear();
    std::size_t i = begin;
    while (i < end) {
      std::uint32_t off = static_cast<std::uint32_t>(i);
      unsigned char b = static_cast<unsigned char>(text_[i]);
      if (b < 0x80) {
        cps_.push_back({b, off});
        ++i;
        continue;
      }
      char32_t c = utf8::Decode(text_, i);
      cps_.push_back({c, off});
    }
    end_ = end;
    std::size_t l = 0, r = cps_.size();
    PeelAndSplit(l, r);
  }

 private:
  std::uint32_t Off(std::size_t k) const { return k < cps_.size() ? cps_[k].off : end_; }
  char32_t C(std::size_t k) const { return cps_[k].c; }

  void Emit(std::size_t a, std::size_t b) {
    if (a >= b) return;
    // space_after is fixed up by the caller for the chunk's last token.
    out_->emplace_back(Off(a), Off(b), false);
  }

  bool StartsWithAscii(std::size_t l, std::size_t r, std::string_view prefix) const {
    std::size_t n = prefix.size();
    if (r - l < n) return false;
    for (std::size_t k = 0; k < n; ++k) {
      char32_t c = C(l + k);
      if (c >= 0x80 || static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c) != prefix[k]) return false;
    }
    return true;
  }

  bool LooksLikeUrlOrEmail(std::size_t l, std::size_t r) const {
    if (StartsWithAscii(l, r, "http://") || StartsWithAscii(l, r, "https://") ||
        StartsWithAscii(l, r, "www.")) {
      return true;
    }
    // name@host.tld
    std::size_t at = r;
    for (std::size_t k = l; k < r; ++k) {
      if (C(k) == '@') {
        at = k;
        break;
      }
    }
    if (at == r || at == l) return false;
    for (std::size_t k = at + 1; k + 1 < r; ++k) {
      if (C(k) == '.' && IsAlpha(C(k + 1))) return true;
    }
    return false;
  }

  // True if [l, r) (ending in '.') must keep its full stop: a known
  // abbreviation, an initial ("J."), or letters with inner stops ("U.S.").
  // After a closing quote or bracket ("No.”") a title or initial is not
  // an abbreviation: titles precede names.
  bool KeepsFullStop(std::size_t l, std::size_t r, bool before_closing) const {
    std::size_t n = r - l;
    if (n == 2 && IsAlpha(C(l))) return !before_closing;  // initial
    bool dotted = n >= 4;
    for (std::size_t k = l; k < r && dotted; k += 2) {
      dotted = k + 1 < r && IsAlpha(C(k)) && C(k + 1) == '.';
    }
    if (dotted) return true;
    std::string_view word = text_.substr(Off(l), Off(r) - Off(l));
    switch (lex_.Abbreviation(word)) {
      case AbbrevClass::kNone: return false;
      case AbbrevClass::kTitle: return !before_closing;
      case AbbrevClass::kNumber: return !before_closing && IsDigit(next_);
      default: return true;
    }
  }

  void PeelAndSplit(std::size_t l, std::size_t r) {
    // Leading punctuation.
    while (l < r) {
      char32_t c = C(l);
      if ((c == '\'' || c == '`') && l + 1 < r && C(l + 1) == c) {
        Emit(l, l + 2);  // '' and `` are one quotation mark, as in the treebank
        l += 2;
        continue;
      }
      if (c == '\'' && l + 1 < r && IsDigit(C(l + 1))) break;  // '90s
      if ((c == '#' || c == '@') && l + 1 < r && IsAlnum(C(l + 1))) break;
      if (IsDash(c)) {
        std::size_t k = l;
        while (k < r && IsDash(C(k))) ++k;
        if (k < r && IsDigit(C(k)) && k == l + 1 && c == '-') break;  // -5
        Emit(l, k);
        l = k;
        continue;
      }
      if (IsOpening(c) || c == 0x00BF || c == 0x00A1 ||
          ((c == '$' || c == 0x00A3 || c == 0x20AC || c == 0x00A5) && l + 1 < r)) {
        Emit(l, l + 1);
        ++l;
        continue;
      }
      break;
    }
    if (l >= r) return;

    if (LooksLikeUrlOrEmail(l, r)) {
      std::size_t e = r;
      while (e > l + 1) {
        char32_t c = C(e - 1);
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || IsClosing(c)) {
          --e;
        } else {
          break;
        }
      }
      Emit(l, e);
      for (std::size_t k = e; k < r; ++k) Emit(k, k + 1);
      return;
    }

    // Trailing punctuation, collected right to left.
    // Left uninitialised: only [0, ntrail) is read (a std::array of pairs
    // would zero 1 KB per chunk).
    struct Span {
      std::size_t first, second;
    };
    Span trail[64];
    constexpr std::size_t kMaxTrail = sizeof trail / sizeof trail[0];
    std::size_t ntrail = 0;
    while (r > l && ntrail < kMaxTrail) {
      char32_t c = C(r - 1);
      if (c == '.') {
        std::size_t k = r;
        while (k > l && C(k - 1) == '.') --k;
        if (r - k >= 2) {  // an ellipsis "..." (or "..")
          trail[ntrail++] = {k, r};
          r = k;
          continue;
        }
        if (KeepsFullStop(l, r, ntrail > 0)) break;
        trail[ntrail++] = {r - 1, r};
        --r;
        continue;
      }
      if (c == '\'' && r - l >= 2 && C(r - 2) == '\'') {
        trail[ntrail++] = {r - 2, r};  // a closing ''
        r -= 2;
        continue;
      }
      if (IsApostrophe(c) && r - l >= 2 && (C(r - 2) == 's' || C(r - 2) == 'S') && r - l > 2) {
        trail[ntrail++] = {r - 1, r};  // possessive plural: allies'
        --r;
        continue;
      }
      // Runs of "!" and "?", and of dashes, are one token ("!!", "?!", "--"),
      // as in the treebank.
      if (c == '!' || c == '?' || IsDash(c)) {
        std::size_t k = r - 1;
        bool dash = IsDash(c);
        while (k > l && (dash ? IsDash(C(k - 1)) : (C(k - 1) == '!' || C(k - 1) == '?'))) --k;
        if (k == l) break;  // the chunk is all marks: keep it whole
        trail[ntrail++] = {k, r};
        r = k;
        continue;
      }
      if (IsClosing(c) || IsTerminal(c) || c == ',' || c == ';' || c == ':' || c == '%' || c == 0x2030) {
        trail[ntrail++] = {r - 1, r};
        --r;
        continue;
      }
      break;
    }

    SplitCore(l, r);
    for (std::size_t k = ntrail; k-- > 0;) Emit(trail[k].first, trail[k].second);
  }

  // Splits a chunk core with no leading or trailing punctuation.
  void SplitCore(std::size_t l, std::size_t r) {
    if (l >= r) return;
    // Clitics at the end: n't, 's, 're, 've, 'll, 'd, 'm.
    std::size_t clitic = r;
    if (r - l >= 4 && (C(r - 1) == 't' || C(r - 1) == 'T') && IsApostrophe(C(r - 2)) &&
        (C(r - 3) == 'n' || C(r - 3) == 'N') && IsAlpha(C(r - 4))) {
      clitic = r - 3;
    } else {
      for (std::size_t len : {2u, 3u}) {
        if (r - l > len && IsApostrophe(C(r - len)) && IsAlpha(C(r - len - 1))) {
          bool ok = true;
          std::array<char, 3> lower{};
          for (std::size_t k = 1; k < len && k <= lower.size(); ++k) {
            char32_t c = C(r - len + k);
            if (c >= 0x80) ok = false;
            lower[k - 1] = static_cast<char>(std::tolower(static_cast<int>(c)));
          }
          if (!ok) continue;
          std::string_view s(lower.data(), len - 1);
          if (s == "s" || s == "d" || s == "m" || s == "re" || s == "ve" || s == "ll") {
            clitic = r - len;
            break;
          }
        }
      }
    }
    if (clitic != r) {
      SplitInner(l, clitic);
      Emit(clitic, r);
      return;
    }
    // Fused forms that EWT splits.
    static constexpr std::pair<std::string_view, std::size_t> kFused[] = {
        {"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"dunno", 2}};
    for (const auto& [word, cut] : kFused) {
      if (r - l == word.size() && StartsWithAscii(l, r, word)) {
        Emit(l, l + cut);
        Emit(l + cut, r);
        return;
      }
    }
    SplitInner(l, r);
  }

  bool IsPrefixWord(std::size_t a, std::size_t b) const {
    static constexpr std::string_view kPrefixes[] = {"e",  "co", "re", "non", "pre", "post", "ex",
                                                     "de", "un", "mid", "x", "vice", "self"};
    for (std::string_view p : kPrefixes) {
      if (b - a == p.size() && StartsWithAscii(a, b, p)) return true;
    }
    return false;
  }

  // Splits inner punctuation: hyphens between words, slashes and commas
  // between words, inner ellipses, number-unit pairs, unspaced scripts.
  void SplitInner(std::size_t l, std::size_t r) {
    std::size_t start = l;
    std::size_t k = l;
    while (k < r) {
      char32_t c = C(k);
      // An ASCII letter never splits (none of the cases below applies to
      // it), and most of a chunk is letters: skip them without the tests.
      if (c < 0x80 && (c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        ++k;
        continue;
      }
      if (IsUnspacedScript(c) || (c >= 0x80 && u_charType(static_cast<UChar32>(c)) == U_OTHER_SYMBOL)) {
        Emit(start, k);
        // Keep an emoji with its modifiers and joiners together.
        std::size_t e = k + 1;
        while (e < r && (C(e) == 0x200D || C(e) == 0xFE0F || (C(e) >= 0x1F3FB && C(e) <= 0x1F3FF) ||
                         (e > 0 && C(e - 1) == 0x200D))) {
          ++e;
        }
        Emit(k, e);
        start = k = e;
        continue;
      }
      bool left_digit = k > start && IsDigit(C(k - 1));
      bool right_alpha = k + 1 < r && IsAlpha(C(k + 1));
      bool right_digit = k + 1 < r && IsDigit(C(k + 1));
      if (IsDash(c) && k > start) {
        bool hyphen = c == '-' || c == 0x2010 || c == 0x2011;
        if (hyphen && (left_digit && right_digit)) {  // 713-853-3989, 2021-22
          ++k;
          continue;
        }
        if (hyphen && IsPrefixWord(start, k) && (right_alpha || right_digit)) {
          ++k;
          continue;
        }
        std::size_t e = k;
        while (e < r && IsDash(C(e))) ++e;
        Emit(start, k);
        Emit(k, e);
        start = k = e;
        continue;
      }
      if (c == '/' && k > start && !(left_digit && right_digit)) {
        Emit(start, k);
        Emit(k, k + 1);
        start = k = k + 1;
        continue;
      }
      if (c == ',' && !(left_digit && right_digit)) {
        Emit(start, k);
        Emit(k, k + 1);
        start = k = k + 1;
        continue;
      }
      // A colon after a word with no space before a quotation or word
      // ("Kessar:\"We learned", "said:We"); not in times and ratios
      // ("10:30", "3:1"), whose colon has digits on both sides.
      if (c == ':' && k > start && IsAlpha(C(k - 1)) && !right_digit) {
        Emit(start, k);
        Emit(k, k + 1);
        start = k = k + 1;
        continue;
      }
      if (c == '.' && k + 1 < r && C(k + 1) == '.') {
        std::size_t e = k;
        while (e < r && C(e) == '.') ++e;
        Emit(start, k);
        Emit(k, e);
        start = k = e;
        continue;
      }
      // A missing space after a sentence: "talks.The"
      if (c == '.' && k + 2 < r && k - start >= 2 && IsLower(C(k - 1)) && IsUpper(C(k + 1)) &&
          IsLower(C(k + 2))) {
        Emit(start, k);
        Emit(k, k + 1);
        start = k = k + 1;
        continue;
      }
      if (c == '!' || c == '?') {
        std::size_t e = k;
        while (e < r && (C(e) == '!' || C(e) == '?')) ++e;
        Emit(start, k);
        Emit(k, e);
        start = k = e;
        continue;
      }
      if ((IsOpening(c) || IsClosing(c) || c == '"' || c == ';') && !IsApostrophe(c)) {
        // A full stop before a bracket inside a chunk ends the word before
        // it, as at a chunk's end: "Lenhall.[12]" (a reference mark).
        if (k - start >= 2 && C(k - 1) == '.' && C(k - 2) != '.' && !KeepsFullStop(start, k, false)) {
          Emit(start, k - 1);
          Emit(k - 1, k);
        } else {
          Emit(start, k);
        }
        Emit(k, k + 1);
        start = k = k + 1;
        continue;
      }
      if (IsDigit(c) && (k == start || !IsAlpha(C(k - 1)))) {
        // A number followed by a short unit ending the core: 2.5bn, 100km.
        std::size_t e = k;
        while (e < r && (IsDigit(C(e)) || ((C(e) == '.' || C(e) == ',') && e + 1 < r && IsDigit(C(e + 1))))) ++e;
        std::size_t u = e;
        while (u < r && IsAlpha(C(u))) ++u;
        if (e > k && u > e && u == r && u - e <= 3) {
          std::string_view unit = text_.substr(Off(e), Off(u) - Off(e));
          bool keep = unit == "s" || unit == "st" || unit == "nd" || unit == "rd" || unit == "th" ||
                      unit == "S" || unit == "TH" || unit == "ST" || unit == "ND" || unit == "RD";
          if (!keep && k == start) {
            Emit(start, e);
            Emit(e, u);
            start = k = u;
            continue;
          }
        }
        k = e > k ? e : k + 1;
        continue;
      }
      ++k;
    }
    Emit(start, r);
  }

  std::string_view text_;
  const Lexicon& lex_;
  std::vector<Token>* out_;
  // Reused across lines and articles: one per thread.
  static thread_local std::vector<Cp> cps_;
  std::uint32_t end_ = 0;
  char32_t next_ = 0;
};

thread_local std::vector<Cp> ChunkTokenizer::cps_;

// The fused forms that SplitCore splits ("cannot": "can" "not"), in any
// case. Out of line: IsFusedForm's tests turn away nearly every word.
bool MatchesFusedForm(std::string_view w) {
  static constexpr std::string_view kFused[] = {"cannot", "gonna", "wanna", "gotta", "dunno"};
  for (std::string_view f : kFused) {
    if (w.size() != f.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < f.size() && same; ++k) same = (w[k] | 0x20) == f[k];
    if (same) return true;
  }
  return false;
}

inline bool IsFusedForm(std::string_view w) {
  // Five or six bytes starting with c, g, w or d (either case).
  if (w.size() < 5 || w.size() > 6) return false;
  const char first = static_cast<char>(w[0] | 0x20);
  return (first == 'c' || first == 'g' || first == 'w' || first == 'd') && MatchesFusedForm(w);
}

// Byte classes for the chunk scan in TokenizeRange: one table lookup per
// byte instead of a chain of comparisons.
enum : std::uint8_t { kLetter = 1, kDigitByte = 2, kSpaceByte = 4, kHighByte = 8 };
struct ByteClasses {
  std::uint8_t cls[256];
  constexpr ByteClasses() : cls() {
    for (int b = 0; b < 256; ++b) {
      std::uint8_t k = 0;
      if (b >= 0x80) k = kHighByte;
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z' && b < 0x80) k = kLetter;
      if (b >= '0' && b <= '9') k = kDigitByte;
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') k = kSpaceByte;
      cls[b] = k;
    }
  }
};
constexpr ByteClasses kBytes;

// True if text[a, b) is all ASCII letters (true when empty).
inline bool AsciiLetters(const char* text, std::size_t a, std::size_t b) {
  for (std::size_t k = a; k < b; ++k) {
    if (kBytes.cls[static_cast<unsigned char>(text[k])] != kLetter) return false;
  }
  return true;
}

// Appends a token, built in place by Token's tokenizer constructor (no
// zero fill, no move of the large Token).
inline void AddToken(std::vector<Token>* tokens, std::size_t begin, std::size_t end, bool space_after) {
  tokens->emplace_back(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), space_after);
}

}  // namespace

void TokenizeRange(std::string_view text, std::uint32_t begin, std::uint32_t end,
                   const Lexicon& lexicon, std::vector<Token>* tokens) {
  ChunkTokenizer chunker(text, lexicon, tokens);
  const char* p = text.data();
  std::size_t i = begin;
  while (i < end) {
    // Skip white space (one table load, where six compares failed at
    // every chunk's first byte).
    unsigned char b = static_cast<unsigned char>(p[i]);
    if (kBytes.cls[b] & kSpaceByte) {
      ++i;
      continue;
    }
    if (b >= 0x80) {
      std::size_t k = i;
      if (IsSpace(utf8::Decode(text, k))) {
        i = k;
        continue;
      }
    }
    // One pass over the chunk (up to the next white space) notes whether it
    // is all ASCII letters or all digits: then it is one token.
    std::size_t j = i;
    std::uint8_t all = kLetter | kDigitByte;  // classes every byte so far had
    bool scanned = false;
    // The chunk's letters and bytes as bit masks (bit k: byte j + k) when
    // the compare below classified it.
    unsigned letter_bits = 0, digit_bits = 0, want_bits = 0;
#if defined(__SSE2__)
    // Most chunks are short ASCII words: sixteen bytes classified at once
    // find the chunk's end and its classes without a branch per byte (the
    // loop below mispredicted its exit at every word's end). A chunk with
    // a byte above 0x7F (perhaps a Unicode space) or longer than sixteen
    // bytes takes the loop.
    if (j + 16 <= text.size()) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j));
      const auto mask = [](__m128i x) { return static_cast<unsigned>(_mm_movemask_epi8(x)); };
      // Signed comparisons: a byte above 0x7F is negative and in no range.
      const auto in = [&v](char lo, char hi) {
        return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
      };
      const unsigned high = mask(v);
      const unsigned space = mask(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), in('\t', '\r')));
      const unsigned stop = space | high;
      if (stop != 0 && !((high >> std::countr_zero(stop)) & 1)) {
        const std::size_t e = std::min<std::size_t>(j + static_cast<std::size_t>(std::countr_zero(stop)), end);
        const unsigned want = (1u << (e - j)) - 1;
        const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        const unsigned letter = mask(_mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                                   _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1))));
        const unsigned digit = mask(in('0', '9'));
        all = static_cast<std::uint8_t>(((letter & want) == want ? kLetter : 0) |
                                        ((digit & want) == want ? kDigitByte : 0));
        letter_bits = letter;
        digit_bits = digit;
        want_bits = want;
        i = e;
        scanned = true;
      }
    }
#endif
    while (!scanned && i < end) {
      std::uint8_t k = kBytes.cls[static_cast<unsigned char>(p[i])];
      if (k & kSpaceByte) break;
      if (k & kHighByte) {
        std::size_t n = i;
        if (IsSpace(utf8::Decode(text, n))) break;
        all = 0;
        i = n;
        continue;
      }
      all &= k;
      ++i;
    }
    const bool letters = (all & kLetter) != 0, digits = (all & kDigitByte) != 0;
    const std::size_t e = i;
    // Letters mixed with digits ("100km") and fused forms ("cannot") go the
    // slow way; a chunk of letters or of digits alone (most chunks) is one
    // token. Tested first: each fast path below needs a mark in the chunk.
    if (digits || (letters && !IsFusedForm(std::string_view(p + j, e - j)))) {
      AddToken(tokens, j, e, e < end);
      continue;
    }
    // For the fast paths below: whether the chunk's bytes but its first,
    // or but its last, are all ASCII letters (e > j + 1 where asked).
    const auto tail_letters = [&] {
      return scanned ? ((letter_bits | 1u) & want_bits) == want_bits : AsciiLetters(p, j + 1, e);
    };
    const auto lead_letters = [&] {
      return scanned ? (letter_bits & (want_bits >> 1)) == (want_bits >> 1) : AsciiLetters(p, j, e - 1);
    };
    // A straight double quote or an opening bracket before a word ("We,
    // (AP): the commonest chunks the slow path saw): two tokens. It peels
    // the mark as an opening one, finds no web address and nothing to
    // split in a word of letters, and splits only the fused forms.
    if (!letters && e - j >= 2 && (p[j] == '"' || p[j] == '(')) {
      // Digits after the mark ("(15") are one number as well.
      if ((tail_letters() && !IsFusedForm(std::string_view(p + j + 1, e - j - 1))) ||
          (scanned && ((digit_bits | 1u) & want_bits) == want_bits)) {
        AddToken(tokens, j, j + 1, false);
        AddToken(tokens, j + 1, e, e < end);
        continue;
      }
    }
    if (scanned && !letters && !digits) {
      const std::size_t n = e - j;
      // Letters with a clitic the slow path splits off: "'s", "'d" or "'m"
      // after one letter or more ("Lenhall's": "Lenhall" "'s"), or "n't"
      // after one ("don't": "do" "n't").
      std::size_t clitic = 0;
      if (n >= 3 && p[e - 2] == '\'' && ((letter_bits | 1u << (n - 2)) & want_bits) == want_bits) {
        const char c = static_cast<char>(p[e - 1] | 0x20);
        if (c == 's' || c == 'd' || c == 'm') clitic = 2;
        if (c == 't' && n >= 4 && (p[e - 3] | 0x20) == 'n') clitic = 3;
      }
      if (clitic != 0) {
        AddToken(tokens, j, e - clitic, false);
        AddToken(tokens, e - clitic, e, e < end);
        continue;
      }
      // A number with thousands or decimal separators ("1,200", "2.5"):
      // digits, and single commas or full stops between digits, are one
      // token, as the slow path's number scan reads them.
      const unsigned other = want_bits & ~digit_bits;
      const unsigned last_bit = 1u << (n - 1);
      bool number = !(other & 1u) && !(other & last_bit) && !(other & (other << 1));
      for (unsigned o = other; o != 0 && number; o &= o - 1) {
        const char c = p[j + static_cast<std::size_t>(std::countr_zero(o))];
        number = c == ',' || c == '.';
      }
      if (number) {
        AddToken(tokens, j, e, e < end);
        continue;
      }
    }
    // A word followed by one comma, semicolon, colon or (not an
    // abbreviation's) full stop: two tokens, without the slow path.
    if (!letters && e - j >= 3) {
      char last = p[e - 1];
      const bool word_before = lead_letters();
      bool split = false;
      if (word_before && (last == ',' || last == ';' || last == ':')) split = true;
      if (word_before && last == '.' && lexicon.Abbreviation(std::string_view(p + j, e - j)) == AbbrevClass::kNone) {
        split = true;
      }
      if (split && IsFusedForm(std::string_view(p + j, e - j - 1))) split = false;
      if (split) {
        AddToken(tokens, j, e - 1, false);
        AddToken(tokens, e - 1, e, e < end);
        continue;
      }
    }
    // A word followed by one or two marks that the slow path peels from
    // the right one at a time (commas, semicolons, colons, closing '"' and
    // ')', '?' and '!': 'said,"', 'war),', 'why?'), the commonest chunks it
    // still saw: each mark is a token. A run of '?' and '!' is one token
    // there, so two of those go the slow way, as does a full stop (an
    // abbreviation may keep it).
    if (!letters && e - j >= 2) {
      const auto mark = [](char c) {
        return c == ',' || c == ';' || c == ':' || c == '"' || c == ')' || c == '?' || c == '!';
      };
      const auto bang = [](char c) { return c == '?' || c == '!'; };
      std::size_t marks = 0;
      if (mark(p[e - 1])) {
        marks = 1;
        if (e - j >= 3 && mark(p[e - 2]) && !(bang(p[e - 2]) && bang(p[e - 1]))) marks = 2;
      }
      const bool word = marks != 0 && (scanned ? (letter_bits & (want_bits >> marks)) == (want_bits >> marks)
                                               : AsciiLetters(p, j, e - marks));
      if (word && !IsFusedForm(std::string_view(p + j, e - j - marks))) {
        AddToken(tokens, j, e - marks, false);
        if (marks == 2) AddToken(tokens, e - 2, e - 1, false);
        AddToken(tokens, e - 1, e, e < end);
        continue;
      }
    }
    char32_t next = 0;
    for (std::size_t k = e; k < end;) {
      char32_t cp = utf8::Decode(text, k);
      if (!IsSpace(cp)) {
        next = cp;
        break;
      }
    }
    std::size_t before = tokens->size();
    chunker.Run(static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(e), next);
    if (tokens->size() > before) tokens->back().space_after = e < end;
  }
}

}  // namespace sitrep::text
