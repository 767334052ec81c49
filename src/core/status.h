// Status codes and Result<T> for hot paths: per-article work reports a
// failure as a value, so one bad article never unwinds a worker thread.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <optional>

namespace sitrep {

enum class Code {
  kOk = 0,
  kInvalidInput,  // the input is malformed (bad JSON, no text field, ...)
  kUnsupported,   // a format sitrep does not read (yet)
  kTooLarge,      // over a configured size limit
  kNotFound,      // a missing file or key
  kIoError,       // the operating system refused a read or write
  kCorrupt,       // a truncated archive, a damaged model file
  kInternal,
};

// A Code plus a human-readable message. Cheap when ok (no allocation).
class Status {
 public:
  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}             // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {      // NOLINT(google-explicit-constructor)
    assert(!status_.ok());
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace sitrep
