// `sitrep eval events --gold FILE`: runs the whole per-article pipeline on
// each gold sentence and scores the coded events (root and full-code
// accuracy, actor accuracy, event precision, recall and F1), per split.
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "cli.h"
#include "core/file.h"
#include "core/json_writer.h"
#include "events/gold.h"
#include "pipeline/pipeline.h"

namespace {

struct Options {
  std::string gold;
  std::string split = "all";
  bool json = false;
  bool show_errors = false;
};

void PrintCounts(const char* name, const sitrep::events::EventCounts& c) {
  std::printf("%-8s gold %llu, system %llu, correct %llu: P %.3f R %.3f F1 %.3f; root accuracy %.3f, "
              "full-code accuracy %.3f, actor accuracy %.3f (over %llu paired events)\n",
              name, static_cast<unsigned long long>(c.gold), static_cast<unsigned long long>(c.system),
              static_cast<unsigned long long>(c.matched), c.Precision(), c.Recall(), c.F1(), c.RootAccuracy(),
              c.CodeAccuracy(), c.ActorAccuracy(), static_cast<unsigned long long>(c.paired));
}

void JsonCounts(sitrep::JsonWriter& w, const sitrep::events::EventCounts& c) {
  w.Key("precision");
  w.Double(c.Precision(), 4);
  w.Key("recall");
  w.Double(c.Recall(), 4);
  w.Key("f1");
  w.Double(c.F1(), 4);
  w.Key("root_accuracy");
  w.Double(c.RootAccuracy(), 4);
  w.Key("full_code_accuracy");
  w.Double(c.CodeAccuracy(), 4);
  w.Key("actor_accuracy");
  w.Double(c.ActorAccuracy(), 4);
  w.Key("gold");
  w.UInt(c.gold);
  w.Key("system");
  w.UInt(c.system);
  w.Key("correct");
  w.UInt(c.matched);
}

int Run(const Options& o) {
  using namespace sitrep;
  std::string text;
  if (!ReadWholeFile(o.gold, &text)) {
    cli::PrintError("cannot read " + o.gold);
    return cli::kExitUsage;
  }
  auto gold = events::ParseGold(text);
  if (!gold.ok()) {
    cli::PrintError(o.gold + ": " + gold.status().message());
    return cli::kExitUsage;
  }
  if (o.split != "all" && o.split != "dev" && o.split != "heldout") {
    cli::PrintError("--split must be all, dev or heldout");
    return cli::kExitUsage;
  }
  pipeline::ArticlePipeline pipe = pipeline::ArticlePipeline::Standard(nullptr);
  auto scratch = pipe.NewScratch();
  std::map<std::string, events::EventCounts> per_split;
  events::EventCounts total;
  for (const auto& g : gold.value()) {
    if (o.split != "all" && g.split != o.split) continue;
    // Each sentence is an article of its own, with a fixed publication date
    // so dates resolve the same way in every run.
    ingest::RawDoc doc;
    doc.source = o.gold + ":" + std::to_string(g.line);
    doc.format = ingest::Format::kJson;
    JsonWriter w(doc.bytes);
    w.BeginObject();
    w.Key("text");
    w.String(g.text);
    w.Key("published");
    w.String("2024-01-15");
    w.EndObject();
    Article a = pipe.Run(std::move(doc), scratch);
    events::EventCounts c = events::ScoreSentence(g, a);
    per_split[g.split].Add(c);
    total.Add(c);
    if (o.show_errors && (c.matched != c.gold || c.matched != c.system || c.actors_ok != c.matched)) {
      std::string sys, want;
      for (const auto& e : a.events) sys += (sys.empty() ? "" : " ; ") + events::DescribeEvent(e);
      for (const auto& e : g.events)
        want += (want.empty() ? "" : " ; ") + std::string(e.negated ? "!" : "") + e.cameo + " " + e.source + " > " +
                (e.target.empty() ? "-" : e.target);
      std::printf("ERR\t%zu\t%s\t%s\n\tgold   %s\n\tsystem %s\n", g.line, g.split.c_str(), g.text.c_str(),
                  want.empty() ? "-" : want.c_str(), sys.empty() ? "-" : sys.c_str());
    }
  }
  for (const auto& [split, c] : per_split) PrintCounts(split.c_str(), c);
  if (per_split.size() > 1) PrintCounts("all", total);
  if (o.json) {
    std::string out;
    JsonWriter w(out);
    w.BeginObject();
    w.Key("split");
    w.String(o.split);
    JsonCounts(w, total);
    for (const auto& [split, c] : per_split) {
      w.Key(split);
      w.BeginObject();
      JsonCounts(w, c);
      w.EndObject();
    }
    w.EndObject();
    std::printf("%s\n", out.c_str());
  }
  return cli::kExitOk;
}

sitrep::cli::CommandRegistrar reg(
    "eval", "events", "Score CAMEO event coding against a gold file of sentences",
    [](CLI::App& app) {
      auto opts = std::make_shared<Options>();
      app.add_option("--gold", opts->gold, "Gold TSV (e.g. tests/events/gold/events_gold.tsv)")->required();
      app.add_option("--split", opts->split, "all (default), dev or heldout");
      app.add_flag("--json", opts->json, "Print the scores as one JSON object on the last line");
      app.add_flag("--show-errors", opts->show_errors, "Print each sentence the system gets wrong");
      return [opts] { return Run(*opts); };
    });

}  // namespace
