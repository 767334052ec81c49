// `sitrep merge`: the cross-article step on its own, for output of
// `sitrep process` that was produced elsewhere (on Spark, in pieces).
#pragma once

#include <string>
#include <vector>

namespace sitrep::pipeline {

struct MergeCommandOptions {
  std::vector<std::string> inputs;  // files of `sitrep process` output (read twice, so not stdin)
  std::string out_dir;
  bool force = false;
  bool db = true;
};

// Reads the articles lines, merges their local entities across all of
// them, and writes into out_dir: articles.jsonl (the lines in input order,
// each mention's `entity` set), entities.jsonl, empty quotes, events and
// stories files, and sitrep.db unless db is false. A line that is not an
// article is reported on stderr with its file and line and left out.
// Returns 0; 1 for a usage error, an unreadable input or a line left out;
// 2 when output could not be written.
int RunMerge(const MergeCommandOptions& options);

}  // namespace sitrep::pipeline
