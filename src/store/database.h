// The SQLite copy of the output (DIR/sitrep.db), built from the JSON Lines
// files so that it holds exactly what they hold. The schema is versioned
// (table `meta`, key `schema_version`) and documented in docs/schema.md.
#pragma once

#include <string>

#include "core/status.h"

namespace sitrep::store {

inline constexpr int kDatabaseSchemaVersion = 2;

// Builds DIR/sitrep.db from DIR/articles.jsonl, entities.jsonl,
// quotes.jsonl, events.jsonl, stories.jsonl (missing files count as
// empty). Written to a temporary file and renamed, so a failed build leaves
// no half-written database. Returns kIoError naming the file on failure.
Status BuildDatabase(const std::string& dir);

}  // namespace sitrep::store
