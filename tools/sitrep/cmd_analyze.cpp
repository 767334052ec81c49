// `sitrep analyze` and `sitrep process`.
#include "cli.h"
#include "pipeline/analyze.h"
#include "pipeline/merge.h"

namespace {

std::string AnalyzeHelp() {
  return "Analyse news articles and write the output contract (docs/schema.md) into a folder.\n\n"
         "INPUT is a file, a folder (searched recursively; hidden files are ignored) or - for JSON Lines\n"
         "on standard input. Files: .txt, .md, .json (one article object), .jsonl/.ndjson (one article per\n"
         "line: text|body|content or html, and optional title, url, outlet|source, published|date, author),\n"
         "web pages (.html, .htm: the article body is extracted), feeds (.rss, .atom, .xml: one article per\n"
         "item), WARC archives (.warc: one per HTML response), and .gz of any of these.\n\n"
         "Every input record appears in articles.jsonl as status \"ok\" or \"skipped\" with its reason.\n"
         "Exit status: 0 when every input was accounted for, 1 on a usage error, 2 when output could not\n"
         "be written.";
}

sitrep::cli::CommandRegistrar analyze("", "analyze", AnalyzeHelp(), [](CLI::App& app) {
  auto opt = std::make_shared<sitrep::pipeline::AnalyzeOptions>();
  app.add_option("inputs", opt->inputs, "Files, folders, or - for stdin")->required();
  app.add_option("--out,-o", opt->out_dir, "Output folder")->required();
  app.add_option("--jobs,-j", opt->jobs, "Worker threads (default: all cores)")->check(CLI::Range(1, 1024));
  app.add_flag("--no-db", [opt](std::int64_t) { opt->db = false; }, "Do not write sitrep.db");
  app.add_flag("--quiet,-q", opt->quiet, "No progress line (the final summary is still printed)");
  app.add_flag("--force,-f", opt->force, "Overwrite an output folder that is not empty");
  app.add_flag("--no-repeat-scan", [opt](std::int64_t) { opt->repeat_scan = false; },
               "Skip the first pass that finds lines an outlet repeats across its articles");
  auto mb = std::make_shared<double>(32);
  app.add_option("--max-article-mb", *mb, "Skip records larger than this (default 32)")
      ->check(CLI::Range(0.001, 4096.0));
  return [opt, mb] {
    opt->max_article_bytes = static_cast<std::uint64_t>(*mb * 1024 * 1024);
    return sitrep::pipeline::RunAnalyze(*opt);
  };
});

sitrep::cli::CommandRegistrar process(
    "", "process",
    "Run the per-article stage alone: read articles (default: JSON Lines on stdin) and write one\n"
    "articles.jsonl line per record to stdout, in input order. Stateless, so it can run on Spark or\n"
    "any engine that pipes lines through a command.",
    [](CLI::App& app) {
      auto opt = std::make_shared<sitrep::pipeline::ProcessOptions>();
      app.add_option("inputs", opt->inputs, "Files, folders, or - for stdin (the default)");
      app.add_option("--jobs,-j", opt->jobs, "Worker threads (default: all cores)")->check(CLI::Range(1, 1024));
      auto mb = std::make_shared<double>(32);
      app.add_option("--max-article-mb", *mb, "Skip records larger than this (default 32)")
          ->check(CLI::Range(0.001, 4096.0));
      return [opt, mb] {
        opt->max_article_bytes = static_cast<std::uint64_t>(*mb * 1024 * 1024);
        return sitrep::pipeline::RunProcess(*opt);
      };
    });

sitrep::cli::CommandRegistrar merge(
    "", "merge",
    "Merge the entities of `sitrep process` output across articles: writes articles.jsonl with\n"
    "each mention's entity set, entities.jsonl and sitrep.db into --out. The inputs are read twice,\n"
    "so they must be files.",
    [](CLI::App& app) {
      auto opt = std::make_shared<sitrep::pipeline::MergeCommandOptions>();
      app.add_option("inputs", opt->inputs, "Files written by sitrep process")->required()->expected(1, -1);
      app.add_option("--out,-o", opt->out_dir, "Output folder")->required();
      app.add_flag("--force", opt->force, "Replace sitrep's files in a non-empty output folder");
      auto flag = std::make_shared<bool>(false);
      app.add_flag("--no-db", *flag, "Do not write sitrep.db");
      return [opt, flag] {
        opt->db = !*flag;
        return sitrep::pipeline::RunMerge(*opt);
      };
    });

}  // namespace
