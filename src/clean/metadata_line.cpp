#include "clean/metadata_line.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <list>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "clean/dates.h"
#include "clean/lines.h"
#include "core/bits.h"
#include "core/utf8.h"
#include "text/chars.h"

namespace sitrep::clean {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A vector whose first N elements live inside it: the metadata parser
// splits lines, segments and words that almost always have a handful of
// parts, and a heap block for each cost more than the parsing. T must be
// trivially copyable.
template <typename T, std::size_t N>
class SmallVec {
 public:
  // The inline elements stay uninitialised until pushed (string_view's
  // constructor would zero all N of them per split).
  SmallVec() {}
  SmallVec(const SmallVec&) = delete;
  SmallVec& operator=(const SmallVec&) = delete;
  void push_back(const T& v) {
    if (size_ < N) {
      inline_[size_] = v;
    } else {
      if (size_ == N) heap_.assign(inline_, inline_ + N);
      heap_.push_back(v);
    }
    ++size_;
  }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* begin() const { return size_ <= N ? inline_ : heap_.data(); }
  const T* end() const { return begin() + size_; }
  const T& operator[](std::size_t i) const { return begin()[i]; }

 private:
  union {
    T inline_[N];
  };
  std::vector<T> heap_;
  std::size_t size_ = 0;
};

// Splits on " | ", "|", " · ", "•", "●", and dashes with spaces around
// them. The separators are ASCII or start with 0xC2 or 0xE2, so the scan
// looks only at those bytes; the text is valid UTF-8, so a separator's
// byte sequence matches only the separator itself.
// The first position at or after i of a byte a separator starts with
// ('|', '-', 0xC2, 0xE2), or line.size(); sixteen bytes at a time.
std::size_t NextSeparatorByte(std::string_view line, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t n = line.size();
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const auto eq = [&v](unsigned char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))); };
    const auto hit = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(eq('|'), eq('-')), _mm_or_si128(eq(0xC2), eq(0xE2)))));
    if (hit != 0) return i + static_cast<std::size_t>(std::countr_zero(hit));
  }
#endif
  for (; i < n; ++i) {
    const unsigned char b = p[i];
    if (b == '|' || b == '-' || b == 0xC2 || b == 0xE2) return i;
  }
  return n;
}

void Segments(std::string_view line, SmallVec<std::string_view, 8>& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t n = line.size();
  std::size_t start = 0;
  for (std::size_t i = NextSeparatorByte(line, 0); i < n; i = NextSeparatorByte(line, i + 1)) {
    const unsigned char b = p[i];
    std::size_t k = i + 1;  // just past the character
    bool sep = b == '|';
    bool dash = b == '-';
    if (b == 0xC2 && i + 1 < n) {
      sep = p[i + 1] == 0xB7;  // U+00B7
      k = i + 2;
    } else if (b == 0xE2 && i + 2 < n) {
      const unsigned char b1 = p[i + 1], b2 = p[i + 2];
      sep = (b1 == 0x80 && b2 == 0xA2) || (b1 == 0x97 && b2 == 0x8F);  // U+2022, U+25CF
      dash = b1 == 0x80 && (b2 == 0x93 || b2 == 0x94);                  // U+2013, U+2014
      k = i + 3;
    }
    if (!sep && dash) sep = i > 0 && p[i - 1] == ' ' && k < n && p[k] == ' ';
    if (sep) {
      out.push_back(Trim(line.substr(start, i - start)));
      start = k;
      i = k - 1;
    }
  }
  out.push_back(Trim(line.substr(start)));
}

// A word of SplitWords: as written, and its key (LineKey(text); for an
// ASCII word the same, computed inline).
struct WordSpan {
  std::string_view text;
  std::string_view lower;
};

// ASCII-only lowercasing and alphanumeric test: SplitWords takes this path
// only for all-ASCII words, and these do not go through the C locale.
inline bool AsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

inline bool WordSeparator(char c) { return c == ' ' || c == ',' || c == ';'; }

// The words of s, split at spaces, commas and semicolons, with their keys.
// The keys of ASCII words are views of s lowercased as a whole into a
// buffer inside the object (one loop the compiler vectorises, where each
// word was copied on its own), the rare others strings in a list that
// never move; so the object is neither copied nor moved.
class Words {
 public:
  explicit Words(std::string_view s) {
    const bool fits = s.size() <= sizeof buf_;
    if (fits) {
      for (std::size_t k = 0; k < s.size(); ++k) buf_[k] = AsciiLower(s[k]);
    }
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && WordSeparator(s[i])) ++i;
      std::size_t b = i;
      unsigned char high = 0;
      while (i < s.size() && !WordSeparator(s[i])) high |= static_cast<unsigned char>(s[i++]);
      if (i == b) continue;
      std::string_view w = s.substr(b, i - b);
      if (high < 0x80) {
        // Same as LineKey for ASCII (as far as any caller compares it: no
        // key looked up holds white space or a backquote).
        std::size_t x = 0, y = w.size();
        while (x < y && !AsciiAlnum(w[x])) ++x;
        while (y > x && !AsciiAlnum(w[y - 1])) --y;
        if (fits) {
          words_.push_back({w, std::string_view(buf_ + b + x, y - x)});
        } else {
          std::string& lower = spill_.emplace_back(w.substr(x, y - x));
          for (char& c : lower) c = AsciiLower(c);
          words_.push_back({w, lower});
        }
      } else {
        words_.push_back({w, spill_.emplace_back(LineKey(w))});
      }
    }
  }
  Words(const Words&) = delete;
  Words& operator=(const Words&) = delete;

  std::size_t size() const { return words_.size(); }
  bool empty() const { return words_.empty(); }
  const WordSpan& operator[](std::size_t i) const { return words_[i]; }
  const WordSpan* begin() const { return words_.begin(); }
  const WordSpan* end() const { return words_.end(); }

 private:
  SmallVec<WordSpan, 16> words_;
  char buf_[192];
  std::list<std::string> spill_;
};

// Words(s).size() without the keys.
std::size_t CountWords(std::string_view s) {
  std::size_t n = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && WordSeparator(s[i])) ++i;
    std::size_t b = i;
    while (i < s.size() && !WordSeparator(s[i])) ++i;
    n += i > b;
  }
  return n;
}

bool IsTimeOrZone(std::string_view w) {
  static const char* kZones[] = {"gmt", "utc", "bst", "cet", "cest", "eet", "eest", "est", "edt", "cst",
                                 "cdt", "pst", "pdt", "et", "pt", "ct", "mez", "mesz", "msk", "am",
                                 "pm", "a.m", "p.m", "h", "uhr", "z"};
  for (const char* z : kZones) {
    if (w == z) return true;
  }
  // 14:05, 2.30pm, 10h30, +0000
  bool digit = false;
  for (char c : w) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else if (c != ':' && c != '.' && c != '+' && c != 'h' && c != 'a' && c != 'p' && c != 'm') {
      return false;
    }
  }
  return digit;
}

// w's key is LineKey(w.text) (or equal to it for every particle).
bool IsNameWord(const WordSpan& w) {
  static constexpr std::string_view kParticles[] = {"de", "da", "van", "von", "der", "den", "del", "la", "le", "du",
                                                    "dos", "das", "al", "el", "bin", "ibn", "ter", "di", "and", "&"};
  if (w.text.empty()) return false;
  std::size_t i = 0;
  char32_t c = utf8::Decode(w.text, i);
  if (text::IsUpper(c)) return true;
  for (std::string_view p : kParticles) {
    if (w.lower == p) return true;
  }
  return false;
}

// AsNames as a view into s.
std::optional<std::string_view> NamesIn(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) {
    // keep the stop of a final initial ("J.") but not a sentence stop
    if (s.back() == '.' && s.size() >= 2 && text::IsUpper(static_cast<unsigned char>(s[s.size() - 2])) &&
        (s.size() == 2 || s[s.size() - 3] == ' ')) {
      break;
    }
    s.remove_suffix(1);
  }
  const Words words(s);
  if (words.empty() || words.size() > 8) return std::nullopt;
  int caps = 0;
  for (const auto& w : words) {
    if (!IsNameWord(w)) return std::nullopt;
    std::size_t i = 0;
    if (text::IsUpper(utf8::Decode(w.text, i))) ++caps;
    for (char c : w.text) {
      if (c >= '0' && c <= '9') return std::nullopt;
    }
  }
  if (caps == 0) return std::nullopt;
  return s;
}

}  // namespace

std::optional<std::string> AsNames(std::string_view s) {
  if (auto n = NamesIn(s)) return std::string(*n);
  return std::nullopt;
}

namespace {

enum class SegKind { kNone, kSource, kDate, kAmbiguousDate, kByline, kLabel, kShortName, kRecord, kHeadline };

// "05/06/2024": a date, but May or June cannot be told; it still marks the
// line as a date line (so the name beside it is read), with no value.
bool AmbiguousNumericDate(std::string_view seg) {
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int k = 0;
  char sep = 0;
  for (char c : seg) {
    if (c >= '0' && c <= '9') {
      parts[k] = parts[k] * 10 + (c - '0');
      if (++digits[k] > 4) return false;
    } else if ((c == '/' || c == '.' || c == '-') && k < 2 && digits[k] > 0 && (sep == 0 || sep == c)) {
      sep = c;
      ++k;
    } else {
      return false;
    }
  }
  return k == 2 && digits[0] <= 2 && digits[1] <= 2 && digits[2] == 4 && parts[0] >= 1 && parts[0] <= 12 &&
         parts[1] >= 1 && parts[1] <= 12 && parts[0] != parts[1];
}

struct SegResult {
  SegKind kind = SegKind::kNone;
  std::string_view value;  // a source, byline or short name: a view into the segment
  std::string iso;         // a date
  bool update = false;
};

// "by" or "by line": a label of one or two words, lowercased ASCII (the
// byline labels are ASCII) in a buffer; a longer first word is no label.
std::string_view LowerAscii(std::string_view s, char* buf, std::size_t cap) {
  if (s.size() > cap) return {};
  for (std::size_t k = 0; k < s.size(); ++k) buf[k] = AsciiLower(s[k]);
  return std::string_view(buf, s.size());
}

// The outlet a "Source:" value names: what comes before a comma, a dash,
// a bracket or " with " ("Lenhall Post with agencies", "Kessar Zeitung,
// print edition of 3 May"), without closing words that say who at the
// outlet wrote it ("Lenhall Post reporting", metadata.tsv source_tail).
// The whole value when nothing would be left.
std::string_view SourceName(std::string_view value, const CueLexicon& lex) {
  std::size_t end = value.size();
  for (std::string_view sep : {",", ";", "(", " - ", " \u2013 ", " \u2014 ", " | ", " / ", " with ", " via "}) {
    std::size_t at = value.find(sep);
    if (at != std::string_view::npos && at < end) end = at;
  }
  std::string_view name = Trim(value.substr(0, end));
  for (;;) {
    const std::size_t sp = name.rfind(' ');
    if (sp == std::string_view::npos) break;
    char buf[64];
    const std::string_view last = LowerAscii(name.substr(sp + 1), buf, sizeof buf);
    if (last.empty() || !lex.IsSourceTail(last)) break;
    name = Trim(name.substr(0, sp));
  }
  return name.empty() ? value : name;
}

SegResult ParseSegment(std::string_view seg, bool in_header, const CueLexicon& lex) {
  SegResult r;
  if (seg.empty()) {
    r.kind = SegKind::kLabel;
    return r;
  }
  KeyBuffer keys;
  // "Label: value"
  std::size_t colon = seg.find(':');
  if (colon != std::string_view::npos && colon > 0 && colon < 40) {
    std::string_view field = lex.LabelField(keys.Key(seg.substr(0, colon)));
    std::string_view value = Trim(seg.substr(colon + 1));
    if (field == "source" && !value.empty() && CountWords(value) <= 8) {
      r.kind = SegKind::kSource;
      r.value = SourceName(value, lex);
      return r;
    }
    // The fields of a record exported from a news archive (LexisNexis,
    // Nexis Uni): about the record, not the story. A long value is
    // likelier a sentence that happens to open with such a word.
    if (field == "record" && CountWords(value) <= 20) {
      r.kind = SegKind::kRecord;
      return r;
    }
    if (field == "headline" && !value.empty()) {
      r.kind = SegKind::kHeadline;
      r.value = value;
      return r;
    }
    if ((field == "byline" || field == "byline_role") && !value.empty()) {
      std::string_view names = value.substr(0, value.find(','));
      if (auto n = NamesIn(names)) {
        r.kind = SegKind::kByline;
        r.value = *n;
        return r;
      }
    }
  }
  if (AmbiguousNumericDate(seg)) {
    r.kind = SegKind::kAmbiguousDate;
    return r;
  }
  // A date with nothing but labels, weekdays and times around it (the
  // words before the date and after it: what splitting the two joined by
  // a space would give).
  if (auto d = FindDate(seg)) {
    bool ok = true, update = false;
    for (std::string_view part : {seg.substr(0, d->begin), seg.substr(d->end)}) {
      const Words words(part);
      for (const auto& w : words) {
        std::string_view lw = w.lower;
        if (lw.empty()) continue;
        if (lw == "updated" || lw == "last" || lw == "modified") update = true;
        if (!lex.LabelField(lw).empty() || WeekdayNumber(lw) || IsTimeOrZone(lw) || lw == "on" ||
            lw == "at" || lw == "first" || lw == "last" || lw == "updated" || lw == "modified") {
          continue;
        }
        ok = false;
        break;
      }
      if (!ok) break;
    }
    if (ok) {
      r.kind = SegKind::kDate;
      r.iso = std::move(d->iso);
      r.update = update;
      return r;
    }
  }
  // "By Anna Lindqvist, Diplomatic Correspondent"
  const Words words(seg);
  if (words.size() >= 2 && words.size() <= 15) {
    std::string_view first = words[0].lower;
    char two_buf[64];
    std::string_view two;
    if (first.size() + 1 + words[1].lower.size() <= sizeof two_buf) {
      std::memcpy(two_buf, first.data(), first.size());
      two_buf[first.size()] = ' ';
      std::memcpy(two_buf + first.size() + 1, words[1].lower.data(), words[1].lower.size());
      two = std::string_view(two_buf, first.size() + 1 + words[1].lower.size());
    }
    std::size_t skip = 0;
    // A pair too long for the buffer is no label either (labels are short).
    // A two-word label needs a name after it: "Written by" alone read the
    // word past the last one.
    if (!two.empty() && words.size() > 2 && lex.LabelField(two) == "byline") {
      skip = 2;
    } else if (lex.LabelField(first) == "byline" && (words[0].text == "By" || words[0].text == "BY" ||
                                                    words[0].text == "by" || words[0].text.size() > 2)) {
      skip = 1;
    }
    if (skip) {
      std::string_view rest = seg.substr(static_cast<std::size_t>(words[skip].text.data() - seg.data()));
      std::string_view names = rest.substr(0, rest.find(','));
      // "and" between names is fine; " in City" ends the names.
      std::size_t in = names.find(" in ");
      if (in != std::string_view::npos) names = names.substr(0, in);
      if (auto n = NamesIn(names)) {
        r.kind = SegKind::kByline;
        r.value = *n;
        return r;
      }
    }
  }
  // The segment's key, needed only by the two tests below and only for
  // segments of a few words: computed when one of them asks (the segments
  // that get this far are mostly the short sentences at an article's
  // edges, too long for either).
  std::string_view key;
  bool keyed = false;
  const auto segment_key = [&]() {
    if (!keyed) key = keys.Key(seg);
    keyed = true;
    return key;
  };
  // "Anna Lindqvist, Diplomatic Correspondent" at the top of an article.
  if (in_header && words.size() >= 2 && words.size() <= 8 && !segment_key().empty() && key.back() != '.') {
    bool role = false;
    for (const auto& w : words) {
      if (lex.LabelField(w.lower) == "byline_role") role = true;
    }
    std::size_t comma = seg.find(',');
    if (role && comma != std::string_view::npos) {
      if (auto n = NamesIn(seg.substr(0, comma))) {
        r.kind = SegKind::kByline;
        r.value = *n;
        return r;
      }
    }
  }
  if (words.size() <= 3 && !lex.LabelField(segment_key()).empty()) {
    r.kind = SegKind::kLabel;
    return r;
  }
  if (words.size() <= 4 && NamesIn(seg)) {
    r.kind = SegKind::kShortName;  // an outlet or place next to other metadata
    r.value = seg;
  }
  return r;
}

}  // namespace

std::optional<MetadataLine> ParseMetadataLine(std::string_view line, bool in_header,
                                              const CueLexicon& lex) {
  // Metadata lines are short: a cheap reject keeps body text off this path.
  if (line.size() > 200) return std::nullopt;
  // A line is metadata only if some part is a date (needs a digit), a
  // "Label: value" (needs a colon) or a byline (starts with a byline label,
  // or, at the top, names a role after a comma).
  bool digit = false, colon = false, comma = false;
  int spaces = 0;
  std::size_t scanned = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: the classes from compare masks, the blanks
  // from a population count.
  for (; scanned + 16 <= line.size(); scanned += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + scanned));
    const auto mask = [](__m128i x) { return static_cast<unsigned>(_mm_movemask_epi8(x)); };
    const auto eq = [&v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    // Signed compares: bytes above 0x7F are negative, no digit.
    digit |= mask(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)))) != 0;
    colon |= mask(eq(':')) != 0;
    comma |= mask(eq(',')) != 0;
    spaces += Popcount64(mask(eq(' ')));
  }
#endif
  for (; scanned < line.size(); ++scanned) {
    const char c = line[scanned];
    digit |= c >= '0' && c <= '9';
    colon |= c == ':';
    comma |= c == ',';
    spaces += c == ' ';
  }
  if (spaces > 16) return std::nullopt;
  // The segments, split once for the byline test and the parse below.
  SmallVec<std::string_view, 8> segments;
  Segments(line, segments);
  if (!digit && !colon && !(in_header && comma)) {
    bool byline_start = false;
    // Byline labels are short ASCII: a longer first word or pair is none.
    char buf[64];
    for (std::string_view seg : segments) {
      std::size_t sp = seg.find(' ');
      std::string_view field = lex.LabelField(LowerAscii(seg.substr(0, sp), buf, sizeof buf));
      if (field == "byline" || field == "byline_role") byline_start = true;
      if (sp != std::string_view::npos) {
        std::size_t sp2 = seg.find(' ', sp + 1);
        if (lex.LabelField(LowerAscii(seg.substr(0, sp2), buf, sizeof buf)) == "byline") byline_start = true;
      }
    }
    if (!byline_start) return std::nullopt;
  }
  MetadataLine m;
  bool any = false;
  for (std::string_view seg : segments) {
    SegResult r = ParseSegment(seg, in_header, lex);
    if (r.kind == SegKind::kNone && in_header) {
      // "Outlet, 12 January 2022": a name and a date with only a comma
      // between them. The date counts; the name does not become the
      // outlet, since "City, 12 January 2022" has the same shape.
      // The date is parsed first and the name only beside a date; a part
      // without a year is no date (most segments here are short sentences
      // with a comma, and neither part needs parsing).
      std::size_t at = seg.find(", ");
      if (at != std::string_view::npos && HasYear(seg.substr(at + 1))) {
        SegResult date = ParseSegment(Trim(seg.substr(at + 1)), in_header, lex);
        if (date.kind == SegKind::kDate &&
            ParseSegment(Trim(seg.substr(0, at)), in_header, lex).kind == SegKind::kShortName) {
          r = std::move(date);
        }
      }
    }
    switch (r.kind) {
      case SegKind::kNone:
        return std::nullopt;
      case SegKind::kSource:
        if (!m.outlet) m.outlet = std::string(r.value);
        if (!m.why) m.why = "metadata: source";
        any = true;
        break;
      case SegKind::kDate:
        if (!m.date) {
          m.date = std::move(r.iso);
          m.date_is_update = r.update;
        }
        if (!m.why) m.why = "metadata: date";
        any = true;
        break;
      case SegKind::kAmbiguousDate:
        if (!m.why) m.why = "metadata: date";
        any = true;
        break;
      case SegKind::kByline:
        if (!m.author) m.author = std::string(r.value);
        if (!m.why || std::string_view(m.why) == "metadata: date") m.why = "metadata: byline";
        any = true;
        break;
      case SegKind::kShortName:
        if (!m.name_beside) m.name_beside = std::string(r.value);
        break;
      case SegKind::kRecord:
        if (!m.why) m.why = "metadata: archive field";
        any = true;
        break;
      case SegKind::kHeadline:
        if (!m.title) m.title = std::string(r.value);
        m.why = "title";
        any = true;
        break;
      case SegKind::kLabel:
        break;
    }
  }
  if (!any) return std::nullopt;
  if (m.author) m.author = StripHonorifics(*m.author);
  return m;
}

std::string StripHonorifics(std::string_view name) {
  static const char* kHonorifics[] = {"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir",
                                      "dame", "rev", "fr"};
  std::string_view s = Trim(name);
  KeyBuffer keys;
  for (;;) {
    std::size_t sp = s.find(' ');
    if (sp == std::string_view::npos) break;
    const std::string_view first = keys.Key(s.substr(0, sp));
    bool hon = false;
    for (const char* h : kHonorifics) hon = hon || first == h;
    if (!hon) break;
    s = Trim(s.substr(sp + 1));
  }
  return std::string(s);
}

namespace {
// Where line's name part ends: its first ",", " \u2013 ", " \u2014 ", " - ",
// " | " or " \u00b7 ", or its end. One pass, where a search for each
// separator stopped at every blank.
std::size_t FirstBrandSeparator(std::string_view line) {
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t n = line.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] == ',') return i;
    if (p[i] != ' ' || i + 2 >= n) continue;
    const unsigned char b = p[i + 1];
    if ((b == '-' || b == '|') && p[i + 2] == ' ') return i;
    if (b == 0xE2 && i + 4 < n && p[i + 2] == 0x80 && (p[i + 3] == 0x93 || p[i + 3] == 0x94) && p[i + 4] == ' ') {
      return i;
    }
    if (b == 0xC2 && i + 3 < n && p[i + 2] == 0xB7 && p[i + 3] == ' ') return i;
  }
  return n;
}
}  // namespace

std::optional<std::string> BrandLine(std::string_view line, const CueLexicon& lex) {
  if (line.size() > 120) return std::nullopt;
  return BrandLine(line, lex, Features(line));
}

std::optional<std::string> BrandLine(std::string_view line, const CueLexicon& lex, const LineFeatures& f) {
  if (line.size() > 120) return std::nullopt;
  if (f.words < 1 || f.words > 8 || f.ends_terminal) return std::nullopt;
  // Split at commas and separators; the first part is the name.
  std::optional<std::string> name = AsNames(line.substr(0, FirstBrandSeparator(line)));
  if (!name) return std::nullopt;
  for (const auto& w : Words(line)) {
    if (lex.IsOutletWord(w.lower)) return name;
  }
  return std::nullopt;
}

namespace {

// True if line contains "\u00a9", "opyright", "OPYRIGHT", "ights reserved"
// or "IGHTS RESERVED". One pass that stops only at the rarer byte each of
// them holds at a known place ('y' or 'Y' third, 'v' or 'V' twelfth, the
// sign's lead byte first), where five substring searches each stopped at
// every 'o' or 'i' of the line (6% of the plain-text first stage's time).
bool MayNameCopyright(std::string_view line) {
  const auto at = [line](std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    switch (c) {
      case 'y': return i >= 2 && line.substr(i - 2, 8) == "opyright";
      case 'Y': return i >= 2 && line.substr(i - 2, 8) == "OPYRIGHT";
      case 'v': return i >= 11 && line.substr(i - 11, 14) == "ights reserved";
      case 'V': return i >= 11 && line.substr(i - 11, 14) == "IGHTS RESERVED";
      case 0xC2: return line.substr(i, 2) == "\u00a9";
      default: return false;
    }
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= line.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
    const auto eq = [&v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    // 'y' and 'Y', 'v' and 'V' differ in the 0x20 bit only.
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(folded, _mm_set1_epi8('y')),
                                                  _mm_cmpeq_epi8(folded, _mm_set1_epi8('v'))),
                                     eq(static_cast<char>(0xC2)));
    for (auto m = static_cast<unsigned>(_mm_movemask_epi8(hit)); m != 0; m &= m - 1) {
      if (at(i + static_cast<std::size_t>(std::countr_zero(m)))) return true;
    }
  }
#endif
  for (; i < line.size(); ++i) {
    if (at(i)) return true;
  }
  return false;
}

// "Copyright (c) 2022 X Media Group. All rights reserved." -> "X".
// key is LineKey(line) when the caller has it (null: computed here).
std::optional<std::string> CopyrightHolder(std::string_view line, const std::string_view* key_given,
                                           const CueLexicon& lex) {
  if (line.size() > 300) return std::nullopt;
  if (!MayNameCopyright(line)) return std::nullopt;
  std::string own;
  if (!key_given) own = LineKey(line);
  const std::string_view key = key_given ? *key_given : std::string_view(own);
  if (key.find("copyright") == std::string_view::npos && line.find("\u00a9") == std::string_view::npos &&
      key.find("all rights reserved") == std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view s = line;
  // Keep the words that are neither "copyright", the sign, years nor the
  // reservation clause.
  std::vector<std::string_view> kept;
  std::size_t i = 0;
  std::string stop;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '.' || s[i] == ',' || s[i] == '(' || s[i] == ')')) ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '.' && s[i] != ',') ++i;
    if (i == b) continue;
    std::string_view w = s.substr(b, i - b);
    std::string lw = LineKey(w);
    if (lw == "all" || lw == "rights" || lw == "reserved") break;
    if (lw == "copyright" || w == "\u00a9" || lw == "c" || lw.empty()) continue;
    bool year = lw.size() == 4 && std::all_of(lw.begin(), lw.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (year) continue;
    if (w.starts_with("\u00a9")) {
      w.remove_prefix(2);
      if (w.empty()) continue;
    }
    kept.push_back(w);
  }
  // Drop company suffixes from the end.
  for (bool again = true; again && !kept.empty();) {
    again = false;
    for (const std::string& suf : lex.CompanySuffixes()) {
      std::size_t n = 1 + static_cast<std::size_t>(std::count(suf.begin(), suf.end(), ' '));
      if (kept.size() <= n) continue;
      std::string tail;
      for (std::size_t k = kept.size() - n; k < kept.size(); ++k) {
        if (!tail.empty()) tail += ' ';
        tail += LineKey(kept[k]);
      }
      if (tail == suf) {
        kept.resize(kept.size() - n);
        again = true;
        break;
      }
    }
  }
  if (kept.empty() || kept.size() > 6) return std::nullopt;
  std::string name;
  for (auto w : kept) {
    if (!name.empty()) name += ' ';
    name += w;
  }
  return AsNames(name);
}
}  // namespace

std::optional<std::string> FindOutlet(const std::vector<std::string_view>& lines, const CueLexicon& lex,
                                      const std::vector<std::optional<MetadataLine>>* parsed,
                                      const std::vector<std::string_view>* keys,
                                      const std::vector<LineFeatures>* features) {
  const std::size_t n = lines.size();
  auto near_edge = [n](std::size_t i) { return i < 12 || i + 8 >= n; };
  std::optional<std::string> more_from, beside, brand;
  // The lines the copyright reading may look at, in order. It is the last
  // resort, so it runs after the loop and only when nothing above it named
  // the outlet: run on every edge line as the loop met them, it scanned
  // lines whose answer was then thrown away. At most 20 lines are near an
  // edge (12 at the top, 8 at the bottom).
  std::size_t holder_lines[20];
  std::size_t holder_count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view line = lines[i];
    if (line.size() > 300 || !near_edge(i)) continue;
    // The caller's parse is read where it lies (a copy of its strings per
    // edge line cost more than the lookups).
    std::optional<MetadataLine> own;
    if (!parsed) own = ParseMetadataLine(line, i < 12, lex);
    if (const std::optional<MetadataLine>& m = parsed ? (*parsed)[i] : own) {
      if (m->outlet) return m->outlet;
      if (m->name_beside && !beside && i < 12) beside = m->name_beside;
      // "Outlet, 12 January 2022" parses as a date alone; the brand check
      // below still reads the name.
      if (m->name_beside || !m->date) continue;
    }
    if (!more_from && (keys ? (*keys)[i] : std::string_view(LineKey(line))).starts_with("more from ")) {
      std::string_view rest = Trim(line.substr(10));
      while (!rest.empty() && (rest.back() == ':' || rest.back() == '.')) rest.remove_suffix(1);
      if (auto name = AsNames(rest); name && CountWords(*name) <= 6) more_from = name;
    }
    if (!brand && i >= 1 && i < 8) brand = features ? BrandLine(line, lex, (*features)[i]) : BrandLine(line, lex);
    holder_lines[holder_count++] = i;
  }
  if (more_from) return more_from;
  if (beside) return beside;
  if (brand) return brand;
  for (std::size_t k = 0; k < holder_count; ++k) {
    const std::size_t i = holder_lines[k];
    if (auto holder = CopyrightHolder(lines[i], keys ? &(*keys)[i] : nullptr, lex)) return holder;
  }
  return std::nullopt;
}

}  // namespace sitrep::clean
