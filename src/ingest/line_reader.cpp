#include "ingest/line_reader.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sitrep::ingest {

long FdSource::Read(char* buf, std::size_t n) {
  for (;;) {
    ssize_t r = ::read(fd_, buf, n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      error_ = std::strerror(errno);
      return -1;
    }
    consumed_ += static_cast<std::uint64_t>(r);
    return static_cast<long>(r);
  }
}

GzipSource::GzipSource(int fd) : fd_(fd), in_(1 << 16) {
  if (inflateInit2(&zs_, 15 + 32) != Z_OK) {  // +32: gzip or zlib header
    ok_ = false;
    error_ = "cannot initialise zlib";
  }
}

GzipSource::~GzipSource() { inflateEnd(&zs_); }

long GzipSource::Read(char* buf, std::size_t n) {
  if (!ok_) return -1;
  zs_.next_out = reinterpret_cast<Bytef*>(buf);
  zs_.avail_out = static_cast<uInt>(n);
  while (zs_.avail_out == n) {
    if (zs_.avail_in == 0) {
      if (eof_) {
        if (!stream_end_) {
          ok_ = false;
          error_ = "truncated gzip stream";
          return -1;
        }
        return 0;
      }
      ssize_t r;
      do {
        r = ::read(fd_, in_.data(), in_.size());
      } while (r < 0 && errno == EINTR);
      if (r < 0) {
        ok_ = false;
        error_ = std::strerror(errno);
        return -1;
      }
      if (r == 0) {
        eof_ = true;
        continue;
      }
      consumed_ += static_cast<std::uint64_t>(r);
      zs_.next_in = in_.data();
      zs_.avail_in = static_cast<uInt>(r);
    }
    if (stream_end_) {
      // Start of a (further) gzip member; skip padding zeros between members.
      if (started_ && zs_.avail_in > 0 && zs_.next_in[0] == 0) {
        ++zs_.next_in;
        --zs_.avail_in;
        continue;
      }
      if (started_ && inflateReset(&zs_) != Z_OK) {
        ok_ = false;
        error_ = "zlib reset failed";
        return -1;
      }
      started_ = true;
      stream_end_ = false;
    }
    int rc = inflate(&zs_, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      stream_end_ = true;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      ok_ = false;
      error_ = std::string("corrupt gzip data: ") + (zs_.msg ? zs_.msg : "inflate failed");
      return -1;
    }
  }
  return static_cast<long>(n - zs_.avail_out);
}

bool LineReader::Fill() {
  if (eof_ || err_) return false;
  if (pos_ > 0 && pos_ < len_) std::memmove(buf_.data(), buf_.data() + pos_, len_ - pos_);
  len_ -= pos_;
  pos_ = 0;
  long r = src_.Read(buf_.data() + len_, buf_.size() - len_);
  if (r < 0) {
    err_ = true;
    return false;
  }
  if (r == 0) {
    eof_ = true;
    return false;
  }
  len_ += static_cast<std::size_t>(r);
  return true;
}

LineReader::Status LineReader::Next(std::string* line, bool* too_long, std::uint64_t* line_bytes) {
  line->clear();
  *too_long = false;
  std::uint64_t total = 0;
  bool any = false;
  for (;;) {
    if (pos_ >= len_ && !Fill()) break;
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', len_ - pos_);
    std::size_t take = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : len_ - pos_;
    total += take;
    if (line->size() < max_) {
      std::size_t keep = std::min<std::uint64_t>(take, max_ - line->size());
      line->append(start, keep);
    }
    if (total > max_) *too_long = true;
    pos_ += take;
    if (nl) {
      ++pos_;
      break;
    }
  }
  if (err_) return Status::kError;
  if (!any && eof_) return Status::kEnd;
  ++line_no_;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  *line_bytes = total;
  return Status::kLine;
}

LineReader::Status LineReader::ReadAll(std::string* out, std::uint64_t cap, bool* over) {
  out->clear();
  *over = false;
  for (;;) {
    if (pos_ >= len_ && !Fill()) break;
    std::size_t take = len_ - pos_;
    if (out->size() + take > cap) {
      *over = true;
      out->append(buf_.data() + pos_, cap - out->size());
      pos_ = len_;
      // Drain the rest so a truncated stream is still detected.
      while (Fill()) pos_ = len_;
      break;
    }
    out->append(buf_.data() + pos_, take);
    pos_ = len_;
  }
  return err_ ? Status::kError : Status::kEnd;
}

}  // namespace sitrep::ingest
