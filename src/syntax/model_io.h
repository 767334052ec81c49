// Versioned binary container for syntax models.
//
// Layout: 8-byte magic "SRSYNTX1", u32 format version, u32 model kind,
// u64 payload size, u64 XXH3 checksum of the payload, then the payload.
// Everything is little-endian. The payload is a flat sequence of values
// written by ModelWriter and read back in the same order by ModelReader,
// which checks every size against the bytes that remain, so a truncated or
// damaged file fails with CorruptError naming the file instead of reading
// past the end.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sitrep::syntax {

inline constexpr std::uint32_t kModelFormatVersion = 1;

enum class ModelKind : std::uint32_t { kTagger = 1, kLemmatizer = 2, kParser = 3, kNer = 4 };

// Collects a payload in memory; Finish() adds the header and checksum.
class ModelWriter {
 public:
  void U32(std::uint32_t v) { Raw(&v, sizeof v); }
  void U64(std::uint64_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
  void Str(std::string_view s) {
    U64(s.size());
    Raw(s.data(), s.size());
  }
  template <typename T>
  void Array(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(T));
  }
  void Strings(const std::vector<std::string>& v) {
    U64(v.size());
    for (const auto& s : v) Str(s);
  }

  // Returns the complete file contents: header followed by the payload.
  std::string Finish(ModelKind kind) const;

 private:
  void Raw(const void* p, std::size_t n) { payload_.append(static_cast<const char*>(p), n); }
  std::string payload_;
};

// Reads a payload written by ModelWriter. The constructor validates the
// header and checksum; every read checks bounds. All failures throw
// CorruptError with `name` (the file or resource) in the message.
class ModelReader {
 public:
  ModelReader(std::string_view bytes, ModelKind kind, std::string name);

  std::uint32_t U32() { return Pod<std::uint32_t>(); }
  std::uint64_t U64() { return Pod<std::uint64_t>(); }
  float F32() { return Pod<float>(); }
  std::string Str();
  std::vector<std::string> Strings();
  template <typename T>
  std::vector<T> Array() {
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint64_t n = U64();
    if (n > Remaining() / sizeof(T)) Fail("array larger than the file");
    std::vector<T> v(n);
    if (n) std::memcpy(v.data(), Take(n * sizeof(T)), n * sizeof(T));
    return v;
  }
  // Throws unless every payload byte was consumed.
  void ExpectEnd();
  // True when every payload byte was consumed (optional trailing sections).
  bool AtEnd() const { return pos_ == payload_.size(); }
  // Throws CorruptError naming the file.
  [[noreturn]] void Fail(const std::string& why) const;
  const std::string& name() const { return name_; }

 private:
  template <typename T>
  T Pod() {
    T v;
    std::memcpy(&v, Take(sizeof(T)), sizeof(T));
    return v;
  }
  std::size_t Remaining() const { return payload_.size() - pos_; }
  const char* Take(std::size_t n);

  std::string_view payload_;
  std::size_t pos_ = 0;
  std::string name_;
};

// Reads a whole file; throws ConfigError naming it if it cannot be read.
std::string ReadFileOrThrow(const std::string& path);
// Writes a whole file; throws ConfigError naming it on failure.
void WriteFileOrThrow(const std::string& path, std::string_view bytes);

}  // namespace sitrep::syntax
