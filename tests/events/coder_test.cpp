// The events stage on sentences written for these tests, through the whole
// per-article pipeline (parser, entities, time), checking real codes and
// actors. Expected codes are from the CAMEO codebook's definitions.
#include <gtest/gtest.h>

#include <string>

#include "core/json_writer.h"
#include "events/events.h"
#include "pipeline/pipeline.h"

namespace sitrep::events {
namespace {

class CoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pipeline_ = new pipeline::ArticlePipeline(pipeline::ArticlePipeline::Standard(nullptr));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }
  // A one-paragraph article published on Wednesday 17 January 2024.
  static Article Analyse(const std::string& text) {
    auto scratch = pipeline_->NewScratch();
    ingest::RawDoc doc;
    doc.source = "test";
    doc.format = ingest::Format::kJson;
    JsonWriter w(doc.bytes);
    w.BeginObject();
    w.Key("text");
    w.String(text);
    w.Key("published");
    w.String("2024-01-17");
    w.EndObject();
    return pipeline_->Run(std::move(doc), scratch);
  }
  static pipeline::ArticlePipeline* pipeline_;
};
pipeline::ArticlePipeline* CoderTest::pipeline_ = nullptr;

std::string Target(const Event& e) { return e.target ? e.target->text : "-"; }

TEST_F(CoderTest, ThreatOfSanctionsIsAThreatNotSanctions) {
  Article a = Analyse("Japan threatened to impose sanctions on North Korea.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "1312");
  EXPECT_EQ(a.events[0].source.text, "Japan");
  EXPECT_EQ(a.events[0].source.actor_code, "JPN");
  EXPECT_EQ(Target(a.events[0]), "North Korea");
  EXPECT_FALSE(a.events[0].negated);
}

TEST_F(CoderTest, ALeaderOrSpokesmanActsForTheSectorNamedBeforeIt) {
  // CAMEO codes a role by whom it speaks for: the rebels' leaders are
  // rebels, the opposition's spokesman the opposition, the army's
  // commander the military; a minister stays the government's.
  struct Case {
    const char* text;
    const char* source_code;
    const char* target_code;
  };
  for (const Case& c : {Case{"The government met the rebel leaders in Geneva on Monday.", "GOV", "REB"},
                        Case{"An opposition spokesman accused the government of fraud.", "OPP", "GOV"},
                        Case{"Russian military officials accused Ukraine of shelling the plant.", "RUSMIL", "UKR"},
                        Case{"Union leaders criticised the government on Monday.", "LAB", "GOV"},
                        Case{"The defence minister accused the rebels of fraud.", "GOV", "REB"}}) {
    Article a = Analyse(c.text);
    ASSERT_EQ(a.events.size(), 1u) << c.text;
    EXPECT_EQ(a.events[0].source.actor_code, c.source_code) << c.text;
    ASSERT_TRUE(a.events[0].target.has_value()) << c.text;
    EXPECT_EQ(a.events[0].target->actor_code, c.target_code) << c.text;
  }
}

TEST_F(CoderTest, ReleasingAThingIsNoReleaseOfPersons) {
  // CAMEO 0841 is the release of people; a report, a poll or tax returns
  // released, or refused, are not (nor a refusal to ease sanctions, 124).
  for (const char* text : {"Kessar refused to release his tax returns.", "The ministry released its annual report on Monday.",
                           "The institute released a poll that showed a close race."}) {
    Article a = Analyse(text);
    for (const Event& e : a.events) {
      EXPECT_NE(e.cameo.substr(0, 3), "084") << text;
      EXPECT_NE(e.cameo.substr(0, 3), "124") << text;
    }
  }
  Article men = Analyse("The rebels released three men on Tuesday.");
  ASSERT_EQ(men.events.size(), 1u);
  EXPECT_EQ(men.events[0].cameo, "0841");
}

TEST_F(CoderTest, AStateOrTownBeforeARoleGivesItsCountry) {
  // A US state names no actor of its own, but "a Vermont senator" is a US
  // legislator and "Texas officials" the US government's.
  Article a = Analyse("The Vermont senator criticised the plan on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source.actor_code, "USALEG");
  Article b = Analyse("Texas officials accused the company of fraud.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].source.actor_code, "USAGOV");
}

TEST_F(CoderTest, ANamedPersonAttackingAnotherIsAVerbalAttack) {
  // One politician "attacking" another criticises (111); with a weapon, or
  // by fighters on a place, the attack is physical.
  Article a = Analyse("Aldo Varnell attacked Tobin Harlen in the debate on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "111");
  Article b = Analyse("Aldo Varnell attacked Tobin Harlen with a knife on Tuesday.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_NE(b.events[0].cameo.substr(0, 2), "11");
  Article c = Analyse("The rebels attacked a police station.");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].cameo, "190");
}

TEST_F(CoderTest, OnlyACalendarDateDatesAnEvent) {
  // "now" (PRESENT_REF) and "the 1980s" (198X) are no date on a timeline:
  // the event keeps the publication date, marked as such.
  for (const char* text : {"The two sides are now meeting in Geneva.", "Kessar met Lenhall in Geneva in the 1980s."}) {
    Article a = Analyse(text);
    ASSERT_EQ(a.events.size(), 1u) << text;
    ASSERT_TRUE(a.events[0].date.has_value()) << text;
    EXPECT_EQ(*a.events[0].date, "2024-01-17") << text;
    EXPECT_EQ(a.events[0].date_from, "published") << text;
  }
  Article dated = Analyse("Kessar met Lenhall in Geneva on 12 January 2024.");
  ASSERT_EQ(dated.events.size(), 1u);
  EXPECT_EQ(dated.events[0].date.value_or(""), "2024-01-12");
  EXPECT_EQ(dated.events[0].date_from, "text");
}

TEST_F(CoderTest, AHyphenatedModifierStaysWholeInTheTarget) {
  // The parser hangs "Lorvanian" on "registered"; the target phrase still
  // starts at it, never at the hyphen.
  Article a = Analyse("Greece seized a Lorvanian-registered cargo ship on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo.substr(0, 2), "17");
  EXPECT_EQ(Target(a.events[0]), "Lorvanian-registered cargo ship");
}

TEST_F(CoderTest, AnActInAConditionIsNoEvent) {
  // The threat is one; the apology asked for in its condition, negated or
  // not, is no event, nor is an invasion in an "if" clause.
  Article a = Analyse("Japan threatened to impose sanctions on North Korea if Pyongyang did not withdraw its troops.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo.substr(0, 2), "13");
  Article b = Analyse("Sanctions will follow if Russia invades Georgia, the minister warned.");
  for (const Event& e : b.events) EXPECT_NE(e.cameo.substr(0, 2), "19") << e.cameo << " " << e.source.text;
}

TEST_F(CoderTest, ATimeReadAsTheObjectIsNoTarget) {
  // "Wednesday" is when he phoned, not whom.
  Article a = Analyse("Odal Kessar was phoning Wednesday on behalf of his wife.");
  for (const Event& e : a.events) EXPECT_EQ(Target(e), "-") << e.cameo;
}

TEST_F(CoderTest, BeatingAFieldOfRivalsIsNoAssault) {
  Article a = Analyse("In the primary, Lenhall Varnell beat a large field of 16 rivals to win the nomination.");
  for (const Event& e : a.events) EXPECT_NE(e.cameo.substr(0, 2), "18") << e.cameo;
  Article b = Analyse("The soldiers beat the detainees in Harlow.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].cameo, "182");
}

TEST_F(CoderTest, ASubjectAfterAFrontedTimeActs) {
  // Parsed with the name as an apposition of "Thursday".
  Article a = Analyse("On Thursday, Tessarian Foreign Minister Omar al-Lenhali threatened to confiscate the goods.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo.substr(0, 2), "13");
  EXPECT_NE(a.events[0].source.text.find("Lenhali"), std::string::npos) << a.events[0].source.text;
}

TEST_F(CoderTest, ANamedAppositionHungOnItsCommaIsTheActor) {
  // The parse hangs "Ana Kessar" on the comma after "minister".
  Article a = Analyse("The foreign minister, Ana Kessar, condemned the attack on the embassy.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source.text, "Ana Kessar");
  // A rank before the name heads the apposition.
  Article b = Analyse("The Turkish navy commander, Admiral Omar Lenhali, accused Greece of provocations.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].source.text, "Omar Lenhali");
}

TEST_F(CoderTest, AJudgementIsNoPolicyBeingConsidered) {
  // Weighing a course of action is 014; calling a thing inadequate is not.
  Article a = Analyse("Germany considers the proposal unacceptable.");
  EXPECT_TRUE(a.events.empty()) << a.events[0].cameo;
  Article b = Analyse("The Spanish foreign ministry considered the offer \"inadequate\".");
  EXPECT_TRUE(b.events.empty()) << b.events[0].cameo;
  Article c = Analyse("Spain is considering sanctions against Morocco.");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].cameo.substr(0, 2), "01");
}

TEST_F(CoderTest, NatureIsNoPoliticalActor) {
  // A storm or a flood that destroys or kills makes no CAMEO event; the
  // rebels' attack in the same text does.
  Article a = Analyse(
      "Cyclone Ilse battered the coast on Tuesday, destroying hundreds of homes. The flood killed 40 people. "
      "Rebels attacked the town on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source.text, "Rebels");
  EXPECT_EQ(a.events[0].cameo.substr(0, 2), "19");
}

TEST_F(CoderTest, ANamedStormInARelativeClauseIsNoActor) {
  // "which" stands for the storm: still nature, still no event.
  Article a = Analyse("Aid agencies said Typhoon Merrow, which killed 12 people, had cut the island's power.");
  EXPECT_TRUE(a.events.empty()) << a.events[0].source.text;
  // The donors' pledge is one.
  Article b = Analyse("Donors pledged $90m to the island on Thursday.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].source.text, "Donors");
}

TEST_F(CoderTest, AnAnonymousSourceMakesNoAppeal) {
  Article a = Analyse(
      "A senior official in the capital, Kessar, who asked not to be named, said the talks had stalled.");
  for (const Event& e : a.events) ADD_FAILURE() << e.cameo << " " << e.source.text;
  // An appeal to someone else still is one.
  Article b = Analyse("The mayor asked the army to leave the town.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].cameo.substr(0, 2), "02");
}

// A question put asks for an answer, not for an act: no appeal. Nor did
// the one a question was put to ask anything.
TEST_F(CoderTest, AQuestionPutIsNoAppeal) {
  for (const char* text : {"The reporter asked Varnell whether the talks would resume before March.",
                           "Lenhall asked the envoy what the plan for the border was.",
                           "Asked whether he would meet the Morvian envoy, Varnell said he had no plans."}) {
    Article a = Analyse(text);
    for (const Event& e : a.events) ADD_FAILURE() << text << ": " << e.cameo << " " << e.source.text;
  }
  // Asking for help or for an act still is an appeal.
  Article b = Analyse("Lenhall asked Morvia for help after the floods.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].cameo.substr(0, 2), "02");
}

// "blamed the blast on X": the one blamed is X, not the blast.
TEST_F(CoderTest, BlameOnSomeoneTargetsThem) {
  Article a = Analyse("Lorvani officials blamed the bombing of the depot on Morvian rebels.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "112");
  EXPECT_NE(Target(a.events[0]).find("rebels"), std::string::npos) << Target(a.events[0]);
  Article b = Analyse("Lorvani officials blamed Morvia for the bombing.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(Target(b.events[0]), "Morvia");
}

// "X and the rebel Y Movement signed": the lower-case noun before the name
// describes it; the name is the other party, not "rebel".
TEST_F(CoderTest, ANounBeforeANamedConjunctDescribesIt) {
  Article a = Analyse("Morvia's government and the rebel Free Harlen Movement signed a ceasefire on Friday.");
  ASSERT_FALSE(a.events.empty());
  for (const Event& e : a.events) {
    EXPECT_NE(e.source.text, "rebel");
    EXPECT_NE(Target(e), "rebel");
  }
  bool named = false;
  for (const Event& e : a.events) {
    named = named || Target(e).find("Harlen Movement") != std::string::npos ||
            e.source.text.find("Harlen Movement") != std::string::npos;
  }
  EXPECT_TRUE(named);
}

// "meets on Thursday, the third and final round of talks": a round, a
// session or a summit is when and what, never whom one meets.
TEST_F(CoderTest, ARoundOfTalksIsNoOneMet) {
  Article a = Analyse("The Lenhall Council meets in Vienna on Thursday, the third and final round of a week of talks.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo.substr(0, 2), "04");
  EXPECT_EQ(Target(a.events[0]), "-");
}

TEST_F(CoderTest, ABarePastParticipleHasNoAgentAbove) {
  // Those arrested were arrested by someone else, not by the monitors.
  Article a = Analyse(
      "The Lenhall Monitoring Mission has asked to send observers to the trials of those arrested – some 900 people, "
      "by its count.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo.substr(0, 2), "02");
}

TEST_F(CoderTest, AnActOnNoThingIsNegated) {
  Article a = Analyse("The rebels sent no troops to the border, and the Lorvani army offered no sign of retreat.");
  ASSERT_EQ(a.events.size(), 2u);
  for (const Event& e : a.events) EXPECT_TRUE(e.negated) << e.cameo << " " << e.source.text;
  Article b = Analyse("The rebels sent troops to the border.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_FALSE(b.events[0].negated);
}

TEST_F(CoderTest, ImposedSanctionsAreSanctions) {
  Article a = Analyse("Germany imposed new sanctions on Iran.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "163");
  EXPECT_EQ(a.events[0].source.text, "Germany");
  EXPECT_EQ(Target(a.events[0]), "Iran");
}

TEST_F(CoderTest, ConsideringSendingTroopsIsNotADeployment) {
  Article a = Analyse("Spain is considering sending troops to Mali.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "014");
  EXPECT_EQ(a.events[0].source.text, "Spain");
}

TEST_F(CoderTest, JointTalksWithDateAndPlace) {
  Article a = Analyse("Kenya and Ethiopia held talks in Nairobi on Tuesday.");
  ASSERT_EQ(a.events.size(), 1u);
  const Event& e = a.events[0];
  EXPECT_EQ(e.cameo, "046");
  EXPECT_EQ(e.source.text, "Kenya");
  EXPECT_EQ(Target(e), "Ethiopia");
  ASSERT_GE(e.location, 0);
  const Mention& loc = a.mentions[static_cast<std::size_t>(e.location)];
  EXPECT_EQ(a.text.substr(loc.begin, loc.end - loc.begin), "Nairobi");
  EXPECT_EQ(e.date, "2024-01-16");  // the Tuesday before publication
  EXPECT_EQ(e.date_from, "text");
}

TEST_F(CoderTest, APartOfADayDatesTheEventToThatDay) {
  // Published on Wednesday 17 January 2024: "Tuesday evening" is a TIME
  // (2024-01-16TEV), and its day is the event's.
  Article a = Analyse("Dravenia expelled two Lorvani diplomats on Tuesday evening.");
  ASSERT_EQ(a.events.size(), 1u);
  ASSERT_TRUE(a.events[0].date);
  EXPECT_EQ(*a.events[0].date, "2024-01-16");
  EXPECT_EQ(a.events[0].date_from, "text");
}

TEST_F(CoderTest, WithoutATimeExpressionTheDateIsThePublicationDate) {
  Article a = Analyse("Norway sent humanitarian aid to Yemen.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "073");
  EXPECT_EQ(Target(a.events[0]), "Yemen");
  EXPECT_EQ(a.events[0].date, "2024-01-17");
  EXPECT_EQ(a.events[0].date_from, "published");
}

TEST_F(CoderTest, PassiveWithAgent) {
  Article a = Analyse("The mayor was assassinated by gunmen.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "186");
  EXPECT_EQ(a.events[0].source.text, "gunmen");
  EXPECT_EQ(Target(a.events[0]), "mayor");
}

TEST_F(CoderTest, NegationIsKept) {
  Article a = Analyse("Brazil did not sign the agreement.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "057");
  EXPECT_TRUE(a.events[0].negated);
}

TEST_F(CoderTest, RefusalToMeetIsARejection) {
  Article a = Analyse("Poland refused to meet Russian officials.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "125");
  EXPECT_EQ(a.events[0].source.text, "Poland");
}

TEST_F(CoderTest, CompoundSourceGivesOneEventPerActor) {
  Article a = Analyse("France and Germany imposed sanctions on Belarus.");
  ASSERT_EQ(a.events.size(), 2u);
  EXPECT_EQ(a.events[0].source.text, "France");
  EXPECT_EQ(a.events[1].source.text, "Germany");
  for (const Event& e : a.events) {
    EXPECT_EQ(e.cameo, "163");
    EXPECT_EQ(Target(e), "Belarus");
  }
}

TEST_F(CoderTest, ReportedEventIsMarkedAttributed) {
  Article a = Analyse("Officials said the army attacked a village.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "190");
  EXPECT_EQ(a.events[0].source.text, "army");
  EXPECT_TRUE(a.events[0].attributed);
}

TEST_F(CoderTest, NominalTalksBetweenTwoSides) {
  Article a = Analyse("The talks between Serbia and Kosovo ended without agreement.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "046");
  EXPECT_EQ(a.events[0].source.text, "Serbia");
  EXPECT_EQ(Target(a.events[0]), "Kosovo");
}

TEST_F(CoderTest, AppealAddressedToATarget) {
  Article a = Analyse("NATO called on Russia to withdraw its forces.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "0256");
  EXPECT_EQ(a.events[0].source.text, "NATO");
  EXPECT_EQ(Target(a.events[0]), "Russia");
}

TEST_F(CoderTest, ARefusalAskedOfAnotherIsOnlyTheAppeal) {
  // The refusal and the deportation under it are what the groups asked of
  // Morvia; neither was done, and the groups did neither.
  Article a = Analyse("Two press groups urged Morvia to refuse to deport the writer Odalys Kessar.");
  ASSERT_EQ(a.events.size(), 1u) << a.events[1].cameo;
  EXPECT_EQ(a.events[0].cameo.substr(0, 2), "02");
  EXPECT_EQ(Target(a.events[0]), "Morvia");
}

TEST_F(CoderTest, AKindNounBeforeANameIsOneActorWithIt) {
  // "The opposition Popular Harlen Party condemned ...", parsed with two
  // subjects: one actor, the party, and one event.
  Article a = Analyse("The opposition Popular Harlen Party condemned the Morvian government.");
  ASSERT_EQ(a.events.size(), 1u) << a.events[1].source.text;
  EXPECT_EQ(a.events[0].source.text, "Popular Harlen Party");
}

TEST_F(CoderTest, AnActInAWhetherClauseIsNoEvent) {
  // An open question asserts nothing; the same act stated is coded.
  Article a = Analyse("Analysts wonder whether Morvia will send troops to the border.");
  EXPECT_TRUE(a.events.empty()) << a.events[0].cameo;
  a = Analyse("The group called the vote a test of whether Tessary will lend its army to the campaign.");
  EXPECT_TRUE(a.events.empty()) << a.events[0].cameo;
  a = Analyse("Morvia will send troops to the border.");
  EXPECT_EQ(a.events.size(), 1u);
}

TEST_F(CoderTest, CommonNounActorsTakeTheirCountry) {
  Article a = Analyse("Russian troops shelled the city of Kharkiv.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "194");
  EXPECT_EQ(a.events[0].source.text, "Russian troops");
  EXPECT_EQ(a.events[0].source.actor_code, "RUSMIL");
  EXPECT_EQ(Target(a.events[0]), "Kharkiv");
}

// "European Union foreign ministers" opening a sentence: the recogniser
// may leave the organisation unmarked before the title; the listed
// organisation still gives its code, not the title's bare sector (GOV).
TEST_F(CoderTest, AListedOrganisationTheRecogniserLeftOutStillGivesItsCode) {
  Article a = Analyse("European Union foreign ministers on Monday imposed sanctions on Lenhall.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "163");
  EXPECT_EQ(a.events[0].source.text, "European Union foreign ministers");
  EXPECT_EQ(a.events[0].source.actor_code, "IGOEUREEC");
}

TEST_F(CoderTest, AnAppealInCourtIsNoCameoAppeal) {
  // A company that appeals a ruling asks a court, not another actor: only
  // an appeal to someone or for something is CAMEO's.
  Article a = Analyse(
      "Tamberlo Freight said it would appeal. The company appealed against the ruling. "
      "The mayor appealed for calm.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "020");
  EXPECT_EQ(a.events[0].source.text, "mayor");
}

TEST_F(CoderTest, ALabourStrikeIsAStrikeNotAnAttack) {
  Article a = Analyse("The Quessel Dockers Union called a 48-hour strike on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "143");
  Article b = Analyse("Nurses walked out on Tuesday.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].cameo, "143");
}

TEST_F(CoderTest, SuspendingAPenaltyOrSanctionsEasesThem) {
  // Suspending a member or a party is a sanction (172); suspending a
  // penalty or sanctions lifts them for a time.
  Article a = Analyse("A Lorvani court suspended the penalty imposed on Tamberlo Freight.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "081");
  Article b = Analyse("The European Union suspended its sanctions on Belarus.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].cameo, "085");
  EXPECT_EQ(Target(b.events[0]), "Belarus");
}

TEST_F(CoderTest, TheSpokesmanOfAnUnknownOrganisationIsNoGovernments) {
  // A spokesman speaks for a government by default ("a Kremlin spokesman",
  // "a Russian government spokesman"), but one of a company the gazetteer
  // does not know speaks for that company.
  Article a = Analyse("A Tamberlo spokesman criticised the Lorvani government.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "111");
  EXPECT_EQ(a.events[0].source.actor_code, "");
  Article b = Analyse("A Russian government spokesman criticised Ukraine.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].source.actor_code, "RUSGOV");
  // A business's spokesman is the business's, never "BUSGOV".
  Article c = Analyse("Quessel Freight Lines was fined. A Quessel Freight Lines spokesman criticised Ukraine.");
  for (const Event& e : c.events) EXPECT_EQ(e.source.actor_code.find("GOV"), std::string::npos) << e.source.actor_code;
}

TEST_F(CoderTest, ACapitalisedTitleBeforeANameIsThePersons) {
  // "Trade Minister Ana Quessel", parsed with "Trade" as the head and the
  // name as its tail: the person accuses.
  Article a = Analyse("Trade Minister Ana Quessel accused France of economic blackmail.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "112");
  EXPECT_EQ(a.events[0].source.text, "Ana Quessel");
  EXPECT_EQ(Target(a.events[0]), "France");
}

TEST_F(CoderTest, AComplaintFiledAgainstSomeoneTargetsThemNotTheVenue) {
  Article a = Analyse("Germany filed a complaint against France at the WTO.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "114");
  EXPECT_EQ(Target(a.events[0]), "France");
}

TEST_F(CoderTest, BanningOrHaltingTradeIsAnEmbargo) {
  Article a = Analyse("Peru threatened to ban imports from Chile. Chile halted exports to Peru.");
  ASSERT_EQ(a.events.size(), 2u);
  EXPECT_EQ(a.events[0].cameo, "1312");
  EXPECT_EQ(a.events[1].cameo, "163");
  EXPECT_EQ(Target(a.events[1]), "Peru");
}

TEST_F(CoderTest, NoEventInOrdinaryNews) {
  EXPECT_TRUE(Analyse("Prices rose by three percent last month.").events.empty());
  EXPECT_TRUE(Analyse("The team won the cup on Sunday.").events.empty());
}

TEST_F(CoderTest, DenialIsNotTheDeniedAct) {
  Article a = Analyse("Russia denied attacking the hospital.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "016");
}
TEST_F(CoderTest, WithoutNegatesTheAct) {
  Article a = Analyse("The delegations of Chile and Peru left Lima without signing the treaty.");
  bool found = false;
  for (const Event& e : a.events) {
    if (e.cameo.rfind("057", 0) != 0) continue;
    found = true;
    EXPECT_TRUE(e.negated) << e.source.text;
  }
  EXPECT_TRUE(found);
}

TEST_F(CoderTest, NamedAppositionIsTheActorNotItsTitle) {
  Article a = Analyse("Norway's deputy foreign minister, Ilse Marholm, accused Sweden of stalling.");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].cameo.substr(0, 2), "11");
  EXPECT_EQ(a.events[0].source.text, "Ilse Marholm");
  EXPECT_EQ(Target(a.events[0]), "Sweden");
}

TEST_F(CoderTest, TitleRightBeforeANameIsOneActor) {
  // The parser may read the title and the name as two subjects; with no
  // "and" between them they are one actor, the named one.
  Article a = Analyse("Norwegian foreign ministry spokeswoman Ilse Marholm criticised the plan on Tuesday.");
  ASSERT_EQ(a.events.size(), 1u) << a.events.size();
  EXPECT_EQ(a.events[0].source.text, "Ilse Marholm");
}

TEST_F(CoderTest, CountriesJoinedInAModifierAreTwoActors) {
  // "Chilean and Peruvian negotiators met": Chile's met Peru's.
  Article a = Analyse("Chilean and Peruvian negotiators met in Lima on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo.substr(0, 2), "04");
  EXPECT_EQ(a.events[0].source.actor_code.substr(0, 3), "CHL");
  ASSERT_TRUE(a.events[0].target.has_value());
  EXPECT_EQ(a.events[0].target->actor_code.substr(0, 3), "PER");
}


// An exchange of prisoners is done by each side to the other; agreeing to
// one promises it (CAMEO 0353, express intent to release persons).
TEST_F(CoderTest, AgreeingToExchangePrisonersIsAnIntentToReleaseThem) {
  Article a = Analyse("Kessar and Dravenia agreed on Monday to exchange 200 prisoners.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "0353");
  EXPECT_EQ(a.events[0].source.text, "Kessar");
  EXPECT_EQ(Target(a.events[0]), "Dravenia");
}

TEST_F(CoderTest, AFutureExchangeIsAnIntentBetweenTheTwoSides) {
  Article a = Analyse("Kessar and South Dravenia will exchange 200 prisoners.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "0353");
  EXPECT_EQ(a.events[0].source.text, "Kessar");
  EXPECT_EQ(Target(a.events[0]), "South Dravenia");
}

TEST_F(CoderTest, AnAppealInAConditionWasNotMade) {
  // Only Lenhall's promise is coded; Dravenia has asked for nothing.
  Article a = Analyse("Lenhall said it was ready to send a rescue team if Dravenia asked for one.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source.text, "Lenhall");
  a = Analyse("Morvia will send troops to Kessar if Dravenia asks for help.");
  for (const auto& e : a.events) EXPECT_NE(e.source.text, "Dravenia") << e.cameo;
}

TEST_F(CoderTest, APledgedSumIsAidPromised) {
  Article a = Analyse("Lorvania pledged $5 million for the clinics.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "033");
  // The pledge is the act's word, not the currency sign.
  EXPECT_EQ(a.text.substr(a.events[0].begin, a.events[0].end - a.events[0].begin), "pledged");
}

TEST_F(CoderTest, WhatASpeakerSaysSomeoneWouldDoIsAnIntent) {
  Article a = Analyse("The minister said that Kessar would free the detainees within a week.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "0353");
  EXPECT_EQ(a.events[0].source.text, "Kessar");
  EXPECT_TRUE(a.events[0].attributed);
}

TEST_F(CoderTest, EarlierAccordsThatHadFailedAreNoSigning) {
  Article a = Analyse("A diplomat said that earlier agreements between the two countries had failed.");
  EXPECT_TRUE(a.events.empty());
}

TEST_F(CoderTest, ABrokeredDealIsMediation) {
  Article a = Analyse("The deal was brokered by the envoy Marta Lenhall.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "045");
  EXPECT_EQ(a.events[0].source.text, "Marta Lenhall");
}

TEST_F(CoderTest, TalksMediatedByAnAgentAreItsMediation) {
  Article a = Analyse("Kessar and Dravenia ended the talks mediated by the United Nations.");
  bool found = false;
  for (const Event& e : a.events) found = found || (e.cameo == "045" && e.source.text == "United Nations");
  EXPECT_TRUE(found);
}

TEST_F(CoderTest, APlaceNamedAfterTheCapitalItIsLocatesTheEvent) {
  Article a = Analyse("Kessar and Dravenia met on Tuesday in the Dravenian capital, Lenhall City.");
  ASSERT_EQ(a.events.size(), 1u);
  ASSERT_GE(a.events[0].location, 0);
  const Mention& loc = a.mentions[static_cast<std::size_t>(a.events[0].location)];
  EXPECT_EQ(a.text.substr(loc.begin, loc.end - loc.begin), "Lenhall City");
}


TEST_F(CoderTest, APlaceNamedAfterVillageOfLocatesTheEvent) {
  // "near the village of X", hung on the object: X is where it happened.
  Article a = Analyse("Tessarian troops raided a farm near the village of Tessit on Tuesday.");
  ASSERT_EQ(a.events.size(), 1u);
  ASSERT_GE(a.events[0].location, 0);
  const Mention& loc = a.mentions[static_cast<std::size_t>(a.events[0].location)];
  EXPECT_EQ(a.text.substr(loc.begin, loc.end - loc.begin), "Tessit");
}

// What is paid for is no recipient of aid.
TEST_F(CoderTest, AnOfferToFinanceIsAnIntentToGiveAidWithNoThingAsTarget) {
  Article a = Analyse("Lorvania offered to finance the transport of the wounded.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "033");
  EXPECT_EQ(Target(a.events[0]), "-");
}

TEST_F(CoderTest, ReportedWouldOnAHelpingVerbIsAnIntent) {
  Article a = Analyse("An official said Lorvania would help pay for the buses.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "033");
  EXPECT_EQ(a.events[0].source.text, "Lorvania");
}


TEST_F(CoderTest, AnActThatWillNeverHappenIsNoIntent) {
  Article a = Analyse("Kessar will never release the detainees.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "0841");
  EXPECT_TRUE(a.events[0].negated);
}

}  // namespace
TEST_F(CoderTest, ReleasingFundsOrAidIsGivingAidNotFreeingPeople) {
  Article a = Analyse("Canada released relief funds for Haiti.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "071");
  a = Analyse("Norway said it had released $3m in medical aid for Gaza.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "073");
  // Nor is a statement or footage released a release of anyone.
  a = Analyse("The Lorvani army released footage of the raid and a statement on Friday.");
  EXPECT_TRUE(a.events.empty()) << a.events[0].cameo;
  a = Analyse("Egypt released 20 prisoners.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "0841");
}

TEST_F(CoderTest, RescuersFoodAndAppealsForFundsAreHumanitarian) {
  Article a = Analyse("Norway sent a rescue team to Nepal after the floods.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "073");
  EXPECT_EQ(Target(a.events[0]), "Nepal");
  a = Analyse("Italy sent a search and rescue team of 20 specialists to Albania.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "073");
  // A team for disasters or aid is no armed force, whatever its other words.
  a = Analyse("Lenhall deployed a disaster assessment team to Kessar on Tuesday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "073");
  a = Analyse("Dravenia sent an emergency medical team to Lorvani.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "073");
  a = Analyse("Sweden moved 90 tonnes of food to Chad by road.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "073");
  EXPECT_EQ(Target(a.events[0]), "Chad");
  a = Analyse("Kenya launched an emergency appeal for donations.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "0233");
}

TEST_F(CoderTest, AParticipleAfterANaturalEventIsNotTheReportersAct) {
  // The parser may hang "killing" on "said": the killing is the
  // landslide's, not the police's, and a landslide is no actor.
  Article a = Analyse(
      "A powerful landslide hit a village in Nepal overnight, burying 30 houses and killing nine people, "
      "police said.");
  EXPECT_TRUE(a.events.empty()) << a.events[0].cameo << " " << a.events[0].source.text;
  a = Analyse(
      "A magnitude 6.3 earthquake hit the hills of Lorvani late on Sunday, killing nine people and injuring "
      "dozens, the police said.");
  EXPECT_TRUE(a.events.empty()) << a.events[0].cameo << " " << a.events[0].source.text;
}

TEST_F(CoderTest, APossessiveWeekdayOrAModifyingYearDatesOnlyItsNoun) {
  Article a = Analyse(
      "Nepal mourned the victims of Monday's floods on Wednesday, while Canada released relief funds.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "071");
  EXPECT_EQ(a.events[0].date, "2024-01-17");  // Wednesday, not Monday
  a = Analyse("Kenya and Uganda vowed to revise a 1999 border treaty.");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].date, "2024-01-17");
  EXPECT_EQ(a.events[0].date_from, "published");
}

TEST_F(CoderTest, ANamedPersonUnderATitleOrCounterpartIsTheTarget) {
  Article a = Analyse(
      "Argentine Foreign Minister Odalys Lenhall met Malaysian Deputy Foreign Minister Dravenia Kessar in Kuala "
      "Lumpur.");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].source.text, "Odalys Lenhall");
  EXPECT_EQ(Target(a.events[0]), "Dravenia Kessar");
  a = Analyse(
      "Polish Foreign Minister Odalys Lenhall met Indonesian Deputy Foreign Minister Dravenia Kessar in Warsaw.");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(Target(a.events[0]), "Dravenia Kessar");
  a = Analyse(
      "Kenya's Foreign Minister Odalys Lenhall hosted her Ugandan counterpart Dravenia Lorvani in Nairobi.");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].cameo, "043");
  EXPECT_EQ(Target(a.events[0]), "Dravenia Lorvani");
}

TEST_F(CoderTest, AnAppealForAnAbstractNounHasNoTarget) {
  // "restraint", "calm" and "dialogue" are what is asked for, not whom.
  for (const char* text : {"The European Union urged restraint on Tuesday.", "Odalys Lenhall urged calm.",
                           "Japan urged dialogue."}) {
    Article a = Analyse(text);
    ASSERT_FALSE(a.events.empty()) << text;
    EXPECT_EQ(a.events[0].cameo.substr(0, 2), "02") << text;
    EXPECT_FALSE(a.events[0].target) << text << ": " << Target(a.events[0]);
  }
  // A group noun or a name addressed is the target.
  Article b = Analyse("The European Union urged both sides to show restraint.");
  ASSERT_FALSE(b.events.empty());
  EXPECT_EQ(Target(b.events[0]), "sides");
}

TEST_F(CoderTest, ProtestersWhoGatherDemonstrate) {
  // "gathered" is a demonstration when protesters gather; officials who gather only meet.
  Article a = Analyse("Thousands of protesters gathered outside the Lorvani embassy in Tessary on Tuesday.");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].cameo, "141");
  EXPECT_EQ(a.events[0].source.text, "protesters");
  Article b = Analyse("Officials gathered in the hall on Tuesday.");
  for (const Event& e : b.events) EXPECT_NE(e.cameo, "141");
}

TEST_F(CoderTest, ItsAfterAPluralSubjectIsAnothersNotTheSubjectsOwn) {
  // "its crew" is the boat's: a plural subject cannot be "its" owner.
  Article a = Analyse("Lorvani sailors boarded the trawler and detained its crew on Monday.");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].cameo, "173");
  EXPECT_EQ(Target(a.events[0]), "crew");
  // A singular subject's own ambassador is still no target.
  Article b = Analyse("Lorvania recalled its ambassador on Monday.");
  ASSERT_FALSE(b.events.empty());
  EXPECT_EQ(Target(b.events[0]), "-");
}

TEST_F(CoderTest, AProtestAtAnEmbassyTargetsItsGovernment) {
  Article a = Analyse("Hundreds of protesters rallied outside the French embassy in Tessary on Tuesday.");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].cameo, "141");
  EXPECT_EQ(Target(a.events[0]), "French embassy");
  ASSERT_TRUE(a.events[0].target);
  EXPECT_EQ(a.events[0].target->actor_code, "FRAGOV");
}

TEST_F(CoderTest, AQuestionPutToSomeoneIsNoAppealOfTheirs) {
  // "Kessar, asked whether ...": Kessar was asked, and asked no one.
  Article a = Analyse("Kessar, asked whether he would speak to his Lorvani counterpart, said: \"My door is open.\"");
  for (const Event& e : a.events) EXPECT_NE(e.cameo.substr(0, 2), "02") << e.cameo;
  // The verb as a predicate still appeals.
  Article b = Analyse("Kessar asked Lorvania to release the fishermen.");
  ASSERT_FALSE(b.events.empty());
  EXPECT_EQ(b.events[0].cameo.substr(0, 2), "02");
}

TEST_F(CoderTest, ADayOrTheAccordSignedIsNoTarget) {
  // A translation's word order puts the day where the object stands; the
  // accord signed is a thing, not an actor.
  for (const char* text : {"Lorvania and Dravenia have signed this Friday 19 January in Tessary a memorandum of understanding.",
                           "Lorvania and Dravenia signed an understanding on Friday to pull their ships back."}) {
    Article a = Analyse(text);
    ASSERT_FALSE(a.events.empty()) << text;
    for (const Event& e : a.events) {
      EXPECT_EQ(e.cameo, "057") << text;
      EXPECT_NE(Target(e), "Friday") << text;
      EXPECT_NE(Target(e), "understanding") << text;
      EXPECT_NE(Target(e), "memorandum") << text;
    }
  }
}

TEST_F(CoderTest, AFutureDeploymentOfObserversIsAnIntentToKeepThePeace) {
  // CAMEO 0334: the intent of 074, as "will meet" is the intent of 04.
  Article a = Analyse("Mediators will deploy 200 observers along the river.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "0334");
  EXPECT_EQ(a.events[0].source.text, "Mediators");
  a = Analyse("Mediators deployed 200 observers along the river.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "074");
}

TEST_F(CoderTest, AnObligationIsTheSpeakersDemandOrNoAct) {
  // "must withdraw" reports no withdrawal: said by someone, it is a demand
  // (CAMEO 10) on the subject; unattributed, nothing was done.
  Article a = Analyse("Odalys Lenhall said Japanese troops must withdraw from the island.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "1056");
  EXPECT_EQ(a.events[0].source.text, "Odalys Lenhall");
  EXPECT_EQ(a.events[0].target->actor_code, "JPNMIL");
  a = Analyse("The army should release the prisoners, Odalys Lenhall said.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "1053");
  EXPECT_EQ(Target(a.events[0]), "army");
  for (const char* text : {"Japanese troops must withdraw from the island.", "The rebels should release the prisoners.",
                           "Odalys Lenhall said the rebels must not launch an attack."}) {
    Article b = Analyse(text);
    for (const Event& e : b.events) ADD_FAILURE() << text << ": " << e.cameo << " " << e.source.text;
  }
}

TEST_F(CoderTest, AnObjectAfterADateAndAnExpectedSigning) {
  // Translated word order puts the date between the verb and its object.
  for (const char* text : {"Japan and China concluded on Friday a ceasefire agreement.",
                           "Japan and China reached last week a deal on trade."}) {
    Article a = Analyse(text);
    ASSERT_FALSE(a.events.empty()) << text;
    EXPECT_EQ(a.events[0].cameo, "057") << text;
    EXPECT_EQ(a.events[0].source.text, "Japan") << text;
    EXPECT_EQ(Target(a.events[0]), "China") << text;
  }
  // "is expected to sign" is said of the future, as "will sign" is: an intent,
  // and the one expected is the one who signs.
  Article b = Analyse("Japan is expected to sign the deal on Monday.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].cameo, "030");
  EXPECT_EQ(b.events[0].source.text, "Japan");
  b = Analyse("Japan is scheduled to meet Odalys Lenhall on Monday.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].cameo, "036");
  EXPECT_EQ(Target(b.events[0]), "Odalys Lenhall");
}

TEST_F(CoderTest, ReadinessToMeetIsAnIntentAndHisGovernmentIsTheSpeakers) {
  // "his government" is the government of the speaker's country; "ready to
  // meet" announces a meeting (036), as "will meet" does.
  Article a = Analyse(
      "Japan's foreign minister, Danel Orsk, said his government was ready to meet Chinese officials.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "036");
  EXPECT_EQ(a.events[0].source.actor_code, "JPNGOV");
  EXPECT_EQ(a.events[0].target->actor_code, "CHNGOV");
  a = Analyse("Kenya said its army was willing to hold talks with the rebels.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "036");
  EXPECT_EQ(a.events[0].source.actor_code, "KENMIL");
  // A speaker of no known country leaves the government's country unknown.
  a = Analyse("Danel Orsk said his government was ready to meet Chinese officials.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source.actor_code, "GOV");
}

TEST_F(CoderTest, ACommonNounActorIsNamedByItsWholePhrase) {
  // The name of an actor without its own mention is every word of its phrase,
  // a modifier's modifier and a hyphenated title included.
  Article a = Analyse("The United Nations Secretary-General condemned the attack on Harlen.");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].source.text, "United Nations Secretary-General");
  EXPECT_EQ(a.events[0].source.actor_code, "IGOUNO");
  a = Analyse("The European Union foreign policy chief praised Odalys Lenhall.");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].source.text, "European Union foreign policy chief");
}

TEST_F(CoderTest, WeaponsThatStrikeStandForTheirOwnersMilitary) {
  // "Lorvani drones struck a depot" is coded like "Lorvani forces shelled the
  // town": the owner's military acts, the struck thing is the target.
  for (const char* text : {"Lorvani drones struck a fuel depot near the city of Marrow overnight, the army said.",
                           "Lorvani drones hit a fuel depot near Marrow.",
                           "Kessar said Dravenian missiles struck a fuel depot near Marrow."}) {
    Article a = Analyse(text);
    ASSERT_EQ(a.events.size(), 1u) << text;
    EXPECT_EQ(a.events[0].cameo.substr(0, 2), "19") << text;
    EXPECT_TRUE(a.events[0].source.text.ends_with(" drones") || a.events[0].source.text.ends_with(" missiles"))
        << text << ": " << a.events[0].source.text;
    EXPECT_TRUE(a.events[0].source.actor_code.ends_with("MIL")) << text;
    EXPECT_EQ(Target(a.events[0]), "fuel depot") << text;
  }
  Article b = Analyse("Japanese missiles hit a fuel depot.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].source.actor_code, "JPNMIL");
  // A weapon with no owner names no actor, and one launched is no target.
  EXPECT_TRUE(Analyse("Missiles hit a fuel depot near Marrow.").events.empty());
  b = Analyse("Japan launched drones on Tuesday.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].cameo, "195");
  EXPECT_FALSE(b.events[0].target);
}

TEST_F(CoderTest, OrderingTroopsToTheBorderAndRaisingTheAlert) {
  Article a = Analyse("President Odal Varnell ordered two brigades to the border on Tuesday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "154");
  EXPECT_EQ(a.events[0].source.text, "Odal Varnell");
  // An order to do something else is that act, not a deployment.
  a = Analyse("Japan ordered its troops to withdraw from the island.");
  for (const Event& e : a.events) EXPECT_NE(e.cameo, "154");
  a = Analyse("The army put its troops on high alert.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "152");
  EXPECT_EQ(a.events[0].source.text, "army");
  // "his" agrees with the speaker, not with the country of the clause the
  // parser coordinated "put" with; "its" agrees with the country.
  a = Analyse("Odal Varnell said Japan was preparing an invasion and put his army on high alert.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "152");
  EXPECT_EQ(a.events[0].source.text, "Odal Varnell");
  a = Analyse("Odal Varnell said Japan was preparing an invasion and put its army on high alert.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source.text, "Japan");
}

TEST_F(CoderTest, AGerundThatBrokeOutBorrowsNoActor) {
  // "fighting broke out" names an event with no actor of its own: neither
  // the clause it hangs on nor the speaker fought.
  for (const char* text : {"Delegations arrived in Harlen as fighting broke out on Monday.",
                           "Delegations said fighting broke out on Monday.",
                           "Odalys Lenhall said shelling continued overnight."}) {
    Article a = Analyse(text);
    for (const Event& e : a.events) {
      EXPECT_NE(e.cameo.substr(0, 2), "19") << text << ": " << e.source.text;
    }
  }
  Article b = Analyse("The rebels kept fighting on Monday.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].source.text, "rebels");
}

TEST_F(CoderTest, AVerbParsedAsAnAdjectiveAfterItsSubjectIsStillTheVerb) {
  // "blamed" hung on "forces" as an adjective, with the ministry left as the
  // root or as a second subject of "stationed": the ministry blamed them.
  for (const char* text : {"The Dravenian Ministry of Defence blamed Lorvani forces.",
                           "The Ukrainian Ministry of Defence blamed Russian forces stationed across the river."}) {
    Article a = Analyse(text);
    ASSERT_EQ(a.events.size(), 1u) << text;
    EXPECT_EQ(a.events[0].cameo, "112") << text;
    EXPECT_EQ(a.events[0].source.text, "Ministry of Defence") << text;
    EXPECT_TRUE(Target(a.events[0]).ends_with(" forces")) << text << ": " << Target(a.events[0]);
  }
  // A participle after a determiner is an adjective: "the wounded soldiers".
  Article b = Analyse("The wounded soldiers blamed the army.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].source.text, "wounded soldiers");
  // What was aimed at names an actor only with its owner.
  b = Analyse("Israeli jets bombed targets near the border.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_FALSE(b.events[0].target) << Target(b.events[0]);
  b = Analyse("Japanese forces shelled Russian positions.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].target->actor_code, "RUS");
}

TEST_F(CoderTest, HeOrSheIsTheOnePersonNamedJustBefore) {
  Article a = Analyse("Odal Varnell visited the front on Monday. He accused Japanese forces of shelling the town.");
  ASSERT_EQ(a.events.size(), 2u);
  EXPECT_EQ(a.events[1].cameo, "112");
  EXPECT_EQ(a.events[1].source.text, "Odal Varnell");
  EXPECT_EQ(a.events[1].target->actor_code, "JPNMIL");
  // Alone, or after two people, "he" is nobody the coder can name.
  a = Analyse("He accused Japanese forces of shelling the town.");
  EXPECT_TRUE(a.events.empty());
  a = Analyse("Odal Varnell met Danel Orsk in Harlen on Monday. He accused Japanese forces of shelling the town.");
  for (const Event& e : a.events) EXPECT_NE(e.cameo, "112") << e.source.text;
}

TEST_F(CoderTest, PronounsReadTheGenderOfThePeopleNamedBefore) {
  // Two people named, but only one of them a woman: "she" is that woman,
  // and "him" the man who is not the subject.
  Article a = Analyse(
      "Maria Lenhall met Peter Varnell in Harlen on Monday. She later criticised him over the border closures.");
  const Event* criticised = nullptr;
  for (const Event& e : a.events) {
    if (e.cameo.substr(0, 2) == "11") criticised = &e;
  }
  ASSERT_NE(criticised, nullptr);
  EXPECT_EQ(criticised->source.text, "Maria Lenhall");
  EXPECT_EQ(Target(*criticised), "Peter Varnell");
  // The sentence before names nobody: the person named before it is meant.
  a = Analyse("Maria Lenhall met Peter Varnell in Harlen on Monday. She later criticised him over the border "
              "closures. He rejected the criticism.");
  bool rejected = false;
  for (const Event& e : a.events) {
    if (e.cameo.substr(0, 2) != "12") continue;
    rejected = true;
    EXPECT_EQ(e.source.text, "Peter Varnell");
  }
  EXPECT_TRUE(rejected);
  // Two men: "him" could be either, so it names nobody.
  a = Analyse("Peter Lenhall met Paul Varnell in Harlen on Monday. He later criticised him over the border closures.");
  for (const Event& e : a.events) EXPECT_NE(e.cameo.substr(0, 2), "11") << e.source.text << " " << Target(e);
}

TEST_F(CoderTest, ACountryAdjectiveBeforeATitleIsNoSecondTarget) {
  // Read as a name, "Romanian" was an object of its own and the person a
  // second one conjoined to it, with the place hung on the person.
  Article a = Analyse("Moldovan Foreign Minister Maria Lenhall met Romanian President Peter Varnell in Chisinau on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "040");
  EXPECT_EQ(a.events[0].source.actor_code, "MDAGOV");
  EXPECT_EQ(Target(a.events[0]), "Peter Varnell");
  EXPECT_EQ(a.events[0].target->actor_code, "ROUGOV");
  ASSERT_GE(a.events[0].location, 0);
  const Mention& place = a.mentions[static_cast<std::size_t>(a.events[0].location)];
  EXPECT_EQ(a.text.substr(place.begin, place.end - place.begin), "Chisinau");
}

TEST_F(CoderTest, ATimeInARelativeClauseDatesThatClauseAlone) {
  // Published on Wednesday 17 January 2024: the accusation is dated by
  // the article, not by the year of the relative clause.
  Article a = Analyse("Odal Varnell, who has led Japan since 2016, accused China of spying.");
  bool accused = false;
  for (const Event& e : a.events) {
    if (e.cameo != "112") continue;
    accused = true;
    ASSERT_TRUE(e.date);
    EXPECT_EQ(*e.date, "2024-01-17");
  }
  EXPECT_TRUE(accused);
  // The clause's own event keeps its day.
  a = Analyse("The ministers, who met on Monday, signed the accord on 19 January 2024.");
  int dated = 0;
  for (const Event& e : a.events) {
    ASSERT_TRUE(e.date) << e.cameo;
    if (e.cameo == "040") {
      EXPECT_EQ(*e.date, "2024-01-15");
      ++dated;
    } else if (e.cameo == "057") {
      EXPECT_EQ(*e.date, "2024-01-19");
      ++dated;
    }
  }
  EXPECT_EQ(dated, 2);
}

// The object of an act is its target when it is an actor, or a person,
// group, place or vehicle of no actor code; whatever else the act is about
// ("the tax", "the grave", "the rules") is no one it was done to.
TEST_F(CoderTest, WhatAnActIsAboutIsNoTarget) {
  for (const char* text : {"The Lorvani government defended the port tax on Monday.", "Kessar blamed the tumble in oil prices.",
                           "Odalys Kessar visited the grave of the founder on Monday.",
                           "Kessar is defying the rules of evidence, said Lenhall."}) {
    Article a = Analyse(text);
    ASSERT_FALSE(a.events.empty()) << text;
    for (const Event& e : a.events) EXPECT_EQ(Target(e), "-") << text << " " << e.cameo;
  }
  Article b = Analyse("Morvian troops shelled a village near the border on Sunday.");
  ASSERT_FALSE(b.events.empty());
  EXPECT_EQ(Target(b.events[0]), "village");
  Article c = Analyse("Lorvani police detained dozens of protesters on Friday.");
  ASSERT_FALSE(c.events.empty());
  EXPECT_NE(Target(c.events[0]).find("protesters"), std::string::npos) << Target(c.events[0]);
}

// Senses of event verbs that CAMEO does not code: a candidate leaving a
// race or a post is no military retreat, and meeting a deadline is no
// meeting; meeting demands is yielding.
TEST_F(CoderTest, SensesOfWithdrawAndMeetThatAreNoEvent) {
  for (const char* text : {"Odalys Kessar withdrew from the presidential race on Monday.",
                           "Kessar is withdrawing as the director of the festival.",
                           "The Lorvani ministers met the deadline for the budget."}) {
    Article a = Analyse(text);
    EXPECT_TRUE(a.events.empty()) << text << " " << a.events[0].cameo;
  }
  Article b = Analyse("Morvian troops withdrew from the town on Sunday.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].cameo, "0874");
  Article c = Analyse("The Lorvani government met the strikers' demands.");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].cameo, "080");
}

// Discussing is negotiating only with a second party: "with X", two
// conjoined actors, or a plural one; one speaker discussing a book is not.
TEST_F(CoderTest, DiscussingAloneIsNoNegotiation) {
  EXPECT_TRUE(Analyse("Odal Kessar will discuss his new book on Monday.").events.empty());
  Article a = Analyse("Lorvania and Morvia discussed the border on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "046");
  Article b = Analyse("The two sides discussed the border on Monday.");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].cameo, "046");
}

TEST_F(CoderTest, ATimeInARelativeClauseDatesWhatHappensInsideIt) {
  // The meeting is part of the relative clause that names its day, not of
  // the main clause's Friday.
  Article a = Analyse("Odal Varnell, who flew to Harlow on 3 March 2017 to meet Chinese officials, resigned on Friday.");
  int dated = 0;
  for (const Event& e : a.events) {
    if (e.cameo != "040") continue;
    ASSERT_TRUE(e.date);
    EXPECT_EQ(*e.date, "2017-03-03");
    ++dated;
  }
  EXPECT_EQ(dated, 1);
}

TEST_F(CoderTest, AFormOfAddressBeforeANameIsTheNamedPerson) {
  Article a = Analyse("Japan's foreign ministry congratulated Mr Varnell on his victory.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(Target(a.events[0]), "Varnell");
}

TEST_F(CoderTest, ASiteWithinATownIsWhereNotWhom) {
  // "marched to Varnell Square": the square is the place of the protest,
  // not its target; a capital marched on is still its government.
  Article a = Analyse("Thousands of protesters marched to Varnell Square on Sunday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo.substr(0, 2), "14");
  EXPECT_EQ(Target(a.events[0]), "-");
  ASSERT_GE(a.events[0].location, 0);
  const Mention& where = a.mentions[static_cast<std::size_t>(a.events[0].location)];
  EXPECT_EQ(a.text.substr(where.begin, where.end - where.begin), "Varnell Square");
  a = Analyse("Thousands of protesters marched on Washington on Sunday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(Target(a.events[0]), "Washington");
}

TEST_F(CoderTest, AHyphenatedTitleIsReadWhole) {
  // "Secretary-General" is split by the tokenizer; its last part alone
  // would read as a military rank, and the organisation before it as a
  // second subject.
  Article a = Analyse("The UN Secretary-General welcomed the peace accord.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "051");
  EXPECT_EQ(a.events[0].source.text, "UN Secretary-General");
  EXPECT_EQ(a.events[0].source.actor_code, "IGOUNO");
  // The parse made one subject of the two (the syntax stage's repair).
  std::size_t subjects = 0;
  for (const Token& t : a.tokens) subjects += t.deprel == "nsubj";
  EXPECT_EQ(subjects, 1u);
}

TEST_F(CoderTest, APeoplesAdjectiveBeforeATitleLeavesThePersonTheActor) {
  // The parse may head the phrase with the adjective ("Lorvanian").
  Article a = Analyse("The swap was the first since Lorvanian President Odal Varnell met Japanese envoys in Tokyo.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "040");
  EXPECT_EQ(a.events[0].source.text, "Odal Varnell");
}

TEST_F(CoderTest, APastTaggedAsParticipleWithASayingConjoinedIsStillTheAct) {
  // The tagger may read "appealed" as a participle; the verbs under it
  // ("and said its inspectors would look into ...") are its own clause's, not
  // a main verb still to come, so it is no reduced passive.
  Article a = Analyse(
      "The union appealed to both sides to \"show restraint\" and said its inspectors would look into the claims.");
  bool appeal = false;
  for (const auto& e : a.events) appeal = appeal || e.cameo.starts_with("02");
  EXPECT_TRUE(appeal);
}

TEST_F(CoderTest, TheTimeOfTheDeedAnAccusationIsAboutDoesNotDateTheAccusation) {
  // Published Wednesday 17 January 2024: the accusation is of that day,
  // the shelling of the Monday before.
  Article a = Analyse("Kessar accused Morvia of bombing the port of Harlow on Monday.");
  bool accuse = false;
  for (const Event& e : a.events) {
    if (!e.cameo.starts_with("11")) continue;
    accuse = true;
    EXPECT_EQ(e.date.value_or(""), "2024-01-17");
  }
  EXPECT_TRUE(accuse);
}

TEST_F(CoderTest, AReducedPassiveNounIsNoActor) {
  // "Hostages freed in the raid described ...": the hostages were
  // freed; the parse made the participle the verb and the noun its subject.
  Article a = Analyse("Hostages freed in Monday's raid described months of hunger in Japanese captivity.");
  for (const Event& e : a.events) EXPECT_NE(e.source.text, "Hostages") << e.cameo;
  // Also when the parse hangs the participle on the noun as its clause.
  a = Analyse("Prisoners freed in Tuesday's swap described weeks of beatings in Japanese detention.");
  for (const Event& e : a.events) EXPECT_NE(e.source.text, "Prisoners") << e.cameo;
  // A verb of the same form with its subject acts.
  a = Analyse("Rebels freed 20 hostages in Cameroon on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source.text, "Rebels");
}

TEST_F(CoderTest, APassiveParticipleOrADecisionsInfinitiveIsNotTheMainSubjects) {
  // "an envoy accused of bribery": Britain expelled him but accused no one.
  Article a = Analyse("Last year, Britain expelled a Russian trade envoy accused of bribery.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "161");
  EXPECT_EQ(Target(a.events[0]), "Russian trade envoy");
  // "respond to the decision to expel": whoever decided expels.
  a = Analyse("China will respond to the decision to expel Chinese diplomats.");
  for (const Event& e : a.events) EXPECT_NE(e.source.text, "China") << e.cameo;
  a = Analyse("China will respond to Japan's decision to expel Chinese diplomats.");
  bool expel = false;
  for (const Event& e : a.events) {
    if (e.cameo != "161") continue;
    expel = true;
    EXPECT_EQ(e.source.text, "Japan");
  }
  EXPECT_TRUE(expel);
}

TEST_F(CoderTest, AFineIsAnAdministrativeSanction) {
  // "fined" as a past tense lemmatises to "fine" (not "fin"); a regulator
  // is a government actor and a lender a business.
  Article a = Analyse("The Japanese regulator fined a Chinese lender on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "172");
  EXPECT_EQ(a.events[0].source.actor_code, "JPNGOV");
  ASSERT_TRUE(a.events[0].target.has_value());
  EXPECT_EQ(a.events[0].target->actor_code, "CHNBUS");
  a = Analyse("Japan's regulator imposed a fine on a Chinese lender on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "172");
}

TEST_F(CoderTest, TheTimeOfSayingIsNoDateInTheTextsOwnWords) {
  // Published on Wednesday 17 January 2024.
  // The day it was said bounds the event; it is marked as such.
  Article a = Analyse("Japan said on Tuesday it had expelled three Chinese diplomats.");
  ASSERT_EQ(a.events.size(), 1u);
  ASSERT_TRUE(a.events[0].date);
  EXPECT_EQ(*a.events[0].date, "2024-01-16");
  EXPECT_EQ(a.events[0].date_from, "said");
  // The event's own time still dates it, whoever reports it.
  a = Analyse("Japan expelled three Chinese diplomats on Tuesday, officials said.");
  ASSERT_EQ(a.events.size(), 1u);
  ASSERT_TRUE(a.events[0].date);
  EXPECT_EQ(*a.events[0].date, "2024-01-16");
  EXPECT_EQ(a.events[0].date_from, "text");
}

TEST_F(CoderTest, AReportingClauseAfterTheReportDatesTheSayingNotTheAct) {
  // Published on Wednesday 17 January 2024. "on Tuesday" is when the
  // ministry spoke: the detention came on or before it.
  Article a = Analyse("Lorvani police detained 12 protesters near the parliament, the Kessar ministry said on Tuesday.");
  ASSERT_EQ(a.events.size(), 1u);
  ASSERT_TRUE(a.events[0].date);
  EXPECT_EQ(*a.events[0].date, "2024-01-16");
  EXPECT_EQ(a.events[0].date_from, "said");
  // A time of the act's own still dates it.
  a = Analyse("Lorvani police detained 12 protesters on Monday, the Kessar ministry said on Tuesday.");
  ASSERT_EQ(a.events.size(), 1u);
  ASSERT_TRUE(a.events[0].date);
  EXPECT_EQ(*a.events[0].date, "2024-01-15");
  EXPECT_EQ(a.events[0].date_from, "text");
}

TEST_F(CoderTest, TheNounAfterASubordinatorReadAsAPrepositionIsTheSubject) {
  // "after" parsed as a preposition of "Movement", "withdrew" left
  // without a subject on the main clause: the movement withdrew its
  // ministers, not the coalition.
  Article a = Analyse(
      "Lorvani's governing coalition fell apart on Monday after the Kessar Unity Movement (KUM) withdrew its five "
      "ministers from the cabinet.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "160");
  EXPECT_NE(a.events[0].source.text.find("Kessar Unity Movement"), std::string::npos) << a.events[0].source.text;
  // A real prepositional phrase leaves the main clause's subject acting.
  a = Analyse("Lorvani expelled two Kessarian diplomats after the talks.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source.text, "Lorvani");
}

TEST_F(CoderTest, SigningADecreeOrABillIsNoAgreement) {
  // A head of state's decree or a bill signed into law binds no other
  // party; an agreement signed with one is still 057.
  EXPECT_TRUE(Analyse("President Odalys Kessar signed a decree dissolving the Lorvani parliament.").events.empty());
  EXPECT_TRUE(Analyse("The Lorvani president said he would sign a decree setting the election date.").events.empty());
  EXPECT_TRUE(Analyse("The Lorvani president signed the bill into law on Monday.").events.empty());
  Article a = Analyse("Lorvani and Dravenia signed an agreement on trade.");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].cameo, "057");
}

TEST_F(CoderTest, APartyWithdrawingFromAGovernmentIsNoMilitaryRetreat) {
  // Ministers or support taken out of a government, or a party leaving a
  // coalition, reduce relations; troops withdrawn are still a retreat.
  Article a = Analyse("The Kessar Movement withdrew its five ministers from the Lorvani cabinet on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "160");
  a = Analyse("The Odalys Party pulled out of the coalition on Tuesday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "160");
  a = Analyse("Dravenia withdrew its ambassador from Lorvani on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "161");
  a = Analyse("Dravenia withdrew its troops from the border on Monday.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "0874");
}

}  // namespace sitrep::events
