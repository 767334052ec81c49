// A small, fast JSON writer that appends to a std::string. Output is
// deterministic (keys in the order written, no whitespace), strings are
// written as UTF-8 with only the escapes JSON requires, so a line can be
// compared byte for byte between runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject() { Sep(); out_.push_back('{'); first_ = true; }
  void EndObject() { out_.push_back('}'); first_ = false; }
  void BeginArray() { Sep(); out_.push_back('['); first_ = true; }
  void EndArray() { out_.push_back(']'); first_ = false; }

  // Writes "key": and leaves the writer expecting the value.
  void Key(std::string_view key);

  void String(std::string_view s);
  void Int(std::int64_t v);
  void UInt(std::uint64_t v);
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
