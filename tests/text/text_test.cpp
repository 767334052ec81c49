#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/text.h"

namespace sitrep::text {
namespace {

std::vector<std::string> Tokens(const std::string& s) {
  Article a;
  a.text = s;
  Segment(&a);
  std::vector<std::string> out;
  for (const Token& t : a.tokens) out.emplace_back(a.TokenText(t));
  return out;
}

std::vector<std::string> Sentences(const std::string& s) {
  Article a;
  a.text = s;
  Segment(&a);
  std::vector<std::string> out;
  for (const Sentence& x : a.sentences) out.emplace_back(a.text.substr(x.begin, x.end - x.begin));
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenizer, SplitsCliticsLikeTheTreebank) {
  EXPECT_EQ(Tokens("They don't know."), (V{"They", "do", "n't", "know", "."}));
  // Opening marks before a word (a fast path) and the fused forms they may hide.
  EXPECT_EQ(Tokens("He said \"We (AP) \"cannot (gonna \"x"),
            (V{"He", "said", "\"", "We", "(", "AP", ")", "\"", "can", "not", "(", "gon", "na", "\"", "x"}));
  EXPECT_EQ(Tokens("We can't and won't."), (V{"We", "ca", "n't", "and", "wo", "n't", "."}));
  EXPECT_EQ(Tokens("Russia's envoy"), (V{"Russia", "'s", "envoy"}));
  EXPECT_EQ(Tokens("Russia\u2019s envoy"), (V{"Russia", "\u2019s", "envoy"}));
  EXPECT_EQ(Tokens("the allies' plan"), (V{"the", "allies", "'", "plan"}));
  EXPECT_EQ(Tokens("I cannot go"), (V{"I", "can", "not", "go"}));
}

// The shapes the chunk scan takes without the general path (a word and a
// mark after it, a mark and a word after it), on chunks it classifies at
// once and on longer ones or at the text's end that it reads byte by byte,
// and the fused forms those shapes may hide, in any case.
TEST(Tokenizer, FastPathsSplitLongChunksAndFusedForms) {
  EXPECT_EQ(Tokens("Internationalisation, \"Extraordinarily (internationalisation, x"),
            (V{"Internationalisation", ",", "\"", "Extraordinarily", "(", "internationalisation", ",", "x"}));
  EXPECT_EQ(Tokens("DUNNO, Wanna. gotta; (Cannot"),
            (V{"DU", "NNO", ",", "Wan", "na", ".", "got", "ta", ";", "(", "Can", "not"}));
  EXPECT_EQ(Tokens("candle, gonnas. Donner"), (V{"candle", ",", "gonnas", ".", "Donner"}));
}

// A word with one or two marks after it takes a shortcut past the general
// path. The general path splits the same chunk with an accented letter in
// the word (which keeps it off every shortcut) into the reference: the
// tokens must match, with the accent put back, for every pair of marks
// and words of one letter or more, in the middle of a line and at its end
// (where the chunk is read byte by byte).
TEST(Tokenizer, WordsWithMarksSplitAsTheGeneralPathSplitsThem) {
  const std::string marks = ",;:\")?!.('-";
  std::vector<std::string> tails;
  for (char a : marks) {
    tails.emplace_back(1, a);
    for (char b : marks) tails.push_back(std::string{a, b});
  }
  // Each word with one letter replaced by "é" for the reference.
  const std::pair<std::string, std::string> words[] = {
      {"a", "\u00e9"}, {"we", "w\u00e9"}, {"Dravenia", "Draveni\u00e9"}, {"Quillon", "Qu\u00e9llon"}};
  for (const auto& [word, accented] : words) {
    for (const std::string& tail : tails) {
      for (const char* after : {" next", ""}) {
        V got = Tokens("Lead " + word + tail + after);
        V want = Tokens("Lead " + accented + tail + after);
        for (std::string& t : want) {
          if (t.find("\u00e9") == std::string::npos) continue;
          // The word's tokens: the accented letter back to the plain one.
          const std::size_t at = t.find("\u00e9");
          const std::size_t in_word = accented.find("\u00e9");
          t = t.substr(0, at) + word[in_word] + t.substr(at + 2);
        }
        EXPECT_EQ(got, want) << word << tail << after;
      }
    }
  }
  // Fused forms keep off the shortcut (an accent would hide them from the
  // general path's split too).
  EXPECT_EQ(Tokens("cannot,\" gonna) Wanna? dunno!"),
            (V{"can", "not", ",", "\"", "gon", "na", ")", "Wan", "na", "?", "du", "nno", "!"}));
}

// Clitics after letters, numbers with separators and a mark before a
// number take shortcuts past the general path; they must split as it does,
// near the text's end as well (where the chunk is read byte by byte).
TEST(Tokenizer, CliticsNumbersAndMarksBeforeNumbers) {
  EXPECT_EQ(Tokens("Dravenia's IFRC'S she'd I'm don't CAN'T x"),
            (V{"Dravenia", "'s", "IFRC", "'S", "she", "'d", "I", "'m", "do", "n't", "CA", "N'T", "x"}));
  EXPECT_EQ(Tokens("1,200 2.5 3.14.15 1,200, (15 \"2021 x"),
            (V{"1,200", "2.5", "3.14.15", "1,200", ",", "(", "15", "\"", "2021", "x"}));
  EXPECT_EQ(Tokens("it's"), (V{"it", "'s"}));
  EXPECT_EQ(Tokens("1,200"), (V{"1,200"}));
  EXPECT_EQ(Tokens("'s n't x't 1,,2"), (V{"'", "s", "n't", "x't", "1", ",", ",", "2"}));
}

TEST(Tokenizer, KeepsNumbersAndSplitsUnits) {
  EXPECT_EQ(Tokens("100,000 troops"), (V{"100,000", "troops"}));
  EXPECT_EQ(Tokens("a 2.5bn deal"), (V{"a", "2.5", "bn", "deal"}));
  EXPECT_EQ(Tokens("up 3.5%."), (V{"up", "3.5", "%", "."}));
  EXPECT_EQ(Tokens("$100 in the 1990s"), (V{"$", "100", "in", "the", "1990s"}));
  EXPECT_EQ(Tokens("the 2nd round"), (V{"the", "2nd", "round"}));
}

// A colon with no space after a word splits off ("Kessar:\"We", "said:We");
// times and ratios keep theirs.
TEST(Tokenizer, AColonAfterAWordSplitsButNotInTimesAndRatios) {
  EXPECT_EQ(Tokens("Ana Kessar:\"We agreed.\""), (V{"Ana", "Kessar", ":", "\"", "We", "agreed", ".", "\""}));
  EXPECT_EQ(Tokens("He said:We agreed"), (V{"He", "said", ":", "We", "agreed"}));
  EXPECT_EQ(Tokens("at 10:30 by 3:1"), (V{"at", "10:30", "by", "3:1"}));
}

TEST(Tokenizer, KeepsAbbreviationsAndInitials) {
  EXPECT_EQ(Tokens("Mr. J. R. Smith of the U.S. said"),
            (V{"Mr.", "J.", "R.", "Smith", "of", "the", "U.S.", "said"}));
  EXPECT_EQ(Tokens("on Jan. 12"), (V{"on", "Jan.", "12"}));
  EXPECT_EQ(Tokens("No. 10 said no."), (V{"No.", "10", "said", "no", "."}));
  EXPECT_EQ(Tokens("The answer was No. Then"), (V{"The", "answer", "was", "No", ".", "Then"}));
}

TEST(Tokenizer, SplitsHyphensExceptAfterPrefixes) {
  EXPECT_EQ(Tokens("NATO-Russia talks"), (V{"NATO", "-", "Russia", "talks"}));
  EXPECT_EQ(Tokens("co-operation by e-mail"), (V{"co-operation", "by", "e-mail"}));
  EXPECT_EQ(Tokens("call 713-853-3989"), (V{"call", "713-853-3989"}));
  EXPECT_EQ(Tokens("peace\u2014for now"), (V{"peace", "\u2014", "for", "now"}));
}

TEST(Tokenizer, QuotesAndEllipses) {
  EXPECT_EQ(Tokens("\u201cWe will not,\u201d he said."),
            (V{"\u201c", "We", "will", "not", ",", "\u201d", "he", "said", "."}));
  EXPECT_EQ(Tokens("\"No...\" she said"), (V{"\"", "No", "...", "\"", "she", "said"}));
  EXPECT_EQ(Tokens("see https://example.org/a-b."), (V{"see", "https://example.org/a-b", "."}));
  EXPECT_EQ(Tokens("Really?! No way!! Then--"), (V{"Really", "?!", "No", "way", "!!", "Then", "--"}));
  EXPECT_EQ(Tokens("!!!"), (V{"!!!"}));
}

TEST(Tokenizer, FullStopBeforeAReferenceMarkEndsTheWord) {
  EXPECT_EQ(Tokens("named it Lenhall.[12] Later"), (V{"named", "it", "Lenhall", ".", "[", "12", "]", "Later"}));
  EXPECT_EQ(Tokens("the Kessar Company.(see below)"),
            (V{"the", "Kessar", "Company", ".", "(", "see", "below", ")"}));
  // An abbreviation or an initial keeps its full stop.
  EXPECT_EQ(Tokens("Lenhall Ltd.[3]"), (V{"Lenhall", "Ltd.", "[", "3", "]"}));
  EXPECT_EQ(Tokens("the U.S.[4]"), (V{"the", "U.S.", "[", "4", "]"}));
}

TEST(Tokenizer, OffsetsPointIntoTheText) {
  Article a;
  a.text = "Zürich’s mayor, “yes”.";
  Segment(&a);
  for (const Token& t : a.tokens) {
    EXPECT_LT(t.begin, t.end);
    EXPECT_LE(t.end, a.text.size());
  }
  EXPECT_EQ(a.TokenText(a.tokens[0]), "Zürich");
}

// A US state as newswires abbreviate it keeps its full stop as one token;
// it ends a sentence before a capitalised word (a name need not be a usual
// sentence starter), never before a lower-case word or a bracket.
TEST(Segmenter, AStateAbbreviationEndsASentenceBeforeACapital) {
  EXPECT_EQ(Tokens("in Kessar Falls, Mont., on Monday"), (V{"in", "Kessar", "Falls", ",", "Mont.", ",", "on", "Monday"}));
  EXPECT_EQ(Sentences("Talks were held in Kessar Falls, Mont. Varnell spoke first."),
            (V{"Talks were held in Kessar Falls, Mont.", "Varnell spoke first."}));
  EXPECT_EQ(Sentences("Crowds gathered in Lenhall, N.H. on Monday."), (V{"Crowds gathered in Lenhall, N.H. on Monday."}));
  EXPECT_EQ(Sentences("Sen. Odal Varnell (Mont.) voted no."), (V{"Sen. Odal Varnell (Mont.) voted no."}));
  // Another abbreviation still ends one only before a usual starter.
  EXPECT_EQ(Sentences("Talks resumed on Jan. Varnell spoke first."), (V{"Talks resumed on Jan. Varnell spoke first."}));
}

// A token of thousands of bytes (encoded data a scraper left) is kept
// whole and reported in one warning; ordinary text has none.
TEST(Segmenter, ALongTokenIsReported) {
  Article a;
  a.text = "The image data was " + std::string(5000, 'Q') + " and " + std::string(1200, 'z') + " here.";
  Segment(&a);
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_NE(a.warnings[0].find("2 token(s) longer than 1000 bytes"), std::string::npos) << a.warnings[0];
  EXPECT_NE(a.warnings[0].find("the longest 5000"), std::string::npos) << a.warnings[0];
  Article b;
  b.text = "The talks ended on Monday in Geneva.";
  Segment(&b);
  EXPECT_TRUE(b.warnings.empty());
}

TEST(Segmenter, HandlesNewsAbbreviationsAndQuotes) {
  EXPECT_EQ(Sentences("Mr. Smith met Gen. Jones in the U.S. The talks ended."),
            (V{"Mr. Smith met Gen. Jones in the U.S.", "The talks ended."}));
  EXPECT_EQ(Sentences("He said \u201cNo.\u201d Then he left."),
            (V{"He said \u201cNo.\u201d", "Then he left."}));
  EXPECT_EQ(Sentences("\u201cAre you sure?\u201d he asked. She was."),
            (V{"\u201cAre you sure?\u201d he asked.", "She was."}));
  EXPECT_EQ(Sentences("Talks failed. \"We will try again,\" she said."),
            (V{"Talks failed.", "\"We will try again,\" she said."}));
  EXPECT_EQ(Sentences("He said \"No.\" Then he left."), (V{"He said \"No.\"", "Then he left."}));
  EXPECT_EQ(Sentences("It's hard to disagree. It was not enough."),
            (V{"It's hard to disagree.", "It was not enough."}));
  EXPECT_EQ(Sentences("Talks resumed on Jan. 12 in Geneva."), (V{"Talks resumed on Jan. 12 in Geneva."}));
  EXPECT_EQ(Sentences("He paused... and went on. Then: silence."),
            (V{"He paused... and went on.", "Then: silence."}));
  EXPECT_EQ(Sentences("J. K. Rowling wrote. Sales rose 2.5% to 100,000."),
            (V{"J. K. Rowling wrote.", "Sales rose 2.5% to 100,000."}));
  // A sentence never opens with a comma; "Rep." is a title like "Sen.".
  EXPECT_EQ(Sentences("He denounced Sen. Ted Cruz (R-Tex.), who said no. Rep. Ana Diaz left."),
            (V{"He denounced Sen. Ted Cruz (R-Tex.), who said no.", "Rep. Ana Diaz left."}));
  EXPECT_EQ(Sentences("It went to Rep. Debbie Wasserman Schultz (D-Fla.) to chair."),
            (V{"It went to Rep. Debbie Wasserman Schultz (D-Fla.) to chair."}));
}

// A question or exclamation in quotes, then the speaker's name and a verb
// of saying, is one sentence; a name and any other verb start the next.
TEST(Segmenter, AQuotedQuestionAndItsNamedSpeakerAreOneSentence) {
  EXPECT_EQ(Sentences("\u201cHave I started writing my speech?\u201d Kessar replied. \u201cYes.\u201d"),
            (V{"\u201cHave I started writing my speech?\u201d Kessar replied.", "\u201cYes.\u201d"}));
  EXPECT_EQ(Sentences("\u201cWhy now?\u201d Odalys Kessar asked on Monday."),
            (V{"\u201cWhy now?\u201d Odalys Kessar asked on Monday."}));
  EXPECT_EQ(Sentences("\u201cWhy now?\u201d Kessar left the room."),
            (V{"\u201cWhy now?\u201d", "Kessar left the room."}));
  EXPECT_EQ(Sentences("Was it over? Kessar said nothing."), (V{"Was it over?", "Kessar said nothing."}));
}

// After a full stop, a title of three characters ("Mr.", "Dr.") opens the
// next sentence: it is no second terminal mark as "?!" and "..." are.
TEST(Segmenter, AShortTitleAfterAFullStopOpensTheNextSentence) {
  EXPECT_EQ(Sentences("He declined to comment. Mr. Varnell said nothing."),
            (V{"He declined to comment.", "Mr. Varnell said nothing."}));
  EXPECT_EQ(Sentences("The toll rose in Kessar. Dr. Odalys Harlen said more would die."),
            (V{"The toll rose in Kessar.", "Dr. Odalys Harlen said more would die."}));
  EXPECT_EQ(Sentences("Talks ended. Dr. Lenhall left. Really?! Yes..."),
            (V{"Talks ended.", "Dr. Lenhall left.", "Really?!", "Yes..."}));
}

TEST(Segmenter, WireDatelineIsASentenceOfItsOwn) {
  EXPECT_EQ(Sentences("NAIROBI, Jan 14 (Harbour Wire) - The truce holds."),
            (V{"NAIROBI, Jan 14 (Harbour Wire) -", "The truce holds."}));
  EXPECT_EQ(Sentences("BRUSSELS - Ministers met on Monday."), (V{"BRUSSELS -", "Ministers met on Monday."}));
  EXPECT_EQ(Sentences("NEW YORK \u2014 Talks resumed."), (V{"NEW YORK \u2014", "Talks resumed."}));
  // Two places of a joint dateline.
  EXPECT_EQ(Sentences("LENHALL/ODAL, Jan 14 (Harbour Wire) - The truce holds."),
            (V{"LENHALL/ODAL, Jan 14 (Harbour Wire) -", "The truce holds."}));
  // A short acronym before a dash is not a place: one sentence.
  EXPECT_EQ(Sentences("EU - Russia talks resumed."), (V{"EU - Russia talks resumed."}));
}

TEST(Segmenter, LineBreaksEndSentences) {
  EXPECT_EQ(Sentences("Allies meet in Brussels\nThe meeting began at noon."),
            (V{"Allies meet in Brussels", "The meeting began at noon."}));
}

TEST(Segmenter, EmptyLinesBetweenParagraphsChangeNothing) {
  Article one, blank;
  one.text = "Quillon spoke.\nDravenia waited\n\"Yes\"";
  blank.text = "\nQuillon spoke.\n\n\nDravenia waited\n\n\"Yes\"\n\n";
  Segment(&one);
  Segment(&blank);
  ASSERT_EQ(one.tokens.size(), blank.tokens.size());
  for (std::size_t i = 0; i < one.tokens.size(); ++i) {
    EXPECT_EQ(one.TokenText(one.tokens[i]), blank.TokenText(blank.tokens[i]));
    EXPECT_EQ(one.tokens[i].space_after, blank.tokens[i].space_after);
  }
  ASSERT_EQ(one.sentences.size(), 3u);
  ASSERT_EQ(blank.sentences.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(one.sentences[i].first_token, blank.sentences[i].first_token);
    EXPECT_EQ(one.sentences[i].end_token, blank.sentences[i].end_token);
  }
  EXPECT_EQ(Sentences("\n\nA b.\n\n"), (V{"A b."}));
}

TEST(Segmenter, CapsOverlongSentences) {
  std::string s;
  for (int i = 0; i < 1000; ++i) s += "word ";
  Article a;
  a.text = s;
  Segment(&a);
  ASSERT_EQ(a.sentences.size(), 3u);
  EXPECT_EQ(a.sentences[0].token_count(), kMaxSentenceTokens);
  EXPECT_FALSE(a.warnings.empty());
}

TEST(Segmenter, HugeTokenIsLinear) {
  Article a;
  a.text = std::string(10000, 'x') + " end.";
  Segment(&a);
  ASSERT_EQ(a.tokens.size(), 3u);
  EXPECT_EQ(a.tokens[0].end - a.tokens[0].begin, 10000u);
}

TEST(RepairMojibake, TurnsMisDecodedRunsBackIntoTheirCharacters) {
  auto repaired = [](std::string s, std::size_t* n = nullptr) {
    const std::size_t k = RepairMojibake(&s);
    if (n) *n = k;
    return s;
  };
  std::size_t n = 0;
  EXPECT_EQ(repaired("Ju\u00c3\u00a1rez", &n), "Ju\u00e1rez");
  EXPECT_EQ(n, 1u);
  // Windows-1252's own characters for bytes 0x80-0x9F ("\u00e2\u20ac\u2122" is ’).
  EXPECT_EQ(repaired("won\u00e2\u20ac\u2122t"), "won\u2019t");
  EXPECT_EQ(repaired("\u00e2\u20ac\u0153Yes\u00e2\u20ac\u009d"), "\u201cYes\u201d");
  // Cyrillic, and text damaged twice.
  EXPECT_EQ(repaired("\u00d0\u0153\u00d0\u00be\u00d1\u0081\u00d0\u00ba\u00d0\u00b2\u00d0\u00b0"), "\u041c\u043e\u0441\u043a\u0432\u0430");
  EXPECT_EQ(repaired("Ju\u00c3\u0192\u00c2\u00a1rez", &n), "Ju\u00e1rez");
  EXPECT_EQ(n, 3u);  // two in the first pass, one in the second
  // Text written right stays: accents, guillemets, an accented capital
  // before punctuation, a sequence that would spell an unlikely character
  // ("\u00e9\u2026\u201d" read as one CJK character), a lead at the end.
  for (const char* ok : {"caf\u00e9 d\u00e9j\u00e0 vu", "\u00ab\u00c9\u00bb", "ol\u00e9\u2026\u201d", "\u00dcnal", "end \u00c3",
                         "plain ASCII"}) {
    EXPECT_EQ(repaired(ok, &n), ok);
    EXPECT_EQ(n, 0u) << ok;
  }
}

TEST(Normalize, InPlaceAgreesWithTheCopy) {
  for (std::string s : {"plain ascii\nline two\twith a tab", "\u201cQuoted\u201d \u2014 it\u2019s fine",
                        "Cafe\u0301", "a\r\nb", "x\u00a0y", "soft\u00adhyphen", "line\u2028sep", "c1\u0085",
                        "bom\ufeff", "del\x7f", "form\ffeed", "\u00e9t\u00e9 \u20ac5", "\u0419\u043e\u0434",
                        "\u05e9\u05c1", ""}) {
    std::string in_place = s;
    NormalizeInPlace(&in_place);
    EXPECT_EQ(in_place, Normalize(s)) << s;
  }
}

TEST(Normalize, ComposesAndCleans) {
  EXPECT_EQ(Normalize("Cafe\u0301"), "Caf\u00e9");
  EXPECT_EQ(Normalize("a\r\nb\rc"), "a\nb\nc");
  EXPECT_EQ(Normalize("soft\u00adhyphen\u200b"), "softhyphen");
  EXPECT_EQ(Normalize("no\u00a0break"), "no break");
  EXPECT_EQ(Normalize("\u201cquoted\u201d"), "\u201cquoted\u201d");
  EXPECT_EQ(Normalize("bell\x07!"), "bell!");
}

TEST(Language, IdentifiesByScriptAndFunctionWords) {
  EXPECT_EQ(IdentifyLanguage("The foreign ministers of the alliance said that they would meet again "
                             "in Brussels after the talks."),
            "en");
  EXPECT_EQ(IdentifyLanguage("Die Außenminister der Allianz sagten, dass sie sich nach den Gesprächen "
                             "wieder in Brüssel treffen werden."),
            "de");
  EXPECT_EQ(IdentifyLanguage("Les ministres des affaires étrangères ont dit qu'ils se retrouveront "
                             "à Bruxelles pour la suite des discussions."),
            "fr");
  EXPECT_EQ(IdentifyLanguage("Министры иностранных дел заявили, что встретятся снова."), "ru");
  EXPECT_EQ(IdentifyLanguage("Міністри закордонних справ заявили, що зустрінуться знову."), "uk");
  EXPECT_EQ(IdentifyLanguage("外交部长们表示他们将在布鲁塞尔再次会面"), "zh");
  EXPECT_EQ(IdentifyLanguage("hi"), "und");
  EXPECT_EQ(IdentifyLanguage("12345 67890 !!! ??? 2022-01-12"), "und");
  // Votes are kept four languages to an integer: the languages listed
  // last in data/text/stopwords.tsv count as the first do.
  EXPECT_EQ(IdentifyLanguage("Menteri luar negeri itu mengatakan bahwa mereka akan bertemu lagi di Brussel "
                             "dan pembicaraan dengan sekutu juga telah dimulai dari awal untuk tahun ini."),
            "id");
  EXPECT_EQ(IdentifyLanguage("Ulkoministerit sanoivat, että he tapaavat taas Brysselissä, mutta kun "
                             "neuvottelut jatkuvat se ei ole vielä varmaa ja he ovat myös valmiita."),
            "fi");
}

// Words are read sixteen bytes at a time where the text allows and byte by
// byte near its end; every word must count once whatever its length and
// offset. "the" twice among 18 other words is a tenth of them (English);
// one word more and no language has a tenth ("und").
TEST(Language, CountsEveryWordAtEveryLengthAndOffset) {
  for (std::size_t pad = 0; pad < 17; ++pad) {
    for (std::size_t len = 1; len <= 20; ++len) {
      std::string body;
      for (std::size_t k = 0; k < 18; ++k) body += std::string(len + k, k % 2 ? 'q' : 'Q') + (k % 3 ? " " : ", ");
      const std::string lead = std::string(pad, ' ') + "The ";
      EXPECT_EQ(IdentifyLanguage(lead + body + "the"), "en") << pad << " " << len;
      EXPECT_EQ(IdentifyLanguage(lead + body + "qq the"), "und") << pad << " " << len;
      // An apostrophe continues a word: "the's" is not "the".
      EXPECT_EQ(IdentifyLanguage(lead + body + "the's"), "und") << pad << " " << len;
    }
  }
}

}  // namespace
}  // namespace sitrep::text

#include "core/utf8.h"
#include "text/chars.h"

namespace sitrep::text {
namespace {

// IsAlpha and IsDigit answer General Punctuation without ICU; ICU must
// agree on every code point of the block, and outside it nothing changes.
TEST(Chars, GeneralPunctuationHoldsNoLetterMarkOrDigit) {
  for (char32_t c = 0x2000; c <= 0x206F; ++c) {
    const auto u = static_cast<UChar32>(c);
    EXPECT_FALSE(u_isalpha(u)) << std::hex << static_cast<unsigned>(c);
    EXPECT_EQ(u_getCombiningClass(u), 0) << std::hex << static_cast<unsigned>(c);
    EXPECT_NE(u_charType(u), U_NON_SPACING_MARK) << std::hex << static_cast<unsigned>(c);
    EXPECT_NE(u_charType(u), U_COMBINING_SPACING_MARK) << std::hex << static_cast<unsigned>(c);
    EXPECT_FALSE(u_isdigit(u)) << std::hex << static_cast<unsigned>(c);
    EXPECT_FALSE(IsAlpha(c));
    EXPECT_FALSE(IsDigit(c));
  }
  EXPECT_TRUE(IsAlpha(0x00E9));   // é
  EXPECT_TRUE(IsAlpha(0x20D0));   // a combining mark just past the block
  EXPECT_TRUE(IsDigit(0x0661));   // Arabic-Indic one
  EXPECT_FALSE(IsAlpha(0x201C));  // a typographic quote
}

// Segment reads a token's last byte, when it is ASCII, instead of decoding
// its last code point. For every ASCII mark and some others, a sentence
// must end after the token the mark ends exactly when that token's last
// code point is a terminal mark.
TEST(Segmenter, EndsASentenceAfterTerminalMarksAndNoOthers) {
  std::vector<std::string> marks;
  for (int c = 0x21; c < 0x7F; ++c) marks.emplace_back(1, static_cast<char>(c));
  for (const char* m : {"\u2026", "\u3002", "\uFF01", "\uFF1F", "\u061F", "\u0964", "\u201D", "\u2013",
                        "\u00E9", "\u00BB", "!\u2026"}) {
    marks.emplace_back(m);
  }
  int terminal_marks = 0;
  for (const std::string& m : marks) {
    Article a;
    a.text = "Dravenia waited" + m + " Quillon spoke";
    Segment(&a);
    const std::uint32_t space = static_cast<std::uint32_t>(a.text.find(" Quillon"));
    const Token* before = nullptr;
    for (const Token& t : a.tokens) {
      if (t.end == space) before = &t;
    }
    ASSERT_NE(before, nullptr) << m;
    // The token's last code point, decoded from its lead byte.
    std::size_t i = before->end - 1;
    while (i > before->begin && (static_cast<unsigned char>(a.text[i]) & 0xC0) == 0x80) --i;
    const char32_t last = utf8::Decode(a.text, i);
    const bool terminal = IsTerminal(last);
    terminal_marks += terminal;
    EXPECT_EQ(a.sentences.size(), terminal ? 2u : 1u) << m;
  }
  EXPECT_EQ(terminal_marks, 10);  // . ! ?, the six others and "!\u2026"
}

}  // namespace
}  // namespace sitrep::text
