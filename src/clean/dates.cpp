#include "clean/dates.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/error.h"
#include "core/resources.h"
#include "core/string_table.h"
#include "core/utf8.h"
#include "text/chars.h"

namespace sitrep::clean {
namespace {

struct Calendar {
  // Looked up by string_view: the words of a date line are views.
  StringTable<int> months, weekdays;

  static Calendar Load() {
    Calendar c;
    for (std::string_view line : DataLines(Resource("clean/calendar.tsv"))) {
      std::size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
      SITREP_CHECK(t1 != std::string_view::npos && t2 != std::string_view::npos, ConfigError,
                   "data/clean/calendar.tsv: malformed line: " << line);
      std::string_view kind = line.substr(0, t1);
      int number = std::stoi(std::string(line.substr(t1 + 1, t2 - t1 - 1)));
      auto& map = kind == "month" ? c.months : c.weekdays;
      std::string_view names = line.substr(t2 + 1);
      std::size_t p = 0;
      while (p < names.size()) {
        std::size_t sp = names.find(' ', p);
        if (sp == std::string_view::npos) sp = names.size();
        if (sp > p) map.Emplace(names.substr(p, sp - p), number);
        p = sp + 1;
      }
    }
    return c;
  }
};

const Calendar& Cal() {
  static const Calendar cal = Calendar::Load();
  return cal;
}

struct Word {
  std::size_t begin, end;
  std::string_view lower;  // lowercased letters, or the digits (a view of the line)
  bool digits;
  int value;               // for digits (capped)
};

// u_tolower, with ASCII (where it is plain A-Z to a-z) done inline.
char32_t LowerCp(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

// The words of a line with their lowercase forms. Lines with dates are
// short: the words and their letters live inside the object (the letters
// of a line up to 96 bytes; lowercasing grows a code point by half its
// length at most), else in heap storage reserved once, so no view moves.
// Neither copied nor moved, since the words view its buffer.
class DateWords {
 public:
  explicit DateWords(std::string_view s) {
    char* buf = small_;
    if (s.size() * 2 + 4 > sizeof small_) {
      big_.resize(s.size() * 2 + 4);
      buf = big_.data();
    }
    std::size_t used = 0;
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t start = i;
      char32_t c = utf8::Decode(s, i);
      if (text::IsDigit(c) && c < 0x80) {
        std::size_t e = i;
        while (e < s.size() && s[e] >= '0' && s[e] <= '9') ++e;
        Word w{start, e, s.substr(start, e - start), true, 0};
        int v = 0;
        for (char d : w.lower) v = v > 100000 ? v : v * 10 + (d - '0');
        w.value = v;
        // Ordinal suffix: 12th, 1st, 2nd, 3rd.
        if (e + 2 <= s.size()) {
          const char suf[2] = {static_cast<char>(std::tolower(static_cast<unsigned char>(s[e]))),
                               static_cast<char>(std::tolower(static_cast<unsigned char>(s[e + 1])))};
          const std::string_view sv(suf, 2);
          if ((sv == "st" || sv == "nd" || sv == "rd" || sv == "th") &&
              (e + 2 == s.size() || !std::isalpha(static_cast<unsigned char>(s[e + 2])))) {
            e += 2;
            w.end = e;
          }
        }
        words_.push_back(w);
        i = e;
      } else if (text::IsAlpha(c)) {
        const std::size_t from = used;
        Put(buf, used, LowerCp(c));
        std::size_t e = i;
        while (e < s.size()) {
          std::size_t k = e;
          char32_t d = utf8::Decode(s, k);
          if (!text::IsAlpha(d)) break;
          Put(buf, used, LowerCp(d));
          e = k;
        }
        words_.push_back({start, e, std::string_view(buf + from, used - from), false, 0});
        i = e;
      }
    }
  }
  DateWords(const DateWords&) = delete;
  DateWords& operator=(const DateWords&) = delete;
  std::size_t size() const { return words_.size(); }
  const Word& operator[](std::size_t i) const { return words_[i]; }

 private:
  static void Put(char* buf, std::size_t& used, char32_t c) { used += utf8::Encode(c, buf + used); }
  // Words: inline for up to 24, then a vector (the rare long line).
  struct List {
    Word inline_[24];
    std::vector<Word> heap_;
    std::size_t size_ = 0;
    void push_back(const Word& w) {
      if (size_ < 24) {
        inline_[size_] = w;
      } else {
        if (size_ == 24) heap_.assign(inline_, inline_ + 24);
        heap_.push_back(w);
      }
      ++size_;
    }
    std::size_t size() const { return size_; }
    const Word& operator[](std::size_t i) const { return size_ <= 24 ? inline_[i] : heap_[i]; }
  } words_;
  char small_[196];
  std::string big_;
};

bool ValidDate(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  return ymd.ok();
}

// "YYYY-MM-DD", or "YYYY-MM" when d is 0; written digit by digit (as
// snprintf's "%04d-%02d-%02d" would for the valid dates it is called with:
// years 1900-2100, months 1-12, days 1-31), without the format machinery.
std::string Iso(int y, int m, int d) {
  char buf[10];
  auto two = [&buf](int at, int v) {
    buf[at] = static_cast<char>('0' + v / 10);
    buf[at + 1] = static_cast<char>('0' + v % 10);
  };
  two(0, y / 100);
  two(2, y % 100);
  buf[4] = '-';
  two(5, m);
  if (d == 0) return std::string(buf, 7);
  buf[7] = '-';
  two(8, d);
  return std::string(buf, 10);
}

// The separator characters between words a and b.
std::string_view Between(std::string_view s, const Word& a, const Word& b) {
  return s.substr(a.end, b.begin - a.end);
}

bool OnlySeps(std::string_view sep, std::string_view allowed) {
  for (char c : sep) {
    if (allowed.find(c) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace

int MonthNumber(std::string_view w) {
  const int* number = Cal().months.Find(w);
  return number ? *number : 0;
}

int WeekdayNumber(std::string_view w) {
  const int* number = Cal().weekdays.Find(w);
  return number ? *number : 0;
}

// The year test reads sixteen bytes at a time: lines are mostly letters.
bool HasYear(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  const auto digit = [p](std::size_t i) { return p[i] >= '0' && p[i] <= '9'; };
  std::size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    for (; i + 16 <= n; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      // Signed compares: bytes above 0x7F are negative, no digit.
      const auto m = static_cast<unsigned>(_mm_movemask_epi8(
          _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)))));
      if (m != 0) {
        i += static_cast<std::size_t>(std::countr_zero(m));
        break;
      }
    }
#endif
    while (i < n && !digit(i)) ++i;
    const std::size_t start = i;
    int value = 0;
    for (; i < n && digit(i); ++i) {
      if (i - start < 4) value = value * 10 + (p[i] - '0');
    }
    if (i - start == 4 && value >= 1900 && value <= 2100) return true;
  }
  return false;
}

std::optional<FoundDate> FindDate(std::string_view s) {
  // Every form below has a year: a digit word (a maximal run of ASCII
  // digits) of four digits that ValidDate accepts. Most lines seen here
  // have numbers but no year, and need no words split and lowercased.
  if (!HasYear(s)) return std::nullopt;
  const DateWords w(s);
  std::optional<FoundDate> month_only;
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto found = [&](int y, int m, int d, std::size_t first, std::size_t last) -> std::optional<FoundDate> {
      if (!ValidDate(y, m, d == 0 ? 1 : d)) return std::nullopt;
      FoundDate f;
      f.iso = Iso(y, m, d);
      f.begin = w[first].begin;
      f.end = w[last].end;
      // A weekday right before the date ("Wednesday 12 January", "Wed, 12 Jan").
      if (first > 0 && !w[first - 1].digits) {
        int wd = WeekdayNumber(w[first - 1].lower);
        if (wd && OnlySeps(Between(s, w[first - 1], w[first]), " ,.")) {
          f.weekday = wd;
          f.begin = w[first - 1].begin;
        }
      }
      return f;
    };
    const Word& a = w[i];
    if (a.digits) {
      // ISO 2022-01-12 or 2022/01/12
      if (a.lower.size() == 4 && i + 2 < w.size() && w[i + 1].digits && w[i + 2].digits) {
        std::string_view s1 = Between(s, a, w[i + 1]), s2 = Between(s, w[i + 1], w[i + 2]);
        if ((s1 == "-" && s2 == "-") || (s1 == "/" && s2 == "/")) {
          if (auto f = found(a.value, w[i + 1].value, w[i + 2].value, i, i + 2)) return f;
        }
      }
      // 12.01.2022, 12/01/2022 (day first, or unambiguous month first)
      if (a.lower.size() <= 2 && i + 2 < w.size() && w[i + 1].digits && w[i + 2].digits &&
          w[i + 2].lower.size() == 4) {
        std::string_view s1 = Between(s, a, w[i + 1]), s2 = Between(s, w[i + 1], w[i + 2]);
        if ((s1 == "." && s2 == ".") || (s1 == "-" && s2 == "-")) {
          if (auto f = found(w[i + 2].value, w[i + 1].value, a.value, i, i + 2)) return f;
        }
        if (s1 == "/" && s2 == "/") {
          int x = a.value, y = w[i + 1].value;
          if (x > 12 && y <= 12) {
            if (auto f = found(w[i + 2].value, y, x, i, i + 2)) return f;
          } else if (y > 12 && x <= 12) {
            if (auto f = found(w[i + 2].value, x, y, i, i + 2)) return f;
          }
        }
      }
      // 12 January 2022, 12. Januar 2022, 12 Jan. 2022
      if (a.lower.size() <= 2 && i + 2 < w.size() && !w[i + 1].digits && w[i + 2].digits &&
          w[i + 2].lower.size() == 4) {
        int m = MonthNumber(w[i + 1].lower);
        if (m && OnlySeps(Between(s, a, w[i + 1]), " .") &&
            OnlySeps(Between(s, w[i + 1], w[i + 2]), " .,")) {
          if (auto f = found(w[i + 2].value, m, a.value, i, i + 2)) return f;
        }
      }
    } else {
      int m = MonthNumber(a.lower);
      if (!m) continue;
      // January 12, 2022 / Jan 12th 2022
      if (i + 2 < w.size() && w[i + 1].digits && w[i + 1].lower.size() <= 2 && w[i + 2].digits &&
          w[i + 2].lower.size() == 4 && OnlySeps(Between(s, a, w[i + 1]), " .") &&
          OnlySeps(Between(s, w[i + 1], w[i + 2]), " ,")) {
        if (auto f = found(w[i + 2].value, m, w[i + 1].value, i, i + 2)) return f;
      }
      // January 2022 (but not the rest of an impossible "31 February 2022")
      bool after_day = i > 0 && w[i - 1].digits && w[i - 1].lower.size() <= 2;
      if (!month_only && !after_day && i + 1 < w.size() && w[i + 1].digits && w[i + 1].lower.size() == 4 &&
          OnlySeps(Between(s, a, w[i + 1]), " ,.") && a.lower.size() >= 3) {
        month_only = found(w[i + 1].value, m, 0, i, i + 1);
      }
    }
  }
  return month_only;
}

std::optional<std::string> NormalizeDate(std::string_view s) {
  auto f = FindDate(s);
  if (!f) return std::nullopt;
  return f->iso;
}

}  // namespace sitrep::clean
