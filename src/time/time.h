// Time expressions: finds dates, times, durations and frequencies in news
// text and resolves them to ISO 8601 / TimeML values against the article's
// publication date (the document creation time, DCT).
//
// News rarely gives full dates ("on Monday", "a year ago", "earlier this
// month"), so most values are computed from the DCT. A value that cannot be
// computed is left null rather than guessed.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/stage.h"

namespace sitrep {

// A proleptic Gregorian calendar date.
struct CivilDate {
  int year = 0;
  unsigned month = 0;  // 1..12
  unsigned day = 0;    // 1..31
  bool operator==(const CivilDate&) const = default;
};

// Parses the date at the start of an ISO 8601 string ("2022-01-12",
// "2022-01-12T08:00:00Z", "20220112"). Returns nullopt unless it names a
// real calendar day.
std::optional<CivilDate> ParseIsoDate(std::string_view iso);

// ISO weekday of a valid date: 1 = Monday ... 7 = Sunday.
unsigned IsoWeekday(CivilDate d);

// ISO 8601 week of a valid date as "YYYY-Www"; the week-year can differ
// from the calendar year near 1 January (2021-01-03 is in 2020-W53).
std::string IsoWeek(CivilDate d);

// Adds a number of days (may be negative) to a valid date.
CivilDate AddDays(CivilDate d, int days);

// The result of tagging one text.
struct TimeTags {
  std::vector<TimeExpr> times;                 // in text order, non-overlapping
  std::vector<Inconsistency> inconsistencies;  // e.g. weekday_mismatch
};

// The lexicons (data/time/*.tsv) and the matcher. Immutable after
// construction, so one instance is shared by every thread.
class TimeTagger {
 public:
  // Loads the lexicons from the data files. Throws ConfigError when one is
  // missing or malformed.
  TimeTagger();
  ~TimeTagger();
  TimeTagger(const TimeTagger&) = delete;
  TimeTagger& operator=(const TimeTagger&) = delete;

  // Finds the time expressions in `text` and resolves them against `dct`.
  // Offsets are bytes into `text`. With no dct, expressions relative to it
  // ("yesterday", "last week", "Monday") get a null value while absolute
  // ones ("12 January 2022", "May 1997") still resolve. `tokens` and
  // `sentences` (may be empty, or have empty linguistic fields) are used
  // only to read the tense of the verb governing a bare weekday, or a
  // yearless date that the nearest-year rule would put a quarter or more
  // ahead. Never throws for any input text.
  TimeTags Tag(std::string_view text, std::optional<CivilDate> dct,
               const std::vector<Token>& tokens = {},
               const std::vector<Sentence>& sentences = {}) const;

  struct Lexicon;

 private:
  std::unique_ptr<Lexicon> lex_;
};

// The process-wide tagger, built on first use. Throws ConfigError on the
// first call if the lexicons are broken.
const TimeTagger& DefaultTimeTagger();

// Convenience for evaluation and tests: tags `text` with `dct_iso` (an ISO
// date string, or nullopt/unparseable for "no date").
TimeTags FindTimes(std::string_view text, std::optional<std::string_view> dct_iso);

// The "time" pipeline stage: fills Article::times and appends to
// Article::inconsistencies, resolving against Article::published. Reads
// Article::tokens and sentences when the text and syntax stages filled
// them, and scans Article::text itself otherwise.
class TimeStage : public Stage {
 public:
  // Loads the lexicons; throws ConfigError if they are broken.
  TimeStage();
  std::string_view name() const override { return "time"; }
  void Process(Article& article, StageScratch* scratch) const override;

 private:
  const TimeTagger& tagger_;
};

}  // namespace sitrep
