// Throughput of the entities stage on one core, over the bundled sample
// articles (samples/articles, written by the project): recognition alone,
// and the whole stage (recognition, roles and actor codes, within-article
// merge). The articles go through decode, clean, text and syntax once,
// before timing. Reports tokens/s.
#include <benchmark/benchmark.h>

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

std::int64_t Tokens() {
  std::int64_t n = 0;
  for (const auto& a : Articles()) n += static_cast<std::int64_t>(a.tokens.size());
  return n;
}

void BM_Recognize(benchmark::State& state) {
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
