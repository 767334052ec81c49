// Buffered line reading from a file descriptor or a gzip stream, with a cap
// on the bytes kept per line: a 200 MB line costs the cap in memory, not
// 200 MB, and is reported as too long.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace sitrep::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into buf. Returns the count, 0 at the end, -1 on
  // error (error() then says why).
  virtual long Read(char* buf, std::size_t n) = 0;
  virtual std::string error() const = 0;
  // Bytes consumed from the underlying file (compressed bytes for gzip).
  virtual std::uint64_t consumed() const = 0;
};

class FdSource : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  long Read(char* buf, std::size_t n) override;
  std::string error() const override { return error_; }
  std::uint64_t consumed() const override { return consumed_; }

 private:
  int fd_;
  std::string error_;
  std::uint64_t consumed_ = 0;
};

// Decompresses gzip (all members) from a file descriptor; a stream that ends
// early is an error ("truncated gzip stream").
class GzipSource : public ByteSource {
 public:
  explicit GzipSource(int fd);
  ~GzipSource() override;
  long Read(char* buf, std::size_t n) override;
  std::string error() const override { return error_; }
  std::uint64_t consumed() const override { return consumed_; }

 private:
  int fd_;
  z_stream zs_{};
  std::vector<unsigned char> in_;
  bool eof_ = false, stream_end_ = true, started_ = false, ok_ = true;
  std::string error_;
  std::uint64_t consumed_ = 0;
};

class LineReader {
 public:
  LineReader(ByteSource& src, std::uint64_t max_line_bytes) : src_(src), max_(max_line_bytes) {}

  enum class Status { kLine, kEnd, kError };
  // Reads the next line (without its "\n" and a trailing "\r") into *line.
  // *too_long is set when the line exceeded the cap: *line then holds only
  // its first bytes and *line_bytes the real length.
  Status Next(std::string* line, bool* too_long, std::uint64_t* line_bytes);
  std::uint64_t line_number() const { return line_no_; }

  // Reads everything that is left, up to cap bytes; *over is set if more
  // was there.
  Status ReadAll(std::string* out, std::uint64_t cap, bool* over);

 private:
  bool Fill();
  ByteSource& src_;
  std::uint64_t max_;
  std::vector<char> buf_ = std::vector<char>(1 << 16);
  std::size_t pos_ = 0, len_ = 0;
  bool eof_ = false, err_ = false;
  std::uint64_t line_no_ = 0;
};

}  // namespace sitrep::ingest
