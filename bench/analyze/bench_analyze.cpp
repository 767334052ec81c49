// Throughput of the per-article stage of `sitrep analyze` on one thread,
// over an in-memory synthetic corpus (corpus_gen.h; a few MB generated from
// the bundled samples). Every case reports bytes/s of INPUT bytes (so the
// stages add up and compare with `sitrep analyze`'s MB/s) and articles/s.
//
//   BM_Article/jsonl|txt  decode + clean + text + JSON serialisation, as one
//                         analyze worker does it (ArticlePipeline::Run)
//   BM_FirstStage/jsonl|txt  issue 2's target path without the reader:
//                         decode + clean + text + JSON serialisation, the
//                         stages called one by one (BM_Article runs every
//                         stage of the standard pipeline, parser included)
//   BM_Read               ingest::Reader over the corpus as a .jsonl file
//   BM_Decode             ingest::Decode (JSON, UTF-8 check, NFC)
//   BM_RepeatScan         the first analyze pass, after decoding
//   BM_Clean              clean::CleanStage
//   BM_TextLanguage       text::IdentifyLanguage
//   BM_TextSegment        text::Segment (tokenization + sentences)
//   BM_Serialise          store::AppendArticleJson
//
// Before anything is timed, main() checks the implementation against a
// reference: every sample article comes out of two independent
// ArticlePipeline::Standard(nullptr) instances byte-identical, ok and with
// tokens; the stage-by-stage path used by the per-stage cases gives the same
// JSON as the pipeline; and the generator is deterministic. It aborts with
// a message if not.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "corpus_gen.h"
#include "ingest/decode.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "store/article_json.h"
#include "text/text.h"

#ifndef SITREP_SAMPLES_DIR
#define SITREP_SAMPLES_DIR "samples/articles"
#endif

namespace {

using sitrep::Article;
using sitrep::ingest::RawDoc;

std::string SamplesDir() {
  const char* env = std::getenv("SITREP_SAMPLES");
  return env && *env ? env : SITREP_SAMPLES_DIR;
}

// Corpus size in MB; SITREP_BENCH_MB overrides the default of 4.
double CorpusMb() {
  const char* env = std::getenv("SITREP_BENCH_MB");
  double mb = env ? std::atof(env) : 0;
  return mb > 0 ? mb : 4.0;
}

struct Corpus {
  std::vector<RawDoc> docs;
  std::int64_t bytes = 0;  // input bytes, as the Reader would count them
  std::shared_ptr<sitrep::clean::RepeatedLines> repeated;
  // Each stage's input, prepared once.
  std::vector<Article> decoded, cleaned, done;
};

std::vector<RawDoc> Generate(bool jsonl, std::uint64_t seed, double mb, std::string* error) {
  std::vector<sitrep::bench::Sample> samples = sitrep::bench::LoadSamples(SamplesDir(), error);
  if (samples.empty()) return {};
  sitrep::bench::Generator gen(std::move(samples), seed);
  std::vector<RawDoc> docs;
  const auto target = static_cast<std::int64_t>(mb * 1e6);
  std::int64_t bytes = 0;
  while (bytes < target) {
    RawDoc d;
    d.format = jsonl ? sitrep::ingest::Format::kJson : sitrep::ingest::Format::kText;
    if (jsonl) {
      sitrep::bench::Generator::AppendJsonl(gen.Next(), &d.bytes);
      d.source = "bench.jsonl:" + std::to_string(docs.size() + 1);
      d.path = "bench.jsonl";
      d.input_bytes = d.bytes.size() + 1;
    } else {
      sitrep::bench::Generator::AppendText(gen.Next(), &d.bytes);
      d.source = "bench/" + std::to_string(docs.size()) + ".txt";
      d.path = d.source;
      d.input_bytes = d.bytes.size();
    }
    bytes += static_cast<std::int64_t>(d.input_bytes);
    docs.push_back(std::move(d));
  }
  return docs;
}

[[noreturn]] void Fail(const std::string& why) {
  std::fprintf(stderr, "bench_analyze: reference check failed: %s\n", why.c_str());
  std::exit(1);
}

std::string Json(const Article& a) {
  std::string s;
  sitrep::store::AppendArticleJson(a, &s);
  return s;
}

const Corpus& GetCorpus(bool jsonl) {
  static std::unique_ptr<Corpus> cache[2];
  std::unique_ptr<Corpus>& c = cache[jsonl ? 1 : 0];
  if (c) return *c;
  c = std::make_unique<Corpus>();
  std::string error;
  c->docs = Generate(jsonl, 1, CorpusMb(), &error);
  if (c->docs.empty()) Fail(error);
  for (const RawDoc& d : c->docs) c->bytes += static_cast<std::int64_t>(d.input_bytes);
  // The analyze first pass, so clean sees the same repeated lines it would.
  c->repeated = std::make_shared<sitrep::clean::RepeatedLines>();
  for (const RawDoc& d : c->docs) {
    RawDoc copy = d;
    Article a = sitrep::ingest::Decode(std::move(copy));
    if (!a.ok()) Fail(d.source + " was skipped: " + a.reason);
    c->repeated->AddArticle(a.outlet ? *a.outlet : sitrep::clean::OutletFromText(a.text), a.text);
    c->decoded.push_back(std::move(a));
  }
  sitrep::clean::CleanStage clean(c->repeated);
  sitrep::text::TextStage text;
  for (const Article& a : c->decoded) {
    Article b = a;
    clean.Process(b, nullptr);
    if (!b.ok()) Fail(b.source + " was skipped by clean: " + b.reason);
    c->cleaned.push_back(b);
    text.Process(b, nullptr);
    if (!b.ok() || b.tokens.empty()) Fail(b.source + ": no tokens");
    c->done.push_back(std::move(b));
  }
  return *c;
}

void SetRates(benchmark::State& state, const Corpus& c) {
  state.SetBytesProcessed(state.iterations() * c.bytes);
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(c.docs.size()), benchmark::Counter::kIsRate);
  state.counters["articles"] = static_cast<double>(c.docs.size());
}

// The whole per-article stage as an analyze worker runs it. Counters
// "pct_<stage>" give each stage's share of the pipeline's own timing.
void BM_Article(benchmark::State& state) {
  const Corpus& c = GetCorpus(state.range(0) == 0);
  sitrep::pipeline::ArticlePipeline pipeline = sitrep::pipeline::ArticlePipeline::Standard(c.repeated);
  auto scratch = pipeline.NewScratch();
  std::string line;
  std::size_t tokens = 0;
  double serialise_s = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<RawDoc> docs = c.docs;
    state.ResumeTiming();
    for (RawDoc& d : docs) {
      Article a = pipeline.Run(std::move(d), scratch);
      auto t0 = std::chrono::steady_clock::now();
      line.clear();
      sitrep::store::AppendArticleJson(a, &line);
      line.push_back('\n');
      serialise_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      tokens += a.tokens.size();
      benchmark::DoNotOptimize(line.data());
    }
  }
  SetRates(state, c);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  std::vector<std::string> names = pipeline.StageNames();
  double total = serialise_s;
  for (double s : scratch.seconds) total += s;
  for (std::size_t i = 0; i < names.size() && total > 0; ++i) {
    state.counters["pct_" + names[i]] = 100.0 * scratch.seconds[i] / total;
  }
  if (total > 0) state.counters["pct_serialise"] = 100.0 * serialise_s / total;
}
BENCHMARK(BM_Article)->ArgName("txt")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Issue 2's stages (decode, clean, text, serialise) as an analyze worker
// runs them, without the later stages the standard pipeline now carries
// (syntax, entities, ...), which have their own targets and benchmarks.
void BM_FirstStage(benchmark::State& state) {
  const Corpus& c = GetCorpus(state.range(0) == 0);
  sitrep::clean::CleanStage clean(c.repeated);
  sitrep::text::TextStage text;
  auto clean_scratch = clean.NewScratch();
  auto text_scratch = text.NewScratch();
  std::string line;
  std::size_t tokens = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<RawDoc> docs = c.docs;
    state.ResumeTiming();
    for (RawDoc& d : docs) {
      Article a = sitrep::ingest::Decode(std::move(d));
      if (a.ok()) clean.Process(a, clean_scratch.get());
      if (a.ok()) text.Process(a, text_scratch.get());
      line.clear();
      sitrep::store::AppendArticleJson(a, &line);
      line.push_back('\n');
      tokens += a.tokens.size();
      benchmark::DoNotOptimize(line.data());
    }
  }
  SetRates(state, c);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FirstStage)->ArgName("txt")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_Read(benchmark::State& state) {
  const Corpus& c = GetCorpus(true);
  // The corpus as a file, as `sitrep analyze` reads it (page cache warm).
  std::string path = (std::filesystem::temp_directory_path() / ("sitrep-bench-read-" + std::to_string(::getpid()) + ".jsonl")).string();
  {
    std::ofstream out(path, std::ios::binary);
    for (const RawDoc& d : c.docs) out << d.bytes << '\n';
  }
  std::size_t n = 0;
  for (auto _ : state) {
    sitrep::ingest::Reader reader({path}, {});
    reader.Run([&](RawDoc&& d) {
      ++n;
      benchmark::DoNotOptimize(d.bytes.data());
    });
  }
  std::filesystem::remove(path);
  if (n != c.docs.size() * static_cast<std::size_t>(state.iterations())) state.SkipWithError("the reader saw a different number of records");
  SetRates(state, c);
}
BENCHMARK(BM_Read)->Unit(benchmark::kMillisecond);

void BM_Decode(benchmark::State& state) {
  const Corpus& c = GetCorpus(true);
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<RawDoc> docs = c.docs;
    state.ResumeTiming();
    for (RawDoc& d : docs) {
      Article a = sitrep::ingest::Decode(std::move(d));
      benchmark::DoNotOptimize(a.text.data());
    }
  }
  SetRates(state, c);
}
BENCHMARK(BM_Decode)->Unit(benchmark::kMillisecond);

void BM_RepeatScan(benchmark::State& state) {
  const Corpus& c = GetCorpus(true);
  for (auto _ : state) {
    sitrep::clean::RepeatedLines lines;
    for (const Article& a : c.decoded) {
      lines.AddArticle(a.outlet ? *a.outlet : sitrep::clean::OutletFromText(a.text), a.text);
    }
    benchmark::DoNotOptimize(lines);
  }
  SetRates(state, c);
}
BENCHMARK(BM_RepeatScan)->Unit(benchmark::kMillisecond);

void BM_Clean(benchmark::State& state) {
  const Corpus& c = GetCorpus(true);
  sitrep::clean::CleanStage stage(c.repeated);
  auto scratch = stage.NewScratch();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Article> articles = c.decoded;
    state.ResumeTiming();
    for (Article& a : articles) stage.Process(a, scratch.get());
    benchmark::DoNotOptimize(articles.data());
  }
  SetRates(state, c);
}
BENCHMARK(BM_Clean)->Unit(benchmark::kMillisecond);

void BM_TextLanguage(benchmark::State& state) {
  const Corpus& c = GetCorpus(true);
  for (auto _ : state) {
    for (const Article& a : c.cleaned) {
      std::string lang = sitrep::text::IdentifyLanguage(a.text);
      benchmark::DoNotOptimize(lang.data());
    }
  }
  SetRates(state, c);
}
BENCHMARK(BM_TextLanguage)->Unit(benchmark::kMillisecond);

void BM_TextSegment(benchmark::State& state) {
  const Corpus& c = GetCorpus(true);
  const sitrep::text::Lexicon& lexicon = sitrep::text::DefaultLexicon();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Article> articles = c.cleaned;
    state.ResumeTiming();
    for (Article& a : articles) sitrep::text::Segment(&a, lexicon);
    benchmark::DoNotOptimize(articles.data());
  }
  SetRates(state, c);
}
BENCHMARK(BM_TextSegment)->Unit(benchmark::kMillisecond);

void BM_Serialise(benchmark::State& state) {
  const Corpus& c = GetCorpus(true);
  std::string line;
  for (auto _ : state) {
    for (const Article& a : c.done) {
      line.clear();
      sitrep::store::AppendArticleJson(a, &line);
      benchmark::DoNotOptimize(line.data());
    }
  }
  SetRates(state, c);
}
BENCHMARK(BM_Serialise)->Unit(benchmark::kMillisecond);

// The reference checks described at the top of the file.
void CheckReference() {
  std::vector<RawDoc> samples;
  sitrep::ingest::Reader reader({SamplesDir()}, {});
  reader.Run([&](RawDoc&& d) { samples.push_back(std::move(d)); });
  if (samples.empty()) Fail("no sample articles under " + SamplesDir());

  using sitrep::pipeline::ArticlePipeline;
  ArticlePipeline first = ArticlePipeline::Standard(nullptr);
  ArticlePipeline second = ArticlePipeline::Standard(nullptr);
  auto s1 = first.NewScratch();
  auto s2 = second.NewScratch();
  const std::vector<std::string> names = first.StageNames();
  const bool clean_text_only = names == std::vector<std::string>{"decode", "clean", "text"};
  sitrep::clean::CleanStage clean(nullptr);
  sitrep::text::TextStage text;
  for (const RawDoc& d : samples) {
    RawDoc c1 = d, c2 = d, c3 = d;
    Article a = first.Run(std::move(c1), s1);
    Article b = second.Run(std::move(c2), s2);
    if (!a.ok()) Fail(d.source + " was skipped: " + a.reason);
    if (a.tokens.empty() || a.sentences.empty()) Fail(d.source + " has no tokens or no sentences");
    const std::string ja = Json(a);
    if (ja != Json(b)) Fail(d.source + ": two pipeline instances disagree (not deterministic)");
    if (clean_text_only) {
      // The per-stage cases call the stages directly; they must do the
      // same work as the pipeline.
      Article m = sitrep::ingest::Decode(std::move(c3));
      clean.Process(m, nullptr);
      if (m.ok()) text.Process(m, nullptr);
      if (Json(m) != ja) Fail(d.source + ": decode+clean+text called one by one differ from ArticlePipeline::Run");
    }
  }
  if (!clean_text_only) {
    std::string all;
    for (const auto& n : names) all += " " + n;
    std::fprintf(stderr, "bench_analyze: note: the standard pipeline has stages%s; BM_Article includes them all, "
                 "the per-stage cases cover decode, clean and text only\n", all.c_str());
  }
  // The generator: same seed, same bytes.
  std::string error;
  std::vector<RawDoc> g1 = Generate(true, 7, 0.2, &error), g2 = Generate(true, 7, 0.2, &error);
  if (g1.empty()) Fail(error);
  if (g1.size() != g2.size()) Fail("the corpus generator is not deterministic");
  for (std::size_t i = 0; i < g1.size(); ++i) {
    if (g1[i].bytes != g2[i].bytes) Fail("the corpus generator is not deterministic");
  }
  std::fprintf(stderr, "bench_analyze: reference check passed on %zu sample articles\n", samples.size());
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  CheckReference();
  const Corpus& c = GetCorpus(true);
  std::fprintf(stderr, "bench_analyze: in-memory corpus: %zu articles, %.1f MB (SITREP_BENCH_MB to change)\n",
               c.docs.size(), static_cast<double>(c.bytes) / 1e6);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
