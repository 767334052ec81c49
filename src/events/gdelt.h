// GDELT 2.0 export of merged events (`sitrep export gdelt`): the event
// table (61 tab-separated columns, in the order of the GDELT 2.0 event
// codebook) and the mentions table (16 columns), so tools built for GDELT
// read sitrep's output unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace sitrep::events {

inline constexpr std::size_t kGdeltEventColumns = 61;
inline constexpr std::size_t kGdeltMentionColumns = 16;

// One event as an article reports it (the article's "events" list), for
// the character offsets of the mentions table. Offsets in code points;
// -1 when unknown.
struct GdeltReport {
  std::uint64_t sentence_start = 0;
  std::string cameo;
  std::int64_t action = -1;  // the trigger word
  std::int64_t source = -1;  // the words naming the source
  std::int64_t target = -1;  // the words naming the target
};

// What the export needs from an articles.jsonl line.
struct GdeltArticle {
  std::string url;        // url, else the source path
  std::string outlet;
  std::string published;  // ISO date or empty
  std::vector<std::uint64_t> sentence_starts;
  std::uint64_t text_length = 0;  // code points
  std::uint64_t lead_end = 0;     // end of the first paragraph, code points
  bool has_tone = false;
  double tone = 0;                // the article's tone ("tone"."tone")
  std::string translated_from;    // language name ("German") or empty
  std::vector<GdeltReport> reports;
};

// What the export needs from an entities.jsonl line.
struct GdeltEntity {
  std::string name;
  std::string type;     // PERSON, ORG, LOC, MISC
  std::string country;  // ISO alpha-3 or empty
};

struct GdeltInputs {
  std::unordered_map<std::string, GdeltArticle> articles;  // by article id
  std::unordered_map<std::string, GdeltEntity> entities;   // by entity id
};

// Reads the articles of an articles.jsonl file (only the fields above).
Result<std::unordered_map<std::string, GdeltArticle>> ReadGdeltArticles(const std::string& path);

// Reads the entities of an entities.jsonl file (only the fields above).
Result<std::unordered_map<std::string, GdeltEntity>> ReadGdeltEntities(const std::string& path);

// The GDELT row(s) for one events.jsonl line: the event row (exactly
// kGdeltEventColumns fields) and one mentions row per mention (exactly
// kGdeltMentionColumns fields). global_id is the GLOBALEVENTID to use.
// Geography comes from the default gazetteer: ActionGeo from the event's
// location, Actor1Geo/Actor2Geo from the actor's place (an actor that is a
// place, "Moscow said") or else its country (the entity's, else the
// country block of its CAMEO code). Articles and entities the event names
// but `inputs` lacks leave their columns empty. Returns an error for a
// line that is not an event.
Status GdeltRows(std::string_view event_line, std::uint64_t global_id, const GdeltInputs& inputs,
                 std::vector<std::string>* event_row, std::vector<std::vector<std::string>>* mention_rows);

// Writes PREFIX.export.CSV and PREFIX.mentions.CSV (tab-separated, as
// GDELT's files despite the name) from dir's events.jsonl, articles.jsonl
// and entities.jsonl (optional: without it actors get no geography from
// their entity). Events are numbered 1.. in events.jsonl order (sorted by
// id), so the same output gives the same numbers.
Status ExportGdelt(const std::string& dir, const std::string& prefix, std::uint64_t* events_written);

}  // namespace sitrep::events
