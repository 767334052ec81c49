#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "support/lcg.h"
#include "clean/clean.h"
#include "clean/cues.h"
#include "clean/dates.h"
#include "clean/lines.h"
#include "clean/metadata_line.h"

namespace sitrep::clean {
namespace {

Article Clean(const std::string& text, const std::string& format = "text",
              std::shared_ptr<const RepeatedLines> rep = nullptr) {
  Article a;
  a.text = text;
  a.input_format = format;
  CleanStage stage(std::move(rep));
  stage.Process(a, nullptr);
  return a;
}

std::map<std::string, std::string> Why(const Article& a) {
  std::map<std::string, std::string> m;
  for (const auto& r : a.removed) m[r.text] = r.why;
  return m;
}

TEST(Dates, ReadsTheCommonMetadataFormats) {
  EXPECT_EQ(NormalizeDate("12 January 2022"), "2022-01-12");
  EXPECT_EQ(NormalizeDate("Published: Wednesday 12 January 2022, 14:05 GMT"), "2022-01-12");
  EXPECT_EQ(NormalizeDate("January 12, 2022"), "2022-01-12");
  EXPECT_EQ(NormalizeDate("Jan 12th 2022"), "2022-01-12");
  EXPECT_EQ(NormalizeDate("2022-01-12T10:00:00Z"), "2022-01-12");
  EXPECT_EQ(NormalizeDate("12.01.2022, 07:30"), "2022-01-12");
  EXPECT_EQ(NormalizeDate("12. Januar 2022"), "2022-01-12");
  EXPECT_EQ(NormalizeDate("Wed, 12 Jan 2022 10:00:00 +0000"), "2022-01-12");
  EXPECT_EQ(NormalizeDate("25/12/2021"), "2021-12-25");
  EXPECT_EQ(NormalizeDate("January 2022"), "2022-01");
}

TEST(Dates, RejectsWhatIsNotADate) {
  EXPECT_EQ(NormalizeDate("03/04/2022"), std::nullopt);  // day and month ambiguous
  EXPECT_EQ(NormalizeDate("31 February 2022"), std::nullopt);
  EXPECT_EQ(NormalizeDate("12 January 1066"), std::nullopt);
  EXPECT_EQ(NormalizeDate("about 100,000 troops"), std::nullopt);
  EXPECT_EQ(NormalizeDate("may 2022 be better"), "2022-05");  // month granularity is still a date
}

// A date needs a year of four digits from 1900 to 2100; the scan for one
// reads sixteen bytes at a time, so dates are tried at every offset around
// a block's edge, after other numbers and after non-ASCII text.
TEST(Dates, FoundAtEveryOffsetAndOnlyWithAYear) {
  for (std::size_t pad = 0; pad < 40; ++pad) {
    const std::string lead(pad, 'x');
    auto f = FindDate(lead + " 12 January 2022 and more");
    ASSERT_TRUE(f) << pad;
    EXPECT_EQ(f->iso, "2022-01-12");
    EXPECT_EQ(f->begin, pad + 1);
    EXPECT_EQ(f->end, pad + 16);
    EXPECT_EQ(NormalizeDate("Flight 447 and 12 \u00e9t\u00e9 " + lead + " on 3 March 1999"), "1999-03-03") << pad;
    EXPECT_EQ(NormalizeDate(lead + " 12 January 20222"), std::nullopt) << pad;  // five digits
    EXPECT_EQ(NormalizeDate(lead + " 12 January 1899"), std::nullopt) << pad;
    EXPECT_EQ(NormalizeDate(lead + " 12 January 2101"), std::nullopt) << pad;
    EXPECT_EQ(NormalizeDate(lead + " 12 Jan 2100"), "2100-01-12") << pad;
    EXPECT_EQ(NormalizeDate(lead + " 3,000 on 12 January, 400 on 13 May"), std::nullopt) << pad;
    EXPECT_TRUE(HasYear(lead + " in 1900.")) << pad;
    EXPECT_TRUE(HasYear(lead + "-2100")) << pad;
    EXPECT_TRUE(HasYear(lead + " 12345 and 2022")) << pad;
    EXPECT_FALSE(HasYear(lead + " 12345 and 1899 and 2101, 202, 20 22")) << pad;
  }
}

TEST(Dates, RecordsAStatedWeekday) {
  auto f = FindDate("Monday 12 January 2022");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->weekday, 1);
  EXPECT_EQ(f->begin, 0u);
}

// A two-word byline label with no name after it ("Written by" on a line of
// its own, the name on the next) is no byline, and the article is cleaned
// (the parse read past the line's last word and threw).
TEST(MetadataLine, TwoWordBylineLabelAloneIsNoByline) {
  CueLexicon lex = CueLexicon::Load();
  for (const char* line : {"Written by", "Story by", "WORDS BY", "Written by |"}) {
    EXPECT_FALSE(ParseMetadataLine(line, true, lex)) << line;
    EXPECT_FALSE(ParseMetadataLine(line, false, lex)) << line;
  }
  auto m = ParseMetadataLine("Written by Jane Okoro", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->author, "Jane Okoro");
  Article a = Clean(
      "The Harbour Works Begin At Last\nWritten by\nJane Okoro\n"
      "The harbour works began on Monday after months of delay, officials said.\n"
      "The new cranes are expected to double the capacity of the port by next year.\n");
  EXPECT_TRUE(a.ok());
  EXPECT_EQ(a.title, "The Harbour Works Begin At Last");
  EXPECT_NE(a.text.find("The harbour works began"), std::string::npos);
}

TEST(MetadataLine, RecognisesSourceDateAndByline) {
  CueLexicon lex = CueLexicon::Load();
  auto m = ParseMetadataLine("Source: The Evening Lantern", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->outlet, "The Evening Lantern");
  // The outlet, not what the line says about its edition or its partners.
  m = ParseMetadataLine("Source: The Evening Lantern with agencies", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->outlet, "The Evening Lantern");
  m = ParseMetadataLine("Source: Kessar Zeitung, print edition of 4 May", false, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->outlet, "Kessar Zeitung");
  m = ParseMetadataLine("Source: Lenhall Radio (evening bulletin)", false, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->outlet, "Lenhall Radio");
  // Who at the outlet wrote it is not part of its name.
  m = ParseMetadataLine("Source: Varnell Courier reporting; maps by Kessar Graphics", false, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->outlet, "Varnell Courier");
  m = ParseMetadataLine("Source: Harlen Times staff", false, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->outlet, "Harlen Times");
  // A credit line for the outlet's own reporting names the outlet.
  m = ParseMetadataLine("Source: Tessary Courier reporting; wire services", false, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->outlet, "Tessary Courier");
  m = ParseMetadataLine("Analysis 3 March 2021", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->date, "2021-03-03");
  m = ParseMetadataLine("By Dr. Ines Carvalho and Tom Reyes, Defence Correspondents", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->author, "Ines Carvalho and Tom Reyes");
  m = ParseMetadataLine("By Ines Carvalho | 3 March 2021", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->author, "Ines Carvalho");
  EXPECT_EQ(m->date, "2021-03-03");
  // A numeric date that could be May or June makes a date line, with no date.
  m = ParseMetadataLine("Evening Lantern - 05/06/2024", true, lex);
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->date);
  EXPECT_EQ(m->name_beside, "Evening Lantern");
  m = ParseMetadataLine("Evening Lantern - 25/06/2024", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->date, "2024-06-25");
  // An outlet and a date with only a comma between them: the date counts.
  m = ParseMetadataLine("Evening Lantern, 23 March 2023", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->date, "2023-03-23");
  EXPECT_FALSE(m->outlet);
  EXPECT_FALSE(ParseMetadataLine("Talks resumed, 23 March 2023 was the date set.", true, lex));
  // Neither a year before the comma nor a date out of range makes the pair.
  EXPECT_FALSE(ParseMetadataLine("Evening Lantern 2023, Port Aurel", true, lex));
  EXPECT_FALSE(ParseMetadataLine("Evening Lantern, 23 March 1850", true, lex));
  m = ParseMetadataLine("Port Aurel, Wednesday 2 January 2019", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->date, "2019-01-02");
  EXPECT_FALSE(ParseMetadataLine("By the end of the week the talks had collapsed.", true, lex));
  EXPECT_FALSE(ParseMetadataLine("On 3 March 2021 the ministers met in Oslo.", true, lex));
}

TEST(Cues, StrongCuesBeatSentenceShapeWeakOnesDoNot) {
  CueLexicon lex = CueLexicon::Load();
  ASSERT_NE(lex.Match(LineKey("Image caption, Soldiers unload crates at the port."), true), nullptr);
  EXPECT_EQ(lex.Match(LineKey("Image caption, Soldiers unload crates at the port."), true)->why, "image caption");
  EXPECT_NE(lex.Match(LineKey("Share this article"), false), nullptr);
  EXPECT_EQ(lex.Match(LineKey("She shared the newsletter with colleagues."), true), nullptr);
  EXPECT_NE(lex.Match(LineKey("Facebook Twitter Email"), false), nullptr);
  EXPECT_EQ(lex.Match(LineKey("Facebook fined by regulators"), false), nullptr);
}

// MatchStrong searches only the strong cues' phrases; it must find what
// MatchAll finds among the strong cues, and MatchAll must rank exact over
// prefix over contains cues, then lexicon order, whatever the search.
TEST(Cues, MatchStrongAgreesWithMatchAll) {
  CueLexicon lex = CueLexicon::Load();
  const char* lines[] = {
      "Image caption, Soldiers unload crates at the port.", "Share this article", "Read more",
      "Advertisement", "We use cookies to improve your experience. Accept all cookies",
      "This article was translated from the German by our staff.", "(Photo: Reuters) Troops at the border.",
      "Copyright 2022 Lantern Media. All rights reserved.", "Subscribe now for unlimited access",
      "The minister said talks would resume on Monday.", "Sign up today, and subscribe now!", "play",
      "Related: more coverage", "", "\u00a9 2022 Kessar Wire", "Listen to this article"};
  for (const char* line : lines) {
    std::string key = LineKey(line);
    EXPECT_EQ(lex.MatchStrong(key), lex.MatchAll(key, false).strong) << line;
    EXPECT_EQ(lex.MatchStrong(key), lex.Match(key, true)) << line;
  }
  EXPECT_NE(lex.MatchStrong(LineKey("(Photo: Reuters) Troops at the border.")), nullptr);
  EXPECT_EQ(lex.MatchStrong(LineKey("Read more")), nullptr) << "a weak cue";
  EXPECT_NE(lex.MatchAll(LineKey("Read more"), true).any, nullptr);
}

TEST(LineFeatures, ShortRealSentencesReadAsSentences) {
  EXPECT_TRUE(Features("It's hard to disagree.").sentence_like);
  EXPECT_TRUE(Features("Talks failed.").sentence_like);
  EXPECT_TRUE(Features("\u201cWe are ready,\u201d she said.").sentence_like);
  EXPECT_FALSE(Features("More on this story").sentence_like);
  EXPECT_FALSE(Features("Harbour cranes idle after strike").sentence_like);
  EXPECT_TRUE(Features(".").only_punct);
}

TEST(LineFeatures, FindsWebAddresses) {
  for (const char* yes : {"Read more at https://example.com/a", "http://x.org", "see www.example.com", "www.x",
                          "\u201cSee https://example.com\u201d", "ftp: no, but http://here too"}) {
    std::string key;
    EXPECT_TRUE(Features(yes).url) << yes;
    EXPECT_TRUE(KeyAndFeatures(yes, &key).url) << yes;
  }
  for (const char* no : {"Time: 10:30", "http:/broken", "https:", "ww.example", "the www is old.", "https//x",
                         "Follow us on social media"}) {
    std::string key;
    EXPECT_FALSE(Features(no).url) << no;
    EXPECT_FALSE(KeyAndFeatures(no, &key).url) << no;
  }
}

// The fused pass gives the key and features the separate functions give.
void ExpectFusedAgrees(const std::string& line) {
  std::string key;
  LineFeatures fused = KeyAndFeatures(line, &key);
  LineFeatures sep = Features(line);
  ASSERT_EQ(key, LineKey(line)) << line;
  ASSERT_EQ(fused.words, sep.words) << line;
  ASSERT_EQ(fused.lower_words, sep.lower_words) << line;
  ASSERT_EQ(fused.cap_words, sep.cap_words) << line;
  ASSERT_EQ(fused.letters, sep.letters) << line;
  ASSERT_EQ(fused.ends_terminal, sep.ends_terminal) << line;
  ASSERT_EQ(fused.ends_colon, sep.ends_colon) << line;
  ASSERT_EQ(fused.bullet, sep.bullet) << line;
  ASSERT_EQ(fused.only_punct, sep.only_punct) << line;
  ASSERT_EQ(fused.url, sep.url) << line;
  ASSERT_EQ(fused.starts_upper, sep.starts_upper) << line;
  ASSERT_EQ(fused.sentence_like, sep.sentence_like) << line;
}

TEST(LineFeatures, FusedPassAgreesWithTheSeparateFunctions) {
  for (std::string line : {"  - Share this article ", "It's hard to disagree.", "\u201cWe are ready,\u201d she said.",
                           "Harbour cranes idle after strike", "...", "Talks (in Oslo) ended: 3 days.",
                           "Copyright 2021 Lantern Media. All rights reserved", "> quoted line", "x",
                           "The U.S. and E.U. agreed on 2.5% growth, officials said", "",
                           // Non-ASCII lines take the general fused pass.
                           "\u2022 Share on Facebook", "\u2014 Reporting by Anna Lindqvist", "\u201cQuoted,\u201d she said\u2026",
                           "\u00c4rger in M\u00fcnchen \u00fcber die Pl\u00e4ne", "\u2018Single\u2019 quotes \u00abguillemets\u00bb",
                           "\u00a9 2022 Lantern Media", "\u041c\u043e\u0441\u043a\u0432\u0430 \u0437\u0430\u044f\u0432\u0438\u043b\u0430.",
                           "\u00a0 non-breaking start", "Price: \u20ac2.5bn \u2013 up 3% (est.)", "x\u2026", "it\u2019s",
                           " \u00bb Related: www.example.com/a", "\u201c", "\u00c9LYS\u00c9E \u2014 Paris, 12 mars"}) {
    ExpectFusedAgrees(line);
  }
}

// Metadata parsing keeps words, keys and dates of short lines inside
// fixed buffers and spills longer ones to the heap; both sides of every
// threshold must read the same.
TEST(MetadataLine, LongAndNonAsciiLinesReadAsShortOnes) {
  CueLexicon lex = CueLexicon::Load();
  auto m = ParseMetadataLine("By H\u00e9l\u00e8ne Marchetti in Port Aurel", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->author, "H\u00e9l\u00e8ne Marchetti");
  m = ParseMetadataLine("Ver\u00f6ffentlicht: 12. M\u00c4RZ 2022", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->date, "2022-03-12");
  // A byline segment of more than 192 bytes (past the word buffer).
  std::string names;
  for (int k = 0; k < 6; ++k) names += std::string(k ? " " : "") + "A" + std::string(29, 'a');
  m = ParseMetadataLine("By " + names + " and Bb", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->author, names + " and Bb");
  // A date line of more than 96 bytes (past the date words' buffer), with
  // a weekday before the date and a time after it.
  m = ParseMetadataLine("Updated" + std::string(60, '\t') + "Wednesday 12 January 2022, 14:05 GMT", true, lex);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->date, "2022-01-12");
  EXPECT_TRUE(m->date_is_update);
  EXPECT_EQ(StripHonorifics("Dr. Prof. Katrin Vollmer"), "Katrin Vollmer");
}

// A metadata line's classes and blanks are counted, and its separators
// found, sixteen bytes at a time: separators at every offset around that
// width, and the limit of 16 blanks on either side.
TEST(MetadataLine, SeparatorsAtEveryOffsetAndTheBlankLimit) {
  CueLexicon lex = CueLexicon::Load();
  for (std::size_t pad = 0; pad < 20; ++pad) {
    const std::string name = "Anna" + std::string(pad, 'a') + " Lindqvist";
    for (const std::string sep : {" | ", " \u00b7 ", " \u2022 ", " \u2014 ", " - "}) {
      auto m = ParseMetadataLine("By " + name + sep + "12 January 2022", true, lex);
      ASSERT_TRUE(m) << pad << sep;
      EXPECT_EQ(m->author, name) << pad << sep;
      EXPECT_EQ(m->date, "2022-01-12") << pad << sep;
    }
    // A hyphen inside a name is no separator.
    auto m = ParseMetadataLine("By " + name + "-Berg | 12 January 2022", true, lex);
    ASSERT_TRUE(m) << pad;
    EXPECT_EQ(m->author, name + "-Berg") << pad;
  }
  EXPECT_TRUE(ParseMetadataLine("12 January 2022" + std::string(14, ' ') + "GMT", false, lex));
  EXPECT_FALSE(ParseMetadataLine("12 January 2022" + std::string(15, ' ') + "GMT", false, lex));
}


TEST(LineFeatures, KeyBufferAgreesWithLineKey) {
  const std::vector<std::string> pieces = {"a", "B", "z", "0", " ", " ", "  ", "\t", "-", ".", ",", "'", "`", "\"",
                                           "\u00c9", "\u00df", "\u0130", "\u2019", "\u201c", "\u00a0", "\u00a9",
                                           "\u2022", "\u0416", "Word", "MIXED case "};
  sitrep::testing::Lcg next{7};
  KeyBuffer keys;  // reused across calls, as the parser does
  for (int round = 0; round < 3000; ++round) {
    std::string line;
    const unsigned n = next() % 60;
    for (unsigned k = 0; k < n; ++k) line += pieces[next() % pieces.size()];
    ASSERT_EQ(keys.Key(line), LineKey(line)) << line;
  }
}

// The fused pass reads ASCII lines 64 bytes at a time; random lines of
// letters, digits, joiners, closing marks, backticks, white space and
// pieces of web addresses, long enough to cross blocks, must give what
// LineKey and Features give.
TEST(LineFeatures, FusedPassAgreesOnRandomAsciiLines) {
  const std::string alphabet = "aaaaeeiioouttnnsrhlTSAB0123456789    '''---...,,,\"]}>)(:;!?`\t*@/";
  sitrep::testing::Lcg next{11};
  const std::string pieces[] = {"www.", "ww.", "wwww.", "http://", "https://", "://", "http:/", "www"};
  for (int round = 0; round < 3000; ++round) {
    std::string line;
    const unsigned n = next() % 200;
    for (unsigned k = 0; k < n; ++k) {
      if (next() % 24 == 0) {
        line += pieces[next() % std::size(pieces)];
        continue;
      }
      // Mostly single spaces (the block path), sometimes a tab or a double space.
      char c = alphabet[next() % alphabet.size()];
      if ((c == '\t' || (c == ' ' && !line.empty() && line.back() == ' ')) && next() % 4 != 0) c = 'x';
      line.push_back(c);
    }
    ASSERT_NO_FATAL_FAILURE(ExpectFusedAgrees(line));
  }
}

// Lines with non-ASCII characters take the general fused pass, which
// copies runs of ASCII letters inside a word sixteen bytes at a time (or
// byte by byte near the line's end): it must agree with LineKey and
// Features for runs of every length, next to accented letters, typographic
// marks and the line's ends.
TEST(LineFeatures, GeneralPassAgreesOnRandomNonAsciiLines) {
  const std::string alphabet = "aaaaeeiioouttnnsrhlTSAB0123456789    '''---...,,,\"]}>)(:;!?`";
  const std::string pieces[] = {"\u00e9", "\u00c4", "\u2019", "\u201c", "\u201d", "\u2014", "\u2026",
                                "\u00a0", "\u041c\u0438\u0440", "\u00bb", "\u2022 "};
  sitrep::testing::Lcg next{23};
  for (int round = 0; round < 3000; ++round) {
    std::string line;
    const unsigned n = next() % 40;
    for (unsigned k = 0; k < n; ++k) {
      const unsigned pick = next() % 10;
      if (pick == 0) {
        line += pieces[next() % std::size(pieces)];
      } else if (pick < 4) {
        // A run of letters of any length up to 40, in either case.
        const unsigned len = next() % 41;
        for (unsigned c = 0; c < len; ++c) line.push_back(static_cast<char>((next() % 2 ? 'a' : 'A') + next() % 26));
      } else {
        line.push_back(alphabet[next() % alphabet.size()]);
      }
    }
    // At least one non-ASCII character, first or last.
    const std::string& piece = pieces[next() % std::size(pieces)];
    line = next() % 2 ? piece + line : line + piece;
    ASSERT_NO_FATAL_FAILURE(ExpectFusedAgrees(line));
  }
}

// A scraped page written for this test.
const char* kScraped =
    "Port workers end strike after pay deal\n"
    "Port workers end strike after pay deal\n"
    "Source: The Evening Lantern\n"
    "Feature 3 March 2021\n"
    "By Ines Carvalho, Labour Correspondent\n"
    "Media playback is unsupported on your device\n"
    "Image caption, Cranes stood idle for nine days\n"
    "Dock workers in the city returned to work on Wednesday after unions accepted a pay offer.\n"
    "\n"
    "The strike had halted most container traffic. It's hard to disagree.\n"
    "What comes next\n"
    "Shipping firms said backlogs would take weeks to clear.\n"
    "Sign up for our morning briefing\n"
    ".\n"
    "More on this story\n"
    "Why the docks matter\n"
    "A short history of port strikes\n"
    "Related Topics: Labour, Shipping\n"
    "Share this article\n";

// A player's notice written as two full sentences is still no body text.
TEST(CleanStage, AVideoNoticeInFullSentencesIsRemoved) {
  Article a = Clean(
      "Dock strike ends\n"
      "This video cannot be played. Please turn on scripts in your browser.\n"
      "Dock workers in the city returned to work on Wednesday after unions accepted a pay offer.\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.text, "Dock workers in the city returned to work on Wednesday after unions accepted a pay offer.");
  EXPECT_EQ(Why(a)["This video cannot be played. Please turn on scripts in your browser."], "video player notice");
}

// A geo-block notice and a series note with a sign-up prompt both read as
// full sentences; they are still page furniture.
TEST(CleanStage, GeoBlockNoticeAndSeriesSignUpAreRemoved) {
  Article a = Clean(
      "Tessary mill reopens\n"
      "This video is not available in your region.\n"
      "The Tessary steel mill in Varnell reopened on Monday after a three-week stoppage.\n"
      "Workers said the furnaces would be back at full output by March.\n"
      "This report is part of our Lorvani Industry series. Sign up for our free newsletter.\n");
  ASSERT_TRUE(a.ok());
  auto why = Why(a);
  EXPECT_EQ(why["This video is not available in your region."], "video player notice");
  EXPECT_EQ(why["This report is part of our Lorvani Industry series. Sign up for our free newsletter."],
            "newsletter advert");
  EXPECT_EQ(a.text,
            "The Tessary steel mill in Varnell reopened on Monday after a three-week stoppage.\n\n"
            "Workers said the furnaces would be back at full output by March.");
}

// A sign-up box's second line reads as a sentence; after the body, below
// the box's first line, it goes with it. Inside the body the same words stay.
TEST(CleanStage, ASignUpBoxesSentenceAfterTheBodyGoesWithIt) {
  Article a = Clean(
      "Tessary mill reopens\n"
      "The Tessary steel mill in Varnell reopened on Monday after a three-week stoppage.\n"
      "Workers said the furnaces would be back at full output by March.\n"
      "Sign up to our Business newsletter\n"
      "Receive the Lenhall Ledger digest in your inbox each weekday.\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(Why(a)["Receive the Lenhall Ledger digest in your inbox each weekday."], "newsletter advert");
  EXPECT_EQ(a.text,
            "The Tessary steel mill in Varnell reopened on Monday after a three-week stoppage.\n\n"
            "Workers said the furnaces would be back at full output by March.");
  Article b = Clean(
      "Scam warning\n"
      "The Varnell police warned residents on Monday about a wave of fake tax demands.\n"
      "Sign up to our Business newsletter\n"
      "Officials said the messages land in your inbox looking like real notices.\n"
      "Residents should call the tax office before paying anything, they said.\n");
  ASSERT_TRUE(b.ok());
  EXPECT_NE(b.text.find("land in your inbox"), std::string::npos);
}

// A player's notice for a video taken down reads like a sentence too.
TEST(CleanStage, AVideoNoLongerAvailableNoticeIsRemoved) {
  Article a = Clean(
      "Dock strike ends\n"
      "Watch: the dockers leave the Kessar gates (1:12)\n"
      "This video is no longer available.\n"
      "Dock workers in Kessar returned to work on Wednesday after unions accepted a pay offer.\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.text, "Dock workers in Kessar returned to work on Wednesday after unions accepted a pay offer.");
  EXPECT_EQ(Why(a)["This video is no longer available."], "video player notice");
}

TEST(CleanStage, OutletsOwnJobAdvertInTheThirdPerson) {
  Article a = Clean(
      "Dock strike ends\n"
      "Dock workers in the city returned to work on Wednesday after unions accepted a pay offer.\n"
      "The Evening Lantern is hiring a data reporter. Apply by 30 April.\n"
      "The port authority is hiring 200 crane drivers to clear the backlog, a spokesman said.\n"
      "The Evening Lantern is looking for a photographer. See our careers page.\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.text,
            "Dock workers in the city returned to work on Wednesday after unions accepted a pay offer.\n\n"
            "The port authority is hiring 200 crane drivers to clear the backlog, a spokesman said.");
  auto why = Why(a);
  EXPECT_EQ(why["The Evening Lantern is hiring a data reporter. Apply by 30 April."], "job advert");
  EXPECT_EQ(why["The Evening Lantern is looking for a photographer. See our careers page."], "job advert");
}

TEST(CleanStage, SeparatesBodyMetadataAndFurniture) {
  Article a = Clean(kScraped);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.title, "Port workers end strike after pay deal");
  EXPECT_EQ(a.outlet, "The Evening Lantern");
  EXPECT_EQ(a.published, "2021-03-03");
  EXPECT_EQ(a.published_from, "dateline");
  EXPECT_EQ(a.author, "Ines Carvalho");
  EXPECT_EQ(a.text,
            "Dock workers in the city returned to work on Wednesday after unions accepted a pay offer.\n\n"
            "The strike had halted most container traffic. It's hard to disagree.\n\n"
            "What comes next\n\n"
            "Shipping firms said backlogs would take weeks to clear.");
  auto why = Why(a);
  EXPECT_EQ(why["Port workers end strike after pay deal"], "repeated headline");
  EXPECT_EQ(why["Source: The Evening Lantern"], "metadata: source");
  EXPECT_EQ(why["Feature 3 March 2021"], "metadata: date");
  EXPECT_EQ(why["By Ines Carvalho, Labour Correspondent"], "metadata: byline");
  EXPECT_EQ(why["Media playback is unsupported on your device"], "video player notice");
  EXPECT_EQ(why["Image caption, Cranes stood idle for nine days"], "image caption");
  EXPECT_EQ(why["Sign up for our morning briefing"], "newsletter advert");
  EXPECT_EQ(why["."], "stray punctuation");
  EXPECT_EQ(why["More on this story"], "related links");
  EXPECT_EQ(why["Why the docks matter"], "related links");
  EXPECT_EQ(why["A short history of port strikes"], "related links");
  EXPECT_EQ(why["Related Topics: Labour, Shipping"], "topic tags");
  EXPECT_EQ(why["Share this article"], "share prompt");
  // The first copy of the headline is the title, recorded as removed too.
  EXPECT_EQ(a.removed.front().why, "title");
  EXPECT_EQ(a.removed.size(), 14u);
}

// Records exported from a news archive (LexisNexis, Nexis Uni) carry
// their fields as "LABEL: value" lines around the story: the headline
// and byline are the article's, the rest is about the record.
TEST(CleanStage, ReadsTheFieldsOfANewsArchiveRecord) {
  Article a = Clean(
      "BYLINE: Odalys Varnell.\n"
      "SECTION: A-SECTION; Pg. A4\n"
      "LENGTH: 812 words\n"
      "HEADLINE: Ports reopen after strike ends\n"
      "BODY:\n"
      "Dock workers in Harlow returned to work on Monday after a two-week strike, the union said.\n"
      "The port authority said cargo would move normally by Friday.\n"
      "LOAD-DATE: June 28, 2016\n"
      "LANGUAGE: ENGLISH\n"
      "PUBLICATION-TYPE: Newspaper\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.title, "Ports reopen after strike ends");
  EXPECT_EQ(a.author, "Odalys Varnell");
  EXPECT_EQ(a.text,
            "Dock workers in Harlow returned to work on Monday after a two-week strike, the union said.\n\n"
            "The port authority said cargo would move normally by Friday.");
  auto why = Why(a);
  EXPECT_EQ(why["HEADLINE: Ports reopen after strike ends"], "title");
  EXPECT_EQ(why["BYLINE: Odalys Varnell."], "metadata: byline");
  for (const char* field : {"SECTION: A-SECTION; Pg. A4", "LENGTH: 812 words", "BODY:", "LOAD-DATE: June 28, 2016",
                            "LANGUAGE: ENGLISH", "PUBLICATION-TYPE: Newspaper"}) {
    EXPECT_EQ(why[field], "metadata: archive field") << field;
  }
  // The same labels in mixed case; a headline that also stands as a line
  // of its own is a repeat of the title.
  Article b = Clean(
      "Headline: Council delays vote on budget\n"
      "Section: Metro; Pg. B2\n"
      "Council delays vote on budget\n"
      "The council of Harlow postponed its budget vote on Monday after two members walked out, officials said.\n"
      "Load-Date: June 28, 2016\n");
  EXPECT_EQ(b.title, "Council delays vote on budget");
  EXPECT_EQ(b.text, "The council of Harlow postponed its budget vote on Monday after two members walked out, officials said.");
  EXPECT_EQ(Why(b)["Council delays vote on budget"], "repeated headline");
  // A sentence that merely opens with such a word stays.
  Article c = Clean(
      "Budget talks stall\n"
      "Length: the talks ran for eleven hours on Monday, and the two sides left the building without a statement, "
      "officials in the ministry of finance said late in the evening.\n"
      "A new round is expected next week.\n");
  EXPECT_NE(c.text.find("Length: the talks ran"), std::string::npos);
}

TEST(CleanStage, MetadataFromJsonWinsAndIsNormalised) {
  Article a;
  a.text = "Given Title\nThe council met on Tuesday and agreed a budget.";
  a.input_format = "json";
  a.title = "Given Title";
  a.outlet = "Metadata Outlet";
  a.published = "2021-03-02T09:00:00+01:00";
  CleanStage stage;
  stage.Process(a, nullptr);
  EXPECT_EQ(a.published, "2021-03-02");
  EXPECT_EQ(a.published_from, "metadata");
  EXPECT_EQ(a.outlet, "Metadata Outlet");
  EXPECT_EQ(a.text, "The council met on Tuesday and agreed a budget.");
  EXPECT_EQ(Why(a)["Given Title"], "repeated headline");
}

TEST(CleanStage, UnreadableDateFieldIsDroppedWithAWarning) {
  Article a;
  a.text = "The council met and agreed a budget.";
  a.input_format = "json";
  a.published = "sometime soon";
  CleanStage stage;
  stage.Process(a, nullptr);
  EXPECT_EQ(a.published, std::nullopt);
  ASSERT_EQ(a.warnings.size(), 1u);
}

TEST(CleanStage, RemovesBulletedAndUnbulletedLinkLists) {
  Article a = Clean(
      "Storm closes mountain passes\n"
      "Snow closed three passes overnight, the road agency said.\n"
      "- Avalanche warning raised\n"
      "- Ski resorts shut early\n"
      "Drivers were told to stay home.\n"
      "Trains cancelled in the north\n"
      "Schools stay open\n"
      "Bridge repairs delayed\n");
  auto why = Why(a);
  EXPECT_EQ(why["- Avalanche warning raised"], "link list");
  EXPECT_EQ(why["Trains cancelled in the north"], "link list");
  EXPECT_EQ(a.text, "Snow closed three passes overnight, the road agency said.\n\nDrivers were told to stay home.");
}

// A list the body announces with a line of prose ending in a colon is the
// body's own (results, demands, a ranking), in the middle of the article
// or at its end; the same lines under a header of links still go.
TEST(CleanStage, AListTheBodyAnnouncesIsKept) {
  const std::string results =
      "The parties that won seats were:\n"
      "1. Union for Progress, 34 percent\n"
      "2. Green Alliance, 21 percent\n"
      "3. National Renewal, 18 percent\n";
  const std::string demands =
      "The protesters listed their demands:\n"
      "- an end to the fuel levy\n"
      "- new elections within six months\n";
  Article a = Clean("The election commission published the results on Sunday after three days of counting.\n" + results +
                    "Turnout was 64 percent, the commission said.\n" + demands);
  EXPECT_TRUE(a.removed.empty()) << a.removed.front().text << ": " << a.removed.front().why;
  EXPECT_NE(a.text.find("3. National Renewal, 18 percent"), std::string::npos);
  EXPECT_NE(a.text.find("- new elections within six months"), std::string::npos);
  Article b = Clean("The election commission published the results on Sunday after three days of counting.\n"
                    "More from the Daily Lantern:\n"
                    "Union for Progress wins in the north\n"
                    "Green Alliance doubles its seats\n"
                    "National Renewal leader resigns\n");
  auto why = Why(b);
  EXPECT_EQ(why["Green Alliance doubles its seats"], "related links");
  EXPECT_EQ(b.text, "The election commission published the results on Sunday after three days of counting.");
}

TEST(CleanStage, AButtonLabelOverLinksHeadsThemAndAnAudioNoticeGoes) {
  // "Read more" with no colon, over two headlines (one with a label of its
  // own), then the body again; the audio player's notice reads like a
  // sentence but is furniture.
  Article a = Clean(
      "Ferries halted in the Lenhall channel\n"
      "Listen to this article (4 min), read by our narrator.\n"
      "Ferry services across the channel were halted on Monday after a collision, the port authority said.\n"
      "Read more\n"
      "Kessar Times explainer: who runs the channel\n"
      "Podcast: a week on the night ferry\n"
      "Crews inspected both vessels overnight, and the authority said services could resume on Tuesday.\n"
      "Read more\n"
      "Passengers were offered refunds or seats on later sailings, a company spokeswoman said.\n");
  auto why = Why(a);
  EXPECT_EQ(why["Podcast: a week on the night ferry"], "related links");
  EXPECT_EQ(why["Kessar Times explainer: who runs the channel"], "related links");
  EXPECT_FALSE(why["Listen to this article (4 min), read by our narrator."].empty());
  EXPECT_EQ(a.text,
            "Ferry services across the channel were halted on Monday after a collision, the port authority said.\n\n"
            "Crews inspected both vessels overnight, and the authority said services could resume on Tuesday.\n\n"
            "Passengers were offered refunds or seats on later sailings, a company spokeswoman said.");
}

TEST(CleanStage, LinesAnOutletRepeatsAreRemovedForThatOutletOnly) {
  auto rep = std::make_shared<RepeatedLines>();
  const std::string promo = "Our podcast is out every Friday, with the week's biggest stories.";
  for (int i = 0; i < 4; ++i) {
    rep->AddArticle("Lantern", "Story " + std::to_string(i) + " body sentence here.\n" + promo);
  }
  rep->AddArticle("Other", "Unrelated.\n" + promo);
  EXPECT_EQ(rep->Count("Lantern", promo), 4u);
  EXPECT_EQ(rep->Count("Other", promo), 1u);
  Article a;
  a.text = "Ferry services resume after repairs to the harbour wall.\n" + promo;
  a.outlet = "Lantern";
  a.input_format = "json";
  CleanStage stage(rep);
  stage.Process(a, nullptr);
  EXPECT_EQ(Why(a)[promo], "repeated across articles of this outlet");
  Article b;
  b.text = "Ferry services resume after repairs to the harbour wall.\n" + promo;
  b.outlet = "Other";
  b.input_format = "json";
  stage.Process(b, nullptr);
  EXPECT_TRUE(b.removed.empty());
}

// The thresholds: at least kMinRepeats articles, and for a line that reads
// like a sentence at least half of the outlet's articles; many repeated
// lines at once (the stage keeps its own table of them).
TEST(CleanStage, RepeatedLinesNeedThreeArticlesAndSentencesHalfOfThem) {
  auto rep = std::make_shared<RepeatedLines>();
  const std::string twice = "Listen to our morning briefing on the way to work.";
  const std::string thrice = "Read the whole series on our website this weekend.";
  std::vector<std::string> furniture;
  for (int k = 0; k < 80; ++k) furniture.push_back("Harbour shop offer " + std::to_string(k));
  for (int i = 0; i < 10; ++i) {
    std::string text = "Story " + std::to_string(i) + " has its own opening sentence here.";
    if (i < 2) text += "\n" + twice;
    if (i < 3) text += "\n" + thrice;
    if (i < 3) {
      for (const auto& f : furniture) text += "\n" + f;
    }
    rep->AddArticle("Lantern", text);
  }
  CleanStage stage(rep);
  Article a;
  a.text = "Ferry services resume after repairs to the harbour wall.\n" + twice + "\n" + thrice +
           "\nThe wall was damaged in a storm last winter, officials said.\n" + furniture[0] + "\n" +
           furniture[79] + "\nRepairs took four months and cost more than planned.";
  a.outlet = "Lantern";
  a.input_format = "json";
  stage.Process(a, nullptr);
  auto why = Why(a);
  EXPECT_EQ(why.count(twice), 0u);   // in two articles: fewer than kMinRepeats
  EXPECT_EQ(why.count(thrice), 0u);  // a sentence in 3 of 10 articles: under half
  EXPECT_EQ(why[furniture[0]], "repeated across articles of this outlet");
  EXPECT_EQ(why[furniture[79]], "repeated across articles of this outlet");
}

TEST(CleanStage, MarkdownTitleImagesAndLinks) {
  Article a = Clean(
      "# Harbour reopens\n"
      "![A crane](http://example.org/crane.jpg)\n"
      "The harbour reopened on **Friday**, officials said, after [a week](http://example.org/x) of repairs.\n"
      "## What next\n"
      "Ferries will run a reduced timetable.\n",
      "markdown");
  EXPECT_EQ(a.title, "Harbour reopens");
  auto why = Why(a);
  EXPECT_EQ(why["# Harbour reopens"], "title");
  EXPECT_EQ(why["![A crane](http://example.org/crane.jpg)"], "image");
  EXPECT_EQ(a.text,
            "The harbour reopened on Friday, officials said, after a week of repairs.\n\nWhat next\n\n"
            "Ferries will run a reduced timetable.");
}

TEST(CleanStage, MarkdownLineInSingleEmphasisIsReadForItsText) {
  Article a = Clean(
      "# Harbour reopens\n"
      "*Evening Lantern Radio, 23 March 2023*\n"
      "The harbour reopened on Friday, officials said, after a week of repairs.\n"
      "Ferries will run a *reduced* timetable.\n",
      "markdown");
  EXPECT_EQ(a.published, "2023-03-23");
  EXPECT_EQ(a.outlet, "Evening Lantern Radio");
  // Emphasis inside a line stays as written.
  EXPECT_NE(a.text.find("a *reduced* timetable"), std::string::npos) << a.text;
}

TEST(CleanStage, RelatedAndImageLinesGoEvenWhenTheyReadLikeSentences) {
  Article a = Clean(
      "Harbour reopens\n"
      "The harbour reopened on Friday, officials said, after a week of repairs.\n"
      "Ferries will run a reduced timetable until the spring.\n"
      "Image: Cranes unload the first ship at the harbour in the morning.\n"
      "Related: Who runs the harbour now?\n",
      "text");
  auto why = Why(a);
  EXPECT_EQ(why["Image: Cranes unload the first ship at the harbour in the morning."], "image caption");
  EXPECT_EQ(why["Related: Who runs the harbour now?"], "related links");
}

TEST(CleanStage, ACaptionEndingInAnAgencyPhotoCreditGoes) {
  Article a = Clean(
      "Harbour reopens\n"
      "The harbour reopened on Friday, officials said, after a week of repairs.\n"
      "Dock workers unload the first ship in Lenhall on Friday. HARBOUR WIRE/Odalys Kessar\n"
      "Trade between the two ports grew along the route to Dravenia/Morvia.\n"
      "Ferries will run a reduced timetable until the spring, the port said.\n"
      "KESSAR/Tomas Varnell\n"
      "Correction: An earlier version of this article gave the wrong day for the reopening.\n",
      "text");
  auto why = Why(a);
  EXPECT_EQ(why["Dock workers unload the first ship in Lenhall on Friday. HARBOUR WIRE/Odalys Kessar"], "image caption");
  EXPECT_EQ(why["KESSAR/Tomas Varnell"], "image caption");
  EXPECT_EQ(why["Correction: An earlier version of this article gave the wrong day for the reopening."],
            "editorial note");
  // A slash between two names inside a sentence is no credit.
  EXPECT_NE(a.text.find("route to Dravenia/Morvia."), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("Ferries will run"), std::string::npos) << a.text;
}

TEST(CleanStage, ButtonLabelWithColonHeadsTheLinksUnderIt) {
  Article a = Clean(
      "The quarry reopened on Monday after a month of inspections, the council said.\n"
      "Workers will return in shifts until the new crane arrives.\n"
      "Read more:\n"
      "Quarry town waits for the inspectors\n"
      "Who owns the quarry?\n"
      "The crane makers in numbers\n",
      "text");
  auto why = Why(a);
  EXPECT_EQ(why["Read more:"], "related links");
  EXPECT_EQ(why["Quarry town waits for the inspectors"], "related links");
  EXPECT_EQ(why["Who owns the quarry?"], "related links");
  EXPECT_NE(a.text.find("Workers will return in shifts"), std::string::npos);
  // Without the colon it is a button, and what follows is judged alone.
  Article b = Clean(
      "The quarry reopened on Monday after a month of inspections, the council said.\n"
      "Read more\n"
      "Workers will return in shifts until the new crane arrives.\n",
      "text");
  EXPECT_EQ(Why(b)["Read more"], "share prompt");
  EXPECT_NE(b.text.find("Workers will return in shifts"), std::string::npos);
}

TEST(CleanStage, TranslatedReadAlsoLineIsARelatedLink) {
  Article a = Clean(
      "The quarry reopened on Monday after a month of inspections, the council said.\n"
      "Workers will return in shifts until the new crane arrives.\n"
      "To read also: Who owns the quarry?\n",
      "text");
  EXPECT_EQ(Why(a)["To read also: Who owns the quarry?"], "related links");
}

TEST(CleanStage, OutletFromMoreFromHeaderOrCopyrightLine) {
  EXPECT_EQ(OutletFromText("Title line here\nA sentence of body text follows.\nMore from The Evening Lantern\nLink"),
            "The Evening Lantern");
  EXPECT_EQ(OutletFromText("Title line here\nA sentence of body text follows.\n"
                           "Copyright \u00a9 2021 Lantern Media Group Ltd. All rights reserved."),
            "Lantern");
  EXPECT_EQ(OutletFromText("Title line here\nEvening Lantern Radio, Lisbon\nA sentence of body text follows."),
            "Evening Lantern Radio");
  // Without a word that marks a news outlet, a name line is not taken as one.
  EXPECT_EQ(OutletFromText("Title line here\nThe Evening Lantern, Lisbon\nA sentence of body text follows."), "");
  EXPECT_EQ(OutletFromText("Title line here\nA sentence of body text follows."), "");
}

// The copyright line is found by "\u00a9", "copyright" or "all rights
// reserved" in lower or upper case, wherever it falls in the line (the
// search reads sixteen bytes at a time); a brand line's name ends at its
// first comma or spaced separator.
TEST(CleanStage, OutletFromCopyrightLinesAndBrandSeparators) {
  // Past the lines a brand line may stand on.
  std::string body = "Title line here\n";
  for (int k = 0; k < 8; ++k) body += "A sentence of body text follows.\n";
  EXPECT_EQ(OutletFromText(body + "COPYRIGHT 2020 LANTERN RADIO"), "LANTERN RADIO");
  EXPECT_EQ(OutletFromText(body + "Harbour Gazette Media Group. ALL RIGHTS RESERVED."), "Harbour Gazette");
  // The sign and the words at every offset around a sixteen-byte boundary
  // (opening brackets before them are skipped as punctuation).
  for (std::size_t pad = 0; pad < 20; ++pad) {
    const std::string lead(pad, '(');
    EXPECT_EQ(OutletFromText(body + lead + "\u00a9 2021 Lantern Media"), "Lantern") << pad;
    EXPECT_EQ(OutletFromText(body + lead + "Lantern Media. All rights reserved"), "Lantern") << pad;
    EXPECT_EQ(OutletFromText(body + lead + "Copyright Lantern Media"), "Lantern") << pad;
  }
  // Mixed case is none of the forms looked for.
  EXPECT_EQ(OutletFromText(body + "Lantern Media. All Rights Reserved"), "");
  EXPECT_EQ(OutletFromText(body + "CoPYRIGHT Lantern Media"), "");
  CueLexicon lex = CueLexicon::Load();
  EXPECT_EQ(BrandLine("Evening Lantern Radio \u2013 English Edition", lex), "Evening Lantern Radio");
  EXPECT_EQ(BrandLine("Evening Lantern Radio \u00b7 Port Aurel", lex), "Evening Lantern Radio");
  EXPECT_EQ(BrandLine("Evening Lantern Radio | Port Aurel", lex), "Evening Lantern Radio");
  EXPECT_EQ(BrandLine("Lantern-Radio Times - Port Aurel", lex), "Lantern-Radio Times");
  EXPECT_EQ(BrandLine("Port Aurel Radio", lex), "Port Aurel Radio");
  EXPECT_EQ(BrandLine("Evening Lantern \u2013 Port Aurel", lex), std::nullopt);  // no outlet word in the line
}

// FindOutlet reads the copyright line last, so a brand line below it still
// wins, and of two copyright lines the first; given the cleaner's parses,
// keys and features it answers as it does alone.
TEST(CleanStage, OutletFromCopyrightLineOnlyWhenNothingElseNamesIt) {
  CueLexicon lex = CueLexicon::Load();
  const std::vector<std::vector<std::string>> articles = {
      {"Title line here", "Copyright 2021 Harbour Gazette Media", "Evening Lantern Radio, Lisbon",
       "A sentence of body text follows."},
      {"Title line here", "Copyright 2021 Harbour Gazette Media", "A sentence of body text follows.",
       "\u00a9 2022 Lantern Media Group"},
      {"Title line here", "Copyright 2021 Harbour Gazette Media", "Source: Port Aurel Radio",
       "A sentence of body text follows."},
      {"Title line here", "A sentence of body text follows.", "More from The Evening Lantern",
       "Copyright 2021 Harbour Gazette Media"},
      {"Title line here", "A sentence of body text follows."},
  };
  const std::vector<std::string> expected = {"Evening Lantern Radio", "Harbour Gazette", "Port Aurel Radio",
                                             "The Evening Lantern", ""};
  for (std::size_t k = 0; k < articles.size(); ++k) {
    std::vector<std::string_view> views;
    std::vector<std::string> key_strings;
    std::vector<LineFeatures> features;
    std::vector<std::optional<MetadataLine>> parsed;
    for (std::size_t i = 0; i < articles[k].size(); ++i) {
      const std::string& line = articles[k][i];
      views.push_back(line);
      key_strings.push_back(LineKey(line));
      features.push_back(Features(line));
      parsed.push_back(ParseMetadataLine(line, i < 12, lex));
    }
    const std::vector<std::string_view> keys(key_strings.begin(), key_strings.end());
    EXPECT_EQ(FindOutlet(views, lex).value_or(""), expected[k]) << k;
    EXPECT_EQ(FindOutlet(views, lex, &parsed, &keys, &features).value_or(""), expected[k]) << k;
  }
  for (std::string_view line : {"Evening Lantern Radio \u2013 English Edition", "Port Aurel Radio",
                                "Evening Lantern \u2013 Port Aurel", "The radio station said so.",
                                "Harbour Gazette Radio, a station of the port and its nine outlying villages"}) {
    EXPECT_EQ(BrandLine(line, lex, Features(line)), BrandLine(line, lex)) << line;
  }
}

TEST(CleanStage, NothingLeftIsSkippedWithReason) {
  Article a = Clean("Share this article\n.\nAdvertisement\n");
  EXPECT_FALSE(a.ok());
  EXPECT_EQ(a.reason, "no body text left after removing boilerplate");
  EXPECT_EQ(a.removed.size(), 3u);
}

TEST(CleanStage, TranslationNoteNamesTheLanguage) {
  Article a = Clean("Minister rejects plan\n(Translated from the German)\nThe minister rejected the plan on Monday.");
  EXPECT_EQ(a.translated_from, "German");
  EXPECT_EQ(Why(a)["(Translated from the German)"], "translation note");
}

// A present-tense note stands at the top of translated editions as often as "was translated".
TEST(CleanStage, PresentTenseTranslationNoteNamesTheLanguage) {
  Article a = Clean(
      "Lorvani harbour reopens\nThis article is translated from French.\n"
      "The harbour of Lorvani reopened on Monday after a week of strikes.");
  EXPECT_EQ(a.translated_from, "French");
  EXPECT_EQ(Why(a)["This article is translated from French."], "translation note");
}

TEST(Lines, MarkupTagsAreStrippedButNotAddressesOrComparisons) {
  std::string out = "untouched";
  EXPECT_TRUE(StripMarkupTags("<post id=\"7\" author=\"@kessar\">Polls open at eight</post>.", &out));
  EXPECT_EQ(out, "Polls open at eight.");
  EXPECT_TRUE(StripMarkupTags("one<br/>two<BR>three", &out));
  EXPECT_EQ(out, "onetwothree");
  EXPECT_TRUE(StripMarkupTags("the <SCRIPT>run(1)</Script> talks <style>p{}</style>resume <script>x", &out));
  EXPECT_EQ(out, "the talks resume ");
  out = "untouched";
  EXPECT_FALSE(StripMarkupTags("Write to <ann@example.org> or <https://example.org/x>.", &out));
  EXPECT_FALSE(StripMarkupTags("If a < b and c > d, then 3<4.", &out));
  EXPECT_FALSE(StripMarkupTags("An open <tag id=\"1\" never closed", &out));
  EXPECT_EQ(out, "untouched");
}

// Scraped text may carry the markup of an embedded post: the tags are no
// words of the article, the post's words are; a line of tags alone goes,
// with its reason. An HTML page's text is left as the page wrote it.
TEST(CleanStage, MarkupTagsThatLeakedIntoTextAreDropped) {
  const std::string text =
      "Shooting reported\n\nWitnesses posted updates as the news spread across the town.\n\n"
      "<post id=\"1\" author=\"@ann\">Two suspects were seen leaving the building</post>.\n\n<br/>\n\n"
      "Police said the area was safe again by the evening.\n";
  Article a = Clean(text);
  EXPECT_NE(a.text.find("Two suspects were seen leaving the building."), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find('<'), std::string::npos) << a.text;
  EXPECT_EQ(Why(a)["<br/>"], "markup tags");
  Article md = Clean("# Shooting reported\n\nWitnesses posted updates as the news spread across the town.\n\n"
                     "<post id=\"1\">Two suspects were seen leaving the building</post>.\n",
                     "markdown");
  EXPECT_NE(md.text.find("Two suspects were seen leaving the building."), std::string::npos) << md.text;
  EXPECT_EQ(md.text.find('<'), std::string::npos) << md.text;
}

}  // namespace
}  // namespace sitrep::clean
