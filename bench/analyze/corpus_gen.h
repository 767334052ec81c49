// A deterministic generator of synthetic news articles, built from the
// bundled sample articles (samples/articles) and nothing else: no text is
// downloaded, and no text is written here. Shared by the corpus tool
// (make_corpus.cpp) and the in-memory corpus of bench_analyze.cpp, so both
// measure the same kind of input.
//
// Each generated article starts from one sample: its head lines (headline,
// dateline, byline, "Source:" line, player notices) and its tail lines
// (related-link lists) stay as they are, so an outlet's furniture repeats
// word for word across its articles as it does on a real site. Its body is
// a list of blocks (a paragraph plus the noise lines that follow it: image
// captions, adverts, subheadings); blocks are shuffled, some are swapped for
// blocks of other samples, some are added, and the numbers and a few
// capitalised words inside paragraphs are varied, so articles differ and
// their ids (hashes of their bytes) do not collide.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "clean/clean.h"
#include "core/article.h"
#include "core/json_writer.h"
#include "ingest/decode.h"
#include "ingest/ingest.h"

namespace sitrep::bench {

// splitmix64: tiny, fast, and the same on every platform and standard
// library (std::uniform_int_distribution is not), so a seed names a corpus.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0. The modulo bias is irrelevant here.
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
  // True with probability percent / 100.
  bool Percent(unsigned percent) { return Next() % 100 < percent; }

 private:
  std::uint64_t s_;
};

struct Sample {
  std::string source;  // where it came from, for messages
  std::optional<std::string> title, outlet, published;
  bool has_title_line = false;  // head[0] is the headline (.txt, .md)
  std::vector<std::string> head;
  std::vector<std::vector<std::string>> blocks;  // [0] is the paragraph
  std::vector<std::string> tail;
};

// A line that reads like a body paragraph: long, several words, ends like a
// sentence or a quotation. Everything else in a sample is head, tail, or
// noise attached to the paragraph before it.
inline bool IsParagraph(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  if (line.size() < 60) return false;
  if (std::count(line.begin(), line.end(), ' ') < 8) return false;
  char last = line.back();
  if (last == '.' || last == '"' || last == '?' || last == '!' || last == ')') return true;
  // U+201D RIGHT DOUBLE QUOTATION MARK, U+2019 RIGHT SINGLE QUOTATION MARK
  return line.size() >= 3 && line.substr(line.size() - 3) == "\xE2\x80\x9D";
}

inline std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    lines.emplace_back(text.substr(at, nl - at));
    at = nl + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

// Splits a decoded text into head, blocks and tail (line 0 is head when it
// is the headline, even if it reads like a sentence). Returns false if it
// has no paragraph at all.
inline bool SplitSample(const std::string& text, bool title_line, Sample* s) {
  std::vector<std::string> lines = SplitLines(text);
  std::size_t first = lines.size(), last = lines.size();
  for (std::size_t i = title_line ? 1 : 0; i < lines.size(); ++i) {
    if (IsParagraph(lines[i])) {
      if (first == lines.size()) first = i;
      last = i;
    }
  }
  if (first == lines.size()) return false;
  s->head.assign(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(first));
  // Lines between two paragraphs (noise, subheadings, blank lines) go with
  // the paragraph before them; lines after the last one are the tail.
  for (std::size_t i = first; i <= last; ++i) {
    if (IsParagraph(lines[i])) s->blocks.emplace_back();
    s->blocks.back().push_back(lines[i]);
  }
  s->tail.assign(lines.begin() + static_cast<std::ptrdiff_t>(last + 1), lines.end());
  return true;
}

inline std::string ReadWholeFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Loads every .txt, .md, .json and .jsonl file under dir (sorted by path,
// so the result does not depend on directory order). Text and metadata go
// through the real decoder, so the samples are NFC UTF-8 as the pipeline
// sees them; the clean stage supplies title, outlet and date for plain-text
// samples. Returns an empty vector (and sets *error) if nothing usable is
// found.
// Files that are read but not used are listed in *notes (if given).
inline std::vector<Sample> LoadSamples(const std::string& dir, std::string* error,
                                       std::vector<std::string>* notes = nullptr) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string ext = it->path().extension().string();
    if (ext == ".txt" || ext == ".md" || ext == ".json" || ext == ".jsonl") files.push_back(it->path());
  }
  if (ec) {
    *error = "cannot read " + dir + ": " + ec.message();
    return {};
  }
  std::sort(files.begin(), files.end());
  clean::CleanStage cleaner(nullptr);
  std::vector<Sample> samples;
  auto add = [&](ingest::RawDoc&& doc, bool title_line) {
    std::string source = doc.source;
    auto note = [&](const std::string& why) {
      if (notes) notes->push_back(source + ": " + why);
    };
    Article a = ingest::Decode(std::move(doc));
    if (!a.ok()) return note("skipped by the decoder: " + a.reason);
    Sample s;
    s.source = source;
    s.has_title_line = title_line;
    if (!SplitSample(a.text, title_line, &s)) return note("no line reads like a paragraph");
    Article meta = a;
    cleaner.Process(meta, nullptr);
    s.title = a.title ? a.title : meta.title;
    s.outlet = a.outlet ? a.outlet : meta.outlet;
    s.published = a.published ? a.published : meta.published;
    if (title_line && s.head.empty()) return note("no headline line before the first paragraph");
    samples.push_back(std::move(s));
  };
  for (const fs::path& p : files) {
    std::string ext = p.extension().string();
    std::string bytes = ReadWholeFile(p);
    if (ext == ".jsonl") {
      std::size_t line_no = 0;
      for (std::string& line : SplitLines(bytes)) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        ingest::RawDoc d;
        d.source = p.string() + ":" + std::to_string(line_no);
        d.path = p.string();
        d.format = ingest::Format::kJson;
        d.input_bytes = line.size() + 1;
        d.bytes = std::move(line);
        add(std::move(d), false);
      }
    } else {
      ingest::RawDoc d;
      d.source = p.string();
      d.path = p.string();
      d.format = ext == ".json" ? ingest::Format::kJson
                 : ext == ".md" ? ingest::Format::kMarkdown
                                : ingest::Format::kText;
      d.input_bytes = bytes.size();
      d.bytes = std::move(bytes);
      add(std::move(d), ext == ".txt" || ext == ".md");
    }
  }
  if (samples.empty()) *error = "no usable sample article (.txt, .md, .json, .jsonl) under " + dir;
  return samples;
}

// One generated article, before it is written in a format.
struct GenArticle {
  std::string title;
  std::optional<std::string> outlet, published;
  std::vector<std::string> lines;  // the text without the headline line
};

class Generator {
 public:
  Generator(std::vector<Sample> samples, std::uint64_t seed) : samples_(std::move(samples)), rng_(seed) {
    // Capitalised ASCII words from inside paragraphs (not at a sentence
    // start), taken from the samples at run time: the pool for name swaps.
    for (const Sample& s : samples_) {
      for (const auto& b : s.blocks) {
        const std::string& p = b[0];
        for (std::size_t i = 2; i < p.size(); ++i) {
          if (p[i - 1] != ' ' || p[i - 2] == '.' || !IsUpper(p[i])) continue;
          std::size_t e = i + 1;
          while (e < p.size() && IsLower(p[e])) ++e;
          if (e - i >= 5 && (e == p.size() || !IsAlnumOrHigh(p[e]))) names_.push_back(p.substr(i, e - i));
        }
      }
    }
    std::sort(names_.begin(), names_.end());
    names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
  }

  const std::vector<Sample>& samples() const { return samples_; }

  GenArticle Next() {
    const Sample& base = samples_[rng_.Below(samples_.size())];
    GenArticle g;
    // The title stays as it is: pages repeat it in their text, and the
    // clean stage recognises the repeat.
    g.title = base.title ? *base.title : "Untitled";
    g.outlet = base.outlet;
    g.published = base.published;
    for (std::size_t i = base.has_title_line ? 1 : 0; i < base.head.size(); ++i) g.lines.push_back(base.head[i]);

    std::vector<const std::vector<std::string>*> blocks;
    for (const auto& b : base.blocks) blocks.push_back(&b);
    // Replace some blocks (not the lede) with blocks of other samples.
    for (std::size_t i = 1; i < blocks.size(); ++i) {
      if (rng_.Percent(25)) blocks[i] = &RandomBlock();
    }
    // Sometimes add a few, sometimes drop one, so sizes vary.
    if (rng_.Percent(50)) {
      std::size_t extra = 1 + rng_.Below(4);
      for (std::size_t k = 0; k < extra; ++k) blocks.push_back(&RandomBlock());
    }
    if (blocks.size() > 4 && rng_.Percent(20)) blocks.erase(blocks.begin() + 1 + static_cast<std::ptrdiff_t>(rng_.Below(blocks.size() - 1)));
    // Shuffle everything after the lede.
    for (std::size_t i = blocks.size(); i > 2; --i) {
      std::size_t j = 1 + rng_.Below(i - 1);
      std::swap(blocks[i - 1], blocks[j]);
    }
    for (const auto* b : blocks) {
      g.lines.push_back(Vary((*b)[0]));
      for (std::size_t i = 1; i < b->size(); ++i) g.lines.push_back((*b)[i]);  // noise stays verbatim
    }
    for (const std::string& l : base.tail) g.lines.push_back(l);
    return g;
  }

  // {"title":...,"outlet":...,"published":...,"text":...} with no newline.
  static void AppendJsonl(const GenArticle& g, std::string* out) {
    JsonWriter w(*out);
    w.BeginObject();
    w.Key("title");
    w.String(g.title);
    w.Key("outlet");
    w.OptString(g.outlet);
    w.Key("published");
    w.OptString(g.published);
    w.Key("text");
    std::string text;
    for (const std::string& l : g.lines) {
      text += l;
      text += '\n';
    }
    w.String(text);
    w.EndObject();
  }

  // A scraped page: the headline on the first line, then the text.
  static void AppendText(const GenArticle& g, std::string* out) {
    *out += g.title;
    *out += '\n';
    for (const std::string& l : g.lines) {
      *out += l;
      *out += '\n';
    }
  }

 private:
  static bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
  static bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }
  static bool IsAlnumOrHigh(char c) {
    return IsUpper(c) || IsLower(c) || IsDigit(c) || static_cast<unsigned char>(c) >= 0x80;
  }

  const std::vector<std::string>& RandomBlock() {
    const Sample& s = samples_[rng_.Below(samples_.size())];
    return s.blocks[rng_.Below(s.blocks.size())];
  }

  // Changes some numbers (every digit after the first, so the magnitude
  // and the format stay) and swaps a few capitalised words for others
  // from the samples. ASCII-only edits, so UTF-8 stays valid.
  std::string Vary(const std::string& p) {
    std::string out;
    out.reserve(p.size() + 16);
    std::size_t i = 0;
    while (i < p.size()) {
      char c = p[i];
      if (IsDigit(c) && (i == 0 || !IsAlnumOrHigh(p[i - 1]))) {
        std::size_t e = i;
        while (e < p.size() && IsDigit(p[e])) ++e;
        bool change = rng_.Percent(40);
        for (std::size_t k = i; k < e; ++k) {
          out.push_back(change && k > i ? static_cast<char>('0' + rng_.Below(10)) : p[k]);
        }
        i = e;
        continue;
      }
      if (IsUpper(c) && i >= 2 && p[i - 1] == ' ' && p[i - 2] != '.' && !names_.empty()) {
        std::size_t e = i + 1;
        while (e < p.size() && IsLower(p[e])) ++e;
        if (e - i >= 5 && (e == p.size() || !IsAlnumOrHigh(p[e])) && rng_.Percent(8)) {
          out += names_[rng_.Below(names_.size())];
          i = e;
          continue;
        }
        out.append(p, i, e - i);
        i = e;
        continue;
      }
      out.push_back(c);
      ++i;
    }
    return out;
  }

  std::vector<Sample> samples_;
  Rng rng_;
  std::vector<std::string> names_;
};

}  // namespace sitrep::bench
