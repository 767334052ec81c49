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
  // Measured 0.804 / 0.863 (settings of data/stories/cluster.tsv, tuned on
  // the dev topics); a floor, not the figure. It was 0.863 / 0.900 until the
  // recogniser's span corrections (src/entities/span_rules.h) changed a few
  // entities: one held-out topic's two happenings then join in one story,
  // which alone costs 0.06 pairwise (dev topics unchanged). A clusterer that
  // does not hang on such details is the open part of issue 8.
  EXPECT_GE(pairwise, 0.79) << r.output;
  EXPECT_GE(bcubed, 0.85) << r.output;
  EXPECT_EQ(std::uint64_t(e["gold_stories"].get_int64()), 22u);
}

}  // namespace
