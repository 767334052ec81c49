// Tagger and parser throughput (tokens per second, one core) and model
// load time, on a small built-in set of news-like sentences so the
// benchmark runs without the corpora in ../shared. The built-in set is
// small enough to stay in cache, which flatters the figures; set
// SITREP_BENCH_CONLLU to a CoNLL-U file to measure on real text instead.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/resources.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"

namespace {

using namespace sitrep::syntax;

const char* const kSentences[] = {
    "The central bank raised interest rates by half a percentage point on Tuesday , its third increase this year .",
    "Officials said at least 12 people were killed when the building collapsed after heavy rain .",
    "\" We will not accept any deal that leaves our workers behind , \" the union leader told reporters .",
    "Shares in the company fell 4.5 % in early trading in New York after it cut its profit forecast .",
    "The minister , who took office in March , has promised to reduce waiting times at hospitals .",
    "Rescue teams are searching for survivors in the remote mountain villages hit by the earthquake .",
    "PRESIDENT VOWS TO FIGHT CORRUPTION AS PROTESTS SPREAD",
    "It was not immediately clear how many of the 300 passengers had been evacuated .",
    "The talks , which began in Geneva last week , are expected to continue until Friday .",
    "Analysts expect the economy to grow by about 2 % next year , down from 3.1 % in 2023 .",
};

struct Corpus {
  std::vector<std::vector<std::string>> words;
  std::vector<std::vector<TokenFeatures>> feats;
  std::vector<std::vector<std::uint64_t>> tags;
  std::size_t tokens = 0;
};

const Corpus& GetCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    auto models = LoadDefaultModels();
    std::string lower;
    std::vector<std::vector<std::string>> sentences;
    if (const char* path = std::getenv("SITREP_BENCH_CONLLU")) {
      for (const auto& s : ReadConlluFile(path)) {
        sentences.emplace_back();
        for (const auto& w : s.words) sentences.back().push_back(w.form);
      }
    } else {
      for (const char* s : kSentences) {
        std::istringstream in(s);
        std::string w;
        sentences.emplace_back();
        while (in >> w) sentences.back().push_back(w);
      }
    }
    for (const auto& words : sentences) {
      std::vector<std::string_view> forms(words.begin(), words.end());
      std::vector<TokenFeatures> f;
      SentenceFeatures(forms, lower, &f);
      std::vector<std::uint16_t> t(f.size());
      models->tagger->Tag(f.data(), f.size(), t.data());
      std::vector<std::uint64_t> th;
      for (auto cls : t) th.push_back(TagHash(models->tagger->upos(cls), models->tagger->xpos(cls)));
      c.tokens += f.size();
      c.words.push_back(words);
      c.feats.push_back(std::move(f));
      c.tags.push_back(std::move(th));
    }
    return c;
  }();
  return corpus;
}

void BM_Tagger(benchmark::State& state) {
  auto models = LoadDefaultModels();
  Corpus c = GetCorpus();
  std::vector<std::uint16_t> tags(4096);
  for (auto _ : state) {
    for (auto& f : c.feats) models->tagger->Tag(f.data(), f.size(), tags.data());
    benchmark::DoNotOptimize(tags.data());
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(c.tokens * state.iterations()),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tagger);

void BM_Parser(benchmark::State& state) {
  auto models = LoadDefaultModels();
  const Corpus& c = GetCorpus();
  ParseState st;
  std::vector<int> heads(4096);
  std::vector<std::uint16_t> labels(4096);
  for (auto _ : state) {
    for (std::size_t s = 0; s < c.feats.size(); ++s) {
      models->parser->Parse(c.feats[s].data(), c.tags[s].data(), static_cast<int>(c.feats[s].size()), st,
                            heads.data(), labels.data());
    }
    benchmark::DoNotOptimize(heads.data());
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(c.tokens * state.iterations()),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Parser);

// The whole stage: features, tags, lemmas and trees into an Article.
void BM_SyntaxStage(benchmark::State& state) {
  SyntaxStage stage;
  sitrep::Article a;
  for (const auto& words : GetCorpus().words) {
    sitrep::Sentence sent;
    sent.begin = static_cast<std::uint32_t>(a.text.size());
    sent.first_token = static_cast<std::uint32_t>(a.tokens.size());
    for (const std::string& w : words) {
      sitrep::Token t;
      t.begin = static_cast<std::uint32_t>(a.text.size());
      a.text += w;
      t.end = static_cast<std::uint32_t>(a.text.size());
      a.text += ' ';
      a.tokens.push_back(t);
    }
    sent.end = static_cast<std::uint32_t>(a.text.size());
    sent.end_token = static_cast<std::uint32_t>(a.tokens.size());
    a.sentences.push_back(sent);
  }
  auto scratch = stage.NewScratch();
  for (auto _ : state) stage.Process(a, scratch.get());
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(a.tokens.size() * state.iterations()),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SyntaxStage);

// Loading all three models from the compiled-in bytes (checksums, tables).
void BM_ModelLoad(benchmark::State& state) {
  std::string_view t = sitrep::Resource("models/tagger.bin"), l = sitrep::Resource("models/lemmatizer.bin"),
                   p = sitrep::Resource("models/parser.bin");
  for (auto _ : state) {
    auto tagger = Tagger::Load(t, "models/tagger.bin");
    auto lem = Lemmatizer::Load(l, "models/lemmatizer.bin");
    auto parser = Parser::Load(p, "models/parser.bin");
    benchmark::DoNotOptimize(parser.get());
  }
  state.counters["MB"] = static_cast<double>(t.size() + l.size() + p.size()) / 1e6;
}
BENCHMARK(BM_ModelLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
