// The commands: eval events meets the issue's targets on the held-out half;
// analyze and process + merge write the same events; the GDELT export has
// 61 columns on every line.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <sstream>

#include "support/temp_dir.h"

namespace sitrep::events {
namespace {

using namespace sitrep::testing;

TEST(EventsCli, HeldOutScoresMeetTheTargets) {
  auto r = sitrep::testing::Run(Sitrep() + " eval events --gold " + SourceDir() + "/tests/events/gold/events_gold.tsv --split heldout --json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string out = r.output;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  std::string last = out.substr(out.rfind('\n') + 1);
  simdjson::dom::parser p;
  simdjson::dom::element e;
  ASSERT_EQ(p.parse(last).get(e), simdjson::SUCCESS) << last;
  double f1 = e["f1"].get_double().value(), root = e["root_accuracy"].get_double().value();
  EXPECT_GE(f1, 0.80) << r.output;
  EXPECT_GE(root, 0.90) << r.output;
  EXPECT_GT(e["actor_accuracy"].get_double().value(), 0.5);
}

TEST(EventsCli, AnalyzeAndMergeWriteTheSameEventsAndGdeltHas61Columns) {
  TempDir t;
  // Without the repeated-lines pass, which streaming `process` cannot do.
  auto a = sitrep::testing::Run(Sitrep() + " analyze " + SourceDir() + "/samples/articles --out " + (t / "analyze") +
                                " --quiet --no-repeat-scan");
  ASSERT_EQ(a.exit_code, 0) << a.output;
  // The same inputs through process, then merge.
  auto p = sitrep::testing::Run("cd " + SourceDir() + "/samples && find articles -type f | sort | sed 's|^|" + SourceDir() +
               "/samples/|' | xargs " + Sitrep() + " process --jobs 1 > " + (t / "processed.jsonl"));
  ASSERT_EQ(p.exit_code, 0) << p.output;
  auto m = sitrep::testing::Run(Sitrep() + " merge " + (t / "processed.jsonl") + " --out " + (t / "merge"));
  ASSERT_EQ(m.exit_code, 0) << m.output;
  std::string ea = ReadFile(t / "analyze/events.jsonl"), em = ReadFile(t / "merge/events.jsonl");
  EXPECT_FALSE(ea.empty());
  EXPECT_EQ(ea, em);
  auto g = sitrep::testing::Run(Sitrep() + " export gdelt --in " + (t / "analyze"));
  ASSERT_EQ(g.exit_code, 0) << g.output;
  std::istringstream rows(ReadFile(t / "analyze/gdelt.export.CSV"));
  std::size_t n = 0;
  for (std::string line; std::getline(rows, line); ++n) {
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 60) << line;
  }
  EXPECT_EQ(n, static_cast<std::size_t>(std::count(ea.begin(), ea.end(), '\n')));
  std::istringstream mrows(ReadFile(t / "analyze/gdelt.mentions.CSV"));
  for (std::string line; std::getline(mrows, line);) EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 15);
}

TEST(EventsCli, AnActorNamedBySurnameAloneGetsTheCodeAnotherArticleGaveItsEntity) {
  // The second article never says who Varnell is; the first does. The
  // event of the second carries the merged entity's code, as GDELT's
  // Actor1Code needs it.
  TempDir t;
  WriteFile(t / "in.jsonl",
            R"({"id":"one","outlet":"Daily Ledger","published":"2026-03-02","title":"Talks in Geneva","text":"French President Aldo Varnell met the rebel leaders in Geneva on Monday.\n\nVarnell said the talks would go on."})"
            "\n"
            R"({"id":"two","outlet":"Morning Post","published":"2026-03-04","title":"Varnell warns rebels","text":"Varnell threatened the rebels with sanctions on Wednesday.\n\nThe rebels did not answer."})"
            "\n");
  auto a = sitrep::testing::Run(Sitrep() + " analyze " + (t / "in.jsonl") + " --out " + (t / "out") + " --quiet --no-db");
  ASSERT_EQ(a.exit_code, 0) << a.output;
  std::istringstream lines(ReadFile(t / "out/events.jsonl"));
  simdjson::dom::parser p;
  int threats = 0;
  for (std::string line; std::getline(lines, line);) {
    simdjson::dom::element e;
    ASSERT_EQ(p.parse(line).get(e), simdjson::SUCCESS) << line;
    if (std::string_view(e["root"].get_string().value()) != "13") continue;
    ++threats;
    EXPECT_EQ(std::string_view(e["source"]["name"].get_string().value()), "Varnell") << line;
    std::string_view code;
    ASSERT_EQ(e["source"]["actor_code"].get_string().get(code), simdjson::SUCCESS) << line;
    EXPECT_EQ(code, "FRAGOV") << line;
  }
  EXPECT_EQ(threats, 1) << ReadFile(t / "out/events.jsonl");
}

}  // namespace
}  // namespace sitrep::events
