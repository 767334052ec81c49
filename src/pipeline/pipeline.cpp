#include "pipeline/pipeline.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

#include "entities/entities.h"
#include "events/events.h"
#include "ingest/decode.h"
#include "quotes/quotes.h"
#include "syntax/syntax.h"
#include "text/text.h"
#include "text/tone.h"
#include "time/time.h"

namespace sitrep::pipeline {

ArticlePipeline ArticlePipeline::Standard(std::shared_ptr<const clean::RepeatedLines> repeated) {
  ArticlePipeline p;
  p.Add(std::make_unique<clean::CleanStage>(std::move(repeated)));
  p.Add(std::make_unique<text::TextStage>());
  p.Add(std::make_unique<syntax::SyntaxStage>());
  // Time before entities: a name inside a date is no name.
  p.Add(std::make_unique<TimeStage>());
  p.Add(std::make_unique<entities::EntitiesStage>());
  p.Add(std::make_unique<text::ToneStage>());
  p.Add(std::make_unique<quotes::QuotesStage>());
  p.Add(std::make_unique<events::EventsStage>());
  return p;
}

ArticlePipeline::Scratch ArticlePipeline::NewScratch() const {
  Scratch s;
  for (const auto& st : stages_) s.stage.push_back(st->NewScratch());
  s.seconds.assign(stages_.size() + 1, 0.0);
  return s;
}

Article ArticlePipeline::Run(ingest::RawDoc&& doc, Scratch& scratch) const {
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  Article a = ingest::Decode(std::move(doc));
  auto t1 = Clock::now();
  scratch.seconds[0] += std::chrono::duration<double>(t1 - t0).count();
  for (std::size_t i = 0; i < stages_.size() && a.ok(); ++i) {
    stages_[i]->Process(a, scratch.stage[i].get());
    auto t2 = Clock::now();
    scratch.seconds[i + 1] += std::chrono::duration<double>(t2 - t1).count();
    t1 = t2;
  }
  return a;
}

std::vector<std::string> ArticlePipeline::StageNames() const {
  std::vector<std::string> names{"decode"};
  for (const auto& s : stages_) names.emplace_back(s->name());
  return names;
}

void RunParallel(ingest::Reader& reader, int jobs, const std::function<Worker()>& make_worker) {
  if (jobs < 1) jobs = 1;
  // Records travel in batches so threads synchronise once per batch, not
  // once per article; a batch closes at kBatchDocs records or kBatchBytes.
  constexpr std::size_t kBatchDocs = 32;
  constexpr std::size_t kBatchBytes = 1 << 20;
  using Batch = std::vector<std::pair<std::uint64_t, ingest::RawDoc>>;
  const std::size_t capacity = static_cast<std::size_t>(jobs) * 2;
  std::mutex mu;
  std::condition_variable not_empty, not_full;
  std::deque<Batch> queue;
  bool done = false;
  std::atomic<bool> cancelled{false};

  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(jobs));
  for (int t = 0; t < jobs; ++t) {
    threads.emplace_back([&] {
      Worker work = make_worker();
      for (;;) {
        Batch batch;
        {
          std::unique_lock<std::mutex> lock(mu);
          not_empty.wait(lock, [&] { return !queue.empty() || done; });
          if (queue.empty()) return;
          batch = std::move(queue.front());
          queue.pop_front();
        }
        not_full.notify_one();
        for (auto& item : batch) {
          if (cancelled.load(std::memory_order_relaxed)) break;  // drain without work
          if (!work(item.first, std::move(item.second))) {
            cancelled.store(true);
            reader.Cancel();
            not_full.notify_all();
          }
        }
      }
    });
  }
  std::uint64_t seq = 0;
  Batch pending;
  std::size_t pending_bytes = 0;
  auto flush = [&] {
    if (pending.empty()) return;
    std::unique_lock<std::mutex> lock(mu);
    not_full.wait(lock, [&] { return queue.size() < capacity || cancelled.load(); });
    if (!cancelled.load()) queue.push_back(std::move(pending));
    lock.unlock();
    not_empty.notify_one();
    pending = Batch();
    pending_bytes = 0;
  };
  reader.Run([&](ingest::RawDoc&& doc) {
    pending_bytes += doc.bytes.size();
    pending.emplace_back(seq++, std::move(doc));
    if (pending.size() >= kBatchDocs || pending_bytes >= kBatchBytes) flush();
  });
  flush();
  {
    std::lock_guard<std::mutex> lock(mu);
    done = true;
  }
  not_empty.notify_all();
  for (auto& th : threads) th.join();
}

struct ProgressPrinter::Impl {
  std::thread thread;
  std::mutex mu;
  std::condition_variable cv;
  bool stop = false;
  bool printed = false;
};

ProgressPrinter::ProgressPrinter(bool enabled, const ingest::Reader& reader, const Progress& progress,
                                 std::string phase)
    : impl_(std::make_unique<Impl>()) {
  if (!enabled) return;
  Impl* impl = impl_.get();
  impl->thread = std::thread([impl, &reader, &progress, phase] {
    using Clock = std::chrono::steady_clock;
    auto start = Clock::now();
    std::unique_lock<std::mutex> lock(impl->mu);
    while (!impl->cv.wait_for(lock, std::chrono::milliseconds(500), [impl] { return impl->stop; })) {
      double secs = std::chrono::duration<double>(Clock::now() - start).count();
      double mb = static_cast<double>(reader.bytes_read()) / 1e6;
      double total_mb = static_cast<double>(reader.total_bytes()) / 1e6;
      std::uint64_t n = progress.articles.load();
      char eta[32] = "";
      if (total_mb > 0 && mb > 0 && mb < total_mb) {
        int left = static_cast<int>((total_mb - mb) / (mb / secs));
        std::snprintf(eta, sizeof eta, "  ETA %d:%02d", left / 60, left % 60);
      }
      std::fprintf(stderr, "\r\033[Ksitrep %s: %llu articles (%.0f/s), %.1f MB (%.1f MB/s)%s", phase.c_str(),
                   static_cast<unsigned long long>(n), n / secs, mb, mb / secs, eta);
      std::fflush(stderr);
      impl->printed = true;
    }
  });
}

ProgressPrinter::~ProgressPrinter() {
  if (!impl_->thread.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->stop = true;
  }
  impl_->cv.notify_all();
  impl_->thread.join();
  if (impl_->printed) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }
}

}  // namespace sitrep::pipeline
