// Throughput of the entities stage on one core, over the bundled sample
// articles (samples/articles, written by the project): recognition alone,
// and the whole stage (recognition, roles and actor codes, within-article
// merge). The articles go through decode, clean, text and syntax once,
// before timing. Reports tokens/s.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "clean/clean.h"
#include "entities/entities.h"
#include "ingest/decode.h"
#include "text/text.h"

namespace {

std::vector<sitrep::Article>& Articles() {
  static std::vector<sitrep::Article> articles = [] {
    std::vector<sitrep::Article> out;
    sitrep::clean::CleanStage clean(nullptr);
    sitrep::text::TextStage text;
    sitrep::syntax::SyntaxStage syntax;
    for (const auto& e : std::filesystem::recursive_directory_iterator(SITREP_SOURCE_DIR "/samples/articles")) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      sitrep::ingest::RawDoc doc;
      doc.source = e.path().string();
      doc.bytes = ss.str();
      doc.path = doc.source;
      const auto ext = e.path().extension();
      doc.format = ext == ".md"     ? sitrep::ingest::Format::kMarkdown
                   : ext == ".json" ? sitrep::ingest::Format::kJson
                                    : sitrep::ingest::Format::kText;
      sitrep::Article a = sitrep::ingest::Decode(std::move(doc));
      clean.Process(a, nullptr);
      text.Process(a, nullptr);
      syntax.Process(a, nullptr);
      out.push_back(std::move(a));
    }
    return out;
  }();
  return articles;
}

// The check before timing: the stage must find names in every sample
// article, with well-formed, ordered, non-overlapping spans that all
// belong to a local entity. Aborts otherwise.
void CheckOrAbort() {
  sitrep::entities::EntitiesStage stage;
  std::size_t total = 0;
  for (auto& a : Articles()) {
    stage.Process(a, nullptr);
    std::uint32_t last_end = 0;
    for (const auto& m : a.mentions) {
      const bool ok = m.begin >= last_end && m.begin < m.end && m.end <= a.text.size() && m.local >= 0 &&
                      static_cast<std::size_t>(m.local) < a.local_entities.size();
      if (!ok) {
        std::fprintf(stderr, "bench_entities: malformed mention in %s\n", a.source.c_str());
        std::abort();
      }
      last_end = m.end;
    }
    if (a.mentions.empty()) {
      std::fprintf(stderr, "bench_entities: no mention found in %s\n", a.source.c_str());
      std::abort();
    }
    total += a.mentions.size();
  }
  std::fprintf(stderr, "bench_entities: check passed, %zu mentions in %zu articles\n", total, Articles().size());
}

std::int64_t Tokens() {
  std::int64_t n = 0;
  for (const auto& a : Articles()) n += static_cast<std::int64_t>(a.tokens.size());
  return n;
}

void BM_Recognize(benchmark::State& state) {
  static const bool checked = (CheckOrAbort(), true);
  (void)checked;
  auto& articles = Articles();
  auto model = sitrep::entities::LoadDefaultNer();
  sitrep::entities::EntitiesScratch scratch;
  for (auto _ : state) {
    for (auto& a : articles) sitrep::entities::RecognizeMentions(*model, a, scratch);
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(Tokens()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Recognize)->Unit(benchmark::kMillisecond);

void BM_EntitiesStage(benchmark::State& state) {
  auto& articles = Articles();
  sitrep::entities::EntitiesStage stage;
  auto scratch = stage.NewScratch();
  for (auto _ : state) {
    for (auto& a : articles) stage.Process(a, scratch.get());
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(Tokens()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_EntitiesStage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
