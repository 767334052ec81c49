// Data files (lexicons, gazetteers, models) by their path under data/.
//
// Every file under data/ is compiled into the binary, so lookups cost no
// I/O and a copied binary is self-contained. Setting the environment
// variable SITREP_DATA to a folder makes files found there win over the
// compiled-in copies: for editing a lexicon without rebuilding, or for
// trying a freshly trained model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// Returns the contents of data file `name` (e.g. "clean/cues.tsv").
// Throws ConfigError naming the file if there is none. The view stays
// valid for the life of the process. Thread-safe.
std::string_view Resource(std::string_view name);

// True if Resource(name) would succeed.
bool HasResource(std::string_view name);

// Names of all compiled-in data files, sorted.
std::vector<std::string> ResourceNames();

// Splits a data file into its lines, dropping blank lines and comment
// lines that start with '#'; surrounding whitespace is trimmed.
std::vector<std::string_view> DataLines(std::string_view contents);

}  // namespace sitrep
