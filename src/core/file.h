// Whole-file reads for configuration, gold corpora and models (not for
// article input, which streams through ingest).
#pragma once

#include <string>

namespace sitrep {

// Reads the whole file at `path` into *out (binary, unchanged). Returns
// false, leaving *out unspecified, when it cannot be opened or read.
bool ReadWholeFile(const std::string& path, std::string* out);

}  // namespace sitrep
