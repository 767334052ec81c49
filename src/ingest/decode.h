// Decoding: from a RawDoc (bytes as read) to an Article whose text is valid
// NFC UTF-8 and whose metadata fields are filled from JSON where given.
#pragma once

#include "core/article.h"
#include "ingest/ingest.h"

namespace sitrep::ingest {

// Converts doc into an Article. Never throws; a record that cannot be used
// (binary data, malformed JSON, no text field) comes back skipped with the
// reason, which names the source and, for JSON Lines, the line. The id is
// derived from the record's bytes (see docs/schema.md).
Article Decode(RawDoc&& doc);

}  // namespace sitrep::ingest
