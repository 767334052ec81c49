// Throughput of the stories stage on one core: synthetic articles.jsonl
// lines (entity ids filled, as analyze hands them over), N happenings of
// five articles each from different outlets, spread over a year, built
// from a made-up vocabulary so no text is needed. Reports articles/s of
// the whole stage: reading the lines into digests, clustering, near
// duplicates, claims, summaries and the JSON of every story.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/json_writer.h"
#include "stories/stories.h"

namespace {

constexpr int kArticlesPerStory = 5;

std::string Word(std::uint32_t n) {
  // Pronounceable made-up words: syllables from the index.
  static const char* syl[] = {"ka", "lo", "mi", "ren", "tas", "vo", "bel", "dor", "fen", "gul", "han", "jit", "mor", "nal", "pex", "quo"};
  std::string w;
  do {
    w += syl[n % 16];
    n /= 16;
  } while (n);
  return w;
}

struct Corpus {
  std::vector<std::string> lines;
  std::vector<std::uint32_t> truth;  // happening of each line
};

// Each happening has its own 12 topic words and 2 entities; each article
// draws sentences from them and from a shared vocabulary of 5,000 words.
Corpus Make(std::size_t articles) {
  Corpus c;
  std::mt19937 rng(42);
  const std::size_t happenings = articles / kArticlesPerStory;
  std::uniform_int_distribution<std::uint32_t> common(0, 4999);
  for (std::size_t h = 0; h < happenings; ++h) {
    std::vector<std::string> topic;
    for (int k = 0; k < 12; ++k) topic.push_back(Word(5000 + static_cast<std::uint32_t>(h) * 12 + k));
    const int day = static_cast<int>(h * 365 / happenings);
    const int troops = 1000 * (1 + static_cast<int>(h % 90));
    for (int a = 0; a < kArticlesPerStory; ++a) {
      std::string text;
      for (int s = 0; s < 8; ++s) {
        std::string sent;
        for (int k = 0; k < 14; ++k) {
          const std::string& w = (rng() % 3 == 0) ? topic[rng() % topic.size()] : Word(common(rng));
          sent += (sent.empty() ? "" : " ") + w;
        }
        if (s == 2) sent += " with about " + std::to_string(troops + (a == 4 ? 300 : 0)) + " troops";
        sent[0] = static_cast<char>(sent[0] - 'a' + 'A');
        text += sent + ". ";
      }
      text.pop_back();
      char date[16];
      std::snprintf(date, sizeof date, "2023-%02d-%02d", 1 + day / 31 % 12, 1 + day % 28);
      std::string line;
      sitrep::JsonWriter w(line);
      w.BeginObject();
      w.Key("id");
      char id[24];
      std::snprintf(id, sizeof id, "a%016llx", static_cast<unsigned long long>(c.lines.size()) * 2654435761ull % 0xFFFFFFFFFFFull);
      w.String(id);
      w.Key("status");
      w.String("ok");
      w.Key("outlet");
      w.String("Outlet " + std::to_string(a));
      w.Key("published");
      w.String(date);
      w.Key("title");
      w.String(topic[0] + " " + topic[1] + " " + topic[a % 12]);
      w.Key("text");
      w.String(text);
      w.Key("sentences");
      w.BeginArray();
      std::size_t start = 0;
      while (start < text.size()) {
        std::size_t end = text.find(". ", start);
        end = end == std::string::npos ? text.size() : end + 1;
        w.BeginArray();
        w.UInt(start);
        w.UInt(end);
        w.EndArray();
        start = end + 1;
      }
      w.EndArray();
      w.Key("mentions");
      w.BeginArray();
      for (int e = 0; e < 2; ++e) {
        w.BeginObject();
        w.Key("start");
        w.UInt(0);
        w.Key("end");
        w.UInt(3);
        w.Key("text");
        w.String(topic[static_cast<std::size_t>(e)]);
        w.Key("entity");
        // Formatted in a buffer: string concatenation here trips a false
        // -Wrestrict in GCC 12.
        char entity[32];
        std::snprintf(entity, sizeof entity, "e%zu", h * 2 + static_cast<std::size_t>(e));
        w.String(entity);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
      c.lines.push_back(std::move(line));
      c.truth.push_back(static_cast<std::uint32_t>(h));
    }
  }
  return c;
}

const Corpus& Get(std::size_t n) {
  static std::unordered_map<std::size_t, Corpus> cache;
  auto it = cache.find(n);
  if (it == cache.end()) it = cache.emplace(n, Make(n)).first;
  return it->second;
}

// The check before timing: most happenings come out as one story each.
void CheckOrAbort(const Corpus& c) {
  sitrep::stories::StoryBuilder b;
  for (const auto& l : c.lines) {
    if (!b.AddArticle(l).ok()) {
      std::fprintf(stderr, "bench_stories: a synthetic line does not parse\n");
      std::abort();
    }
  }
  auto stories = b.Build({}, "");
  const auto& as = b.assignment();
  // Pairs of articles of one happening put together.
  std::size_t together = 0, pairs = 0;
  for (std::size_t i = 0; i < as.size(); i += kArticlesPerStory)
    for (std::size_t x = i; x < i + kArticlesPerStory; ++x)
      for (std::size_t y = x + 1; y < i + kArticlesPerStory; ++y, ++pairs) together += as[x] == as[y];
  const std::size_t happenings = c.lines.size() / kArticlesPerStory;
  if (together < pairs * 9 / 10 || stories.size() > happenings * 12 / 10 || stories.size() < happenings * 9 / 10) {
    std::fprintf(stderr, "bench_stories: output check failed: %zu stories for %zu happenings, %zu/%zu pairs together\n",
                 stories.size(), happenings, together, pairs);
    std::abort();
  }
  bool compared = false;
  for (const auto& s : stories) compared = compared || s.json.find("\"claim\":\"troops\"") != std::string::npos;
  if (!compared) {
    std::fprintf(stderr, "bench_stories: output check failed: no troop figures compared\n");
    std::abort();
  }
}

void BM_Stories(benchmark::State& state) {
  const Corpus& c = Get(static_cast<std::size_t>(state.range(0)));
  CheckOrAbort(c);
  std::size_t bytes = 0;
  for (const auto& l : c.lines) bytes += l.size();
  for (auto _ : state) {
    sitrep::stories::StoryBuilder b;
    for (const auto& l : c.lines) (void)b.AddArticle(l);
    auto stories = b.Build({}, "");
    benchmark::DoNotOptimize(stories.data());
  }
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(c.lines.size()) * static_cast<double>(state.iterations()),
                                                    benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_Stories)->Arg(2000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace

BENCHMARK_MAIN();
