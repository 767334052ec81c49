// The clean stage: from text as scraped to a clean body plus metadata.
//
// It finds the title (a first short line, a headline repeated), metadata
// lines (a "Source: X" line, a dateline, a byline) and turns them into
// fields, and removes page furniture (video-player notices, adverts,
// related-link lists, captions, share prompts, stray punctuation) using
// general signals: whether a line reads like a sentence, where it stands,
// whether it belongs to a list of links, a cue lexicon (data/clean/cues.tsv)
// and lines that repeat across many articles of one outlet. Every removed
// line is kept in Article::removed with its reason.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/stage.h"

namespace sitrep::clean {

// Per-outlet counts of short lines across a corpus, so that a line an outlet
// prints under every article (its newsletter advert, its app promotion) is
// recognised as furniture. Filled in a first pass over the inputs; each
// worker fills its own instance and the instances are merged.
class RepeatedLines {
 public:
  // Records the lines of one article published by `outlet` ("" if unknown).
  void AddArticle(std::string_view outlet, std::string_view text);
  // Adds other's counts to this one.
  void Merge(const RepeatedLines& other);
  // How many articles of `outlet` contain `line` (any case and spacing).
  std::uint32_t Count(std::string_view outlet, std::string_view line) const;
  // The same from precomputed hashes: OutletHash(outlet) and
  // Hash64(LineKey(line)).
  std::uint32_t CountHashed(std::uint64_t outlet_hash, std::uint64_t key_hash) const;
  static std::uint64_t OutletHash(std::string_view outlet);
  // How many articles of `outlet` were recorded.
  std::uint32_t Articles(std::string_view outlet) const;
  bool empty() const { return articles_.empty(); }

 private:
  // Reads lines_ and articles_ when it is built, for its own tables of the
  // lines it can remove and of the outlets' article counts.
  friend class CleanStage;
  std::unordered_map<std::uint64_t, std::uint32_t> lines_;     // hash(outlet, line) -> articles
  std::unordered_map<std::uint64_t, std::uint32_t> articles_;  // hash(outlet) -> articles
};

// The outlet an article names in its own text ("Source: X" near the top or
// bottom), or "" if none. Cheap: used by the first pass.
std::string OutletFromText(std::string_view text);

// A line an outlet repeats is removed when at least this many of its
// articles carry it and, for a line that reads like a sentence, when it is
// also in at least half of them.
inline constexpr std::uint32_t kMinRepeats = 3;

class CleanStage : public Stage {
 public:
  // repeated may be null (no cross-article signal, e.g. when streaming);
  // its counts are read here, so it must be complete.
  explicit CleanStage(std::shared_ptr<const RepeatedLines> repeated = nullptr);
  ~CleanStage() override;
  std::string_view name() const override { return "clean"; }
  // Per-thread buffers (the article's lines, their keys, metadata parses)
  // reused from article to article instead of allocated for each.
  std::unique_ptr<StageScratch> NewScratch() const override;
  // Expects article.text to hold the decoded, NFC-normalised input text and
  // article.input_format to say "text", "markdown" or "json". Replaces the
  // text with the clean body (paragraphs separated by a blank line) and
  // fills title, outlet, published, author and removed where the article
  // did not already carry them.
  void Process(Article& article, StageScratch* scratch) const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep::clean
