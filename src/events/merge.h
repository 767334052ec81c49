// The cross-article event merge: reports of one happening, across
// sentences and articles, become one event (events.jsonl). Shared by
// `sitrep analyze` and `sitrep merge`, which both feed it the final
// articles.jsonl lines (mentions carrying entity ids), so both write the
// same events for the same articles.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace sitrep::events {

struct ActorRef {
  std::string entity;      // id in entities.jsonl, empty for a common-noun actor
  std::string name;        // the words that name it
  std::string actor_code;  // CAMEO, may be empty
};

struct PlaceRef {
  std::string entity, name, country;
};

// One per-article event, as an articles.jsonl line carries it.
struct EventRecord {
  std::string article;
  std::string outlet;  // empty when unknown
  std::uint64_t sentence_start = 0, sentence_end = 0, trigger_start = 0;
  std::string cameo;
  ActorRef source;
  std::optional<ActorRef> target;
  std::optional<PlaceRef> location;
  std::optional<std::string> date;
  std::string date_from;
  bool date_doubtful = false;  // a date from the text that the article flags as inconsistent
  bool negated = false;
  bool attributed = false;
};

// Appends the events of one articles.jsonl line (as AppendArticleJson
// wrote it, entity ids filled or not) to *out. A line without events, or
// that is not an article, adds nothing. Never throws.
void AppendEventRecords(std::string_view line, std::vector<EventRecord>* out);

// Cheap pre-check: false when the line certainly has no events, so callers
// can skip parsing it.
bool LineHasEvents(std::string_view line);

struct MergedEvent {
  std::string id;
  std::optional<std::string> date;
  std::string date_from;
  std::string cameo;
  ActorRef source;
  std::optional<ActorRef> target;
  std::optional<PlaceRef> location;
  bool negated = false;
  bool attributed = false;  // every report of it is attributed to a speaker
  std::vector<const EventRecord*> mentions;
  std::uint32_t num_articles = 0, num_outlets = 0;
};

// Merges records: same root code, same source and compatible target (the
// same, or one unknown; either order for joint acts such as meetings),
// dates at most one day apart or unknown, compatible places, same
// negation. Records are blocked by (root, source, target) keys, so the
// cost is linear in the records times the (small) number of events per
// block. Output sorted by id; deterministic whatever the input order.
// The returned events point into `records`, which must outlive them.
std::vector<MergedEvent> MergeEvents(std::vector<EventRecord>& records);

// Gives an actor linked to an entity the entity's CAMEO code (`code_of`
// maps entity ids to codes) when its reports gave none, or only a part the
// entity's code extends ("GOV" -> "USAGOV", "USA" -> "USAGOV"): one article
// may not say whose government a spokesman's office is, or what the person
// it names only by surname does, while the merged entity has read every
// article that names it. A code of its own that the entity's does not
// extend stays: it says what the actor was in the reports of this event (a
// former secretary then, a candidate now).
void FillActorCodes(const std::unordered_map<std::string, std::string>& code_of, std::vector<MergedEvent>* events);

// One events.jsonl object (no newline), keys of the output contract plus
// date_from and attributed.
void AppendMergedEventJson(const MergedEvent& e, std::string* out);

// Writes path (through a .partial file) with one line per event.
Status WriteEventsFile(const std::string& path, const std::vector<MergedEvent>& events);

}  // namespace sitrep::events
