// The events gold format and its scoring (used by `sitrep eval events` and
// its test). Format: tests/events/gold/events_gold.tsv's header.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"

namespace sitrep::events {

struct GoldEvent {
  std::string cameo;
  std::string source, target;  // target empty for "-"
  bool negated = false;
};

struct GoldSentence {
  std::string split;  // "dev" or "heldout"
  std::string text;
  std::vector<GoldEvent> events;
  std::size_t line = 0;
};

// Parses the gold file's text; an error names the line.
Result<std::vector<GoldSentence>> ParseGold(std::string_view tsv);

struct EventCounts {
  std::uint64_t gold = 0, system = 0, matched = 0;  // matched: same root and negation
  std::uint64_t paired = 0, root_ok = 0, code_ok = 0, actors_ok = 0;
  void Add(const EventCounts& o);
  double Precision() const;
  double Recall() const;
  double F1() const;
  double RootAccuracy() const;
  double CodeAccuracy() const;
  double ActorAccuracy() const;
};

// Scores one sentence's system events against its gold events. Each gold
// event is paired with at most one system event, preferring the same root,
// then matching actors. Among pairs: root and full-code accuracy; actor
// accuracy counts pairs with the same root whose source and target both
// match (the words overlap as one containing the other, case-insensitive;
// gold "-" matches no target). A pair with the same root and negation is a
// correct event for precision and recall. `text` is the article text the
// events index.
EventCounts ScoreSentence(const GoldSentence& gold, const Article& a);

// Event text of the system's actor (for error listings).
std::string DescribeEvent(const Event& e);

}  // namespace sitrep::events
