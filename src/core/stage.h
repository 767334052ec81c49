// A stage of the per-article pipeline: a small object that reads and fills
// an Article. Stages hold only read-only shared state (lexicons, model
// weights) so one instance serves every worker thread; anything a stage
// must mutate while it works lives in its per-thread Scratch.
#pragma once

#include <memory>
#include <string_view>

#include "core/article.h"

namespace sitrep {

// Per-thread working memory of one stage (feature buffers, caches).
class StageScratch {
 public:
  virtual ~StageScratch() = default;
};

class Stage {
 public:
  virtual ~Stage() = default;

  // A short stable name, used in timings and error messages.
  virtual std::string_view name() const = 0;

  // Returns a fresh scratch for one worker thread, or nullptr if the stage
  // needs none.
  virtual std::unique_ptr<StageScratch> NewScratch() const { return nullptr; }

  // Processes one article in place. Called concurrently from several
  // threads, each with its own scratch. Must not throw: a problem with the
  // article is reported through Article::Skip() or Article::warnings.
  // Not called for articles that are already skipped.
  virtual void Process(Article& article, StageScratch* scratch) const = 0;
};

}  // namespace sitrep
