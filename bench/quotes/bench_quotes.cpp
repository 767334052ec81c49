// Throughput of the quotes stage on one core, over the bundled sample
// articles (samples/articles, written by the project), and of the
// cross-article quote linking. The articles go through the per-article
// pipeline once, before timing. Reports tokens/s and,
// for linking, quotes/s.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "quotes/quotes.h"
#include "quotes/same_as.h"

namespace {

std::vector<sitrep::Article>& Articles() {
  static std::vector<sitrep::Article> articles = [] {
    // The whole per-article pipeline (its last stages rerun below).
    auto pipeline = sitrep::pipeline::ArticlePipeline::Standard(nullptr);
    auto scratch = pipeline.NewScratch();
    std::vector<sitrep::Article> out;
    sitrep::ingest::Reader({SITREP_SOURCE_DIR "/samples/articles"}, {}).Run([&](sitrep::ingest::RawDoc&& doc) {
      sitrep::Article a = pipeline.Run(std::move(doc), scratch);
      if (a.ok()) out.push_back(std::move(a));
    });
    return out;
  }();
  return articles;
}

// The check before timing: every sample article has quotes, each with
// well-formed parts inside the text, a kind, and a cue or a speaker; the
// stage gives the same quotes twice. Aborts otherwise.
void CheckOrAbort() {
  const auto& lex = sitrep::quotes::DefaultCueLexicon();
  std::size_t total = 0;
  for (auto& a : Articles()) {
    sitrep::quotes::FindQuotes(a, lex);
    const std::size_t first_run = a.quotes.size();
    for (const auto& q : a.quotes) {
      bool ok = !q.parts.empty() && (q.kind == "direct" || q.kind == "mixed" || q.kind == "indirect");
      for (const auto& p : q.parts) ok = ok && p.begin < p.end && p.end <= a.text.size();
      ok = ok && (q.cue.end > q.cue.begin || !q.speaker_from.empty() || q.speaker_local < 0);
      if (!ok) {
        std::fprintf(stderr, "bench_quotes: malformed quote in %s\n", a.source.c_str());
        std::abort();
      }
    }
    sitrep::quotes::FindQuotes(a, lex);
    if (a.quotes.empty() || a.quotes.size() != first_run) {
      std::fprintf(stderr, "bench_quotes: no or unstable quotes in %s\n", a.source.c_str());
      std::abort();
    }
    total += a.quotes.size();
  }
  std::fprintf(stderr, "bench_quotes: check passed, %zu quotes in %zu articles\n", total, Articles().size());
}

std::int64_t Tokens() {
  std::int64_t n = 0;
  for (const auto& a : Articles()) n += static_cast<std::int64_t>(a.tokens.size());
  return n;
}

void BM_QuotesStage(benchmark::State& state) {
  const auto& lex = sitrep::quotes::DefaultCueLexicon();
  auto& articles = Articles();
  for (auto _ : state) {
    for (auto& a : articles) {
      sitrep::quotes::FindQuotes(a, lex);
      benchmark::DoNotOptimize(a.quotes.data());
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(Tokens()) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_QuotesStage)->Unit(benchmark::kMillisecond);

// Linking N quotes made from the sample quotes with words changed, so
// most are distinct and some repeat across "articles".
void BM_LinkQuotes(benchmark::State& state) {
  std::vector<std::string> texts;
  for (const auto& a : Articles()) {
    for (const auto& q : a.quotes) texts.emplace_back(a.Text(q.content));
  }
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    sitrep::quotes::QuoteLinker linker;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string& t = texts[i % texts.size()];
      // Every fourth copy is the same words again; the rest get a marker word.
      linker.Add(i % 4 == 0 ? t : t + " variant" + std::to_string(i), static_cast<std::uint32_t>(i), "");
    }
    auto same = linker.Finish();
    benchmark::DoNotOptimize(same.data());
  }
  state.counters["quotes/s"] = benchmark::Counter(static_cast<double>(n) * static_cast<double>(state.iterations()),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LinkQuotes)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  CheckOrAbort();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
