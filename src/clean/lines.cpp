#include "clean/lines.h"

#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/bits.h"
#include "core/utf8.h"
#include "text/chars.h"

namespace sitrep::clean {

using text::IsAlnum;
using text::IsAlpha;
using text::IsClosing;
using text::IsDigit;
using text::IsLower;
using text::IsUpper;

namespace {
bool IsBulletChar(char32_t c) {
  return c == '-' || c == '*' || c == 0x2022 || c == 0x00B7 || c == 0x2013 || c == 0x2014 ||
         c == 0x25CF || c == 0x25AA || c == 0x25BA || c == 0x2023 || c == '>' || c == 0x203A ||
         c == 0x00BB;
}
}  // namespace

namespace {

// Per-byte classes for the ASCII fast paths.
enum : std::uint8_t {
  kSpace = 1,
  kLower = 2,
  kUpper = 4,
  kDigit = 8,
  kJoiner = 16,   // ' - . , keep a word going ("don't", "U.S.", "100,000")
  kClosing = 32,  // " ' ] } > do not end a sentence's last mark
};

struct AsciiTables {
  std::uint8_t cls[128];
  char lower[128];
  constexpr AsciiTables() : cls(), lower() {
    for (int c = 0; c < 128; ++c) {
      lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      std::uint8_t k = 0;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') k |= kSpace;
      if (c >= 'a' && c <= 'z') k |= kLower;
      if (c >= 'A' && c <= 'Z') k |= kUpper;
      if (c >= '0' && c <= '9') k |= kDigit;
      if (c == '\'' || c == '-' || c == '.' || c == ',') k |= kJoiner;
      if (c == '"' || c == '\'' || c == ']' || c == '}' || c == '>') k |= kClosing;
      cls[c] = k;
    }
    lower['`'] = '\'';
  }
};
constexpr AsciiTables kAscii;

bool AsciiAlnum(unsigned char c) { return c < 0x80 && (kAscii.cls[c] & (kLower | kUpper | kDigit)); }

// Word counting for one non-space ASCII byte of class k, shared by the
// fused and the general feature passes so they cannot drift apart.
inline void CountAsciiByte(std::uint8_t k, LineFeatures& f, bool& in_word, bool& first_letter_seen) {
  if (k & (kLower | kUpper | kDigit)) {
    if (!(k & kDigit)) ++f.letters;
    if (!in_word) {
      ++f.words;
      f.lower_words += (k & kLower) != 0;
      f.cap_words += (k & kUpper) != 0;
      if (!first_letter_seen) {
        first_letter_seen = true;
        f.starts_upper = (k & (kUpper | kDigit)) != 0;
      }
    }
    in_word = true;
  } else if (!(k & kJoiner)) {
    in_word = false;
  }
}

// The same for one non-space code point of any script (the general pass).
inline void CountCodePoint(char32_t c, LineFeatures& f, bool& in_word, bool& first_letter_seen) {
  if (IsAlpha(c) || IsDigit(c)) {
    if (IsAlpha(c)) ++f.letters;
    if (!in_word) {
      ++f.words;
      if (IsLower(c)) ++f.lower_words;
      if (IsUpper(c)) ++f.cap_words;
      if (!first_letter_seen) {
        first_letter_seen = true;
        f.starts_upper = IsUpper(c) || IsDigit(c);
      }
    }
    in_word = true;
  } else if (!text::IsApostrophe(c) && c != '-' && c != '.' && c != ',') {
    in_word = false;
  }
}

// True if line contains "http://", "https://" or "www.". Searched from
// the rarer ':' and '.' rather than from 'h' and 'w', which are common
// letters (three plain substring searches stopped at each of them).
bool HasUrl(std::string_view line) {
  for (std::size_t p = line.find(':'); p != std::string_view::npos; p = line.find(':', p + 1)) {
    if (line.substr(p, 3) != "://") continue;
    if ((p >= 4 && line.substr(p - 4, 4) == "http") || (p >= 5 && line.substr(p - 5, 5) == "https")) return true;
  }
  for (std::size_t p = line.find('.'); p != std::string_view::npos; p = line.find('.', p + 1)) {
    if (p >= 3 && line.substr(p - 3, 3) == "www") return true;
  }
  return false;
}

}  // namespace

void SetSentenceLike(LineFeatures& f);
void FinishFeatures(LineFeatures& f, char32_t last_non_closing, bool url);

// The bounds [b, e) of a key less its leading bullets and surrounding
// punctuation (the copyright sign stays: it is a cue).
static std::pair<std::size_t, std::size_t> TrimmedKeyBounds(std::string_view key) {
  std::size_t b = 0, e = key.size();
  while (b < e) {
    unsigned char c = static_cast<unsigned char>(key[b]);
    if (c < 0x80) {
      if (AsciiAlnum(c)) break;
      ++b;
      continue;
    }
    std::size_t k = b;
    char32_t cp = utf8::Decode(key, k);
    if (IsAlnum(cp) || cp == 0x00A9) break;
    b = k;
  }
  while (e > b) {
    unsigned char c = static_cast<unsigned char>(key[e - 1]);
    if (c < 0x80) {
      if (AsciiAlnum(c)) break;
      --e;
      continue;
    }
    std::size_t k = e - 1;
    while (k > b && !utf8::IsLead(static_cast<unsigned char>(key[k]))) --k;
    std::size_t kk = k;
    if (IsAlnum(utf8::Decode(key, kk))) break;
    e = k;
  }
  return {b, e};
}

static void TrimKey(std::string& key) {
  const auto [b, e] = TrimmedKeyBounds(key);
  if (e < key.size()) key.resize(e);
  if (b > 0) key.erase(0, b);
}

// The untrimmed key of line written to out, which must hold
// 2 * line.size() + 4 bytes (lowercasing grows a code point by half its
// length at most); returns the bytes written.
static std::size_t WriteUntrimmedKey(std::string_view line, char* out) {
  std::size_t o = 0;
  std::size_t i = 0;
  bool pending_space = false;
  const std::size_t n = line.size();
  const std::size_t room = 2 * n + 4;
  const char* p = line.data();
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(p[i]);
    if (b < 0x80) {
      ++i;
      if (kAscii.cls[b] & kSpace) {
        pending_space = o != 0;
        continue;
      }
      if (pending_space) out[o++] = ' ';
      pending_space = false;
      out[o++] = kAscii.lower[b];
#if defined(__SSE2__)
      // The ASCII bytes after it up to the next white space, backquote
      // (written as an apostrophe) or byte above 0x7F, sixteen at a time:
      // each is written lowercase with nothing pending, as the steps above
      // would write it. Bytes stored past the run are overwritten or cut.
      if (i + 16 <= n && o + 16 <= room) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        // Signed compares: bytes above 0x7F are negative, in no range.
        const auto in = [&v](char lo, char hi) {
          return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                               _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
        };
        const __m128i upper = in('A', 'Z');
        const __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), in('\t', '\r')),
                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('`')));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + o), _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
        const unsigned ends = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(stop, v))) | 0x10000u;
        const auto run = static_cast<std::size_t>(std::countr_zero(ends));
        o += run;
        i += run;
      }
#endif
      continue;
    }
    char32_t c = utf8::Decode(line, i);
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC) c = '\'';
    if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB) c = '"';
    if (text::IsSpace(c)) {
      pending_space = o != 0;
      continue;
    }
    if (pending_space) out[o++] = ' ';
    pending_space = false;
    const char32_t lc = c < 0x80 ? c : static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    // Straight into the key (a temporary string per code point cost an
    // allocation check each).
    o += utf8::Encode(lc, out + o);
  }
  return o;
}

std::string LineKey(std::string_view line) {
  std::string key(line.size() * 2 + 4, '\0');
  key.resize(WriteUntrimmedKey(line, key.data()));
  TrimKey(key);
  return key;
}

std::string_view KeyBuffer::Key(std::string_view line) {
  if (line.size() * 2 + 4 <= sizeof small_) {
    const std::string_view key(small_, WriteUntrimmedKey(line, small_));
    const auto [b, e] = TrimmedKeyBounds(key);
    return key.substr(b, e - b);
  }
  big_ = LineKey(line);
  return big_;
}

// KeyAndFeatures for a line with non-ASCII characters (typographic quotes,
// dashes, accented names): one pass that does, per code point, what
// LineKey and Features each do, instead of two passes that decode the line
// twice.
static LineFeatures KeyAndFeaturesGeneral(std::string_view line, std::string* key) {
  LineFeatures f;
  const std::size_t n = line.size();
  // As in LineKey: two bytes per input byte always hold the lowercased key.
  key->assign(n * 2 + 4, '\0');
  char* out = key->data();
  std::size_t o = 0;
  bool pending_space = false;  // key
  bool in_word = false, first_letter_seen = false, first_char = true;
  char32_t last_non_closing = 0;
  std::size_t i = 0;
  // Room for sixteen bytes written at once by the letter runs below.
  const std::size_t room = key->size();
  while (i < n) {
    unsigned char byte = static_cast<unsigned char>(line[i]);
    if (byte < 0x80 && !first_char) {
      // ASCII: LineKey's and Features' fast paths.
      ++i;
      std::uint8_t k = kAscii.cls[byte];
      if (in_word && (k & (kLower | kUpper))) {
        // A letter inside a word (no space pending, no new word, not a
        // closing mark), and the ASCII letters after it: each is written
        // lowercase and counted, which is all the steps below do for one.
        // Most bytes of a line are such letters.
        std::size_t e = i;
#if defined(__SSE2__)
        if (i + 16 <= n && o + 17 <= room) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
          // Signed compares: bytes above 0x7F are negative, no letter.
          const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                              _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
          const __m128i lower = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
                                              _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
          const unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(upper, lower))) & 0xFFFFu;
          // Sixteen bytes lowercased; those past the run are overwritten
          // or cut off with the key's size.
          _mm_storeu_si128(reinterpret_cast<__m128i*>(out + o + 1),
                           _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
          e = i + (other != 0 ? static_cast<std::size_t>(std::countr_zero(other)) : 16);
        } else
#endif
        {
          // (The tables cover ASCII only.)
          for (std::size_t w = o + 1; e < n; ++e, ++w) {
            const auto c = static_cast<unsigned char>(line[e]);
            if (c >= 0x80 || !(kAscii.cls[c] & (kLower | kUpper))) break;
            out[w] = kAscii.lower[c];
          }
        }
        out[o] = kAscii.lower[byte];
        o += 1 + (e - i);
        f.letters += static_cast<int>(1 + (e - i));
        last_non_closing = static_cast<unsigned char>(line[e - 1]);
        i = e;
        continue;
      }
      if (k & kSpace) {
        pending_space = o != 0;
        in_word = false;
        continue;
      }
      if (pending_space) out[o++] = ' ';
      pending_space = false;
      out[o++] = kAscii.lower[byte];
      if (!(k & kClosing)) last_non_closing = byte;
      CountAsciiByte(k, f, in_word, first_letter_seen);
      continue;
    }
    char32_t c = utf8::Decode(line, i);
    // The key (LineKey).
    if (c < 0x80) {
      if (kAscii.cls[c] & kSpace) {
        pending_space = o != 0;
      } else {
        if (pending_space) out[o++] = ' ';
        pending_space = false;
        out[o++] = kAscii.lower[c];
      }
    } else {
      char32_t kc = c;
      if (kc == 0x2019 || kc == 0x2018 || kc == 0x02BC) kc = '\'';
      if (kc == 0x201C || kc == 0x201D || kc == 0x201E || kc == 0x00AB || kc == 0x00BB) kc = '"';
      if (text::IsSpace(kc)) {
        pending_space = o != 0;
      } else {
        if (pending_space) out[o++] = ' ';
        pending_space = false;
        char32_t lc = kc < 0x80 ? kc : static_cast<char32_t>(u_tolower(static_cast<UChar32>(kc)));
        if (lc < 0x80) {
          out[o++] = static_cast<char>(lc);
        } else {
          std::string enc;
          utf8::Append(enc, lc);
          for (char ch : enc) out[o++] = ch;
        }
      }
    }
    // The features (Features).
    if (first_char && !text::IsSpace(c)) {
      first_char = false;
      if (IsBulletChar(c) && i < n && line[i] == ' ') f.bullet = true;
    }
    if (text::IsSpace(c)) {
      in_word = false;
      continue;
    }
    if (!IsClosing(c) || c == ')') last_non_closing = c;
    CountCodePoint(c, f, in_word, first_letter_seen);
  }
  key->resize(o);
  TrimKey(*key);
  FinishFeatures(f, last_non_closing, HasUrl(line));
  return f;
}


// The ASCII path of KeyAndFeatures, 64 bytes at a time: each block becomes
// bit masks of byte classes (SSE2 compares where available), and the word
// counts come from the masks with population counts instead of a branch
// per byte. The key is the lowercased line between its first and last
// letter or digit, which is what LineKey gives when the line's only white
// space is single ' ' characters; otherwise this returns false and the
// byte-by-byte loop runs.
struct BlockMasks {
  std::uint64_t space = 0, lower = 0, upper = 0, digit = 0, joiner = 0, blank = 0;
  std::uint64_t colon = 0, dot = 0;  // for the web-address test
};

// Classifies the first 16 * parts of 64 readable bytes (all below 0x80) at
// p, and writes their lowercase forms to out (as many writable bytes); the
// masks of the other bytes stay empty, as those of NUL bytes would be.
inline BlockMasks ClassifyBlock(const unsigned char* p, char* out, int parts = 4) {
  BlockMasks m;
#if defined(__SSE2__)
  for (int c = 0; c < parts; ++c) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * c));
    // Bytes are below 0x80, so signed comparisons order them as unsigned.
    auto in = [&v](char lo, char hi) {
      return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                           _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
    };
    auto eq = [&v](char x) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(x)); };
    const __m128i upper = in('A', 'Z');
    const __m128i blank = eq(' ');
    const __m128i space = _mm_or_si128(blank, in('\t', '\r'));
    const __m128i joiner = _mm_or_si128(eq('\''), in(',', '.'));
    // Lowercase, and a backtick read as an apostrophe (as kAscii.lower).
    const __m128i tick = eq('`');
    const __m128i lowered = _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16 * c),
                     _mm_or_si128(_mm_andnot_si128(tick, lowered), _mm_and_si128(tick, _mm_set1_epi8('\''))));
    const int shift = 16 * c;
    auto bits = [shift](__m128i x) {
      return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(x))) << shift;
    };
    m.upper |= bits(upper);
    m.lower |= bits(in('a', 'z'));
    m.digit |= bits(in('0', '9'));
    m.space |= bits(space);
    m.blank |= bits(blank);
    m.joiner |= bits(joiner);
    m.colon |= bits(eq(':'));
    m.dot |= bits(eq('.'));
  }
#else
  for (int i = 0; i < 16 * parts; ++i) {
    const std::uint8_t k = kAscii.cls[p[i]];
    const std::uint64_t bit = std::uint64_t{1} << i;
    out[i] = kAscii.lower[p[i]];
    if (k & kSpace) m.space |= bit;
    if (p[i] == ' ') m.blank |= bit;
    if (k & kLower) m.lower |= bit;
    if (k & kUpper) m.upper |= bit;
    if (k & kDigit) m.digit |= bit;
    if (k & kJoiner) m.joiner |= bit;
    if (p[i] == ':') m.colon |= bit;
    if (p[i] == '.') m.dot |= bit;
  }
#endif
  return m;
}

bool KeyAndFeaturesAsciiBlocks(std::string_view line, std::string* key, LineFeatures& f) {
  const std::size_t n = line.size();
  key->resize(n + 64);  // whole blocks are written; cut to size below
  char* out = key->data();
  const auto* in = reinterpret_cast<const unsigned char*>(line.data());
  std::uint64_t in_word_carry = 0, space_carry = 0;  // bit 0: the previous block's last byte
  std::size_t first_alnum = n, last_alnum = 0, first_word = n;
  bool any_alnum = false;
  // HasUrl from the masks: a line without a colon holds a web address
  // only as "www.", looked for before each full stop (HasUrl's own search
  // called memchr once per full stop).
  bool colon = false, www = false;
  for (std::size_t at = 0; at < n; at += 64) {
    const std::size_t len = n - at < 64 ? n - at : 64;
    BlockMasks m;
    if (len == 64) {
      m = ClassifyBlock(in + at, out + at);
    } else {
      // A line's last part block: only its sixteen-byte parts that hold
      // bytes of the line are classified (most lines are short, and a
      // NUL, in no class, gave empty masks for the rest).
      unsigned char tail[64] = {};  // NUL is in no class
      std::memcpy(tail, in + at, len);
      m = ClassifyBlock(tail, out + at, static_cast<int>((len + 15) / 16));
    }
    const std::uint64_t valid = len == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << len) - 1;
    // White space other than single blanks changes the key: the byte loop.
    if ((m.space & ~m.blank) || (m.space & ((m.space << 1) | space_carry))) return false;
    space_carry = m.space >> 63;
    const std::uint64_t alnum = m.lower | m.upper | m.digit;
    // A byte is inside a word after a letter or digit, and stays so over
    // joiners (' - . ,) that follow one: fill each run of joiners whose
    // first byte follows an in-word byte (the carry of an addition runs
    // through the whole run).
    const std::uint64_t seeds = m.joiner & ((alnum << 1) | in_word_carry);
    const std::uint64_t in_word = alnum | (((seeds + m.joiner) ^ m.joiner) & m.joiner);
    const std::uint64_t starts = alnum & ~((in_word << 1) | in_word_carry);
    in_word_carry = in_word >> 63;
    f.words += Popcount64(starts);
    f.lower_words += Popcount64(starts & m.lower);
    f.cap_words += Popcount64(starts & m.upper);
    f.letters += Popcount64(m.lower | m.upper);
    if (starts && first_word == n) {
      const int b = std::countr_zero(starts);
      first_word = at + static_cast<std::size_t>(b);
      f.starts_upper = ((m.upper | m.digit) >> b) & 1;
    }
    if (alnum) {
      if (!any_alnum) first_alnum = at + static_cast<std::size_t>(std::countr_zero(alnum));
      any_alnum = true;
      last_alnum = at + 63 - static_cast<std::size_t>(std::countl_zero(alnum));
    }
    colon = colon || m.colon != 0;
    for (std::uint64_t d = m.dot & valid; d != 0 && !www; d &= d - 1) {
      const std::size_t p = at + static_cast<std::size_t>(std::countr_zero(d));
      www = p >= 3 && line.substr(p - 3, 3) == "www";
    }
  }
  if (any_alnum) {
    if (first_alnum > 0) std::memmove(out, out + first_alnum, last_alnum + 1 - first_alnum);
    key->resize(last_alnum + 1 - first_alnum);
  } else {
    key->clear();
  }
  // A list marker followed by a space, after leading white space.
  std::size_t i = 0;
  while (i < n && (kAscii.cls[in[i]] & kSpace)) ++i;
  if (i + 1 < n && (line[i] == '-' || line[i] == '*' || line[i] == '>') && line[i + 1] == ' ') f.bullet = true;
  // The last byte that is neither white space nor a closing mark, found
  // from the end (a byte or two back, where a mask of closing marks cost
  // five compares per sixteen bytes of every line).
  std::size_t last = n;
  while (last > 0 && (kAscii.cls[in[last - 1]] & (kSpace | kClosing))) --last;
  FinishFeatures(f, last > 0 ? in[last - 1] : 0, colon ? HasUrl(line) : www);
  return true;
}

LineFeatures KeyAndFeatures(std::string_view line, std::string* key) {
  // Lines with non-ASCII characters take the general functions; most
  // lines of English news are ASCII, and for them one fused loop does both.
  if (utf8::AsciiPrefix(line) != line.size()) return KeyAndFeaturesGeneral(line, key);
  {
    LineFeatures f;
    if (KeyAndFeaturesAsciiBlocks(line, key, f)) return f;
  }
  LineFeatures f;
  const std::size_t n = line.size();
  key->resize(n);
  char* out = key->data();
  std::size_t o = 0;
  bool pending_space = false, in_word = false, first_letter_seen = false;
  unsigned char last_non_closing = 0;
  std::size_t i = 0;
  // Leading white space, then a list marker followed by a space.
  while (i < n && (kAscii.cls[static_cast<unsigned char>(line[i])] & kSpace)) ++i;
  if (i + 1 < n && (line[i] == '-' || line[i] == '*' || line[i] == '>') && line[i + 1] == ' ') f.bullet = true;
  for (; i < n; ++i) {
    unsigned char b = static_cast<unsigned char>(line[i]);
    std::uint8_t k = kAscii.cls[b];
    // Most bytes are letters inside a word: no pending space (white space
    // ends a word), no new word to count, not a closing mark. What the
    // general path below would do for them, in three steps.
    if (in_word && (k & (kLower | kUpper))) {
      out[o++] = kAscii.lower[b];
      ++f.letters;
      last_non_closing = b;
      continue;
    }
    if (k & kSpace) {
      pending_space = o != 0;
      in_word = false;
      continue;
    }
    if (pending_space) out[o++] = ' ';
    pending_space = false;
    out[o++] = kAscii.lower[b];
    if (!(k & kClosing)) last_non_closing = b;
    CountAsciiByte(k, f, in_word, first_letter_seen);
  }
  // Trim the key's surrounding punctuation, as LineKey does.
  std::size_t b = 0, e = o;
  while (b < e && !AsciiAlnum(static_cast<unsigned char>(out[b]))) ++b;
  while (e > b && !AsciiAlnum(static_cast<unsigned char>(out[e - 1]))) --e;
  key->resize(e);
  if (b > 0) key->erase(0, b);
  FinishFeatures(f, last_non_closing, HasUrl(line));
  return f;
}

LineFeatures Features(std::string_view line) {
  LineFeatures f;
  std::size_t i = 0;
  bool in_word = false, first_letter_seen = false;
  char32_t last_non_closing = 0;
  bool first_char = true;
  while (i < line.size()) {
    unsigned char byte = static_cast<unsigned char>(line[i]);
    if (byte < 0x80 && !first_char) {
      // ASCII fast path.
      ++i;
      std::uint8_t k = kAscii.cls[byte];
      if (k & kSpace) {
        in_word = false;
        continue;
      }
      if (!(k & kClosing)) last_non_closing = byte;
      CountAsciiByte(k, f, in_word, first_letter_seen);
      continue;
    }
    char32_t c = utf8::Decode(line, i);
    if (first_char && !text::IsSpace(c)) {
      first_char = false;
      if (IsBulletChar(c) && i < line.size() && line[i] == ' ') f.bullet = true;
    }
    if (text::IsSpace(c)) {
      in_word = false;
      continue;
    }
    if (!IsClosing(c) || c == ')') last_non_closing = c;
    CountCodePoint(c, f, in_word, first_letter_seen);
  }
  FinishFeatures(f, last_non_closing, HasUrl(line));
  return f;
}

// The features read off the last character that is not a closing mark,
// the URL test's answer (HasUrl(line)) and the sentence-likeness every
// path ends with.
void FinishFeatures(LineFeatures& f, char32_t last_non_closing, bool url) {
  f.only_punct = f.words == 0;
  f.ends_terminal = last_non_closing == '.' || last_non_closing == '!' || last_non_closing == '?' ||
                    last_non_closing == 0x2026;
  f.ends_colon = last_non_closing == ':';
  f.url = url;
  SetSentenceLike(f);
}

void SetSentenceLike(LineFeatures& f) {
  double lower_ratio = f.words ? static_cast<double>(f.lower_words) / f.words : 0.0;
  if (f.ends_terminal && f.words >= 2 && f.lower_words >= 1 && f.starts_upper) {
    f.sentence_like = true;
  } else if (f.ends_terminal && f.words >= 5 && lower_ratio >= 0.5) {
    f.sentence_like = true;  // starts with a lowercase word or a number
  } else if (f.ends_colon && f.words >= 5 && lower_ratio >= 0.5) {
    f.sentence_like = true;  // "The demands included:"
  } else if (f.words >= 16 && lower_ratio >= 0.5) {
    f.sentence_like = true;  // prose that lost its final stop
  }
}

bool StripMarkupTags(std::string_view line, std::string* out) {
  if (line.find('<') == std::string_view::npos) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto name_char = [&](char c) { return alpha(c) || (c >= '0' && c <= '9') || c == '-'; };
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  // The end of the tag opening at `at` (one past its '>'), or 0.
  auto tag_end = [&](std::size_t at) -> std::size_t {
    std::size_t k = at + 1;
    if (k < line.size() && line[k] == '/') ++k;
    if (k >= line.size() || !alpha(line[k])) return 0;
    while (k < line.size() && name_char(line[k])) ++k;
    if (k < line.size() && line[k] == '>') return k + 1;
    if (k + 1 < line.size() && line[k] == '/' && line[k + 1] == '>') return k + 2;
    if (k >= line.size() || !space(line[k])) return 0;
    for (; k < line.size(); ++k) {
      if (line[k] == '<') return 0;
      if (line[k] == '>') return k + 1;
    }
    return 0;
  };
  // A script's or a style sheet's code is no text either: from its
  // opening tag to its closing one (or the line's end) all goes.
  auto code_element = [&](std::size_t at, std::size_t end) -> std::size_t {
    std::string name;
    for (std::size_t k = at + 1; k < end && name_char(line[k]); ++k) name.push_back(static_cast<char>(line[k] | 0x20));
    if (name != "script" && name != "style") return end;
    for (std::size_t k = line.find('<', end); k != std::string_view::npos; k = line.find('<', k + 1)) {
      if (k + 2 + name.size() <= line.size() && line[k + 1] == '/') {
        bool same = true;
        for (std::size_t c = 0; c < name.size() && same; ++c) same = (line[k + 2 + c] | 0x20) == name[c];
        if (same) {
          const std::size_t close = tag_end(k);
          if (close != 0) return close;
        }
      }
    }
    return line.size();
  };
  std::string result;
  bool any = false;
  std::size_t copied = 0;
  for (std::size_t at = line.find('<'); at != std::string_view::npos; at = line.find('<', at + 1)) {
    std::size_t end = tag_end(at);
    if (end == 0) continue;
    if (line[at + 1] != '/') end = code_element(at, end);
    result.append(line.substr(copied, at - copied));
    copied = end;
    at = end - 1;
    any = true;
    if (end >= line.size()) break;
  }
  if (!any) return false;
  result.append(line.substr(copied));
  // "the <b>x</b> talks" -> "the x talks", but "said the <script>..</script> talks"
  // left two spaces where the element was.
  out->clear();
  for (char c : result) {
    if (c == ' ' && !out->empty() && out->back() == ' ') continue;
    out->push_back(c);
  }
  return true;
}

}  // namespace sitrep::clean
