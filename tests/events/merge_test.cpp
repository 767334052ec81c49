// The cross-article event merge on hand-made records.
#include <gtest/gtest.h>

#include <algorithm>
#include <unordered_map>

#include "events/merge.h"

namespace sitrep::events {
namespace {

EventRecord Rec(std::string article, std::string outlet, std::string cameo, std::string src, std::string tgt,
                std::optional<std::string> date, std::uint64_t sentence = 0) {
  EventRecord r;
  r.article = std::move(article);
  r.outlet = std::move(outlet);
  r.cameo = std::move(cameo);
  r.source.entity = src.empty() ? "" : "e" + src;
  r.source.name = src;
  if (!tgt.empty()) r.target = ActorRef{"e" + tgt, tgt, ""};
  r.date = std::move(date);
  r.date_from = r.date ? "text" : "";
  r.sentence_start = sentence;
  r.sentence_end = sentence + 10;
  return r;
}

TEST(MergeEvents, SameHappeningAcrossOutletsIsOneEvent) {
  std::vector<EventRecord> recs = {
      Rec("a1", "Outlet A", "046", "Kenya", "Ethiopia", "2024-01-16"),
      Rec("a2", "Outlet B", "046", "Ethiopia", "Kenya", "2024-01-17"),  // a joint act, named the other way round
      Rec("a3", "Outlet B", "040", "Kenya", "", std::nullopt, 40),       // unknown target and date: compatible
  };
  auto merged = MergeEvents(recs);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].mentions.size(), 3u);
  EXPECT_EQ(merged[0].num_articles, 3u);
  EXPECT_EQ(merged[0].num_outlets, 2u);
  EXPECT_EQ(merged[0].cameo, "046");  // the code most reports give
  ASSERT_TRUE(merged[0].target.has_value());
}

TEST(MergeEvents, FollowUpDifferentTargetNegationOrRootStaySeparate) {
  std::vector<EventRecord> recs = {
      Rec("a1", "A", "046", "Serbia", "Kosovo", "2024-01-16"),
      Rec("a1", "A", "046", "Serbia", "Kosovo", "2024-01-19", 50),  // further talks on Friday
      Rec("a2", "B", "046", "Serbia", "Albania", "2024-01-16"),
      Rec("a3", "C", "163", "Serbia", "Kosovo", "2024-01-16"),
  };
  recs.push_back(Rec("a4", "D", "046", "Serbia", "Kosovo", "2024-01-16"));
  recs.back().negated = true;
  auto merged = MergeEvents(recs);
  EXPECT_EQ(merged.size(), 5u);
}

TEST(MergeEvents, OrderOfInputDoesNotMatter) {
  std::vector<EventRecord> x = {
      Rec("a1", "A", "190", "Rebels", "Army", "2024-01-16"),
      Rec("a2", "B", "190", "Rebels", "Army", "2024-01-16"),
      Rec("a3", "C", "042", "Varga", "Beijing", "2024-01-10"),
  };
  std::vector<EventRecord> y = {x[2], x[1], x[0]};
  auto mx = MergeEvents(x), my = MergeEvents(y);
  ASSERT_EQ(mx.size(), 2u);
  ASSERT_EQ(my.size(), 2u);
  std::string jx, jy;
  for (const auto& e : mx) AppendMergedEventJson(e, &jx);
  for (const auto& e : my) AppendMergedEventJson(e, &jy);
  EXPECT_EQ(jx, jy);
}

TEST(FillActorCodes, AnActorGetsItsEntitysCodeWhereItsReportsGaveNoneOrOnlyPartOfIt) {
  std::vector<EventRecord> recs = {
      Rec("a1", "A", "130", "Varnell", "Rebels", "2026-03-04"),
      Rec("a2", "B", "040", "Office", "Kessar", "2026-03-02"),
      Rec("a3", "C", "042", "Lenhall", "", "2026-03-01"),
      Rec("a4", "D", "111", "Harlen", "", "2026-02-20"),
  };
  recs[1].source.actor_code = "GOV";      // "the president's office": no country in that article
  recs[2].source.actor_code = "USAGOV";   // secretary then, though a candidate now
  recs[3].source.actor_code = "FRA";      // only the country
  auto merged = MergeEvents(recs);
  ASSERT_EQ(merged.size(), 4u);
  const std::unordered_map<std::string, std::string> codes = {
      {"eVarnell", "FRAGOV"}, {"eOffice", "FRAGOV"}, {"eKessar", "DEUGOV"}, {"eLenhall", "USAELI"},
      {"eHarlen", "FRAMIL"}};
  FillActorCodes(codes, &merged);
  auto of = [&](const std::string& name) -> const MergedEvent& {
    return *std::find_if(merged.begin(), merged.end(), [&](const MergedEvent& e) { return e.source.name == name; });
  };
  EXPECT_EQ(of("Varnell").source.actor_code, "FRAGOV");
  ASSERT_TRUE(of("Varnell").target.has_value());
  EXPECT_EQ(of("Varnell").target->actor_code, "");  // "Rebels" has no code in the table
  EXPECT_EQ(of("Office").source.actor_code, "FRAGOV");
  EXPECT_EQ(of("Office").target->actor_code, "DEUGOV");
  EXPECT_EQ(of("Lenhall").source.actor_code, "USAGOV");  // its own code, which the entity's does not extend
  EXPECT_EQ(of("Harlen").source.actor_code, "FRAMIL");
}

TEST(MergeEvents, JsonHasTheContractKeys) {
  std::vector<EventRecord> recs = {Rec("a1", "A", "163", "Germany", "Iran", "2024-01-16", 7)};
  auto merged = MergeEvents(recs);
  std::string j;
  AppendMergedEventJson(merged[0], &j);
  for (const char* key : {"\"id\":\"v", "\"date\":\"2024-01-16\"", "\"cameo\":\"163\"", "\"root\":\"16\"",
                          "\"quad_class\":4", "\"goldstein\":-8", "\"source\":{\"entity\":\"eGermany\"",
                          "\"target\":{\"entity\":\"eIran\"", "\"location\":null", "\"negated\":false",
                          "\"mentions\":[{\"article\":\"a1\",\"sentence\":[7,17]}]", "\"num_articles\":1",
                          "\"num_outlets\":1"}) {
    EXPECT_NE(j.find(key), std::string::npos) << key << " in " << j;
  }
}

TEST(AppendEventRecords, ReadsEventsAndEntityIdsFromAnArticleLine) {
  std::string line =
      R"({"id":"a1","outlet":"Wire","mentions":[{"start":0,"end":5,"text":"Japan","type":"LOC","entity":"eJ","local":0},)"
      R"({"start":40,"end":51,"text":"North Korea","type":"LOC","entity":null,"local":1,"country":"PRK"}],)"
      R"("events":[{"sentence":[0,52],"trigger":{"start":20,"end":26,"text":"impose"},"cameo":"1312",)"
      R"("source":{"mention":0,"text":"Japan","actor_code":"JPN"},"target":{"mention":1,"text":"North Korea","actor_code":"PRK"},)"
      R"("location":{"mention":1,"text":"North Korea"},"date":null,"date_from":null,"negated":true,"attributed":false}]})";
  std::vector<EventRecord> out;
  AppendEventRecords(line, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].article, "a1");
  EXPECT_EQ(out[0].outlet, "Wire");
  EXPECT_EQ(out[0].cameo, "1312");
  EXPECT_EQ(out[0].source.entity, "eJ");
  EXPECT_EQ(out[0].target->entity, "");
  EXPECT_EQ(out[0].location->country, "PRK");
  EXPECT_EQ(out[0].sentence_end, 52u);
  EXPECT_TRUE(out[0].negated);
  EXPECT_FALSE(out[0].date.has_value());
  out.clear();
  AppendEventRecords(R"({"id":"a2","events":[]})", &out);
  AppendEventRecords("not json", &out);
  EXPECT_TRUE(out.empty());
}


TEST(MergeEvents, ADateTheArticleContradictsGivesWayAndNeitherSplitsNorDoubles) {
  // a1 dates the signing to a weekday that does not match its day of the
  // month, and names it twice from one sentence; a2 dates it plainly.
  std::vector<EventRecord> recs = {
      Rec("a1", "Outlet A", "057", "Kessar", "Dravenia", "2024-03-15"),
      Rec("a1", "Outlet A", "057", "Kessar", "Dravenia", "2024-03-15"),
      Rec("a2", "Outlet B", "057", "Kessar", "Dravenia", "2024-03-12"),
  };
  recs[0].date_doubtful = recs[1].date_doubtful = true;
  auto merged = MergeEvents(recs);
  ASSERT_EQ(merged.size(), 1u);  // three days apart, but the first date is in doubt
  EXPECT_EQ(merged[0].mentions.size(), 2u);
  EXPECT_EQ(merged[0].date, "2024-03-12");
  EXPECT_EQ(merged[0].date_from, "text");
}

TEST(MergeEvents, ADayInTheCoarserPeriodOfAnotherReportDatesTheEvent) {
  // "met last week" (2024-W11) first, then "met on Tuesday" (2024-03-12,
  // in that week): the merged event is dated to the day.
  std::vector<EventRecord> recs = {
      Rec("a1", "Outlet A", "040", "Kessar", "Dravenia", "2024-W11"),
      Rec("a2", "Outlet B", "040", "Kessar", "Dravenia", "2024-03-12"),
  };
  auto merged = MergeEvents(recs);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].date, "2024-03-12");
  // A month holds the day too; two different days in it leave the month.
  recs = {Rec("a1", "Outlet A", "040", "Kessar", "Dravenia", "2024-03"),
          Rec("a2", "Outlet B", "040", "Kessar", "Dravenia", "2024-03-12")};
  merged = MergeEvents(recs);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].date, "2024-03-12");
  recs.push_back(Rec("a3", "Outlet C", "040", "Kessar", "Dravenia", "2024-03-13"));
  merged = MergeEvents(recs);
  for (const auto& m : merged) {
    if (m.mentions.size() == 3u) {
      EXPECT_EQ(m.date, "2024-03");
    }
  }
  // A day outside the week does not date it.
  recs = {Rec("a1", "Outlet A", "040", "Kessar", "Dravenia", "2024-W11"),
          Rec("a2", "Outlet B", "040", "Kessar", "Dravenia", "2024-03-18")};
  merged = MergeEvents(recs);
  for (const auto& m : merged) EXPECT_NE(m.date, "2024-03-18") << m.mentions.size();
}

TEST(AppendEventRecords, ADateInAFlaggedSpanIsDoubtful) {
  std::string line =
      R"({"id":"a1","outlet":"Wire","mentions":[{"start":0,"end":6,"text":"Kessar","type":"LOC","entity":"eK","local":0}],)"
      R"("inconsistencies":[{"start":20,"end":38,"text":"Friday, 12 March","kind":"weekday_mismatch"}],)"
      R"("events":[{"sentence":[0,40],"trigger":{"start":7,"end":12,"text":"met"},"cameo":"040",)"
      R"("source":{"mention":0,"text":"Kessar","actor_code":""},"target":null,"location":null,)"
      R"("date":"2024-03-12","date_from":"text","negated":false,"attributed":false},)"
      R"({"sentence":[41,80],"trigger":{"start":48,"end":52,"text":"met"},"cameo":"040",)"
      R"("source":{"mention":0,"text":"Kessar","actor_code":""},"target":null,"location":null,)"
      R"("date":"2024-03-14","date_from":"text","negated":false,"attributed":false}]})";
  std::vector<EventRecord> out;
  AppendEventRecords(line, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(out[0].date_doubtful);
  EXPECT_FALSE(out[1].date_doubtful);
}

}  // namespace
}  // namespace sitrep::events
