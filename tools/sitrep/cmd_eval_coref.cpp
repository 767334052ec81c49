// `sitrep eval coref --gold DIR`: scores the entity merge (within-article
// merge + cross-article resolver) on ECB+ cross-document entity
// coreference, human participants and locations, within topics. The merge
// rules were written looking only at the dev topics
// (data/resolve/ecbplus_split.txt); report the heldout ones.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"
#include "entities/entities.h"
#include "gazetteer/gazetteer.h"
#include "resolve/ecbplus.h"

namespace {

struct Options {
  std::string gold;
  std::string topics = "heldout";
  bool json = false;
  bool named_only = false;
  bool show_errors = false;
};

void Print(const char* label, const sitrep::resolve::CorefScores& s) {
  std::printf("%-9s mentions %5ld  gold entities %5ld  system entities %5ld\n", label, s.mentions, s.gold_entities,
              s.system_entities);
  std::printf("%-9s B3        P %.4f  R %.4f  F1 %.4f\n", "", s.b3_precision, s.b3_recall, s.b3_f1);
  std::printf("%-9s pairwise  P %.4f  R %.4f  F1 %.4f\n", "", s.pairwise_precision, s.pairwise_recall,
              s.pairwise_f1);
}

int Run(const Options& o) {
  if (!std::filesystem::is_directory(o.gold)) {
    sitrep::cli::PrintError("--gold " + o.gold + " is not a folder");
    return sitrep::cli::kExitUsage;
  }
  std::vector<std::string> topics;
  if (o.topics == "dev" || o.topics == "heldout" || o.topics == "all") {
    topics = sitrep::resolve::EcbPlusTopics(o.topics);
  } else {
    std::istringstream in(o.topics);
    for (std::string t; std::getline(in, t, ',');)
      if (!t.empty()) topics.push_back(t);
  }
  if (topics.empty()) {
    sitrep::cli::PrintError("no topics selected");
    return sitrep::cli::kExitUsage;
  }
  std::string report;
  // The merge as the pipeline runs it: with the gazetteer's countries and
  // listed organisations.
  auto ev = sitrep::resolve::EvaluateEcbPlus(
      o.gold, topics, sitrep::entities::MergeOptionsFor(sitrep::gazetteer::Gazetteer::Default()),
      o.show_errors ? &report : nullptr);
  if (!ev.ok()) {
    sitrep::cli::PrintError(ev.status().message());
    return sitrep::cli::kExitUsage;
  }
  if (o.show_errors) std::fputs(report.c_str(), stdout);
  std::string list;
  for (const std::string& t : topics) list += (list.empty() ? "" : ",") + t;
  std::printf("ECB+ entity coreference (HUMAN_PART_*, LOC_*), clustered and scored within each topic\n");
  std::printf("topics %s (%s), %ld documents\n", o.topics.c_str(), list.c_str(), ev->documents);
  if (!o.named_only) Print("all", ev->all);
  Print("named", ev->named);
  Print("baseline", ev->baseline);
  std::printf("(baseline: named mentions clustered by exact name and type)\n");
  if (o.json) {
    const auto& a = ev->all;
    const auto& n = ev->named;
    std::printf(
        "{\"topics\":\"%s\",\"documents\":%ld,\"mentions\":%ld,\"named_mentions\":%ld,"
        "\"b3_precision\":%.4f,\"b3_recall\":%.4f,\"b3_f1\":%.4f,"
        "\"pairwise_precision\":%.4f,\"pairwise_recall\":%.4f,\"pairwise_f1\":%.4f,"
        "\"named_b3_precision\":%.4f,\"named_b3_recall\":%.4f,\"named_b3_f1\":%.4f,"
        "\"named_pairwise_precision\":%.4f,\"named_pairwise_recall\":%.4f,\"named_pairwise_f1\":%.4f,"
        "\"baseline_named_b3_f1\":%.4f,\"baseline_named_pairwise_f1\":%.4f}\n",
        o.topics.c_str(), ev->documents, a.mentions, n.mentions, a.b3_precision, a.b3_recall, a.b3_f1,
        a.pairwise_precision, a.pairwise_recall, a.pairwise_f1, n.b3_precision, n.b3_recall, n.b3_f1,
        n.pairwise_precision, n.pairwise_recall, n.pairwise_f1, ev->baseline.b3_f1, ev->baseline.pairwise_f1);
  }
  return sitrep::cli::kExitOk;
}

sitrep::cli::CommandRegistrar reg(
    "eval", "coref", "Score the entity merge on ECB+ cross-document entity coreference (B3, pairwise F1)",
    [](CLI::App& app) {
      auto opts = std::make_shared<Options>();
      app.add_option("--gold", opts->gold, "The ECB+ folder (topic folders of N_Mecb.xml / N_Mecbplus.xml)")
          ->required();
      app.add_option("--topics", opts->topics,
                     "heldout (default), dev or all (data/resolve/ecbplus_split.txt), or comma-separated topics");
      app.add_flag("--json", opts->json, "Print the scores as one JSON object on the last line");
      app.add_flag("--named-only", opts->named_only, "Print only the named-mention scores (JSON has both)");
      app.add_flag("--show-errors", opts->show_errors, "Print wrongly merged and wrongly split named clusters");
      return [opts] { return Run(*opts); };
    });

}  // namespace
