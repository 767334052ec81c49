// `sitrep report`: one self-contained HTML page (inline CSS and SVG, no
// script, no network) that presents the stories of an analyze output
// folder to a reader: per story the summary, a timeline, the outlets side
// by side, agreements and disagreements, key quotes, actors and an actor
// network. Part of issue 10.
#pragma once

#include <string>

#include "core/status.h"

namespace sitrep::report {

struct ReportOptions {
  // Only this story ("s" + 16 hex digits); empty for every story.
  std::string story_id;
  // Shown in the header and footer, so a printed report says what made it.
  std::string generator;
};

// Reads the output folder DIR (docs/schema.md) and returns the report
// page. Every value taken from the folder is HTML-escaped, so an article
// that contains markup shows it as text. Fails with kNotFound when DIR or
// DIR/stories.jsonl is missing or the story id is unknown, and with
// kInvalidInput naming the file and line for a malformed line; never
// throws for bad input (the CAMEO codebook is loaded once and throws
// ConfigError only if the binary's own data is broken).
Result<std::string> RenderReport(const std::string& dir, const ReportOptions& options);

// RenderReport, then writes the page to out_path in full or not at all.
// Input problems keep their codes; a page that cannot be written gives
// kIoError naming out_path, so callers can tell the two apart.
Status WriteReport(const std::string& dir, const ReportOptions& options, const std::string& out_path);

}  // namespace sitrep::report
