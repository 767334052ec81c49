// `sitrep report --in DIR [--story ID] --out report.html`: one
// self-contained HTML page presenting the stories of an analyze output
// folder (issue 10).
#include <cstdio>
#include <memory>
#include <string>

#include "cli.h"
#include "report/report.h"

namespace {

struct Options {
  std::string in;
  std::string story;
  std::string out;
};

int Run(const Options& o) {
  sitrep::report::ReportOptions options;
  options.story_id = o.story;
  options.generator = std::string("sitrep ") + SITREP_VERSION;
  sitrep::Status s = sitrep::report::WriteReport(o.in, options, o.out);
  if (!s.ok()) {
    sitrep::cli::PrintError(s.message());
    return s.code() == sitrep::Code::kIoError ? sitrep::cli::kExitOutput : sitrep::cli::kExitUsage;
  }
  std::fprintf(stderr, "sitrep: wrote the report to %s\n", o.out.c_str());
  return sitrep::cli::kExitOk;
}

sitrep::cli::CommandRegistrar reg(
    "", "report",
    "Write a self-contained HTML situation report (per story: summary, timeline, outlets side by side, "
    "agreements and disagreements, key quotes, actors, actor network)",
    [](CLI::App& app) {
      auto opts = std::make_shared<Options>();
      app.add_option("--in", opts->in, "Output folder of sitrep analyze or merge (needs stories.jsonl)")->required();
      app.add_option("--story", opts->story, "Only the story with this id (see stories.jsonl); default: every story");
      app.add_option("--out", opts->out, "The HTML file to write (one file, no network needed to view or print it)")
          ->required();
      return [opts] { return Run(*opts); };
    });

}  // namespace
