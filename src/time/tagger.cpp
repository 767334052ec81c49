// The time expression matcher: a hand-written scanner splits the text into
// words, numbers and punctuation (looking every word up once in a hash map
// of the lexicons), then small recursive-descent rules match expressions
// left to right, longest match first.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "core/error.h"
#include "core/resources.h"
#include "time/time.h"

namespace sitrep {
namespace {

enum class Unit : std::uint8_t {
  kNone, kSecond, kMinute, kHour, kDay, kWeek, kWeekend, kFortnight, kMonth, kQuarter, kYear,
  kDecade, kCentury
};
enum class Rel : std::uint8_t { kNone, kPrev, kNext, kThis, kLatest, kAgo, kEarlier, kLater, kSame };
enum class ModKind : std::uint8_t { kNone, kPoint, kAmount, kBoth, kFiller };

// Everything the lexicons say about one lower-case word.
struct Word {
  std::uint8_t month = 0;
  std::uint8_t month_kind = 0;  // 0 full, 1 abbr, 2 ambiguous
  std::uint8_t weekday = 0;     // ISO 1..7
  bool weekday_abbr = false;
  std::string season;
  int cardinal = -1;
  int ordinal = -1;
  Unit unit = Unit::kNone;
  bool plural = false;
  Rel rel = Rel::kNone;
  bool deictic = false;
  int deictic_offset = 0;
  std::string deictic_pod;
  std::string ref;
  bool ref_needs_the = false;
  std::string pod;  // "MO" ... or "12:00"
  std::string set_value;
  int tense = 0;  // -1 past, +1 future, 2 future when "to" follows ("set to resume")
  ModKind mod = ModKind::kNone;  // single-word modifier
  bool phrase_start = false;     // first word of a multi-word modifier or holiday
  std::vector<std::uint16_t> phrase_ids;  // the phrases it starts, longest first
};

struct Phrase {
  std::vector<std::string> words;
  ModKind mod = ModKind::kNone;
  // Holidays: a fixed day (month, day), the nth weekday of a month
  // (month, nth; nth -1 is the last; weekday; offset in days after it), or
  // a day counted from Easter Sunday (easter; offset).
  unsigned month = 0, day = 0;
  int nth = 0;
  unsigned weekday = 0;
  int offset = 0;
  bool easter = false;
  bool holiday() const { return month != 0 || easter; }
  // Vague phrases (vague.tsv): their type and value, and the words of which
  // one must come right before them (none: no condition).
  const char* vague_type = nullptr;
  std::string vague_value;
  std::vector<std::string> vague_after;
};

const char* const kMonthNames[] = {"",     "January", "February", "March",     "April",
                                   "May",  "June",    "July",     "August",    "September",
                                   "October", "November", "December"};
const char* const kWeekdayNames[] = {"",         "Monday", "Tuesday", "Wednesday",
                                     "Thursday", "Friday", "Saturday", "Sunday"};

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    auto p = line.find('\t');
    out.push_back(line.substr(0, p));
    if (p == std::string_view::npos) break;
    line.remove_prefix(p + 1);
  }
  return out;
}

std::vector<std::string> SplitWords(std::string_view s) {
  // Matches the scanner, which splits "year's" into "year", "'", "s".
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\'' && !cur.empty()) {
      out.push_back(cur), cur.clear();
      out.push_back("'");
    } else if (c == ' ') {
      if (!cur.empty()) out.push_back(cur), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

int ParseIntOrThrow(std::string_view s, std::string_view file) {
  if (s.empty()) SITREP_THROW(ConfigError, "time lexicon " << file << ": empty number");
  bool neg = s.front() == '-';
  if (neg) s.remove_prefix(1);
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') SITREP_THROW(ConfigError, "time lexicon " << file << ": bad number '" << s << "'");
    v = v * 10 + (c - '0');
  }
  return neg ? -v : v;
}

Unit UnitFromCode(std::string_view c, std::string_view file) {
  static const std::pair<const char*, Unit> kCodes[] = {
      {"S", Unit::kSecond}, {"MIN", Unit::kMinute}, {"H", Unit::kHour},      {"D", Unit::kDay},
      {"W", Unit::kWeek},   {"WE", Unit::kWeekend}, {"FN", Unit::kFortnight}, {"M", Unit::kMonth},
      {"Q", Unit::kQuarter}, {"Y", Unit::kYear},    {"DE", Unit::kDecade},   {"CE", Unit::kCentury}};
  for (auto& [code, u] : kCodes)
    if (c == code) return u;
  SITREP_THROW(ConfigError, "time lexicon " << file << ": unknown unit '" << c << "'");
}

}  // namespace

struct TimeTagger::Lexicon {
  std::unordered_map<std::string, Word> words;
  std::vector<Phrase> phrases;  // multi-word modifiers and holidays

  Word& At(std::string_view w) { return words[std::string(w)]; }

  // Lines of a data file split at tabs, each with at least `min_fields`.
  static std::vector<std::vector<std::string_view>> Rows(std::string_view file, size_t min_fields) {
    std::vector<std::vector<std::string_view>> rows;
    for (std::string_view line : DataLines(Resource(file))) {
      auto f = SplitTabs(line);
      if (f.size() < min_fields)
        SITREP_THROW(ConfigError, "time lexicon " << file << ": line '" << line << "' needs "
                                                  << min_fields << " tab-separated fields");
      rows.push_back(std::move(f));
    }
    return rows;
  }

  Lexicon() {
    for (auto& f : Rows("time/months.tsv", 3)) {
      Word& w = At(f[0]);
      w.month = static_cast<std::uint8_t>(ParseIntOrThrow(f[1], "months.tsv"));
      w.month_kind = f[2] == "abbr" ? 1 : f[2] == "ambiguous" ? 2 : 0;
    }
    for (auto& f : Rows("time/weekdays.tsv", 3)) {
      Word& w = At(f[0]);
      w.weekday = static_cast<std::uint8_t>(ParseIntOrThrow(f[1], "weekdays.tsv"));
      w.weekday_abbr = f[2] == "abbr";
    }
    for (auto& f : Rows("time/seasons.tsv", 2)) At(f[0]).season = std::string(f[1]);
    for (auto& f : Rows("time/numbers.tsv", 3)) {
      int v = ParseIntOrThrow(f[1], "numbers.tsv");
      if (f[2] == "ordinal") At(f[0]).ordinal = v;
      else At(f[0]).cardinal = v;
    }
    for (auto& f : Rows("time/units.tsv", 3)) {
      Word& w = At(f[0]);
      w.unit = UnitFromCode(f[1], "units.tsv");
      w.plural = f[2] == "plural";
    }
    for (auto& f : Rows("time/relative.tsv", 2)) {
      static const std::pair<const char*, Rel> kRoles[] = {
          {"PREV", Rel::kPrev},     {"NEXT", Rel::kNext},       {"THIS", Rel::kThis},
          {"LATEST", Rel::kLatest}, {"AGO", Rel::kAgo},         {"EARLIER", Rel::kEarlier},
          {"LATER", Rel::kLater},   {"SAME", Rel::kSame}};
      Rel r = Rel::kNone;
      for (auto& [code, rr] : kRoles)
        if (f[1] == code) r = rr;
      if (r == Rel::kNone) SITREP_THROW(ConfigError, "time lexicon relative.tsv: unknown role " << f[1]);
      At(f[0]).rel = r;
    }
    for (auto& f : Rows("time/deictic.tsv", 3)) {
      Word& w = At(f[0]);
      w.deictic = true;
      w.deictic_offset = ParseIntOrThrow(f[1], "deictic.tsv");
      if (f[2] != "-") w.deictic_pod = std::string(f[2]);
    }
    for (auto& f : Rows("time/references.tsv", 3)) {
      Word& w = At(f[0]);
      w.ref = std::string(f[1]);
      w.ref_needs_the = f[2] == "the";
    }
    for (auto& f : Rows("time/parts_of_day.tsv", 2)) At(f[0]).pod = std::string(f[1]);
    for (auto& f : Rows("time/sets.tsv", 2)) At(f[0]).set_value = std::string(f[1]);
    for (auto& f : Rows("time/tense_cues.tsv", 2)) {
      if (f[1] != "FUTURE" && f[1] != "PAST" && f[1] != "FUTURE_TO" && f[1] != "FUTURE_VERB")
        SITREP_THROW(ConfigError, "time lexicon tense_cues.tsv: unknown cue " << f[1]);
      At(f[0]).tense = f[1] == "FUTURE" ? 1 : f[1] == "FUTURE_TO" ? 2 : f[1] == "FUTURE_VERB" ? 3 : -1;
    }
    for (auto& f : Rows("time/modifiers.tsv", 2)) {
      ModKind k = f[1] == "POINT"    ? ModKind::kPoint
                  : f[1] == "AMOUNT" ? ModKind::kAmount
                  : f[1] == "BOTH"   ? ModKind::kBoth
                  : f[1] == "FILLER" ? ModKind::kFiller
                                     : ModKind::kNone;
      if (k == ModKind::kNone) SITREP_THROW(ConfigError, "time lexicon modifiers.tsv: unknown kind " << f[1]);
      auto ws = SplitWords(f[0]);
      if (ws.size() == 1) {
        At(ws[0]).mod = k;
      } else {
        At(ws[0]).phrase_start = true;
        Phrase p;
        p.words = ws;
        p.mod = k;
        phrases.push_back(std::move(p));
      }
    }
    for (auto& f : Rows("time/holidays.tsv", 2)) {
      auto ws = SplitWords(f[0]);
      Phrase p;
      p.words = ws;
      std::string_view spec = f[1];
      auto bad = [&] { SITREP_THROW(ConfigError, "time lexicon holidays.tsv: bad date rule " << spec); };
      auto offset = [&](std::string_view rest) {
        if (rest.empty()) return 0;
        if (rest[0] != '+' && rest[0] != '-') bad();
        int v = ParseIntOrThrow(rest.substr(1), "holidays.tsv");
        return rest[0] == '-' ? -v : v;
      };
      if (!spec.empty() && spec[0] == 'E') {
        // "E", "E-2": Easter Sunday and days counted from it.
        p.easter = true;
        p.offset = offset(spec.substr(1));
      } else if (spec.size() == 5 && spec[2] == '-') {
        // "12-25": a fixed day.
        p.month = static_cast<unsigned>(ParseIntOrThrow(spec.substr(0, 2), "holidays.tsv"));
        p.day = static_cast<unsigned>(ParseIntOrThrow(spec.substr(3, 2), "holidays.tsv"));
        if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31) bad();
      } else if (spec.size() >= 6 && spec[2] == '/' && spec[4] == '/') {
        // "11/4/4": the fourth Thursday of November; "05/L/1": the last
        // Monday of May; "11/1/1+1": the day after the first Monday.
        p.month = static_cast<unsigned>(ParseIntOrThrow(spec.substr(0, 2), "holidays.tsv"));
        p.nth = spec[3] == 'L' ? -1 : ParseIntOrThrow(spec.substr(3, 1), "holidays.tsv");
        p.weekday = static_cast<unsigned>(ParseIntOrThrow(spec.substr(5, 1), "holidays.tsv"));
        p.offset = offset(spec.substr(6));
        if (p.month < 1 || p.month > 12 || p.nth == 0 || p.nth > 5 || p.weekday < 1 || p.weekday > 7) bad();
      } else {
        bad();
      }
      At(ws[0]).phrase_start = true;
      phrases.push_back(std::move(p));
    }
    for (auto& f : Rows("time/vague.tsv", 4)) {
      auto ws = SplitWords(f[0]);
      Phrase p;
      p.words = ws;
      if (f[1] == "DATE") p.vague_type = "DATE";
      else if (f[1] == "DURATION") p.vague_type = "DURATION";
      else SITREP_THROW(ConfigError, "time lexicon vague.tsv: type must be DATE or DURATION: " << f[1]);
      p.vague_value = std::string(f[2]);
      if (f[3] != "-") {
        std::string_view rest = f[3];
        while (!rest.empty()) {
          auto bar = rest.find('|');
          p.vague_after.emplace_back(rest.substr(0, bar));
          if (bar == std::string_view::npos) break;
          rest.remove_prefix(bar + 1);
        }
      }
      At(ws[0]).phrase_start = true;
      phrases.push_back(std::move(p));
    }
    // Longest phrases first, so "christmas day" wins over "christmas".
    std::stable_sort(phrases.begin(), phrases.end(),
                     [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
    // Each phrase listed under its first word, so a match tries only those.
    for (size_t k = 0; k < phrases.size(); ++k) At(phrases[k].words[0]).phrase_ids.push_back(static_cast<std::uint16_t>(k));
  }

  const Word* Find(std::string_view w) const {
    if (w.size() > 16) return nullptr;
    // std::string of <= 16 chars stays in the small buffer, so no allocation.
    auto it = words.find(std::string(w));
    return it == words.end() ? nullptr : &it->second;
  }
};

namespace {

enum class K : std::uint8_t { kWord, kNum, kPunct };

struct Tok {
  std::uint32_t b = 0, e = 0;
  K kind = K::kPunct;
  bool cap = false;          // first letter upper case
  bool space_before = true;  // whitespace between this and the previous token
  bool newline_before = false;
  const Word* w = nullptr;
  std::string_view low;  // lower-case text
  long long num = -1;    // value of a digit run (up to 9 digits)
  std::uint8_t ndig = 0;
};

bool IsAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// A parsed duration amount: n units, or an unspecified number (n < 0).
struct Amount {
  size_t end = 0;
  long long n = -1;
  bool vague = false;
  // "two and a half", "half a", "a half": n and a half units.
  bool half = false;
  // A range of two counts joined by "to" or "or" ("two to six days"): the
  // first count, the token after it, and the token where the second starts.
  long long low = -1;
  size_t low_end = 0, high_begin = 0;
};

// One matched expression.
struct Match {
  size_t end = 0;  // one past the last token
  const char* type = "DATE";
  std::optional<std::string> value;
  bool mismatch = false;
  std::string detail;
  bool anchor = false;  // a day/month date later anaphora may refer to
  bool clock_day = false;  // a clock time on day `date` ("10 a.m. Thursday")
  CivilDate date{};
  int gran = 0;  // 3 day, 2 month, 1 year
  int quarter_year = 0, quarter = 0;
  // A reporting period longer than a quarter ("the nine months", "the 1988
  // period"): later "a year earlier" compares with that period, not with the
  // quarter named before it.
  bool long_period = false;
  // A range of durations that TimeML annotates as two expressions ("two to
  // six days" is "two", P2D, and "six days", P6D): the first one ends before
  // token split_end with value split_value; the second starts at split_begin.
  size_t split_end = 0, split_begin = 0;
  std::string split_value;
};

std::string Fmt(const char* f, int a, int b = 0, int c = 0) {
  char buf[48];
  std::snprintf(buf, sizeof buf, f, a, b, c);
  return buf;
}

std::string DayValue(CivilDate d) { return Fmt("%04d-%02d-%02d", d.year, static_cast<int>(d.month), static_cast<int>(d.day)); }
std::string MonthValue(int y, int m) { return Fmt("%04d-%02d", y, m); }
std::string YearValue(int y) { return Fmt("%04d", y); }

unsigned DaysIn(int y, unsigned m) {
  static const unsigned kDays[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m];
}

long long DayNumber(CivilDate d) {
  // Days since a fixed epoch (only differences matter).
  int y = d.year - (d.month <= 2);
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

void ShiftMonth(int& y, int& m, int delta) {
  int idx = y * 12 + (m - 1) + delta;
  y = idx / 12;
  m = idx % 12 + 1;
}

std::string SeasonFor(const std::string& code, int y) { return YearValue(y) + "-" + code; }

int SeasonStartMonth(const std::string& code) {
  if (code == "SP") return 3;
  if (code == "SU") return 6;
  if (code == "FA") return 9;
  return 12;  // WI
}

std::string DurationValue(Unit u, long long n) {
  std::string num = n < 0 ? "X" : std::to_string(n);
  switch (u) {
    case Unit::kSecond: return "PT" + num + "S";
    case Unit::kMinute: return "PT" + num + "M";
    case Unit::kHour: return "PT" + num + "H";
    case Unit::kDay: return "P" + num + "D";
    case Unit::kWeek: return "P" + num + "W";
    case Unit::kWeekend: return "P" + num + "WE";
    case Unit::kFortnight: return n < 0 ? "PXW" : "P" + std::to_string(2 * n) + "W";
    case Unit::kMonth: return "P" + num + "M";
    case Unit::kQuarter: return "P" + num + "Q";
    case Unit::kYear: return "P" + num + "Y";
    case Unit::kDecade: return "P" + num + "DE";
    case Unit::kCentury: return "P" + num + "CE";
    case Unit::kNone: break;
  }
  return "PX";
}

// The length of n and a half units as ISO 8601 writes it: a decimal
// fraction of the unit ("two and a half years" P2.5Y), and a half alone in
// the next smaller unit ("half an hour" PT30M, "half a year" P6M).
std::string HalfDurationValue(Unit u, long long n) {
  if (n == 0) {
    switch (u) {
      case Unit::kMinute: return "PT30S";
      case Unit::kHour: return "PT30M";
      case Unit::kDay: return "PT12H";
      case Unit::kFortnight: return "P1W";
      case Unit::kYear: return "P6M";
      case Unit::kDecade: return "P5Y";
      case Unit::kCentury: return "P50Y";
      default: break;
    }
  }
  if (u == Unit::kFortnight) return "P" + std::to_string(2 * n + 1) + "W";
  std::string v = DurationValue(u, n);
  // Insert ".5" before the unit letters: "P2Y" -> "P2.5Y".
  size_t k = v.size();
  while (k > 0 && !IsDigit(static_cast<unsigned char>(v[k - 1]))) --k;
  return v.substr(0, k) + ".5" + v.substr(k);
}

// The matcher for one text. Holds the token list and document state
// (the last quarter and date mentioned, for "a year earlier" and
// "the following month").
class Matcher {
 public:
  Matcher(const TimeTagger::Lexicon& lex, std::string_view text, std::optional<CivilDate> dct,
          const std::vector<Token>& atoks, const std::vector<Sentence>& sents)
      : L_(lex), text_(text), dct_(dct), atoks_(atoks), sents_(sents) {}

  TimeTags Run() {
    Scan();
    TimeTags out;
    size_t i = 0;
    while (i < t_.size()) {
      Match m;
      cur_ = i;
      if (Expr(i, m) && m.end > i) {
        if (m.split_end) {
          TimeExpr first;
          first.begin = t_[i].b;
          first.end = t_[m.split_end - 1].e;
          first.type = m.type;
          first.value = m.split_value;
          out.times.push_back(std::move(first));
          i = m.split_begin;
        }
        TimeExpr te;
        te.begin = t_[i].b;
        te.end = t_[m.end - 1].e;
        te.type = m.type;
        te.value = m.value;
        if (m.mismatch) out.inconsistencies.push_back({te.begin, te.end, "weekday_mismatch", m.detail});
        if (m.anchor) {
          anchor_ = m.date, anchor_gran_ = m.gran, anchor_tok_ = i, anchor_end_ = m.end;
          // "up from $3 million in 1988", "compared with September": a
          // comparison's base, which "the year"/"the month" do not mean;
          // they refer to the last date named that is not one.
          if (!ComparisonBase(i)) ref_ = m.date, ref_gran_ = m.gran, ref_tok_ = i;
        }
        if (m.gran && m.value && m.date.year) said_ = m.date, said_gran_ = m.gran;
        if (m.clock_day) clock_day_ = m.date, clock_end_ = m.end;
        if (m.quarter && ReportedQuarter(m, i))
          last_qy_ = m.quarter_year, last_q_ = m.quarter, long_period_ = false, last_q_tok_ = i;
        if (m.long_period || LongSpan(m, i)) long_period_ = true;
        out.times.push_back(std::move(te));
        i = m.end;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  // Whether a quarter just matched at token i becomes the one later
  // references ("the latest quarter", "a year ago") are counted from. A
  // quarter that is not over at the DCT does only when its clause is in the
  // past tense ("reported a decline in fourth-quarter earnings", a fiscal
  // quarter already closed); otherwise it is a forecast ("will result in a
  // fourth-quarter charge") and the quarter being reported is still the
  // previous one.
  bool ReportedQuarter(const Match& m, size_t i) const {
    if (!dct_) return true;
    int named = m.quarter_year * 4 + m.quarter - 1;
    int current = dct_->year * 4 + static_cast<int>(dct_->month - 1) / 3;
    return named < current || TenseAt(i) < 0;
  }

  // "the nine months", "the first six months", "the latest 12 months": a
  // results report's year-to-date or half-year figures, named after the
  // quarter. (Without "the" a count of months is only a length: "a bonus
  // of six months' pay".)
  bool LongSpan(const Match& m, size_t i) const {
    if (std::string_view(m.type) != "DURATION" || !m.value || !Is(i, "the")) return false;
    const std::string& v = *m.value;
    if (v.size() < 3 || v[0] != 'P' || v.back() != 'M') return false;
    int n = 0;
    for (size_t k = 1; k + 1 < v.size(); ++k) {
      if (!IsDigit(static_cast<unsigned char>(v[k]))) return false;
      n = n * 10 + (v[k] - '0');
    }
    return n >= 6;
  }

  // Whether the expression from token b to e dates a figure it is compared
  // with: "compared with a loss of $3 million last year", "down from $21.4
  // million last year", "from last year's $1.55 billion". A comparison word
  // must come before it in the sentence, with a number between them or
  // right after "'s".
  bool ComparedFigure(size_t b, size_t e) const {
    bool figure = Apos(e) && Is(e + 1, "s") && In(e + 2) &&
                  (t_[e + 2].kind == K::kNum || (t_[e + 2].kind == K::kPunct && In(e + 3) && t_[e + 3].kind == K::kNum));
    for (size_t k = b, n = 0; k > 0 && n < 14; ++n) {
      --k;
      const Tok& tk = t_[k];
      if (tk.kind == K::kNum) figure = true;
      if (tk.kind == K::kPunct && (tk.low[0] == ';' || tk.low[0] == '!' || tk.low[0] == '?' ||
                                   (tk.low[0] == '.' && In(k + 1) && t_[k + 1].space_before)))
        return false;
      if (Is(k, "from") || Is(k, "compared") || Is(k, "against") || Is(k, "versus")) return figure;
    }
    return false;
  }

  // ---- scanning -------------------------------------------------------
  void Scan() {
    low_.assign(text_.begin(), text_.end());
    for (char& c : low_)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    t_.reserve(text_.size() / 5 + 4);
    const size_t n = text_.size();
    size_t i = 0;
    bool space = true, nl = true;
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(text_[i]);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
        space = true;
        if (c == '\n') nl = true;
        ++i;
        continue;
      }
      Tok tok;
      tok.b = static_cast<std::uint32_t>(i);
      tok.space_before = space;
      tok.newline_before = nl;
      if (IsAlpha(c) || c >= 0x80) {
        // A UTF-8 no-break space ends a word like a space does.
        if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(text_[i + 1]) == 0xA0) {
          i += 2;
          space = true;
          continue;
        }
        size_t j = i;
        while (j < n) {
          unsigned char d = static_cast<unsigned char>(text_[j]);
          if (IsAlpha(d)) {
            ++j;
          } else if (d >= 0x80) {
            // Typographic apostrophe inside a word; other non-ASCII runs end a word.
            if (d == 0xE2 && j + 2 < n && static_cast<unsigned char>(text_[j + 1]) == 0x80 &&
                static_cast<unsigned char>(text_[j + 2]) == 0x99 && j > i && j + 3 < n &&
                IsAlpha(static_cast<unsigned char>(text_[j + 3])) &&
                !((text_[j + 3] | 0x20) == 's' && (j + 4 >= n || !IsAlpha(static_cast<unsigned char>(text_[j + 4]))))) {
              j += 3;
            } else if (j == i) {
              // Skip a whole non-ASCII character as one "punctuation" token.
              j += 1;
              while (j < n && (static_cast<unsigned char>(text_[j]) & 0xC0) == 0x80) ++j;
              break;
            } else {
              break;
            }
          } else if (d == '\'' && j > i && j + 1 < n && IsAlpha(static_cast<unsigned char>(text_[j + 1])) &&
                     !((text_[j + 1] | 0x20) == 's' && (j + 2 >= n || !IsAlpha(static_cast<unsigned char>(text_[j + 2]))))) {
            // Keeps "he'll" whole but splits the possessive "year's" into "year" "'" "s".
            ++j;
          } else {
            break;
          }
        }
        tok.e = static_cast<std::uint32_t>(j);
        tok.low = std::string_view(low_).substr(i, j - i);
        if (IsAlpha(c)) {
          tok.kind = K::kWord;
          tok.cap = c >= 'A' && c <= 'Z';
          tok.w = Lookup(tok.low);
        } else {
          tok.kind = K::kPunct;
        }
        i = j;
      } else if (IsDigit(c)) {
        size_t j = i;
        long long v = 0;
        while (j < n && IsDigit(static_cast<unsigned char>(text_[j]))) {
          if (j - i < 9) v = v * 10 + (text_[j] - '0');
          ++j;
        }
        tok.kind = K::kNum;
        tok.e = static_cast<std::uint32_t>(j);
        tok.ndig = static_cast<std::uint8_t>(std::min<size_t>(j - i, 255));
        tok.num = j - i <= 9 ? v : -1;
        tok.low = std::string_view(low_).substr(i, j - i);
        i = j;
      } else {
        tok.kind = K::kPunct;
        tok.e = static_cast<std::uint32_t>(i + 1);
        tok.low = std::string_view(low_).substr(i, 1);
        ++i;
      }
      t_.push_back(tok);
      space = false;
      nl = false;
    }
  }

  const Word* Lookup(std::string_view w) const {
    if (w.find("\xE2\x80\x99") == std::string_view::npos) return L_.Find(w);
    // Copied rather than replaced in place: GCC 12 reports a false
    // -Wrestrict on std::string::replace once this is inlined into Scan.
    std::string s;
    s.reserve(w.size());
    for (size_t k = 0; k < w.size();) {
      if (w.substr(k, 3) == "\xE2\x80\x99") {
        s += '\'';
        k += 3;
      } else {
        s += w[k++];
      }
    }
    return L_.Find(s);
  }

  // ---- token helpers --------------------------------------------------
  bool In(size_t i) const { return i < t_.size(); }
  bool Is(size_t i, std::string_view s) const { return In(i) && t_[i].low == s; }
  bool P(size_t i, char c) const { return In(i) && t_[i].kind == K::kPunct && t_[i].low.size() == 1 && t_[i].low[0] == c; }
  // A lexicon phrase's word at i; its ASCII apostrophe also matches the
  // typographic one ("New Year’s Eve").
  bool PhraseWordAt(size_t i, std::string_view pw) const {
    if (Is(i, pw)) return true;
    if (!In(i) || pw.find('\'') == std::string_view::npos) return false;
    std::string_view low = t_[i].low;
    size_t a = 0, b = 0;
    while (a < pw.size() && b < low.size()) {
      if (pw[a] == '\'' && low.substr(b, 3) == "\xE2\x80\x99") {
        ++a, b += 3;
        continue;
      }
      if (pw[a] != low[b]) return false;
      ++a, ++b;
    }
    return a == pw.size() && b == low.size();
  }
  // An ASCII or typographic apostrophe.
  bool Apos(size_t i) const { return In(i) && (t_[i].low == "'" || t_[i].low == "\xE2\x80\x99"); }
  bool Adj(size_t i) const { return In(i) && !t_[i].space_before; }
  const Word* W(size_t i) const { return In(i) ? t_[i].w : nullptr; }
  bool IsHyphen(size_t i) const { return P(i, '-') && Adj(i) && Adj(i + 1); }
  bool Num(size_t i) const { return In(i) && t_[i].kind == K::kNum && t_[i].num >= 0; }
  // A digit run that is part of a bigger number ("1,500", "3.5", "$1990").
  bool PartOfBigger(size_t i) const {
    if ((P(i + 1, ',') || P(i + 1, '.')) && Adj(i + 1) && In(i + 2) && t_[i + 2].kind == K::kNum && Adj(i + 2))
      return true;
    if (i > 0 && (P(i - 1, ',') || P(i - 1, '.') || P(i - 1, '$')) && Adj(i) && i > 1 &&
        (t_[i - 2].kind == K::kNum || P(i - 1, '$')))
      return true;
    if (i > 0 && P(i - 1, '$') && Adj(i)) return true;
    if (P(i + 1, '%') && Adj(i + 1)) return true;
    return false;
  }

  // Skips an abbreviation dot right after token i.
  size_t Dot(size_t i) const { return P(i, '.') && Adj(i) ? i + 1 : i; }

  // ---- numbers ---------------------------------------------------------
  // A cardinal in digits or words ("12", "twenty-four", "a hundred").
  bool Cardinal(size_t i, long long& v, size_t& end) const {
    if (Num(i)) {
      if (PartOfBigger(i)) return false;
      v = t_[i].num;
      end = i + 1;
      return true;
    }
    size_t j = i;
    long long cur = 0, total = 0;
    bool any = false;
    if ((Is(j, "a") || Is(j, "an") || Is(j, "one")) && W(j + 1) &&
        (W(j + 1)->cardinal == 100 || W(j + 1)->cardinal == 1000 || W(j + 1)->cardinal == 12)) {
      cur = 1;
      ++j;
    }
    while (W(j) && W(j)->cardinal >= 0) {
      int c = W(j)->cardinal;
      if (c == 100) {
        cur = std::max<long long>(cur, 1) * 100;
      } else if (c == 1000) {
        total += std::max<long long>(cur, 1) * 1000;
        cur = 0;
      } else if (c == 12 && Is(j, "dozen")) {
        cur = std::max<long long>(cur, 1) * 12;
      } else if (!any || cur % 100 == 0 || (cur % 100 >= 20 && cur % 10 == 0 && c < 10)) {
        if (any && cur % 100 == 0 && cur == 0 && total == 0) break;
        cur += c;
      } else {
        break;
      }
      any = true;
      size_t k = j + 1;
      if (IsHyphen(k) && W(k + 1) && W(k + 1)->cardinal >= 0 && W(k + 1)->cardinal < 10) k = k + 1;
      else if (Is(k, "and") && (cur % 100 == 0) && cur > 0 && W(k + 1) && W(k + 1)->cardinal >= 0 && W(k + 1)->cardinal < 100)
        k = k + 1;
      j = k;
    }
    if (!any) return false;
    v = total + cur;
    end = j;
    return true;
  }

  // A day of the month: "13", "13th", "3rd".
  bool DayNum(size_t i, unsigned& d, size_t& end) const {
    if (!Num(i) || t_[i].ndig > 2 || t_[i].num < 1 || t_[i].num > 31) return false;
    if (PartOfBigger(i)) return false;
    d = static_cast<unsigned>(t_[i].num);
    end = i + 1;
    if (Adj(end) && (Is(end, "st") || Is(end, "nd") || Is(end, "rd") || Is(end, "th"))) ++end;
    else if (Adj(end) && In(end) && t_[end].kind == K::kWord) return false;  // "5pm", "3D"
    return true;
  }

  // A four-digit year in digits (1000..2199) or words ("nineteen ninety-six").
  // The year a range written with a hyphen ends in ("2011-2015",
  // "2011-13", "2012-3"), for the four-digit year at i; 0 when the hyphen
  // does not make a range: the end must be later, within a century, and no
  // third part may follow ("2019-06-21" is a date).
  int YearRangeEnd(size_t i) const {
    if (!(Adj(i + 1) && P(i + 1, '-') && Num(i + 2) && Adj(i + 2))) return 0;
    if (Adj(i + 3) && (P(i + 3, '-') || P(i + 3, '/') || P(i + 3, ':') || t_[i + 3].kind == K::kWord)) return 0;
    int y = static_cast<int>(t_[i].num), end = 0;
    const Tok& n = t_[i + 2];
    if (n.ndig == 4) end = static_cast<int>(n.num);
    else if (n.ndig == 2) end = y / 100 * 100 + static_cast<int>(n.num);
    else if (n.ndig == 1) end = y / 10 * 10 + static_cast<int>(n.num);
    return end > y && end <= y + 100 ? end : 0;
  }

  bool Year(size_t i, int& y, size_t& end) const {
    if (Num(i) && t_[i].ndig == 4 && t_[i].num >= 1000 && t_[i].num <= 2199 && !PartOfBigger(i)) {
      if (Adj(i + 1) && In(i + 1) && t_[i + 1].kind == K::kWord) return false;  // "1990s"
      // An ISO date ("2019-06-21"), but not a range of years ("2011-2015").
      if (Adj(i + 1) && P(i + 1, '-') && Num(i + 2) && Adj(i + 2) && !YearRangeEnd(i)) return false;
      y = static_cast<int>(t_[i].num);
      end = i + 1;
      return true;
    }
    const Word* w = W(i);
    if (!w) return false;
    // "two thousand (and) N"
    if (w->cardinal == 2 && Is(i + 1, "thousand")) {
      y = 2000;
      end = i + 2;
      size_t k = end;
      if (Is(k, "and")) ++k;
      long long v;
      size_t e2;
      if (W(k) && W(k)->cardinal > 0 && W(k)->cardinal < 100 && Cardinal(k, v, e2) && v < 100) {
        y += static_cast<int>(v);
        end = e2;
      }
      return true;
    }
    // "nineteen ninety-six", "eighteen twelve"
    if (w->cardinal >= 11 && w->cardinal <= 20 && W(i + 1) && W(i + 1)->cardinal >= 10 &&
        W(i + 1)->cardinal < 100) {
      long long v;
      size_t e2;
      if (Cardinal(i + 1, v, e2) && v >= 10 && v < 100) {
        y = w->cardinal * 100 + static_cast<int>(v);
        end = e2;
        return true;
      }
    }
    return false;
  }

  // A month name at i; `strict` when the context around it is checked by
  // the caller (a day or year next to it).
  bool Month(size_t i, unsigned& m, size_t& end, bool next_to_number) const {
    const Word* w = W(i);
    if (!w || !w->month || !t_[i].cap) return false;
    end = i + 1;
    if (w->month_kind == 1) {
      end = Dot(end);
      if (!next_to_number) return false;
    } else if (w->month_kind == 2 && !next_to_number) {
      // "May" the verb: accept only after a word that introduces a date.
      static const std::array<std::string_view, 20> kBefore = {
          "in", "since", "until", "till", "by", "of", "from", "to", "through", "during",
          "before", "after", "last", "next", "this", "early", "late", "mid", "end", "between"};
      if (i == 0) return false;
      bool ok = false;
      for (auto b : kBefore) ok = ok || Is(i - 1, b);
      // "scheduled for May", "set for March": a date fixed for something;
      // "for" alone also introduces a person ("a vote for May").
      static const std::array<std::string_view, 8> kFixed = {"scheduled", "set",      "planned", "slated",
                                                              "due",       "expected", "timed",   "penciled"};
      if (!ok && i > 1 && Is(i - 1, "for"))
        for (auto b : kFixed) ok = ok || Is(i - 2, b);
      if (!ok) return false;
    }
    m = w->month;
    return true;
  }

  // ---- resolution helpers ------------------------------------------------
  CivilDate NearestYear(unsigned m, unsigned d) const {
    int y0 = dct_->year;
    CivilDate best{};
    long long bestd = -1;
    for (int y = y0 - 1; y <= y0 + 1; ++y) {
      if (d > DaysIn(y, m)) continue;
      CivilDate c{y, m, d};
      long long dist = std::llabs(DayNumber(c) - DayNumber(*dct_));
      if (bestd < 0 || dist < bestd) best = c, bestd = dist;
    }
    return best;
  }

  // The year nearest the DCT, except that a date the nearest-year rule puts
  // a quarter or more into the future is moved back a year when its clause
  // is in the past tense ("in the year ended March 31", "In January, the
  // company received ..." written in October), and one a quarter or more
  // into the past forward when its clause looks ahead ("the plant will
  // reopen in June" written in November). Near dates keep the nearest year
  // whatever the tense: on TimeBank dev, reading the tense for them picked
  // the wrong year more often than the nearest-year rule did.
  // The day d of the document's month, or of the month before (in a past
  // clause, when that day is still to come) or after (in a future one,
  // when it has passed); with no tense, whichever of the three is nearest.
  CivilDate DayOfNearMonth(unsigned d, size_t at) const {
    // A month without that day ("the 31st" in a 30-day month) is skipped.
    auto in_month = [&](int months) -> std::optional<CivilDate> {
      int total = dct_->year * 12 + static_cast<int>(dct_->month) - 1 + months;
      CivilDate c{total / 12, static_cast<unsigned>(total % 12 + 1), d};
      if (d > DaysIn(c.year, c.month)) return std::nullopt;
      return c;
    };
    const long long now = DayNumber(*dct_);
    const int tense = TenseAt(at);
    std::optional<CivilDate> best;
    long long best_gap = 0;
    for (int months = -2; months <= 2; ++months) {
      const std::optional<CivilDate> c = in_month(months);
      if (!c) continue;
      const long long gap = DayNumber(*c) - now;
      if ((tense < 0 && gap > 0) || (tense > 0 && gap < 0)) continue;
      if (!best || std::llabs(gap) < std::llabs(best_gap)) best = c, best_gap = gap;
    }
    return best ? *best : CivilDate{dct_->year, dct_->month, std::min(d, DaysIn(dct_->year, dct_->month))};
  }

  CivilDate YearlessDate(unsigned m, unsigned d, size_t at) const {
    CivilDate c = NearestYear(m, d);
    int ahead = (c.year * 12 + static_cast<int>(m)) - (dct_->year * 12 + static_cast<int>(dct_->month));
    if (ahead >= kFarAheadMonths && d <= DaysIn(c.year - 1, m) && TenseAt(at) < 0) return {c.year - 1, m, d};
    if (ahead <= -kFarAheadMonths && d <= DaysIn(c.year + 1, m) && TenseAt(at) > 0) return {c.year + 1, m, d};
    return c;
  }

  // The day a holiday falls on in year y.
  static CivilDate HolidayDate(const Phrase& p, int y) {
    if (p.easter) {
      // Anonymous Gregorian computus (Meeus/Jones/Butcher).
      int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
      int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
      int m = (a + 11 * h + 22 * l) / 451;
      int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
      return AddDays({y, static_cast<unsigned>(month), static_cast<unsigned>(day)}, p.offset);
    }
    if (!p.nth) return {y, p.month, p.day};
    CivilDate d;
    if (p.nth > 0) {
      CivilDate first{y, p.month, 1};
      int diff = (static_cast<int>(p.weekday) - static_cast<int>(IsoWeekday(first)) + 7) % 7;
      d = AddDays(first, diff + 7 * (p.nth - 1));
    } else {
      CivilDate last{y, p.month, DaysIn(y, p.month)};
      int diff = (static_cast<int>(IsoWeekday(last)) - static_cast<int>(p.weekday) + 7) % 7;
      d = AddDays(last, -diff);
    }
    return AddDays(d, p.offset);
  }

  // A holiday named without a year: its occurrence nearest the DCT, moved
  // by the clause's tense as YearlessDate moves a date.
  CivilDate YearlessHoliday(const Phrase& p, size_t at) const {
    CivilDate best{};
    long long bestd = -1;
    for (int y = dct_->year - 1; y <= dct_->year + 1; ++y) {
      CivilDate c = HolidayDate(p, y);
      long long dist = std::llabs(DayNumber(c) - DayNumber(*dct_));
      if (bestd < 0 || dist < bestd) best = c, bestd = dist;
    }
    long long ahead = DayNumber(best) - DayNumber(*dct_);
    if (ahead >= kFarAheadDays && TenseAt(at) < 0) return HolidayDate(p, best.year - 1);
    if (ahead <= -kFarAheadDays && TenseAt(at) > 0) return HolidayDate(p, best.year + 1);
    return best;
  }
  static constexpr long long kFarAheadDays = 90;

  // Months between the DCT's month and a yearless date's nearest occurrence
  // from which a past-tense clause moves the date back a year.
  static constexpr int kFarAheadMonths = 3;

  int NearestYearForMonth(unsigned m) const {
    int y0 = dct_->year;
    int mi = y0 * 12 + static_cast<int>(dct_->month) - 1;
    int best = y0, bestd = 1 << 30;
    for (int y = y0 - 1; y <= y0 + 1; ++y) {
      int dist = std::abs(y * 12 + static_cast<int>(m) - 1 - mi);
      if (dist < bestd) best = y, bestd = dist;
    }
    return best;
  }

  // A quarter named without a year is usually one already reported on:
  // the latest one not after the DCT's quarter. (Reading the clause's
  // tense to pick a future quarter lost more than it won on TimeBank dev.)
  void QuarterYear(int q, int& y) const {
    int dq = static_cast<int>(dct_->month - 1) / 3 + 1;
    y = dct_->year;
    if (q > dq) --y;
  }

  // -1 past, +1 future, 0 unknown: the tense of the clause around token i.
  int TenseAt(size_t i) const {
    int from_syntax = SyntaxTense(t_[i].b);
    if (from_syntax) return from_syntax;
    auto cue = [&](size_t k) -> int {
      const Tok& tk = t_[k];
      if (tk.kind != K::kWord) return 0;
      if (tk.w && tk.w->tense == 2) return Is(k + 1, "to") ? 1 : 0;
      // "talks resume Monday": a plural present of a scheduled event; not
      // after a determiner (a noun: "the return") or an auxiliary or
      // negation ("did not begin", whose tense the auxiliary gives).
      if (tk.w && tk.w->tense == 3) {
        if (k == 0) return 0;
        static const std::array<std::string_view, 17> kNot = {
            "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that",
            "not", "never", "did", "do", "does"};
        for (auto b : kNot)
          if (Is(k - 1, b)) return 0;
        if (t_[k - 1].low.ends_with("n't") || t_[k - 1].low.ends_with("n\xE2\x80\x99t") || Is(k - 1, "s")) return 0;
        // "a half-open door": part of a hyphenated adjective.
        if (IsHyphen(k - 1)) return 0;
        return 1;
      }
      if (tk.w && tk.w->tense) {
        if (tk.low == "going" && !Is(k + 1, "to")) return 0;
        // "had been scheduled to expire Friday": a plan in the past perfect
        // that the article reports as overtaken.
        if (tk.w->tense > 0)
          for (size_t b = k, n = 0; b > 0 && n < 3; ++n)
            if (Is(--b, "had")) return -1;
        // "will be paid", "would be held": a future passive, not a past form.
        if (tk.w->tense < 0 && k >= 2 && Is(k - 1, "be") && W(k - 2) && W(k - 2)->tense == 1) return 1;
        return tk.w->tense;
      }
      if (tk.low.size() > 3 && tk.low.substr(tk.low.size() - 3) == "'ll") return 1;
      if ((tk.low == "is" || tk.low == "are") && Is(k + 1, "to")) return 1;
      // "The deadline is Friday": a present copula right before the date.
      if ((tk.low == "is" || tk.low == "are") && (k + 1 == i || (Is(k + 1, "on") && k + 2 == i))) return 1;
      if (tk.low.size() >= 5 && tk.low.substr(tk.low.size() - 2) == "ed" && !tk.cap) {
        // "an unspecified date", "a still undisclosed sum": an adjective after
        // an article, not a verb.
        auto article = [&](size_t b) { return Is(b, "a") || Is(b, "an") || Is(b, "the"); };
        auto adverb = [&](size_t b) {
          return Is(b, "still") || (In(b) && t_[b].low.size() > 3 && t_[b].low.substr(t_[b].low.size() - 2) == "ly");
        };
        if (k >= 1 && article(k - 1)) return 0;
        if (k >= 2 && adverb(k - 1) && article(k - 2)) return 0;
        return k >= 2 && Is(k - 1, "be") && W(k - 2) && W(k - 2)->tense == 1 ? 1 : -1;
      }
      return 0;
    };
    auto boundary = [&](size_t k) {
      if (t_[k].newline_before) return true;
      if (t_[k].kind != K::kPunct) return false;
      char c = t_[k].low[0];
      if (c == '!' || c == '?' || c == ';') return true;
      // A full stop ends the sentence unless it closes a short capitalised
      // abbreviation ("Mr.", "Jan.", "Inc."): after a number ("in 1997."),
      // a lower-case word ("a year ago.") or a month or weekday written in
      // full ("in May.") it does.
      if (c == '.' && k > 0) {
        const Tok& p = t_[k - 1];
        // The dots of "p.m.", "a.m.", "U.S." close single letters; they end
        // the sentence only before a capitalised word that is no weekday,
        // month or short time zone ("5 p.m. EDT on Nov. 20").
        if (p.kind == K::kWord && p.low.size() == 1 &&
            ((In(k + 1) && !t_[k + 1].space_before) || (k >= 2 && P(k - 2, '.') && !p.space_before))) {
          if (!In(k + 1) || t_[k + 1].newline_before) return true;
          const Tok& nx = t_[k + 1];
          if (nx.kind != K::kWord || !nx.cap || nx.low.size() <= 4) return false;
          return !(nx.w && (nx.w->weekday || nx.w->month));
        }
        if (p.kind == K::kNum || (p.kind == K::kWord && (p.low.size() > 3 || !p.cap))) return true;
        if (p.kind == K::kWord && p.w && ((p.w->month && p.w->month_kind != 1) || (p.w->weekday && !p.w->weekday_abbr)))
          return true;
      }
      return false;
    };
    for (size_t k = i, steps = 0; k > 0 && steps < 10; ++steps) {
      --k;
      if (boundary(k + 1) && k + 1 <= i && (k + 1 != i) && t_[k + 1].kind == K::kPunct) break;
      if (int c = cue(k)) return c;
      if (boundary(k)) break;
    }
    for (size_t k = i + 1, steps = 0; k < t_.size() && steps < 10; ++k, ++steps) {
      if (boundary(k)) break;
      // "is set for February 14, according to the decree published on
      // Friday": the source's words tell when it spoke or was written,
      // not the tense of the clause the date is in.
      if (t_[k].low == "according" && Is(k + 1, "to")) break;
      if (int c = cue(k)) return c;
    }
    return 0;
  }

  static constexpr size_t kFarTokens = 300;

  // The day a part-of-day phrase at i belongs to: the day the text named in
  // this sentence or the one before, else the DCT's.
  std::optional<CivilDate> DayInView(size_t i) const {
    if (anchor_gran_ >= 3 && anchor_tok_ < i && SentenceBreaks(anchor_tok_, i) <= 1) return anchor_;
    return dct_;
  }

  // The sentence ends between tokens a and b (a < b): a full stop, "?" or
  // "!" followed by a capitalised word or a new line, or a new line alone.
  // A stop after an abbreviation ("Mr. Lee") counts too, which only makes
  // the callers more careful.
  // Counting stops past `limit`, so a far anchor costs little.
  int SentenceBreaks(size_t a, size_t b, int limit = 1) const {
    // Beyond a few hundred tokens the anchor is too far whatever the text
    // (and a text without full stops costs no more).
    if (b > a + kFarTokens) return limit + 1;
    int n = 0;
    for (size_t k = a + 1; k < b && k < t_.size() && n <= limit; ++k) {
      if (t_[k].newline_before) {
        ++n;
      } else if ((P(k, '.') || P(k, '?') || P(k, '!')) && In(k + 1) && k + 1 < b &&
                 (t_[k + 1].cap || t_[k + 1].newline_before || t_[k + 1].low == "\"")) {
        ++n;
      }
    }
    return n;
  }

  // A modal verb ("may", "could") among the few words before token i in its
  // clause: "You may, in a year or two, save lives" looks ahead.
  bool ModalBefore(size_t i) const {
    for (size_t k = i, n = 0; k > 0 && n < 5; ++n) {
      --k;
      if (t_[k].kind == K::kPunct && !P(k, ',')) return false;
      std::string_view w = t_[k].low;
      if (w == "may" || w == "might" || w == "could" || w == "can" || w == "should" || w == "must") return true;
    }
    return false;
  }

  // The syntax stage's part of speech of the word at `byte` (empty without one).
  std::string_view UposAt(std::uint32_t byte) const {
    auto it = std::lower_bound(atoks_.begin(), atoks_.end(), byte,
                               [](const Token& tk, std::uint32_t b) { return tk.end <= b; });
    if (it == atoks_.end() || it->begin > byte) return {};
    return it->upos;
  }

  // Reads the tense from the syntax stage's output when there is one: the
  // verb governing the token at `byte` (past forms -> past; a will/shall/
  // would auxiliary or a present form -> future, as in "talks resume Friday").
  int SyntaxTense(std::uint32_t byte) const {
    if (atoks_.empty() || sents_.empty()) return 0;
    auto it = std::lower_bound(atoks_.begin(), atoks_.end(), byte,
                               [](const Token& tk, std::uint32_t b) { return tk.end <= b; });
    if (it == atoks_.end() || it->begin > byte || it->xpos.empty()) return 0;
    size_t idx = static_cast<size_t>(it - atoks_.begin());
    auto st = std::upper_bound(sents_.begin(), sents_.end(), idx,
                               [](size_t x, const Sentence& se) { return x < se.first_token; });
    if (st == sents_.begin()) return 0;
    --st;
    if (idx >= st->end_token || st->end_token > atoks_.size()) return 0;
    const size_t base = st->first_token, end = st->end_token;
    size_t cur = idx;
    long verb = -1;
    bool direct = false;
    auto child_of = [&](const Token& a, size_t node) {
      return a.head >= 0 && base + static_cast<size_t>(a.head) == node;
    };
    for (int steps = 0; steps < 4; ++steps) {
      int h = atoks_[cur].head;
      if (h < 0 || base + static_cast<size_t>(h) >= end) break;
      cur = base + static_cast<size_t>(h);
      if (atoks_[cur].upos == "VERB" || atoks_[cur].upos == "AUX") {
        verb = static_cast<long>(cur);
        direct = steps == 0;
        break;
      }
      // "the seats that were empty Tuesday": a predicate adjective
      // or noun takes its tense from a past copula. "it would scale back
      // the search on Friday", "scale" tagged a noun: no noun takes a
      // modal, so the word is the verb and the modal its tense.
      for (size_t k = base; k < end; ++k) {
        if (!child_of(atoks_[k], cur)) continue;
        if (atoks_[k].deprel == "cop" && atoks_[k].xpos == "VBD") return -1;
        if (atoks_[k].deprel == "aux" && atoks_[k].xpos == "MD" &&
            (atoks_[k].lemma == "will" || atoks_[k].lemma == "shall" || atoks_[k].lemma == "would" ||
             atoks_[k].lemma == "'ll"))
          return 1;
      }
    }
    if (verb < 0) return 0;
    const Token& v = atoks_[static_cast<size_t>(verb)];
    bool past_aux = false, present_aux = false, passive = false;
    for (size_t k = base; k < end; ++k) {
      const Token& a = atoks_[k];
      if (!child_of(a, static_cast<size_t>(verb))) continue;
      if (a.deprel == "aux:pass") passive = true;
      if (a.deprel.starts_with("aux") && (a.xpos == "VBZ" || a.xpos == "VBP")) present_aux = true;
      if (a.xpos == "MD") {
        if (a.lemma == "will" || a.lemma == "shall" || a.lemma == "would" || a.lemma == "'ll") return 1;
      }
      // "did not win Tuesday": the auxiliary carries the tense of a bare verb.
      if (a.deprel.starts_with("aux") && a.xpos == "VBD") past_aux = true;
      // "had been planned to end Friday": an infinitive's time is the
      // governing verb's, which the word cues read.
      if (a.deprel == "mark" && a.lemma == "to" && v.xpos == "VB") return 0;
    }
    // "a convoy is expected on Thursday", "talks are scheduled for Friday":
    // a present passive is no past; the word cues ("expected") decide.
    if (!past_aux && v.xpos == "VBN" && passive && present_aux) return 0;
    // "a protest planned for Monday", "the vote set for Friday": a
    // participle on a noun, with no auxiliary, has no tense of its own;
    // the word cues decide ("planned" looks ahead, "held" back).
    if (v.xpos == "VBN" && !past_aux && !present_aux && v.deprel == "acl") return 0;
    if (past_aux || v.xpos == "VBD" || v.xpos == "VBN") return -1;
    // A present verb the date hangs on directly is a scheduled event ("the
    // council votes on Friday"); through a noun it is not ("the ruling
    // follows Tuesday's vote"), and the word cues decide.
    if (direct && (v.xpos == "VBP" || v.xpos == "VBZ" || v.xpos == "VB") && v.lemma != "say" && v.lemma != "tell")
      return 1;
    return 0;
  }

  // The last or next date with ISO weekday wd, relative to the DCT.
  CivilDate WeekdayDate(unsigned wd, int dir, bool strict) const {
    int w0 = static_cast<int>(IsoWeekday(*dct_));
    if (dir >= 0 && dir != 0) {
      int diff = (static_cast<int>(wd) - w0 + 7) % 7;
      if (diff == 0 && strict) diff = 7;
      return AddDays(*dct_, diff);
    }
    int diff = (w0 - static_cast<int>(wd) + 7) % 7;
    if (diff == 0 && strict) diff = 7;
    return AddDays(*dct_, -diff);
  }

  // After "MONTH DAY" or "DAY MONTH" ending before token pos: an optional
  // ", YEAR" makes a full date (kDate, or kInvalid for 31 February). With
  // no year, m ends at pos and the caller resolves the year-less date.
  enum class DayResult { kDate, kInvalid, kNoYear };
  // "last year", "this year", "next year" after "of" ("June 16 of last
  // year", "May of next year"): the year they name, ending at e.
  bool OfRelativeYear(size_t k, int& y, size_t& e) const {
    // Also without "of": "in March last year", "on May 5 next year".
    if (!Is(k, "of")) {
      if (k == 0) return false;
      --k;
    }
    if (!dct_ || !Is(k + 2, "year") || Apos(k + 3)) return false;
    int dir = Is(k + 1, "last") ? -1 : Is(k + 1, "next") ? 1 : Is(k + 1, "this") ? 0 : 2;
    if (dir == 2) return false;
    y = dct_->year + dir;
    e = k + 3;
    return true;
  }

  DayResult DayWithYear(Match& m, size_t pos, unsigned mo, unsigned d) const {
    size_t k = pos;
    if (P(k, ',')) ++k;
    int yr;
    size_t ye;
    if (Year(k, yr, ye) || OfRelativeYear(pos, yr, ye)) {
      if (d > DaysIn(yr, mo)) return DayResult::kInvalid;
      m.end = ye;
      SetDay(m, {yr, mo, d});
      return DayResult::kDate;
    }
    m.end = pos;
    return DayResult::kNoYear;
  }

  static void SetDay(Match& m, CivilDate d) {
    m.value = DayValue(d);
    m.anchor = true;
    m.date = d;
    m.gran = 3;
  }
  static void SetMonth(Match& m, int y, int mo) {
    m.value = MonthValue(y, mo);
    m.anchor = true;
    m.date = {y, static_cast<unsigned>(mo), 1};
    m.gran = 2;
  }
  static void SetYear(Match& m, int y) {
    m.value = YearValue(y);
    m.anchor = true;
    m.date = {y, 1, 1};
    m.gran = 1;
  }

  // ---- rules --------------------------------------------------------------
  // Tries every rule at i and keeps the longest match.
  bool Expr(size_t i, Match& best) const {
    const Tok& tk = t_[i];
    // Fast reject: every expression starts with a word or a number (or "'90s").
    if (tk.kind == K::kPunct && !Apos(i)) return false;
    if (tk.kind == K::kWord && !tk.w && !IsStarter(tk.low)) return false;
    best.end = 0;
    Match m;
    auto consider = [&](bool ok) {
      if (ok && m.end > best.end) best = m;
      m = Match();
    };
    consider(Calendar(i, m));
    consider(Yearish(i, m));
    consider(Relative(i, m));
    consider(Quantified(i, m));
    consider(Clock(i, m));
    consider(Prefixed(i, m));
    // "March 1-3": TimeML marks both ends of a range; the second is "3",
    // the 3rd of that month.
    if (best.end > 0 && best.gran == 3 && best.value && !best.split_end && Num(best.end - 1) &&
        t_[best.end - 1].ndig <= 2) {
      size_t d = best.end;
      bool dash = (P(d, '-') || Is(d, "\xE2\x80\x93")) && Adj(d);
      if (dash && Num(d + 1) && Adj(d + 1) && t_[d + 1].ndig <= 2 &&
          !(Adj(d + 2) && (P(d + 2, '-') || P(d + 2, '/') || P(d + 2, ':') || t_[d + 2].kind == K::kWord))) {
        auto day2 = static_cast<unsigned>(t_[d + 1].num);
        // "March 1-2, 2019": the year after the range is both ends'.
        CivilDate first = best.date;
        size_t end = d + 2, yk = P(end, ',') ? end + 1 : end;
        int yy;
        size_t ye;
        if (Num(yk) && Year(yk, yy, ye)) first.year = yy, end = ye;
        if (day2 > first.day && day2 <= DaysIn(first.year, first.month)) {
          best.split_end = best.end;
          best.split_value = DayValue(first);
          best.split_begin = d + 1;
          best.end = end;
          SetDay(best, CivilDate{first.year, first.month, day2});
        }
      }
    }
    // "the next year or so": a vague approximation belongs to the expression.
    if (best.end > 0 && Is(best.end, "or") && Is(best.end + 1, "so")) best.end += 2;
    // "1990 and beyond": the year and what follows it.
    if (best.end > 0 && Is(best.end, "and") && Is(best.end + 1, "beyond") && best.gran == 1) best.end += 2;
    return best.end > 0;
  }

  static bool IsClauseWord(std::string_view w) {
    static const std::array<std::string_view, 16> kWords = {"and", "or", "but", "since", "in", "at", "on", "by",
                                                            "for", "to", "from", "with", "until", "through",
                                                            "over", "during"};
    for (auto k : kWords)
      if (w == k) return true;
    return false;
  }

  // Words after "the past" / "the future" that show it is a noun phrase of
  // its own, not an adjective ("the past decade" is handled elsewhere).
  static bool IsFunctionWord(std::string_view w) {
    static const std::array<std::string_view, 30> kWords = {
        "of", "that", "it", "is", "was", "will", "has", "have", "had", "the", "a", "an", "we", "they",
        "he", "she", "i", "you", "as", "when", "where", "this", "these", "those", "than", "are", "were",
        "there", "may", "could"};
    for (auto k : kWords)
      if (w == k) return true;
    return false;
  }

  // "each year", "every Monday", "per month": frequencies.
  bool EveryRule(size_t i, Match& m) const {
    // "every four years", "every six months", "every other week"
    if (Is(i, "every")) {
      long long n = 0;
      size_t e = i + 1;
      if (Is(i + 1, "other") && W(i + 2) && W(i + 2)->unit != Unit::kNone && !W(i + 2)->plural) {
        n = 2;
        e = i + 2;
      } else if (!Cardinal(i + 1, n, e) || n < 2 || !W(e) || W(e)->unit == Unit::kNone || !W(e)->plural) {
        n = 0;
      }
      if (n >= 2) {
        m.type = "SET";
        m.end = e + 1;
        m.value = DurationValue(W(e)->unit, n);
        return true;
      }
    }
    const Word* u = W(i + 1);
    if (!u) return false;
    m.type = "SET";
    m.end = i + 2;
    if (u->unit != Unit::kNone && !u->plural) {
      m.value = DurationValue(u->unit, 1);
      return true;
    }
    if (Is(i, "per")) return false;
    if (u->month && t_[i + 1].cap && u->month_kind != 1) {
      m.value = Fmt("XXXX-%02d", u->month);
      return true;
    }
    if (u->weekday && t_[i + 1].cap && !u->weekday_abbr) {
      m.value = Fmt("XXXX-WXX-%d", u->weekday);
      return true;
    }
    if (!u->season.empty()) {
      m.value = "XXXX-" + u->season;
      return true;
    }
    return false;
  }

  static bool IsStarter(std::string_view w) {
    return w == "the" || w == "a" || w == "an" || w == "fiscal" || w == "several" || w == "few" ||
           w == "many" || w == "each" || w == "every" || w == "per" || w == "that" || w == "recent" ||
           w == "mid" || w == "end" || w == "year" || w == "its" || w == "then" || w == "half" || w == "right" ||
           w == "q" || w == "h" || w == "fy";
  }

  // Absolute calendar dates, with an optional weekday in front:
  // "Jan. 13", "March 15, 2007", "12 January 2022", "Tuesday, January 11",
  // "Thursday (13 January)", "May 1997", "2022-01-12", "1/12/2022".
  bool Calendar(size_t i, Match& m) const {
    unsigned wd = 0;
    size_t j = i;
    bool paren = false;
    // "this Friday 21 November", "last Thursday, 13 January": the date
    // names the day, and the weekday must agree with it; read as the
    // relative "this Friday" the date would stand apart and a wrong
    // weekday go unnoticed.
    size_t k = i;
    if ((Is(i, "this") || Is(i, "next") || Is(i, "last")) && W(i + 1) && W(i + 1)->weekday && t_[i + 1].cap) k = i + 1;
    if (W(k) && W(k)->weekday && t_[k].cap) {
      wd = W(k)->weekday;
      j = Dot(k + 1);
      if (P(j, ',')) ++j;
      if (P(j, '(')) ++j, paren = true;
    }
    Match core;
    if (!CalendarCore(j, core)) return false;
    m = core;
    if (paren) {
      if (!P(m.end, ')')) return false;
      ++m.end;
    }
    if (wd && m.gran == 3 && m.value) {
      unsigned real = IsoWeekday(m.date);
      if (real != wd) {
        m.mismatch = true;
        m.detail = std::to_string(m.date.day) + " " + kMonthNames[m.date.month] + " " +
                   std::to_string(m.date.year) + " is a " + kWeekdayNames[real] + ", not a " +
                   kWeekdayNames[wd];
      }
    } else if (wd && m.gran != 3) {
      return false;  // "Monday May" is not one expression
    }
    return true;
  }

  bool CalendarCore(size_t i, Match& m) const {
    unsigned mo = 0, d = 0;
    size_t e = 0, e2 = 0;
    int y = 0;
    // ISO 2022-01-12
    if (Num(i) && t_[i].ndig == 4 && P(i + 1, '-') && Adj(i + 1) && Num(i + 2) && Adj(i + 2) &&
        t_[i + 2].ndig == 2 && P(i + 3, '-') && Adj(i + 3) && Num(i + 4) && Adj(i + 4) && t_[i + 4].ndig == 2) {
      CivilDate c{static_cast<int>(t_[i].num), static_cast<unsigned>(t_[i + 2].num), static_cast<unsigned>(t_[i + 4].num)};
      if (c.month < 1 || c.month > 12 || c.day < 1 || c.day > DaysIn(c.year, c.month)) return false;
      m.end = i + 5;
      SetDay(m, c);
      return true;
    }
    // US numeric 1/12/2022
    if (Num(i) && t_[i].ndig <= 2 && P(i + 1, '/') && Adj(i + 1) && Num(i + 2) && Adj(i + 2) &&
        t_[i + 2].ndig <= 2 && P(i + 3, '/') && Adj(i + 3) && Num(i + 4) && Adj(i + 4) &&
        (t_[i + 4].ndig == 4 || t_[i + 4].ndig == 2)) {
      int yy = static_cast<int>(t_[i + 4].num);
      if (t_[i + 4].ndig == 2) yy += yy < 50 ? 2000 : 1900;
      CivilDate c{yy, static_cast<unsigned>(t_[i].num), static_cast<unsigned>(t_[i + 2].num)};
      // "15/03/2019" can only be day first, as British and most other
      // English outside the US write it.
      if (c.month > 12 && c.day >= 1 && c.day <= 12) std::swap(c.month, c.day);
      if (c.month < 1 || c.month > 12 || c.day < 1 || c.day > DaysIn(c.year, c.month)) return false;
      m.end = i + 5;
      SetDay(m, c);
      return true;
    }
    // MONTH DAY [,] [YEAR]
    if (W(i) && W(i)->month) {
      // Only an abbreviation takes a dot; after a full name ("in November.")
      // the dot ends the sentence, and a number after it is no day of it.
      size_t after = W(i)->month_kind == 1 ? Dot(i + 1) : i + 1;
      bool day_next = DayNum(after, d, e2);
      size_t yk = after;
      if (P(yk, ',')) ++yk;
      if (Is(yk, "of")) ++yk;
      bool year_next = Year(yk, y, e) || OfRelativeYear(after, y, e);
      if (!Month(i, mo, e2 /*unused*/, day_next || year_next)) return false;
      if (day_next) {
        DayNum(after, d, e2);
        if (DayResult r = DayWithYear(m, e2, mo, d); r != DayResult::kNoYear) return r == DayResult::kDate;
        if (!dct_) return true;  // value stays null
        if (d > 29 && d > DaysIn(dct_->year, mo) && d > DaysIn(dct_->year + 1, mo)) return false;
        SetDay(m, YearlessDate(mo, d, i));
        return true;
      }
      if (year_next) {
        m.end = e;
        SetMonth(m, y, static_cast<int>(mo));
        return true;
      }
      m.end = i + 1;
      if (W(i)->month_kind == 1) return false;
      if (!dct_) return true;
      {
        int yy = NearestYearForMonth(mo);
        // As in YearlessDate: a month a quarter or more ahead in a
        // past-tense clause is last year's, one a quarter or more back in a
        // future clause next year's.
        int ahead = (yy * 12 + static_cast<int>(mo)) - (dct_->year * 12 + static_cast<int>(dct_->month));
        if (ahead >= kFarAheadMonths && TenseAt(i) < 0) --yy;
        // Six months back and six ahead are equally near: the tense decides.
        else if (ahead <= -kFarAheadMonths && TenseAt(i) > 0) ++yy;
        SetMonth(m, yy, static_cast<int>(mo));
      }
      return true;
    }
    // [the] DAY [of] MONTH [,] [YEAR]
    size_t k = i;
    if (Is(k, "the")) ++k;
    if (DayNum(k, d, e2)) {
      bool ord_suffix = e2 > k + 1;
      size_t mk = e2;
      if (Is(mk, "of")) ++mk;
      if (Is(k - (k > i ? 1 : 0), "the") && k > i && !ord_suffix) return false;
      if ((!W(mk) || !W(mk)->month) && k > i && i > 0 && Is(i - 1, "on") && dct_ &&
          (!In(e2) || P(e2, ',') || P(e2, '.') || P(e2, ';'))) {
        // "on the 14th," alone: a day of the month the text is in, or of
        // the month before or after it, as the tense says (the nearest
        // when it says nothing). Only closed by punctuation, since "on the
        // 14th floor" and "on the 3rd day" name no date.
        SetDay(m, DayOfNearMonth(d, k));
        m.end = e2;
        return true;
      }
      if (!W(mk) || !W(mk)->month) return false;
      if (!Month(mk, mo, e, true)) return false;
      if (DayResult r = DayWithYear(m, e, mo, d); r != DayResult::kNoYear) return r == DayResult::kDate;
      if (!dct_) return true;
      SetDay(m, YearlessDate(mo, d, k));
      return true;
    }
    return false;
  }

  // Years, decades, centuries, seasons and quarters of a named year.
  bool Yearish(size_t i, Match& m) const {
    int y = 0;
    size_t e = 0;
    size_t j = i;
    bool the = false;
    if (Is(j, "the")) ++j, the = true;
    // Decades: "the 1990s", "the 1990's", "the '90s", "the nineties", "1990s"
    if (Num(j) && t_[j].ndig == 4 && t_[j].num % 10 == 0 && Is(j + 1, "s") && Adj(j + 1)) {
      m.end = j + 2;
      m.value = std::to_string(t_[j].num / 10) + "X";
      return true;
    }
    // (Without "the" or a modifier, "1990's sales" is the year's possessive.)
    if (Num(j) && t_[j].ndig == 4 && t_[j].num % 10 == 0 && Apos(j + 1) && Adj(j + 1) && Is(j + 2, "s") &&
        Adj(j + 2) && !(In(j + 3) && t_[j + 3].kind == K::kWord && Adj(j + 3)) &&
        (the || (j > 0 && (IsHyphen(j - 1) || Is(j - 1, "early") || Is(j - 1, "late") || Is(j - 1, "mid"))))) {
      m.end = j + 3;
      m.value = std::to_string(t_[j].num / 10) + "X";
      return true;
    }
    if (Apos(j) && Num(j + 1) && Adj(j + 1) && t_[j + 1].ndig == 2 && t_[j + 1].num % 10 == 0 &&
        Is(j + 2, "s") && Adj(j + 2)) {
      m.end = j + 3;
      m.value = DecadeValue(static_cast<int>(t_[j + 1].num));
      return true;
    }
    // "the nineties", and with the century in words, as broadcast
    // transcripts write it: "the nineteen eighties", "the nineteen-sixties".
    {
      size_t k = j;
      int century = 0;
      if (the && W(k) && W(k)->cardinal >= 10 && W(k)->cardinal <= 20) {
        size_t n = IsHyphen(k + 1) ? k + 2 : k + 1;
        if (In(n) && t_[n].kind == K::kWord && t_[n].low.size() > 4 && t_[n].low.ends_with("ies"))
          century = W(k)->cardinal, k = n;
      }
      if (the && In(k) && t_[k].kind == K::kWord && t_[k].low.size() > 4 && t_[k].low.ends_with("ies")) {
        std::string stem(t_[k].low.substr(0, t_[k].low.size() - 3));
        stem += 'y';
        const Word* w = L_.Find(stem);
        if (w && w->cardinal >= 20 && w->cardinal <= 90 && w->cardinal % 10 == 0) {
          m.end = k + 1;
          if (century) m.value = Fmt("%02d%dX", century, w->cardinal / 10);
          else m.value = DecadeValue(w->cardinal);
          return true;
        }
      }
    }
    // Centuries: "the 20th century", "the twentieth century"
    {
      int c = 0;
      size_t k = j;
      if (Num(k) && t_[k].ndig <= 2 && Adj(k + 1) && (Is(k + 1, "th") || Is(k + 1, "st") || Is(k + 1, "nd") || Is(k + 1, "rd"))) {
        c = static_cast<int>(t_[k].num);
        k += 2;
      } else if (W(k) && W(k)->ordinal > 0) {
        c = W(k)->ordinal;
        ++k;
      }
      if (c > 0 && W(k) && W(k)->unit == Unit::kCentury && !W(k)->plural) {
        m.end = k + 1;
        m.value = Fmt("%02dXX", c - 1);
        return true;
      }
    }
    // Season [of] YEAR: "summer 1997"
    if (W(j) && !W(j)->season.empty()) {
      size_t k = j + 1;
      if (Is(k, "of")) ++k;
      if (Year(k, y, e)) {
        m.end = e;
        m.value = SeasonFor(W(j)->season, y);
        return true;
      }
    }
    // "Q3 1990", "Q4 of 2015", "H1 2016": a quarter or half written short,
    // with its year; "FY2016", "FY 2016", "FY16": the fiscal year.
    if ((Is(j, "q") || Is(j, "h")) && t_[j].cap && Adj(j + 1) && Num(j + 1) && t_[j + 1].ndig == 1 &&
        t_[j + 1].num >= 1 && t_[j + 1].num <= (Is(j, "q") ? 4 : 2) && !(In(j + 2) && Adj(j + 2))) {
      size_t k = j + 2;
      if (Is(k, "of") || P(k, ',')) ++k;
      int yy;
      size_t ye;
      if (Year(k, yy, ye)) {
        int n = static_cast<int>(t_[j + 1].num);
        m.end = ye;
        m.value = YearValue(yy) + (Is(j, "q") ? "-Q" : "-H") + std::to_string(n);
        if (Is(j, "q")) m.quarter = n, m.quarter_year = yy;
        return true;
      }
    }
    if (Is(j, "fy") && t_[j].cap && In(j + 1) && Num(j + 1) && !(In(j + 2) && Adj(j + 2) && !P(j + 2, '.') &&
                                                                 !P(j + 2, ',') && !P(j + 2, ')'))) {
      int yy = 0;
      if (t_[j + 1].ndig == 4 && Year(j + 1, y, e)) {
        yy = y;
      } else if (t_[j + 1].ndig == 2 && Adj(j + 1) && dct_) {
        // The century that puts it nearest the DCT, as "fiscal '91".
        yy = dct_->year / 100 * 100 + static_cast<int>(t_[j + 1].num);
        if (yy > dct_->year + 50) yy -= 100;
        else if (yy < dct_->year - 50) yy += 100;
      }
      if (yy) {
        m.end = j + 2;
        SetYear(m, yy);
        return true;
      }
    }
    // Quarter or half of a named year: "the third quarter of 1990", "Q3 1990",
    // "the first half of 1990", "the 1988 second quarter".
    {
      size_t k = j;
      int q = 0;
      bool half = false, comparison = false;
      if (Is(k, "fiscal")) ++k;
      int yy = 0;
      size_t ye;
      if (Year(k, yy, ye)) k = ye; else yy = 0;
      // "fiscal 1990's first quarter"
      if (yy && Apos(k) && Is(k + 1, "s") && W(k + 2) && W(k + 2)->ordinal >= 1 && W(k + 2)->ordinal <= 4) k += 2;
      // "the 1988 quarter": in a results report, the quarter last named, in
      // that year. It looks back, so it does not become the quarter later
      // references ("the quarter", "a year ago") are counted from.
      if (the && yy && W(k) && W(k)->unit == Unit::kQuarter && !W(k)->plural) {
        m.end = k + 1;
        m.value = YearValue(yy) + (last_q_ ? "-Q" + std::to_string(last_q_) : std::string("-QX"));
        return true;
      }
      // "the 1988 period": after a report has named its quarter, that
      // quarter in the earlier year (as "the 1988 quarter"); otherwise the
      // year's reporting period, whose length is not said, so only the year.
      if (the && yy && Is(k, "period")) {
        m.end = k + 1;
        if (last_q_ && !long_period_ && yy < last_qy_) {
          m.value = YearValue(yy) + "-Q" + std::to_string(last_q_);
          return true;
        }
        m.long_period = true;
        m.value = YearValue(yy);
        return true;
      }
      if (W(k) && W(k)->ordinal >= 1 && W(k)->ordinal <= 4) {
        q = W(k)->ordinal;
        size_t u = k + 1;
        if (IsHyphen(u)) ++u;
        if (W(u) && W(u)->unit == Unit::kQuarter && !W(u)->plural) {
          k = u + 1;
        } else if (Is(u, "half") && q <= 2) {
          half = true;
          k = u + 1;
        } else {
          q = 0;
        }
      }
      if (q && !yy) {
        size_t k2 = k;
        if (Is(k2, "of")) ++k2;
        if (P(k2, ',')) ++k2;
        if (Is(k2, "fiscal")) ++k2;  // "the first quarter of fiscal 1990"
        if (Year(k2, yy, ye)) {
          k = ye;
        } else if (dct_ && Is(k, "of") && W(k2) && (W(k2)->rel == Rel::kPrev || W(k2)->rel == Rel::kNext ||
                                                    W(k2)->rel == Rel::kThis) &&
                   Is(k2 + 1, "year")) {
          // "the third quarter of last year", "the second half of next year"
          yy = dct_->year + (W(k2)->rel == Rel::kPrev ? -1 : W(k2)->rel == Rel::kNext ? 1 : 0);
          // A year-back comparison is not the quarter being reported.
          comparison = W(k2)->rel == Rel::kPrev;
          k = k2 + 2;
        }
      }
      if (q && yy) {
        m.end = k;
        m.value = YearValue(yy) + (half ? "-H" : "-Q") + std::to_string(q);
        if (!half && !comparison) m.quarter = q, m.quarter_year = yy;
        return true;
      }
    }
    // A year written with two digits after an apostrophe: "in '89",
    // "fiscal '91" (not "the '90s", a decade, handled above).
    {
      size_t a = Is(j, "fiscal") && Apos(j + 1) ? j + 1 : j;  // "fiscal '91"
      if (!the && Apos(a) && Num(a + 1) && Adj(a + 1) && t_[a + 1].ndig == 2 &&
          !(In(a + 2) && Adj(a + 2) && t_[a + 2].kind != K::kPunct) && dct_ &&
          a > 0 && (Is(a - 1, "in") || Is(a - 1, "since") || Is(a - 1, "fiscal") || Is(a - 1, "of") || Is(a - 1, "by") ||
                    Is(a - 1, "until") || Is(a - 1, "from") || Is(a - 1, "to") || Is(a - 1, "before") || Is(a - 1, "after"))) {
        // The century that puts it nearest the DCT.
        int yy = dct_->year / 100 * 100 + static_cast<int>(t_[a + 1].num);
        if (yy > dct_->year + 50) yy -= 100;
        else if (yy < dct_->year - 50) yy += 100;
        m.end = a + 2;
        SetYear(m, yy);
        return true;
      }
    }
    // Plain year, "fiscal 1989", "the year 2000", "the year two thousand"
    {
      size_t k = the ? j : i;
      // "the 2019 fiscal year", "the 2018 calendar year": the year, as
      // "fiscal 2019" is.
      if (the && Num(k) && Year(k, y, e) && (Is(e, "fiscal") || Is(e, "calendar")) && Is(e + 1, "year") &&
          !IsHyphen(e + 2)) {
        m.end = e + 2;
        SetYear(m, y);
        return true;
      }
      if (the && Is(k, "year")) ++k;
      else if (the) return false;
      if (Is(k, "fiscal")) ++k;
      // "fiscal year 2027"
      if (k > i && Is(k - 1, "fiscal") && Is(k, "year") && In(k + 1) && Num(k + 1)) ++k;
      if (Year(k, y, e)) {
        // A bare number that is a count, not a year: "1990 people",
        // "more than 2000", "some 1500 troops".
        if (W(e) && W(e)->unit != Unit::kNone && Num(k)) return false;
        if (Num(k) && k == i && k > 0 &&
            (Is(k - 1, "than") || Is(k - 1, "nearly") || Is(k - 1, "approximately") || Is(k - 1, "roughly") ||
             Is(k - 1, "some") || Is(k - 1, "about") || Is(k - 1, "almost") || Is(k - 1, "only")))
          return false;
        // A number a name labels, inside a sentence: "Flight 1990", "Gate
        // 2012", "Article 1950" (a capitalised word the time lexicon does
        // not know, not after a sentence's end, where "During 1990" opens).
        if (Num(k) && k == i && k >= 2 && t_[k - 1].kind == K::kWord && t_[k - 1].cap && !W(k - 1) &&
            !t_[k - 1].newline_before && t_[k - 1].low.size() > 1 &&
            (t_[k - 2].kind != K::kPunct || P(k - 2, ',') || P(k - 2, ';')))
          return false;
        if (Num(k) && k == i && (y < 1900 || y > 2099)) {
          static const std::array<std::string_view, 12> kCue = {"in", "since", "of", "by", "until", "from",
                                                                "before", "after", "between", "year", "to", "and"};
          bool cue = false;
          for (auto c : kCue) cue = cue || (k > 0 && Is(k - 1, c));
          if (!cue) return false;
        }
        m.end = e;
        SetYear(m, y);
        // "the 2011-13 drought": the short end of the range is a year of its
        // own ("13", 2013), as TimeML marks both ends of a range.
        if (Num(k) && e == k + 1) {
          int last = YearRangeEnd(k);
          if (last && t_[k + 2].ndig < 4) {
            m.split_end = e;
            m.split_value = YearValue(y);
            m.split_begin = k + 2;
            m.end = k + 3;
            SetYear(m, last);
          }
        }
        return true;
      }
    }
    return false;
  }

  static constexpr int kComingDecadeYears = 3;
  std::optional<std::string> DecadeValue(int tens) const {
    if (!dct_) return std::nullopt;
    int century = dct_->year / 100;
    // The decade that has begun by the DCT, or one about to begin ("the
    // '90s" written in 1989 is the coming decade, not the 1890s).
    if (century * 100 + tens > dct_->year + kComingDecadeYears) --century;
    return Fmt("%02d%dX", century, tens / 10);
  }

  // The holiday whose name starts at i (capitalised), with k set one past
  // it; nullptr when none does.
  const Phrase* HolidayNamedAt(size_t i, size_t& k) const {
    const Word* w = W(i);
    if (!w || !w->phrase_start || !t_[i].cap) return nullptr;
    for (std::uint16_t id : w->phrase_ids) {
      const Phrase& p = L_.phrases[id];
      if (!p.holiday()) continue;
      k = i;
      bool ok = true;
      for (const auto& pw : p.words) {
        if (!PhraseWordAt(k, pw)) { ok = false; break; }
        ++k;
      }
      if (ok) return &p;
    }
    return nullptr;
  }

  // Expressions relative to the DCT.
  bool Relative(size_t i, Match& m) const {
    const Word* w = W(i);
    // "last Christmas", "next Easter": the one before (after) the DCT
    // ("the last Christmas he spent at home" is the final one).
    if ((Is(i, "last") || Is(i, "next")) &&
        !(i > 0 && (Is(i - 1, "the") || Is(i - 1, "his") || Is(i - 1, "her") || Is(i - 1, "their") ||
                    Is(i - 1, "its") || Is(i - 1, "our") || Is(i - 1, "my") || Is(i - 1, "your")))) {
      size_t k = 0, ye;
      int yy;
      if (const Phrase* p = HolidayNamedAt(i + 1, k); p && !Year(k, yy, ye)) {
        m.end = k;
        if (dct_) {
          bool back = Is(i, "last");
          CivilDate c = HolidayDate(*p, dct_->year);
          if (back && DayNumber(c) >= DayNumber(*dct_)) c = HolidayDate(*p, dct_->year - 1);
          if (!back && DayNumber(c) <= DayNumber(*dct_)) c = HolidayDate(*p, dct_->year + 1);
          SetDay(m, c);
        }
        return true;
      }
    }
    // Holidays: "Christmas", "New Year's Day" [YEAR]
    if (w && w->phrase_start && t_[i].cap) {
      for (std::uint16_t id : w->phrase_ids) {
        const Phrase& p = L_.phrases[id];
        if (!p.holiday()) continue;
        size_t k = i;
        bool ok = true;
        for (const auto& pw : p.words) {
          if (!PhraseWordAt(k, pw)) { ok = false; break; }
          ++k;
        }
        if (!ok) continue;
        // "Easter Island", "Christmas Carol": a one-word holiday before a
        // capitalised word (not a year, weekday or month) is part of a name;
        // "a Christmas party" is a kind of party, not a date.
        if (p.words.size() == 1 && In(k) && t_[k].kind == K::kWord && t_[k].cap && !t_[k].newline_before &&
            !(W(k) && (W(k)->weekday || W(k)->month)))
          return false;
        if (i > 0 && (Is(i - 1, "a") || Is(i - 1, "an"))) return false;
        // "the office Christmas party", "Christmas shoppers", "Easter eggs":
        // before a common noun (by the syntax stage's tag) the holiday names a
        // kind of thing, not a day; a time word after it keeps the day
        // ("Christmas morning").
        if (p.words.size() == 1 && In(k) && t_[k].kind == K::kWord && !t_[k].cap && !W(k) &&
            UposAt(t_[k].b) == "NOUN")
          return false;
        int y;
        size_t ye;
        if (P(k, ',') && Year(k + 1, y, ye)) ++k;
        if (Year(k, y, ye)) {
          m.end = ye;
          SetDay(m, HolidayDate(p, y));
          return true;
        }
        m.end = k;
        if (dct_) SetDay(m, YearlessHoliday(p, i));
        // "Christmas morning", "New Year's Eve night": a part of that day.
        if (W(k) && W(k)->pod.size() == 2 && !t_[k].cap) {
          m.end = k + 1;
          m.type = "TIME";
          if (m.value) m.value = *m.value + "T" + W(k)->pod;
        }
        return true;
      }
    }
    // Vague phrases: "these days", "at a later date", "will one day".
    if (w && w->phrase_start) {
      for (std::uint16_t id : w->phrase_ids) {
        const Phrase& p = L_.phrases[id];
        if (!p.vague_type) continue;
        size_t k = i;
        bool ok = true;
        for (const auto& pw : p.words) {
          if (!PhraseWordAt(k, pw)) { ok = false; break; }
          ++k;
        }
        if (!ok) continue;
        if (!p.vague_after.empty()) {
          bool after = false;
          // A contracted auxiliary ("I'd", "we'll") is one token ending in it.
          auto contracted = [&](std::string_view b) {
            std::string_view prev = t_[i - 1].low;
            return prev.size() > b.size() + 1 && prev.ends_with(b) &&
                   (prev.substr(0, prev.size() - b.size()).ends_with("'") ||
                    prev.substr(0, prev.size() - b.size()).ends_with("\xE2\x80\x99"));
          };
          for (const auto& b : p.vague_after) after = after || (i > 0 && (Is(i - 1, b) || contracted(b)));
          if (!after) continue;
        }
        m.end = k;
        m.type = p.vague_type;
        m.value = p.vague_value;
        return true;
      }
    }
    // "at this crucial moment", "this historic moment": "this moment" (a
    // vague.tsv phrase) with one adjective inside it.
    if (Is(i, "this") && Is(i + 2, "moment") && In(i + 1) && t_[i + 1].kind == K::kWord && !t_[i + 1].cap &&
        !W(i + 1)) {
      m.end = i + 3;
      m.value = "PRESENT_REF";
      return true;
    }
    // "right now": the adverb belongs to it.
    if (Is(i, "right") && Is(i + 1, "now")) {
      m.end = i + 2;
      m.value = "PRESENT_REF";
      return true;
    }
    // "in the morning", "during the late afternoon": that part of the day
    // the text last named, else of the DCT (not "in the morning papers").
    if (Is(i, "the") && i > 0 && (Is(i - 1, "in") || Is(i - 1, "during"))) {
      size_t k = i + 1;
      if (W(k) && W(k)->mod == ModKind::kPoint && !IsHyphen(k + 1)) ++k;
      size_t e = k + 1;
      bool ends = !In(e) || t_[e].kind == K::kPunct || IsClauseWord(t_[e].low) || IsFunctionWord(t_[e].low);
      // ("in the morning of May 3" is that day's: the rule for "the
      // morning of" takes it.)
      if (W(k) && W(k)->pod.size() == 2 && !t_[k].cap && !Is(k, "overnight") && !IsHyphen(e) && ends &&
          !Is(e, "of")) {
        m.end = e;
        m.type = "TIME";
        if (std::optional<CivilDate> day = DayInView(i)) m.value = DayValue(*day) + "T" + W(k)->pod;
        return true;
      }
    }
    // "by mid-afternoon", "at late morning": a part of the day in view, as
    // "in the morning" is (not "late morning trading", a kind of trading).
    if (w && w->mod == ModKind::kPoint && (i == 0 || t_[i - 1].kind == K::kPunct || IsClauseWord(t_[i - 1].low) ||
                                           Is(i - 1, "until") || Is(i - 1, "before") || Is(i - 1, "after"))) {
      size_t k = IsHyphen(i + 1) ? i + 2 : i + 1;
      size_t e = k + 1;
      bool ends = !In(e) || t_[e].kind == K::kPunct || IsClauseWord(t_[e].low) || IsFunctionWord(t_[e].low);
      if (W(k) && W(k)->pod.size() == 2 && !t_[k].cap && !Is(k, "overnight") && !IsHyphen(e) && ends) {
        m.end = e;
        m.type = "TIME";
        if (std::optional<CivilDate> day = DayInView(i)) m.value = DayValue(*day) + "T" + W(k)->pod;
        return true;
      }
    }
    // "fiscal second-quarter": the fiscal quarter, "fiscal" included.
    if (Is(i, "fiscal") && W(i + 1) && W(i + 1)->ordinal >= 1 && W(i + 1)->ordinal <= 4) return QuarterRule(i + 1, m);
    // "by week's end", "by month's end": the DCT's week or month, as
    // "year's end" is its year.
    if ((Is(i, "week") || Is(i, "month")) && Apos(i + 1) && Is(i + 2, "s") && Is(i + 3, "end")) {
      m.end = i + 4;
      if (dct_) {
        if (Is(i, "week")) m.value = IsoWeek(*dct_);
        else SetMonth(m, dct_->year, static_cast<int>(dct_->month));
      }
      return true;
    }
    if (Is(i, "the") || Is(i, "that") || Is(i, "its") || Is(i, "year") || YearBackAdjective(i)) return TheRules(i, m);
    if (Is(i, "each") || Is(i, "every") || Is(i, "per")) return EveryRule(i, m);
    // "for weeks", "in months": a bare plural unit after a preposition of time.
    if (w && w->unit != Unit::kNone && w->plural && i > 0 &&
        (Is(i - 1, "for") || Is(i - 1, "in") || Is(i - 1, "within") || Is(i - 1, "past")) && !Is(i + 1, "of") &&
        w->unit != Unit::kQuarter) {
      m.end = i + 1;
      m.type = "DURATION";
      m.value = DurationValue(w->unit, -1);
      return true;
    }
    // "Years of drought", "after months of talks", "it ended weeks of
    // fighting": a bare plural unit opening a sentence, or after a
    // preposition or a verb that takes a stretch of time, measuring what
    // follows. (After a number, a determiner or an adjective it is another
    // rule's; before a capitalised word it is a title: "Days of Thunder".)
    static const std::array<std::string_view, 27> kStretchVerbs = {
        "follows", "followed", "follow", "ends", "ended", "end", "ending", "endured", "endure", "endures",
        "took", "take", "takes", "taking", "taken", "spent", "spend", "spends", "spending", "caps", "capped",
        "crowns", "crowned", "concludes", "concluded", "after", "despite"};
    bool stretch_verb = false;
    for (auto v : kStretchVerbs) stretch_verb = stretch_verb || (i > 0 && Is(i - 1, v));
    if (w && w->unit != Unit::kNone && w->plural && w->unit != Unit::kQuarter && Is(i + 1, "of") &&
        In(i + 2) && !t_[i + 2].cap &&
        (i == 0 || t_[i - 1].kind == K::kPunct || stretch_verb ||
         Is(i - 1, "following") || Is(i - 1, "amid") || Is(i - 1, "through") || Is(i - 1, "with"))) {
      m.end = i + 1;
      m.type = "DURATION";
      m.value = DurationValue(w->unit, -1);
      return true;
    }
    // "it took years", "spent months in jail", "waited weeks": a bare
    // plural unit as the length a verb of time takes.
    if (w && w->unit != Unit::kNone && w->plural && w->unit != Unit::kQuarter && i > 0 && !IsHyphen(i + 1) &&
        !Is(i + 1, "of") && !(W(i + 1) && (W(i + 1)->rel == Rel::kAgo)) && !Is(i + 1, "later") &&
        !Is(i + 1, "earlier")) {
      static const std::array<std::string_view, 16> kVerbs = {
          "take", "takes", "took", "taken", "taking", "spend", "spends", "spent",
          "spending", "last", "lasts", "lasted", "wait", "waits", "waited", "waiting"};
      bool verb = false;
      for (auto v : kVerbs) verb = verb || Is(i - 1, v);
      // ("the last days": an adjective after an article.)
      if (verb && Is(i - 1, "last") && i > 1 && (Is(i - 2, "the") || Is(i - 2, "its") || Is(i - 2, "his") ||
                                                  Is(i - 2, "her") || Is(i - 2, "their")))
        verb = false;
      if (verb) {
        m.end = i + 1;
        m.type = "DURATION";
        m.value = DurationValue(w->unit, -1);
        return true;
      }
    }
    // "a months-long inquiry", "decades-old rules": an unspecified count of
    // the unit, as "two-year" is two years.
    if (w && w->unit != Unit::kNone && w->plural && w->unit != Unit::kQuarter && IsHyphen(i + 1) &&
        (Is(i + 2, "long") || Is(i + 2, "old")) && !(i > 0 && IsHyphen(i - 1))) {
      m.end = i + 3;
      m.type = "DURATION";
      m.value = DurationValue(w->unit, -1);
      return true;
    }
    // "decades ago", "only weeks ago": an unspecified count back from the
    // DCT is the vague past, as "several years ago" is.
    if (w && w->unit != Unit::kNone && w->plural && w->unit != Unit::kQuarter && W(i + 1) &&
        W(i + 1)->rel == Rel::kAgo && !IsHyphen(i + 1)) {
      m.end = i + 2;
      m.value = "PAST_REF";
      return true;
    }
    // "Hours later", "years earlier": an unspecified count of the unit
    // (TimeML leaves "later" out of the expression, as in "three days later").
    if (w && w->unit != Unit::kNone && w->plural && w->unit != Unit::kQuarter &&
        (Is(i + 1, "later") || Is(i + 1, "earlier")) && !Is(i + 2, "than")) {
      m.end = i + 1;
      m.type = "DURATION";
      m.value = DurationValue(w->unit, -1);
      return true;
    }
    // A bare plural unit after "recent"/"several"/"many": "recent years", "several months"
    if (Is(i, "recent") || Is(i, "several") || Is(i, "many") || Is(i, "few") || Is(i, "past") ||
        (w && w->rel == Rel::kNext)) {
      if (W(i + 1) && W(i + 1)->unit != Unit::kNone && W(i + 1)->plural) {
        m.end = i + 2;
        Unit u = W(i + 1)->unit;
        // "in recent years", "in coming quarters": the vague past or future
        // rather than a span (TimeBank dev: three of four "recent/past
        // years" and the one "coming quarters" are PAST_REF/FUTURE_REF;
        // shorter units, "recent weeks", stay durations).
        bool long_unit = u == Unit::kYear || u == Unit::kDecade || u == Unit::kQuarter;
        bool back = Is(i, "recent") || Is(i, "past");
        bool ahead = w && w->rel == Rel::kNext && !Is(i, "next");
        if (long_unit && (back || ahead) && !(i > 0 && Is(i - 1, "the"))) {
          m.value = back ? "PAST_REF" : "FUTURE_REF";
          return true;
        }
        m.type = "DURATION";
        m.value = DurationValue(u, -1);
        return true;
      }
    }
    // "until then", "since then", "by then": the date the text last named.
    // ("by then-Governor Kessar" is a title's adjective, no date.)
    if (t_[i].low == "then" && i > 0 && !IsHyphen(i + 1) &&
        (Is(i - 1, "until") || Is(i - 1, "since") || Is(i - 1, "by") || Is(i - 1, "till")) && anchor_gran_) {
      m.end = i + 1;
      if (anchor_gran_ >= 3) m.value = DayValue(anchor_);
      else if (anchor_gran_ == 2) m.value = MonthValue(anchor_.year, static_cast<int>(anchor_.month));
      else m.value = YearValue(anchor_.year);
      return true;
    }
    // "the then current price": the present of a past moment.
    if (t_[i].low == "then" && Is(i + 1, "current")) {
      m.end = i + 2;
      m.value = "PAST_REF";
      return true;
    }
    if (!w) return false;
    // yesterday / today / tomorrow / tonight [+ part of day]
    if (w->deictic) {
      // "USA Today": a capitalised deictic after a capitalised word is a name.
      if (t_[i].cap && i > 0 && t_[i - 1].kind == K::kWord && t_[i - 1].cap && !t_[i].newline_before) return false;
      m.end = i + 1;
      std::string pod = w->deictic_pod;
      if (W(i + 1) && !W(i + 1)->pod.empty() && W(i + 1)->pod.size() == 2) {
        pod = W(i + 1)->pod;
        m.end = i + 2;
      }
      if (!pod.empty()) m.type = "TIME";
      if (dct_) {
        CivilDate d = AddDays(*dct_, w->deictic_offset);
        if (pod.empty()) SetDay(m, d);
        else m.value = DayValue(d) + "T" + pod;
      }
      return true;
    }
    // last / next / this / coming + unit, weekday, month or season
    if (w->rel == Rel::kPrev || w->rel == Rel::kNext || w->rel == Rel::kThis) {
      if (RelUnit(i, w->rel, m)) return true;
    }
    // "Earlier, ..." at the start of a clause
    if (w->rel == Rel::kEarlier && t_[i].cap && (P(i + 1, ',') || P(i + 1, '.'))) {
      m.end = i + 1;
      m.value = "PAST_REF";
      return true;
    }
    // now / currently / recently / the past ...
    if (!w->ref.empty() && !w->ref_needs_the) {
      if (t_[i].low == "now" && Is(i + 1, "that")) return false;
      // "every now and then", "now and again": how often, not when.
      if (t_[i].low == "now" && Is(i + 1, "and") && (Is(i + 2, "then") || Is(i + 2, "again"))) return false;
      if (i > 0 && Is(i - 1, "as")) return false;  // "as soon as"
      // "the now-closed mill", "the soon-to-be chief": part of an adjective.
      if (IsHyphen(i + 1) && (t_[i].low == "now" || t_[i].low == "soon")) return false;
      // "the previously announced plan": an adverb on a participle, not a
      // clause. (Adjectives such as "the recent attacks" are tagged.)
      bool adverb = t_[i].low.size() > 2 && t_[i].low.substr(t_[i].low.size() - 2) == "ly";
      if (adverb && i > 0 && (Is(i - 1, "the") || Is(i - 1, "a") || Is(i - 1, "an") || Is(i - 1, "its") || Is(i - 1, "s") ||
                    Is(i - 1, "their") || Is(i - 1, "his") || Is(i - 1, "her")))
        return false;
      m.end = i + 1;
      m.value = w->ref;
      return true;
    }
    // A part of the day before its day: "(at mid-)afternoon yesterday",
    // "morning Friday".
    if (w->pod.size() == 2 && W(i + 1) && t_[i + 1].kind == K::kWord &&
        (W(i + 1)->deictic || (W(i + 1)->weekday && t_[i + 1].cap && !W(i + 1)->weekday_abbr))) {
      Match day;
      if (Relative(i + 1, day) && day.end == i + 2) {
        m.end = i + 2;
        m.type = "TIME";
        if (day.gran == 3 && day.value) m.value = DayValue(day.date) + "T" + w->pod;
        return true;
      }
    }
    // Frequency adverbs: daily, annually
    if (!w->set_value.empty()) {
      // "LA Weekly", "Sporting Daily": a capitalised word after another is a
      // name; "the Harbour daily" names a newspaper.
      if (i > 0 && t_[i - 1].kind == K::kWord && t_[i - 1].cap && !t_[i].newline_before && !t_[i - 1].newline_before &&
          !(i > 1 && (P(i - 2, '.') || P(i - 2, '"'))) && !(t_[i - 1].w && (t_[i - 1].w->weekday || t_[i - 1].w->month)))
        return false;
      // "a quarterly dividend": an adjective before its noun is no time expression.
      if (In(i + 1) && t_[i + 1].kind == K::kWord && !IsClauseWord(t_[i + 1].low)) return false;
      if (i > 0 && (Is(i - 1, "the") || Is(i - 1, "a") || Is(i - 1, "its") || Is(i - 1, "average"))) return false;
      m.end = i + 1;
      m.type = "SET";
      m.value = w->set_value;
      return true;
    }
    // A bare weekday [+ part of day]: "Monday", "Friday morning"
    if (w->weekday && t_[i].cap && (!w->weekday_abbr || (P(i + 1, '.') && Adj(i + 1)))) {
      // "the Sunday Courier", "the Monday Guild": a name.
      if (i > 0 && Is(i - 1, "the") && In(i + 1) && t_[i + 1].kind == K::kWord && t_[i + 1].cap && !W(i + 1) &&
          !t_[i + 1].newline_before)
        return false;
      // "the Kessar Sun.": a short form after a capitalised word is a
      // name's last word.
      if (w->weekday_abbr && i > 0 && t_[i - 1].kind == K::kWord && t_[i - 1].cap && !W(i - 1) &&
          !t_[i].newline_before)
        return false;
      m.end = w->weekday_abbr ? i + 2 : i + 1;
      std::string pod;
      if (W(m.end) && W(m.end)->pod.size() == 2) {
        // "Saturday Night Live", "Monday Night Football": a title.
        if (t_[m.end].cap && In(m.end + 1) && t_[m.end + 1].kind == K::kWord && t_[m.end + 1].cap &&
            !t_[m.end + 1].newline_before)
          return false;
        pod = W(m.end)->pod, ++m.end;
      }
      if (!pod.empty()) m.type = "TIME";
      // "on a Sunday": some Sunday, not a particular one.
      if (i > 0 && Is(i - 1, "a")) {
        m.value = Fmt("XXXX-WXX-%d", w->weekday) + (pod.empty() ? "" : "T" + pod);
        return true;
      }
      if (dct_) {
        int tense = TenseAt(i);
        // "to travel to X on Thursday and to Y on Friday": a weekday whose
        // words give no tense, joined by "and" to a day just named in its
        // sentence, is on the same side of the publication date.
        if (tense == 0 && anchor_gran_ >= 3 && anchor_tok_ < i && anchor_end_ <= i && i - anchor_end_ <= 6 &&
            SentenceBreaks(anchor_tok_, i) == 0) {
          bool joined = false;
          for (size_t k = anchor_end_; k < i && !joined; ++k) joined = Is(k, "and");
          if (joined && !(anchor_ == *dct_)) tense = DayNumber(*dct_) < DayNumber(anchor_) ? 1 : -1;
        }
        CivilDate d = WeekdayDate(w->weekday, tense > 0 ? 1 : -1, false);
        if (pod.empty()) SetDay(m, d);
        else m.value = DayValue(d) + "T" + pod;
      }
      return true;
    }
    // Season alone after "the" is handled in TheRules; "early summer" via Prefixed.
    // Ordinal quarter without a year: "third-quarter", "fourth quarter"
    if (w->ordinal >= 1 && w->ordinal <= 4) return QuarterRule(i, m);
    // A bare month: "October", "in May"
    return false;
  }

  bool QuarterRule(size_t k, Match& m) const {
    const Word* w = W(k);
    if (!w || w->ordinal < 1 || w->ordinal > 4) return false;
    size_t u = k + 1;
    if (IsHyphen(u)) ++u;
    bool half = Is(u, "half") && w->ordinal <= 2;
    if (!half && !(W(u) && W(u)->unit == Unit::kQuarter && !W(u)->plural)) return false;
    // "the first half of June": a half of that month, valued as the
    // month (not the year's first half).
    if (half && Is(u + 1, "of") && W(u + 2) && W(u + 2)->month) {
      Match month;
      if ((Calendar(u + 2, month) || Relative(u + 2, month)) && month.gran == 2 && month.end > u + 2) {
        m = month;
        m.anchor = false;
        return true;
      }
    }
    m.end = u + 1;
    if (dct_) {
      int y = dct_->year;
      if (half) {
        int h0 = static_cast<int>(dct_->month - 1) / 6 + 1;
        if (w->ordinal > h0) --y;  // a half not reached yet is last year's... unless future
        m.value = YearValue(y) + "-H" + std::to_string(w->ordinal);
      } else {
        QuarterYear(w->ordinal, y);
        // "expects a first-quarter loss" written in November: a quarter two
        // or more behind the DCT's, in a future clause, is next year's.
        int dq = static_cast<int>(dct_->month - 1) / 3 + 1;
        // (Not a fiscal quarter: "its fiscal second quarter ending Dec. 31".)
        if (y == dct_->year && w->ordinal <= dq - 2 && !(k > 0 && Is(k - 1, "fiscal")) && TenseAt(k) > 0) ++y;
        m.value = YearValue(y) + "-Q" + std::to_string(w->ordinal);
        m.quarter = w->ordinal;
        m.quarter_year = y;
      }
    }
    return true;
  }

  // "year-earlier", "year-ago", "prior-year": the compound adjective of a
  // results report's comparison a year back.
  bool YearBackAdjective(size_t j) const {
    return IsHyphen(j + 1) && ((Is(j, "year") && (Is(j + 2, "earlier") || Is(j + 2, "ago"))) ||
                               (Is(j, "prior") && Is(j + 2, "year")));
  }

  // Rules that start with "the", "that" or "its".
  bool TheRules(size_t i, Match& m) const {
    size_t j = i;
    // "Driver of the Year", "Goal of the Month": a title's capitalised unit
    // after a lower-case "of the" names an award, not a period.
    if (Is(i, "the") && !t_[i].cap && i > 0 && Is(i - 1, "of") && W(i + 1) && W(i + 1)->unit != Unit::kNone &&
        t_[i + 1].cap)
      return false;
    // "over the years", "through the decades": an unspecified span.
    if (Is(i, "the") && i > 0 && (Is(i - 1, "over") || Is(i - 1, "through")) && W(i + 1) && W(i + 1)->plural &&
        (W(i + 1)->unit == Unit::kYear || W(i + 1)->unit == Unit::kDecade || W(i + 1)->unit == Unit::kCentury ||
         W(i + 1)->unit == Unit::kMonth) &&
        !Is(i + 2, "of") && !(In(i + 2) && t_[i + 2].kind == K::kNum)) {
      m.end = i + 2;
      m.type = "DURATION";
      m.value = DurationValue(W(i + 1)->unit, -1);
      return true;
    }
    // "year end", "year-end", "year's end", "the year-end" (TIMEX3 extents
    // keep the determiner; without this "the year" alone was taken)
    if (size_t yi = Is(i, "the") ? i + 1 : i; Is(yi, "year")) {
      size_t k = yi + 1;
      if (IsHyphen(k)) ++k;
      else if (Apos(k) && Is(k + 1, "s")) k += 2;
      if (Is(k, "end")) {
        m.end = k + 1;
        if (dct_) SetYear(m, dct_->year);
        return true;
      }
    }
    if (YearBackAdjective(j)) {
      // "year-earlier (quarter|period)"
      m.end = j + 3;
      int ord = 0;
      if (W(m.end) && W(m.end)->ordinal >= 1 && W(m.end)->ordinal <= 4 && W(m.end + 1) &&
          W(m.end + 1)->unit == Unit::kQuarter)
        ord = W(m.end)->ordinal, ++m.end;
      if (W(m.end) && W(m.end)->unit == Unit::kQuarter && !W(m.end)->plural) {
        ++m.end;
        // "the year-ago quarter": the quarter being reported, a year back;
        // "the year-earlier third quarter": that quarter, a year back.
        if (ord && last_q_ != ord && dct_) {
          int y;
          QuarterYear(ord, y);
          m.value = YearValue(y - 1) + "-Q" + std::to_string(ord);
        } else {
          m.value = QuarterYearBack();
        }
        return true;
      }
      if (Is(m.end, "period")) ++m.end;
      YearAgo(m, 1);
      return true;
    }
    bool the = Is(j, "the") || Is(j, "its");
    bool that = Is(j, "that");
    ++j;
    if (Is(j, "fiscal")) ++j;
    if (the && YearBackAdjective(j)) {
      // The article belongs to the expression only when its noun does.
      return TheRules(j, m) && m.end > j + 3;
    }
    if (the && Is(j, "near") && Is(j + 1, "future")) {
      m.end = j + 2;
      m.value = "FUTURE_REF";
      return true;
    }
    // "the early summer", "the late 1990s", "the mid-1980s"
    if (the && W(j) && W(j)->mod == ModKind::kPoint) {
      size_t k = j + 1;
      if (IsHyphen(k)) ++k;
      if (W(k) && !W(k)->season.empty()) {
        j = k;
      } else {
        Match inner;
        if (In(k) && Yearish(k, inner)) {
          m = inner;
          return true;
        }
        if (In(k) && Calendar(k, inner)) {
          // "the early March auction": the article is the noun's; the
          // expression is "early March".
          size_t e = inner.end;
          if (In(e) && t_[e].kind == K::kWord && !t_[e].cap && !IsClauseWord(t_[e].low) &&
              !IsFunctionWord(t_[e].low) && !W(e))
            return false;
          m = inner;
          return true;
        }
        return false;
      }
    }
    const Word* w = W(j);
    if (!w) return false;
    // "the September quarter": the quarter that month closes (or falls in).
    if (the && w->month && t_[j].cap && w->month_kind != 1 && W(j + 1) && W(j + 1)->unit == Unit::kQuarter &&
        !W(j + 1)->plural) {
      m.end = j + 2;
      if (dct_) {
        m.quarter = (w->month - 1) / 3 + 1;
        m.quarter_year = NearestYearForMonth(w->month);
        m.value = YearValue(m.quarter_year) + "-Q" + std::to_string(m.quarter);
      }
      return true;
    }
    bool unit_next = W(j + 1) && (W(j + 1)->unit != Unit::kNone || W(j + 1)->cardinal >= 0 || W(j + 1)->season.size());
    bool noun_next = In(j + 1) && t_[j + 1].kind == K::kWord && !IsClauseWord(t_[j + 1].low) &&
                     !IsFunctionWord(t_[j + 1].low);
    // "the future of the mill": its fate, not a time.
    if (the && Is(j, "future") && Is(j + 1, "of")) return false;
    if (the && !w->ref.empty() && w->ref_needs_the && !unit_next && !Num(j + 1) && !noun_next) {
      // "the past", "the future", "the near future"
      m.end = j + 1;
      m.value = w->ref;
      return true;
    }
    if (the && Is(j, "near") && Is(j + 1, "future")) {
      m.end = j + 2;
      m.value = "FUTURE_REF";
      return true;
    }
    if (the && w->ordinal >= 1 && w->ordinal <= 4) {
      // "the third-quarter results": the article goes with the noun, not the date.
      if (IsHyphen(j + 1)) return false;
      return QuarterRule(j, m);
    }
    // "the night of Oct. 4", "the morning of May 9, 2018": that part of
    // the day named.
    if (the && W(j) && W(j)->pod.size() == 2 && Is(j + 1, "of") && In(j + 2)) {
      Match d;
      if ((Calendar(j + 2, d) || (W(j + 2) && W(j + 2)->weekday && Relative(j + 2, d))) && d.gran == 3 &&
          d.end > j + 2) {
        m.end = d.end;
        m.type = "TIME";
        if (d.value && d.value->size() == 10) m.value = *d.value + "T" + W(j)->pod;
        m.anchor = d.anchor, m.date = d.date, m.gran = d.gran;
        return true;
      }
    }
    // "the night before.": that part of the day before the date the text
    // last named.
    if (the && W(j) && W(j)->pod.size() == 2 && Is(j + 1, "before") && In(j + 2) && t_[j + 2].kind == K::kPunct) {
      m.end = j + 2;
      m.type = "TIME";
      if (anchor_gran_ >= 3) m.value = DayValue(AddDays(anchor_, -1)) + "T" + W(j)->pod;
      return true;
    }
    // "the next morning", "the following night": a part of the day after
    // the date the text last named (else after the DCT).
    if (the && (Is(j, "next") || Is(j, "following")) && W(j + 1) && W(j + 1)->pod.size() == 2) {
      m.end = j + 2;
      m.type = "TIME";
      if (anchor_gran_ >= 3) m.value = DayValue(AddDays(anchor_, 1)) + "T" + W(j + 1)->pod;
      else if (dct_ && !anchor_gran_) m.value = DayValue(AddDays(*dct_, 1)) + "T" + W(j + 1)->pod;
      return true;
    }
    // "the following Wednesday", "the previous Friday": the first such
    // weekday after (before) the date the text last named (null when none
    // was, like "the following month").
    if (the && (Is(j, "following") || Is(j, "next") || Is(j, "previous") || Is(j, "preceding")) && W(j + 1) &&
        W(j + 1)->weekday && t_[j + 1].cap && !W(j + 1)->weekday_abbr) {
      m.end = j + 2;
      std::optional<CivilDate> base;
      if (anchor_gran_ >= 3) base = anchor_;
      if (base) {
        int dir = Is(j, "following") || Is(j, "next") ? 1 : -1;
        int from = static_cast<int>(IsoWeekday(*base)), to = static_cast<int>(W(j + 1)->weekday);
        int diff = dir > 0 ? (to - from + 7) % 7 : (from - to + 7) % 7;
        SetDay(m, AddDays(*base, dir * (diff ? diff : 7)));
      }
      return true;
    }
    // "that night", "that morning": a part of the date the text last named.
    // ("cannot fix that overnight": at once, and "that" is the pronoun.)
    if (that && W(j) && W(j)->pod.size() == 2 && !Is(j + 1, "of") && !Is(j, "overnight")) {
      m.end = j + 1;
      m.type = "TIME";
      if (anchor_gran_ >= 3) m.value = DayValue(anchor_) + "T" + W(j)->pod;
      return true;
    }
    if ((the || that) && w->rel == Rel::kSame && Is(j, "same") && W(j + 1) && !W(j + 1)->plural &&
        (W(j + 1)->unit == Unit::kDay || W(j + 1)->unit == Unit::kWeek || W(j + 1)->unit == Unit::kMonth ||
         W(j + 1)->unit == Unit::kYear) &&
        !YearBackAfterAt(j + 2)) {
      // "the same day", "that same year": the date the text last named.
      m.end = j + 2;
      AnchorShift(m, W(j + 1)->unit, 0);
      return true;
    }
    if (the && w->rel == Rel::kSame) {
      // "the corresponding period last year", "the same quarter a year ago"
      size_t k = j + 1;
      if (!((W(k) && W(k)->unit == Unit::kQuarter && !W(k)->plural) || Is(k, "period"))) return false;
      size_t e;
      // "the same quarter of 1988", "the comparable period in 1988": the
      // quarter being reported, in that year.
      int yy;
      size_t ye;
      if ((Is(k + 1, "of") || Is(k + 1, "in")) && Year(k + 2, yy, ye)) {
        m.end = ye;
        m.value = YearValue(yy) + (last_q_ ? "-Q" + std::to_string(last_q_) : std::string("-QX"));
        return true;
      }
      if (!YearBackAfter(k + 1, e)) return false;
      m.end = e;
      m.value = QuarterYearBack();
      return true;
    }
    if (the && w->rel != Rel::kNone) {
      // "the current quarter", "the latest quarter", "the following month", "the previous day",
      // "the current fiscal year"
      size_t uj = j + 1;
      if (Is(uj, "fiscal") && W(uj + 1) && (W(uj + 1)->unit == Unit::kYear || W(uj + 1)->unit == Unit::kQuarter)) ++uj;
      const Word* u = W(uj);
      if (u && u->unit != Unit::kNone && !u->plural) {
        // "the past quarter-century": the span of twenty-five years.
        if (u->unit == Unit::kQuarter && IsHyphen(uj + 1) && Is(uj + 2, "century")) {
          m.end = uj + 3;
          m.type = "DURATION";
          m.value = "P25Y";
          return true;
        }
        m.end = uj + 1;
        if (w->rel == Rel::kLatest) return LatestQuarter(m, u->unit);
        if (w->rel == Rel::kThis) return RelUnit(j, Rel::kThis, m);
        // following / previous / next / last: relative to the last date mentioned
        int dir = w->rel == Rel::kNext || t_[j].low == "following" ? 1 : -1;
        if (t_[j].low == "past" || t_[j].low == "last") return RelUnit(j, Rel::kPrev, m) || true;
        // "the next day" in a narrative is the day after the date the text
        // last named ("On March 3 ... The next day ..."); "the next year"
        // still looks ahead from the DCT ("over the next year").
        if (t_[j].low == "next" && u->unit == Unit::kDay && anchor_gran_ >= 3) {
          AnchorShift(m, u->unit, 1);
          return true;
        }
        if (t_[j].low == "next" || t_[j].low == "coming" || t_[j].low == "upcoming")
          return RelUnit(j, Rel::kNext, m) || true;
        AnchorShift(m, u->unit, dir);
        return true;
      }
      if (w->rel == Rel::kLatest && Is(j + 1, "period")) {
        m.end = j + 2;
        return LatestQuarter(m, Unit::kQuarter);
      }
      return false;
    }
    // "the fall of the city", "the month of fasting", "the day of the vote":
    // not the current season or unit.
    if (Is(j + 1, "of")) return false;
    // "the fall in oil prices": a drop, not autumn (a capitalised place
    // after "in" keeps the season: "the fall in Vienna").
    if (Is(j, "fall") && Is(j + 1, "in") && In(j + 2) && t_[j + 2].kind == K::kWord && !t_[j + 2].cap) return false;
    if (!w->season.empty() && the) {
      // "the Winter Meetings", "the Summer Olympics": a capitalised season
      // before a capitalised word is part of a name.
      if (t_[j].cap && In(j + 1) && t_[j + 1].kind == K::kWord && t_[j + 1].cap && !t_[j + 1].newline_before)
        return false;
      m.end = j + 1;
      // As "this winter": in January or February the winter began last December.
      if (dct_) {
        int y = dct_->year - (w->season == "WI" && dct_->month <= 2 ? 1 : 0);
        // As a year-less month does: a past clause does not mean a season a
        // quarter or more from beginning ("the harvest failed in the fall",
        // written in February, is last year's), nor a clause that looks
        // ahead one over a quarter or more ago; nearer ones stay, as the
        // tense read from the words around is not sure enough for them.
        int c = dct_->year * 12 + static_cast<int>(dct_->month) - 1;
        int start = y * 12 + SeasonStartMonth(w->season) - 1;
        if (start - c >= kFarAheadMonths && TenseAt(i) < 0) --y;
        else if (c - (start + 3) >= kFarAheadMonths && TenseAt(i) > 0) ++y;
        m.value = SeasonFor(w->season, y);
      }
      return true;
    }
    if (w->unit != Unit::kNone && !w->plural) {
      m.end = j + 1;
      // "the day before yesterday", "the day after tomorrow", "the year
      // before last", "the week after next": two units from the DCT.
      if (the && dct_ && ((Is(j + 1, "before") && (Is(j + 2, "yesterday") || Is(j + 2, "last"))) ||
                          (Is(j + 1, "after") && (Is(j + 2, "tomorrow") || Is(j + 2, "next"))))) {
        bool day_word = Is(j + 2, "yesterday") || Is(j + 2, "tomorrow");
        if (day_word != (w->unit == Unit::kDay)) return false;
        int dir = Is(j + 1, "before") ? -2 : 2;
        m.end = j + 3;
        switch (w->unit) {
          case Unit::kDay: SetDay(m, AddDays(*dct_, dir)); break;
          case Unit::kWeek: m.value = IsoWeek(AddDays(*dct_, 7 * dir)); break;
          case Unit::kMonth: {
            int y = dct_->year, mo = static_cast<int>(dct_->month);
            ShiftMonth(y, mo, dir);
            m.value = MonthValue(y, mo);
            break;
          }
          case Unit::kYear: m.value = YearValue(dct_->year + dir); break;
          default: return false;
        }
        return true;
      }
      // "on March 3, the day before the vote": in apposition to a date just
      // named, "the day" is that date (the event it is counted from is not
      // part of the expression).
      if (the && w->unit == Unit::kDay && i >= 2 && P(i - 1, ',') && anchor_end_ == i - 1 && anchor_gran_ >= 3 &&
          anchor_tok_ + 8 > i) {
        m.value = DayValue(anchor_);
        return true;
      }
      // "the year before,", "the day earlier.": one unit before the date the
      // text last named. (Not "the day before the vote": that counts from an
      // event.)
      // ("the day after,", "the year later.": one unit after it.)
      if (the && (Is(j + 1, "before") || Is(j + 1, "earlier") || Is(j + 1, "after") || Is(j + 1, "later")) &&
          In(j + 2) && t_[j + 2].kind == K::kPunct && !Apos(j + 2) &&
          (w->unit == Unit::kDay || w->unit == Unit::kWeek || w->unit == Unit::kMonth || w->unit == Unit::kYear)) {
        m.end = j + 2;
        AnchorShift(m, w->unit, Is(j + 1, "after") || Is(j + 1, "later") ? 1 : -1);
        return true;
      }
      if (that) {
        AnchorShift(m, w->unit, 0);
        return true;
      }
      if (w->unit == Unit::kQuarter) {
        // "the quarter a year ago", "the quarter of last year"
        if (size_t e; YearBackAfter(j + 1, e)) {
          m.end = e;
          m.value = QuarterYearBack();
          return true;
        }
        // "the quarter ended July 31": a quarter named by its closing day is
        // the calendar quarter holding most of it, the one its midpoint (45
        // days before the close) falls in; a company's own quarter count
        // cannot be known without an ordinal ("the fiscal first quarter").
        if (Is(j + 1, "ended") || Is(j + 1, "ending")) {
          Match close;
          if (In(j + 2) && (Calendar(j + 2, close) || Relative(j + 2, close)) && close.gran == 3 && close.value) {
            CivilDate mid = AddDays(close.date, -45);
            // Later references keep the quarter the text counted before: a
            // company whose fiscal year is not the calendar's names its own
            // quarters ("the fiscal first quarter ended Sept. 30").
            std::string v = YearValue(mid.year);
            v += "-Q";
            v += static_cast<char>('1' + (mid.month - 1) / 3);
            m.value = std::move(v);
            return true;
          }
        }
        // "the quarter": the quarter the text last named, else the last one completed.
        if (last_q_) {
          m.value = YearValue(last_qy_) + "-Q" + std::to_string(last_q_);
        } else if (dct_) {
          int qi = dct_->year * 4 + static_cast<int>(dct_->month - 1) / 3 - 1;
          m.value = YearValue(qi / 4) + "-Q" + std::to_string(qi % 4 + 1);
        }
        return true;
      }
      if (w->unit == Unit::kYear) {
        // "throughout the year", "the fiscal year ended June 30": the span of
        // a year (a reporting period named by its last day; on TimeBank dev
        // the annotators valued three of four as P1Y); otherwise the DCT's
        // year, also after "for" ("For the year, volume was flat": both dev
        // examples are the year 1989, none P1Y).
        if ((i > 0 && (Is(i - 1, "during") || Is(i - 1, "throughout") || Is(i - 1, "over"))) ||
            Is(j + 1, "ended") || Is(j + 1, "ending") ||
            ((Is(j + 1, "that") || Is(j + 1, "which") || Is(j + 1, "just")) && (Is(j + 2, "ended") || Is(j + 2, "ends")))) {
          m.type = "DURATION";
          m.value = "P1Y";
        } else if (RecentAnchorUnit(Unit::kYear, i, m)) {
        } else if (dct_) {
          SetYear(m, dct_->year);
        }
        return true;
      }
      if (w->unit == Unit::kWeekend) {
        if (dct_) m.value = WeekendValue(0, TenseAt(i));
        return true;
      }
      // "by the end of the decade", "the century's biggest storm": the DCT's.
      if (w->unit == Unit::kDecade || w->unit == Unit::kCentury) {
        // "over the decade": its span, as "throughout the year" is.
        if (i > 0 && (Is(i - 1, "during") || Is(i - 1, "throughout") || Is(i - 1, "over"))) {
          m.type = "DURATION";
          m.value = DurationValue(w->unit, 1);
        } else if (dct_) {
          m.value = w->unit == Unit::kDecade ? Fmt("%03dX", dct_->year / 10) : Fmt("%02dXX", dct_->year / 100);
        }
        return true;
      }
      // "the week ended Oct. 27", "the month ended Sept. 30": the week or
      // month of the date that closes it (the date itself is its own
      // expression).
      if ((w->unit == Unit::kMonth || w->unit == Unit::kWeek) && (Is(j + 1, "ended") || Is(j + 1, "ending"))) {
        Match close;
        if (In(j + 2) && (Calendar(j + 2, close) || Relative(j + 2, close)) && close.gran == 3 && close.value) {
          if (w->unit == Unit::kWeek) m.value = IsoWeek(close.date);
          else m.value = MonthValue(close.date.year, static_cast<int>(close.date.month));
          return true;
        }
      }
      if ((w->unit == Unit::kMonth || w->unit == Unit::kWeek) && RecentAnchorUnit(w->unit, i, m)) return true;
      if (w->unit == Unit::kMonth) {
        if (dct_) SetMonth(m, dct_->year, static_cast<int>(dct_->month)), m.anchor = false;
        return true;
      }
      if (w->unit == Unit::kWeek) {
        if (dct_) m.value = IsoWeek(*dct_);
        return true;
      }
      return false;
    }
    if (the && Is(j, "full") && Is(j + 1, "year")) {
      m.end = j + 2;
      if (dct_) SetYear(m, dct_->year);
      return true;
    }
    return false;
  }

  // delta 0: the weekend nearest the DCT (Monday to Wednesday look back);
  // +1: the one after that; -1: see below.
  // A clause's tense (`tense`, from TenseAt) decides delta 0 when it has
  // one: "will meet this weekend" is the coming one even on a Monday,
  // "talks stalled over the weekend" the one gone even on a Thursday.
  std::string WeekendValue(int delta, int tense = 0) const {
    // "last weekend" is the latest weekend already over on a weekday (the
    // one just gone, even on a Monday), and on a weekend the one before.
    if (delta < 0) return IsoWeek(AddDays(*dct_, -7)) + "-WE";
    int wd = static_cast<int>(IsoWeekday(*dct_));
    if (delta == 0 && tense > 0) return IsoWeek(*dct_) + "-WE";
    if (delta == 0 && tense < 0) return IsoWeek(wd >= 6 ? *dct_ : AddDays(*dct_, -7)) + "-WE";
    CivilDate base = wd <= 3 ? AddDays(*dct_, -7) : *dct_;
    return IsoWeek(AddDays(base, 7 * delta)) + "-WE";
  }

  // "the week", "the month", "the year" (also "earlier in the month")
  // right after a date: "Stocks fell on Friday. For the week, the index
  // lost 3%" is the week of that Friday, "October's rise made the month's
  // data strong" is October, "Sales rose in 1987; for the year, ..." is
  // 1987. Only an anchor in the same or the previous sentence counts, and
  // not the base of a comparison ("up from $4 million in 1988. For the
  // year, ..." is this year); otherwise the caller takes the DCT's week,
  // month or year.
  bool RecentAnchorUnit(Unit u, size_t at, Match& m) const {
    int need = u == Unit::kWeek ? 3 : u == Unit::kMonth ? 2 : 1;
    if (ref_gran_ < need || ref_tok_ >= at || SentenceBreaks(ref_tok_, at) > 1) return false;
    // "He joined in 2015. He will retire at the end of the year": a clause
    // that looks ahead does not mean a year, month or week already over at
    // the DCT; it is the DCT's own.
    // ("2011, which is the year she left": a copula right after the date
    // names it again, whatever the tense.)
    bool restated = at >= 1 && (Is(at - 1, "is") || Is(at - 1, "was")) && ref_tok_ + 5 >= at;
    if (dct_ && !restated && TenseAt(at) > 0) {
      auto key = [](CivilDate d) { return (d.year * 16 + static_cast<int>(d.month)) * 32 + static_cast<int>(d.day); };
      CivilDate monday = AddDays(*dct_, 1 - static_cast<int>(IsoWeekday(*dct_)));
      bool over = u == Unit::kYear    ? ref_.year < dct_->year
                  : u == Unit::kMonth ? ref_.year * 12 + static_cast<int>(ref_.month) <
                                            dct_->year * 12 + static_cast<int>(dct_->month)
                                      : key(ref_) < key(monday);
      if (over) return false;
    }
    if (u == Unit::kWeek) m.value = IsoWeek(ref_);
    else if (u == Unit::kMonth) m.value = MonthValue(ref_.year, static_cast<int>(ref_.month));
    else SetYear(m, ref_.year), m.anchor = false;
    return true;
  }

  // Whether the date at token i is what a figure is compared with: "from",
  // "than", "versus", "against" or "compared with" a few words before it in
  // its clause ("up from $4 million in 1988", "compared with September").
  bool ComparisonBase(size_t i) const {
    for (size_t k = i, n = 0; k > 0 && n < 8; ++n) {
      --k;
      const Tok& tk = t_[k];
      if (tk.kind == K::kPunct && (tk.low[0] == '.' || tk.low[0] == ';' || tk.low[0] == '!' || tk.low[0] == '?')) break;
      if (Is(k, "from") || Is(k, "than") || Is(k, "versus") || Is(k, "against") ||
          (Is(k, "with") && k > 0 && Is(k - 1, "compared")))
        return true;
      if (tk.kind == K::kWord && tk.w && (tk.w->month || tk.w->weekday)) break;  // another date in between
    }
    return false;
  }

  // "the latest quarter": the quarter last named, else the last completed one.
  bool LatestQuarter(Match& m, Unit u) const {
    if (u != Unit::kQuarter) {
      if (u == Unit::kYear && dct_) SetYear(m, dct_->year - 1);
      return true;
    }
    if (last_q_) {
      m.value = YearValue(last_qy_) + "-Q" + std::to_string(last_q_);
    } else if (dct_) {
      int qi = dct_->year * 4 + static_cast<int>(dct_->month - 1) / 3 - 1;
      m.value = YearValue(qi / 4) + "-Q" + std::to_string(qi % 4 + 1);
    }
    return true;
  }

  // After "the same quarter", "the corresponding period": "last year", "of
  // last year", "a year ago", "a year earlier", "the previous year"; e is
  // set past it.
  bool YearBackAfter(size_t k, size_t& e) const {
    if (Is(k, "of") || Is(k, "in")) ++k;
    if ((Is(k, "last") || Is(k, "previous") || Is(k, "prior")) && Is(k + 1, "year")) return e = k + 2, true;
    if (Is(k, "the") && (Is(k + 1, "previous") || Is(k + 1, "prior")) && Is(k + 2, "year")) return e = k + 3, true;
    if ((Is(k, "a") || Is(k, "one")) && Is(k + 1, "year") && (Is(k + 2, "ago") || Is(k + 2, "earlier")))
      return e = k + 3, true;
    return false;
  }

  bool YearBackAfterAt(size_t k) const {
    size_t e;
    return YearBackAfter(k, e);
  }

  // The quarter the text last named, a year back; else the last completed
  // quarter a year back.
  std::optional<std::string> QuarterYearBack() const {
    if (last_q_) return YearValue(last_qy_ - 1) + "-Q" + std::to_string(last_q_);
    if (!dct_) return std::nullopt;
    int qi = dct_->year * 4 + static_cast<int>(dct_->month - 1) / 3 - 1 - 4;
    return YearValue(qi / 4) + "-Q" + std::to_string(qi % 4 + 1);
  }

  // "a year ago" style value: the quarter the text last named a year back,
  // else the DCT's year. After a longer period ("the nine months ... up
  // from $2 million a year earlier") it is that period's year: on TimeBank
  // dev all five such comparisons were valued with the year.
  void YearAgo(Match& m, long long n) const {
    // "In April, exports rose 5% from a year earlier": a month named in the
    // same sentence (after any quarter) is what is compared, a year back.
    // (Not a month that is itself a comparison's base: "in October from
    // September and from a year earlier" compares October.)
    if (ref_gran_ == 2 && (!last_q_ || ref_tok_ > last_q_tok_) && ref_tok_ < cur_ && SentenceBreaks(ref_tok_, cur_, 0) == 0) {
      m.value = MonthValue(ref_.year - static_cast<int>(n), static_cast<int>(ref_.month));
      return;
    }
    if (last_q_ && !long_period_) {
      m.value = YearValue(last_qy_ - static_cast<int>(n)) + "-Q" + std::to_string(last_q_);
    } else if (dct_) {
      SetYear(m, dct_->year - static_cast<int>(n));
      m.anchor = false;
    }
  }

  // "the following month", "that year": relative to the last date the text named.
  void AnchorShift(Match& m, Unit u, int dir) const {
    // "the previous quarter", "the following quarter": next to the quarter
    // the text last named (the one being reported), as the TIMEX3
    // guidelines anchor such phrases on the time they refer back to.
    if (u == Unit::kQuarter) {
      if (last_q_) {
        int qi = last_qy_ * 4 + last_q_ - 1 + dir;
        m.value = YearValue(qi / 4) + "-Q" + std::to_string(qi % 4 + 1);
      }
      return;
    }
    // With no date named before it, the time referred back to is the last
    // one a relative expression gave, if fine enough for the unit ("sales
    // fell last year; the previous year they rose": 1987 from 1988). With
    // none, the time is an event's, which the value cannot know.
    CivilDate a = anchor_;
    int gran = anchor_gran_;
    if (!gran) {
      int need = u == Unit::kYear ? 1 : u == Unit::kMonth ? 2 : 3;
      if (said_gran_ < need) return;
      a = said_, gran = said_gran_;
    }
    switch (u) {
      case Unit::kDay:
        if (gran >= 3) m.value = DayValue(AddDays(a, dir));
        break;
      case Unit::kWeek:
        if (gran >= 3) m.value = IsoWeek(AddDays(a, 7 * dir));
        break;
      case Unit::kMonth:
        if (gran >= 2) {
          int y = a.year, mo = static_cast<int>(a.month);
          ShiftMonth(y, mo, dir);
          m.value = MonthValue(y, mo);
        }
        break;
      case Unit::kYear:
        m.value = YearValue(a.year + dir);
        break;
      default:
        break;
    }
  }

  // last/next/this/coming + week, month, year, weekday, month name or season.
  bool RelUnit(size_t i, Rel rel, Match& m) const {
    size_t j = i + 1;
    // "this past week", "this past weekend": the one just gone; "this
    // coming spring": the next one.
    if (rel == Rel::kThis && Is(j, "past") && t_[i].low == "this") rel = Rel::kPrev, ++j;
    else if (rel == Rel::kThis && Is(j, "coming") && t_[i].low == "this") rel = Rel::kNext, ++j;
    bool fiscal = false;  // "last fiscal year": only units may follow
    if (Is(j, "fiscal")) ++j, fiscal = true;
    const Word* u = W(j);
    if (!u) return false;
    // "This Week", "Next Year": title case makes it a name (a programme, a party).
    if (u->unit != Unit::kNone && t_[j].cap) return false;
    int dir = rel == Rel::kPrev ? -1 : rel == Rel::kNext ? 1 : 0;
    if (u->unit != Unit::kNone && !u->plural) {
      m.end = j + 1;
      // "last year's", "this year's" stay one token with the possessive.
      if (!dct_) return true;
      switch (u->unit) {
        case Unit::kDay: SetDay(m, AddDays(*dct_, dir)); break;
        case Unit::kWeek:
          // Written on a Sunday, "last week" is the Monday to Saturday just
          // ended: the ISO week of the DCT itself (ISO weeks end on Sunday).
          if (dir < 0 && IsoWeekday(*dct_) == 7) m.value = IsoWeek(*dct_);
          else m.value = IsoWeek(AddDays(*dct_, 7 * dir));
          break;
        case Unit::kWeekend: m.value = WeekendValue(dir, dir == 0 ? TenseAt(i) : 0); break;
        case Unit::kMonth: {
          int y = dct_->year, mo = static_cast<int>(dct_->month);
          ShiftMonth(y, mo, dir);
          SetMonth(m, y, mo);
          m.anchor = false;
          break;
        }
        case Unit::kQuarter: {
          int qi = dct_->year * 4 + static_cast<int>(dct_->month - 1) / 3 + dir;
          m.value = YearValue(qi / 4) + "-Q" + std::to_string(qi % 4 + 1);
          m.quarter = qi % 4 + 1;
          m.quarter_year = qi / 4;
          break;
        }
        case Unit::kYear:
          SetYear(m, dct_->year + dir);
          m.anchor = false;
          // "next year's first quarter"
          if (Apos(m.end) && Is(m.end + 1, "s") && W(m.end + 2) && W(m.end + 2)->ordinal >= 1 &&
              W(m.end + 2)->ordinal <= 4) {
            size_t u2 = m.end + 3;
            if (IsHyphen(u2)) ++u2;
            if (W(u2) && W(u2)->unit == Unit::kQuarter && !W(u2)->plural) {
              m.quarter = W(m.end + 2)->ordinal;
              m.quarter_year = dct_->year + dir;
              m.value = YearValue(m.quarter_year) + "-Q" + std::to_string(m.quarter);
              m.end = u2 + 1;
            } else if (Is(u2, "half") && W(m.end + 2)->ordinal <= 2) {
              // "next year's second half"
              m.value = YearValue(dct_->year + dir) + "-H" + std::to_string(W(m.end + 2)->ordinal);
              m.end = u2 + 1;
            }
          }
          // "last year's quarter", "last year's period": the quarter being
          // reported, a year back.
          if (dir < 0 && Apos(m.end) && Is(m.end + 1, "s") &&
              ((W(m.end + 2) && W(m.end + 2)->unit == Unit::kQuarter && !W(m.end + 2)->plural) ||
               Is(m.end + 2, "period"))) {
            m.end += 3;
            m.anchor = false;
            m.value = QuarterYearBack();
          } else if (dir < 0 && last_q_ && !long_period_ && ComparedFigure(i, m.end)) {
            // "net was $5 million, compared with $3 million last year", "up
            // 13% from last year's $1.55 billion": in a quarterly report the
            // figure compared is that quarter's, a year back.
            m.anchor = false;
            m.value = QuarterYearBack();
          }
          break;
        // "the past decade", "the last century": the span that ends now,
        // not the calendar decade before this one.
        case Unit::kDecade:
          if (dir < 0) m.type = "DURATION", m.value = DurationValue(Unit::kDecade, 1);
          else m.value = Fmt("%03dX", dct_->year / 10 + dir);
          break;
        case Unit::kCentury:
          if (dir < 0) m.type = "DURATION", m.value = DurationValue(Unit::kCentury, 1);
          else m.value = Fmt("%02dXX", dct_->year / 100 + dir);
          break;
        // "the past hour", "the last minute": the span just ended; "the
        // next hour": the span about to begin.
        case Unit::kHour:
        case Unit::kMinute:
          if (dir == 0 || (dir > 0 && !(i > 0 && Is(i - 1, "the")))) {
            m.value.reset();
            return false;
          }
          m.type = "DURATION";
          m.value = DurationValue(u->unit, 1);
          break;
        default: m.value.reset(); return false;
      }
      return true;
    }
    if (fiscal) return false;
    // "Following Wednesday's vote": without "the", "following" is the
    // preposition and the weekday stands alone.
    if (t_[i].low == "following" && !(i > 0 && Is(i - 1, "the"))) return false;
    if (u->weekday && t_[j].cap && !u->weekday_abbr) {
      m.end = j + 1;
      std::string pod;
      if (W(m.end) && W(m.end)->pod.size() == 2) pod = W(m.end)->pod, ++m.end;
      if (!pod.empty()) m.type = "TIME";
      if (dct_) {
        CivilDate d;
        if (rel == Rel::kThis) d = WeekdayDate(u->weekday, TenseAt(i) > 0 ? 1 : -1, false);
        else d = WeekdayDate(u->weekday, dir, true);
        if (pod.empty()) SetDay(m, d);
        else m.value = DayValue(d) + "T" + pod;
      }
      return true;
    }
    if (u->month && t_[j].cap && u->month_kind != 1) {
      m.end = j + 1;
      if (dct_) {
        int y = dct_->year;
        int cur = static_cast<int>(dct_->month);
        if (rel == Rel::kPrev) y = static_cast<int>(u->month) < cur ? y : y - 1;
        else if (rel == Rel::kNext) y = static_cast<int>(u->month) > cur ? y : y + 1;
        SetMonth(m, y, u->month);
      }
      return true;
    }
    if (!u->season.empty()) {
      m.end = j + 1;
      if (dct_) {
        // Seasons last three months from their start month; winter YYYY-WI
        // starts in December of YYYY. Work in months since year 0.
        auto floor_div = [](int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); };
        int s0 = SeasonStartMonth(u->season) - 1;
        int c = dct_->year * 12 + static_cast<int>(dct_->month) - 1;
        int y = dct_->year;
        if (rel == Rel::kPrev) y = floor_div(c - 3 - s0, 12);       // the last one over
        else if (rel == Rel::kNext) y = floor_div(c - s0, 12) + 1;  // the first one not begun
        else if (u->season == "WI" && dct_->month <= 2) --y;       // this winter began last December
        m.value = SeasonFor(u->season, y);
      }
      return true;
    }
    if (Is(j, "night") && rel == Rel::kPrev && t_[i].low == "last") {
      m.end = j + 1;
      m.type = "TIME";
      if (dct_) m.value = DayValue(AddDays(*dct_, -1)) + "TNI";
      return true;
    }
    if (!u->pod.empty() && u->pod.size() == 2 && rel == Rel::kThis) {
      m.end = j + 1;
      m.type = "TIME";
      if (dct_) m.value = DayValue(*dct_) + "T" + u->pod;
      return true;
    }
    return false;
  }

  // Durations and counted offsets: "three days", "the past three months",
  // "two weeks ago", "a year earlier", "five-year", "the next several days".
  bool Quantified(size_t i, Match& m) const {
    // "a three-year period", "the five-year period": a span named by its length.
    if ((Is(i, "a") || Is(i, "the")) && !Is(i + 1, "a")) {
      long long v;
      size_t e;
      if (Cardinal(i + 1, v, e) && IsHyphen(e) && W(e + 1) && W(e + 1)->unit != Unit::kNone && !W(e + 1)->plural &&
          Is(e + 2, "period")) {
        m.end = e + 3;
        m.type = "DURATION";
        m.value = DurationValue(W(e + 1)->unit, v);
        return true;
      }
    }
    size_t j = i;
    bool the = false;
    int relw = 0;  // -1 past/last, +1 next/coming, 2 first
    if (Is(j, "the")) the = true, ++j;
    // "expected to last six weeks", "will last a month": the verb "last".
    if (!the && Is(j, "last") && i > 0 &&
        (Is(i - 1, "to") || (W(i - 1) && W(i - 1)->tense == 1) || ModalBefore(i)))
      return false;
    if (W(j) && (W(j)->rel == Rel::kPrev || W(j)->rel == Rel::kNext || W(j)->rel == Rel::kLatest)) {
      // "the sequel is coming a month after the first": the verb, before a count.
      if (!the && Is(j, "coming") && (Is(j + 1, "a") || Is(j + 1, "an") || (In(j + 1) && t_[j + 1].kind == K::kNum)))
        return false;
      relw = W(j)->rel == Rel::kNext ? 1 : -1;
      ++j;
    } else if (the && W(j) && W(j)->ordinal == 1 && !Is(j + 1, "quarter") && !Is(j + 1, "half")) {
      relw = 2;
      ++j;
    }
    Amount a;
    if (MilitaryHours(j) || !AmountAt(j, a)) return false;
    size_t k = a.end;
    bool hyphen = false;
    if (IsHyphen(k)) hyphen = true, ++k;
    while (!hyphen && W(k) && W(k)->mod == ModKind::kFiller) ++k;
    const Word* u = W(k);
    if (!u || u->unit == Unit::kNone) return false;
    if (IsHyphen(k + 1) && (Is(k + 2, "earlier") || Is(k + 2, "ago"))) return false;  // "a year-earlier level"
    if (hyphen && u->plural) return false;
    if (hyphen && the && !relw) return false;  // "the five-year plan": the article is not part of it
    if (!hyphen && !a.vague && !a.half && a.n == 1 && u->plural) return false;
    // "half a years" is no expression; "half-year" is the adjective.
    if (a.half && a.n == 0 && u->plural) return false;
    // "five year low" is adjectival; "1988 quarter" is a year, not a count.
    if (!hyphen && !a.vague && a.n > 1 && !u->plural &&
        !(In(k + 1) && t_[k + 1].kind == K::kWord && !(Num(j) && t_[j].ndig >= 4)))
      return false;
    if (the && !relw && !hyphen && a.n < 0 && !a.vague) return false;
    if (!hyphen && Is(k + 1, "old")) return false;  // an age
    // "a quarter of the vote", "three quarters of voters", "cut by a
    // quarter", "a quarter point": the fraction, not three months.
    // ("a quarter of an hour" is fifteen minutes.)
    // "a quarter-century": twenty-five years ("a quarter-century ago" the
    // year that far back); "a quarter-of-a-mile" is the fraction.
    if (u->unit == Unit::kQuarter && !a.half && IsHyphen(k + 1) && Is(k + 2, "of")) return false;
    if (u->unit == Unit::kQuarter && !a.half && a.n == 1 && IsHyphen(k + 1) && Is(k + 2, "century")) {
      m.end = k + 3;
      m.type = "DURATION";
      m.value = "P25Y";
      if (!the && !relw && W(m.end) && W(m.end)->rel == Rel::kAgo) {
        ++m.end;
        m.type = "DATE";
        m.value.reset();
        if (dct_) SetYear(m, dct_->year - 25);
      }
      return true;
    }
    if (u->unit == Unit::kQuarter && !the && !relw && !a.half) {
      // "between a quarter and a fifth": fractions.
      if (a.n == 1 && (Is(k + 1, "and") || Is(k + 1, "or") || Is(k + 1, "to")) &&
          (Is(k + 2, "a") || Is(k + 2, "one")) &&
          (Is(k + 3, "third") || Is(k + 3, "half") || Is(k + 3, "fifth") || Is(k + 3, "tenth")))
        return false;
      if ((a.n == 1 || a.n == 3) && Is(k + 1, "of")) {
        if ((Is(k + 2, "an") || Is(k + 2, "a")) && W(k + 3) && W(k + 3)->unit == Unit::kHour && !W(k + 3)->plural) {
          m.end = k + 4;
          m.type = "DURATION";
          m.value = a.n == 1 ? "PT15M" : "PT45M";
          return true;
        }
        return false;
      }
      if (Is(k + 1, "point") || Is(k + 1, "percent") || Is(k + 1, "percentage") ||
          (IsHyphen(k + 1) && Is(k + 2, "point")))
        return false;
      if (a.n == 1 && i > 0 && Is(i - 1, "by")) return false;
    }
    // "a second round": the ordinal, not a second of time.
    if (u->unit == Unit::kSecond && !u->plural && (Is(j, "a") || Is(j, "an"))) return false;
    m.end = k + 1;
    // "a year and a half", "two years and a half"
    if (!hyphen && !a.half && !a.vague && a.n >= 1 && Is(m.end, "and") && Is(m.end + 1, "a") && Is(m.end + 2, "half")) {
      m.end += 3;
      a.half = true;
    }
    // "a year or two": an unspecified count of the unit.
    if (!hyphen && Is(m.end, "or") && In(m.end + 1)) {
      long long v2;
      size_t e2;
      if (Cardinal(m.end + 1, v2, e2) && !(W(e2) && W(e2)->unit != Unit::kNone) && !(In(e2) && t_[e2].kind == K::kNum)) {
        m.end = e2;
        a.n = -1;
        a.vague = true;
      }
    }
    // "8-month-old"
    if (hyphen && IsHyphen(m.end) && Is(m.end + 1, "old")) m.end += 2;
    // "a year ago", "two days earlier", "three weeks from now"
    size_t after = m.end;
    int offset_dir = 0;
    if (!the && !relw && !hyphen) {
      if (W(after) && W(after)->rel == Rel::kAgo) offset_dir = -1, ++after;
      else if (Is(after, "earlier") || Is(after, "before")) offset_dir = Is(after, "earlier") ? -1 : 0, after += Is(after, "earlier");
      else if (Is(after, "from") && Is(after + 1, "now")) offset_dir = 1, after += 2;
      // "will be repaid in five years": after "in" in a future clause, the
      // point that far ahead, as TimeML values it (a DATE); in a past or
      // unknown clause ("rose 5% in two years") it stays a duration.
      else if (i > 0 && Is(i - 1, "in") && !Is(after, "of") && u->unit >= Unit::kDay &&
               (TenseAt(i) > 0 || ModalBefore(i - 1)))
        offset_dir = 1;
    }
    if (offset_dir) {
      m.end = after;
      m.type = "DATE";
      if (!dct_ || a.n < 0) {
        if (a.n < 0) m.value = "PAST_REF";
        if (offset_dir > 0 && a.n < 0) m.value = "FUTURE_REF";
        return true;
      }
      long long n = a.n * offset_dir;
      if (a.half) {
        // "a year and a half ago": the month that far back; a shorter
        // unit's half lands within a day or hour the text does not fix.
        if (u->unit == Unit::kYear) {
          int y = dct_->year, mo = static_cast<int>(dct_->month);
          ShiftMonth(y, mo, static_cast<int>(offset_dir * (12 * a.n + 6)));
          SetMonth(m, y, mo);
          m.anchor = false;
        } else if (u->unit == Unit::kDecade || u->unit == Unit::kCentury) {
          long long years = u->unit == Unit::kDecade ? 10 * a.n + 5 : 100 * a.n + 50;
          SetYear(m, dct_->year + static_cast<int>(offset_dir * years));
          m.anchor = false;
        }
        return true;
      }
      // "two days earlier" counts back from the day the text just named
      // ("The talks collapsed on Feb. 3; two days earlier, ..."), "ago"
      // from the DCT.
      CivilDate base = *dct_;
      if (Is(after - 1, "earlier") && anchor_gran_ >= 3 && anchor_tok_ < i && SentenceBreaks(anchor_tok_, i) <= 1)
        base = anchor_;
      switch (u->unit) {
        case Unit::kDay: SetDay(m, AddDays(base, static_cast<int>(n))); break;
        case Unit::kWeek: SetDay(m, AddDays(base, static_cast<int>(7 * n))); break;
        case Unit::kFortnight: SetDay(m, AddDays(*dct_, static_cast<int>(14 * n))); break;
        case Unit::kMonth: {
          int y = dct_->year, mo = static_cast<int>(dct_->month);
          ShiftMonth(y, mo, static_cast<int>(n));
          SetMonth(m, y, mo);
          break;
        }
        case Unit::kQuarter: {
          int qi = dct_->year * 4 + static_cast<int>(dct_->month - 1) / 3 + static_cast<int>(n);
          m.value = YearValue(qi / 4) + "-Q" + std::to_string(qi % 4 + 1);
          break;
        }
        case Unit::kYear:
          if (n == -1) YearAgo(m, 1);
          else SetYear(m, dct_->year + static_cast<int>(n));
          break;
        case Unit::kDecade: SetYear(m, dct_->year + static_cast<int>(10 * n)); break;
        case Unit::kHour:
        case Unit::kMinute:
        case Unit::kSecond:
          m.type = "TIME";
          m.value.reset();
          break;
        default: break;
      }
      return true;
    }
    // "the first two quarters of 1990": that year's first half.
    if (relw == 2 && a.n == 2 && u->unit == Unit::kQuarter && u->plural && Is(m.end, "of")) {
      int yy;
      size_t ye;
      if (Year(m.end + 1, yy, ye)) {
        m.end = ye;
        m.value = YearValue(yy) + "-H1";
        return true;
      }
    }
    m.type = "DURATION";
    m.value = a.half ? HalfDurationValue(u->unit, a.n) : DurationValue(u->unit, a.n);
    if (a.low > 0 && !the && !relw && !hyphen && a.low_end > j) {
      m.split_end = a.low_end;
      m.split_begin = a.high_begin;
      m.split_value = DurationValue(u->unit, a.low);
      long long high;
      size_t he;
      if (Cardinal(a.high_begin, high, he)) m.value = DurationValue(u->unit, high);
    }
    // "$5 a year", "twice a week", "seven days a week", "50,000 copies a
    // year": a rate, not a duration. A counted noun right before "a" ends
    // in a number or count word one or two tokens back.
    if ((Is(j, "a") || Is(j, "an") || Is(j, "per")) && !the && !relw && i > 0 && !hyphen) {
      const Tok& prev = t_[i - 1];
      auto count = [&](size_t c) {
        // "several calls a day", "many trips a year": a vague count is a count.
        return t_[c].kind == K::kNum || (t_[c].w && t_[c].w->cardinal >= 2) || t_[c].low == "million" ||
               t_[c].low == "billion" || t_[c].low == "several" || t_[c].low == "many" ||
               t_[c].low == "multiple" || t_[c].low == "few" || t_[c].low == "dozens" ||
               t_[c].low == "hundreds" || t_[c].low == "thousands";
      };
      // "$9 billion over a decade": a preposition makes it the span the
      // amount covers, not a rate.
      bool counted = prev.kind == K::kWord && !IsClauseWord(prev.low) && i >= 2 &&
                     (count(i - 2) || (i >= 3 && Is(i - 2, "more") && count(i - 3)));
      // The counted noun phrase may run a few words ("2 million barrels of
      // oil a day", "thousands of calls a month") when the rate ends the
      // phrase: not "5 cars there a week later", "a day job".
      bool ends = !In(m.end) || t_[m.end].kind == K::kPunct || IsClauseWord(t_[m.end].low);
      if (!counted && ends && prev.kind == K::kWord && !IsClauseWord(prev.low))
        for (size_t c = i - 1, n = 0; c > 0 && n < 4 && !counted; ++n) {
          --c;
          if (t_[c].kind == K::kPunct || IsClauseWord(t_[c].low)) break;
          counted = count(c);
        }
      if (prev.kind == K::kNum || prev.low == "%" || prev.low == "million" || prev.low == "billion" ||
          prev.low == "percent" || prev.low == "times" || prev.low == "twice" || prev.low == "once" ||
          prev.low == "trillion" || prev.low == "cents" || counted) {
        m.type = "SET";
        m.value = DurationValue(u->unit, 1);
      }
    }
    // "a $12-an-hour wage", "a once-a-week class": the rate written as one
    // hyphenated adjective.
    if ((Is(j, "a") || Is(j, "an")) && hyphen && !the && !relw && !u->plural && i >= 2 && IsHyphen(i - 1) &&
        (t_[i - 2].kind == K::kNum || Is(i - 2, "once") || Is(i - 2, "twice") || Is(i - 2, "dollar") ||
         Is(i - 2, "dollars") || Is(i - 2, "cents"))) {
      m.type = "SET";
      m.value = DurationValue(u->unit, 1);
    }
    return true;
  }

  // A count before a unit: "three", "3", "a", "a few", "several", "a couple of".
  bool AmountAt(size_t j, Amount& a) const {
    long long v;
    size_t e;
    // "half a day", "half an hour"
    if (Is(j, "half") && (Is(j + 1, "a") || Is(j + 1, "an"))) return a.end = j + 2, a.n = 0, a.half = true, true;
    if (Is(j, "half") && IsHyphen(j + 1)) return a.end = j + 1, a.n = 0, a.half = true, true;  // "half-hour"
    if (Is(j, "a") || Is(j, "an")) {
      if (Is(j + 1, "few")) return a.end = j + 2, a.vague = true, a.n = -1, true;
      // "a half hour" ("a half-hour talk" is the adjective alone, as
      // "a five-year plan" is)
      if (Is(j + 1, "half") && !IsHyphen(j + 2)) return a.end = j + 2, a.n = 0, a.half = true, true;
      if (Is(j + 1, "couple") && Is(j + 2, "of")) return a.end = j + 3, a.n = 2, true;
      if (Cardinal(j, v, e)) return a.end = e, a.n = v, true;
      return a.end = j + 1, a.n = 1, true;
    }
    if (Is(j, "several") || Is(j, "few") || Is(j, "many") || Is(j, "some")) {
      return a.end = j + 1, a.vague = true, a.n = -1, true;
    }
    if (Cardinal(j, v, e)) {
      if (Num(j) && t_[j].ndig > 4) return false;
      // "two and a half", "2 1/2" (the fraction written with a slash)
      if (Is(e, "and") && (Is(e + 1, "a") || Is(e + 1, "one")) && Is(e + 2, "half"))
        return a.end = e + 3, a.n = v, a.half = true, true;
      if (Num(j) && Num(e) && t_[e].num == 1 && P(e + 1, '/') && Adj(e + 1) && Num(e + 2) && Adj(e + 2) &&
          t_[e + 2].num == 2)
        return a.end = e + 3, a.n = v, a.half = true, true;
      // "two to three weeks", "12 to 18 months"
      size_t k = e;
      long long v2;
      size_t e2;
      if ((Is(k, "to") || Is(k, "or") || (IsHyphen(k) && Num(j))) && Cardinal(k + 1, v2, e2)) {
        a.end = e2;
        a.n = -1;
        a.vague = true;
        if (!IsHyphen(k) && v2 > v) a.low = v, a.low_end = k, a.high_begin = k + 1;
        return true;
      }
      return a.end = e, a.n = v, true;
    }
    return false;
  }

  // "at 0945 hours", "0630 hours": the twenty-four-hour clock of military
  // and police reports, not a count of hours ("1500 hours of work").
  bool MilitaryHours(size_t i) const {
    if (!(Num(i) && t_[i].ndig == 4 && t_[i].num / 100 <= 23 && t_[i].num % 100 <= 59 && !PartOfBigger(i) &&
          (Is(i + 1, "hours") || Is(i + 1, "hrs") || (Is(i + 1, "local") && Is(i + 2, "time"))) &&
          !Is(i + 2, "of")))
      return false;
    if (text_[t_[i].b] == '0') return true;
    static const std::array<std::string_view, 11> kBefore = {"at", "around", "about", "approximately", "until",
                                                            "till", "by", "from", "since", "before", "after"};
    for (auto b : kBefore)
      if (i > 0 && Is(i - 1, b)) return true;
    return false;
  }

  // The token after "o'clock" when it starts at i (written as one token or
  // as "o", an apostrophe and "clock"), else 0.
  size_t OClock(size_t i) const {
    if (Is(i, "o") && Apos(i + 1) && Adj(i + 1) && Is(i + 2, "clock") && Adj(i + 2)) return i + 3;
    if (PhraseWordAt(i, "o'clock")) return i + 1;
    return 0;
  }

  // Clock times: "10 p.m.", "3:30 pm", "noon Thursday", "5 p.m. EST, Nov. 6".
  bool Clock(size_t i, Match& m) const {
    int hh = -1, mm = 0;
    bool no_ampm = false;  // a twelve-hour reading is possible ("10:30")
    size_t k = i;
    std::string pod_fixed;
    if (W(i) && (t_[i].low == "noon" || t_[i].low == "midnight" || t_[i].low == "midday")) {
      pod_fixed = W(i)->pod;
      k = i + 1;
    } else if (Num(i) && t_[i].ndig == 4 && t_[i].num / 100 <= 24 && t_[i].num % 100 <= 59 && !PartOfBigger(i) &&
               (Is(i + 1, "gmt") || Is(i + 1, "utc")) && t_[i + 1].cap) {
      // Wire-service clock times: "at 0600 GMT", "1830 GMT on Friday".
      hh = static_cast<int>(t_[i].num / 100);
      mm = static_cast<int>(t_[i].num % 100);
      k = i + 2;
    } else if (MilitaryHours(i)) {
      hh = static_cast<int>(t_[i].num / 100);
      mm = static_cast<int>(t_[i].num % 100);
      k = Is(i + 1, "local") ? i + 3 : i + 2;  // "at 1353 local time"
    } else if (W(i) && W(i)->cardinal >= 1 && W(i)->cardinal <= 12 && OClock(i + 1)) {
      // "five o'clock"
      hh = W(i)->cardinal;
      k = OClock(i + 1);
    } else if (Num(i) && t_[i].ndig <= 2 && t_[i].num <= 24) {
      hh = static_cast<int>(t_[i].num);
      k = i + 1;
      if (P(k, ':') && Adj(k) && Num(k + 1) && Adj(k + 1) && t_[k + 1].ndig == 2) {
        mm = static_cast<int>(t_[k + 1].num);
        k += 2;
      }
      if (size_t oc = OClock(k); oc && hh >= 1 && hh <= 12) k = oc;  // "5 o'clock"
      bool ampm = false;
      // "p.m.", "pm", "p.m"
      auto try_ampm = [&](size_t s, size_t& out, bool& pm) {
        // (A stop after "pm" ends the sentence; "p.m." keeps its own.)
        if ((Is(s, "am") || Is(s, "pm"))) { pm = t_[s].low == "pm"; out = s + 1; return true; }
        if ((Is(s, "a") || Is(s, "p")) && P(s + 1, '.') && Adj(s + 1) && Is(s + 2, "m") && Adj(s + 2)) {
          pm = t_[s].low == "p";
          out = Dot(s + 3);
          return true;
        }
        return false;
      };
      bool pm = false;
      size_t out;
      // "5.45pm", "8.20 a.m.": the British stop between hour and minutes,
      // taken only before "am"/"pm" (else "5.45" is a decimal).
      if (k == i + 1 && P(k, '.') && Adj(k) && Num(k + 1) && Adj(k + 1) && t_[k + 1].ndig == 2 &&
          try_ampm(k + 2, out, pm)) {
        mm = static_cast<int>(t_[k + 1].num);
        k += 2;
      }
      if (try_ampm(k, out, pm)) {
        ampm = true;
        k = out;
        if (hh > 12 || hh == 0) return false;
        if (pm && hh < 12) hh += 12;
        if (!pm && hh == 12) hh = 0;
      }
      if (!ampm && k == i + 1) return false;  // a bare number is not a time
      no_ampm = !ampm;
      if (hh > 24 || mm > 59) return false;
      // Time zone abbreviations: two to four capital letters ("EST", "GMT").
      if (In(k) && t_[k].kind == K::kWord && t_[k].e - t_[k].b >= 2 && t_[k].e - t_[k].b <= 4 &&
          !t_[k].w) {
        bool upper = true;
        for (size_t c = t_[k].b; c < t_[k].e; ++c) upper = upper && text_[c] >= 'A' && text_[c] <= 'Z';
        std::string_view zone = text_.substr(t_[k].b, t_[k].e - t_[k].b);
        if (upper && (zone.back() == 'T' || zone == "UTC")) ++k;
      }
    } else {
      return false;
    }
    // A day after the time: "Wednesday", "yesterday", ", Nov. 6"
    size_t d0 = k;
    if (P(d0, ',')) ++d0;
    // "a midnight deadline on Friday": past one plain word the time
    // qualifies, "on" and a day still date it; the day is then an
    // expression of its own, and this one stays the clock time.
    bool past_noun = false;
    if (d0 == k && In(k) && t_[k].kind == K::kWord && !t_[k].cap && !t_[k].w && Is(k + 1, "on") && In(k + 2)) {
      d0 = k + 1;
      past_noun = true;
    }
    if (Is(d0, "on")) ++d0;
    std::optional<CivilDate> day;
    size_t end = k;
    Match dm;
    if (In(d0) && (Calendar(d0, dm) || Relative(d0, dm)) && dm.gran == 3 && dm.value) {
      day = dm.date;
      if (!past_noun) {
        end = dm.end;
        // The day is part of this expression, so a weekday that contradicts
        // its date ("midnight on Thursday (16 May)") must still be reported.
        m.mismatch = dm.mismatch;
        m.detail = dm.detail;
      }
    } else if (In(d0) && W(d0) && (W(d0)->deictic || W(d0)->weekday)) {
      if (Relative(d0, dm)) {
        if (!past_noun) end = dm.end;
        // "6 a.m. on Sunday morning": the day of the day-and-part (whose
        // value starts with it); none without a DCT.
        if (dm.value && dm.value->size() >= 10) day = ParseIsoDate(std::string_view(*dm.value).substr(0, 10));
      }
    } else if (anchor_gran_ >= 3 && anchor_end_ <= i && anchor_end_ + 1 >= i &&
               (anchor_end_ == i || Is(i - 1, "at") || P(i - 1, ','))) {
      // "meets Thursday at 10 a.m.": the day just named, right before it.
      day = anchor_;
    } else if (clock_end_ && clock_end_ + 1 == i && P(i - 1, '(')) {
      // "10 a.m. EST (1500 GMT)": the same moment in another zone.
      day = clock_day_;
    } else if (dct_) {
      day = *dct_;
    }
    m.end = end;
    m.type = "TIME";
    if (day) m.clock_day = true, m.date = *day;
    // "11:15 Friday night": the evening's 23:15.
    if (no_ampm && hh >= 1 && hh < 12 && dm.value && dm.value->size() > 3) {
      std::string_view tail = std::string_view(*dm.value).substr(dm.value->size() - 3);
      if (tail == "TAF" || tail == "TEV" || tail == "TNI") hh += 12;
    }
    if (day) {
      std::string v = DayValue(*day) + "T";
      if (!pod_fixed.empty()) v += pod_fixed;
      else v += Fmt("%02d:%02d", hh, mm);
      m.value = v;
    }
    if (!pod_fixed.empty() && end == k) {
      // "noon" alone
      if (!day) m.value.reset();
    }
    return true;
  }

  // Modifiers that belong to the expression: "early 1991", "late last week",
  // "the end of November", "mid-1990s", "nearly forty years", "earlier this
  // year", "Later yesterday", "more than four hours".
  bool Prefixed(size_t i, Match& m) const {
    size_t j = i;
    ModKind kind = ModKind::kNone;
    const Word* w = W(i);
    if (w && w->phrase_start) {
      for (std::uint16_t id : w->phrase_ids) {
        const Phrase& p = L_.phrases[id];
        if (p.holiday() || p.vague_type) continue;
        size_t k = i;
        bool ok = true;
        for (const auto& pw : p.words) {
          if (!PhraseWordAt(k, pw)) { ok = false; break; }
          ++k;
        }
        if (ok) {
          j = k;
          kind = p.mod;
          break;
        }
      }
    }
    if (kind == ModKind::kNone && w && (w->mod == ModKind::kPoint || w->mod == ModKind::kAmount || w->mod == ModKind::kBoth)) {
      kind = w->mod;
      j = i + 1;
      if (IsHyphen(j)) ++j;  // "mid-1990s"
    }
    if (kind == ModKind::kNone && w && (w->rel == Rel::kEarlier || w->rel == Rel::kLater)) {
      // "earlier this year", "later yesterday", "Earlier Sunday", "earlier in the year"
      j = i + 1;
      if (Is(j, "in") && Is(j + 1, "the") && W(j + 2) && W(j + 2)->unit != Unit::kNone && !W(j + 2)->plural) {
        m.end = j + 3;
        Unit iu = W(j + 2)->unit;
        if ((iu == Unit::kMonth || iu == Unit::kWeek || iu == Unit::kYear) && RecentAnchorUnit(iu, i, m)) return true;
        if (dct_ && W(j + 2)->unit == Unit::kYear) SetYear(m, dct_->year);
        else if (dct_ && W(j + 2)->unit == Unit::kMonth) SetMonth(m, dct_->year, static_cast<int>(dct_->month));
        else if (dct_ && W(j + 2)->unit == Unit::kWeek) m.value = IsoWeek(*dct_);
        else if (dct_ && W(j + 2)->unit == Unit::kDay) SetDay(m, *dct_);
        return true;
      }
      const Word* nx = W(j);
      if (!nx || !(nx->deictic || nx->weekday || nx->rel == Rel::kThis || nx->rel == Rel::kPrev || nx->rel == Rel::kNext))
        return false;
      kind = ModKind::kPoint;
    }
    if (kind == ModKind::kNone || !In(j)) return false;
    Match inner;
    if (!Expr(j, inner)) return false;
    std::string_view ty = inner.type;
    bool point = ty == "DATE" || ty == "TIME";
    if (kind == ModKind::kPoint && !point) return false;
    if (kind == ModKind::kAmount && ty != "DURATION") return false;
    // "about"/"around" approximate an amount or a point on the calendar or
    // the clock ("about two years ago", "around Nov. 1", "about noon"); before
    // a reference or a day named from today they are prepositions ("worried
    // about the future", "talk about today"), outside the expression.
    if (j == i + 1 && (Is(i, "about") || Is(i, "around")) && ty != "TIME") {
      const Tok& f = t_[j];
      bool amount = f.kind == K::kNum || (f.w && (f.w->cardinal >= 0 || f.w->month)) || Is(j, "a") ||
                    Is(j, "an") || Is(j, "half");
      bool holiday = false;
      if (f.w && f.w->phrase_start)
        for (std::uint16_t id : f.w->phrase_ids) holiday = holiday || L_.phrases[id].holiday();
      if (!amount && !holiday) return false;
    }
    m = inner;
    return true;
  }

  const TimeTagger::Lexicon& L_;
  std::string_view text_;
  std::optional<CivilDate> dct_;
  const std::vector<Token>& atoks_;
  const std::vector<Sentence>& sents_;
  std::string low_;
  std::vector<Tok> t_;
  // Document state, updated as expressions are found left to right.
  CivilDate anchor_{};
  int anchor_gran_ = 0;
  size_t anchor_tok_ = 0;   // where the anchor was named
  size_t anchor_end_ = 0;   // one past its last token
  // The last anchor that is not the base of a comparison.
  CivilDate ref_{};
  int ref_gran_ = 0;
  // The last date a relative expression resolved to ("last year"), which
  // sets no anchor but is the reference time for "the previous year".
  CivilDate said_{};
  int said_gran_ = 0;
  size_t ref_tok_ = 0;
  CivilDate clock_day_{};   // the day of the last clock time with one
  size_t clock_end_ = 0;    // one past that clock time
  size_t last_q_tok_ = 0;   // where last_q_ was named
  mutable size_t cur_ = 0;  // the token Run is matching at
  int last_qy_ = 0, last_q_ = 0;
  bool long_period_ = false;  // a period longer than a quarter was named after last_q_
};

}  // namespace

TimeTagger::TimeTagger() : lex_(std::make_unique<Lexicon>()) {}
TimeTagger::~TimeTagger() = default;

TimeTags TimeTagger::Tag(std::string_view text, std::optional<CivilDate> dct,
                         const std::vector<Token>& tokens, const std::vector<Sentence>& sentences) const {
  Matcher m(*lex_, text, dct, tokens, sentences);
  return m.Run();
}

const TimeTagger& DefaultTimeTagger() {
  static const TimeTagger tagger;
  return tagger;
}

TimeTags FindTimes(std::string_view text, std::optional<std::string_view> dct_iso) {
  std::optional<CivilDate> dct;
  if (dct_iso) dct = ParseIsoDate(*dct_iso);
  return DefaultTimeTagger().Tag(text, dct);
}

TimeStage::TimeStage() : tagger_(DefaultTimeTagger()) {}

void TimeStage::Process(Article& article, StageScratch* /*scratch*/) const {
  std::optional<CivilDate> dct;
  if (article.published) dct = ParseIsoDate(*article.published);
  TimeTags tags = tagger_.Tag(article.text, dct, article.tokens, article.sentences);
  article.times = std::move(tags.times);
  for (auto& inc : tags.inconsistencies) article.inconsistencies.push_back(std::move(inc));
}

}  // namespace sitrep
