// Damaged model files must fail at load time with CorruptError naming the
// file, never crash or load garbage.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "core/error.h"
#include "syntax/lemmatizer.h"
#include "syntax/model_io.h"
#include "syntax/parser.h"
#include "syntax/syntax.h"
#include "syntax/tagger.h"
#include "tiny_treebank.h"

namespace sitrep::syntax {
namespace {

std::string TinyTaggerBytes() {
  TrainOptions o;
  o.epochs = 2;
  o.verbose = false;
  return TrainTagger(TinyTreebank(), {}, o)->Save();
}

template <typename F>
std::string CorruptMessage(F&& load) {
  try {
    load();
  } catch (const CorruptError& e) {
    return e.what();
  }
  return "(no CorruptError)";
}

TEST(ModelIo, WriterReaderRoundTrip) {
  ModelWriter w;
  w.U32(7);
  w.Str("hello");
  w.Array(std::vector<std::uint64_t>{1, 2, 3});
  w.Strings({"a", "", "bc"});
  std::string bytes = w.Finish(ModelKind::kParser);
  ModelReader r(bytes, ModelKind::kParser, "x.bin");
  EXPECT_EQ(r.U32(), 7u);
  EXPECT_EQ(r.Str(), "hello");
  EXPECT_EQ(r.Array<std::uint64_t>(), (std::vector<std::uint64_t>{1, 2, 3}));
  EXPECT_EQ(r.Strings(), (std::vector<std::string>{"a", "", "bc"}));
  EXPECT_NO_THROW(r.ExpectEnd());
}

TEST(ModelIo, TruncatedFileIsCorrupt) {
  std::string bytes = TinyTaggerBytes();
  for (std::size_t keep : {std::size_t{0}, std::size_t{5}, std::size_t{31}, bytes.size() / 2, bytes.size() - 1}) {
    std::string msg = CorruptMessage([&] { Tagger::Load(bytes.substr(0, keep), "models/tagger.bin"); });
    EXPECT_NE(msg.find("models/tagger.bin"), std::string::npos) << keep << ": " << msg;
  }
}

TEST(ModelIo, FlippedByteFailsChecksum) {
  std::string bytes = TinyTaggerBytes();
  bytes[bytes.size() / 2] ^= 0x40;
  std::string msg = CorruptMessage([&] { Tagger::Load(bytes, "damaged.bin"); });
  EXPECT_NE(msg.find("damaged.bin"), std::string::npos) << msg;
  EXPECT_NE(msg.find("checksum"), std::string::npos) << msg;
}

TEST(ModelIo, WrongMagicKindAndVersion) {
  std::string bytes = TinyTaggerBytes();
  std::string bad = bytes;
  bad[0] = 'X';
  EXPECT_NE(CorruptMessage([&] { Tagger::Load(bad, "m.bin"); }).find("magic"), std::string::npos);
  EXPECT_NE(CorruptMessage([&] { Parser::Load(bytes, "m.bin"); }).find("expected a parser"), std::string::npos);
  bad = bytes;
  bad[8] = 99;
  EXPECT_NE(CorruptMessage([&] { Tagger::Load(bad, "m.bin"); }).find("version"), std::string::npos);
  EXPECT_NE(CorruptMessage([&] { Tagger::Load("not a model at all, just some text", "m.bin"); }).find("m.bin"),
            std::string::npos);
}

TEST(ModelIo, LoadFromFilesNamesTheDamagedFile) {
  auto dir = std::filesystem::temp_directory_path() / "sitrep_syntax_model_io_test";
  std::filesystem::create_directories(dir);
  auto data = TinyTreebank();
  TrainOptions o;
  o.epochs = 2;
  o.verbose = false;
  ParserTrainOptions po;
  po.epochs = 2;
  po.verbose = false;
  std::string t = (dir / "tagger.bin").string(), l = (dir / "lemmatizer.bin").string(),
              p = (dir / "parser.bin").string();
  WriteFileOrThrow(t, TrainTagger(data, {}, o)->Save());
  WriteFileOrThrow(l, Lemmatizer::Train(data)->Save());
  std::string parser = TrainParser(data, {}, po)->Save();
  WriteFileOrThrow(p, parser);
  EXPECT_NO_THROW(LoadModelsFromFiles(t, l, p));
  WriteFileOrThrow(p, parser.substr(0, parser.size() - 10));
  std::string msg = CorruptMessage([&] { LoadModelsFromFiles(t, l, p); });
  EXPECT_NE(msg.find(p), std::string::npos) << msg;
  EXPECT_THROW(LoadModelsFromFiles(t, l, (dir / "missing.bin").string()), ConfigError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sitrep::syntax
