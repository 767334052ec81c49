// Reading TimeML (.tml) files and scoring time expressions the way
// TempEval-3 does, so `sitrep eval time` and the score-floor test share
// one implementation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"

namespace sitrep {

// One TimeML document: the TEXT element's content with the tags removed
// (entities decoded), the document creation time, and the gold TIMEX3s as
// byte spans into `text`.
struct TimemlDoc {
  std::string name;
  std::string text;
  std::optional<std::string> dct;  // value of the CREATION_TIME TIMEX3
  std::vector<TimeExpr> gold;
};

// Parses the contents of a .tml file. Returns kInvalidInput when it has no
// TEXT element or a tag is not closed.
Result<TimemlDoc> ParseTimeml(std::string_view xml, std::string name);

// Counts accumulated over documents; see TimeScores for the measures.
struct TimeCounts {
  long gold = 0, system = 0;
  long strict = 0;   // identical spans
  long relaxed = 0;  // overlapping spans, each matched at most once
  long type_ok = 0, value_ok = 0;  // among the relaxed matches
};

// True when two TIMEX3 values name the same time. Decade and century values
// compare by their digits ("199" = "199X", "19" = "19XX"); anything else
// must be identical.
bool SameTimeValue(std::string_view a, std::string_view b);

// Adds the comparison of one document's system output with its gold
// expressions to `counts`. A null system value never counts as correct.
// Values compare as SameTimeValue does.
void ScoreTimes(const std::vector<TimeExpr>& gold, const std::vector<TimeExpr>& system, TimeCounts& counts);

struct TimeScores {
  double strict_precision = 0, strict_recall = 0, strict_f1 = 0;
  double relaxed_precision = 0, relaxed_recall = 0, relaxed_f1 = 0;
  double type_accuracy = 0, value_accuracy = 0;
  double value_precision = 0, value_recall = 0, value_f1 = 0;
};

// TempEval-3 measures from counts: value F1 = relaxed F1 x value accuracy.
TimeScores ComputeScores(const TimeCounts& c);

// The TimeBank split written in data/time/timebank_split.txt: the file
// names of one part ("dev" or "heldout").
std::vector<std::string> TimebankSplit(std::string_view part);

}  // namespace sitrep
