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

// What the export needs from an articles.jsonl line.
struct GdeltArticle {
  std::string url;        // url, else the source path
  std::string outlet;
  std::string published;  // ISO date or empty
  std::vector<std::uint64_t> sentence_starts;
  std::uint64_t text_length = 0;  // code points
};

// Reads the articles of dir/articles.jsonl (only the fields above).
Result<std::unordered_map<std::string, GdeltArticle>> ReadGdeltArticles(const std::string& path);

// The GDELT row(s) for one events.jsonl line: the event row (exactly
// kGdeltEventColumns fields) and one mentions row per mention (exactly
// kGdeltMentionColumns fields). global_id is the GLOBALEVENTID to use.
// Returns an error for a line that is not an event.
Status GdeltRows(std::string_view event_line, std::uint64_t global_id,
                 const std::unordered_map<std::string, GdeltArticle>& articles, std::vector<std::string>* event_row,
                 std::vector<std::vector<std::string>>* mention_rows);

// Writes PREFIX.export.CSV and PREFIX.mentions.CSV (tab-separated, as
// GDELT's files despite the name) from dir's events.jsonl and
// articles.jsonl. Events are numbered 1.. in events.jsonl order (sorted by
// id), so the same output gives the same numbers.
Status ExportGdelt(const std::string& dir, const std::string& prefix, std::uint64_t* events_written);

}  // namespace sitrep::events
