// The quotes stage: quotation marks, cues, kinds and speakers, on short
// texts written for these tests and run through the real text, syntax and
// entities stages with the committed models.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.h"
#include "entities/entities.h"
#include "quotes/cues.h"
#include "quotes/quotes.h"
#include "syntax/syntax.h"
#include "text/text.h"
#include "time/time.h"

namespace sitrep::quotes {
namespace {

std::vector<std::string> Parts(std::string_view text) {
  std::vector<std::string> out;
  for (const MarkedQuote& q : ScanQuoteMarks(text)) {
    std::string s;
    for (const ByteSpan& p : q.parts) {
      if (!s.empty()) s += " | ";
      s += std::string(text.substr(p.begin, p.size()));
    }
    out.push_back(s);
  }
  return out;
}

TEST(ScanQuoteMarks, EveryCommonStyle) {
  EXPECT_EQ(Parts("He said “we will stay” and left."), std::vector<std::string>{"we will stay"});
  EXPECT_EQ(Parts("He said \"we will stay\" and left."), std::vector<std::string>{"we will stay"});
  EXPECT_EQ(Parts("Il a dit « nous restons » hier."), std::vector<std::string>{" nous restons "});
  EXPECT_EQ(Parts("Er sagte: „Wir bleiben“ und ging."), std::vector<std::string>{"Wir bleiben"});
  EXPECT_EQ(Parts("‘We will stay,’ she said."), std::vector<std::string>{"We will stay,"});
  EXPECT_EQ(Parts("''It's a silly thing to say,'' she said."), std::vector<std::string>{"It's a silly thing to say,"});
  EXPECT_EQ(Parts("“It’s unusual,“ he said."), std::vector<std::string>{"It’s unusual,"});
}

TEST(ScanQuoteMarks, AStraightMarkWhereAClosingOneStandsClosesATypographicQuote) {
  EXPECT_EQ(Parts("“The ferry is late again.\"\nThe port stayed shut."),
            std::vector<std::string>{"The ferry is late again."});
  EXPECT_EQ(Parts("“It will hold,\" she said. “We checked.”"),
            (std::vector<std::string>{"It will hold,", "We checked."}));
  // A straight quote inside a typographic one still nests.
  EXPECT_EQ(Parts("“They said \"never\" twice,” he said."), std::vector<std::string>{"They said \"never\" twice,"});
}

TEST(ScanQuoteMarks, ApostrophesAreNotQuotes) {
  EXPECT_TRUE(Parts("The ministers’ meeting didn’t end; O’Neill left.").empty());
  EXPECT_EQ(Parts("‘We don’t bargain over the states’ borders,’ she said."),
            std::vector<std::string>{"We don’t bargain over the states’ borders,"});
}

TEST(ScanQuoteMarks, NestedQuotesStayInsideTheOuterOne) {
  EXPECT_EQ(Parts("“They called it ‘a truce’ yesterday,” he said."),
            std::vector<std::string>{"They called it ‘a truce’ yesterday,"});
}

TEST(ScanQuoteMarks, AQuoteRunsOverParagraphsThatReopenIt) {
  EXPECT_EQ(Parts("“First paragraph.\n\n“Second paragraph.”\nAfter."),
            std::vector<std::string>{"First paragraph. | Second paragraph."});
}

TEST(ScanQuoteMarks, AnUnclosedMarkIsDroppedNotGuessed) {
  EXPECT_TRUE(Parts("He said “we will stay.\nThe next paragraph has no mark.").empty());
  // The next paragraph's own quote is still found.
  EXPECT_EQ(Parts("A stray “mark.\nShe said “yes” then.").size(), 1u);
}

TEST(ScanQuoteMarks, DeepNestingStaysLinearAndSafe) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "“‘";
  EXPECT_TRUE(Parts(deep).empty());
}

// Runs text, syntax, entities, time and quotes on text (paragraphs on
// lines), in the order analyze runs them.
class QuotesOnText : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    text_ = new text::TextStage();
    syntax_ = new syntax::SyntaxStage();
    entities_ = new entities::EntitiesStage();
    time_ = new TimeStage();
  }
  static void TearDownTestSuite() {
    delete text_;
    delete syntax_;
    delete entities_;
    delete time_;
  }
  // Every stage the quotes read, run on body.
  static Article Prepared(const std::string& body) {
    Article a;
    a.text = body;
    text_->Process(a, nullptr);
    auto ss = syntax_->NewScratch();
    syntax_->Process(a, ss.get());
    auto es = entities_->NewScratch();
    time_->Process(a, nullptr);
    entities_->Process(a, es.get());
    return a;
  }
  static Article Analyse(const std::string& body) {
    Article a = Prepared(body);
    FindQuotes(a, DefaultCueLexicon());
    return a;
  }
  // As Analyse, but with the parse of one-sentence text replaced before
  // the quotes are found: (head, deprel) per token, head 1-based as in
  // CoNLL-U, 0 for the root. Pins a parse the model gives only to some
  // wordings.
  static Article AnalyseWithParse(const std::string& body, const std::vector<std::pair<int, std::string>>& parse) {
    Article a = Prepared(body);
    EXPECT_EQ(a.sentences.size(), 1u);
    EXPECT_EQ(a.tokens.size(), parse.size());
    for (std::size_t i = 0; i < a.tokens.size() && i < parse.size(); ++i) {
      a.tokens[i].head = parse[i].first - 1;
      a.tokens[i].deprel = parse[i].second;
    }
    FindQuotes(a, DefaultCueLexicon());
    return a;
  }
  static std::string Words(const Article& a, const Quote& q) {
    std::string s;
    for (const ByteSpan& p : q.parts) {
      if (!s.empty()) s += " | ";
      s += std::string(a.Text(p));
    }
    return s;
  }
  static std::string Speaker(const Quote& q) {
    return !q.speaker_name.empty() ? q.speaker_name : q.speaker_description;
  }
  static text::TextStage* text_;
  static syntax::SyntaxStage* syntax_;
  static entities::EntitiesStage* entities_;
  static TimeStage* time_;
};
text::TextStage* QuotesOnText::text_ = nullptr;
syntax::SyntaxStage* QuotesOnText::syntax_ = nullptr;
entities::EntitiesStage* QuotesOnText::entities_ = nullptr;
TimeStage* QuotesOnText::time_ = nullptr;

TEST_F(QuotesOnText, APrepositionAfterAVerbIsNoParticleOfACue) {
  // "on" belongs to "Sunday": the bus did not go on to say anything.
  Article a = Analyse("The bus went down early on Sunday near Harlow, after leaving the depot late on Saturday.");
  EXPECT_TRUE(a.quotes.empty()) << (a.quotes.empty() ? "" : a.quotes[0].cue_text);
}

TEST_F(QuotesOnText, DirectQuoteWithItsSpeakerAndCue) {
  Article a = Analyse("“We will not leave the table,” said Foreign Minister Anna Lindqvist on Monday.");
  ASSERT_EQ(a.quotes.size(), 1u);
  const Quote& q = a.quotes[0];
  EXPECT_EQ(q.kind, "direct");
  // The comma before the cue belongs to the reporter's sentence.
  EXPECT_EQ(Words(a, q), "We will not leave the table");
  EXPECT_EQ(q.cue_text, "said");
  EXPECT_NE(Speaker(q).find("Lindqvist"), std::string::npos);
  EXPECT_GE(q.speaker_local, 0);
}

// "the minister" points back to a minister named before it, never ahead to
// one the article names only later; "minister of foreign affairs" is a
// minister (invented names).
TEST_F(QuotesOnText, ARoleDescriptionPointsBackNotAhead) {
  Article a = Analyse(
      "The navy sent a second warship on Monday. \"We will protect every convoy,\" insisted the minister in "
      "parliament. The minister, Lina Varnell, said later that the patrols would continue.");
  ASSERT_FALSE(a.quotes.empty());
  EXPECT_NE(Speaker(a.quotes[0]), "Lina Varnell");
  Article b = Analyse(
      "The Minister of Foreign Affairs, Omar Lenhali, arrived in Kessar on Monday. \"We came to listen,\" "
      "the minister said.");
  bool found = false;
  for (const Quote& q : b.quotes) {
    if (Words(b, q).find("listen") == std::string::npos) continue;
    found = true;
    EXPECT_EQ(Speaker(q), "Omar Lenhali");
  }
  EXPECT_TRUE(found);
}

// "X agreed to a truce ..., diplomats said": the closing attribution is the
// diplomats' quote of the whole, never what "agreed" reports (invented
// names).
TEST_F(QuotesOnText, TheSentencesOwnAttributionIsNoOtherCuesContent) {
  Article a = Analyse(
      "Tessary freed four fishermen on Monday and agreed to a truce with Morvia next month, diplomats said on "
      "Tuesday.");
  for (const Quote& q : a.quotes) {
    EXPECT_EQ(Words(a, q).find("diplomats said"), std::string::npos) << q.cue_text << ": " << Words(a, q);
  }
}

// A person named between commas right before the cue holds the title
// before the name and speaks, however the parse hangs the name (on the
// title's "of" phrase) or reads the title (as adjectives after "Its")
// (invented names).
TEST_F(QuotesOnText, ANameBetweenCommasBeforeTheCueIsTheSource) {
  Article a = Analyse(
      "The Tessarian Minister of the Interior, Oskar Varnell, announced new checkpoints.");
  ASSERT_FALSE(a.quotes.empty());
  EXPECT_EQ(Speaker(a.quotes[0]), "Oskar Varnell");
  Article b = Analyse(
      "Varnell Mining said output fell. Its new executive, Mira Lenhall, said it was \"a hard quarter\".");
  bool found = false;
  for (const Quote& q : b.quotes) {
    if (Words(b, q).find("hard quarter") == std::string::npos) continue;
    found = true;
    EXPECT_EQ(Speaker(q), "Mira Lenhall");
  }
  EXPECT_TRUE(found);
  // The head is the person: the name after it is not the source.
  Article c = Analyse("Ana Kessar, a lawyer for the family of Tom Odalys, said the ruling would be appealed.");
  ASSERT_FALSE(c.quotes.empty());
  EXPECT_EQ(Speaker(c.quotes[0]), "Ana Kessar");
}

// When the parser gives the cue two subjects, the one next to the verb
// speaks: the organisation before a person's title is not the speaker, nor
// is a time phrase before the real subject (invented names).
TEST_F(QuotesOnText, OfTwoSubjectsTheOneNextToTheVerbSpeaks) {
  Article a = Analyse("“Those responsible must be held to account,” UN human rights chief Irena Solberg said in Geneva.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_NE(Speaker(a.quotes[0]).find("Solberg"), std::string::npos) << Speaker(a.quotes[0]);
  Article b = Analyse(
      "At least 21 people were killed when a drone struck the market in Tessit, on Sunday, residents said on "
      "Tuesday, raising an earlier toll.");
  bool found = false;
  for (const Quote& q : b.quotes) {
    if (q.cue_text != "said") continue;
    found = true;
    EXPECT_EQ(Speaker(q), "residents");
  }
  EXPECT_TRUE(found);
}

// "X on Thursday accused ...", parsed with "on" a clause marker and the
// day a second subject: the day never speaks (invented names).
TEST_F(QuotesOnText, ADayLedByAPrepositionIsNoSubject) {
  const std::string text =
      "The Quarry Workers Guild (QWG) on Thursday accused the mining board of delaying the inspections.";
  Article a = AnalyseWithParse(text, {{3, "det"}, {3, "compound"}, {4, "compound"}, {10, "nsubj"}, {6, "punct"},
                                      {4, "appos"}, {6, "punct"}, {10, "mark"}, {10, "nsubj"}, {0, "root"},
                                      {13, "det"}, {13, "compound"}, {10, "obj"}, {15, "mark"}, {13, "acl"},
                                      {17, "det"}, {15, "obj"}, {10, "punct"}});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "accused");
  // The organisation, by its name or the acronym it is given.
  const std::string who = Speaker(a.quotes[0]);
  EXPECT_TRUE(who.find("Guild") != std::string::npos || who == "QWG") << who;
  Article b = Analyse(text);
  for (const Quote& q : b.quotes) EXPECT_EQ(Speaker(q).find("Thursday"), std::string::npos) << Speaker(q);
}

// "..., announced the minister X.": the cue parsed as a second predicate
// of the clause it reports, the speaker as its object (invented names).
TEST_F(QuotesOnText, AnInvertedCueAfterTheClauseCreditsThePersonAfterIt) {
  const std::string text = "The board will close two mines, announced the minister Ines Varga.";
  Article a = AnalyseWithParse(text, {{2, "det"}, {4, "nsubj"}, {4, "aux"}, {0, "root"}, {6, "nummod"}, {4, "obj"},
                                      {8, "punct"}, {4, "conj"}, {10, "det"}, {8, "obj"}, {12, "compound"},
                                      {10, "appos"}, {4, "punct"}});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "announced");
  EXPECT_EQ(Words(a, a.quotes[0]), "The board will close two mines");
  EXPECT_NE(Speaker(a.quotes[0]).find("Varga"), std::string::npos) << Speaker(a.quotes[0]);
  // The same read as parataxis.
  Article c = AnalyseWithParse(text, {{2, "det"}, {4, "nsubj"}, {4, "aux"}, {0, "root"}, {6, "nummod"}, {4, "obj"},
                                      {8, "punct"}, {4, "parataxis"}, {10, "det"}, {8, "obj"}, {12, "compound"},
                                      {10, "appos"}, {4, "punct"}});
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(Words(c, c.quotes[0]), "The board will close two mines");
  EXPECT_NE(Speaker(c.quotes[0]).find("Varga"), std::string::npos) << Speaker(c.quotes[0]);
  // What a verb of saying announces that is no person stays its object.
  Article b = Analyse("The board will close two mines, announced the closures.");
  for (const Quote& q : b.quotes) EXPECT_EQ(Speaker(q).find("closures"), std::string::npos) << Speaker(q);
}

// A person named after a preposition is what the source noun is of or for,
// not its name: the noun speaks (invented names).
TEST_F(QuotesOnText, ANameAfterAPrepositionIsNotTheSourceNounsName) {
  Article a = Analyse("The wife of Tomas Vell said he had been detained.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_NE(Speaker(a.quotes[0]), "Tomas Vell");
  EXPECT_NE(Speaker(a.quotes[0]).find("wife"), std::string::npos) << Speaker(a.quotes[0]);
  // A name set beside the noun after such a phrase still is.
  Article b = Analyse("A lawyer for Tomas Vell, Ines Varga, said the appeal would be filed.");
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_NE(Speaker(b.quotes[0]).find("Varga"), std::string::npos) << Speaker(b.quotes[0]);
  // And one right beside it, as before.
  Article c = Analyse("Chief mediator Ines Varga said the talks would resume.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_NE(Speaker(c.quotes[0]).find("Varga"), std::string::npos) << Speaker(c.quotes[0]);
}

TEST_F(QuotesOnText, SplitQuoteIsOneQuoteWithTwoParts) {
  Article a = Analyse("“A ceasefire is a promise,” the mediator, Jonas Berglund, said, “and promises are kept in the villages.”");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].parts.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "A ceasefire is a promise | and promises are kept in the villages.");
  EXPECT_NE(Speaker(a.quotes[0]).find("Berglund"), std::string::npos);
}

TEST_F(QuotesOnText, MixedQuoteCreditsTheWholeClause) {
  Article a = Analyse("General Piet Obradov said the army would “hold its positions and hold its fire” until Friday.");
  ASSERT_EQ(a.quotes.size(), 1u);
  const Quote& q = a.quotes[0];
  EXPECT_EQ(q.kind, "mixed");
  EXPECT_EQ(Words(a, q), "hold its positions and hold its fire");
  // The content runs from after the cue to the end of the reported clause.
  EXPECT_EQ(a.Text(q.content), "the army would “hold its positions and hold its fire” until Friday");
  EXPECT_NE(Speaker(q).find("Obradov"), std::string::npos);
}

TEST_F(QuotesOnText, ReportedSpeechAndAccordingTo) {
  Article a = Analyse(
      "The interior ministry said the border crossings would reopen on Thursday.\n"
      "About 4,000 people were detained, according to rights groups.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].kind, "indirect");
  EXPECT_EQ(Words(a, a.quotes[0]), "the border crossings would reopen on Thursday");
  EXPECT_EQ(Speaker(a.quotes[0]), "The interior ministry");
  EXPECT_EQ(a.quotes[1].cue_text, "according to");
  EXPECT_EQ(Words(a, a.quotes[1]), "About 4,000 people were detained");
  EXPECT_EQ(Speaker(a.quotes[1]), "rights groups");
}

TEST_F(QuotesOnText, ReportedClauseBeforeItsCue) {
  // The clause comes first and the cue closes the sentence, in either
  // order of subject and verb; the cue's own words are not content.
  Article a = Analyse(
      "Tariffs will not bring the factory jobs back, the economist said.\n"
      "The talks had stalled over fishing rights, said Anders Berg, a negotiator for the fleet.\n"
      "The port will close for repairs, officials said on Monday.");
  ASSERT_EQ(a.quotes.size(), 3u);
  EXPECT_EQ(a.quotes[0].kind, "indirect");
  EXPECT_EQ(Words(a, a.quotes[0]), "Tariffs will not bring the factory jobs back");
  EXPECT_EQ(Speaker(a.quotes[0]), "the economist");
  EXPECT_EQ(Words(a, a.quotes[1]), "The talks had stalled over fishing rights");
  EXPECT_EQ(Speaker(a.quotes[1]), "Anders Berg");
  EXPECT_EQ(Words(a, a.quotes[2]), "The port will close for repairs");
  EXPECT_EQ(Speaker(a.quotes[2]), "officials");
}

TEST_F(QuotesOnText, AClauseOfTimeAfterTheCueIsTheReporters) {
  // "as rescuers dug ..." tells when the agency spoke, not what it said,
  // however long it runs and whatever the parse hangs it on.
  Article a = Analyse(
      "The number of people killed in the flood in Lenhall has risen to more than 200, the country's relief agency "
      "said on Tuesday, as rescuers using their bare hands and borrowed shovels dug through the ruins of homes in "
      "Kessar and neighbouring towns.\n"
      "The death toll in Odalys has risen to 52, officials said on Monday, as rescuers searched the rubble.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "The number of people killed in the flood in Lenhall has risen to more than 200");
  EXPECT_EQ(Speaker(a.quotes[0]), "the country's relief agency");
  EXPECT_EQ(Words(a, a.quotes[1]), "The death toll in Odalys has risen to 52");
  EXPECT_EQ(Speaker(a.quotes[1]), "officials");
}

TEST_F(QuotesOnText, ACueJoinedByAConjunctionDoesNotTakeTheClauseBefore) {
  // The governor's estimate stands beside the agency's words: the agency
  // did not say it, and the governor did not say the agency's clause.
  Article a = Analyse(
      "The Lenhall relief agency said on Friday that the death toll had climbed to 287, while the regional "
      "governor put it at nearly 300.\n"
      "The bridge in Kessar will reopen in May, but the minister said the road would stay closed.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the death toll had climbed to 287");
  EXPECT_EQ(Speaker(a.quotes[0]), "The Lenhall relief agency");
  EXPECT_EQ(Words(a, a.quotes[1]), "the road would stay closed");
  EXPECT_EQ(Speaker(a.quotes[1]), "the minister");
}

TEST_F(QuotesOnText, ReportedClauseKeepsItsOwnSpeechAndTrailingModifier) {
  // A verb of saying inside the reported clause ("the crew complained")
  // is part of what the source said, and a modifier the parser hangs on
  // the cue ("some of it threatening") still ends the content.
  Article a = Analyse(
      "The harbour master pointed out that the ferry had left late after the crew complained about the weather.\n"
      "The senator said he had been flooded with angry email, some of it threatening.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the ferry had left late after the crew complained about the weather");
  EXPECT_EQ(Words(a, a.quotes[1]), "he had been flooded with angry email, some of it threatening");
}

TEST_F(QuotesOnText, ACueSetBetweenCommasReportsTheClauseAroundIt) {
  // "It was, he said, ...": the reported clause runs on both sides of the
  // cue, and the speaker is the cue's subject.
  Article a = Analyse(
      "Marta Kovacs chaired the talks.\n"
      "The agreement was, she said, the hardest part of her year in office.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].kind, "indirect");
  EXPECT_EQ(a.quotes[0].cue_text, "said");
  ASSERT_EQ(a.quotes[0].parts.size(), 2u);
  EXPECT_EQ(a.Text(a.quotes[0].parts[0]), "The agreement was");
  EXPECT_EQ(a.Text(a.quotes[0].parts[1]), "the hardest part of her year in office");
}

TEST_F(QuotesOnText, ACommentSetOffAfterTheReportedClauseIsNotPartOfIt) {
  // A relative clause set off by a comma after a common noun, and a
  // modifier of the cue set off by a comma, are the reporter's words.
  Article a = Analyse(
      "The senator said he supports the final bill, which includes new rules for the ports.\n"
      "Officials announced tighter controls on the border, with the interior minister criticising his rivals.");
  ASSERT_GE(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "he supports the final bill");
  EXPECT_EQ(a.quotes[1].cue_text, "announced");
  EXPECT_EQ(Words(a, a.quotes[1]), "tighter controls on the border");
}

TEST_F(QuotesOnText, HeAfterAPassiveAgentIsThatAgent) {
  // The person introduced after the previous quote as the agent of a
  // passive ("was led by ... X") is the doer "he" then refers to, not the
  // previous quote's speaker.
  Article a = Analyse(
      "“We cannot accept this plan,” said Ilse Brandauer, Austria's water minister.\n"
      "Chad's delegation was led by its deputy foreign minister, Rafik Oumar. He rejected the criticism. "
      "“Our engineers have shown the dam releases enough water,” he told reporters.\n"
      "“It is a bluff,” the deputy foreign minister said on Wednesday.");
  ASSERT_EQ(a.quotes.size(), 3u);
  EXPECT_EQ(Speaker(a.quotes[0]), "Ilse Brandauer");
  EXPECT_EQ(Speaker(a.quotes[1]), "Rafik Oumar");
  EXPECT_EQ(a.quotes[1].speaker_from, "pronoun");
  EXPECT_EQ(Speaker(a.quotes[2]), "Rafik Oumar");  // the role the article gave him
}

TEST_F(QuotesOnText, ADeterminerAloneDescribesNoSpeaker) {
  Article a = Analyse(
      "The ferry talks in Lenhall ended on Monday without a new date. This implies that the deal is dead, and the "
      "port will stay closed until spring.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker_description, "");
  EXPECT_EQ(a.quotes[0].speaker_local, -1);
  EXPECT_EQ(a.quotes[0].speaker_span.begin, a.quotes[0].speaker_span.end);
}

TEST_F(QuotesOnText, HeAfterAnUnnamedSourceIsThatSource) {
  // A named man earlier in the article is not who "he" is when an unnamed
  // person spoke in the sentence just before and no name came between.
  Article a = Analyse(
      "Interior Minister Tobias Lenhall of Dravenia said the border would reopen in spring.\n"
      "Few in Kessar expect that. An official from a neighbouring country said that two plans had collapsed before. "
      "\"Nobody believes the timetable,\" he said.");
  ASSERT_EQ(a.quotes.size(), 3u);
  EXPECT_EQ(a.quotes[1].speaker_description, "An official from a neighbouring country");
  EXPECT_EQ(a.quotes[2].speaker_local, -1) << Speaker(a.quotes[2]);
  EXPECT_EQ(a.quotes[2].speaker_description, "An official from a neighbouring country");
  EXPECT_EQ(a.quotes[2].speaker_from, "pronoun");
}

TEST_F(QuotesOnText, HeAfterTheDiplomatWhoWasIntroducedUnnamedIsThatDiplomat) {
  Article a = Analyse(
      "Interior Minister Tobias Lenhall of Dravenia said the border would reopen in spring.\n"
      "One Lorvani envoy said the budget talks had stalled twice. \"We argued about a single number,\" the envoy "
      "said. \"Then the lights went out,\" he said.");
  ASSERT_EQ(a.quotes.size(), 4u);
  EXPECT_EQ(a.quotes[2].speaker_description, "One Lorvani envoy");
  EXPECT_EQ(a.quotes[3].speaker_local, -1) << Speaker(a.quotes[3]);
  EXPECT_EQ(a.quotes[3].speaker_description, "One Lorvani envoy");
}

TEST_F(QuotesOnText, HeAfterAnUnnamedSourceAndThenANameIsTheName) {
  // A name between the unnamed source and the pronoun is who "he" is.
  Article a = Analyse(
      "An official from a neighbouring country said that two plans had collapsed before. "
      "Interior Minister Tobias Lenhall disagreed. \"This one is funded,\" he said.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_NE(Speaker(a.quotes[1]).find("Lenhall"), std::string::npos) << Speaker(a.quotes[1]);
}

TEST_F(QuotesOnText, SheAfterReportedContentIsNotAPersonNamedInIt) {
  // The people the reported content names are not who "she" is: the one
  // who spoke just before, unnamed, is. Run twice: with the content's
  // people named first ("Tobias Lenhall and ...") and last.
  for (const char* content : {"Tobias Lenhall of Germany and Odalys Kessar of France will meet on Monday",
                              "The two ministers, Tobias Lenhall of Germany and Odalys Kessar of France, will meet"}) {
    Article a = Analyse(std::string("Germany and France will hold talks in Geneva, the commission's chief said. ") +
                        content + ", she said.");
    ASSERT_EQ(a.quotes.size(), 2u) << content;
    EXPECT_EQ(a.quotes[0].speaker_description, "the commission's chief");
    EXPECT_EQ(a.quotes[1].speaker_local, -1) << Speaker(a.quotes[1]);
    EXPECT_EQ(a.quotes[1].speaker_description, "the commission's chief") << content;
    EXPECT_EQ(a.quotes[1].speaker_from, "pronoun");
  }
  // A person named outside the content, as the sentence's subject before
  // it, still is.
  Article b = Analyse(
      "Odalys Kessar arrived in Paris on Sunday. Tobias Lenhall will attend the meeting, she said.");
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_NE(Speaker(b.quotes[0]).find("Kessar"), std::string::npos) << Speaker(b.quotes[0]);
}

TEST_F(QuotesOnText, QuotedAsSayingIsTheWordsOfThePassiveSubject) {
  // The medium that quoted X only carried the words; the parse may hang
  // the gerund on the reported verb ("as saying talks would resume").
  for (const char* text : {"Tobias Lenhall was quoted by Lorvani media as saying the border would reopen.",
                           "The minister was quoted by Lorvani media as saying talks would resume.",
                           "Tobias Lenhall was quoted as saying the border would reopen."}) {
    Article a = Analyse(text);
    ASSERT_EQ(a.quotes.size(), 1u) << text;
    const std::string who = Speaker(a.quotes[0]);
    EXPECT_TRUE(who.find("Lenhall") != std::string::npos || who.find("minister") != std::string::npos)
        << text << " -> " << who;
    EXPECT_EQ(who.find("media"), std::string::npos) << text;
  }
}

TEST_F(QuotesOnText, AskedOpeningTheSentenceIsNoQuestionOfTheAnswerer) {
  // "Asked" at the start is the participle even when tagged as a past
  // tense: the one who answers did not ask.
  Article a = Analyse("Asked whether he would resign, Tobias Lenhall said: \"Never.\"");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].speaker_local, -1) << Speaker(a.quotes[0]);
  EXPECT_EQ(a.quotes[0].speaker_description, "");
  EXPECT_NE(Speaker(a.quotes[1]).find("Lenhall"), std::string::npos);
}

TEST_F(QuotesOnText, AnUnnamedSourceKeepsThePhraseThatSaysWhichOfThem) {
  // A participle or adjective phrase right after the noun is part of the
  // description ("diplomats briefed on the talks", "officials familiar
  // with the matter"); a relative clause is not.
  Article a = Analyse("Diplomats briefed on the talks said a deal was close.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker_description, "Diplomats briefed on the talks");
  a = Analyse("Officials familiar with the matter said the plan had been shelved.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker_description, "Officials familiar with the matter");
  a = Analyse("Two officials who asked not to be named said the plan had been shelved.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker_description, "Two officials");
}

// The same when the parse takes the adjective for the predicate and the
// noun of its phrase for the cue's subject; and a singular noun with "a"
// before a plural source ("a move officials say") is not part of it.
TEST_F(QuotesOnText, AnUnnamedSourcesAdjectivePhraseStaysWhateverTheParse) {
  Article a = AnalyseWithParse("A person familiar with the talks said the Varnell side had refused to sign.",
                               {{2, "det"}, {3, "nsubj"}, {0, "root"}, {6, "case"}, {6, "det"}, {7, "nsubj"},
                                {3, "advcl"}, {10, "det"}, {10, "compound"}, {12, "nsubj"}, {12, "aux"},
                                {7, "ccomp"}, {14, "mark"}, {12, "xcomp"}, {3, "punct"}});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker_description, "A person familiar with the talks");
  a = AnalyseWithParse("Lenhall would raise the levy, a move officials say could pass without a vote.",
                       {{3, "nsubj"}, {3, "aux"}, {0, "root"}, {5, "det"}, {3, "obj"}, {10, "punct"}, {9, "det"},
                        {9, "compound"}, {10, "nsubj"}, {3, "parataxis"}, {12, "aux"}, {10, "ccomp"}, {15, "case"},
                        {15, "det"}, {12, "obl"}, {3, "punct"}});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker_description, "officials");
}

// "The council proposed a levy on imports, Kessar said." with "proposed"
// tagged a participle: with its own subject and no auxiliary it is the
// past tense, and the clause before the comma is what Kessar said.
TEST_F(QuotesOnText, AParticipleWithItsOwnSubjectIsAFiniteReportedClause) {
  Article a = Prepared("The council proposed a levy on imports, Lenhall said.");
  ASSERT_EQ(a.tokens.size(), 11u);
  const std::vector<std::pair<int, std::string>> parse = {{2, "det"},   {3, "nsubj"}, {10, "ccomp"}, {5, "det"},
                                                          {3, "obj"},   {7, "case"},  {5, "nmod"},   {3, "punct"},
                                                          {10, "nsubj"}, {0, "root"}, {10, "punct"}};
  for (std::size_t i = 0; i < parse.size(); ++i) {
    a.tokens[i].head = parse[i].first - 1;
    a.tokens[i].deprel = parse[i].second;
  }
  a.tokens[2].xpos = "VBN";
  FindQuotes(a, DefaultCueLexicon());
  bool said = false;
  for (const Quote& q : a.quotes) {
    if (q.cue_text != "said") continue;
    said = true;
    EXPECT_EQ(Words(a, q), "The council proposed a levy on imports");
  }
  EXPECT_TRUE(said);
}

TEST_F(QuotesOnText, ARoleTwoPeopleHoldIsTheOneNamedLast) {
  // Both sides sent an interior minister; "the minister" right after one
  // of them spoke is that one.
  Article a = Analyse(
      "Dravenia's interior minister, Tobias Lenhall, and Lorvani's interior minister, Odalys Kessar, met on Monday.\n"
      "\"The bridge will open,\" Mr Lenhall said.\n"
      "The minister said that his officers would leave the checkpoint by Friday.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_NE(Speaker(a.quotes[1]).find("Lenhall"), std::string::npos) << Speaker(a.quotes[1]);
  EXPECT_EQ(a.quotes[1].speaker_from, "role");
}

TEST_F(QuotesOnText, ACurrencySignStaysWithItsAmount) {
  Article a = Analyse("Lorvani's central bank promised $40 million in loans to farmers.");
  ASSERT_EQ(a.quotes.size(), 1u);
  // The sign opens the content with its amount. (Whether "in loans to
  // farmers" belongs to it follows the parse's attachment of the phrase:
  // with "promised" read as the past tense it hangs on the verb.)
  EXPECT_EQ(Words(a, a.quotes[0]).rfind("$40 million", 0), 0u) << Words(a, a.quotes[0]);
}

TEST_F(QuotesOnText, AboutBeforeANumberIsNoTopicOfSpeech) {
  // "about 2,000" is roughly 2,000; the soldiers are not what was
  // spoken about.
  Article a = Analyse(
      "Dravenia and Lorvani agreed on Thursday to exchange about 2,000 soldiers captured since the border war.");
  for (const Quote& q : a.quotes) EXPECT_NE(Words(a, q).substr(0, 5), "2,000") << Words(a, q);
}

TEST_F(QuotesOnText, TheSourceOfAccordingToFollowsThePhrase) {
  // A parse may hang the words before "according to", and the clause
  // after it, on its object; neither the time that opens the sentence nor
  // what was said is the source.
  Article a = Analyse("On Friday night, according to two aides present, the vote in Kessar nearly collapsed.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.Text(a.quotes[0].speaker_span), "two aides present");
}

TEST_F(QuotesOnText, ANameAfterAccordingToIsTheSourcesOwnOnlyWhenCommasSetItOff) {
  // After "according to the ambassador," a name that goes on into a clause
  // is what was said; one set off by commas is the ambassador's name, and
  // not part of what was said.
  Article a = Analyse("According to the ambassador, Tarvel Osmund opposed the plan.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Speaker(a.quotes[0]), "the ambassador");
  EXPECT_EQ(Words(a, a.quotes[0]), "Tarvel Osmund opposed the plan");
  Article b = Analyse("According to the spokesman, Dario Melvane, the Varosian plan failed.");
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(Speaker(b.quotes[0]), "Dario Melvane");
  EXPECT_EQ(Words(b, b.quotes[0]), "the Varosian plan failed");
}

TEST_F(QuotesOnText, ACapitalisedTitleRunningIntoANameIsThatPersons) {
  // "Deputy Minister of Finance Tomas Elbring said", the name parsed under
  // "Finance": the person speaks; a name after a preposition does not.
  Article a = Analyse("Deputy Minister of Finance Tomas Elbring said the budget was sound.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Speaker(a.quotes[0]), "Tomas Elbring");
  Article b = Analyse("The Lawyer for Ana Quessel said the case was weak.");
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(Speaker(b.quotes[0]).find("Quessel"), std::string::npos) << Speaker(b.quotes[0]);
}

TEST_F(QuotesOnText, CallingAStrikeIsNoQuoteButCallingThePlanSomethingIs) {
  // "called a strike", "called an election": what was called, no words of
  // the source; "called the plan a disgrace" and "called the charges
  // unfounded" say what the source called it.
  Article a = Analyse("The Quessel Dockers Union called a 48-hour strike after the cuts.");
  EXPECT_TRUE(a.quotes.empty()) << Words(a, a.quotes[0]);
  Article b = Analyse("The minister called the plan a disgrace. The lawyer called the charges unfounded.");
  ASSERT_EQ(b.quotes.size(), 2u);
  EXPECT_EQ(Words(b, b.quotes[0]), "the plan a disgrace");
  EXPECT_EQ(Words(b, b.quotes[1]), "the charges unfounded");
}

TEST_F(QuotesOnText, ItIsTheUnnamedSubjectRatherThanANameInPassing) {
  // The agency in the dateline is named, but "it" is the trade ministry
  // that is the sentence's subject.
  Article a = Analyse(
      "VARNO, March 10 (Lenhall Wire) - Tessary imposed sanctions on Morvia on Tuesday.\n\n"
      "The Tessarian trade ministry said the measures were a response to what it called \"unfair subsidies\" "
      "paid to Morvian steelmakers.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Speaker(a.quotes[1]), "The Tessarian trade ministry");
}

TEST_F(QuotesOnText, AComplementWithoutASubjectTakesTheNounTheParseHungOnTheCue) {
  // "around" read as a preposition leaves "had joined" without a subject.
  Article a = Analyse("Union leader Ivo Marsk said around 5,000 workers had joined.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "around 5,000 workers had joined");
}

TEST_F(QuotesOnText, APluralUnnamedSourceIsWhoTheyAre) {
  // "The foreign ministers of France and Germany" is one source (the
  // parser may make "Germany" a subject of its own), and "they" in the
  // next quote are those ministers, not the last country named.
  Article a = Analyse(
      "The foreign ministers of France and Germany welcomed the truce in a joint statement. "
      "“This is a first step,” they wrote.");
  ASSERT_FALSE(a.quotes.empty());
  const Quote& q = a.quotes.back();
  EXPECT_EQ(q.kind, "direct");
  EXPECT_EQ(q.speaker_description, "The foreign ministers of France and Germany");
  EXPECT_EQ(q.speaker_local, -1);
}

TEST_F(QuotesOnText, APossessorAfterAnInvertedCueIsNotTheSpeaker) {
  // “...,” said Whitfield's deputy, Ray Osei: the deputy speaks, not
  // Whitfield; and a name after a lower-case title is found even when the
  // recogniser left it out.
  Article a = Analyse(
      "“We have been patient,” union leader Agnes Whitfield told a rally.\n"
      "“The men are angry,” said Whitfield's deputy, Ray Osei.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Speaker(a.quotes[0]), "Agnes Whitfield");
  EXPECT_EQ(Speaker(a.quotes[1]), "Ray Osei");
}

TEST_F(QuotesOnText, AMixedQuoteBeforeItsCueCreditsTheWholeClause) {
  // The quoted fragment is in start/end; content is all the source is
  // credited with: the clause before the cue, whatever the parse.
  Article a = Analyse("The policy group is less likely to be “overrun with hardliners,” the senator said.");
  ASSERT_EQ(a.quotes.size(), 1u);
  const Quote& q = a.quotes[0];
  EXPECT_EQ(q.kind, "mixed");
  EXPECT_EQ(Words(a, q), "overrun with hardliners");
  EXPECT_EQ(a.Text(q.content), "The policy group is less likely to be “overrun with hardliners,”");
}

TEST_F(QuotesOnText, TheOneAskedIsNotTheAsker) {
  // "Asked whether ..., Reiter said": the question's source is unnamed;
  // the answer is Reiter's.
  Article a = Analyse("Asked whether the government would cap prices, spokesman Jonas Reiter said: “Nothing is decided.”");
  bool asked = false, answered = false;
  for (const Quote& q : a.quotes) {
    if (q.cue_text == "asked") {
      asked = true;
      EXPECT_EQ(Speaker(q), "");
      EXPECT_EQ(q.speaker_local, -1);
    }
    if (q.kind == "direct") {
      answered = true;
      EXPECT_EQ(Speaker(q), "Jonas Reiter");
    }
  }
  EXPECT_TRUE(asked);
  EXPECT_TRUE(answered);
}

TEST_F(QuotesOnText, SpeakersThroughAwkwardParses) {
  // A finite verb conjoined to an infinitive shares the main subject; a
  // source never includes quoted words; "who" is the person, not the talks.
  Article a = Analyse(
      "Moscow insists it has no plans to invade and accuses the alliance of turning Ukraine into a base.\n"
      "“The numbers are not what worry us most,” a senior official from a Nordic government told the paper.\n"
      "That was the verdict of one Nato ambassador on Monday's talks, who told the radio that the Russian side had "
      "offered “no sign of de-escalation”.");
  const Quote* accuses = nullptr;
  const Quote* numbers = nullptr;
  const Quote* verdict = nullptr;
  for (const Quote& q : a.quotes) {
    if (q.cue_text == "accuses") accuses = &q;
    if (a.Text(q.parts.front()).find("numbers") != std::string_view::npos) numbers = &q;
    if (a.Text(q.content).find("de-escalation") != std::string_view::npos) verdict = &q;
  }
  ASSERT_NE(accuses, nullptr);
  ASSERT_NE(numbers, nullptr);
  ASSERT_NE(verdict, nullptr);
  EXPECT_EQ(Speaker(*accuses), "Moscow");
  EXPECT_EQ(Speaker(*numbers), "a senior official from a Nordic government");
  EXPECT_EQ(Speaker(*verdict).find("one Nato ambassador"), 0u) << Speaker(*verdict);
  EXPECT_EQ(Speaker(*verdict).find("who"), std::string::npos) << Speaker(*verdict);
  // The time the parse hung on the source is not part of it.
  Article b = Analyse("International donors on Thursday pledged $340m to help the island recover.");
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(Speaker(b.quotes[0]), "International donors");
}

TEST_F(QuotesOnText, SubjectsThroughMisreadPhrases) {
  // A subject noun phrase with a long relative clause that the parse
  // takes for a complement still speaks; an apposition hung on its comma
  // is still the subject "she" refers back to.
  Article a = Analyse(
      "One observer, who spoke on condition of anonymity because he was not authorised to brief the media, said the "
      "broken seals were \"worrying but not unprecedented.\"\n"
      "“We will not certify a result we cannot defend,” commission chair Amara Diallo said.\n"
      "Halm's running mate, Ines Carvalho, struck a conciliatory note. \"We want a count, not a fight,\" she wrote "
      "on social media.");
  ASSERT_EQ(a.quotes.size(), 3u);
  EXPECT_EQ(Speaker(a.quotes[0]), "One observer");
  EXPECT_EQ(Speaker(a.quotes[1]), "Amara Diallo");
  EXPECT_EQ(Speaker(a.quotes[2]), "Ines Carvalho");
}

TEST_F(QuotesOnText, ItIsTheUnnamedBodyTheSentenceIsAbout) {
  // No organisation is named, so "it" is the sentence's own subject, kept
  // as written (without the time the parse hung on it).
  Article a = Analyse(
      "The national election commission on Tuesday postponed the final count, citing what it called "
      "“serious irregularities.”");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].kind, "mixed");
  EXPECT_EQ(a.quotes[0].speaker_description, "The national election commission");
  EXPECT_EQ(a.quotes[0].speaker_from, "pronoun");
}

TEST_F(QuotesOnText, ParticleCuesTakeTheirObject) {
  Article a = Analyse(
      "The mayor called for an inquiry into the fire.\n"
      "The union called on the government to act.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].cue_text, "called for");
  EXPECT_EQ(Words(a, a.quotes[0]), "an inquiry into the fire");
  EXPECT_EQ(a.quotes[1].cue_text, "called on");
  EXPECT_EQ(Words(a, a.quotes[1]), "the government to act");
}

// "Her counterpart, X" tells the gender of the one "her" stands for, named before, not of X.
TEST_F(QuotesOnText, APossessiveOnTheNounBesideANameIsNotItsGender) {
  Article a = Analyse(
      "\"We chose the sea as a place of work,\" Dravenian Foreign Minister Odalys Tessary told reporters in Harlen.\n\n"
      "Her Morvian counterpart, Varnell Kessar, said the accord settled nothing. "
      "\"This is a pause, not a peace treaty,\" he said.");
  ASSERT_FALSE(a.quotes.empty());
  const auto& q = a.quotes.back();
  EXPECT_EQ(q.speaker_from, "pronoun");
  ASSERT_GE(q.speaker_local, 0);
  EXPECT_EQ(a.local_entities[static_cast<std::size_t>(q.speaker_local)].name, "Varnell Kessar");
}

// "It" after an unnamed body that is the subject of the sentence before is that body, not a
// name further back, nor the source of the quote before it.
TEST_F(QuotesOnText, ItIsTheUnnamedBodyThatIsTheSubjectJustBefore) {
  Article a = Analyse(
      "The patrol ship, operated by the Lenhall Coastal Authority, was escorting a trawler when the Kessari ship "
      "cut across its bow, Lenhall's defence ministry said in a statement.\n\n"
      "Kessar's defence ministry gave a different account. It said the Lenhall vessel had \"rammed\" its ship.");
  ASSERT_FALSE(a.quotes.empty());
  const auto& q = a.quotes.back();
  EXPECT_EQ(q.speaker_from, "pronoun");
  EXPECT_LT(q.speaker_local, 0);
  EXPECT_EQ(q.speaker_description, "Kessar's defence ministry");
}

// "the ministry" after "Both ministries" is one of them, not both: a description points back
// only to a source of its own number.
TEST_F(QuotesOnText, ASingularDescriptionIsNotAnEarlierPluralSource) {
  Article a = Analyse(
      "Both ministries described the call as \"frank\". "
      "The foreign ministry said Tessary had \"demanded the release\" of the fishermen.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[1].speaker_from, "cue") << Speaker(a.quotes[1]);
  EXPECT_EQ(Speaker(a.quotes[1]).find("Both"), std::string::npos) << Speaker(a.quotes[1]);
}

// "X, asked whether ..., said: ..." : X was asked; only what X said is X's quote.
TEST_F(QuotesOnText, AQuestionPutToTheSpeakerIsNoQuoteOfTheirs) {
  Article a = Analyse("Kessar, asked whether he would speak to his Lorvani counterpart, said: \"My door is open.\"");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "said");
  EXPECT_EQ(Words(a, a.quotes[0]), "My door is open.");
}

// A verb of saying conjoined to the fragment of a mixed quote is more of what the cue's source said.
TEST_F(QuotesOnText, ACueConjoinedToAMixedQuotesFragmentHasItsSource) {
  Article a = Analyse(
      "Foreign Minister Varnell Kessar said Lorvania \"regretted the loss of life\" but insisted that the navy had "
      "acted within its own waters.");
  ASSERT_EQ(a.quotes.size(), 2u);
  for (const auto& q : a.quotes) EXPECT_EQ(Speaker(q), "Varnell Kessar") << q.cue_text;
}

// "has saluted": praise in public, as translated news writes it, like "hailed".
TEST_F(QuotesOnText, SalutedIsPraiseSaid) {
  Article a = Analyse("Mr Varnell has saluted \"the courage of the two ministers\" in Tessary.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "saluted");
  EXPECT_EQ(Words(a, a.quotes[0]), "the courage of the two ministers");
}

// A particle no cue entry takes makes another verb: "called off a strike" reports no words.
TEST_F(QuotesOnText, APhrasalVerbOfAnotherSenseIsNoCue) {
  Article a = Analyse(
      "The Varnell Fishermen's Union called off a protest planned for Monday outside the Lenhall ministry.\n"
      "The mayor called the plan \"a disgrace\" on Tuesday.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "called");
  EXPECT_EQ(Words(a, a.quotes[0]), "a disgrace");
}

TEST_F(QuotesOnText, ItReachesNoOrganisationNamedParagraphsBefore) {
  // "It" is the statement read out, not the party named five sentences
  // before; with no organisation near, the quote keeps no speaker rather
  // than a wrong one.
  Article a = Analyse(
      "The Lenhall Unity Party won the vote in March.\n\n"
      "Turnout was low in the north. Roads were closed by snow. Many polling stations opened late.\n\n"
      "Observers counted the ballots for a week.\n\n"
      "On Friday, Gen. Odalys Kessar read a statement on behalf of the president. It said:\n\n"
      "“We will honour every line of this agreement.”");
  ASSERT_FALSE(a.quotes.empty());
  const Quote& q = a.quotes.back();
  EXPECT_EQ(Words(a, q), "We will honour every line of this agreement.");
  EXPECT_EQ(Speaker(q).find("Unity Party"), std::string::npos) << Speaker(q);
}

TEST_F(QuotesOnText, AStrandedParticleHasNoContent) {
  // The relative clause's object is "$40m", before the cue: the phrase
  // after "asked for" is where, not what.
  Article a = Analyse("Donors offered far less than the $40m the Lenhall agency asked for in its spring appeal.");
  for (const auto& q : a.quotes) EXPECT_NE(q.cue_text, "asked for") << Words(a, q);
}

TEST_F(QuotesOnText, ContinueToIsNotSpeech) {
  // "continue to rise" says nothing; "he continued" after a quote does.
  Article a = Analyse("Prices continue to rise across the region.\n“We will win,” he continued.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "We will win");
  EXPECT_EQ(a.quotes[0].cue_text, "continued");
}

TEST_F(QuotesOnText, ReportedClauseFromTheSurfaceWhenTheParseMissesIt) {
  // The tagger takes "concede" and "say" for a noun or an interjection,
  // and the parser hangs "that rebuilding" on the hearer; the words still
  // read as a cue and its clause. The cue's own words ("in a statement on
  // Friday") are not content.
  Article a = Analyse(
      "The governor told the crowd that rebuilding the bridge was harder than he expected.\n"
      "Many farmers concede that the harvest will be poor this year.\n"
      "Two in five say they will not vote in the runoff.\n"
      "The ministry said in a statement on Friday the border would stay closed.");
  ASSERT_EQ(a.quotes.size(), 4u);
  EXPECT_EQ(Words(a, a.quotes[0]), "rebuilding the bridge was harder than he expected");
  EXPECT_EQ(Words(a, a.quotes[1]), "the harvest will be poor this year");
  EXPECT_EQ(Speaker(a.quotes[1]), "Many farmers");
  EXPECT_EQ(Words(a, a.quotes[2]), "they will not vote in the runoff");
  EXPECT_EQ(Words(a, a.quotes[3]), "the border would stay closed");
}

TEST_F(QuotesOnText, ASecondActOfSpeechIsItsOwnQuote) {
  Article a = Analyse("The auditor said the plan was flawed, referring to the new budget.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the plan was flawed");
  EXPECT_EQ(a.quotes[1].cue_text, "referring to");
  EXPECT_EQ(Words(a, a.quotes[1]), "the new budget");
  EXPECT_EQ(Speaker(a.quotes[1]), "The auditor");
}

TEST_F(QuotesOnText, TranscriptTurnsAfterANameAndColon) {
  // A label in capitals that takes turns names its speaker, whatever the
  // tagger makes of it; a heading in capitals used once does not.
  Article a = Analyse(
      "ANNA REYES: We will rebuild the school before winter.\n"
      "TOM LEE: The money is not there.\n"
      "ANNA REYES: Then we will find it.\n"
      "UPDATE: The road has reopened.");
  ASSERT_EQ(a.quotes.size(), 3u);
  EXPECT_EQ(Words(a, a.quotes[0]), "We will rebuild the school before winter");
  EXPECT_EQ(a.quotes[0].cue_text, ":");
  EXPECT_EQ(Speaker(a.quotes[0]), "ANNA REYES");
  EXPECT_EQ(Words(a, a.quotes[1]), "The money is not there");
  EXPECT_EQ(Speaker(a.quotes[1]), "TOM LEE");
  EXPECT_EQ(Speaker(a.quotes[2]), "ANNA REYES");
}

TEST_F(QuotesOnText, NamedTurnsAndAHeadlineLabelCreditTheirSpeaker) {
  // A name the tagger took for a plural noun still labels a speaker when
  // it takes turns; a headline that opens with a name and a colon is that
  // person's claim, quoted words inside it and all.
  Article a = Analyse(
      "Pellew: Harbour Deal Is \u2018Finished\u2019 After Vote\n"
      "The panel met on Tuesday to discuss the harbour.\n"
      "Brennan: Well, the tolls are too high for everyone.\n"
      "Okafor: The tolls pay for the new quay.\n"
      "Brennan: Nobody asked the fishermen.");
  ASSERT_GE(a.quotes.size(), 4u);
  EXPECT_EQ(a.quotes[0].cue_text, ":");
  EXPECT_EQ(Speaker(a.quotes[0]), "Pellew");
  EXPECT_EQ(a.quotes[0].kind, "mixed");
  EXPECT_EQ(Words(a, a.quotes[0]), "Finished");
  EXPECT_EQ(a.Text(a.quotes[0].content), "Harbour Deal Is \u2018Finished\u2019 After Vote");
  const Quote& last = a.quotes.back();
  EXPECT_EQ(Speaker(last), "Brennan");
  EXPECT_EQ(Words(a, last), "Nobody asked the fishermen");
}

TEST_F(QuotesOnText, ASecondThatClauseAfterButStaysInTheContent) {
  // "says A but that B": both clauses are what was said, however the
  // parser hangs the second; "said earlier this year that" leaves the
  // time of the act of speech out.
  Article a = Analyse(
      "Senator Ruth Amsel says she supports the levy but that the council's plans will not help the harbour.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "she supports the levy but that the council's plans will not help the harbour");
  Article b = Analyse("The mayor said earlier this year that she was willing to meet the fishermen.");
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(Words(b, b.quotes[0]), "she was willing to meet the fishermen");
}

TEST_F(QuotesOnText, AnObjectCueKeepsWhatCompletesItsObjectNotWhereItWasSaid) {
  Article a = Analyse("The governor praised the volunteers for their courage at a rally in Dunmore.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the volunteers for their courage");
}

TEST_F(QuotesOnText, AClauseAfterSayStandsEvenWhenItsVerbLooksLikeANoun) {
  // "burdens" and "encourages" are often tagged as plural nouns; "say"
  // reports clauses, not noun phrases, so a long run of words after it is
  // still the clause it reports.
  Article a = Analyse("Local growers say the new rule unfairly burdens small family farms in the valley.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the new rule unfairly burdens small family farms in the valley");
  EXPECT_EQ(Speaker(a.quotes[0]), "Local growers");
}

TEST_F(QuotesOnText, AQuestionEndsWhereTheAnswerersCueBegins) {
  Article a = Analyse("Asked if she trusted the new board, Amsel said she was not going to judge it yet.");
  bool answer = false;
  for (const Quote& q : a.quotes) {
    EXPECT_EQ(Words(a, q).find("Amsel said"), std::string::npos) << Words(a, q);
    if (q.cue_text == "said") {
      answer = true;
      EXPECT_EQ(Words(a, q), "she was not going to judge it yet");
    }
  }
  EXPECT_TRUE(answer);
}

TEST_F(QuotesOnText, TheReportersOwnWordsAfterTheClauseAreLeftOut) {
  // An attribution of its own and the reporter's next clause end what the
  // source said.
  // (The election office reports that Amsel said it: that attribution
  // stands as well, around hers.)
  Article a = Analyse("Amsel said the turnout rose sharply, according to early counts by the election office.");
  const Quote* said = nullptr;
  for (const Quote& q : a.quotes) said = q.cue_text == "said" ? &q : said;
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(Words(a, *said), "the turnout rose sharply");
  Article b = Analyse("Dorn said the ferry had stopped running, but he did not say when it would resume.");
  ASSERT_FALSE(b.quotes.empty());
  EXPECT_EQ(Words(b, b.quotes[0]), "the ferry had stopped running");
}

TEST_F(QuotesOnText, NestedAttributionsBothStand) {
  // The auditor reports what the mayor said; the fragment is the mayor's.
  Article a = Analyse("The auditor noted that the mayor had called the budget “a fantasy”.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].kind, "indirect");
  EXPECT_EQ(Speaker(a.quotes[0]), "The auditor");
  EXPECT_EQ(Words(a, a.quotes[0]), "the mayor had called the budget “a fantasy”");
  EXPECT_EQ(a.quotes[1].kind, "mixed");
  EXPECT_EQ(Words(a, a.quotes[1]), "a fantasy");
  EXPECT_EQ(Speaker(a.quotes[1]), "the mayor");
}

TEST_F(QuotesOnText, TheSubjectAfterAnInvertedCue) {
  // The parser hangs the quote's verb at the root and loses the subject
  // of "said"; the name right after the cue is the speaker.
  Article a = Analyse(
      "“President Varnell is going to kind of have the role that Odal Lenhall had four years ago,” said "
      "former Wisconsin Gov. Tobias Kessar.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].kind, "direct");
  EXPECT_EQ(a.quotes[0].speaker_from, "cue");
  EXPECT_NE(Speaker(a.quotes[0]).find("Tobias Kessar"), std::string::npos) << Speaker(a.quotes[0]);
  // Without a name, the noun phrase that heads the words after the cue.
  Article b = Analyse("\"It was not a convincing argument,\" said one official familiar with the talks.");
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(Speaker(b.quotes[0]), "one official familiar with the talks");
}

TEST_F(QuotesOnText, OneClauseIsReportedOnce) {
  // "estimates" after "according to" is part of the source, not a second
  // cue crediting the same clause (two quotes with one span would share an
  // id in quotes.jsonl).
  Article a = Analyse(
      "The conflict has killed several thousand people and displaced some 250,000, according to United Nations "
      "estimates.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "according to");
}

TEST_F(QuotesOnText, AQuotedNameInTheSpeakersFrameIsNotAQuote) {
  Article a = Analyse("Harking back to the “Great Game”, the professor says there is only one winner this time.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].kind, "indirect");
  EXPECT_EQ(Words(a, a.quotes[0]), "there is only one winner this time");
}

TEST_F(QuotesOnText, TheCueBeforeAColonIntroducesTheQuote) {
  Article a = Analyse("The minister said the plan was sound, to which the senator interjected: \"It is just not true.\"");
  ASSERT_GE(a.quotes.size(), 1u);
  const Quote& q = a.quotes.back();
  EXPECT_EQ(Words(a, q), "It is just not true.");
  EXPECT_EQ(q.cue_text, "interjected");
  EXPECT_EQ(Speaker(q), "the senator");
}

TEST_F(QuotesOnText, NominalCuesAndTheirPossessor) {
  // "his claim that X": X is what he said; "the claim that was made" is a
  // relative clause, not a claim's content.
  Article a = Analyse(
      "Mayor Tom Hale stood by his claim that the bridge was safe.\n"
      "The claim that was made yesterday is false.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].kind, "indirect");
  EXPECT_EQ(a.quotes[0].cue_text, "claim");
  EXPECT_EQ(Words(a, a.quotes[0]), "the bridge was safe");
  EXPECT_EQ(Speaker(a.quotes[0]), "Tom Hale");
}

TEST_F(QuotesOnText, MixedQuoteContentRunsToTheEndOfTheClause) {
  // Two apostrophes close the fragment as a quotation mark does, and a
  // condition the parser hangs on the cue is still part of what was said.
  Article a = Analyse(
      "The chief executive promised that he could run the firm as a ''fully independent entity.''\n"
      "The senator said he would be “shocked” if there were more than a handful of such voters.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].kind, "mixed");
  EXPECT_EQ(a.Text(a.quotes[0].content), "he could run the firm as a ''fully independent entity.''");
  EXPECT_EQ(a.quotes[1].kind, "mixed");
  EXPECT_EQ(a.Text(a.quotes[1].content), "he would be “shocked” if there were more than a handful of such voters");
}

TEST_F(QuotesOnText, TheTopicOfSpeechAfterAbout) {
  // No clause, no object: what the speech was about is what is credited.
  Article a = Analyse("The candidate bragged at length about his record on jobs.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "bragged");
  EXPECT_EQ(Words(a, a.quotes[0]), "his record on jobs");
  EXPECT_EQ(Speaker(a.quotes[0]), "The candidate");
}

TEST_F(QuotesOnText, UnnamedSourcesAreKeptAsWritten) {
  Article a = Analyse("One European diplomat said the mood in the room had been “correct, cold and long”.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker_local, -1);
  EXPECT_EQ(a.quotes[0].speaker_description, "One European diplomat");
}

TEST_F(QuotesOnText, PronounAfterAParagraphThatIntroducedSomeone) {
  Article a = Analyse(
      "Ms Karin Holst, the trade commissioner, arrived in Oslo late on Sunday.\n"
      "“We came to listen,” she said.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker_from, "pronoun");
  EXPECT_NE(Speaker(a.quotes[0]).find("Holst"), std::string::npos);
}

TEST_F(QuotesOnText, PronounPicksThePersonOfTheRightGender) {
  Article a = Analyse(
      "Mr Tomas Reine met Mrs Ilse Varn in Geneva on Monday.\n"
      "“The talks were useful,” she said.");
  ASSERT_EQ(a.quotes.size(), 1u);
  // "Mrs" marks the woman; the recogniser may take her name in part.
  EXPECT_EQ(a.quotes[0].speaker_from, "pronoun");
  EXPECT_NE(Speaker(a.quotes[0]).find("Ilse"), std::string::npos) << Speaker(a.quotes[0]);
  EXPECT_EQ(Speaker(a.quotes[0]).find("Reine"), std::string::npos) << Speaker(a.quotes[0]);
}

// Without a form of address, the first name tells the gender when the
// name lists give it one (data/quotes/first_name_gender.tsv).
TEST_F(QuotesOnText, PronounReadsTheGenderOfAFirstName) {
  for (const char* pronoun : {"she", "he"}) {
    std::string text = "Tomas Reine met Elena Varn in Geneva on Monday.\n\u201cThe talks were useful,\u201d ";
    text += pronoun;
    text += " said.";
    Article a = Analyse(text);
    ASSERT_EQ(a.quotes.size(), 1u) << pronoun;
    EXPECT_EQ(a.quotes[0].speaker_from, "pronoun");
    const bool she = std::string_view(pronoun) == "she";
    EXPECT_NE(Speaker(a.quotes[0]).find(she ? "Varn" : "Reine"), std::string::npos) << Speaker(a.quotes[0]);
  }
}

TEST_F(QuotesOnText, AStandaloneQuoteTakesThePreviousSpeaker) {
  Article a = Analyse(
      "“We signed for the villages,” said rebel leader Omar Haddani.\n"
      "“Not for the generals in the capital.”");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[1].speaker_from, "previous");
  EXPECT_EQ(a.quotes[1].speaker_local, a.quotes[0].speaker_local);
}

TEST_F(QuotesOnText, ScareQuotesGetNoSpeakerAndAreNotQuotes) {
  Article a = Analyse("The so-called “peace dividend” never arrived in the border towns.");
  EXPECT_TRUE(a.quotes.empty());
}

TEST_F(QuotesOnText, DeniedSpeechIsNotReported) {
  Article a = Analyse("The minister did not say whether the embassy would reopen.");
  EXPECT_TRUE(a.quotes.empty());
}

TEST(CueLexicon, MalformedEntriesAreConfigErrors) {
  EXPECT_THROW(CueLexicon::Parse("verb\tsay\n", ""), ConfigError);
  EXPECT_THROW(CueLexicon::Parse("verb\tsay\tshouting\n", ""), ConfigError);
  EXPECT_THROW(CueLexicon::Parse("verb\tsay\tspeech\tsometimes\n", ""), ConfigError);
  EXPECT_THROW(CueLexicon::Parse("", "mr\tx\n"), ConfigError);
  auto names = CueLexicon::Parse("", "");
  names->AddFirstNameGenders("# comment\nElena\tf\nTomas\tm\n");
  EXPECT_EQ(names->FirstNameGender("Elena"), 'f');
  EXPECT_EQ(names->FirstNameGender("Tomas"), 'm');
  EXPECT_EQ(names->FirstNameGender("Andrea"), 0);
  EXPECT_THROW(names->AddFirstNameGenders("Elena\tx\n"), ConfigError);
  auto lex = CueLexicon::Parse("verb\tcall\tspeech\tobject\nverb\tcall for\tspeech\tafter\n", "mrs\tf\n",
                               "role\tdeputy foreign minister\tGOV\t-\nmodifier\tdeputy\t-\t-\n");
  EXPECT_TRUE(lex->PersonNoun("minister"));
  EXPECT_TRUE(lex->PersonNoun("mrs"));
  EXPECT_FALSE(lex->PersonNoun("deputy"));  // a modifier, not a role
  EXPECT_FALSE(lex->PersonNoun("talks"));
  ASSERT_NE(lex->Verb("call"), nullptr);
  // Longest first, so "call for" wins over "call".
  EXPECT_EQ(lex->Verb("call")->front().rest, std::vector<std::string>{"for"});
  EXPECT_EQ(lex->Gender("Mrs."), 'f');
  EXPECT_EQ(lex->Gender("Table"), 0);
}

TEST_F(QuotesOnText, AReportedClausesSubjectHungOnTheCueIsNotTheCuesOwn) {
  // The parser makes "response" a second subject of "said", with "was
  // undercut" below it; the speaker's frame before the comma is not what
  // was said.
  Article a = Analyse(
      "But Lena Okoro, acting political director of CLEAR Action, which organized the letter, said Vance’s "
      "response to Dorn was undercut by her campaign’s ties to Marsh.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "Vance’s response to Dorn was undercut by her campaign’s ties to Marsh");
  // An inverted cue's subject described by a relative clause stays the cue's.
  Article b = Analyse("The fund is short of money, said Ruth Alder, who chairs the fund.");
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(Words(b, b.quotes[0]), "The fund is short of money");
}

TEST_F(QuotesOnText, ACueInAFrontedClauseReportsNoFurtherThanThatClause) {
  // The parser hangs the main clause below the reported one; it is the
  // reporter's. A cue in the main clause keeps its whole complement, and
  // "As X said, Y" still credits Y.
  Article a = Analyse(
      "While the mayor has said the bridge will reopen in May, engineers doubt the schedule.\n"
      "When asked, Vance said the bridge, which opened in 1990, is unsafe.\n"
      "As Vance said, the bridge is unsafe.");
  ASSERT_EQ(a.quotes.size(), 3u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the bridge will reopen in May");
  EXPECT_EQ(Words(a, a.quotes[1]), "the bridge, which opened in 1990, is unsafe");
  EXPECT_EQ(Words(a, a.quotes[2]), "the bridge is unsafe");
}

TEST_F(QuotesOnText, WhatDescribesTheSourceAfterAccordingToIsNotContent) {
  Article a = Analyse(
      "Ticket sales fell by a third last year, according to Mara Lind, who runs the theatre.\n"
      "Ticket sales, according to the theatre, fell by a third.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "Ticket sales fell by a third last year");
  EXPECT_EQ(Words(a, a.quotes[1]), "Ticket sales | fell by a third");
}

TEST_F(QuotesOnText, TheReportersComparisonAfterTheClauseIsLeftOut) {
  Article a = Analyse("Six in ten farmers say the harvest was poor, compared with four in ten who said so last year.");
  ASSERT_GE(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the harvest was poor");
}

TEST_F(QuotesOnText, AGerundCanOpenTheReportedClause) {
  // The parser makes "dredging" a verb complement of "said"; with a
  // finite verb after it, it is the reported clause's subject. A gerund
  // of saying, or one chained to a clause of its own, is not.
  Article a = Analyse(
      "Mira Holt said dredging it could open the harbor to larger ships.\n"
      "Mira Holt responded saying the harbor was too shallow.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "dredging it could open the harbor to larger ships");
  EXPECT_EQ(a.quotes[1].cue_text, "saying");
}

TEST_F(QuotesOnText, ExistentialThereAndAQuantifyingAdverbOpenTheReportedClause) {
  Article a = Analyse(
      "Lund said there certainly was more room for the smaller parties to get a second look from voters because "
      "they were newer to the national stage.\n"
      "Greta Lund said there probably will be more rain.\n"
      "The budget office said about half of the higher adjustment in its projections reflected revenue losses from "
      "the tax cuts.");
  ASSERT_EQ(a.quotes.size(), 3u);
  EXPECT_EQ(Words(a, a.quotes[0]),
            "there certainly was more room for the smaller parties to get a second look from voters because they were "
            "newer to the national stage");
  EXPECT_EQ(Words(a, a.quotes[1]), "there probably will be more rain");
  EXPECT_EQ(Words(a, a.quotes[2]),
            "about half of the higher adjustment in its projections reflected revenue losses from the tax cuts");
}

TEST_F(QuotesOnText, SayAfterAPollsSubjectIsAVerbHoweverTagged) {
  // The tagger takes "say" for an interjection after a figure set off by
  // commas, and after a long subject; "say" with a subject and verb after
  // it still reports that clause. A noun form ("claims", "reports") is
  // not read so, nor "say" between commas ("a tax of, say, 10 percent").
  Article a = Analyse(
      "Among likely voters in the valley, about two-thirds, 67 percent, say they will vote for Okafor.\n"
      "Executives for Brightmill, which earned more than $3 billion last year, say the company will save $6 million "
      "a year with the move.\n"
      "A tax of, say, 10 percent would hurt the mills.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "they will vote for Okafor");
  EXPECT_EQ(Words(a, a.quotes[1]), "the company will save $6 million a year with the move");
  // The relative clause between the subject and "say" holds no speaker:
  // not its time ("last year").
  EXPECT_EQ(Speaker(a.quotes[1]).find("year"), std::string::npos) << Speaker(a.quotes[1]);
  EXPECT_NE(Speaker(a.quotes[1]).find("Brightmill"), std::string::npos) << Speaker(a.quotes[1]);
}

TEST_F(QuotesOnText, AQuoteAfterANameAndAColonInASentenceIsThatNamesWords) {
  Article a = Analyse(
      "The result does not surprise Jane Okafor: “Lesser-known candidates who win early contests gain the most.”\n"
      "The plan has one flaw: “It costs too much money to build.”");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "Lesser-known candidates who win early contests gain the most.");
  EXPECT_EQ(a.quotes[0].kind, "direct");
  EXPECT_EQ(a.quotes[0].cue_text, ":");
  EXPECT_EQ(Speaker(a.quotes[0]), "Jane Okafor");
}

TEST_F(QuotesOnText, AParticipleCueOpeningTheSentenceReportsNoFurtherThanItsClause) {
  Article a = Analyse(
      "Recalling the pitfalls of the last election, the party began spending money much earlier.\n"
      "According to aides, the senator wants to campaign this fall.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the pitfalls of the last election");
  EXPECT_EQ(Words(a, a.quotes[1]), "the senator wants to campaign this fall");
}

TEST_F(QuotesOnText, AsTheSourceReportedCreditsTheMainClause) {
  Article a = Analyse(
      "As reported by the Valley Herald, investigators found over 200 letters in the archive.\n"
      "As the Valley Herald reported on Monday, even if Lund wins the county, he would need half of the remaining "
      "seats.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "investigators found over 200 letters in the archive");
  EXPECT_EQ(Words(a, a.quotes[1]), "even if Lund wins the county, he would need half of the remaining seats");
}

// An "if"/"whether" question the parser hangs on the main verb or on a
// noun is still what the cue asked; the one asked (a passive subject) or
// the one who answers is not its source.
TEST_F(QuotesOnText, AnIndirectQuestionAfterAskIsItsContentWhereverTheParseHangsIt) {
  Article a = Analyse(
      "When asked if the bridge would reopen this year, the mayor said the work was on schedule.\n\n"
      "The senator was asked if he had ever met the contractor.\n\n"
      "A reporter asked if the cuts meant that he was abandoning his promise.");
  std::vector<const Quote*> asked;
  for (const Quote& q : a.quotes) {
    if (q.cue_text == "asked") asked.push_back(&q);
  }
  ASSERT_EQ(asked.size(), 3u);
  EXPECT_EQ(Words(a, *asked[0]), "if the bridge would reopen this year");
  EXPECT_EQ(Speaker(*asked[0]), "");
  EXPECT_EQ(Words(a, *asked[1]), "if he had ever met the contractor");
  EXPECT_EQ(Speaker(*asked[1]), "");
  EXPECT_EQ(Words(a, *asked[2]), "if the cuts meant that he was abandoning his promise");
  EXPECT_EQ(Speaker(*asked[2]), "A reporter");
}

// A headline's label before a colon speaks even when the tagger takes its
// title-case words for common nouns; a heading word ("Breaking:") does not.
TEST_F(QuotesOnText, AHeadlineLabelThatNamesASourceCreditsTheWordsAfterItsColon) {
  Article a = Analyse(
      "Insiders: Ferry deal will collapse before the vote.\n\n"
      "The ferry company and the port authority met again on Tuesday.");
  ASSERT_FALSE(a.quotes.empty());
  EXPECT_EQ(a.quotes[0].cue_text, ":");
  EXPECT_EQ(Words(a, a.quotes[0]), "Ferry deal will collapse before the vote");
  Article b = Analyse(
      "Breaking: Ferry deal collapses in a late vote.\n\n"
      "The ferry company and the port authority met again on Tuesday.");
  for (const Quote& q : b.quotes) EXPECT_NE(q.cue_text, ":");
}

// An object cue's object may be one word when it names someone; "it"
// stands for words the reporter gave before and is no content.
TEST_F(QuotesOnText, AnObjectCueCreditsANamedOrPronounObjectOfOneWord) {
  Article a = Analyse(
      "The dockworkers' union endorsed Okafor on Monday.\n\n"
      "At the rally, the mayor praised them.\n\n"
      "The ministry later confirmed it.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "Okafor");
  EXPECT_EQ(a.quotes[0].cue_text, "endorsed");
  EXPECT_EQ(Words(a, a.quotes[1]), "them");
  EXPECT_EQ(a.quotes[1].cue_text, "praised");
}

// Verbs of saying with a preposition ("comment on", "agree with", "hint
// at") report what follows the preposition.
TEST_F(QuotesOnText, AVerbOfSayingWithItsPrepositionReportsThePrepositionsObject) {
  Article a = Analyse(
      "The senator commented on the budget cuts for the harbour.\n\n"
      "Okafor agreed with the plan to close the old pier.\n\n"
      "The mayor hinted at a second term in office.");
  ASSERT_EQ(a.quotes.size(), 3u);
  EXPECT_EQ(a.quotes[0].cue_text, "commented on");
  EXPECT_EQ(Words(a, a.quotes[0]), "the budget cuts for the harbour");
  EXPECT_EQ(a.quotes[1].cue_text, "agreed with");
  EXPECT_EQ(Words(a, a.quotes[1]), "the plan to close the old pier");
  EXPECT_EQ(a.quotes[2].cue_text, "hinted at");
  EXPECT_EQ(Words(a, a.quotes[2]), "a second term in office");
}

// "acknowledge", "stress" and "tweet" report a noun phrase object too.
TEST_F(QuotesOnText, AcknowledgeStressAndTweetTakeAnObjectAsContent) {
  Article a = Analyse(
      "The coach acknowledged the mistakes of the first half.\n\n"
      "The minister stressed the need for calm at the border.\n\n"
      "Okafor tweeted a photo of the flooded road.");
  ASSERT_EQ(a.quotes.size(), 3u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the mistakes of the first half");
  EXPECT_EQ(Words(a, a.quotes[1]), "the need for calm at the border");
  EXPECT_EQ(Words(a, a.quotes[2]), "a photo of the flooded road");
}

// A clause, a comma, then only the speaker and the cue: the clause is
// what was said even when the parser hangs the cue inside it; and a cue
// whose subject follows it ("said lobbyist X") credits the clause before
// it, not the subject the parser took for a complement.
TEST_F(QuotesOnText, TheClauseBeforeASpeakerAndCueIsTheContentHoweverParsed) {
  Article a = Analyse(
      "There is serious concern about fraud and the manipulation of ballots in the upcoming election, the "
      "senator's longtime adviser Tom Reed stated.\n\n"
      "The firm lobbied on behalf of the company on gaming, taxes and other issues, at both the federal and state "
      "levels in Ohio and Florida, said lobbyist and strategist Carl Brant, the mayor's former partner.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]),
            "There is serious concern about fraud and the manipulation of ballots in the upcoming election");
  EXPECT_EQ(a.quotes[0].cue_text, "stated");
  EXPECT_NE(Speaker(a.quotes[0]).find("Reed"), std::string::npos);
  EXPECT_EQ(Words(a, a.quotes[1]),
            "The firm lobbied on behalf of the company on gaming, taxes and other issues, at both the federal and "
            "state levels in Ohio and Florida");
  EXPECT_NE(Speaker(a.quotes[1]).find("Brant"), std::string::npos);
}

// A mixed quote's reported clause goes on over "but that ..." after the
// closing mark, a second complement of the same cue.
TEST_F(QuotesOnText, AMixedQuotesClauseKeepsASecondThatComplement) {
  Article a = Analyse(
      "Okafor said the proposals of the council were \u201Cmostly theatre,\u201D but that she would still attend the "
      "hearing on Friday.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].kind, "mixed");
  EXPECT_EQ(std::string(a.Text(a.quotes[0].content)),
            "the proposals of the council were \u201Cmostly theatre,\u201D but that she would still attend the hearing "
            "on Friday");
}

// A gerund clause after a cue that reports one ("reported spending") is
// its content; a gerund after a cue that does not ("continued walking")
// reports nothing.
TEST_F(QuotesOnText, AGerundClauseIsTheContentOfACueThatReportsOne) {
  Article a = Analyse(
      "The campaign reported spending two million dollars on radio ads in the spring.\n\n"
      "The mayor continued walking along the pier.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "reported");
  EXPECT_EQ(Words(a, a.quotes[0]), "spending two million dollars on radio ads in the spring");
}

// "praise for X" as a noun reports X; the praisers are not named.
TEST_F(QuotesOnText, PraiseForAsANounReportsWhatFollows) {
  Article a = Analyse("Okafor drew praise for her handling of the flood.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "praise for");
  EXPECT_EQ(Words(a, a.quotes[0]), "her handling of the flood");
}

// An adverb between a cue's verb and its particle ("spoke highly of")
// still makes the cue.
TEST_F(QuotesOnText, AnAdverbMayStandBetweenACuesVerbAndItsParticle) {
  Article a = Analyse("Okafor spoke highly of the new harbour master.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "spoke highly of");
  EXPECT_EQ(Words(a, a.quotes[0]), "the new harbour master");
}

// "state" the noun is a polity, not a statement: "states that border
// the gulf" and "the state to raise tolls" report nothing, while the verb
// ("stated that") and the nouns of saying ("his claim that") still do.
TEST_F(QuotesOnText, TheNounStateIsNoCue) {
  EXPECT_TRUE(DefaultCueLexicon().OtherNoun("state"));
  EXPECT_FALSE(DefaultCueLexicon().OtherNoun("claim"));
  Article a = Analyse(
      "Most of the money went to the coastal states that border the gulf.\n\n"
      "The new law allows the state to raise tolls on the northern bridge.\n\n"
      "Mayor Tom Hale stood by his claim that the bridge was safe.\n\n"
      "The harbour master stated that the pier would reopen in May.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the bridge was safe");
  EXPECT_EQ(a.quotes[1].cue_text, "stated");
  EXPECT_EQ(Words(a, a.quotes[1]), "the pier would reopen in May");
}

// A noun phrase in apposition that closes reported speech ("..., a move
// that angered ...") is the reporter's gloss, not what was said; inside
// quotation marks it stays.
TEST_F(QuotesOnText, ATrailingAppositiveIsNotReportedContent) {
  Article a = Analyse(
      "The mayor said the council would cut the ferry budget, a move that angered the fishermen.\n\n"
      "\u201CWe will rebuild the pier, a promise we keep,\u201D the mayor said.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the council would cut the ferry budget");
  EXPECT_EQ(Words(a, a.quotes[1]), "We will rebuild the pier, a promise we keep");
}

// However the tagger reads "states" after an article, a number or an
// adjective, or before "that" and a verb, it is the noun; "The report
// states that ..." keeps the verb.
TEST_F(QuotesOnText, TheFormStatesAfterAnArticleOrNumberIsTheNoun) {
  Article a = Analyse(
      "The ferry line now sails to the two states that border the gulf.\n\n"
      "Funding will go to the coastal states that lead the list.\n\n"
      "The report states that the pier is unsafe.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "states");
  EXPECT_EQ(Words(a, a.quotes[0]), "the pier is unsafe");
}

// The nouns "push" and "point" name no saying ("his push for a new pier",
// "made the point that ..."), while the verbs still report.
TEST_F(QuotesOnText, OtherNounsOfCueVerbsAreNoCues) {
  Article a = Analyse(
      "His push for a new pier won praise.\n\n"
      "The senator made the point that the pier was old.\n\n"
      "The mayor pushed for a new pier.\n\n"
      "By pointing out that the pier was old, the harbour master won the vote.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].cue_text, "pushed for");
  EXPECT_EQ(Words(a, a.quotes[0]), "a new pier");
  EXPECT_EQ(a.quotes[1].cue_text, "pointing out");
  EXPECT_EQ(Words(a, a.quotes[1]), "the pier was old");
}

// In "a letter that she said was drafted by the firm" the relative word is
// the reported clause's subject: the verb phrase after the cue is what
// was said. A relative clause on the sentence's subject is followed by
// the main verb, which is not ("The letter that Odalys wrote was long").
TEST_F(QuotesOnText, AVerbRightAfterACueInARelativeClauseIsItsContent) {
  Article a = Analyse(
      "The group cited a trader who officials say is tied to the Dravenia navy.\n\n"
      "He focused his remarks on what he said were the failures of the harbour council.\n\n"
      "The letter that Odalys wrote was long.\n\n"
      "Everything that Kessar said was true.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].cue_text, "say");
  EXPECT_EQ(Words(a, a.quotes[0]), "is tied to the Dravenia navy");
  EXPECT_EQ(Speaker(a.quotes[0]), "officials");
  EXPECT_EQ(a.quotes[1].cue_text, "said");
  EXPECT_EQ(Words(a, a.quotes[1]), "were the failures of the harbour council");
}

// "so", "yes", "no" and "the same" stand for what was said after a cue
// that allows them (cues.tsv content 'proform'); "no one" and "so many"
// are the start of a clause or a phrase.
TEST_F(QuotesOnText, AWordStandingForAClauseIsWhatWasSaid) {
  Article a = Analyse(
      "Six in ten voters find Kessar decisive, after half said so in the earlier poll.\n\n"
      "Everyone but Odalys said yes.\n\n"
      "Lenhall said no to the port tax.\n\n"
      "Among men, 49 percent say the same of Lenhall.\n\n"
      "The harbour master said no one was hurt.\n\n"
      "The harbour master said so many things.");
  ASSERT_EQ(a.quotes.size(), 5u);
  EXPECT_EQ(Words(a, a.quotes[0]), "so");
  EXPECT_EQ(Words(a, a.quotes[1]), "yes");
  EXPECT_EQ(Words(a, a.quotes[2]), "no to the port tax");
  EXPECT_EQ(Words(a, a.quotes[3]), "the same of Lenhall");
  EXPECT_EQ(Words(a, a.quotes[4]), "no one was hurt");
}

// "..., as Y denies, “...?” asked X": the verb of saying right after the
// closing mark, with its subject, is the quote's cue, however the parser
// hung the quote on the verb before it; that verb then reports nothing.
// Words quoted inside a phrase keep the verb before them.
TEST_F(QuotesOnText, AQuoteClosedByItsCueIsThatCuesWhateverComesBefore) {
  Article a = Analyse(
      "If hackers can alter the files, as many researchers believe and Lenhall strongly denies, "
      "\u201Cwhy wouldn\u2019t you want to raise the issue?\u201D asked Varnell, now a partner at a consulting firm.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].kind, "direct");
  EXPECT_EQ(a.quotes[0].cue_text, "asked");
  EXPECT_EQ(Speaker(a.quotes[0]), "Varnell");
  Article b = Analyse("Bemoaning the \u201Cphony system,\u201D Kessar accused Lenhall of bias.");
  bool mixed = false;
  for (const Quote& q : b.quotes) {
    if (q.kind == "mixed") {
      mixed = true;
      EXPECT_EQ(q.cue_text, "bemoaning");
    }
  }
  EXPECT_TRUE(mixed);
}

// A participle of saying after a quote, set off by a comma ("...,”
// referring to X"), is an act of its own by the same speaker: it is not
// the quote's cue, and the mixed quote's clause ends before it.
TEST_F(QuotesOnText, AParticipleOfSayingAfterAQuoteIsAnActOfItsOwn) {
  Article a = Analyse(
      "Kessar said the talks \u201Cshould be wrapped up by the summer,\u201D referring to the party's July convention, "
      "where members will select a leader.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].kind, "mixed");
  EXPECT_EQ(a.quotes[0].cue_text, "said");
  EXPECT_EQ(a.Text(a.quotes[0].content), "the talks \u201Cshould be wrapped up by the summer,\u201D");
  EXPECT_EQ(Speaker(a.quotes[0]), "Kessar");
  EXPECT_EQ(a.quotes[1].cue_text, "referring to");
  EXPECT_EQ(Speaker(a.quotes[1]), "Kessar");
}

// A participle after a number, article or possessive and before its noun
// modifies the noun ("60 pledged delegates"): no act of speech.
TEST_F(QuotesOnText, AnAttributiveParticipleIsNoCue) {
  Article a = Analyse(
      "In Dravenia, 60 pledged delegates and seven superdelegates were at stake.\n\n"
      "The promised ferry link never came.\n\n"
      "Kessar pledged to rebuild the pier.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "pledged");
  EXPECT_EQ(Words(a, a.quotes[0]), "to rebuild the pier");
}

// An indirect question may open with "which" or "whose"; one that opens
// the sentence ends at the comma after its verb, before the main clause.
TEST_F(QuotesOnText, AnIndirectQuestionWithWhichEndsBeforeTheMainClause) {
  Article a = Analyse("When asked which quality was most important, only 23 percent named honesty.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "asked");
  EXPECT_EQ(Words(a, a.quotes[0]), "which quality was most important");
}

// "When asked at a briefing on Thursday about X, ...": the "about" of
// "ask about" past the time and place of the asking, which the parser
// hangs on those words, still gives the content.
TEST_F(QuotesOnText, AFrontedAskAboutReachesItsPrepositionPastTheOccasion) {
  Article a = Analyse("When asked at the business conference about the merger, Kessar defended her decision.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].cue_text, "asked");
  EXPECT_EQ(Words(a, a.quotes[0]), "the merger");
  EXPECT_EQ(a.quotes[1].cue_text, "defended");
}

TEST_F(QuotesOnText, APersonInTheSubjectIsTheSourceNotTheOrganisationBeforeTheTitle) {
  Article a = Analyse("NATO Commissioner Odalys Kessar said the alliance would help.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Speaker(a.quotes[0]), "Odalys Kessar");
}

// The people's adjective of an invented country, unknown to the tagger,
// is parsed as the head with the minister's name its conjunct.
TEST_F(QuotesOnText, APersonAfterAnUnknownPeoplesAdjectiveAndTitleIsTheSource) {
  Article a = Analyse("\"The door stays open,\" said Morvian Interior Minister Odal Kessar.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Speaker(a.quotes[0]), "Odal Kessar");
}

// A verb of saying only intended ("willing to discuss") or foreseen ("would
// respond") inside what a speaker reports speaks no words itself.
TEST_F(QuotesOnText, AFragmentUnderAnIntendedOrForeseenCueIsTheOuterSpeakers) {
  Article a = Analyse("Kessar said Tessary was willing to discuss the grain quota \"at the next summit\".");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "said");
  EXPECT_EQ(Speaker(a.quotes[0]), "Kessar");
  Article b = Analyse("Odal Kessar warned on Friday that Tessary would respond \"in kind\" to new tariffs.");
  for (const Quote& q : b.quotes) {
    EXPECT_NE(q.cue_text, "respond");
    EXPECT_EQ(Speaker(q), "Odal Kessar");
  }
}

// ", saying ..." hung by the parser on a gerund that qualifies a noun
// ("within hours of it taking hold") is still the main clause's subject's.
TEST_F(QuotesOnText, ASayingParticipleHungOnANounsGerundIsTheMainSubjects) {
  Article a = Analyse(
      "Tessary accused Morvia of breaking the truce within hours of it taking hold, saying soldiers had shelled a "
      "school near Harlow.");
  bool found = false;
  for (const Quote& q : a.quotes) {
    if (q.cue_text != "saying") continue;
    found = true;
    EXPECT_EQ(Speaker(q), "Tessary");
  }
  EXPECT_TRUE(found);
}

TEST_F(QuotesOnText, ACueHungOnTheLastNounOfTheSubjectHasTheSubjectAsItsSource) {
  // "told" parsed as a modifier of "team": the source is the captain.
  Article a = AnalyseWithParse(
      "Captain Tobias Lenhall of the rescue team told Kessar Radio that two people were missing.",
      {{0, "root"}, {1, "flat"}, {1, "flat"}, {7, "case"}, {7, "det"}, {7, "compound"}, {1, "nmod"}, {7, "acl"},
       {10, "compound"}, {8, "iobj"}, {15, "mark"}, {13, "nummod"}, {15, "nsubj"}, {15, "cop"}, {8, "ccomp"},
       {1, "punct"}});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "told");
  EXPECT_EQ(Speaker(a.quotes[0]), "Tobias Lenhall");
  EXPECT_EQ(a.quotes[0].speaker_description, "");
}

TEST_F(QuotesOnText, AnOfficialActOrASumIsNoQuote) {
  // Declaring an emergency is an act; its object is not reported words.
  Article a = Analyse("The Dravenia government declared a 30-day state of emergency in three provinces.");
  EXPECT_TRUE(a.quotes.empty()) << Words(a, a.quotes[0]);
  // What is declared as a clause still is.
  a = Analyse("The Dravenia government declared that the emergency was over.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the emergency was over");
  // A sum announced is aid given; what else is announced is still said.
  a = Analyse("The Kessar ministry announced $4 million in aid for the region.");
  EXPECT_TRUE(a.quotes.empty()) << Words(a, a.quotes[0]);
  a = Analyse("The Kessar ministry announced new aid for the region.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "new aid for the region");
  // A sum appealed for is aid asked for, not words.
  a = Analyse("The Lorvani relief agency launched an appeal for 2 million euros.");
  EXPECT_TRUE(a.quotes.empty()) << Words(a, a.quotes[0]);
}

TEST_F(QuotesOnText, WhoseStandsForTheNounItFollows) {
  Article a = Analyse("The Lorvani council, whose statement warned that the bridge would close, met on Monday.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker_description, "The Lorvani council");
}

TEST_F(QuotesOnText, AShortQuoteClosingTheCuesClauseIsMixedWhateverTheParse) {
  // The unnamed source's relative clause and the quoted predicate defeat
  // the parse; the words between the cue and the marks are one clause
  // and the marks close the sentence, so the cue takes the quote.
  Article a = Analyse(
      "One Western envoy in Varnell, who asked not to be named, said the ministers' tone was \"unusually harsh\".");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].kind, "mixed");
  EXPECT_EQ(Words(a, a.quotes[0]), "unusually harsh");
  EXPECT_NE(Speaker(a.quotes[0]).find("envoy"), std::string::npos) << Speaker(a.quotes[0]);
  EXPECT_EQ(std::string(a.Text(a.quotes[0].content)), "the ministers' tone was \"unusually harsh\"");
}

TEST_F(QuotesOnText, ACueAfterAfterSpeaksForItsOwnSubject) {
  // "after" read as the preposition of the next clause's subject: the
  // reported words are the board's, not the opposition's.
  Article a = Analyse(
      "The Lorvani opposition rejected the result and called its supporters onto the streets, after the Electoral "
      "Board said Tobias Lenhall had won 52.1 percent of the vote.");
  bool found = false;
  for (const Quote& q : a.quotes) {
    if (Words(a, q).find("had won") == std::string::npos) continue;
    found = true;
    EXPECT_NE(Speaker(q).find("Board"), std::string::npos) << Speaker(q);
  }
  EXPECT_TRUE(found);
}

TEST_F(QuotesOnText, AccordingToInARelativeClauseCreditsThatClauseAlone) {
  Article a = Analyse(
      "Odalys Kessar, who according to the electoral board won 48.2 percent of the vote, has said she will accept "
      "the ruling.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(Words(a, a.quotes[0]), "won 48.2 percent of the vote");
  EXPECT_EQ(Speaker(a.quotes[0]), "the electoral board");
  EXPECT_EQ(Words(a, a.quotes[1]), "she will accept the ruling");
  EXPECT_NE(Speaker(a.quotes[1]).find("Kessar"), std::string::npos) << Speaker(a.quotes[1]);
  // At the clause's end, too ("..., in which X won 48.2% according to Y.").
  a = Analyse(
      "The party filed a complaint against the result of the vote of Sunday, in which Odalys Kessar won 48.2% of "
      "the ballots according to the Varnell electoral board.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "Odalys Kessar won 48.2% of the ballots");
}

TEST_F(QuotesOnText, APredicateBeforeTheCommaIsNotPartOfTheSource) {
  Article a = Analyse("The marches went on for a fourth night on Wednesday, but were quieter and smaller, police said.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Speaker(a.quotes[0]), "police");
}

TEST_F(QuotesOnText, ASecondSubjectRightAfterTheCueStartsTheReportedClause) {
  Article a = Analyse("The Lorvani interior ministry later said 40 of the 120 people detained had been released.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "40 of the 120 people detained had been released");
  EXPECT_NE(Speaker(a.quotes[0]).find("ministry"), std::string::npos);
}

TEST_F(QuotesOnText, ARelativeClauseOnASpeechNounReportsNothing) {
  // "talks that both sides described as ...": "that" is the clause's
  // object, not the marker of what the talks said.
  Article a = Analyse("Odalys Kessar met Tobias Lenhall on Monday, in talks that both sides described as useful.");
  for (const Quote& q : a.quotes) EXPECT_NE(q.cue_text, "talks") << Words(a, q);
  // A clause with its own subject after "that" is what the noun reports.
  a = Analyse("For years, Kessar has faced charges that she has misused public funds.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "that she has misused public funds");
}

// "faces charges her allies call ...": the tagger may read the noun as
// a verb of saying with the verb before it as its subject; it reports
// nothing. A relative clause before a real cue keeps the cue.
TEST_F(QuotesOnText, ANounReadAsACueWithAFiniteVerbForSubjectIsNoCue) {
  Article a = Analyse(
      "A court in Lenhall delayed a decision on sending Odalys Kessar home to Morvia, where she faces charges her allies "
      "call invented.");
  for (const Quote& q : a.quotes) EXPECT_NE(q.cue_text, "charges") << Words(a, q);
  a = Analyse("The woman he trusts says the bridge will close.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "says");
}

// Recalling an envoy is an act, not a memory told: the noun phrase after
// "recalled" is no content, while "recalled that ..." still reports.
TEST_F(QuotesOnText, RecallingAnEnvoyReportsNoWords) {
  Article a = Analyse("On Friday, Morvia recalled its envoy in Lenhall for talks at home.");
  EXPECT_TRUE(a.quotes.empty()) << Words(a, a.quotes[0]);
  a = Analyse("Odalys Kessar recalled that the harbour had been closed for a week.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the harbour had been closed for a week");
}

// A participle the parse hung at the end of a chain of infinitives is
// said by the subject above the chain, not by the name before its comma.
TEST_F(QuotesOnText, AParticipleBelowAChainOfInfinitivesTakesTheSubjectAbove) {
  Article a = Analyse(
      "Two rights groups on Monday pressed Morvia to decline to hand over the writer Odalys Kessar, arguing that she "
      "would face a rigged court in Lenhall.");
  const Quote* arguing = nullptr;
  for (const Quote& q : a.quotes) {
    if (q.cue_text == "arguing") arguing = &q;
  }
  ASSERT_NE(arguing, nullptr);
  EXPECT_NE(Speaker(*arguing).find("groups"), std::string::npos) << Speaker(*arguing);
}

// The passive subject of a verb of report speaks through the infinitive:
// "X is reported to have called Y 'free riders'" is said by X.
TEST_F(QuotesOnText, ThePassiveSubjectOfAReportSpeaksThroughItsInfinitive) {
  Article a = Analyse(
      "President Odal Varnell also is reported to have called the Lorvanis \"free riders\" who rely on aid.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Speaker(a.quotes[0]), "Odal Varnell");
}

// "Asked if the envoy would come back, she said": the one asked is the
// one who answers, not the envoy named in the question.
TEST_F(QuotesOnText, APronounAfterAnOpeningParticipleSkipsTheNamesInIt) {
  Article a = Analyse(
      "Ambassador Varel Oskin left Lenhall on Monday evening. Lenna Osk, a ministry spokeswoman, told reporters that "
      "the man was wanted for fraud.\n\n"
      "Osk said the ministry had answered every letter. Asked if the ambassador would come back, she said it was up "
      "to the talks.");
  const Quote* answer = nullptr;
  for (const Quote& q : a.quotes) {
    if (Words(a, q).find("up to the talks") != std::string::npos) answer = &q;
  }
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(Speaker(*answer), "Lenna Osk");
}

// "the group" after a named organisation spoke is that organisation,
// not an earlier unnamed "two groups"; with none named, it stays theirs.
TEST_F(QuotesOnText, TheGroupAfterANamedOrganisationIsThatOrganisation) {
  Article a = Analyse(
      "Two rights groups said Morvia should free the reporter. The Lenhall Press Union said the arrest fitted a wider "
      "campaign. In a letter, the group said Morvia had detained nine bloggers this year.");
  ASSERT_EQ(a.quotes.size(), 3u);
  EXPECT_EQ(Speaker(a.quotes[2]), "Lenhall Press Union");
  a = Analyse(
      "Two rights groups said Morvia should free the reporter. Morvia has detained nine bloggers this year. In a "
      "letter, the group said the arrest fitted a wider campaign.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_NE(Speaker(a.quotes[1]).find("groups"), std::string::npos) << Speaker(a.quotes[1]);
}

// A title with the holder's name in apposition, parsed as the head of
// the cue's clause: the name speaks, not the country owning the title.
TEST_F(QuotesOnText, TheNameInApposToAPossessedTitleSpeaks) {
  Article a = Analyse(
      "Tessary's Justice Minister, Ilan Kovin, declined to discuss the report, saying the army had acted lawfully.");
  const Quote* saying = nullptr;
  for (const Quote& q : a.quotes) {
    if (q.cue_text == "saying") saying = &q;
  }
  ASSERT_NE(saying, nullptr);
  EXPECT_EQ(Speaker(*saying), "Ilan Kovin");
}

// A court named after "of" that the parse made a second subject of the
// cue modifies the judge's name; the judge speaks.
TEST_F(QuotesOnText, ASecondSubjectOpenedByOfIsNoSpeaker) {
  Article a = Analyse(
      "A court in Lenhall on Monday postponed its decision on the case.\n\n"
      "Judge Ana Varga of the Lenhall Justices' Court said she would give her verdict on 9 May, after a long day of "
      "evidence from witnesses.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Speaker(a.quotes[0]), "Ana Varga");
}

TEST_F(QuotesOnText, ThankingOrCongratulatingSomeoneReportsNoWords) {
  Article a = Analyse("Tobias Lenhall thanked the mediators for their work on Monday.");
  EXPECT_TRUE(a.quotes.empty()) << Words(a, a.quotes[0]);
  a = Analyse("The Lorvani foreign ministry congratulated Odalys Kessar on her victory.");
  EXPECT_TRUE(a.quotes.empty()) << Words(a, a.quotes[0]);
}

TEST_F(QuotesOnText, CalledOnSomeoneToActIsTheWholeAppeal) {
  // The infinitive read as an adverbial clause of the cue is still what
  // was called for.
  Article a = Analyse("The Lorvani ministry called on the Red Cross to press for regular visits.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the Red Cross to press for regular visits");
  EXPECT_NE(Speaker(a.quotes[0]).find("ministry"), std::string::npos);
}

// Translated news writes "expressed that ..." for a verb of saying; a
// feeling expressed ("expressed concern that ...") reports no words.
TEST_F(QuotesOnText, ExpressedThatReportsWordsExpressedConcernDoesNot) {
  Article a = Analyse("Odalys Kessar, in the speech she made, expressed that the talks with Lorvani would continue.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the talks with Lorvani would continue");
  EXPECT_EQ(Speaker(a.quotes[0]), "Odalys Kessar");
  a = Analyse("Tobias Lenhall expressed concern that the Varnell talks would fail.");
  EXPECT_TRUE(a.quotes.empty()) << Words(a, a.quotes[0]);
}

// A role after a preposition is what the unnamed source is of or for: an
// official in the prime minister's office is not the prime minister.
TEST_F(QuotesOnText, ARoleAfterAPrepositionIsNotTheUnnamedSourcesName) {
  Article a = Analyse(
      "Prime Minister Tobias Lenhall lost his majority in Varnell on Monday.\n\n"
      "A senior official in the prime minister's office, who asked not to be named, said the government would "
      "survive.\n\n"
      "An aide to the prime minister said the vote would be close.");
  ASSERT_EQ(a.quotes.size(), 2u);
  for (const Quote& q : a.quotes) {
    EXPECT_LT(q.speaker_local, 0) << Words(a, q);
    EXPECT_TRUE(q.speaker_name.empty()) << q.speaker_name;
  }
  EXPECT_EQ(a.quotes[0].speaker_description, "A senior official in the prime minister's office");
  EXPECT_EQ(a.quotes[1].speaker_description, "An aide to the prime minister");
}

// "made a call for calm": the appeal as a light verb and its noun; a call
// made to someone reports no words.
TEST_F(QuotesOnText, MadeACallForIsAnAppeal) {
  Article a = Analyse("The Lorvani envoy Odalys Kessar made a call for calm to all the parties.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].cue_text, "made a call for");
  EXPECT_EQ(Speaker(a.quotes[0]), "Odalys Kessar");
  a = Analyse("Tobias Lenhall made a call to his mother in Varnell.");
  EXPECT_TRUE(a.quotes.empty()) << Words(a, a.quotes[0]);
}

// An estimate's figure after "at" is what the source estimated, not
// where it spoke.
TEST_F(QuotesOnText, AFigureAfterAtCompletesAnEstimate) {
  Article a = Analyse("Lenhall police estimated the crowd at around 8,000 on Wednesday.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the crowd at around 8,000");
}

}  // namespace
}  // namespace sitrep::quotes
