#include "core/file.h"
#include "syntax/model_io.h"

#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/hash.h"

namespace sitrep::syntax {
namespace {
constexpr char kMagic[8] = {'S', 'R', 'S', 'Y', 'N', 'T', 'X', '1'};
constexpr std::size_t kHeaderSize = 8 + 4 + 4 + 8 + 8;
constexpr std::uint64_t kChecksumSeed = 0x5175a11e;

const char* KindName(std::uint32_t kind) {
  switch (kind) {
    case 1: return "tagger";
    case 2: return "lemmatizer";
    case 3: return "parser";
    case 4: return "named-entity";
    default: return "unknown";
  }
}
}  // namespace

std::string ModelWriter::Finish(ModelKind kind) const {
  std::string out(kMagic, sizeof kMagic);
  auto put = [&out](const auto& v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); };
  put(kModelFormatVersion);
  put(static_cast<std::uint32_t>(kind));
  put(static_cast<std::uint64_t>(payload_.size()));
  put(Hash64(payload_, kChecksumSeed));
  out += payload_;
  return out;
}

ModelReader::ModelReader(std::string_view bytes, ModelKind kind, std::string name)
    : name_(std::move(name)) {
  if (bytes.size() < kHeaderSize) Fail("file is too short to hold a model header");
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) Fail("not a sitrep syntax model (bad magic)");
  std::uint32_t version, got_kind;
  std::uint64_t size, checksum;
  std::memcpy(&version, bytes.data() + 8, 4);
  std::memcpy(&got_kind, bytes.data() + 12, 4);
  std::memcpy(&size, bytes.data() + 16, 8);
  std::memcpy(&checksum, bytes.data() + 24, 8);
  if (version != kModelFormatVersion) {
    Fail("model format version " + std::to_string(version) + ", this build reads version " +
         std::to_string(kModelFormatVersion));
  }
  if (got_kind != static_cast<std::uint32_t>(kind)) {
    Fail(std::string("holds a ") + KindName(got_kind) + " model, expected a " +
         KindName(static_cast<std::uint32_t>(kind)) + " model");
  }
  if (size != bytes.size() - kHeaderSize) {
    Fail("truncated or padded: header says " + std::to_string(size) + " payload bytes, file has " +
         std::to_string(bytes.size() - kHeaderSize));
  }
  payload_ = bytes.substr(kHeaderSize);
  if (Hash64(payload_, kChecksumSeed) != checksum) Fail("checksum mismatch (the file is damaged)");
}

const char* ModelReader::Take(std::size_t n) {
  if (n > Remaining()) Fail("unexpected end of data");
  const char* p = payload_.data() + pos_;
  pos_ += n;
  return p;
}

std::string ModelReader::Str() {
  std::uint64_t n = U64();
  if (n > Remaining()) Fail("string longer than the file");
  return std::string(Take(n), n);
}

std::vector<std::string> ModelReader::Strings() {
  std::uint64_t n = U64();
  if (n > Remaining() / 8) Fail("string list larger than the file");
  std::vector<std::string> v;
  v.reserve(n);
  for (std::uint64_t i = 0; i < n; ++i) v.push_back(Str());
  return v;
}

void ModelReader::ExpectEnd() {
  if (pos_ != payload_.size()) Fail("trailing bytes after the model");
}

void ModelReader::Fail(const std::string& why) const {
  SITREP_THROW(CorruptError, "corrupt model file '" << name_ << "': " << why);
}

std::string ReadFileOrThrow(const std::string& path) {
  std::string bytes;
  SITREP_CHECK(ReadWholeFile(path, &bytes), ConfigError, "cannot read '" << path << "'");
  return bytes;
}

void WriteFileOrThrow(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  SITREP_CHECK(out, ConfigError, "cannot create '" << path << "'");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  SITREP_CHECK(out, ConfigError, "cannot write '" << path << "'");
}

}  // namespace sitrep::syntax
