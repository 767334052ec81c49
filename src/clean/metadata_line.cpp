#include "clean/metadata_line.h"

#include <algorithm>
#include <vector>

#include "clean/dates.h"
#include "clean/lines.h"
#include "core/utf8.h"
#include "text/chars.h"

namespace sitrep::clean {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits on " | ", "|", " · ", "•", and dashes with spaces around them.
std::vector<std::string_view> Segments(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0, i = 0;
  while (i < line.size()) {
    std::size_t k = i;
    char32_t c = utf8::Decode(line, k);
    bool sep = c == '|' || c == 0x00B7 || c == 0x2022 || c == 0x25CF;
    if (!sep && (c == '-' || c == 0x2013 || c == 0x2014)) {
      sep = i > 0 && line[i - 1] == ' ' && k < line.size() && line[k] == ' ';
    }
    if (sep) {
      out.push_back(Trim(line.substr(start, i - start)));
      start = k;
    }
    i = k;
  }
  out.push_back(Trim(line.substr(start)));
  return out;
}

struct WordSpan {
  std::string_view text;
  std::string lower;
};

// ASCII-only lowercasing and alphanumeric test: SplitWords takes this path
// only for all-ASCII words, and these do not go through the C locale.
inline bool AsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::vector<WordSpan> SplitWords(std::string_view s) {
  std::vector<WordSpan> out;
  out.reserve(8);
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == ';')) ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != ';') ++i;
    if (i > b) {
      std::string_view w = s.substr(b, i - b);
      bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      if (ascii) {
        // Same as LineKey for ASCII, without its allocations.
        std::size_t x = 0, y = w.size();
        while (x < y && !AsciiAlnum(w[x])) ++x;
        while (y > x && !AsciiAlnum(w[y - 1])) --y;
        std::string lower(w.substr(x, y - x));
        for (char& c : lower) c = AsciiLower(c);
        out.push_back({w, std::move(lower)});
      } else {
        out.push_back({w, LineKey(w)});
      }
    }
  }
  return out;
}

bool IsTimeOrZone(const std::string& w) {
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

bool IsNameWord(std::string_view w) {
  static const char* kParticles[] = {"de", "da", "van", "von", "der", "den", "del", "la", "le", "du",
                                     "dos", "das", "al", "el", "bin", "ibn", "ter", "di", "and", "&"};
  if (w.empty()) return false;
  std::size_t i = 0;
  char32_t c = utf8::Decode(w, i);
  if (text::IsUpper(c)) return true;
  std::string lw = LineKey(w);
  for (const char* p : kParticles) {
    if (lw == p) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> AsNames(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) {
    // keep the stop of a final initial ("J.") but not a sentence stop
    if (s.back() == '.' && s.size() >= 2 && text::IsUpper(static_cast<unsigned char>(s[s.size() - 2])) &&
        (s.size() == 2 || s[s.size() - 3] == ' ')) {
      break;
    }
    s.remove_suffix(1);
  }
  auto words = SplitWords(s);
  if (words.empty() || words.size() > 8) return std::nullopt;
  int caps = 0;
  for (const auto& w : words) {
    if (!IsNameWord(w.text)) return std::nullopt;
    std::size_t i = 0;
    if (text::IsUpper(utf8::Decode(w.text, i))) ++caps;
    for (char c : w.text) {
      if (std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    }
  }
  if (caps == 0) return std::nullopt;
  return std::string(s);
}

namespace {

enum class SegKind { kNone, kSource, kDate, kAmbiguousDate, kByline, kLabel, kShortName };

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
  std::string value;
  bool update = false;
};

SegResult ParseSegment(std::string_view seg, bool in_header, const CueLexicon& lex) {
  SegResult r;
  if (seg.empty()) {
    r.kind = SegKind::kLabel;
    return r;
  }
  // "Label: value"
  std::size_t colon = seg.find(':');
  if (colon != std::string_view::npos && colon > 0 && colon < 40) {
    std::string label = LineKey(seg.substr(0, colon));
    std::string_view field = lex.LabelField(label);
    std::string_view value = Trim(seg.substr(colon + 1));
    if (field == "source" && !value.empty() && SplitWords(value).size() <= 8) {
      r.kind = SegKind::kSource;
      r.value = std::string(value);
      return r;
    }
    if ((field == "byline" || field == "byline_role") && !value.empty()) {
      std::string_view names = value.substr(0, value.find(','));
      if (auto n = AsNames(names)) {
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
  // A date with nothing but labels, weekdays and times around it.
  if (auto d = FindDate(seg)) {
    std::string rest = std::string(seg.substr(0, d->begin)) + " " + std::string(seg.substr(d->end));
    bool ok = true, update = false;
    for (const auto& w : SplitWords(rest)) {
      std::string lw = w.lower;
      if (lw.empty()) continue;
      if (lw == "updated" || lw == "last" || lw == "modified") update = true;
      if (!lex.LabelField(lw).empty() || WeekdayNumber(lw) || IsTimeOrZone(lw) || lw == "on" ||
          lw == "at" || lw == "first" || lw == "last" || lw == "updated" || lw == "modified") {
        continue;
      }
      ok = false;
      break;
    }
    if (ok) {
      r.kind = SegKind::kDate;
      r.value = d->iso;
      r.update = update;
      return r;
    }
  }
  // "By Anna Lindqvist, Diplomatic Correspondent"
  auto words = SplitWords(seg);
  if (words.size() >= 2 && words.size() <= 15) {
    std::string first = words[0].lower;
    std::string two = words.size() >= 2 ? first + " " + words[1].lower : first;
    std::size_t skip = 0;
    if (lex.LabelField(two) == "byline") {
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
      if (auto n = AsNames(names)) {
        r.kind = SegKind::kByline;
        r.value = *n;
        return r;
      }
    }
  }
  // The segment's key, needed only from here on (most segments that get
  // this far are short; the ones that returned above never need it).
  const std::string key = LineKey(seg);
  // "Anna Lindqvist, Diplomatic Correspondent" at the top of an article.
  if (in_header && words.size() >= 2 && words.size() <= 8 && !key.empty() && key.back() != '.') {
    bool role = false;
    for (const auto& w : words) {
      if (lex.LabelField(w.lower) == "byline_role") role = true;
    }
    std::size_t comma = seg.find(',');
    if (role && comma != std::string_view::npos) {
      if (auto n = AsNames(seg.substr(0, comma))) {
        r.kind = SegKind::kByline;
        r.value = *n;
        return r;
      }
    }
  }
  if (words.size() <= 3 && !lex.LabelField(key).empty()) {
    r.kind = SegKind::kLabel;
    return r;
  }
  if (words.size() <= 4 && AsNames(seg)) {
    r.kind = SegKind::kShortName;  // an outlet or place next to other metadata
    r.value = std::string(seg);
  }
  return r;
}

}  // namespace

std::optional<MetadataLine> ParseMetadataLine(std::string_view line, bool in_header,
                                              const CueLexicon& lex) {
  // Metadata lines are short: a cheap reject keeps body text off this path.
  if (line.size() > 200 || std::count(line.begin(), line.end(), ' ') > 16) return std::nullopt;
  // A line is metadata only if some part is a date (needs a digit), a
  // "Label: value" (needs a colon) or a byline (starts with a byline label,
  // or, at the top, names a role after a comma).
  bool digit = false, colon = false, comma = false;
  for (char c : line) {
    digit |= c >= '0' && c <= '9';
    colon |= c == ':';
    comma |= c == ',';
  }
  // The segments, split once for the byline test and the parse below.
  const std::vector<std::string_view> segments = Segments(line);
  if (!digit && !colon && !(in_header && comma)) {
    bool byline_start = false;
    for (std::string_view seg : segments) {
      std::size_t sp = seg.find(' ');
      std::string first(seg.substr(0, sp));
      for (char& c : first) c = AsciiLower(c);
      std::string_view field = lex.LabelField(first);
      if (field == "byline" || field == "byline_role") byline_start = true;
      if (sp != std::string_view::npos) {
        std::size_t sp2 = seg.find(' ', sp + 1);
        std::string two(seg.substr(0, sp2));
        for (char& c : two) c = AsciiLower(c);
        if (lex.LabelField(two) == "byline") byline_start = true;
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
      std::size_t at = seg.find(", ");
      if (at != std::string_view::npos) {
        SegResult name = ParseSegment(Trim(seg.substr(0, at)), in_header, lex);
        SegResult date = ParseSegment(Trim(seg.substr(at + 1)), in_header, lex);
        if (date.kind == SegKind::kDate && name.kind == SegKind::kShortName) r = std::move(date);
      }
    }
    switch (r.kind) {
      case SegKind::kNone:
        return std::nullopt;
      case SegKind::kSource:
        if (!m.outlet) m.outlet = r.value;
        if (!m.why) m.why = "metadata: source";
        any = true;
        break;
      case SegKind::kDate:
        if (!m.date) {
          m.date = r.value;
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
        if (!m.author) m.author = r.value;
        if (!m.why || std::string_view(m.why) == "metadata: date") m.why = "metadata: byline";
        any = true;
        break;
      case SegKind::kShortName:
        if (!m.name_beside) m.name_beside = r.value;
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
  for (;;) {
    std::size_t sp = s.find(' ');
    if (sp == std::string_view::npos) break;
    std::string first = LineKey(s.substr(0, sp));
    bool hon = false;
    for (const char* h : kHonorifics) hon = hon || first == h;
    if (!hon) break;
    s = Trim(s.substr(sp + 1));
  }
  return std::string(s);
}

std::optional<std::string> BrandLine(std::string_view line, const CueLexicon& lex) {
  if (line.size() > 120) return std::nullopt;
  LineFeatures f = Features(line);
  if (f.words < 1 || f.words > 8 || f.ends_terminal) return std::nullopt;
  // Split at commas and separators; the first part is the name.
  std::size_t cut = line.size();
  for (std::string_view sep : {",", " \u2013 ", " \u2014 ", " - ", " | ", " \u00b7 "}) {
    std::size_t p = line.find(sep);
    if (p != std::string_view::npos && p < cut) cut = p;
  }
  std::optional<std::string> name = AsNames(line.substr(0, cut));
  if (!name) return std::nullopt;
  for (const auto& w : SplitWords(line)) {
    std::string lw = w.lower;
    if (lex.IsOutletWord(lw)) return name;
  }
  return std::nullopt;
}

namespace {
// "Copyright (c) 2022 X Media Group. All rights reserved." -> "X".
std::optional<std::string> CopyrightHolder(std::string_view line, const CueLexicon& lex) {
  if (line.size() > 300) return std::nullopt;
  if (line.find("\u00a9") == std::string_view::npos && line.find("opyright") == std::string_view::npos &&
      line.find("OPYRIGHT") == std::string_view::npos && line.find("ights reserved") == std::string_view::npos &&
      line.find("IGHTS RESERVED") == std::string_view::npos) {
    return std::nullopt;
  }
  std::string key = LineKey(line);
  if (key.find("copyright") == std::string::npos && line.find("\u00a9") == std::string_view::npos &&
      key.find("all rights reserved") == std::string::npos) {
    return std::nullopt;
  }
  std::string_view s = line;
  std::size_t arr = LineKey(s).find("all rights reserved");
  (void)arr;
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
                                      const std::vector<std::string_view>* keys) {
  const std::size_t n = lines.size();
  auto near_edge = [n](std::size_t i) { return i < 12 || i + 8 >= n; };
  std::optional<std::string> more_from, beside, brand, holder;
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view line = lines[i];
    if (line.size() > 300 || !near_edge(i)) continue;
    if (auto m = parsed ? (*parsed)[i] : ParseMetadataLine(line, i < 12, lex)) {
      if (m->outlet) return m->outlet;
      if (m->name_beside && !beside && i < 12) beside = m->name_beside;
      // "Outlet, 12 January 2022" parses as a date alone; the brand check
      // below still reads the name.
      if (m->name_beside || !m->date) continue;
    }
    if (!more_from && (keys ? (*keys)[i] : std::string_view(LineKey(line))).starts_with("more from ")) {
      std::string_view rest = Trim(line.substr(10));
      while (!rest.empty() && (rest.back() == ':' || rest.back() == '.')) rest.remove_suffix(1);
      if (auto name = AsNames(rest); name && SplitWords(*name).size() <= 6) more_from = name;
    }
    if (!brand && i >= 1 && i < 8) brand = BrandLine(line, lex);
    if (!holder) holder = CopyrightHolder(line, lex);
  }
  if (more_from) return more_from;
  if (beside) return beside;
  if (brand) return brand;
  return holder;
}

}  // namespace sitrep::clean
