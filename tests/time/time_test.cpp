// Expected values worked out by hand with a calendar: 2022-01-12 was a
// Wednesday, so the Monday before it was 2022-01-10, the Thursday after it
// 2022-01-13, and it lies in ISO week 2022-W02.
#include <gtest/gtest.h>

#include "time/time.h"

namespace sitrep {
namespace {

struct Found {
  std::string text, type;
  std::optional<std::string> value;
};

std::vector<Found> Tag(std::string_view text, std::optional<std::string_view> dct = "2022-01-12") {
  std::vector<Found> out;
  for (const TimeExpr& t : FindTimes(text, dct).times)
    out.push_back({std::string(text.substr(t.begin, t.end - t.begin)), t.type, t.value});
  return out;
}

// The single expression found in `text`, or a failure.
Found One(std::string_view text, std::optional<std::string_view> dct = "2022-01-12") {
  auto all = Tag(text, dct);
  EXPECT_EQ(all.size(), 1u) << text;
  return all.empty() ? Found{} : all[0];
}

TEST(Calendar, WeekdaysAndIsoWeeks) {
  EXPECT_EQ(IsoWeekday({2022, 1, 12}), 3u);
  EXPECT_EQ(IsoWeekday({2000, 2, 29}), 2u);
  EXPECT_EQ(IsoWeek({2022, 1, 12}), "2022-W02");
  EXPECT_EQ(IsoWeek({2022, 1, 2}), "2021-W52");
  EXPECT_EQ(IsoWeek({2021, 1, 3}), "2020-W53");
  EXPECT_EQ(IsoWeek({2019, 12, 30}), "2020-W01");
  EXPECT_EQ(AddDays({2022, 3, 1}, -1), (CivilDate{2022, 2, 28}));
  EXPECT_EQ(AddDays({2024, 3, 1}, -1), (CivilDate{2024, 2, 29}));
}

TEST(Calendar, ParseIsoDate) {
  EXPECT_EQ(ParseIsoDate("2022-01-12"), (CivilDate{2022, 1, 12}));
  EXPECT_EQ(ParseIsoDate("2022-01-12T08:30:00Z"), (CivilDate{2022, 1, 12}));
  EXPECT_EQ(ParseIsoDate("20220112"), (CivilDate{2022, 1, 12}));
  EXPECT_FALSE(ParseIsoDate("2022-02-30"));
  EXPECT_FALSE(ParseIsoDate("yesterday"));
  EXPECT_FALSE(ParseIsoDate(""));
}

TEST(Time, WeekdayFollowsTense) {
  auto past = One("The ministers met on Monday in Geneva.");
  EXPECT_EQ(past.text, "Monday");
  EXPECT_EQ(past.value, "2022-01-10");
  EXPECT_EQ(One("Officials said on Monday that talks had failed.").value, "2022-01-10");
  EXPECT_EQ(One("The ministers will meet on Thursday.").value, "2022-01-13");
  EXPECT_EQ(One("The council is to vote on Friday.").value, "2022-01-14");
  EXPECT_EQ(One("A vote is planned for Friday.").value, "2022-01-14");
  // The DCT's own weekday is today in either direction.
  EXPECT_EQ(One("Protesters gathered on Wednesday.").value, "2022-01-12");
  EXPECT_EQ(One("It happened last Wednesday.").value, "2022-01-05");
  EXPECT_EQ(One("They meet next Wednesday.").value, "2022-01-19");
}

TEST(Time, WeekdayFromSyntaxTags) {
  // Cue words alone read "delayed" as past; the parse says "finish" (present,
  // headline future) governs "Friday".
  std::string text = "Talks, delayed, finish Friday.";
  EXPECT_EQ(FindTimes(text, "2022-01-12").times.at(0).value, "2022-01-07");
  std::vector<Token> toks = {{0, 5, false, "talk", "NOUN", "NNS", 5, "nsubj"},
                             {5, 6, true, ",", "PUNCT", ",", 2, "punct"},
                             {7, 14, false, "delay", "VERB", "VBN", 0, "acl"},
                             {14, 15, true, ",", "PUNCT", ",", 2, "punct"},
                             {16, 22, true, "finish", "VERB", "VBP", -1, "root"},
                             {23, 29, false, "Friday", "PROPN", "NNP", 4, "obl:tmod"},
                             {29, 30, true, ".", "PUNCT", ".", 4, "punct"}};
  // Heads index the sentence: "talks" -> "finish" (4), "Friday" -> "finish".
  toks[0].head = 4;
  std::vector<Sentence> sents = {{0, 30, 0, 7}};
  auto tags = DefaultTimeTagger().Tag(text, CivilDate{2022, 1, 12}, toks, sents);
  ASSERT_EQ(tags.times.size(), 1u);
  EXPECT_EQ(tags.times[0].value, "2022-01-14");
}

TEST(Time, AModalOnAVerbTaggedAsANounMakesTheWeekdayNext) {
  // The tagger read "scale" as a noun and hung "Friday" on "search"; the
  // walk up the tree would reach the past "said". A noun takes no modal:
  // "would" on it is the tense of the clause the weekday is in.
  std::string text = "Police said it would scale back the search on Friday.";
  std::vector<Token> toks = {{0, 6, true, "police", "NOUN", "NNS", 1, "nsubj"},
                             {7, 11, true, "say", "VERB", "VBD", -1, "root"},
                             {12, 14, true, "it", "PRON", "PRP", 4, "nsubj"},
                             {15, 20, true, "would", "AUX", "MD", 4, "aux"},
                             {21, 26, true, "scale", "NOUN", "NN", 1, "ccomp"},
                             {27, 31, true, "back", "ADV", "RB", 4, "advmod"},
                             {32, 35, true, "the", "DET", "DT", 7, "det"},
                             {36, 42, true, "search", "NOUN", "NN", 4, "obj"},
                             {43, 45, true, "on", "ADP", "IN", 9, "case"},
                             {46, 52, false, "Friday", "PROPN", "NNP", 7, "nmod"},
                             {52, 53, false, ".", "PUNCT", ".", 1, "punct"}};
  std::vector<Sentence> sents = {{0, 53, 0, 11}};
  auto tags = DefaultTimeTagger().Tag(text, CivilDate{2022, 1, 12}, toks, sents);
  ASSERT_EQ(tags.times.size(), 1u);
  EXPECT_EQ(tags.times[0].value, "2022-01-14");
}

TEST(Time, AbsoluteDates) {
  EXPECT_EQ(One("It was signed on 12 January 2022.").value, "2022-01-12");
  EXPECT_EQ(One("It was signed on January 12, 2022.").value, "2022-01-12");
  EXPECT_EQ(One("It was signed on 2021-11-30.").value, "2021-11-30");
  EXPECT_EQ(One("The rebels have held the town since May 1997.").value, "1997-05");
  EXPECT_EQ(One("The rebels have held the town since May 1997.").text, "May 1997");
  EXPECT_EQ(One("Elections were held in 1994.").value, "1994");
  EXPECT_EQ(One("Borders changed in the 1990s.").value, "199X");
  EXPECT_EQ(One("Borders changed in the nineties.").value, "199X");
  EXPECT_EQ(One("The treaty dates from the 20th century.").value, "19XX");
}

TEST(Time, ADayOfTheMonthAloneFollowsTense) {
  // Published 2022-01-12: "on the 9th" in a past clause is 9 January, "on
  // the 20th" there is 20 December; in a future clause the 20th is 20
  // January and the 9th 9 February.
  auto past = One("On the 9th, the prisoner was transferred to a hospital.");
  EXPECT_EQ(past.text, "the 9th");
  EXPECT_EQ(past.value, "2022-01-09");
  EXPECT_EQ(One("On the 20th, the prisoner was transferred to a hospital.").value, "2021-12-20");
  EXPECT_EQ(One("The court will rule on the 20th.").value, "2022-01-20");
  EXPECT_EQ(One("The court will rule on the 9th.").value, "2022-02-09");
  // An ordinal before a noun is no date.
  EXPECT_TRUE(Tag("The fire started on the 14th floor.").empty());
  EXPECT_TRUE(Tag("He won on the 3rd attempt.").empty());
}

TEST(Time, YearlessDateTakesNearestYear) {
  // Published 2022-01-12: 28 December is 15 days back, 3 March 50 days ahead.
  EXPECT_EQ(One("The fire broke out on Dec. 28.").value, "2021-12-28");
  EXPECT_EQ(One("The summit opens on March 3.").value, "2022-03-03");
  EXPECT_EQ(One("Prices rose in October.").value, "2021-10");
  EXPECT_EQ(One("Talks resume in February.").value, "2022-02");
  EXPECT_EQ(One("Crowds gathered at the end of December.").value, "2021-12");
}

TEST(Time, FarAheadYearlessDateInPastClauseIsLastYear) {
  // Published 2022-01-12. 30 June 2022 is 169 days ahead and 30 June 2021
  // 196 days back, so the nearest year is 2022; May 2022 is four months
  // ahead. Both are a quarter or more ahead, so a past-tense clause moves
  // them back to 2021.
  EXPECT_EQ(One("Revenue was lower in the period that ended June 30.").value, "2021-06-30");
  EXPECT_EQ(One("In May, the company bought a rival.").value, "2021-05");
  EXPECT_EQ(One("In May, the firm brought in a new chief.").value, "2021-05");  // irregular past form
  // Future clauses keep the nearest year.
  EXPECT_EQ(One("The plant will open in June.").value, "2022-06");
  EXPECT_EQ(One("The dividend will be paid on June 30.").value, "2022-06-30");  // future passive
  // An "-ed" adjective after an article is no past-tense verb.
  EXPECT_EQ(One("Shares go on sale at a still undisclosed date in June.").value, "2022-06");
  // March 2022 is only two months ahead: the nearest year stands.
  EXPECT_EQ(One("The plant closed in March.").value, "2022-03");
}

TEST(Time, SetToIsFuture) {
  // 2022-01-12 is a Wednesday: the next Monday is 2022-01-17, the last 2022-01-10.
  EXPECT_EQ(One("Talks are set to resume Monday.").value, "2022-01-17");
  EXPECT_EQ(One("The team set a record Monday.").value, "2022-01-10");
}

TEST(Time, AnIntentionBeforeAnInfinitiveLooksAhead) {
  // Published Wednesday 2022-01-12: what was hoped or planned "to" happen
  // on a weekday lies ahead, whatever the tense of the hoping.
  EXPECT_EQ(One("The board hoped to publish its report on Saturday.").value, "2022-01-15");
  EXPECT_EQ(One("The Kessar council plan to vote on Friday.").value, "2022-01-14");
  EXPECT_EQ(One("Lenhall aimed to finish the count by Friday.").value, "2022-01-14");
  // Without the infinitive it is a past act.
  EXPECT_EQ(One("The board published its report on Saturday.").value, "2022-01-08");
}

TEST(Time, VaguePhrases) {
  auto now = One("Prices are high these days.");
  EXPECT_EQ(now.text, "these days");
  EXPECT_EQ(now.type, "DATE");
  EXPECT_EQ(now.value, "PRESENT_REF");
  auto later = One("The plan was put off to a later date.");
  EXPECT_EQ(later.text, "a later date");
  EXPECT_EQ(later.value, "FUTURE_REF");
  auto someday = One("Robots will one day run farms.");
  EXPECT_EQ(someday.type, "DATE");
  EXPECT_EQ(someday.value, "FUTURE_REF");
  // Without a modal before it, "one day" is a duration.
  auto day = One("He stayed for one day.");
  EXPECT_EQ(day.type, "DURATION");
  EXPECT_EQ(day.value, "P1D");
  auto awhile = One("They waited for a while.");
  EXPECT_EQ(awhile.text, "a while");
  EXPECT_EQ(awhile.type, "DURATION");
  EXPECT_EQ(awhile.value, "PXX");
}

TEST(Time, YearQuarterTakesTheQuarterLastNamed) {
  // Published 2022-01-12 (first quarter): "the third quarter" has not come
  // yet this year, so it is 2021-Q3, and "the 2020 quarter" is its 2020 twin.
  auto both = Tag("Profit rose in the third quarter, compared with the 2020 quarter.");
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].value, "2021-Q3");
  EXPECT_EQ(both[1].text, "the 2020 quarter");
  EXPECT_EQ(both[1].value, "2020-Q3");
  EXPECT_EQ(One("Sales fell from the 2020 quarter.").value, "2020-QX");
}

TEST(Time, RelativeExpressions) {
  EXPECT_EQ(One("Shelling resumed yesterday.").value, "2022-01-11");
  EXPECT_EQ(One("He spoke to reporters today.").value, "2022-01-12");
  EXPECT_EQ(One("Fighting eased last week.").value, "2022-W01");
  EXPECT_EQ(One("Fighting may ease next week.").value, "2022-W03");
  EXPECT_EQ(One("Prices rose last month.").value, "2021-12");
  EXPECT_EQ(One("Prices may fall next month.").value, "2022-02");
  EXPECT_EQ(One("Two convoys arrived two days ago.").value, "2022-01-10");
  EXPECT_EQ(One("The law passed earlier this year.").value, "2022");
  EXPECT_EQ(One("The law passed last year.").value, "2021");
  EXPECT_EQ(One("Reserves are low now.").value, "PRESENT_REF");
}

TEST(Time, SeasonsAndQuarters) {
  EXPECT_EQ(One("The offensive is expected this summer.").value, "2022-SU");
  EXPECT_EQ(One("The offensive stalled last summer.").value, "2021-SU");
  EXPECT_EQ(One("The dam was built in summer 1997.").value, "1997-SU");
  // Winter YYYY-WI starts in December of YYYY; in January the current one began last year.
  EXPECT_EQ(One("Snow fell this winter.").value, "2021-WI");
  EXPECT_EQ(One("Snow fell last winter.").value, "2020-WI");
  EXPECT_EQ(One("Snow may fall next winter.").value, "2022-WI");
  EXPECT_EQ(One("Harvests failed last summer.", "2022-09-15").value, "2022-SU");
  EXPECT_EQ(One("Output fell in the third quarter.").value, "2021-Q3");
  EXPECT_EQ(One("Output fell in the third quarter of 2019.").value, "2019-Q3");
}

TEST(Time, Durations) {
  auto d = One("The siege lasted three days.");
  EXPECT_EQ(d.type, "DURATION");
  EXPECT_EQ(d.value, "P3D");
  EXPECT_EQ(One("Prices doubled over the past three months.").value, "P3M");
  EXPECT_EQ(One("He was released seven years after the war.").value, "P7Y");
  EXPECT_EQ(One("He served a five-year term.").value, "P5Y");
  EXPECT_EQ(One("Talks could take several weeks.").value, "PXW");
  auto s = One("The agency inspects the site every month.");
  EXPECT_EQ(s.type, "SET");
}

TEST(Time, TimesOfDay) {
  auto t = One("The blast happened at 10 p.m. Tuesday.");
  EXPECT_EQ(t.type, "TIME");
  EXPECT_EQ(t.value, "2022-01-11T22:00");
  EXPECT_EQ(One("Talks continued this morning.").value, "2022-01-12TMO");
}

// "a midnight deadline on Friday": the day after the noun the time
// qualifies dates the time; the day is an expression of its own. The
// article of 2022-01-12 (a Wednesday) speaks of the coming Friday.
TEST(Time, ATimeQualifyingANounTakesTheDayAfterIt) {
  auto t = Tag("The rebels will face a midnight deadline on Friday to leave the city.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "midnight");
  EXPECT_EQ(t[0].value, "2022-01-14T24:00");
  EXPECT_EQ(t[1].text, "Friday");
  EXPECT_EQ(t[1].value, "2022-01-14");
  // Two words between are no longer one phrase: the time is the article's day.
  auto u = Tag("The rebels will face a midnight deadline set on Friday.");
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[0].value, "2022-01-12T24:00");
}

TEST(Time, MoreShapes) {
  // 2021-01-05 is in ISO week 2021-W01, so the week before is 2020-W53.
  EXPECT_EQ(One("Fighting eased last week.", "2021-01-05").value, "2020-W53");
  EXPECT_EQ(One("Shots were heard last night.").value, "2022-01-11TNI");
  EXPECT_EQ(One("Shops closed on Christmas Day.").value, "2021-12-25");
  EXPECT_EQ(One("The town was rebuilt in the mid-1980s.").value, "198X");
  EXPECT_EQ(One("The town was rebuilt in the '80s.").value, "198X");
  EXPECT_EQ(One("The town was rebuilt in the 1980s.", std::nullopt).value, "198X");
  EXPECT_FALSE(One("The town was rebuilt in the eighties.", std::nullopt).value.has_value());
  EXPECT_EQ(One("Aid arrives in two weeks from now.").value, "2022-01-26");
  EXPECT_EQ(One("Elections are due in the spring of 2023.").value, "2023-SP");
  EXPECT_EQ(One("The strike ended in mid-October.").value, "2021-10");
  EXPECT_EQ(One("Debt will peak by year\u2019s end.").value, "2022");
  EXPECT_EQ(One("Debt will peak by year's end.").value, "2022");
  EXPECT_EQ(One("It was a hit in the \u201990s.").value, "199X");
  // A year-less date next to an explicit one resolves on its own.
  EXPECT_EQ(One("Troops left on 13 January.").value, "2022-01-13");
}

TEST(Time, UnresolvableIsNull) {
  auto f = One("The following month, the talks collapsed.");
  EXPECT_FALSE(f.value.has_value());
}

TEST(Time, NoDateLeavesRelativeNullButResolvesAbsolute) {
  auto all = Tag("Yesterday rebels took the town, held since 12 January 2022 and lost in May 1997 and last week.",
                 std::nullopt);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].text, "Yesterday");
  EXPECT_FALSE(all[0].value.has_value());
  EXPECT_EQ(all[1].value, "2022-01-12");
  EXPECT_EQ(all[2].value, "1997-05");
  EXPECT_EQ(all[3].text, "last week");
  EXPECT_FALSE(all[3].value.has_value());
  EXPECT_FALSE(One("They met on Monday.", std::nullopt).value.has_value());
  EXPECT_FALSE(One("They met on Dec. 28.", std::nullopt).value.has_value());
}

// A translated "ce vendredi 21 novembre" comes out as "this Friday 21 November": one day, whose
// weekday is checked as it is without "this".
TEST(Time, WeekdayAfterThisWithADateIsOneExpressionAndChecked) {
  std::string text = "Lorvani and Morvia signed this Friday 21 November in Tessary an accord.";
  auto tags = FindTimes(text, "2026-11-21");
  ASSERT_EQ(tags.times.size(), 1u);
  EXPECT_EQ(tags.times[0].value, "2026-11-21");
  EXPECT_EQ(text.substr(tags.times[0].begin, tags.times[0].end - tags.times[0].begin), "this Friday 21 November");
  ASSERT_EQ(tags.inconsistencies.size(), 1u);
  EXPECT_EQ(tags.inconsistencies[0].detail, "21 November 2026 is a Saturday, not a Friday");
  // The weekday that agrees with its date is no inconsistency.
  auto ok = FindTimes("The talks end next Friday, 27 November, in Harlen.", "2026-11-21");
  ASSERT_EQ(ok.times.size(), 1u);
  EXPECT_EQ(ok.times[0].value, "2026-11-27");
  EXPECT_TRUE(ok.inconsistencies.empty());
  // Without a date, "this Friday" is still the relative weekday.
  std::string later = "Varnell will sign this Friday.";
  auto rel = FindTimes(later, "2026-11-18");
  ASSERT_EQ(rel.times.size(), 1u);
  EXPECT_EQ(later.substr(rel.times[0].begin, rel.times[0].end - rel.times[0].begin), "this Friday");
  EXPECT_EQ(rel.times[0].value, "2026-11-20");
}

// The second of two weekdays joined by "and" has no verb of its own: it is on the same side of the
// publication date as the first.
TEST(Time, AWeekdayJoinedByAndToAFutureDayIsInTheFuture) {
  auto tags = FindTimes("Varnell is expected to travel to Lorvani on Thursday and to Tessary on Friday.", "2026-11-18");
  ASSERT_EQ(tags.times.size(), 2u);
  EXPECT_EQ(tags.times[0].value, "2026-11-19");
  EXPECT_EQ(tags.times[1].value, "2026-11-20");
  auto past = FindTimes("Varnell travelled to Lorvani on Monday and to Tessary on Tuesday.", "2026-11-18");
  ASSERT_EQ(past.times.size(), 2u);
  EXPECT_EQ(past.times[0].value, "2026-11-16");
  EXPECT_EQ(past.times[1].value, "2026-11-17");
}

TEST(Time, WeekdayMismatchIsReported) {
  std::string text = "The talks began on Monday (12 January) in Vienna.";
  auto tags = FindTimes(text, "2022-01-14");
  ASSERT_EQ(tags.times.size(), 1u);
  EXPECT_EQ(tags.times[0].value, "2022-01-12");  // the explicit date wins
  ASSERT_EQ(tags.inconsistencies.size(), 1u);
  EXPECT_EQ(tags.inconsistencies[0].kind, "weekday_mismatch");
  EXPECT_EQ(tags.inconsistencies[0].detail, "12 January 2022 is a Wednesday, not a Monday");
  EXPECT_EQ(text.substr(tags.inconsistencies[0].begin,
                        tags.inconsistencies[0].end - tags.inconsistencies[0].begin),
            "Monday (12 January)");

  auto t2 = FindTimes("Voting ends on Thursday, January 11.", "2022-01-10");
  ASSERT_EQ(t2.inconsistencies.size(), 1u);
  EXPECT_EQ(t2.inconsistencies[0].detail, "11 January 2022 is a Tuesday, not a Thursday");
  // A clock time in front of the day does not hide the contradiction.
  auto tc = FindTimes("The truce starts at noon on Friday (13 January).", "2022-01-10");
  ASSERT_EQ(tc.times.size(), 1u);
  EXPECT_EQ(tc.times[0].value, "2022-01-13T12:00");
  ASSERT_EQ(tc.inconsistencies.size(), 1u);
  EXPECT_EQ(tc.inconsistencies[0].detail, "13 January 2022 is a Thursday, not a Friday");
  auto t3 = FindTimes("Voting ends Thu 12 Jan.", "2022-01-10");
  ASSERT_EQ(t3.inconsistencies.size(), 1u);
  EXPECT_EQ(t3.times[0].value, "2022-01-12");

  // A matching weekday is no inconsistency.
  EXPECT_TRUE(FindTimes("Voting ends on Tuesday, January 11.", "2022-01-10").inconsistencies.empty());
  EXPECT_TRUE(FindTimes("Voting ends Wed 12 Jan.", "2022-01-10").inconsistencies.empty());
}

TEST(Time, NotTimeExpressions) {
  EXPECT_TRUE(Tag("Troops may march on the capital.").empty());
  EXPECT_TRUE(Tag("The fund holds $1990 and 1,500 shares, up 2020%.").empty());
  EXPECT_TRUE(Tag("").empty());
}

// ---- Rules added for issue 6 (values worked out by hand; DCT 2022-01-12,
// a Wednesday in 2022-Q1 and ISO week 2022-W02, unless another is given).

// The text found with `text` (first match), or an empty Found.
Found Find(const std::vector<Found>& all, std::string_view text) {
  for (const Found& f : all)
    if (f.text == text) return f;
  ADD_FAILURE() << "no expression '" << text << "'";
  return {};
}

TEST(TimeIssue6, LatestQuarterIsTheOneLastNamed) {
  // 2021-Q3 is named, so "the latest quarter" is 2021-Q3, not the last
  // completed quarter 2021-Q4.
  auto all = Tag("The company reported a loss in the third quarter. In the latest quarter, sales fell.");
  EXPECT_EQ(Find(all, "the third quarter").value, "2021-Q3");
  EXPECT_EQ(Find(all, "the latest quarter").value, "2021-Q3");
}

TEST(TimeIssue6, ForecastQuarterIsNoReference) {
  // Published 2022-11-15, in 2022-Q4. The fourth quarter is not over and
  // named in a future clause, so "the latest quarter" and "a year ago" still
  // count from the third quarter reported before it.
  auto all = Tag("Profit rose in the third quarter. The storm will result in a fourth-quarter charge. "
                 "The latest quarter included a gain, against a loss a year ago.",
                 "2022-11-15");
  EXPECT_EQ(Find(all, "the third quarter").value, "2022-Q3");
  EXPECT_EQ(Find(all, "fourth-quarter").value, "2022-Q4");
  EXPECT_EQ(Find(all, "The latest quarter").value, "2022-Q3");
  EXPECT_EQ(Find(all, "a year ago").value, "2021-Q3");
  // Reported in the past tense, the running quarter is the reference.
  auto past = Tag("The firm reported a drop in fourth-quarter profit. Sales in the latest quarter fell.", "2022-11-15");
  EXPECT_EQ(Find(past, "the latest quarter").value, "2022-Q4");
}

TEST(TimeIssue6, YearAgoFollowsTheLastPeriodNamed) {
  // Published 2022-11-15. After the third quarter, "a year earlier" is
  // 2021-Q3; once the nine months to date are named, it is the year 2021.
  auto all = Tag("Profit rose in the third quarter from $2 million a year earlier. "
                 "For the nine months, profit was $9 million, up from $7 million a year earlier. "
                 "In the fourth quarter, sales fell from a year ago.",
                 "2022-11-15");
  ASSERT_EQ(all.size(), 6u);
  EXPECT_EQ(all[1].value, "2021-Q3");
  EXPECT_EQ(all[2].text, "the nine months");
  EXPECT_EQ(all[3].value, "2021");
  // A quarter named again is the reference once more.
  EXPECT_EQ(all[5].value, "2021-Q4");
  // "the 2021 period" after the third quarter is that quarter of 2021, so
  // it leaves the reference where it was.
  auto period = Tag("Net rose in the third quarter, against a loss in the 2021 period. The year-ago results included "
                    "a charge.",
                    "2022-11-15");
  EXPECT_EQ(Find(period, "the 2021 period").value, "2021-Q3");
  EXPECT_EQ(Find(period, "year-ago").value, "2021-Q3");
  // Without "the", a count of months is only a length.
  auto pay = Tag("Profit rose in the third quarter. He got a bonus of six months of pay, "
                 "against none a year ago.",
                 "2022-11-15");
  EXPECT_EQ(Find(pay, "a year ago").value, "2021-Q3");
}

TEST(TimeIssue6, LastYearComparedWithAQuarterIsThatQuarter) {
  // Published 2022-11-15; the third quarter (2022-Q3) is being reported.
  auto all = Tag("Third-quarter net was $24 million, compared with a loss of $3 million last year. "
                 "Sales were $1.7 billion, up 13% from last year's $1.5 billion. "
                 "Last year, the company earned $480 million.",
                 "2022-11-15");
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[1].value, "2021-Q3");
  EXPECT_EQ(all[2].value, "2021-Q3");
  EXPECT_EQ(all[2].text, "last year");
  // Not a compared figure: the calendar year.
  EXPECT_EQ(all[3].value, "2021");
  // Without a quarter in the text, the year.
  EXPECT_EQ(One("Net was $24 million, compared with a loss of $3 million last year.", "2022-11-15").value, "2021");
  // After the nine months to date, the year.
  auto nine = Tag("Third-quarter net rose. For the nine months, net was $9 million, against $7 million last year.",
                  "2022-11-15");
  EXPECT_EQ(Find(nine, "last year").value, "2021");
}

TEST(TimeIssue6, PreviousQuarterIsNextToTheReportedOne) {
  auto all = Tag("Profit rose in the third quarter, up 5% from the previous quarter. "
                 "The company expects sales to grow in the following quarter.",
                 "2022-11-15");
  EXPECT_EQ(Find(all, "the previous quarter").value, "2022-Q2");
  EXPECT_EQ(Find(all, "the following quarter").value, "2022-Q4");
  // Across a year boundary.
  EXPECT_EQ(Find(Tag("Net fell in the first quarter from the preceding quarter.", "2022-05-02"),
                 "the preceding quarter").value,
            "2021-Q4");
  // With no quarter named there is nothing to count from.
  EXPECT_EQ(One("Sales were flat from the previous quarter.", "2022-11-15").value, std::nullopt);
}

TEST(TimeIssue6, YearEndIsOneExpression) {
  EXPECT_EQ(One("Sales will rise by year-end.").value, "2022");
  auto the = One("The company will pay the year-end bonus.");
  EXPECT_EQ(the.text, "the year-end");
  EXPECT_EQ(the.value, "2022");
  EXPECT_EQ(One("Debt will fall by the year's end.").text, "the year's end");
}

TEST(TimeIssue6, LastWeekOnASunday) {
  // 2022-01-16 was a Sunday, the last day of 2022-W02: "last week" there is
  // the Monday to Saturday just ended. On the Wednesday before, it is W01.
  EXPECT_EQ(One("The envoy met the rebels last week.", "2022-01-16").value, "2022-W02");
  EXPECT_EQ(One("The envoy met the rebels last week.", "2022-01-12").value, "2022-W01");
  EXPECT_EQ(One("The envoy meets the rebels next week.", "2022-01-16").value, "2022-W03");
}

TEST(TimeIssue6, YearEndedIsADuration) {
  auto all = Tag("Sales rose 5% in the fiscal year ended June 30.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].text, "the fiscal year");
  EXPECT_EQ(all[0].type, "DURATION");
  EXPECT_EQ(all[0].value, "P1Y");
  // The week or month ended on a date is that date's week or month:
  // 2022-01-07 is a Friday in ISO week 2022-W01 (3 to 9 January).
  auto week = Tag("Sales rose in the week ended Jan. 7.");
  ASSERT_EQ(week.size(), 2u);
  EXPECT_EQ(week[0].text, "the week");
  EXPECT_EQ(week[0].value, "2022-W01");
  EXPECT_EQ(week[1].value, "2022-01-07");
  EXPECT_EQ(Find(Tag("Sales fell in the month ended Dec. 31, 2021."), "the month").value, "2021-12");
  // "For the year" alone is the DCT's year; "throughout the year" a span.
  auto y = One("For the year, volume was flat.");
  EXPECT_EQ(y.type, "DATE");
  EXPECT_EQ(y.value, "2022");
  EXPECT_EQ(One("Prices rose throughout the year.").value, "P1Y");
  auto p = One("Profit fell in the 1988 period.");
  EXPECT_EQ(p.text, "the 1988 period");
  EXPECT_EQ(p.value, "1988");
}

TEST(TimeIssue6, RangeOfDurationsIsTwoExpressions) {
  auto all = Tag("Recovery takes two to six days.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].text, "two");
  EXPECT_EQ(all[0].type, "DURATION");
  EXPECT_EQ(all[0].value, "P2D");
  EXPECT_EQ(all[1].text, "six days");
  EXPECT_EQ(all[1].value, "P6D");
}

TEST(TimeIssue6, InNUnitsInAFutureClauseIsADate) {
  auto f = One("The bonds will be redeemed in five years.");
  EXPECT_EQ(f.text, "five years");
  EXPECT_EQ(f.type, "DATE");
  EXPECT_EQ(f.value, "2027");
  EXPECT_EQ(One("The plant will reopen in two weeks.").value, "2022-01-26");
  // After a modal, and with a vague count: the future, unspecified.
  auto v = One("You may, in a year or two, save more lives.");
  EXPECT_EQ(v.text, "a year or two");
  EXPECT_EQ(v.type, "DATE");
  EXPECT_EQ(v.value, "FUTURE_REF");
  EXPECT_EQ(One("The line could open in three months.").value, "2022-04");
  // In a past clause it stays a span.
  auto d = One("Prices rose 5% in two years.");
  EXPECT_EQ(d.type, "DURATION");
  EXPECT_EQ(d.value, "P2Y");
}

TEST(TimeIssue6, SamePeriodAYearBack) {
  auto all = Tag("Profit rose in the third quarter from the corresponding period last year.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].text, "the corresponding period last year");
  EXPECT_EQ(all[1].value, "2020-Q3");
  auto q = Tag("Profit rose in the third quarter; in the quarter a year ago it fell.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].text, "the quarter a year ago");
  EXPECT_EQ(q[1].value, "2020-Q3");
  // No quarter named: the last completed one (2021-Q4), a year back.
  auto l = One("Sales for last year's quarter were flat.");
  EXPECT_EQ(l.text, "last year's quarter");
  EXPECT_EQ(l.value, "2020-Q4");
  auto ya = One("Profit fell from the year-ago quarter.");
  EXPECT_EQ(ya.text, "the year-ago quarter");
  EXPECT_EQ(ya.value, "2020-Q4");
}

TEST(TimeIssue6, CurrentAndThenCurrent) {
  auto t = One("Holders may buy shares at the then current price.");
  EXPECT_EQ(t.text, "then current");
  EXPECT_EQ(t.value, "PAST_REF");
  auto c = One("Sales will rise in the current fiscal year.");
  EXPECT_EQ(c.text, "the current fiscal year");
  EXPECT_EQ(c.value, "2022");
}

TEST(TimeIssue6, VaguePastAndFutureSpans) {
  auto r = One("Prices soared in recent years.");
  EXPECT_EQ(r.type, "DATE");
  EXPECT_EQ(r.value, "PAST_REF");
  EXPECT_EQ(One("It bodes ill for coming quarters.").value, "FUTURE_REF");
  auto w = One("Sales slowed in recent weeks.");
  EXPECT_EQ(w.type, "DURATION");
  EXPECT_EQ(w.value, "PXW");
  auto y = One("Costs rose over the years.");
  EXPECT_EQ(y.text, "the years");
  EXPECT_EQ(y.type, "DURATION");
  EXPECT_EQ(y.value, "PXY");
  auto dec = One("Output doubled over the past decade.");
  EXPECT_EQ(dec.type, "DURATION");
  EXPECT_EQ(dec.value, "P1DE");
}

TEST(TimeIssue6, ThenAndTheYearBeforeTakeTheLastDateNamed) {
  auto all = Tag("The rights expire on Nov. 30, 2022. Until then, holders may convert.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].text, "then");
  EXPECT_EQ(all[1].value, "2022-11-30");
  auto before = Tag("Sales rose in 2019. The year before, they fell.");
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(before[1].text, "The year before");
  EXPECT_EQ(before[1].value, "2018");
  auto prior = Tag("Sales rose in 2019. The prior year, they fell.");
  ASSERT_EQ(prior.size(), 2u);
  EXPECT_EQ(prior[1].value, "2018");
}

TEST(TimeIssue6, TheNextDayFollowsTheNarrative) {
  auto all = Tag("The storm hit on March 3, 2021. The next day, the dam broke.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].text, "The next day");
  EXPECT_EQ(all[1].value, "2021-03-04");
  auto same = Tag("Troops entered the city on May 4, 2021. The same day, talks began.");
  ASSERT_EQ(same.size(), 2u);
  EXPECT_EQ(same[1].text, "The same day");
  EXPECT_EQ(same[1].value, "2021-05-04");
  EXPECT_EQ(Find(Tag("He left in 2019. That same year, the firm failed."), "That same year").value, "2019");
  // With no date named before it, the day after the DCT.
  EXPECT_EQ(One("The next day will be decisive.").value, "2022-01-13");
}

TEST(TimeIssue6, PartsOfTheDayInANarrative) {
  auto night = Tag("The attack came on Jan. 5, 2022. That night, rebels struck again.");
  ASSERT_EQ(night.size(), 2u);
  EXPECT_EQ(night[1].text, "That night");
  EXPECT_EQ(night[1].type, "TIME");
  EXPECT_EQ(night[1].value, "2022-01-05TNI");
  auto morning = Tag("The attack came on Jan. 5, 2022. Early the next morning, shelling resumed.");
  ASSERT_EQ(morning.size(), 2u);
  EXPECT_EQ(morning[1].text, "Early the next morning");
  EXPECT_EQ(morning[1].value, "2022-01-06TMO");
}

TEST(TimeIssue6, PartOfDayBeforeItsDay) {
  auto t = One("In London at mid-afternoon yesterday, shares were up.");
  EXPECT_EQ(t.text, "mid-afternoon yesterday");
  EXPECT_EQ(t.type, "TIME");
  EXPECT_EQ(t.value, "2022-01-11TAF");
}

TEST(TimeIssue6, WireClockTimesAndSpans) {
  auto t = One("The ceasefire took effect at 0600 GMT.");
  EXPECT_EQ(t.type, "TIME");
  EXPECT_EQ(t.value, "2022-01-12T06:00");
  // "last" the verb is no "last" of "last week".
  auto r = Tag("The trial is expected to last six to eight weeks.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].text, "six");
  EXPECT_EQ(r[0].value, "P6W");
  EXPECT_EQ(r[1].value, "P8W");
  auto h = One("Two blasts shook the city within the past hour.");
  EXPECT_EQ(h.type, "DURATION");
  EXPECT_EQ(h.value, "PT1H");
}

TEST(TimeIssue6, QuarterOfARelativeYear) {
  // Published 2022-11-15 (2022-Q4).
  auto all = Tag("Profit rose in the third quarter from the third quarter of last year. "
                 "The latest quarter was strong. Sales will grow in the second half of next year.",
                 "2022-11-15");
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].value, "2022-Q3");
  EXPECT_EQ(all[1].text, "the third quarter of last year");
  EXPECT_EQ(all[1].value, "2021-Q3");
  // The year-back comparison does not become the quarter being reported.
  EXPECT_EQ(all[2].value, "2022-Q3");
  EXPECT_EQ(all[3].text, "the second half of next year");
  EXPECT_EQ(all[3].value, "2023-H2");
}

TEST(TimeIssue6, EveryNUnits) {
  auto s = One("Elections are held every four years.");
  EXPECT_EQ(s.text, "every four years");
  EXPECT_EQ(s.type, "SET");
  EXPECT_EQ(s.value, "P4Y");
  EXPECT_EQ(One("The rate is adjusted every six months.").value, "P6M");
  EXPECT_EQ(One("The paper comes out every other week.").value, "P2W");
}

TEST(TimeIssue6, PresentTenseScheduleLooksAhead) {
  // 2022-01-12 is a Wednesday: the next Friday is 2022-01-14, the last 2022-01-07.
  EXPECT_EQ(One("The envoy arrives in the capital on Friday.").value, "2022-01-14");
  EXPECT_EQ(One("The offer expires Friday.").value, "2022-01-14");
  EXPECT_EQ(One("The envoy arrived in the capital on Friday.").value, "2022-01-07");
}

TEST(TimeIssue6, OrSoBelongsToTheExpression) {
  auto f = One("Plants will close over the next year or so.");
  EXPECT_EQ(f.text, "the next year or so");
  EXPECT_EQ(f.value, "2023");
}

TEST(TimeIssue6, FiscalYearQuarters) {
  EXPECT_EQ(One("Results for the first quarter of fiscal 2023 were weak.").value, "2023-Q1");
  auto p = One("Results for fiscal 2023's first quarter were weak.");
  EXPECT_EQ(p.text, "fiscal 2023's first quarter");
  EXPECT_EQ(p.value, "2023-Q1");
  // Published 2022-11-15 (Q4): a first quarter named in a future clause is
  // next year's; in a past clause it is this year's.
  EXPECT_EQ(One("The company will post a first-quarter loss.", "2022-11-15").value, "2023-Q1");
  EXPECT_EQ(One("The company posted a first-quarter loss.", "2022-11-15").value, "2022-Q1");
  // A fiscal quarter keeps the year: its calendar does not follow the DCT's.
  EXPECT_EQ(Find(Tag("It will take a charge in its fiscal second quarter ending Dec. 31.", "2022-11-15"),
                 "its fiscal second quarter").value, "2022-Q2");
}

TEST(TimeIssue6, FullStopAfterAMonthEndsTheClause) {
  // May 2022 is four months ahead, so a past-tense clause would move it to
  // 2021; "showed" is in the next sentence and must not count.
  auto all = Tag("The firm holds its meeting in May. The report showed growth.");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].value, "2022-05");
}

TEST(TimeIssue6, WordsTimeBankRarelyMarks) {
  // Measured on TimeBank dev: "previously", the adjective "recent" and
  // "annually"/"quarterly" are left out; "recently" stays.
  EXPECT_TRUE(Tag("The previously announced plan followed the recent attacks.").empty());
  EXPECT_TRUE(Tag("Profits rose by 20% annually and the reserve is adjusted quarterly.").empty());
  EXPECT_EQ(One("He recently resigned.").value, "PAST_REF");
}

TEST(TimeStage, FillsArticle) {
  TimeStage stage;
  EXPECT_EQ(stage.name(), "time");
  Article a;
  a.published = "2022-01-12";
  a.text = "Ministers met on Monday (12 January) and will meet again next week.";
  stage.Process(a, nullptr);
  ASSERT_EQ(a.times.size(), 2u);
  EXPECT_EQ(a.times[0].value, "2022-01-12");
  EXPECT_EQ(a.times[1].value, "2022-W03");
  ASSERT_EQ(a.inconsistencies.size(), 1u);

  Article none;
  none.text = "It rained on Monday.";
  stage.Process(none, nullptr);
  ASSERT_EQ(none.times.size(), 1u);
  EXPECT_FALSE(none.times[0].value.has_value());
}

TEST(Time, HalvesOfUnits) {
  // A half alone is written in the next smaller unit, n and a half as a
  // decimal fraction of the unit.
  auto h = One("The ferry crossing took half an hour.");
  EXPECT_EQ(h.text, "half an hour");
  EXPECT_EQ(h.type, "DURATION");
  EXPECT_EQ(h.value, "PT30M");
  EXPECT_EQ(One("The crew rested for a half hour.").value, "PT30M");
  EXPECT_EQ(One("Repairs need half a day.").value, "PT12H");
  auto y = One("The orchard project ran for a year and a half.");
  EXPECT_EQ(y.text, "a year and a half");
  EXPECT_EQ(y.value, "P1.5Y");
  EXPECT_EQ(One("Ms. Varga spent two and a half years in Lisbon.").value, "P2.5Y");
  EXPECT_EQ(One("The loan has a term of 3 1/2 years.").text, "3 1/2 years");
  EXPECT_EQ(One("The loan has a term of 3 1/2 years.").value, "P3.5Y");
  // After "in" in a future clause, the point that far ahead.
  EXPECT_EQ(One("The notes come due in 3 1/2 years.").value, "2025-07");
  // A hyphenated half is the adjective alone, without its article.
  EXPECT_EQ(One("They held a half-hour vigil.").text, "half-hour");
  // Counted back from the publication date (2022-01-12).
  EXPECT_EQ(One("The mill shut a year and a half ago.").value, "2020-07");
  EXPECT_EQ(One("The bridge opened half a century ago.").value, "1972");
  // "half" with no unit is no time.
  EXPECT_TRUE(Tag("She ate half a melon.").empty());
}

TEST(Time, QuarterAsFractionIsNoTime) {
  EXPECT_TRUE(Tag("A quarter of the seats went to the Greens.").empty());
  EXPECT_TRUE(Tag("Three quarters of the farmers voted no.").empty());
  EXPECT_TRUE(Tag("The central bank cut its rate by a quarter point.").empty());
  EXPECT_TRUE(Tag("Exports fell by a quarter.").empty());
  EXPECT_EQ(One("The queue moved for a quarter of an hour.").value, "PT15M");
  // Counted quarters of a year stay durations.
  EXPECT_EQ(One("Output shrank for two quarters in a row.").value, "P2Q");
}

TEST(Time, DecadeForms) {
  // The century in words, as a transcript writes it.
  EXPECT_EQ(One("Rents doubled in the nineteen eighties.").value, "198X");
  EXPECT_EQ(One("Rents doubled in the nineteen-sixties.").value, "196X");
  // An apostrophe before the plural s, after "the" or a modifier.
  auto d = One("Rents doubled in the 1970's.");
  EXPECT_EQ(d.text, "the 1970's");
  EXPECT_EQ(d.value, "197X");
  EXPECT_EQ(One("Rents doubled in the late 1970's.").value, "197X");
  // Without them it is the year's possessive.
  EXPECT_EQ(One("1970's harvest was poor.").value, "1970");
  // A decade about to begin is the coming one, not a century back.
  EXPECT_EQ(One("Rents will rise in the '90s.", "1989-11-02").value, "199X");
  EXPECT_EQ(One("Rents rose in the '90s.", "2022-01-12").value, "199X");
  EXPECT_EQ(One("Rents rose in the '30s.", "2022-01-12").value, "193X");
}

TEST(Time, BarePluralBeforeLaterIsAVagueSpan) {
  auto h = One("Hours later, the ferry docked.");
  EXPECT_EQ(h.text, "Hours");
  EXPECT_EQ(h.type, "DURATION");
  EXPECT_EQ(h.value, "PTXH");
  EXPECT_EQ(One("The mayor resigned years later.").value, "PXY");
  // "earlier than" compares; it does not count back.
  EXPECT_TRUE(Tag("Months earlier than planned, the mill closed.").empty());
}

TEST(Time, FollowingWeekday) {
  // After a named date it counts from it: 3 January 2022 was a Monday.
  auto both = Tag("The strike began on Jan. 3. The following Friday, the club reopened.");
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[1].text, "The following Friday");
  EXPECT_EQ(both[1].value, "2022-01-07");
  EXPECT_EQ(Tag("The strike began on Jan. 7. The previous Monday, talks failed.").at(1).value, "2022-01-03");
  // With no date named, like "the following month", it stays null.
  EXPECT_EQ(One("The following Friday, the club reopened.").value, std::nullopt);
  // Without "the", "following" is a preposition before the weekday
  // (published Wednesday 2022-01-12).
  auto prep = One("Following Tuesday's vote, the mayor resigned.");
  EXPECT_EQ(prep.text, "Tuesday");
  EXPECT_EQ(prep.value, "2022-01-11");
}

TEST(Time, PastWeekendsAndThisPast) {
  // Wednesday 2022-01-12: the weekend just gone is 8-9 January, ISO week 1.
  EXPECT_EQ(One("Snow fell last weekend.").value, "2022-W01-WE");
  EXPECT_EQ(One("Snow fell over the weekend.").value, "2022-W01-WE");
  // Written on Monday 2022-01-10, the weekend two days back.
  EXPECT_EQ(One("Snow fell last weekend.", "2022-01-10").value, "2022-W01-WE");
  auto p = One("Snow fell this past weekend.");
  EXPECT_EQ(p.text, "this past weekend");
  EXPECT_EQ(p.value, "2022-W01-WE");
  EXPECT_EQ(One("Fares rose this past week.").value, "2022-W01");
}

TEST(Time, NamesAndIdiomsAreNoTimes) {
  EXPECT_TRUE(Tag("She wrote for Harbour Weekly in those years.").empty());
  EXPECT_TRUE(Tag("He once hosted Saturday Night Live.").empty());
  EXPECT_TRUE(Tag("Every now and then the ferry is late.").empty());
  EXPECT_TRUE(Tag("She spoke at the Winter Meetings in Denver.").empty());
  EXPECT_TRUE(Tag("The poll ran in the Harbour daily.").empty());
  // "a Christmas party" is a kind of party: only the weekday is a date.
  EXPECT_EQ(One("A fire broke out at a Christmas party on Friday.").text, "Friday");
  // In January the winter is the one that began in December.
  EXPECT_EQ(One("She spoke in the winter.").value, "2021-WI");
  EXPECT_TRUE(Tag("The ferry is late now and again.").empty());
  // The adverb and the weekday evening are still found.
  EXPECT_EQ(One("The bulletin appears weekly.").value, "P1W");
  EXPECT_EQ(One("Hail fell on Saturday night.").value, "2022-01-08TNI");
}

TEST(Time, YearBackFromAMonthInTheSameSentence) {
  auto all = Tag("In October, ferry traffic rose 4% from a year earlier.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].value, "2020-10");
  EXPECT_EQ(Tag("In March 2019, rents fell from a year ago.").at(1).value, "2018-03");
  // A month in an earlier sentence does not carry over.
  EXPECT_EQ(Tag("Rents fell in October. Wages rose from a year ago.").at(1).value, "2021");
  // The month compared, not the base of another comparison.
  EXPECT_EQ(Tag("In October, exports rose from September and from a year earlier.").at(2).value, "2020-10");
  // A quarter named after the month is what is compared.
  EXPECT_EQ(Tag("In October, the fourth-quarter toll rose from a year earlier.").at(2).value, "2020-Q4");
}

TEST(Time, DefiniteUnitAfterADate) {
  // Published Wednesday 2022-01-12; Friday 2022-01-07 is in ISO week 1.
  auto w = Tag("The index fell on Friday. For the week, it lost 2%.");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[1].text, "the week");
  EXPECT_EQ(w[1].value, "2022-W01");
  EXPECT_EQ(Tag("November's surge made the month the busiest.").at(1).value, "2021-11");
  EXPECT_EQ(Tag("The dam burst on Dec. 20. Earlier in the month, rain fell.").at(1).value, "2021-12");
  EXPECT_EQ(Tag("Sales rose in 2019. For the year, profit doubled.").at(1).value, "2019");
  // A date that is only the base of a comparison is not what they mean.
  EXPECT_EQ(Tag("Profit rose to $5 million from $4 million in 2019. For the year, sales doubled.").at(1).value,
            "2022");
  EXPECT_EQ(Tag("Exports rose in November from October. For the month, imports fell.").at(2).value, "2021-11");
  // With no date just before, the publication date's week, month or year.
  EXPECT_EQ(One("For the week, the index lost 2%.").value, "2022-W02");
  EXPECT_EQ(One("For the year, profit doubled.").value, "2022");
  EXPECT_EQ(Tag("Sales rose in 2019. The plant was sold. Staff left. For the year, profit doubled.").at(1).value,
            "2022");
}

TEST(Time, ScheduledPresentLooksAhead) {
  // Published Wednesday 2022-01-12: next Monday 2022-01-17, last Monday 2022-01-10.
  EXPECT_EQ(One("Peace talks resume Monday in Oslo.").value, "2022-01-17");
  EXPECT_EQ(One("Voters go to the polls on Monday.").value, "2022-01-17");
  EXPECT_EQ(One("The filing deadline is Monday.").value, "2022-01-17");
  EXPECT_EQ(One("Bids must arrive by Monday.").value, "2022-01-17");
  EXPECT_EQ(One("The council hopes to vote by Monday.").value, "2022-01-17");
  // After a negation or auxiliary, or as a noun, the verb says nothing.
  EXPECT_EQ(One("The talks did not resume Monday.").value, "2022-01-10");
  EXPECT_EQ(One("Her return Monday surprised the staff.").value, "2022-01-10");
  EXPECT_EQ(One("The filing deadline was Monday.").value, "2022-01-10");
}

TEST(Time, FarBackYearlessDateInFutureClauseIsNextYear) {
  // Published 2022-01-12: July is six months from January either way.
  EXPECT_EQ(One("The referendum will take place in July.").value, "2022-07");
  EXPECT_EQ(One("The referendum took place in July.").value, "2021-07");
  // Published 2022-11-20: June and 1 July are nearest in 2022, five months
  // back; a clause that looks ahead moves them to 2023.
  EXPECT_EQ(One("The plant will reopen in June.", "2022-11-20").value, "2023-06");
  EXPECT_EQ(One("The new fares will take effect on July 1.", "2022-11-20").value, "2023-07-01");
  EXPECT_EQ(One("The plant closed in June.", "2022-11-20").value, "2022-06");
  // A month only two months back stays in the nearest year.
  EXPECT_EQ(One("The plant will reopen in September.", "2022-11-20").value, "2022-09");
}

TEST(Time, PriorYearCompound) {
  auto all = Tag("Ferry revenue rose in the third quarter from the prior-year period.", "2022-11-15");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].text, "the prior-year period");
  EXPECT_EQ(all[1].value, "2021-Q3");
  EXPECT_EQ(One("Prior-year figures were restated.", "2022-11-15").value, "2021");
}

TEST(Time, TwoUnitsAway) {
  // Published Wednesday 2022-01-12, ISO week 2.
  EXPECT_EQ(One("The ferry sank the day before yesterday.").value, "2022-01-10");
  EXPECT_EQ(One("The jury returns the day after tomorrow.").value, "2022-01-14");
  EXPECT_EQ(One("The firm was sold the year before last.").value, "2020");
  EXPECT_EQ(One("The vote is due the week after next.").value, "2022-W04");
  // "the year before the vote" counts from an event, not from the DCT.
  EXPECT_NE(One("Rain fell the year before the vote.").value, "2020");
}

TEST(Time, CountedNounPerUnitIsARate) {
  auto r = Tag("The clinic treats about 300 patients a day.");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].text, "a day");
  EXPECT_EQ(r[0].type, "SET");
  EXPECT_EQ(r[0].value, "P1D");
  EXPECT_EQ(Tag("The ferry runs seven days a week.").at(1).type, "SET");
  EXPECT_EQ(One("The mill ships twelve thousand crates a year.").type, "SET");
  // Not a rate: a span after a verb, or "a year ago".
  EXPECT_EQ(One("The two ferries docked a week later.").type, "DURATION");
  EXPECT_EQ(One("Three ferries a year ago sank.").type, "DATE");
}

TEST(TimeIssue6, QuarterNamedByItsMonthAndSameQuarterOfAYear) {
  auto all = Tag("Ferry revenue rose in the September quarter from the same quarter of 2021.", "2022-11-15");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].text, "the September quarter");
  EXPECT_EQ(all[0].value, "2022-Q3");
  EXPECT_EQ(all[1].text, "the same quarter of 2021");
  EXPECT_EQ(all[1].value, "2021-Q3");
  // "the fiscal year that ended June 30" is a year's span, like "the fiscal year ended June 30".
  EXPECT_EQ(Tag("Revenue grew in the fiscal year that ended June 30.", "2022-11-15").at(0).value, "P1Y");
}

TEST(TimeIssue6, QuarterNamedByItsClosingDay) {
  // A quarter closing on 31 July runs May to July: most of it lies in the
  // calendar's second quarter. One closing on 30 September is the third; one
  // closing on 31 January 2022 is the last quarter of 2021.
  auto all = Tag("Lumo Textiles lost money in the quarter ended July 31.", "2022-10-20");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].text, "the quarter");
  EXPECT_EQ(all[0].value, "2022-Q2");
  EXPECT_EQ(all[1].value, "2022-07-31");
  EXPECT_EQ(Tag("Sales at Brindle Mills rose in the quarter ended Sept. 30.", "2022-10-20").at(0).value, "2022-Q3");
  EXPECT_EQ(Tag("Orvik Tools earned $3 million in the quarter ending Jan. 31.", "2022-05-10").at(0).value, "2021-Q4");
  // Without a closing day it is still the last quarter completed.
  EXPECT_EQ(Tag("Orvik Tools earned $3 million in the quarter.", "2022-10-20").at(0).value, "2022-Q3");
}

TEST(TimeIssue6, LookingAheadTheYearIsNotOneAlreadyOver) {
  // "the year" after a date refers to it in a narrative, but a clause that
  // looks ahead cannot mean a year (or month) that ended before the DCT.
  auto ahead = Tag("Kira Voss has led the choir since 2015. She will step down at the end of the year.");
  ASSERT_EQ(ahead.size(), 2u);
  EXPECT_EQ(ahead[1].text, "the end of the year");
  EXPECT_EQ(ahead[1].value, "2022");
  auto past = Tag("Kira Voss joined the choir in 2015. By the end of the year she led it.");
  ASSERT_EQ(past.size(), 2u);
  EXPECT_EQ(past[1].value, "2015");
  auto month = Tag("Orchard sales fell in September. Prices will rise by the end of the month.", "2022-11-15");
  ASSERT_EQ(month.size(), 2u);
  EXPECT_EQ(month[1].value, "2022-11");
}

TEST(TimeIssue6, SeasonFollowsTheClauseTenseWhenFar) {
  // Written on 2022-01-12: a fall in a past clause is the one of 2021.
  EXPECT_EQ(One("The apple harvest at Brenlow failed in the fall.").value, "2021-FA");
  EXPECT_EQ(One("The Brenlow pool will reopen in the summer.").value, "2022-SU");
  // Written in December: a spring that looks ahead is next year's.
  EXPECT_EQ(One("Ferry crossings to Oskey will resume in the spring.", "2022-12-20").value, "2023-SP");
  EXPECT_EQ(One("Ferry crossings to Oskey stopped in the spring.", "2022-12-20").value, "2022-SP");
}

TEST(TimeIssue6, ANumberANameLabelsIsNoYear) {
  // Inside a sentence, four digits after a capitalised word the time
  // lexicon does not know label a thing: no year.
  EXPECT_TRUE(Tag("The jet left from Gate 2012 at Lorvani airport.").empty());
  EXPECT_TRUE(Tag("The plane, Flight 1990, landed safely in Kessar.").empty());
  // A year still after a preposition, a month or a season, and at a
  // sentence's start.
  EXPECT_EQ(One("The Odalys mill closed in 1990.").value, "1990");
  EXPECT_EQ(One("The Odalys mill closed in March 1990.").value, "1990-03");
  EXPECT_EQ(One("During 1990 the Odalys mill closed.").value, "1990");
}

TEST(TimeIssue6, BarePluralUnitMeasuringWhatFollows) {
  auto all = Tag("Years of drought emptied Calder Lake. After months of talks, the Orrin council agreed.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].text, "Years");
  EXPECT_EQ(all[0].type, "DURATION");
  EXPECT_EQ(all[0].value, "PXY");
  EXPECT_EQ(all[1].text, "months");
  EXPECT_EQ(all[1].value, "PXM");
  // A title, and a unit after a determiner, are not this rule's.
  EXPECT_TRUE(Tag("She watched Days of Thunder again.").empty());
  EXPECT_TRUE(Tag("The last days of summer camp were wet.").empty());
  // After a verb that takes a stretch of time.
  auto after_verb = Tag("The Orrin accord ended weeks of fighting and followed months of talks.");
  ASSERT_EQ(after_verb.size(), 2u);
  EXPECT_EQ(after_verb[0].text, "weeks");
  EXPECT_EQ(after_verb[0].value, "PXW");
  EXPECT_EQ(after_verb[1].value, "PXM");
}

TEST(TimeIssue6, AmbiguousMonthAfterAScheduleFor) {
  EXPECT_EQ(One("The Tarrow bridge vote is scheduled for March.").value, "2022-03");
  EXPECT_EQ(One("The Lisk festival is set for May.").value, "2022-05");
  // "for" alone may introduce a person called May or March.
  EXPECT_TRUE(Tag("Councillors voted for May in the runoff.").empty());
}

TEST(TimeIssue6, AnAccordingToPhraseGivesNoTenseToTheDatesClause) {
  // Written in November: the election is set for the next February; the
  // decree was published in the past, which says nothing of the date.
  auto all = Tag("The Lorvani election is set for February 14, according to the decree published on Friday.",
                 "2026-11-22");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].value, "2027-02-14");
  // A past clause of its own still moves the date back.
  all = Tag("The Lorvani election was held on February 14, the Kessar commission said.", "2026-11-22");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].value, "2026-02-14");
}

TEST(TimeIssue6, FallInSomethingIsADrop) {
  EXPECT_TRUE(Tag("The fall in copper prices hurt Tamsin Mining.").empty());
  EXPECT_EQ(One("Tamsin Mining opened the mine in the fall.").value, "2021-FA");
  EXPECT_EQ(One("The Tamsin board will meet in the fall in Oslo.", "2022-05-03").value, "2022-FA");
}

TEST(TimeIssue6, TheDayInAppositionToADate) {
  auto all = Tag("Turnout at Hollin peaked on Jan. 9, the day before the storm.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].text, "the day");
  EXPECT_EQ(all[1].value, "2022-01-09");
  // Without a date right before it, "the day before the storm" counts from
  // an event and is left alone.
  EXPECT_TRUE(Tag("Turnout at Hollin peaked the day before the storm.").empty());
}

TEST(TimeIssue6, ThisMomentWithAnAdjective) {
  auto f = One("Mayor Ilse Varn said the town must stay calm at this difficult moment.");
  EXPECT_EQ(f.text, "this difficult moment");
  EXPECT_EQ(f.value, "PRESENT_REF");
  EXPECT_EQ(One("Mayor Ilse Varn said the town must stay calm at this moment.").value, "PRESENT_REF");
}

TEST(TimeIssue6, YearPeriodAfterANamedQuarter) {
  auto all = Tag("Kestrel Foods earned $4 million in the third quarter. In the 2021 period, it earned $3 million.",
                 "2022-11-10");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].text, "the 2021 period");
  EXPECT_EQ(all[1].value, "2021-Q3");
  EXPECT_EQ(One("In the 2021 period, Kestrel Foods earned $3 million.", "2022-11-10").value, "2021");
  // After the nine months the period is as long as they are: only the year.
  auto nine = Tag("Kestrel Foods earned $4 million in the third quarter and $9 million in the nine months. "
                  "In the 2021 period, it earned $7 million.",
                  "2022-11-10");
  ASSERT_EQ(nine.size(), 3u);
  EXPECT_EQ(nine[2].value, "2021");
}

TEST(Time, MovableHolidays) {
  // Worked out with a calendar: Thanksgiving 2021 fell on 25 November (the
  // fourth Thursday), Easter 2022 on 17 April, Memorial Day 2020 on 25 May
  // (the last Monday of May), Labor Day 2022 on 5 September, US Election
  // Day 2022 on 8 November (the Tuesday after the first Monday).
  EXPECT_EQ(One("The family gathered on Thanksgiving.").value, "2021-11-25");
  EXPECT_EQ(One("The choir will sing on Easter.").value, "2022-04-17");
  EXPECT_EQ(One("The shops close on Good Friday.").value, "2022-04-15");
  EXPECT_EQ(One("The parade was held on Memorial Day 2020.").value, "2020-05-25");
  EXPECT_EQ(One("Turnout will be high on Election Day.", "2022-10-20").value, "2022-11-08");
  // The nearest Labor Day to 2022-01-12 is 6 September 2021; a future
  // clause takes the coming one when the nearest is a quarter or more back.
  EXPECT_EQ(One("The strike ended on Labor Day.").value, "2021-09-06");
  EXPECT_EQ(One("The strike will end on Labor Day.").value, "2022-09-05");
  EXPECT_EQ(One("Fireworks lit the sky on the Fourth of July.", "2022-07-06").value, "2022-07-04");
}

TEST(Time, ThisComingAndTheDecade) {
  EXPECT_EQ(One("The ferry returns this coming spring.").text, "this coming spring");
  EXPECT_EQ(One("The ferry returns this coming spring.").value, "2022-SP");
  EXPECT_EQ(One("The port will close by the end of the decade.").value, "202X");
  EXPECT_EQ(One("It was the warmest summer of the century.").value, "20XX");
  auto span = One("Over the decade, fares doubled.");
  EXPECT_EQ(span.type, "DURATION");
  EXPECT_EQ(span.value, "P1DE");
}

TEST(Time, AbbreviationDotsDoNotEndTheClause) {
  // The tense cue "expires" lies before "p.m.": Nov. 20 2021 is 53 days
  // back from 2022-01-12, so the nearest year stands; from 2022-05-20 it
  // is six months back, and the future clause moves it to 2022.
  EXPECT_EQ(One("The offer expires at 5 p.m. EST on Nov. 20.", "2022-05-20").value, "2022-11-20T17:00");
  // Before a capitalised word the dot does end the sentence.
  // (Had it not, "will" would make the Friday the coming one.)
  auto two = Tag("The count will start at 5 p.m. Results on Friday.");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[1].value, "2022-01-07");
}

TEST(Time, ExtentsThatIncludeTheirNeighbours) {
  EXPECT_EQ(One("The harbour is quiet right now.").text, "right now");
  auto beyond = One("Fares are fixed for 2023 and beyond.");
  EXPECT_EQ(beyond.text, "2023 and beyond");
  EXPECT_EQ(beyond.value, "2023");
  auto period = One("The fraud went on over a four-year period.");
  EXPECT_EQ(period.text, "a four-year period");
  EXPECT_EQ(period.value, "P4Y");
  auto fq = One("The ferry line lost money in its fiscal third-quarter.", "2022-11-15");
  EXPECT_EQ(fq.text, "fiscal third-quarter");
  EXPECT_EQ(fq.value, "2022-Q3");
  auto h1 = One("Losses will last through the first two quarters of 2023.");
  EXPECT_EQ(h1.text, "the first two quarters of 2023");
  EXPECT_EQ(h1.value, "2023-H1");
}

TEST(Time, PresentPhrases) {
  EXPECT_EQ(One("At the moment, the ferry is idle.").text, "the moment");
  EXPECT_EQ(One("At the moment, the ferry is idle.").value, "PRESENT_REF");
  EXPECT_EQ(One("At present the ferry is idle.").value, "PRESENT_REF");
  EXPECT_EQ(One("The ferry is idle for the time being.").text, "the time being");
  // "the moment" as a conjunction is no time.
  EXPECT_TRUE(Tag("The moment the ferry left, it rained.").empty());
}

TEST(Time, DateOfARelativeYear) {
  auto d = One("The ferry service began on June 16 of last year.");
  EXPECT_EQ(d.text, "June 16 of last year");
  EXPECT_EQ(d.value, "2021-06-16");
  EXPECT_EQ(One("The bridge opens in March of next year.").value, "2023-03");
  EXPECT_EQ(One("The bridge opened in May of this year.").value, "2022-05");
}

TEST(Time, HolidayInsideANameIsNoTime) {
  EXPECT_TRUE(Tag("The ship sailed past Easter Island.").empty());
  EXPECT_EQ(One("The ship will sail on Easter.").value, "2022-04-17");
  EXPECT_EQ(One("The ship sailed on Christmas Eve.").value, "2021-12-24");
}

TEST(Time, MonthWithARelativeYearAfterIt) {
  auto m = One("The dam failed in March last year.");
  EXPECT_EQ(m.text, "March last year");
  EXPECT_EQ(m.value, "2021-03");
  EXPECT_EQ(One("The dam failed on May 5 last year.").value, "2021-05-05");
  EXPECT_EQ(One("The dam will open in June next year.").value, "2023-06");
  // A possessive "last year's" is its own expression.
  EXPECT_EQ(Tag("Rain in March, last year's wettest month, rose.").size(), 2u);
}

TEST(Time, ClockTimeOnADayWithItsPart) {
  // Published Wednesday 2022-01-12: the Sunday before is 2022-01-09.
  auto t = One("The alarm sounded at 6 a.m. on Sunday morning.");
  EXPECT_EQ(t.text, "6 a.m. on Sunday morning");
  EXPECT_EQ(t.value, "2022-01-09T06:00");
}

TEST(Time, ClockTimeTakesTheDayJustNamed) {
  // Published Wednesday 2022-01-12; the coming Friday is 2022-01-14.
  auto all = Tag("The council meets Friday at 10 a.m. EST (1500 GMT).");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1].value, "2022-01-14T10:00");
  EXPECT_EQ(all[2].value, "2022-01-14T15:00");
  EXPECT_EQ(Tag("The council met on Jan. 3 at 9 p.m.").at(1).value, "2022-01-03T21:00");
  // A day named in an earlier sentence does not carry over.
  EXPECT_EQ(Tag("The council met on Jan. 3. At 9 p.m. it voted.").at(1).value, "2022-01-12T21:00");
}

TEST(Time, EarlierCountsFromTheDayJustNamed) {
  auto all = Tag("The ferry sank on Jan. 3. Two days earlier, a storm hit.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].value, "2022-01-01");
  // With no day named, from the publication date; "ago" always is.
  EXPECT_EQ(One("A storm hit two days earlier.").value, "2022-01-10");
  EXPECT_EQ(Tag("The ferry sank on Jan. 3. Two days ago, a storm hit.").at(1).value, "2022-01-10");
}

TEST(Time, NextHourIsASpan) {
  auto h = One("Results are due within the next hour.");
  EXPECT_EQ(h.text, "the next hour");
  EXPECT_EQ(h.type, "DURATION");
  EXPECT_EQ(h.value, "PT1H");
  EXPECT_EQ(One("Rain fell in the past hour.").value, "PT1H");
}

TEST(Time, TwoDigitYearsAndNextYearsHalf) {
  auto y = One("The ferry line was founded in '98.");
  EXPECT_EQ(y.text, "'98");
  EXPECT_EQ(y.value, "1998");
  EXPECT_EQ(One("Revenue fell in fiscal '21.").text, "fiscal '21");
  EXPECT_EQ(One("Revenue fell in fiscal '21.").value, "2021");
  // A quoted word is no year; "the '90s" stays a decade.
  EXPECT_TRUE(Tag("She said 'no' twice.").empty());
  EXPECT_EQ(One("Rents rose in the '90s.").value, "199X");
  auto h = One("Fares will rise in next year's second half.");
  EXPECT_EQ(h.text, "next year's second half");
  EXPECT_EQ(h.value, "2023-H2");
}

TEST(Time, AboutIsAPrepositionBeforeAReference) {
  auto f = One("Lenhall spoke about the future with the mill workers.");
  EXPECT_EQ(f.text, "the future");
  EXPECT_EQ(f.value, "FUTURE_REF");
  EXPECT_EQ(One("Kessar was asked about today's vote.").text, "today");
  EXPECT_EQ(One("Odalys talked about the past with her brother.").text, "the past");
  // Before an amount, a month or a clock time it still approximates.
  EXPECT_EQ(One("The dam held for about two years.").text, "about two years");
  EXPECT_EQ(One("The ferry docks around Nov. 1.").text, "around Nov. 1");
  EXPECT_EQ(One("The ferry docked about an hour ago.").text, "about an hour ago");
}

TEST(Time, AFullMonthNameEndsItsSentenceAtADot) {
  auto t = Tag("Odalys hopes to open the mill in November.\n\n4:49 p.m.\n\nKessar spoke.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "November");
  EXPECT_EQ(t[1].text, "4:49 p.m.");
  // An abbreviation still takes its dot and the day after it.
  EXPECT_EQ(One("The mill opens Nov. 4 in Lenhall.").text, "Nov. 4");
}

TEST(Time, ThePreviousUnitWithNoDateNamedCountsFromTheLastOneSaid) {
  // DCT 2022-01-12. "last year" is 2021, so the year before it is 2020.
  auto t = Tag("Kessar's mill lost money last year. In the previous year it earned more.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "the previous year");
  EXPECT_EQ(t[1].value, "2020");
  auto m = Tag("Odalys sold her shares last month and bought more the following month.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].value, "2022-01");
  // Too coarse for the unit: "last year" gives no day to count from.
  auto d = Tag("Odalys sold her shares last year. The previous day, prices fell.");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_FALSE(d[1].value.has_value());
}

TEST(Time, ARateAfterAVagueOrLongerCountIsASet) {
  auto t = Tag("Odalys makes several trips a year and answers thousands of calls a month.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].type, "SET");
  EXPECT_EQ(t[0].value, "P1Y");
  EXPECT_EQ(t[1].type, "SET");
  EXPECT_EQ(t[1].value, "P1M");
  auto b = One("The Kessar field gives 2 million barrels of oil a day.");
  EXPECT_EQ(b.type, "SET");
  EXPECT_EQ(b.value, "P1D");
  // Not a rate when the phrase goes on or a preposition comes before it.
  EXPECT_EQ(One("Lenhall sold 5 boats there a week later.").type, "DURATION");
  EXPECT_EQ(One("Lenhall sold 5 boats in a week.").type, "DURATION");
}

TEST(Time, AHolidayBeforeACommonNounNamesAKindOfThing) {
  // "Christmas shoppers": the parse tags "shoppers" a noun, so no day.
  std::string text = "Christmas shoppers filled Lenhall.";
  std::vector<Token> toks = {{0, 9, true, "Christmas", "PROPN", "NNP", 1, "compound"},
                             {10, 18, true, "shopper", "NOUN", "NNS", 2, "nsubj"},
                             {19, 25, true, "fill", "VERB", "VBD", -1, "root"},
                             {26, 33, false, "Lenhall", "PROPN", "NNP", 2, "obj"},
                             {33, 34, true, ".", "PUNCT", ".", 2, "punct"}};
  std::vector<Sentence> sents = {{0, 34, 0, 5}};
  EXPECT_TRUE(DefaultTimeTagger().Tag(text, CivilDate{2022, 1, 12}, toks, sents).times.empty());
  // Before a verb it is the day.
  std::string t2 = "Christmas fell on a Sunday.";
  std::vector<Token> k2 = {{0, 9, true, "Christmas", "PROPN", "NNP", 1, "nsubj"},
                           {10, 14, true, "fall", "VERB", "VBD", -1, "root"},
                           {15, 17, true, "on", "ADP", "IN", 4, "case"},
                           {18, 19, true, "a", "DET", "DT", 4, "det"},
                           {20, 26, false, "Sunday", "PROPN", "NNP", 1, "obl"},
                           {26, 27, true, ".", "PUNCT", ".", 1, "punct"}};
  std::vector<Sentence> s2 = {{0, 27, 0, 6}};
  auto tags = DefaultTimeTagger().Tag(t2, CivilDate{2022, 1, 12}, k2, s2);
  ASSERT_FALSE(tags.times.empty());
  EXPECT_EQ(t2.substr(tags.times[0].begin, tags.times[0].end - tags.times[0].begin), "Christmas");
  // A part of the day after it belongs to it.
  auto mo = One("Kessar will be home by Christmas morning.", "2021-12-10");
  EXPECT_EQ(mo.text, "Christmas morning");
  EXPECT_EQ(mo.type, "TIME");
  EXPECT_EQ(mo.value, "2021-12-25TMO");
}

TEST(Time, AWeekdayAfterAIsNoParticularDay) {
  EXPECT_EQ(One("Odalys was born on a Sunday.").value, "XXXX-WXX-7");
  EXPECT_EQ(One("Kessar left on a Tuesday night.").value, "XXXX-WXX-2TNI");
  EXPECT_EQ(One("Kessar left on Tuesday.").value, "2022-01-11");
}

TEST(Time, OneDayAfterHopeIsSomeFutureDay) {
  auto f = One("Odalys hopes one day to run the Kessar mill.");
  EXPECT_EQ(f.type, "DATE");
  EXPECT_EQ(f.value, "FUTURE_REF");
  EXPECT_EQ(One("Lenhall left one day after the vote.").value, "P1D");
}

TEST(Time, BarePluralUnitAgoIsThePast) {
  auto d = One("The Lorvani mill closed decades ago.");
  EXPECT_EQ(d.text, "decades ago");
  EXPECT_EQ(d.type, "DATE");
  EXPECT_EQ(d.value, "PAST_REF");
  EXPECT_EQ(One("Only weeks ago, Kessar resigned.").text, "weeks ago");
  EXPECT_EQ(One("Months ago, Odalys warned the board.").value, "PAST_REF");
  // A counted unit is still that far back from the DCT.
  EXPECT_EQ(One("Kessar resigned two years ago.").value, "2020");
}

TEST(Time, AnAmountOverAPeriodIsNoRate) {
  auto d = One("The Dravenia plan costs $40 billion over a decade.");
  EXPECT_EQ(d.type, "DURATION");
  EXPECT_EQ(d.value, "P1DE");
  EXPECT_EQ(One("The Dravenia plan costs $4 billion a year.").type, "SET");
}

TEST(Time, AHyphenatedRateIsASet) {
  auto h = One("Lenhall backs a $12-an-hour wage.");
  EXPECT_EQ(h.text, "an-hour");
  EXPECT_EQ(h.type, "SET");
  EXPECT_EQ(h.value, "PT1H");
  EXPECT_EQ(One("Odalys teaches a once-a-week class.").value, "P1W");
  // A length written as one adjective is still a duration.
  EXPECT_EQ(One("Kessar signed a five-year deal.").type, "DURATION");
}

TEST(Time, NowOrSoonBeforeAHyphenIsPartOfAnAdjective) {
  EXPECT_TRUE(Tag("The now-closed Kessar mill was sold.").empty());
  EXPECT_TRUE(Tag("Lenhall met the soon-to-be chief of Odalys.").empty());
  EXPECT_EQ(One("The Kessar mill is closed now.").value, "PRESENT_REF");
}

TEST(Time, ThenBeforeAHyphenIsATitle) {
  auto t = Tag("Kessar met Lenhall on May 3, 2021. He was hired by then-Governor Odalys.");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "May 3, 2021");
  auto u = Tag("Kessar met Lenhall on May 3, 2021. Until then, Odalys waited.");
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[1].value, "2021-05-03");
}

TEST(Time, AQuarterCenturyIsTwentyFiveYears) {
  auto q = One("Lenhall sat in the Kessar assembly for a quarter-century.");
  EXPECT_EQ(q.text, "a quarter-century");
  EXPECT_EQ(q.type, "DURATION");
  EXPECT_EQ(q.value, "P25Y");
  auto a = One("The Odalys line closed a quarter-century ago.");
  EXPECT_EQ(a.type, "DATE");
  EXPECT_EQ(a.value, "1997");
  EXPECT_EQ(One("Over the past quarter-century, Dravenia grew.").value, "P25Y");
  // Fractions are no periods.
  EXPECT_TRUE(Tag("Turnout fell by between a quarter and a fifth.").empty());
  EXPECT_TRUE(Tag("Lenhall walked a quarter-of-a-mile path.").empty());
  EXPECT_EQ(One("Sales rose 5% in the quarter.").value, "2021-Q4");
}

TEST(Time, AnAwardsYearIsNoDate) {
  EXPECT_TRUE(Tag("Lenhall was named Driver of the Year by the Kessar Post.").empty());
  EXPECT_EQ(One("It was the best Lorvani film of the year.").value, "2022");
}

TEST(Time, FiscalYearWithItsNumberIsThatYear) {
  auto f = One("Kessar's deficit will shrink by fiscal year 2027.");
  EXPECT_EQ(f.text, "fiscal year 2027");
  EXPECT_EQ(f.value, "2027");
  auto t = One("Lorvani exports fell in the 2019 fiscal year.");
  EXPECT_EQ(t.text, "the 2019 fiscal year");
  EXPECT_EQ(t.value, "2019");
  EXPECT_EQ(One("Lorvani exports fell in fiscal 2019.").text, "fiscal 2019");
}

TEST(Time, AHyphenatedRangeOfYearsIsBothYears) {
  auto r = Tag("Odalys led the Kessar council from 2011-2015.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].text, "2011");
  EXPECT_EQ(r[0].value, "2011");
  EXPECT_EQ(r[1].text, "2015");
  auto s = Tag("The Lorvani drought of 2011-13 cut wages.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].value, "2011");
  EXPECT_EQ(s[1].text, "13");
  EXPECT_EQ(s[1].value, "2013");
  // A date written the ISO way is one day, not a range.
  EXPECT_EQ(One("Lenhall posted it on 2019-06-21.").value, "2019-06-21");
}

TEST(Time, MilitaryHoursAreAClockTime) {
  auto c = One("The Lorvani patrol boat reported the attack at 0945 hours.");
  EXPECT_EQ(c.text, "0945 hours");
  EXPECT_EQ(c.type, "TIME");
  EXPECT_EQ(c.value, "2022-01-12T09:45");
  EXPECT_EQ(One("Kessar troops crossed at 0630 hours on Monday.").value, "2022-01-10T06:30");
  auto l = One("The Lorvani quake struck at 1412 local time.");
  EXPECT_EQ(l.text, "1412 local time");
  EXPECT_EQ(l.value, "2022-01-12T14:12");
  EXPECT_EQ(One("In 2015 local time rules changed in Kessar.").value, "2015");
  // A count of hours stays a duration.
  auto d = One("Rebuilding the Odalys bridge took 1500 hours of work.");
  EXPECT_EQ(d.type, "DURATION");
  EXPECT_EQ(d.value, "PT1500H");
}

TEST(Time, OneDayAfterAContractedAuxiliaryIsSomeFutureDay) {
  EXPECT_EQ(One("Lenhall said she'd one day return to Dravenia.").value, "FUTURE_REF");
  EXPECT_EQ(One("We'll one day see a Kessar bridge.").value, "FUTURE_REF");
  EXPECT_EQ(One("Lenhall's one day visit ended.").value, "P1D");
}

TEST(Time, ComingBeforeACountIsTheVerb) {
  auto c = One("The Kessar model is coming a year after the first.");
  EXPECT_EQ(c.text, "a year");
  EXPECT_EQ(c.type, "DURATION");
  EXPECT_EQ(One("Lenhall will decide over the coming two weeks.").text, "the coming two weeks");
}

TEST(Time, APartOfANamedDay) {
  auto n = One("Odalys was last seen on the night of Jan. 3 in Lorvani.");
  EXPECT_EQ(n.text, "the night of Jan. 3");
  EXPECT_EQ(n.type, "TIME");
  EXPECT_EQ(n.value, "2022-01-03TNI");
  EXPECT_EQ(One("The morning of March 4, 2019 was cold in Kessar.").value, "2019-03-04TMO");
  // Of an event, no day is named.
  EXPECT_TRUE(Tag("The night of the Kessar vote was long.").empty());
  auto b = Tag("Lenhall left on Jan. 5. Odalys had called him the night before.");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[1].text, "the night before");
  EXPECT_EQ(b[1].value, "2022-01-04TNI");
}

// The value of the first expression the tagger finds with the parse given.
std::optional<std::string> ParsedValue(const std::string& text, const std::vector<Token>& toks) {
  std::vector<Sentence> sents = {
      {0, static_cast<std::uint32_t>(text.size()), 0, static_cast<std::uint32_t>(toks.size())}};
  auto tags = DefaultTimeTagger().Tag(text, CivilDate{2022, 1, 12}, toks, sents);
  if (tags.times.empty()) return std::string("none");
  return tags.times[0].value;
}

TEST(Time, TheParseGivesAWeekdayItsTense) {
  // An auxiliary in the past makes a bare verb past.
  EXPECT_EQ(ParsedValue("Kessar did not win Tuesday.", {{0, 6, true, "Kessar", "PROPN", "NNP", 3, "nsubj"},
                                                         {7, 10, true, "do", "AUX", "VBD", 3, "aux"},
                                                         {11, 14, true, "not", "PART", "RB", 3, "advmod"},
                                                         {15, 18, true, "win", "VERB", "VB", -1, "root"},
                                                         {19, 26, false, "Tuesday", "PROPN", "NNP", 3, "obl:tmod"},
                                                         {26, 27, false, ".", "PUNCT", ".", 3, "punct"}}),
            "2022-01-11");
  // A present verb the weekday hangs on directly is a scheduled event...
  EXPECT_EQ(ParsedValue("The Kessar council votes on Friday.",
                        {{0, 3, true, "the", "DET", "DT", 2, "det"},
                         {4, 10, true, "Kessar", "PROPN", "NNP", 2, "compound"},
                         {11, 18, true, "council", "NOUN", "NN", 3, "nsubj"},
                         {19, 24, true, "vote", "VERB", "VBZ", -1, "root"},
                         {25, 27, true, "on", "ADP", "IN", 5, "case"},
                         {28, 34, false, "Friday", "PROPN", "NNP", 3, "obl"},
                         {34, 35, false, ".", "PUNCT", ".", 3, "punct"}}),
            "2022-01-14");
  // ...but not through a noun.
  EXPECT_EQ(ParsedValue("The Lorvani ruling follows Tuesday's vote.",
                        {{0, 3, true, "the", "DET", "DT", 2, "det"},
                         {4, 11, true, "Lorvani", "PROPN", "NNP", 2, "compound"},
                         {12, 18, true, "ruling", "NOUN", "NN", 3, "nsubj"},
                         {19, 26, true, "follow", "VERB", "VBZ", -1, "root"},
                         {27, 34, false, "Tuesday", "PROPN", "NNP", 6, "nmod:poss"},
                         {34, 36, true, "'s", "PART", "POS", 4, "case"},
                         {37, 41, false, "vote", "NOUN", "NN", 3, "obj"},
                         {41, 42, false, ".", "PUNCT", ".", 3, "punct"}}),
            "2022-01-11");
  // A predicate adjective takes the tense of its copula.
  EXPECT_EQ(ParsedValue("Seats that were open Tuesday go to Odalys.",
                        {{0, 5, true, "seat", "NOUN", "NNS", 5, "nsubj"},
                         {6, 10, true, "that", "PRON", "WDT", 3, "nsubj"},
                         {11, 15, true, "be", "AUX", "VBD", 3, "cop"},
                         {16, 20, true, "open", "ADJ", "JJ", 0, "acl:relcl"},
                         {21, 28, true, "Tuesday", "PROPN", "NNP", 3, "obl:tmod"},
                         {29, 31, true, "go", "VERB", "VBP", -1, "root"},
                         {32, 34, true, "to", "ADP", "IN", 7, "case"},
                         {35, 41, false, "Odalys", "PROPN", "NNP", 5, "obl"},
                         {41, 42, false, ".", "PUNCT", ".", 5, "punct"}}),
            "2022-01-11");
}

// A participle on a noun with no auxiliary has no tense of its own: "planned" looks ahead,
// "held" back, as their word cues say.
TEST(Time, AParticipleOnANounLeavesTheTenseToItsWord) {
  EXPECT_EQ(ParsedValue("They called off a rally planned for Friday.",
                        {{0, 4, true, "they", "PRON", "PRP", 1, "nsubj"},
                         {5, 11, true, "call", "VERB", "VBD", -1, "root"},
                         {12, 15, true, "off", "ADP", "RP", 1, "compound:prt"},
                         {16, 17, true, "a", "DET", "DT", 4, "det"},
                         {18, 23, true, "rally", "NOUN", "NN", 1, "obj"},
                         {24, 31, true, "plan", "VERB", "VBN", 4, "acl"},
                         {32, 35, true, "for", "ADP", "IN", 7, "case"},
                         {36, 42, false, "Friday", "PROPN", "NNP", 5, "obl"},
                         {42, 43, false, ".", "PUNCT", ".", 1, "punct"}}),
            "2022-01-14");
  EXPECT_EQ(ParsedValue("A rally held on Friday ended early.",
                        {{0, 1, true, "a", "DET", "DT", 1, "det"},
                         {2, 7, true, "rally", "NOUN", "NN", 5, "nsubj"},
                         {8, 12, true, "hold", "VERB", "VBN", 1, "acl"},
                         {13, 15, true, "on", "ADP", "IN", 4, "case"},
                         {16, 22, true, "Friday", "PROPN", "NNP", 2, "obl"},
                         {23, 28, true, "end", "VERB", "VBD", -1, "root"},
                         {29, 34, false, "early", "ADV", "RB", 5, "advmod"},
                         {34, 35, false, ".", "PUNCT", ".", 5, "punct"}}),
            "2022-01-07");
}

TEST(Time, APresentPassiveIsNoPast) {
  // "is expected": a participle under a present auxiliary; the word cue
  // "expected" looks ahead.
  auto parse = [](const char* aux_xpos) {
    return std::vector<Token>{{0, 1, true, "a", "DET", "DT", 2, "det"},
                                {2, 8, true, "Kessar", "PROPN", "NNP", 2, "compound"},
                                {9, 15, true, "convoy", "NOUN", "NN", 4, "nsubj:pass"},
                                {16, 18, true, "be", "AUX", aux_xpos, 4, "aux:pass"},
                                {19, 27, true, "expect", "VERB", "VBN", -1, "root"},
                                {28, 30, true, "on", "ADP", "IN", 6, "case"},
                                {31, 39, false, "Thursday", "PROPN", "NNP", 4, "obl"},
                                {39, 40, false, ".", "PUNCT", ".", 4, "punct"}};
  };
  EXPECT_EQ(ParsedValue("A Kessar convoy is expected on Thursday.", parse("VBZ")), "2022-01-13");
  // Under a past auxiliary it stays past.
  EXPECT_EQ(ParsedValue("A Kessar convoy was expected on Thursday.", parse("VBD")), "2022-01-06");
}

TEST(Time, AHyphenatedWordIsNoScheduleVerb) {
  // "open" after a hyphen is part of an adjective, not "talks open Monday".
  EXPECT_EQ(One("The only half-open gate Tuesday was in Kessar.").value, "2022-01-11");
}

TEST(Time, TheArticleOfANounIsOutsideAMonthBeforeIt) {
  auto e = One("The early March auction in Kessar was tense.");
  EXPECT_EQ(e.text, "early March");
  EXPECT_EQ(e.value, "2022-03");
  EXPECT_EQ(One("Odalys left in the early summer.").text, "the early summer");
  EXPECT_EQ(One("The late 1990s boom ended in Lorvani.").text, "The late 1990s");
}

TEST(Time, TheFutureOfSomethingIsItsFate) {
  EXPECT_TRUE(Tag("Delegates debated the future of the Kessar mill.").empty());
  EXPECT_EQ(One("In the future, Lenhall will decide alone.").value, "FUTURE_REF");
}

TEST(Time, AHolidayWithATypographicApostrophe) {
  auto e = One("Kessar freed the prisoners on New Year\u2019s Eve.", "2022-02-02");
  EXPECT_EQ(e.text, "New Year\u2019s Eve");
  EXPECT_EQ(e.value, "2021-12-31");
  EXPECT_EQ(One("Odalys wrote to Lenhall on Valentine\u2019s Day.", "2022-03-01").value, "2022-02-14");
}

TEST(Time, OClockIsAClockTime) {
  auto c = One("The Kessar ferry leaves at 5 o'clock.");
  EXPECT_EQ(c.text, "5 o'clock");
  EXPECT_EQ(c.type, "TIME");
  EXPECT_EQ(c.value, "2022-01-12T05:00");
  EXPECT_EQ(One("Odalys rang at nine o\u2019clock Monday.").value, "2022-01-10T09:00");
}

TEST(Time, APartOfTheDayInView) {
  auto t = Tag("On Jan. 3 Lenhall was in Kessar in the morning and in Odalys in the late afternoon.");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].text, "the morning");
  EXPECT_EQ(t[1].type, "TIME");
  EXPECT_EQ(t[1].value, "2022-01-03TMO");
  EXPECT_EQ(t[2].text, "the late afternoon");
  EXPECT_EQ(t[2].value, "2022-01-03TAF");
  EXPECT_EQ(One("Lorvani troops crossed the river in the evening.").value, "2022-01-12TEV");
  auto o = One("Kessar left in the morning of Jan. 3.");
  EXPECT_EQ(o.text, "the morning of Jan. 3");
  EXPECT_EQ(o.value, "2022-01-03TMO");
  // Before a noun it names no time.
  EXPECT_TRUE(Tag("Kessar read it in the morning papers.").empty());
  // "fix that overnight" is "at once".
  EXPECT_TRUE(Tag("Odalys said you cannot fix that overnight.").empty());
}

TEST(Time, ShortQuartersHalvesAndFiscalYears) {
  auto q = One("Kessar Mills lost money in Q3 2019.");
  EXPECT_EQ(q.text, "Q3 2019");
  EXPECT_EQ(q.value, "2019-Q3");
  EXPECT_EQ(One("Lorvani exports rose in H1 2020.").value, "2020-H1");
  auto f = One("Odalys cut spending in FY2021.");
  EXPECT_EQ(f.text, "FY2021");
  EXPECT_EQ(f.value, "2021");
  EXPECT_EQ(One("Odalys cut spending in FY21.").value, "2021");
  // A model name is no quarter.
  EXPECT_EQ(One("Lenhall drove a Q7 in 2019.").text, "2019");
}

TEST(Time, ANumericDateThatCanOnlyBeDayFirst) {
  EXPECT_EQ(One("The Kessar accord was signed on 15/03/2019.").value, "2019-03-15");
  EXPECT_EQ(One("The Kessar accord was signed on 3/15/2019.").value, "2019-03-15");
}

TEST(Time, ARangeOfDaysIsBothDays) {
  auto r = Tag("The Kessar summit ran Jan. 3-5 in Lorvani.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].text, "Jan. 3");
  EXPECT_EQ(r[0].value, "2022-01-03");
  EXPECT_EQ(r[1].text, "5");
  EXPECT_EQ(r[1].value, "2022-01-05");
  auto y = Tag("Odalys voted on March 1-2, 2019 in Kessar.");
  ASSERT_EQ(y.size(), 2u);
  EXPECT_EQ(y[0].value, "2019-03-01");
  EXPECT_EQ(y[1].value, "2019-03-02");
  // Not a range when the second day is not later.
  EXPECT_EQ(Tag("Lenhall said on Jan. 5-4 vote.").size(), 1u);
}

TEST(Time, AnEarlyOrLatePartOfTheDay) {
  auto a = One("By mid-afternoon, Kessar shares had fallen.");
  EXPECT_EQ(a.text, "mid-afternoon");
  EXPECT_EQ(a.type, "TIME");
  EXPECT_EQ(a.value, "2022-01-12TAF");
  EXPECT_EQ(One("Lorvani police left at late morning.").value, "2022-01-12TMO");
  // Before a noun it names a kind of thing.
  EXPECT_TRUE(Tag("Early morning raids hit Odalys.").empty());
}

TEST(Time, TheTenseDecidesWhichWeekend) {
  // 2022-01-10 is a Monday, 2022-01-13 a Thursday; 2022-W01-WE is 8-9 January.
  EXPECT_EQ(One("Kessar and Lenhall will meet this weekend.", "2022-01-10").value, "2022-W02-WE");
  EXPECT_EQ(One("Kessar and Lenhall met this weekend.", "2022-01-10").value, "2022-W01-WE");
  EXPECT_EQ(One("Talks with Odalys stalled over the weekend.", "2022-01-13").value, "2022-W01-WE");
  EXPECT_EQ(One("Odalys will rest over the weekend.", "2022-01-13").value, "2022-W02-WE");
}

TEST(Time, ShoppingHolidaysAndWeekdayNames) {
  // Thanksgiving 2021 was Thursday 25 November.
  EXPECT_EQ(One("Kessar stores opened early on Black Friday.").value, "2021-11-26");
  EXPECT_EQ(One("Lorvani shoppers spent more on Cyber Monday.").value, "2021-11-29");
  // A weekday inside a name is no day.
  EXPECT_TRUE(Tag("Lenhall wrote for the Sunday Courier.").empty());
  EXPECT_EQ(One("The Sunday vote in Odalys was close.").value, "2022-01-09");
  EXPECT_TRUE(Tag("Lenhall told the Kessar Sun.").empty());
  EXPECT_EQ(One("Lenhall left on Sun. for Kessar.").value, "2022-01-09");
}

TEST(Time, LastOrNextHoliday) {
  auto l = One("Odalys came home to Kessar last Christmas.", "2021-12-30");
  EXPECT_EQ(l.text, "last Christmas");
  EXPECT_EQ(l.value, "2021-12-25");
  // Easter 2022 was 17 April, Easter 2021 4 April.
  EXPECT_EQ(One("Lenhall will preach next Easter.").value, "2022-04-17");
  EXPECT_EQ(One("Lenhall preached last Easter.").value, "2021-04-04");
  EXPECT_EQ(One("It was the last Christmas that Odalys spent in Kessar.").text, "Christmas");
}

TEST(Time, TheYearRestatedByACopula) {
  auto t = Tag("Lenhall moved in 2019, which is the year Kessar opened.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "the year");
  EXPECT_EQ(t[1].value, "2019");
  // A clause that looks ahead still means the DCT's year.
  auto f = Tag("Odalys joined in 2019. She will retire at the end of the year.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].value, "2022");
}

TEST(Time, AHalfOfAMonth) {
  auto h = One("Kessar output fell in the first half of December.");
  EXPECT_EQ(h.text, "the first half of December");
  EXPECT_EQ(h.value, "2021-12");
  EXPECT_EQ(One("Kessar output fell in the first half of 2021.").value, "2021-H1");
}

TEST(Time, BritishClockAndANightsHour) {
  auto b = One("Kessar police closed the road at 5.45pm.");
  EXPECT_EQ(b.text, "5.45pm");
  EXPECT_EQ(b.value, "2022-01-12T17:45");
  EXPECT_EQ(One("The Odalys ferry left at 8.20 a.m. on Monday.").value, "2022-01-10T08:20");
  EXPECT_TRUE(Tag("Lorvani prices rose 5.45 percent.").empty());
  EXPECT_EQ(One("Lenhall was shot at 11:15 Friday night.").value, "2022-01-07T23:15");
  EXPECT_EQ(One("Lenhall spoke at 11:15 Friday morning.").value, "2022-01-07T11:15");
}

TEST(Time, TheUnitAfterTheDateNamed) {
  auto d = Tag("Lenhall was arrested on Jan. 3. The day after, Kessar freed him.");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].text, "The day after");
  EXPECT_EQ(d[1].value, "2022-01-04");
  auto y = Tag("Odalys left Dravenia in 2014. The year after, she returned.");
  ASSERT_EQ(y.size(), 2u);
  EXPECT_EQ(y[1].value, "2015");
}

TEST(Time, TheUpcomingUnitIsTheNextOne) {
  EXPECT_EQ(One("Kessar and Lenhall meet in the upcoming week.").value, "2022-W03");
  EXPECT_EQ(One("The upcoming year will test Odalys.").value, "2023");
}

TEST(Time, WeeksAndMonthsEnd) {
  auto w = One("Lenhall expects a Kessar deal by week's end.");
  EXPECT_EQ(w.text, "week's end");
  EXPECT_EQ(w.value, "2022-W02");
  EXPECT_EQ(One("Odalys will sign by month\u2019s end.").value, "2022-01");
}

TEST(Time, AnUncountedLengthAsAnAdjectiveOrAfterAVerbOfTime) {
  auto a = One("A months-long Kessar inquiry ended.");
  EXPECT_EQ(a.text, "months-long");
  EXPECT_EQ(a.type, "DURATION");
  EXPECT_EQ(a.value, "PXM");
  EXPECT_EQ(One("Decades-old rules of Odalys fell.").value, "PXDE");
  auto v = One("Rebuilding the Lorvani bridge took years.");
  EXPECT_EQ(v.text, "years");
  EXPECT_EQ(v.value, "PXY");
  EXPECT_EQ(One("Lenhall spent months in a Kessar jail.").value, "PXM");
  // "years of work" after such a verb measures the work (TimeML marks
  // "months" in "follows months of talks"); "the last days" is no length.
  EXPECT_EQ(One("Kessar took years of work to finish.").value, "PXY");
  EXPECT_TRUE(Tag("In the last days of the siege Odalys fled.").empty());
}

TEST(TimeStage, SurvivesOddBytes) {
  TimeStage stage;
  Article a;
  a.published = "not a date";
  static const char kOdd[] = "\xff\xfe 12 \xe2\x80\x99 Jan. \0 31 ";
  a.text = std::string(kOdd, sizeof kOdd - 1) + "Monday (" + "1999-99-99 2/30/2020 Jan \xe2\x80";
  stage.Process(a, nullptr);
  SUCCEED();
}

}  // namespace
}  // namespace sitrep
