// Ingest: turns command-line inputs (files, folders, .gz, stdin) into a
// stream of raw documents, one per article, in a deterministic order. Every
// input appears in the stream: what cannot be read becomes a RawDoc with a
// skip reason, so nothing silently disappears.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sitrep::ingest {

enum class Format {
  kText,      // plain text as scraped
  kMarkdown,  // a .md file
  kJson,      // one JSON object (a .json file, or a JSON Lines line)
  kHtml,      // a web page (.html, .htm), a feed item or a WARC record
  kFeed,      // an RSS or Atom feed (.rss, .atom, .xml): split into items by the Reader
  kWarc,      // a web archive (.warc, .warc.gz): split into records by the Reader
  kNone,      // nothing to parse: the doc is skipped
};

struct RawDoc {
  std::string source;   // "path", "path:LINE" for JSON Lines, "-:LINE" for stdin
  std::string path;     // the file it came from ("-" for stdin)
  Format format = Format::kNone;
  std::string bytes;    // the record's bytes as read (after gzip), not yet decoded
  std::string skip_reason;  // non-empty: the record is reported as skipped
  std::uint64_t input_bytes = 0;  // bytes this record took in its input
  std::string warning;  // a note about the record (e.g. a truncated gzip stream)
  std::size_t input_index = 0;  // which of the Reader's inputs it came from
  // For kHtml: what the container said about the page (a feed item's title
  // and link, a WARC record's target URI and date, the HTTP charset).
  struct Hints {
    std::string title, url, published, author, outlet, charset;
    bool fragment = false;  // the HTML is the article itself (a feed item)
    std::string format = "html";  // input_format to report: "html", "feed" or "warc"
  } hints;
};

struct IngestOptions {
  // A record larger than this is skipped with a reason instead of read.
  std::uint64_t max_record_bytes = 32ull << 20;
};

// Expands inputs (files, folders searched recursively, "-" for stdin) and
// calls emit for every record, in order: inputs in the order given, files
// of a folder sorted by path, lines of a file in order. emit may block (the
// pipeline uses that for back-pressure). Never throws for bad input.
class Reader {
 public:
  Reader(std::vector<std::string> inputs, IngestOptions options);

  // Total size in bytes of the regular files among the inputs (for
  // progress and ETA); stdin counts as 0. Computed at construction.
  std::uint64_t total_bytes() const { return total_bytes_; }

  // Bytes read so far, across inputs (compressed bytes for .gz). Safe to
  // call from another thread.
  std::uint64_t bytes_read() const;

  void Run(const std::function<void(RawDoc&&)>& emit);

  // True unless an input is stdin, which can be read only once.
  bool rereadable() const { return rereadable_; }

  // Makes a running Run() return soon, emitting nothing more. Thread-safe.
  void Cancel();

  const std::vector<std::string>& inputs() const { return inputs_; }

 private:
  struct Impl;
  std::vector<std::string> inputs_;
  IngestOptions options_;
  std::uint64_t total_bytes_ = 0;
  bool rereadable_ = true;
  std::shared_ptr<std::uint64_t> bytes_read_;
  std::shared_ptr<bool> cancelled_ = std::make_shared<bool>(false);
};

// Returns the format a file name implies, looking through ".gz", or
// nullopt with *why set for a file sitrep does not read.
std::optional<Format> FormatForPath(const std::string& path, bool* json_lines, std::string* why);

// Detects binary content and UTF-16. Returns "" if bytes look like text
// (possibly with a UTF-8 BOM), "utf-16le"/"utf-16be" when a UTF-16 BOM is
// present, or "binary" for data with NUL bytes or mostly control bytes.
std::string SniffEncoding(std::string_view bytes);

// Converts UTF-16 (with its BOM) to UTF-8, repairing unpaired surrogates
// with U+FFFD.
std::string Utf16ToUtf8(std::string_view bytes, bool big_endian);

}  // namespace sitrep::ingest
