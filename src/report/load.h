// The parts of an analyze output folder (docs/schema.md) that a report
// shows, read into plain structs. Only the selected stories' articles,
// quotes, events and entities are kept, so a one-story report of a large
// corpus does not hold the whole corpus in memory.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace sitrep::report {

struct ArticleRow {
  std::string id, outlet, published, title, url;  // "" when null
};

struct EntityRow {
  std::string id, name, type, country, actor_code;
  std::vector<std::string> roles, articles;
  std::int64_t mention_count = 0;
};

struct QuoteRow {
  std::string id, article, text, kind, cue;
  std::string speaker_entity, speaker_name, speaker_description;
  std::vector<std::string> same_as;
};

struct ActorRef {
  bool present = false;  // false for an event without a target
  std::string entity, name, actor_code;
};

struct EventRow {
  std::string id, date, cameo;
  double goldstein = 0;
  int quad_class = 0;
  ActorRef source, target;
  std::string location;
  bool negated = false, attributed = false;
  std::vector<std::string> articles;  // distinct, in the order reported
};

struct Reading {
  std::string value;
  std::vector<std::string> texts, articles;
  std::vector<std::string> article_texts;  // parallel to articles; may be empty
  std::string first_reported;              // YYYY-MM-DD; may be empty
};

struct Claim {
  std::string claim, kind;
  std::vector<std::string> articles, values;
  std::vector<Reading> readings;
  std::string trend;  // "rising", "falling" or empty
  std::vector<std::string> disputed_on;  // days outlets gave irreconcilable figures, within a trend
  bool compatible = false;  // the hedged figures can all be true
};

struct SummarySentence {
  std::string article, text;
};

struct UniqueByOutlet {
  std::string outlet;
  std::vector<std::string> entities, events, quotes;
};

struct StoryRow {
  std::string id, title, first_seen, last_seen;
  std::vector<std::string> articles, outlets, events;  // events in timeline order
  std::vector<SummarySentence> summary;
  std::vector<Claim> agreements, disagreements;
  std::vector<UniqueByOutlet> unique_by_outlet;
};

struct OutputFolder {
  std::string dir;
  std::vector<StoryRow> stories;  // the selected ones, in file order
  std::map<std::string, ArticleRow> articles;
  std::map<std::string, EntityRow> entities;
  std::map<std::string, QuoteRow> quotes;
  std::map<std::string, EventRow> events;
  std::size_t total_stories = 0;  // in stories.jsonl, selected or not
};

// Reads DIR/stories.jsonl and keeps every story, or only the one whose id
// is `story_id` when that is not empty; then reads the other files for the
// kept stories. stories.jsonl must exist (kNotFound naming it); the other
// files may be missing (an older or partial output) and then count as
// empty. A line that is not a JSON object gives kInvalidInput naming the
// file and line; an unknown story id gives kNotFound naming the id.
Result<OutputFolder> LoadOutputFolder(const std::string& dir, const std::string& story_id);

}  // namespace sitrep::report
