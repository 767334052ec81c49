// A small, fast JSON writer that appends to a std::string. Output is
// deterministic (keys in the order written, no whitespace), strings are
// written as UTF-8 with only the escapes JSON requires, so a line can be
// compared byte for byte between runs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

// A key written into the program ("id", "text"): checked when it is
// compiled to need no escaping (a key that would fails to compile), and
// stored with a leading comma, its quotes and colon, so writing it, with or
// without the separator, is one append. Keys were most of the escaper's
// calls.
template <std::size_t N>
struct LiteralKey {
  consteval LiteralKey(const char (&key)[N]) {
    quoted[0] = ',';
    quoted[1] = '"';
    for (std::size_t i = 0; i + 1 < N; ++i) {
      const auto c = static_cast<unsigned char>(key[i]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) throw "a literal JSON key must need no escaping";
      quoted[i + 2] = key[i];
    }
    quoted[N + 1] = '"';
    quoted[N + 2] = ':';
  }
  char quoted[N + 3] = {};  // ,"key":
};

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject() { Sep(); out_.push_back('{'); first_ = true; }
  void EndObject() { out_.push_back('}'); first_ = false; }
  void BeginArray() { Sep(); out_.push_back('['); first_ = true; }
  void EndArray() { out_.push_back(']'); first_ = false; }

  // Writes "key": and leaves the writer expecting the value.
  void Key(std::string_view key);
  // The same for a key known when the program is compiled: Key<"id">().
  template <LiteralKey K>
  void Key() {
    // What Sep() writes, the comma or nothing, with the key in one append.
    const std::size_t skip = first_ || after_key_ ? 1 : 0;
    out_.append(K.quoted + skip, sizeof K.quoted - skip);
    first_ = false;
    after_key_ = true;
  }

  void String(std::string_view s);
  void Int(std::int64_t v);
  void UInt(std::uint64_t v);
  // [a,b]: what BeginArray, UInt(a), UInt(b), EndArray write, in one append
  // (every sentence's span is such a pair).
  void UIntPair(std::uint64_t a, std::uint64_t b);
  // Finite doubles with up to `digits` decimals, trailing zeros trimmed.
  void Double(double v, int digits = 4);
  void Bool(bool v);
  void Null();
  void OptString(const std::optional<std::string>& s) { s ? String(*s) : Null(); }
  // Appends already-serialised JSON as one value.
  void Raw(std::string_view json);

  // Writes s escaped as a JSON string body (no surrounding quotes).
  static void Escape(std::string& out, std::string_view s);

 private:
  void Sep() {
    if (!first_ && !after_key_) out_.push_back(',');
    first_ = false;
    after_key_ = false;
  }
  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace sitrep
