// `sitrep analyze` and `sitrep process` as library calls, so tests and
// benchmarks run them in-process.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sitrep::pipeline {

struct AnalyzeOptions {
  std::vector<std::string> inputs;  // files, folders, "-" for stdin
  std::string out_dir;
  int jobs = 0;                     // 0: all cores
  bool db = true;                   // write sitrep.db
  bool quiet = false;
  bool force = false;               // overwrite a non-empty output folder
  bool progress = true;             // progress line on stderr (only on a terminal)
  bool repeat_scan = true;          // first pass for lines an outlet repeats
  std::uint64_t max_article_bytes = 32ull << 20;
};

// Runs the whole analysis and writes the output contract into out_dir.
// Returns the process exit code: 0 when every input was accounted for
// (processed or skipped with a reason), 1 for a usage error (such as an
// output folder that exists and is not empty without force), 2 when output
// could not be written. Prints where the output went and a short summary
// on stderr.
int RunAnalyze(const AnalyzeOptions& options);

struct ProcessOptions {
  std::vector<std::string> inputs;  // "-" (stdin) when empty
  int jobs = 0;
  std::uint64_t max_article_bytes = 32ull << 20;
};

// The streaming per-article stage alone: reads articles and writes one
// articles.jsonl line per record to stdout, in input order, with no
// cross-article work. Returns 0, or 2 if stdout could not be written.
int RunProcess(const ProcessOptions& options);

}  // namespace sitrep::pipeline
