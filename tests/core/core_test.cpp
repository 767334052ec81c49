#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <xxhash.h>

#include "support/lcg.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/json_writer.h"
#include "core/resources.h"
#include "core/status.h"
#include "core/utf8.h"

namespace sitrep {
namespace {

TEST(Utf8, RepairsInvalidSequencesWithReplacementCharacters) {
  std::size_t n = 0;
  // A lone continuation byte, a truncated 3-byte sequence, an overlong "/".
  std::string bad = "a\x80" "b\xE2\x82" "c\xC0\xAF" "d";
  EXPECT_FALSE(utf8::IsValid(bad));
  std::string fixed = utf8::Repair(bad, &n);
  EXPECT_TRUE(utf8::IsValid(fixed));
  EXPECT_EQ(fixed, "a\uFFFD" "b\uFFFD" "c\uFFFD\uFFFD" "d");
  EXPECT_EQ(n, 4u);
}

TEST(Utf8, EncodeWritesOneToFourBytesThatDecodeBack) {
  // One code point of each length: a, é, €, 😀.
  for (char32_t cp : {U'a', U'\u00e9', U'\u20ac', U'\U0001F600'}) {
    char buf[4];
    const std::size_t n = utf8::Encode(cp, buf);
    std::string s(buf, n);
    std::size_t i = 0;
    EXPECT_EQ(utf8::Decode(s, i), cp);
    EXPECT_EQ(i, n);
    std::string appended;
    utf8::Append(appended, cp);
    EXPECT_EQ(appended, s);
  }
  char buf[4];
  EXPECT_EQ(utf8::Encode(U'\u20ac', buf), 3u);
  EXPECT_EQ(std::string(buf, 3), "\xE2\x82\xAC");
}

TEST(Utf8, RejectsSurrogatesAndOutOfRange) {
  EXPECT_FALSE(utf8::IsValid("\xED\xA0\x80"));      // U+D800
  EXPECT_FALSE(utf8::IsValid("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_TRUE(utf8::IsValid("\xF0\x9F\x98\x80"));   // U+1F600
  EXPECT_TRUE(utf8::IsValid("\uFFFD already replaced"));
}

TEST(Utf8, CountsCodePointsAndMapsOffsets) {
  std::string s = "Zürich – “quote” 😀 end";
  EXPECT_EQ(utf8::CodePointCount(s), 22u);  // 😀 is one code point
  utf8::OffsetMap map(s);
  EXPECT_EQ(map.ToCodePoints(0), 0u);
  EXPECT_EQ(map.ToCodePoints(s.find("rich")), 2u);
  EXPECT_EQ(map.ToCodePoints(s.find("end")), 19u);
  EXPECT_EQ(map.ToCodePoints(s.size()), 22u);
  // Long text crosses the 64-byte blocks of the map.
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += "é";
  utf8::OffsetMap m2(long_text);
  EXPECT_EQ(m2.ToCodePoints(long_text.size()), 100u);
  EXPECT_EQ(m2.ToCodePoints(130), 65u);
}

// The map counts whole 64-byte blocks and the start of the block an offset
// falls in from masks; every boundary of random text (characters of one to
// four bytes, lengths around the block size) against a plain count.
TEST(Utf8, OffsetMapAgreesWithACountAtEveryBoundary) {
  const std::string pieces[] = {"a", " ", "\u00e9", "\u2014", "\u201c", "\U0001F600", "Q"};
  sitrep::testing::Lcg next{5};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const unsigned n = next() % 90;
    for (unsigned k = 0; k < n; ++k) text += pieces[next() % std::size(pieces)];
    utf8::OffsetMap map(text);
    std::uint32_t count = 0;
    for (std::size_t b = 0; b <= text.size(); ++b) {
      if (b == text.size() || utf8::IsLead(static_cast<unsigned char>(text[b]))) {
        ASSERT_EQ(map.ToCodePoints(b), count) << text << " at " << b;
        ++count;
      }
    }
  }
}

// JSON escaping written the plain way, byte by byte: the reference the
// block-at-a-time JsonWriter is checked against.
std::string PlainJsonEscape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (s.substr(i, 3) == "\u2028" || s.substr(i, 3) == "\u2029") {
      out += s.substr(i, 3) == "\u2028" ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      const char* named = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : c == '\b' ? "\\b" : c == '\f' ? "\\f" : nullptr;
      if (named) {
        out += named;
      } else {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      }
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Short strings are checked eight bytes at a time and longer ones sixteen;
// random strings of every length up to 40 from characters that need
// escaping and characters that do not, against a plain escaper.
TEST(JsonWriter, EscapesRandomStringsAsAPlainEscaperDoes) {
  const std::string pieces[] = {"a", "Z", " ", "\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f", "\u00e9",
                                "\u2028", "\u2029", "\u2019", "\u201c", "/", "\r", "\b", "\f"};
  sitrep::testing::Lcg next{9};
  for (int round = 0; round < 4000; ++round) {
    std::string s;
    const unsigned rare = 1 + next() % 12;  // how often a piece is not a plain letter
    while (s.size() < static_cast<std::size_t>(round % 41)) s += next() % rare == 0 ? pieces[next() % std::size(pieces)] : "q";
    std::string out;
    JsonWriter::Escape(out, s);
    ASSERT_EQ(out, PlainJsonEscape(s)) << s;
  }
}

// A default-constructed view (what a lookup of a missing field gives) has
// a null pointer: it is written as the empty string, with nothing copied
// from the pointer (the sanitizer build checks that).
TEST(JsonWriter, AnEmptyViewWithANullPointerIsTheEmptyString) {
  std::string out;
  JsonWriter w(out);
  w.BeginArray();
  w.String(std::string_view());
  w.String("");
  w.EndArray();
  EXPECT_EQ(out, "[\"\",\"\"]");
}

TEST(JsonWriter, EscapesOnlyWhatJsonRequires) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("s");
  w.String("a\"b\\c\nd\x01 “é”\u2028");
  w.Key("n");
  w.Null();
  w.Key("d");
  w.Double(2.50);
  w.Key("arr");
  w.BeginArray();
  w.Int(-3);
  w.Bool(true);
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(out, "{\"s\":\"a\\\"b\\\\c\\nd\\u0001 “é”\\u2028\",\"n\":null,\"d\":2.5,\"arr\":[-3,true]}");
}

// A key known when the program is compiled is written from its quoted form
// in one append: the same bytes as Key(string_view), separators included,
// first in an object, after a value and after a nested object.
TEST(JsonWriter, LiteralKeysWriteWhatRuntimeKeysWrite) {
  std::string a, b;
  JsonWriter wa(a), wb(b);
  wa.BeginObject();
  wb.BeginObject();
  wa.Key<"id">();
  wb.Key(std::string_view("id"));
  wa.String("x");
  wb.String("x");
  wa.Key<"published_from">();
  wb.Key(std::string_view("published_from"));
  wa.BeginObject();
  wb.BeginObject();
  wa.Key<"">();
  wb.Key(std::string_view(""));
  wa.Null();
  wb.Null();
  wa.EndObject();
  wb.EndObject();
  wa.Key<"a b-c_d:1">();
  wb.Key(std::string_view("a b-c_d:1"));
  wa.UInt(7);
  wb.UInt(7);
  wa.EndObject();
  wb.EndObject();
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, "{\"id\":\"x\",\"published_from\":{\"\":null},\"a b-c_d:1\":7}");
}

// A pair of integers written at once is the two-element array the general
// calls write, separators included: first in an array, after a value, and
// with the largest integers.
TEST(JsonWriter, IntegerPairWritesWhatTheArrayCallsWrite) {
  std::string a, b;
  JsonWriter wa(a), wb(b);
  const std::uint64_t big = ~std::uint64_t{0};
  const std::pair<std::uint64_t, std::uint64_t> pairs[] = {{0, 0}, {7, 12345}, {big, big}, {9, 10}};
  wa.BeginObject();
  wb.BeginObject();
  wa.Key<"sentences">();
  wb.Key<"sentences">();
  wa.BeginArray();
  wb.BeginArray();
  for (auto [x, y] : pairs) {
    wa.UIntPair(x, y);
    wb.BeginArray();
    wb.UInt(x);
    wb.UInt(y);
    wb.EndArray();
  }
  wa.EndArray();
  wb.EndArray();
  wa.Key<"n">();
  wb.Key<"n">();
  wa.UIntPair(1, 2);
  wb.BeginArray();
  wb.UInt(1);
  wb.UInt(2);
  wb.EndArray();
  wa.EndObject();
  wb.EndObject();
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, "{\"sentences\":[[0,0],[7,12345],[18446744073709551615,18446744073709551615],[9,10]],\"n\":[1,2]}");
}

// The escaper skips plain bytes sixteen at a time (and byte by byte in the
// tail); every byte that needs work must be found whatever its position in
// the block, next to anything.
// String writes a short plain string in one piece and anything else through
// the escaper: strings of every length around 16 and 64 bytes, with a byte
// that needs escaping at every position or none, after a separator or not.
TEST(JsonWriter, StringsOfEveryLengthAreEscapedAsTheReferenceSays) {
  const std::vector<std::string> specials = {"", "\"", "\\", "\n", "\x01", "\x1f", "\u2028", "\u2029",
                                             "\u201c", "\u00e9"};
  for (std::size_t n = 0; n <= 80; ++n) {
    for (const std::string& special : specials) {
      for (std::size_t at = 0; at <= n; at += (special.empty() ? n + 1 : 1)) {
        const std::string s = std::string(at, 'a') + special + std::string(n - at, 'b');
        std::string out;
        JsonWriter w(out);
        w.BeginArray();
        w.String(s);
        w.String(s);
        w.EndArray();
        std::string expected = "[\"";
        expected += PlainJsonEscape(s);
        expected += "\",\"";
        expected += PlainJsonEscape(s);
        expected += "\"]";
        ASSERT_EQ(out, expected) << n << " " << at;
      }
    }
  }
}

TEST(JsonWriter, EscapesTheSameAtEveryAlignment) {
  // Pieces that need escaping, look alike (è is C3 A8, ₩ is E2 82 A9) or
  // are plain, combined at every offset.
  const std::vector<std::string> pieces = {"\u2028", "\u2029", "\u00e8", "\u20a9", "\u201c", "\u2019", "\"", "\\",
                                           "\n", "\x01", "\x1f", "a", "\xe2\x80", "plain text ",
                                           "caf\u00e9 d\u00e9j\u00e0 vu, a longer plain run \u201cquoted\u201d", "\r"};
  for (std::size_t pad = 0; pad < 17; ++pad) {
    for (const std::string& x : pieces) {
      for (const std::string& y : pieces) {
        std::string s = std::string(pad, 'x') + x + y + std::string(17 - pad, 'y') + y + x;
        std::string out;
        JsonWriter::Escape(out, s);
        EXPECT_EQ(out, PlainJsonEscape(s)) << "pad " << pad;
      }
    }
  }
}

TEST(Hash, MatchesThePublishedXxh3TestVector) {
  // XXH3_64bits of the empty input with seed 0, from the xxHash test suite.
  EXPECT_EQ(Hash64(""), 0x2D06800538D394C2ULL);
  EXPECT_EQ(Hex64(0x2D06800538D394C2ULL), "2d06800538d394c2");
  std::string expected = "a";
  expected += Hex64(Hash64("x"));
  EXPECT_EQ(MakeId('a', "x"), expected);
  EXPECT_NE(MakeId('a', "x"), MakeId('a', "y"));
}

// Hash64 compiles XXH3 in (XXH_INLINE_ALL); its values must be the shared
// library's, whose hashes earlier outputs (ids, line keys) were made with:
// every length up to 300 bytes (each of XXH3's length classes) and seeds.
TEST(Hash, AgreesWithTheSharedLibrary) {
  std::string s;
  for (int n = 0; n <= 300; ++n) {
    for (std::uint64_t seed : {std::uint64_t{0}, std::uint64_t{0x6f75746c6574}, ~std::uint64_t{0}}) {
      EXPECT_EQ(Hash64(s, seed), XXH3_64bits_withSeed(s.data(), s.size(), seed)) << n << " " << seed;
    }
    s.push_back(static_cast<char>('a' + (n * 7) % 26));
  }
}

TEST(Resources, ServesCompiledInDataFiles) {
  EXPECT_TRUE(HasResource("clean/cues.tsv"));
  std::string_view cues = Resource("clean/cues.tsv");
  EXPECT_NE(cues.find("image caption"), std::string_view::npos);
  auto names = ResourceNames();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

TEST(Resources, MissingFileIsAConfigErrorNamingIt) {
  try {
    Resource("no/such/file.txt");
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("no/such/file.txt"), std::string::npos);
    EXPECT_GT(e.line(), 0);
  }
}

TEST(Resources, DataLinesDropsCommentsAndBlanks) {
  auto lines = DataLines("# comment\n\n  a b \t\r\n#x\nc");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "a b");
  EXPECT_EQ(lines[1], "c");
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> ok(5);
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 5);
  Result<int> bad(Status(Code::kNotFound, "nope"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kNotFound);
  EXPECT_EQ(bad.status().message(), "nope");
}

}  // namespace
}  // namespace sitrep

#include "core/aho_corasick.h"

namespace sitrep {
namespace {

TEST(AhoCorasick, FindsEveryOccurrenceOfEveryPattern) {
  AhoCorasick ac;
  ac.Add("he");
  ac.Add("she");
  ac.Add("his");
  ac.Add("hers");
  ac.Add("\u00a9");
  ac.Build();
  std::vector<AhoCorasick::Match> m;
  ac.FindAll("ushers \u00a9 this", &m);
  // "she" ends at 4, "he" ends at 4, "hers" ends at 6, "©" at 9, "his" at 13.
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0].pattern, 1u);
  EXPECT_EQ(m[0].begin, 1u);
  EXPECT_EQ(m[1].pattern, 0u);
  EXPECT_EQ(m[1].begin, 2u);
  EXPECT_EQ(m[2].pattern, 3u);
  EXPECT_EQ(m[3].pattern, 4u);
  EXPECT_EQ(m[3].end - m[3].begin, 2u);
  EXPECT_EQ(m[4].pattern, 2u);
  m.clear();
  ac.FindAll("nothing here matches? he", &m);
  EXPECT_EQ(m.size(), 3u);  // "he" in "here", in "matches" and at the end
}

// FindAll (by automaton for short patterns, from the occurrences of their
// one first byte when they share it, through the sampled gram filter when
// every pattern has at least four bytes, at every stride it takes) and
// FindPrefixes against a plain search of every pattern at every offset, on
// texts over a small alphabet so that patterns overlap and repeat.
TEST(AhoCorasick, AgreesWithANaiveSearch) {
  // Pattern sets with the alphabet of their texts.
  const std::vector<std::pair<std::vector<std::string>, std::string>> sets = {
      {{"ab", "b", "abab", "ba", "c"}, "abc x"},                                        // scanned byte by byte
      {{"abca", "bcab", "abcabc", "cabb", "abca", "aaaa", "b ab", "ccc c"}, "abc x"},  // filtered, a duplicate
      {{"abababab", "babababa", "aaaaaaaab", "abababababa", "bbbbbbbbbbbb"}, "ab"},     // filtered, stride 4
      {{"abcab", "bcabb", "cabca", "aaaaa", "abcabcab"}, "abc"},                        // stride 2
      {{"abcaba", "bbcaac", "cacbab c", "abcabc"}, "abc "},                             // stride 3
      {{"ab", "abc", "a b", "a"}, "abc "},                                              // one first byte
  };
  sitrep::testing::Lcg next{7};
  for (const auto& [patterns, alphabet] : sets) {
    AhoCorasick ac;
    for (const auto& p : patterns) ac.Add(p);
    ac.Build();
    for (int round = 0; round < 600; ++round) {
      std::string text;
      const unsigned n = next() % 40;
      for (unsigned k = 0; k < n; ++k) text.push_back(alphabet[next() % alphabet.size()]);
      std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> want, want_prefix;
      for (std::uint32_t end = 1; end <= text.size(); ++end) {
        // At one end: longest first, then in order of addition.
        for (std::uint32_t begin = 0; begin < end; ++begin) {
          for (std::uint32_t p = 0; p < patterns.size(); ++p) {
            if (text.compare(begin, end - begin, patterns[p]) == 0) {
              want.emplace_back(end, begin, p);
              if (begin == 0) want_prefix.emplace_back(end, begin, p);
            }
          }
        }
      }
      std::vector<AhoCorasick::Match> got;
      ac.FindAll(text, &got);
      ASSERT_EQ(got.size(), want.size()) << text;
      for (std::size_t k = 0; k < got.size(); ++k) {
        EXPECT_EQ(std::make_tuple(got[k].end, got[k].begin, got[k].pattern), want[k]) << text;
      }
      got.clear();
      ac.FindPrefixes(text, &got);
      ASSERT_EQ(got.size(), want_prefix.size()) << text;
      for (std::size_t k = 0; k < got.size(); ++k) {
        EXPECT_EQ(std::make_tuple(got[k].end, got[k].begin, got[k].pattern), want_prefix[k]) << text;
      }
    }
  }
}

}  // namespace
}  // namespace sitrep

#include "core/string_table.h"

namespace sitrep {
namespace {

TEST(StringTable, EmplaceKeepsTheFirstValueAndFindSeesEveryKey) {
  StringTable<int> t;
  EXPECT_EQ(t.Find("anything"), nullptr);  // an empty table has no slots yet
  EXPECT_TRUE(t.Emplace("harbour", 1));
  EXPECT_FALSE(t.Emplace("harbour", 2));
  ASSERT_NE(t.Find("harbour"), nullptr);
  EXPECT_EQ(*t.Find("harbour"), 1);
  EXPECT_EQ(t.Find("harbou"), nullptr);
  EXPECT_EQ(t.Find("harbours"), nullptr);
  EXPECT_FALSE(t.Contains(""));
  t[""] = 7;
  t["harbour"] = 3;  // operator[] replaces, as a map's does
  EXPECT_EQ(*t.Find(""), 7);
  EXPECT_EQ(*t.Find("harbour"), 3);
  EXPECT_EQ(t["quay"], 0);  // inserted value-initialised
  EXPECT_EQ(t.size(), 3u);
}

TEST(StringTable, ManyKeysAcrossGrowthAgreeWithAMap) {
  StringTable<std::size_t> t;
  std::vector<std::string> keys;
  // Keys of every length up to 20 bytes that share long prefixes, so that
  // the eight-byte steps and the tail of the hash all matter.
  for (std::size_t n = 0; n < 3000; ++n) {
    std::string k(n % 21, 'q');
    for (std::size_t v = n, i = 0; v > 0 && i < k.size(); v /= 7, ++i) k[k.size() - 1 - i] = static_cast<char>('a' + v % 7);
    keys.push_back(k);
  }
  std::map<std::string, std::size_t> want;
  for (std::size_t n = 0; n < keys.size(); ++n) {
    EXPECT_EQ(t.Emplace(keys[n], n), want.emplace(keys[n], n).second) << keys[n];
  }
  EXPECT_EQ(t.size(), want.size());
  for (const auto& [k, v] : want) {
    const std::size_t* got = t.Find(k);
    ASSERT_NE(got, nullptr) << k;
    EXPECT_EQ(*got, v) << k;
    EXPECT_FALSE(t.Contains(k + "!")) << k;
  }
}

}  // namespace
}  // namespace sitrep

#include <bit>

#include "core/bits.h"

namespace sitrep {
namespace {

TEST(Bits, Popcount64CountsAsTheStandardLibraryDoes) {
  std::uint64_t x = 0x9E3779B97F4A7C15ULL;
  for (int k = 0; k < 2000; ++k) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::uint64_t v = x >> (k % 64);  // fewer bits set as the shift grows
    ASSERT_EQ(Popcount64(v), std::popcount(v)) << v;
  }
  EXPECT_EQ(Popcount64(0), 0);
  EXPECT_EQ(Popcount64(~std::uint64_t{0}), 64);
}

}  // namespace
}  // namespace sitrep
