// Throughput of the time stage on one core, over synthetic news-like text
// generated here (a fixed-seed mix of ordinary words and time expressions),
// so the benchmark needs no corpus. Reports tokens/s and bytes/s.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "time/time.h"

namespace {

struct Corpus {
  std::vector<std::string> articles;
  long tokens = 0;
  long bytes = 0;
};

// About 300 articles of 400 words, one word in ~15 part of a time expression.
const Corpus& MakeCorpus() {
  static const Corpus corpus = [] {
    static const char* const kWords[] = {
        "the", "government", "said", "officials", "troops", "in", "of", "and", "a", "to", "talks",
        "minister", "border", "city", "were", "was", "has", "will", "after", "forces", "police",
        "report", "according", "people", "killed", "wounded", "attack", "statement", "on", "at",
        "agreement", "president", "election", "parliament", "protesters", "capital", "region",
        "spokesman", "told", "reporters", "that", "it", "would", "not", "be", "for", "with",
        "Ministry", "Defence", "United", "Nations", "army", "oil", "prices", "percent", "million"};
    static const char* const kTimes[] = {
        "on Monday", "yesterday", "last week", "on 12 January 2022", "since May 1997",
        "two days ago", "earlier this year", "next month", "Thursday (13 January)", "in the 1990s",
        "at the end of December", "for three years", "at 10 p.m. Tuesday", "this summer",
        "in the third quarter", "on Jan. 5", "now", "the past six months", "in 2019"};
    std::mt19937 rng(12345);
    std::uniform_int_distribution<size_t> word(0, std::size(kWords) - 1);
    std::uniform_int_distribution<size_t> time(0, std::size(kTimes) - 1);
    std::uniform_int_distribution<int> coin(0, 99);
    Corpus c;
    for (int a = 0; a < 300; ++a) {
      std::string text;
      int in_sentence = 0;
      for (int w = 0; w < 400; ++w) {
        if (!text.empty()) text += ' ';
        if (coin(rng) < 4) {
          text += kTimes[time(rng)];
        } else {
          text += kWords[word(rng)];
        }
        if (++in_sentence > 18 && coin(rng) < 20) {
          text += coin(rng) < 50 ? "." : ",";
          in_sentence = 0;
        }
      }
      text += ".";
      bool in_token = false;
      for (char ch : text) {
        bool sp = ch == ' ';
        if (!sp && !in_token) ++c.tokens;
        if (ch == '.' || ch == ',' || ch == '(' || ch == ')') ++c.tokens;
        in_token = !sp;
      }
      c.bytes += static_cast<long>(text.size());
      c.articles.push_back(std::move(text));
    }
    return c;
  }();
  return corpus;
}

void BM_TimeTag(benchmark::State& state) {
  const Corpus& c = MakeCorpus();
  const sitrep::TimeTagger& tagger = sitrep::DefaultTimeTagger();
  const sitrep::CivilDate dct{2022, 1, 14};
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& a : c.articles) {
      auto tags = tagger.Tag(a, dct);
      found += tags.times.size();
      benchmark::DoNotOptimize(tags);
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(c.tokens) * state.iterations(),
                                                   benchmark::Counter::kIsRate);
  state.counters["times/article"] =
      static_cast<double>(found) / static_cast<double>(state.iterations() * c.articles.size());
  state.SetBytesProcessed(c.bytes * state.iterations());
}
BENCHMARK(BM_TimeTag)->Unit(benchmark::kMillisecond);

void BM_TimeStage(benchmark::State& state) {
  const Corpus& c = MakeCorpus();
  sitrep::TimeStage stage;
  std::vector<sitrep::Article> articles(c.articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    articles[i].text = c.articles[i];
    articles[i].published = "2022-01-14";
  }
  for (auto _ : state) {
    for (auto& a : articles) {
      a.inconsistencies.clear();
      stage.Process(a, nullptr);
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(c.tokens) * state.iterations(),
                                                   benchmark::Counter::kIsRate);
  state.SetBytesProcessed(c.bytes * state.iterations());
}
BENCHMARK(BM_TimeStage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
