#include "ingest/ingest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/bits.h"
#include "core/utf8.h"
#include "html/feed.h"
#include "html/metadata.h"
#include "html/warc.h"
#include "ingest/line_reader.h"

namespace sitrep::ingest {
namespace fs = std::filesystem;

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string HumanBytes(std::uint64_t n) {
  char buf[32];
  if (n >= (1ull << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / (1 << 20));
  } else if (n >= 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(n) / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(n));
  }
  return buf;
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::optional<Format> FormatForPath(const std::string& path, bool* json_lines, std::string* why) {
  std::string name = Lower(fs::path(path).filename().string());
  if (name.size() > 3 && name.ends_with(".gz")) name.resize(name.size() - 3);
  *json_lines = false;
  auto ext = fs::path(name).extension().string();
  if (ext == ".txt" || ext == ".text") return Format::kText;
  if (ext == ".md" || ext == ".markdown") return Format::kMarkdown;
  if (ext == ".json") return Format::kJson;
  if (ext == ".jsonl" || ext == ".ndjson") {
    *json_lines = true;
    return Format::kJson;
  }
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml") return Format::kHtml;
  if (ext == ".rss" || ext == ".atom" || ext == ".xml") return Format::kFeed;
  if (ext == ".warc") return Format::kWarc;
  constexpr const char* kKnown = ".txt, .md, .json, .jsonl, .ndjson, .html, .htm, .rss, .atom, .xml, .warc or .gz";
  if (ext.empty()) {
    *why = std::string("unsupported file type (no extension; expected ") + kKnown + ")";
  } else {
    *why = "unsupported file type '" + ext + "' (expected " + kKnown + ")";
  }
  return std::nullopt;
}

std::string SniffEncoding(std::string_view b) {
  if (b.size() >= 2) {
    auto c0 = static_cast<unsigned char>(b[0]), c1 = static_cast<unsigned char>(b[1]);
    if (c0 == 0xFF && c1 == 0xFE) return "utf-16le";
    if (c0 == 0xFE && c1 == 0xFF) return "utf-16be";
  }
  std::size_t n = std::min<std::size_t>(b.size(), 8192);
  std::size_t nul = 0, ctrl = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time, counted from masks: plain text has a line
  // break every few dozen bytes, where an eight-byte skip dropped to a
  // byte loop at each.
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data() + i));
    const auto eq = [&v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    // Unsigned v <= 0x1F: min(v, 0x1F) == v.
    const auto low = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v)));
    if (low == 0) continue;
    const auto allowed = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_or_si128(eq('\n'), eq('\r')), _mm_or_si128(eq('\t'), eq('\f'))), eq(0x1B))));
    // Plain text: the low bytes of a block are line breaks and tabs, and
    // there is nothing to count (the counts cost a software population
    // count each on baseline x86-64, at every block with a line break).
    if ((low & ~allowed) == 0) continue;
    const auto zero = static_cast<unsigned>(_mm_movemask_epi8(eq(0)));
    nul += static_cast<std::size_t>(Popcount64(zero));
    ctrl += static_cast<std::size_t>(Popcount64(low & ~zero & ~allowed));
  }
#endif
  for (; i < n; ++i) {
    auto c = static_cast<unsigned char>(b[i]);
    if (c == 0) ++nul;
    else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ++ctrl;
  }
  if (nul > 0 || (n > 0 && ctrl * 10 > n)) return "binary";
  return "";
}

std::string Utf16ToUtf8(std::string_view b, bool be) {
  std::string out;
  out.reserve(b.size());
  std::size_t i = 2;  // skip the BOM
  auto unit = [&](std::size_t k) -> char16_t {
    auto x = static_cast<unsigned char>(b[k]), y = static_cast<unsigned char>(b[k + 1]);
    return static_cast<char16_t>(be ? (x << 8 | y) : (y << 8 | x));
  };
  while (i + 1 < b.size()) {
    char16_t u = unit(i);
    i += 2;
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 1 < b.size()) {
        char16_t v = unit(i);
        if (v >= 0xDC00 && v <= 0xDFFF) {
          i += 2;
          utf8::Append(out, 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (v - 0xDC00));
          continue;
        }
      }
      utf8::Append(out, utf8::kReplacement);
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      utf8::Append(out, utf8::kReplacement);
    } else {
      utf8::Append(out, u);
    }
  }
  if (i < b.size()) utf8::Append(out, utf8::kReplacement);  // odd trailing byte
  return out;
}

Reader::Reader(std::vector<std::string> inputs, IngestOptions options)
    : inputs_(std::move(inputs)), options_(options), bytes_read_(std::make_shared<std::uint64_t>(0)) {
  for (const auto& in : inputs_) {
    if (in == "-") {
      rereadable_ = false;
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code ec2;
        if (it->is_regular_file(ec2)) total_bytes_ += it->file_size(ec2);
      }
    } else if (fs::is_regular_file(in, ec)) {
      total_bytes_ += fs::file_size(in, ec);
    }
  }
}

std::uint64_t Reader::bytes_read() const {
  return std::atomic_ref<std::uint64_t>(*bytes_read_).load(std::memory_order_relaxed);
}

void Reader::Cancel() { std::atomic_ref<bool>(*cancelled_).store(true, std::memory_order_relaxed); }

struct Reader::Impl {
  const IngestOptions& opt;
  const std::function<void(RawDoc&&)>& emit_fn;
  std::uint64_t* counter;
  bool* cancelled;
  std::size_t input_index = 0;

  bool Cancelled() const { return std::atomic_ref<bool>(*cancelled).load(std::memory_order_relaxed); }
  void emit(RawDoc&& d) const {
    if (Cancelled()) return;
    d.input_index = input_index;
    emit_fn(std::move(d));
  }

  void AddRead(std::uint64_t n) const {
    std::atomic_ref<std::uint64_t>(*counter).fetch_add(n, std::memory_order_relaxed);
  }

  void Skip(const std::string& source, const std::string& path, std::string why,
            std::uint64_t bytes = 0) const {
    RawDoc d;
    d.source = source;
    d.path = path;
    d.skip_reason = std::move(why);
    d.input_bytes = bytes;
    emit(std::move(d));
  }

  void Input(const std::string& in) const {
    if (in == "-") {
      FdSource src(0);
      JsonLines("-", src);
      return;
    }
    std::error_code ec;
    fs::file_status st = fs::status(in, ec);
    if (ec || !fs::exists(st)) {
      // A dangling link or a missing path.
      std::error_code lec;
      bool link = fs::is_symlink(fs::symlink_status(in, lec));
      Skip(in, in, link ? "cannot open: broken symbolic link" : "cannot open: no such file or directory");
      return;
    }
    if (fs::is_directory(st)) {
      Folder(in);
      return;
    }
    File(in);
  }

  void Folder(const std::string& dir) const {
    std::vector<std::string> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, ec), end;
    if (ec) {
      Skip(dir, dir, "cannot read folder: " + ec.message());
      return;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        Skip(dir, dir, "cannot read part of the folder: " + ec.message());
        break;
      }
      std::error_code ec2;
      const auto& p = it->path();
      if (it->is_directory(ec2)) {
        if (p.filename().string().starts_with(".")) it.disable_recursion_pending();
        continue;
      }
      if (p.filename().string().starts_with(".")) continue;  // hidden files (.DS_Store, editor swaps)
      files.push_back(p.string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      if (Cancelled()) return;
      File(f);
    }
  }

  void File(const std::string& path) const {
    bool json_lines = false;
    std::string why;
    std::optional<Format> fmt = FormatForPath(path, &json_lines, &why);
    std::error_code ec;
    std::uint64_t size = fs::file_size(path, ec);
    if (ec) size = 0;
    if (!fmt) {
      AddRead(size);
      Skip(path, path, why, size);
      return;
    }
    Fd fd;
    fd.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd.fd < 0) {
      Skip(path, path, std::string("cannot open: ") + std::strerror(errno));
      return;
    }
    struct stat sb{};
    if (::fstat(fd.fd, &sb) == 0 && !S_ISREG(sb.st_mode)) {
      Skip(path, path, "not a regular file");
      return;
    }
    bool gz = Lower(path).ends_with(".gz");
    std::unique_ptr<ByteSource> src;
    if (gz) {
      src = std::make_unique<GzipSource>(fd.fd);
    } else {
      src = std::make_unique<FdSource>(fd.fd);
    }
    if (json_lines) {
      JsonLines(path, *src);
      return;
    }
    if (*fmt == Format::kWarc) {
      Warc(path, *src);
      return;
    }
    if (!gz && size > opt.max_record_bytes) {
      AddRead(size);
      Skip(path, path,
           "too large: " + HumanBytes(size) + " is over the limit of " + HumanBytes(opt.max_record_bytes) +
               " per article (--max-article-mb)",
           size);
      return;
    }
    RawDoc d;
    d.source = path;
    d.path = path;
    d.format = *fmt;
    LineReader lr(*src, opt.max_record_bytes);
    bool over = false;
    auto status = lr.ReadAll(&d.bytes, opt.max_record_bytes, &over);
    d.input_bytes = src->consumed();
    AddRead(src->consumed());
    if (status == LineReader::Status::kError) {
      if (d.bytes.empty()) {
        Skip(path, path, "cannot read: " + src->error(), d.input_bytes);
        return;
      }
      d.warning = "input ends early (" + src->error() + "); only the part before the damage was read";
    }
    if (over) {
      Skip(path, path,
           "too large: over the limit of " + HumanBytes(opt.max_record_bytes) +
               " per article (--max-article-mb)",
           d.input_bytes);
      return;
    }
    if (*fmt == Format::kFeed) {
      FeedItems(std::move(d));
      return;
    }
    emit(std::move(d));
  }

  // A feed becomes one article per item; a feed that cannot be parsed is
  // one skipped input naming the line of the error.
  void FeedItems(RawDoc&& d) const {
    if (d.bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
      Skip(d.source, d.path, "empty file", d.input_bytes);
      return;
    }
    auto feed = html::ParseFeed(d.bytes);
    if (!feed.ok()) {
      Skip(d.source, d.path, feed.status().message() + " in " + d.path, d.input_bytes);
      return;
    }
    if (feed->items.empty()) {
      Skip(d.source, d.path, "feed has no items", d.input_bytes);
      return;
    }
    std::size_t k = 0;
    for (auto& item : feed->items) {
      ++k;
      RawDoc r;
      r.source = d.path + "#" + std::to_string(k);
      r.path = d.path;
      r.input_bytes = k == 1 ? d.input_bytes : 0;
      r.warning = d.warning;
      if (item.html.find_first_not_of(" \t\r\n") == std::string::npos) {
        r.skip_reason = "feed item has no description or content";
        emit(std::move(r));
        continue;
      }
      r.format = Format::kHtml;
      r.bytes = std::move(item.html);
      r.hints.title = std::move(item.title);
      r.hints.url = std::move(item.link);
      r.hints.published = std::move(item.published);
      r.hints.author = std::move(item.author);
      r.hints.outlet = html::FeedOutletName(feed->title, feed->link);
      r.hints.charset = "utf-8";  // libxml2 hands out UTF-8
      r.hints.fragment = true;
      r.hints.format = "feed";
      emit(std::move(r));
    }
  }

  // A WARC becomes one article per HTML response record; other records are
  // reported as skipped with the reason.
  void Warc(const std::string& path, ByteSource& src) const {
    bool any = false;
    std::uint64_t last = 0;
    auto read = [&](char* buf, std::size_t n) -> long {
      long got = src.Read(buf, n);
      AddRead(src.consumed() - last);
      last = src.consumed();
      return got;
    };
    std::string err = html::ReadWarc(read, opt.max_record_bytes, [&](html::WarcRecord&& w) {
      any = true;
      RawDoc r;
      r.source = path + "#" + std::to_string(w.number);
      r.path = path;
      r.input_bytes = w.bytes;
      if (!w.skip_reason.empty()) {
        r.skip_reason = w.skip_reason + (w.uri.empty() ? "" : " (" + w.uri + ")");
        emit(std::move(r));
        return;
      }
      r.format = Format::kHtml;
      r.bytes = std::move(w.body);
      r.hints.url = std::move(w.uri);
      r.hints.published = std::move(w.date);
      r.hints.charset = std::move(w.charset);
      r.hints.format = "warc";
      emit(std::move(r));
    });
    if (!err.empty()) Skip(path, path, err + " in " + path);
    else if (!any) Skip(path, path, "empty file");
  }

  void JsonLines(const std::string& path, ByteSource& src) const {
    LineReader lr(src, opt.max_record_bytes);
    std::string line;
    bool too_long = false;
    std::uint64_t line_bytes = 0, last_consumed = 0;
    bool any = false;
    bool utf16 = false;
    for (;;) {
      if (Cancelled()) return;
      auto status = lr.Next(&line, &too_long, &line_bytes);
      std::uint64_t consumed = src.consumed();
      AddRead(consumed - last_consumed);
      last_consumed = consumed;
      if (status == LineReader::Status::kEnd) break;
      if (status == LineReader::Status::kError) {
        Skip(path + ":" + std::to_string(lr.line_number() + 1), path,
             "cannot read further: " + src.error() + "; the lines before it were read");
        return;
      }
      any = true;
      std::string source = path + ":" + std::to_string(lr.line_number());
      if (lr.line_number() == 1) {
        std::string enc = SniffEncoding(line);
        if (enc == "utf-16le" || enc == "utf-16be") utf16 = true;
      }
      if (utf16) {
        // UTF-16 JSON Lines: '\n' bytes split code units, so read the rest
        // whole and convert before splitting.
        Utf16JsonLines(path, line, lr, src);
        return;
      }
      if (too_long) {
        Skip(source, path,
             "line too long: " + HumanBytes(line_bytes) + " is over the limit of " +
                 HumanBytes(opt.max_record_bytes) + " per article (--max-article-mb)",
             line_bytes);
        continue;
      }
      std::string_view trimmed = line;
      while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.remove_suffix(1);
      if (trimmed.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank line
      RawDoc d;
      d.source = std::move(source);
      d.path = path;
      d.format = Format::kJson;
      d.input_bytes = line_bytes + 1;
      d.bytes = std::move(line);
      emit(std::move(d));
      line.clear();
    }
    if (!any && path != "-") Skip(path, path, "empty file");
  }

  void Utf16JsonLines(const std::string& path, const std::string& first, LineReader& lr,
                      ByteSource& src) const {
    std::string rest;
    bool over = false;
    lr.ReadAll(&rest, opt.max_record_bytes, &over);
    AddRead(src.consumed());
    if (over) {
      Skip(path, path, "too large for a UTF-16 file (convert it to UTF-8)");
      return;
    }
    std::string all = first + "\n" + rest;
    bool be = static_cast<unsigned char>(all[0]) == 0xFE;
    std::string text = Utf16ToUtf8(all, be);
    std::size_t pos = 0, no = 0;
    while (pos < text.size()) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      ++no;
      std::string line = text.substr(pos, nl - pos);
      pos = nl + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      RawDoc d;
      d.source = path + ":" + std::to_string(no);
      d.path = path;
      d.format = Format::kJson;
      d.input_bytes = line.size() + 1;
      d.bytes = std::move(line);
      d.warning = std::string("converted from ") + (be ? "UTF-16BE" : "UTF-16LE");
      emit(std::move(d));
    }
  }
};

void Reader::Run(const std::function<void(RawDoc&&)>& emit) {
  Impl impl{options_, emit, bytes_read_.get(), cancelled_.get()};
  for (std::size_t i = 0; i < inputs_.size() && !impl.Cancelled(); ++i) {
    impl.input_index = i;
    impl.Input(inputs_[i]);
  }
}

}  // namespace sitrep::ingest
