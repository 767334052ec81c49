// `sitrep export gdelt --in DIR [--out PREFIX]`: GDELT 2.0 event and
// mentions tables from the events.jsonl and articles.jsonl of an analyze
// or merge output folder.
#include <cstdio>
#include <memory>
#include <string>

#include "cli.h"
#include "events/gdelt.h"

namespace {

struct Options {
  std::string in;
  std::string out;
};

int Run(const Options& o) {
  std::string prefix = o.out.empty() ? o.in + "/gdelt" : o.out;
  std::uint64_t n = 0;
  sitrep::Status s = sitrep::events::ExportGdelt(o.in, prefix, &n);
  if (!s.ok()) {
    sitrep::cli::PrintError(s.message());
    return s.code() == sitrep::Code::kIoError ? sitrep::cli::kExitOutput : sitrep::cli::kExitUsage;
  }
  std::fprintf(stderr, "sitrep: wrote %llu events to %s.export.CSV and their mentions to %s.mentions.CSV\n",
               static_cast<unsigned long long>(n), prefix.c_str(), prefix.c_str());
  return sitrep::cli::kExitOk;
}

sitrep::cli::CommandRegistrar reg(
    "export", "gdelt", "Write events as GDELT 2.0 event and mentions tables (tab-separated)",
    [](CLI::App& app) {
      auto opts = std::make_shared<Options>();
      app.add_option("--in", opts->in, "Output folder of sitrep analyze or merge")->required();
      app.add_option("--out", opts->out, "Prefix of the files (default DIR/gdelt): PREFIX.export.CSV, PREFIX.mentions.CSV");
      return [opts] { return Run(*opts); };
    });

}  // namespace
