// Reading the dates that articles carry as metadata: JSON date fields,
// datelines ("Feature 12 January 2022"), "Published:" lines and RFC 822
// feed dates. Resolving dates inside the body text ("on Monday") is the
// time stage's work, not this.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sitrep::clean {

struct FoundDate {
  std::string iso;          // "2022-01-12", or "2022-01" when no day is given
  std::size_t begin = 0;    // byte span of the date in the searched string
  std::size_t end = 0;
  int weekday = 0;          // 1 (Monday) .. 7 stated next to the date, 0 if none
};

// Finds the first full calendar date in s: "12 January 2022",
// "12. Januar 2022", "January 12, 2022", "Jan 12th 2022", "2022-01-12",
// "2022-01-12T10:00:00Z", "12.01.2022", "12/01/2022" when the day is over
// 12 (an ambiguous "03/04/2022" is not a date), "Wed, 12 Jan 2022 10:00"
// and "January 2022" (month granularity). Dates that do not exist
// (31 February) and years outside 1900-2100 are rejected.
std::optional<FoundDate> FindDate(std::string_view s);

// Whether s holds a run of exactly four ASCII digits from 1900 to 2100,
// which every date FindDate finds has: when false, FindDate(s) is nullopt.
// A cheap test for callers that would do more work before asking.
bool HasYear(std::string_view s);

// Normalises a metadata date string to ISO, or nullopt if it holds no date.
std::optional<std::string> NormalizeDate(std::string_view s);

// 1..12 for a month name or abbreviation (several languages), else 0.
int MonthNumber(std::string_view lowercase_word);
// 1..7 (Monday..Sunday) for a weekday name or abbreviation, else 0.
int WeekdayNumber(std::string_view lowercase_word);

}  // namespace sitrep::clean
