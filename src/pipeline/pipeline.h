// The per-article pipeline and the parallel runner that drives it.
//
// ArticlePipeline is the stateless streaming stage: one Article in, one
// Article out, no state shared between articles except read-only lexicons
// and models. That is what lets `sitrep process` run on Spark or any other
// engine; cross-article work (merging entities, events, stories) runs
// afterwards on its output.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "core/article.h"
#include "core/stage.h"
#include "ingest/ingest.h"

namespace sitrep::pipeline {

class ArticlePipeline {
 public:
  // The standard stages in order: clean, text, syntax, time, entities,
  // tone, quotes, events.
  // repeated (may be null) is the corpus's per-outlet repeated lines.
  static ArticlePipeline Standard(std::shared_ptr<const clean::RepeatedLines> repeated);

  void Add(std::unique_ptr<Stage> stage) { stages_.push_back(std::move(stage)); }

  // Per-thread state: each stage's scratch, and seconds spent per stage.
  struct Scratch {
    std::vector<std::unique_ptr<StageScratch>> stage;
    std::vector<double> seconds;
  };
  Scratch NewScratch() const;

  // Decodes doc and runs every stage on it. Never throws.
  Article Run(ingest::RawDoc&& doc, Scratch& scratch) const;

  std::vector<std::string> StageNames() const;

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

// Counters the runner keeps while it works; safe to read from another
// thread for progress.
struct Progress {
  std::atomic<std::uint64_t> articles{0};
  std::atomic<std::uint64_t> skipped{0};
};

// Runs reader over `jobs` worker threads. Each worker gets its own
// function from make_worker (per-thread state lives in its closure) and is
// called with each record and its sequence number (input order). Records
// travel in batches of up to 32 (or 1 MB); at most about 3 * jobs batches
// are in flight, so memory is bounded by the work in flight, not by the
// corpus. A worker returning false cancels the run
// (used when output cannot be written).
using Worker = std::function<bool(std::uint64_t seq, ingest::RawDoc&& doc)>;
void RunParallel(ingest::Reader& reader, int jobs, const std::function<Worker()>& make_worker);

// Prints a progress line to stderr every half second while alive (only if
// enabled): articles, articles/s, MB/s and ETA from the reader's position.
class ProgressPrinter {
 public:
  ProgressPrinter(bool enabled, const ingest::Reader& reader, const Progress& progress, std::string phase);
  ~ProgressPrinter();
  ProgressPrinter(const ProgressPrinter&) = delete;
  ProgressPrinter& operator=(const ProgressPrinter&) = delete;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep::pipeline
