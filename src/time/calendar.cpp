// Calendar arithmetic on top of std::chrono, which gets leap years and the
// proleptic Gregorian rules right so this file does not have to.
#include <chrono>
#include <cstdio>

#include "time/time.h"

namespace sitrep {
namespace {

std::chrono::sys_days ToDays(CivilDate d) {
  return std::chrono::sys_days(std::chrono::year{d.year} / std::chrono::month{d.month} /
                               std::chrono::day{d.day});
}

CivilDate FromDays(std::chrono::sys_days s) {
  std::chrono::year_month_day ymd(s);
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day())};
}

bool Digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<CivilDate> ParseIsoDate(std::string_view iso) {
  while (!iso.empty() && (iso.front() == ' ' || iso.front() == '\t')) iso.remove_prefix(1);
  std::string_view y, m, d;
  if (iso.size() >= 10 && iso[4] == '-' && iso[7] == '-') {
    y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
  } else if (iso.size() >= 8 && Digits(iso.substr(0, 8))) {
    y = iso.substr(0, 4), m = iso.substr(4, 2), d = iso.substr(6, 2);
  } else {
    return std::nullopt;
  }
  if (!Digits(y) || !Digits(m) || !Digits(d)) return std::nullopt;
  std::chrono::year_month_day ymd(std::chrono::year{ToInt(y)},
                                  std::chrono::month{static_cast<unsigned>(ToInt(m))},
                                  std::chrono::day{static_cast<unsigned>(ToInt(d))});
  if (!ymd.ok()) return std::nullopt;
  return CivilDate{ToInt(y), static_cast<unsigned>(ToInt(m)), static_cast<unsigned>(ToInt(d))};
}

unsigned IsoWeekday(CivilDate d) {
  return std::chrono::weekday(ToDays(d)).iso_encoding();
}

CivilDate AddDays(CivilDate d, int days) { return FromDays(ToDays(d) + std::chrono::days{days}); }

std::string IsoWeek(CivilDate d) {
  // The ISO week-year is the year of the Thursday of the date's week.
  CivilDate thursday = AddDays(d, 4 - static_cast<int>(IsoWeekday(d)));
  CivilDate jan1{thursday.year, 1, 1};
  int ordinal = static_cast<int>((ToDays(thursday) - ToDays(jan1)).count());
  int week = ordinal / 7 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", thursday.year, week);
  return buf;
}

}  // namespace sitrep
