// Throughput of the events stage on one core, over the bundled sample
// articles (samples/articles, written by the project) and the sentences of
// the events gold file, each run once through every earlier stage
// (decode, clean, text, syntax, entities, time) before timing. Reports
// tokens/s of the events stage alone.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/json_writer.h"
#include "events/events.h"
#include "events/gold.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace {

std::vector<sitrep::Article>& Articles() {
  static std::vector<sitrep::Article> articles = [] {
    // The standard pipeline without its last stage (events).
    sitrep::pipeline::ArticlePipeline full = sitrep::pipeline::ArticlePipeline::Standard(nullptr);
    auto scratch = full.NewScratch();
    std::vector<sitrep::Article> out;
    auto add = [&](sitrep::ingest::RawDoc doc) {
      sitrep::Article a = full.Run(std::move(doc), scratch);
      a.events.clear();
      if (a.ok()) out.push_back(std::move(a));
    };
    sitrep::ingest::Reader({SITREP_SOURCE_DIR "/samples/articles"}, {}).Run(
        [&](sitrep::ingest::RawDoc&& doc) { add(std::move(doc)); });
    // The gold sentences, as one article of news-style text.
    std::ifstream in(SITREP_SOURCE_DIR "/tests/events/gold/events_gold.tsv", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto gold = sitrep::events::ParseGold(ss.str());
    if (gold.ok()) {
      std::string text;
      for (const auto& g : gold.value()) text += g.text + "\n\n";
      sitrep::ingest::RawDoc doc;
      doc.source = "gold";
      doc.format = sitrep::ingest::Format::kJson;
      sitrep::JsonWriter w(doc.bytes);
      w.BeginObject();
      w.Key("text");
      w.String(text);
      w.Key("published");
      w.String("2024-01-15");
      w.EndObject();
      add(std::move(doc));
    }
    return out;
  }();
  return articles;
}

// The check before timing: events in the articles, each with a known
// code, a source, and a trigger inside its sentence. Aborts otherwise.
void CheckOrAbort() {
  sitrep::events::EventsStage stage;
  auto scratch = stage.NewScratch();
  std::size_t total = 0;
  for (auto& a : Articles()) {
    stage.Process(a, scratch.get());
    for (const auto& e : a.events) {
      const auto& s = a.sentences.at(e.sentence);
      const bool ok = sitrep::events::Codebook::Default().Find(e.cameo) != nullptr && !e.source.text.empty() &&
                      e.begin >= s.begin && e.end <= s.end;
      if (!ok) {
        std::fprintf(stderr, "bench_events: malformed event %s in %s\n", e.cameo.c_str(), a.source.c_str());
        std::abort();
      }
    }
    total += a.events.size();
  }
  if (total < 200) {
    std::fprintf(stderr, "bench_events: only %zu events found; expected at least 200\n", total);
    std::abort();
  }
  std::fprintf(stderr, "bench_events: check passed, %zu events in %zu articles\n", total, Articles().size());
}

std::int64_t Tokens() {
  std::int64_t n = 0;
  for (const auto& a : Articles()) n += static_cast<std::int64_t>(a.tokens.size());
  return n;
}

void BM_EventsStage(benchmark::State& state) {
  static const bool checked = (CheckOrAbort(), true);
  (void)checked;
  auto& articles = Articles();
  sitrep::events::EventsStage stage;
  auto scratch = stage.NewScratch();
  for (auto _ : state) {
    for (auto& a : articles) stage.Process(a, scratch.get());
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(Tokens()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_EventsStage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
