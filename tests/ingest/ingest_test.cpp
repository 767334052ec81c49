#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <map>
#include <vector>

#include "support/lcg.h"
#include "ingest/decode.h"
#include "ingest/ingest.h"
#include "support/temp_dir.h"

namespace sitrep::ingest {
namespace {

using sitrep::testing::TempDir;
using sitrep::testing::WriteFile;

std::vector<RawDoc> ReadAll(const std::vector<std::string>& inputs, IngestOptions opt = {}) {
  Reader reader(inputs, opt);
  std::vector<RawDoc> docs;
  reader.Run([&](RawDoc&& d) { docs.push_back(std::move(d)); });
  return docs;
}

void WriteGzip(const std::string& path, const std::string& data) {
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, data.data(), static_cast<unsigned>(data.size()));
  gzclose(f);
}

TEST(Reader, WalksFoldersInSortedOrderAndSkipsHiddenFiles) {
  TempDir dir;
  WriteFile(dir / "b/2.txt", "Two.");
  WriteFile(dir / "a.txt", "One.");
  WriteFile(dir / "b/1.md", "# Zero");
  WriteFile(dir / ".hidden.txt", "secret");
  WriteFile(dir / ".git/config.txt", "secret");
  auto docs = ReadAll({dir.path()});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].source, dir / "a.txt");
  EXPECT_EQ(docs[1].source, dir / "b/1.md");
  EXPECT_EQ(docs[1].format, Format::kMarkdown);
  EXPECT_EQ(docs[2].source, dir / "b/2.txt");
  EXPECT_EQ(docs[2].bytes, "Two.");
}

TEST(Reader, JsonLinesKeepsGoodLinesAroundAMalformedOne) {
  TempDir dir;
  WriteFile(dir / "in.jsonl",
            "{\"text\": \"First.\"}\n{\"text\": \"Second\n\n{\"text\": \"Third.\"}\n");
  auto docs = ReadAll({dir / "in.jsonl"});
  ASSERT_EQ(docs.size(), 3u);  // the blank line is not a record
  EXPECT_EQ(docs[0].source, dir / "in.jsonl:1");
  EXPECT_EQ(docs[2].source, dir / "in.jsonl:4");
  Article bad = Decode(std::move(docs[1]));
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.reason.find("malformed JSON"), std::string::npos) << bad.reason;
  EXPECT_NE(bad.reason.find("in.jsonl:2"), std::string::npos) << bad.reason;
  Article good = Decode(std::move(docs[2]));
  ASSERT_TRUE(good.ok()) << good.reason;
  EXPECT_EQ(good.text, "Third.");
}

TEST(Reader, ReadsGzipOfAnyFormat) {
  TempDir dir;
  WriteGzip(dir / "a.txt.gz", "Plain text in gzip.");
  WriteGzip(dir / "b.jsonl.gz", "{\"body\": \"x1\"}\n{\"content\": \"x2\"}\n");
  auto docs = ReadAll({dir.path()});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].bytes, "Plain text in gzip.");
  EXPECT_EQ(docs[2].source, dir / "b.jsonl.gz:2");
  EXPECT_EQ(Decode(std::move(docs[2])).text, "x2");
}

TEST(Reader, TruncatedGzipKeepsWhatWasReadAndSaysSo) {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 2000; ++i) lines += "{\"text\": \"Line number " + std::to_string(i) + ".\"}\n";
  WriteGzip(dir / "full.jsonl.gz", lines);
  std::string gz = sitrep::testing::ReadFile(dir / "full.jsonl.gz");
  WriteFile(dir / "cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  auto docs = ReadAll({dir / "cut.jsonl.gz"});
  ASSERT_GE(docs.size(), 2u);
  EXPECT_TRUE(docs.front().skip_reason.empty());
  EXPECT_NE(docs.back().skip_reason.find("truncated gzip"), std::string::npos) << docs.back().skip_reason;
}

TEST(Reader, AccountsForEveryBadInput) {
  TempDir dir;
  WriteFile(dir / "page.html", "<html></html>");
  WriteFile(dir / "data.csv", "a,b");
  WriteFile(dir / "empty.txt", "");
  std::filesystem::create_symlink(dir / "nowhere.txt", dir / "dangling.txt");
  auto docs = ReadAll({dir.path(), dir / "missing.txt"});
  std::map<std::string, std::string> reasons;
  for (auto& d : docs) reasons[d.source] = d.skip_reason.empty() ? Decode(RawDoc(d)).reason : d.skip_reason;
  ASSERT_EQ(reasons.size(), 5u);
  EXPECT_EQ(reasons[dir / "page.html"], "no article body");
  EXPECT_NE(reasons[dir / "data.csv"].find("unsupported file type '.csv'"), std::string::npos);
  EXPECT_EQ(reasons[dir / "empty.txt"], "empty file");
  EXPECT_NE(reasons[dir / "dangling.txt"].find("cannot open"), std::string::npos);
  EXPECT_NE(reasons[dir / "missing.txt"].find("no such file"), std::string::npos);
}

TEST(Reader, UnreadableFileIsReported) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read any file; the permission check cannot fail";
  TempDir dir;
  WriteFile(dir / "locked.txt", "text");
  std::filesystem::permissions(dir / "locked.txt", std::filesystem::perms::none);
  auto docs = ReadAll({dir / "locked.txt"});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].skip_reason.find("Permission denied"), std::string::npos);
}

TEST(Reader, ReadErrorIsReportedWithTheOsReason) {
  // Reading /proc/self/mem at offset 0 fails with EIO, even for root, so
  // this exercises the read-error path wherever the tests run.
  if (!std::filesystem::exists("/proc/self/mem")) GTEST_SKIP() << "no /proc on this system";
  TempDir dir;
  std::filesystem::create_symlink("/proc/self/mem", dir / "mem.txt");
  auto docs = ReadAll({dir / "mem.txt"});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].skip_reason.find("cannot read"), std::string::npos) << docs[0].skip_reason;
}

TEST(Reader, OverlongLineIsSkippedWithoutHoldingIt) {
  TempDir dir;
  std::string big = "{\"text\": \"" + std::string(3 << 20, 'x') + "\"}\n{\"text\": \"after.\"}\n";
  WriteFile(dir / "big.jsonl", big);
  WriteFile(dir / "big.txt", std::string(3 << 20, 'y'));
  IngestOptions opt;
  opt.max_record_bytes = 1 << 20;
  auto docs = ReadAll({dir / "big.jsonl", dir / "big.txt"}, opt);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_NE(docs[0].skip_reason.find("line too long"), std::string::npos);
  EXPECT_LE(docs[0].bytes.size(), static_cast<std::size_t>(1 << 20));
  EXPECT_TRUE(docs[1].skip_reason.empty());
  EXPECT_NE(docs[2].skip_reason.find("too large"), std::string::npos);
}

TEST(Decode, RepairsInvalidUtf8AndSaysSo) {
  RawDoc d;
  d.source = "x.txt";
  d.format = Format::kText;
  d.bytes = "Caf\xE9 talks.";  // Latin-1 é
  Article a = Decode(std::move(d));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.text, "Caf\uFFFD talks.");
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_NE(a.warnings[0].find("invalid UTF-8"), std::string::npos);
}

// UTF-8 text once read as Windows-1252 and written again: body and title
// are repaired, and the warning says how many characters.
TEST(Decode, RepairsTextReadAsWindows1252AndSaysSo) {
  RawDoc d;
  d.source = "x.jsonl:1";
  d.format = Format::kJson;
  d.bytes = "{\"title\": \"Talks in Mal\u00c3\u00a9rieux\", \"text\": \"The mayor of Mal\u00c3\u00a9rieux didn\u00e2\u20ac\u2122t come.\"}";
  Article a = Decode(std::move(d));
  ASSERT_TRUE(a.ok()) << a.reason;
  EXPECT_EQ(a.text, "The mayor of Mal\u00e9rieux didn\u2019t come.");
  EXPECT_EQ(a.title, "Talks in Mal\u00e9rieux");
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0], "mis-encoded text: 3 character(s) read as Windows-1252 in UTF-8 were repaired");
  // Text written right has nothing repaired and no warning.
  RawDoc e;
  e.source = "y.txt";
  e.format = Format::kText;
  e.bytes = "Caf\u00e9 talks in Mal\u00e9rieux, \u00abd\u00e9j\u00e0 vu\u00bb.";
  Article b = Decode(std::move(e));
  EXPECT_TRUE(b.warnings.empty());
}

// A JSON record is checked for invalid UTF-8 only when the parser rejects
// it; the repair, the warning and the outcome are what checking first gave,
// whether the bad bytes sit in the text, in another field or in a record
// that is malformed anyway.
TEST(Decode, RepairsInvalidUtf8InJsonRecords) {
  const auto decode = [](std::string bytes) {
    RawDoc d;
    d.source = "x.jsonl:1";
    d.format = Format::kJson;
    d.bytes = std::move(bytes);
    return Decode(std::move(d));
  };
  Article a = decode("{\"title\": \"Caf\xE9\", \"text\": \"Harbour talks \xC3\x28 resumed.\"}");
  ASSERT_TRUE(a.ok()) << a.reason;
  EXPECT_EQ(a.text, "Harbour talks \uFFFD( resumed.");
  EXPECT_EQ(a.title, "Caf\uFFFD");
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0], "invalid UTF-8: 2 byte sequence(s) replaced with U+FFFD");
  Article b = decode("{\"text\": \"Harbour \xFF talks\", ");
  EXPECT_FALSE(b.ok());
  ASSERT_EQ(b.warnings.size(), 1u);
  EXPECT_EQ(b.warnings[0], "invalid UTF-8: 1 byte sequence(s) replaced with U+FFFD");
  Article c = decode("{\"text\": \"Harbour talks resumed.\"}");
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c.warnings.empty());
}

TEST(Decode, ConvertsUtf16WithBom) {
  RawDoc d;
  d.source = "x.txt";
  d.format = Format::kText;
  d.bytes = std::string("\xFF\xFE" "H\0i\0 \0\xAC\x20", 10);  // "Hi €" little-endian
  Article a = Decode(std::move(d));
  ASSERT_TRUE(a.ok()) << a.reason;
  EXPECT_EQ(a.text, "Hi \u20AC");
  EXPECT_EQ(a.warnings.at(0), "converted from UTF-16LE");
}

TEST(Decode, SkipsBinaryData) {
  RawDoc d;
  d.source = "x.txt";
  d.format = Format::kText;
  d.bytes = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  Article a = Decode(std::move(d));
  EXPECT_FALSE(a.ok());
  EXPECT_NE(a.reason.find("binary"), std::string::npos);
}

// Binary is a NUL or more than one byte in ten a control other than line
// breaks, tab, form feed and escape, within the first 8192 bytes: random
// texts of such bytes among letters and high bytes, at every offset around
// the sixteen-byte blocks the count reads, against that rule.
TEST(SniffEncoding, CountsNulAndControlBytesAsTheRuleSays) {
  const std::string alphabet = std::string("abc \n\r\t\f\x1b\x01\x1f\x7f\x80\x9f\xe2", 15) + std::string(1, '\0');
  sitrep::testing::Lcg next{3};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const unsigned n = round < 1990 ? next() % 80 : 8192 + next() % 40;
    const unsigned rare = 2 + next() % 30;  // how often a byte is not a letter
    for (unsigned k = 0; k < n; ++k) text.push_back(next() % rare == 0 ? alphabet[next() % alphabet.size()] : 'e');
    if (text.size() >= 2 && static_cast<unsigned char>(text[0]) >= 0xFE) text[0] = 'e';  // no BOM
    std::size_t nul = 0, ctrl = 0, m = std::min<std::size_t>(text.size(), 8192);
    for (std::size_t k = 0; k < m; ++k) {
      const auto c = static_cast<unsigned char>(text[k]);
      nul += c == 0;
      ctrl += c != 0 && c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b;
    }
    const bool binary = nul > 0 || (m > 0 && ctrl * 10 > m);
    ASSERT_EQ(SniffEncoding(text), binary ? "binary" : "") << round;
  }
}

TEST(Decode, MapsJsonFieldNames) {
  RawDoc d;
  d.source = "x.jsonl:1";
  d.format = Format::kJson;
  d.bytes = R"({"content": "Body.", "headline": "Head", "source": {"name": "Wire"}, "date": "2022-01-12T10:00:00Z", "authors": ["A", "B"], "link": "http://x"})";
  Article a = Decode(std::move(d));
  ASSERT_TRUE(a.ok()) << a.reason;
  EXPECT_EQ(a.text, "Body.");
  EXPECT_EQ(a.title, "Head");
  EXPECT_EQ(a.outlet, "Wire");
  EXPECT_EQ(a.published, "2022-01-12T10:00:00Z");  // normalised by the clean stage
  EXPECT_EQ(a.author, "A, B");
  EXPECT_EQ(a.url, "http://x");
  EXPECT_EQ(a.id[0], 'a');
}

TEST(Decode, ExplainsMissingTextAndHtmlOnlyRecords) {
  RawDoc d;
  d.source = "x.jsonl:3";
  d.format = Format::kJson;
  d.bytes = R"({"html": "<p>x</p>"})";
  EXPECT_EQ(Decode(RawDoc(d)).reason, "no article body");
  d.bytes = R"({"url": "https://example.org/a", "html": "<html><body><nav><a href=/>Home</a></nav><article><p>The council )"
            R"(approved the new budget on Monday after a long debate about schools.</p></article></body></html>"})";
  Article a = Decode(RawDoc(d));
  ASSERT_TRUE(a.ok()) << a.reason;
  EXPECT_EQ(a.input_format, "html");
  EXPECT_EQ(a.text, "The council approved the new budget on Monday after a long debate about schools.");
  EXPECT_EQ(a.url, "https://example.org/a");
  ASSERT_FALSE(a.removed.empty());
  EXPECT_EQ(a.removed[0].text, "Home");
  EXPECT_EQ(a.removed[0].why, "navigation");
  d.bytes = R"({"title": "only a title"})";
  EXPECT_NE(Decode(RawDoc(d)).reason.find("no text field"), std::string::npos);
  d.bytes = R"([1, 2])";
  EXPECT_NE(Decode(RawDoc(d)).reason.find("array"), std::string::npos);
}

TEST(Decode, IdsFollowContentNotLocation) {
  RawDoc a, b;
  a.source = "one.txt";
  b.source = "two.txt";
  a.format = b.format = Format::kText;
  a.bytes = b.bytes = "Same words.";
  EXPECT_EQ(Decode(std::move(a)).id, Decode(std::move(b)).id);
}

}  // namespace
}  // namespace sitrep::ingest
