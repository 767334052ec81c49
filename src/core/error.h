// Exceptions are for load and configuration time only (a missing lexicon, a
// corrupt model file, a bad command line). SITREP_THROW records the source
// file and line, as KenLM's UTIL_THROW does, so a report from a user points
// at the check that fired.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>

namespace sitrep {

class Error : public std::runtime_error {
 public:
  Error(const std::string& message, const char* file, int line)
      : std::runtime_error(message), file_(file), line_(line) {}
  const char* file() const { return file_; }
  int line() const { return line_; }

 private:
  const char* file_;
  int line_;
};

// Bad configuration or a bad data file: the user can fix it.
class ConfigError : public Error {
  using Error::Error;
};

// A model or data file that is truncated or damaged.
class CorruptError : public Error {
  using Error::Error;
};

}  // namespace sitrep

#define SITREP_THROW(ExceptionType, message_stream)                 \
  do {                                                              \
    std::ostringstream sitrep_throw_stream_;                        \
    sitrep_throw_stream_ << message_stream;                         \
    throw ExceptionType(sitrep_throw_stream_.str(), __FILE__, __LINE__); \
  } while (false)

#define SITREP_CHECK(condition, ExceptionType, message_stream)       \
  do {                                                              \
    if (!(condition)) SITREP_THROW(ExceptionType, message_stream);  \
  } while (false)
