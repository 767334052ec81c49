// Score floor on the held-out half of TimeBank (data/time/timebank_split.txt).
// The rules were written looking only at the development half.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/temp_dir.h"
#include "time/time.h"
#include "time/timeml.h"

namespace sitrep {
namespace {

TEST(TimeBank, HeldOutScoreFloor) {
  std::filesystem::path dir = std::filesystem::path(SITREP_SHARED_DIR) / "corpora" / "timebank";
  if (!std::filesystem::is_directory(dir))
    GTEST_SKIP() << "TimeBank not found at " << dir << " (SITREP_SHARED_DIR); skipping the score floor";
  TimeCounts counts;
  int docs = 0;
  for (const std::string& name : TimebankSplit("heldout")) {
    std::ifstream in(dir / name, std::ios::binary);
    ASSERT_TRUE(in) << name;
    std::ostringstream ss;
    ss << in.rdbuf();
    auto doc = ParseTimeml(ss.str(), name);
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    auto tags = FindTimes(doc->text, doc->dct ? std::optional<std::string_view>(*doc->dct) : std::nullopt);
    ScoreTimes(doc->gold, tags.times, counts);
    ++docs;
  }
  EXPECT_GT(docs, 80);
  TimeScores s = ComputeScores(counts);
  EXPECT_GE(s.relaxed_f1, 0.90);  // measured 0.9308 (0.9267 before branch time6)
  EXPECT_GE(s.value_f1, 0.785);   // measured 0.8003 (0.7994 before branch time6)
  EXPECT_GE(s.strict_f1, 0.85);   // measured 0.8808 (0.8767 before branch time6)
}

// `sitrep eval time --syntax` tags with the parse, as analyze does.
TEST(TimeBank, EvalWithTheParse) {
  sitrep::testing::TempDir dir;
  sitrep::testing::WriteFile(
      dir / "kessar.tml",
      "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2022-01-12\" functionInDocument=\"CREATION_TIME\">"
      "2022-01-12</TIMEX3></DCT>\n<TEXT>Lenhall did not win the Kessar vote <TIMEX3 tid=\"t1\" type=\"DATE\" "
      "value=\"2022-01-11\">Tuesday</TIMEX3>. Odalys will visit Dravenia <TIMEX3 tid=\"t2\" type=\"DATE\" "
      "value=\"2022-01-14\">Friday</TIMEX3>.</TEXT></TimeML>\n");
  for (std::string flag : {"", " --syntax"}) {
    auto r = sitrep::testing::Run(std::string(SITREP_BINARY) + " eval time --json --gold '" + dir.path() + "'" + flag);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("\"value_f1\":1.0000"), std::string::npos) << flag << ": " << r.output;
  }
  auto bad = sitrep::testing::Run(std::string(SITREP_BINARY) + " eval time --gold '" + dir.path() + "' --sintax");
  EXPECT_NE(bad.exit_code, 0);
}

TEST(TimeBank, ParsesTimeml) {
  auto doc = ParseTimeml(
      "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">"
      "19980108</TIMEX3></DCT><TEXT>A &amp; B met <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">"
      "yesterday</TIMEX3>.</TEXT></TimeML>",
      "x.tml");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "A & B met yesterday.");
  EXPECT_EQ(doc->dct, "1998-01-08");
  ASSERT_EQ(doc->gold.size(), 1u);
  EXPECT_EQ(doc->gold[0].begin, 10u);
  EXPECT_EQ(doc->gold[0].end, 19u);
  TimeCounts c;
  ScoreTimes(doc->gold, FindTimes(doc->text, *doc->dct).times, c);
  EXPECT_EQ(c.strict, 1);
  EXPECT_EQ(c.value_ok, 1);
  EXPECT_FALSE(ParseTimeml("<TimeML></TimeML>", "y.tml").ok());
}

TEST(TimeBank, DecadeAndCenturyValuesCompareByTheirDigits) {
  EXPECT_TRUE(SameTimeValue("199X", "199"));
  EXPECT_TRUE(SameTimeValue("19XX", "19"));
  EXPECT_TRUE(SameTimeValue("1998-05", "1998-05"));
  EXPECT_FALSE(SameTimeValue("19XX", "199"));
  EXPECT_FALSE(SameTimeValue("1998-WXX", "1998-W"));
  EXPECT_FALSE(SameTimeValue("XXXX-SU", "XXXX"));
  EXPECT_FALSE(SameTimeValue("1998", "19"));
}

}  // namespace
}  // namespace sitrep
