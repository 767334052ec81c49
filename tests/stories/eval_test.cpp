// `sitrep eval stories` on ECB+ (../shared): the clusterer must separate
// most happenings. Skips when the corpus is absent.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>

#include "support/temp_dir.h"

namespace {

TEST(EvalStories, SeparatesTheHappeningsOfTheHeldOutTopics) {
  const std::string gold = std::string(SITREP_SHARED_DIR) + "/corpora/ecbplus";
  if (!std::filesystem::is_directory(gold)) GTEST_SKIP() << "ECB+ not found at " << gold << " (../shared is absent)";
  auto r = sitrep::testing::Run(sitrep::testing::Sitrep() + " eval stories --gold '" + gold + "' --topics heldout --json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string last = r.output.substr(r.output.rfind('{'));
  simdjson::dom::parser p;
  simdjson::dom::element e;
  ASSERT_EQ(p.parse(last).get(e), simdjson::SUCCESS) << r.output;
  double pairwise = e["pairwise_f1"].get_double();
  double bcubed = e["bcubed_f1"].get_double();
  // Measured 0.863 / 0.894 (settings of data/stories/cluster.tsv, chosen
  // on the dev topics by their mean over 16 orders); a floor, not the
  // figure. Before the dates and figures weighed more it was 0.809 / 0.866,
  // and one order's score on these 236 documents moves by several points
  // with the order (0.78-0.87 over 16 orders): see --orders.
  EXPECT_GE(pairwise, 0.82) << r.output;
  EXPECT_GE(bcubed, 0.85) << r.output;
  EXPECT_EQ(std::uint64_t(e["gold_stories"].get_int64()), 22u);
}

}  // namespace
