// Throughput of the stories stage on one core: synthetic articles.jsonl
// lines (entity ids filled, as analyze hands them over), N happenings of
// five articles each from different outlets, spread over a year, built
// from a made-up vocabulary so no text is needed. Reports articles/s of
// the whole stage: reading the lines into digests, clustering, near
// duplicates, claims, summaries and the JSON of every story.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <unistd.h>
#include <algorithm>
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

// Makes the articles one at a time, so that a corpus of a million needs no
// memory of its own (the memory measurement runs the stage on it). Each
// happening has its own 12 topic words and 2 entities; each article draws
// sentences from them and from a shared vocabulary of 5,000 words. The
// happenings are spread over one year per 100,000 articles (at least one),
// so a larger corpus is a longer one, not a denser one: the news of a day
// is what bounds the stage's memory.
class Generator {
 public:
  explicit Generator(std::size_t articles)
      : happenings_(articles / kArticlesPerStory), days_(365 * std::max<std::size_t>(1, articles / 100000)) {}
  std::size_t size() const { return happenings_ * kArticlesPerStory; }
  // The next line; `*happening` gets its happening.
  std::string Next(std::uint32_t* happening);

 private:
  std::mt19937 rng_{42};
  std::uniform_int_distribution<std::uint32_t> common_{0, 4999};
  std::size_t happenings_, days_, made_ = 0;
  std::vector<std::string> topic_;
};

std::string Generator::Next(std::uint32_t* happening) {
  const std::size_t h = made_ / kArticlesPerStory;
  const int a = static_cast<int>(made_ % kArticlesPerStory);
  *happening = static_cast<std::uint32_t>(h);
  if (a == 0) {
    topic_.clear();
    for (int k = 0; k < 12; ++k) topic_.push_back(Word(5000 + static_cast<std::uint32_t>(h) * 12 + k));
  }
  const int day = static_cast<int>(h * days_ / happenings_);
  const int troops = 1000 * (1 + static_cast<int>(h % 90));
  std::string text;
  for (int s = 0; s < 8; ++s) {
    std::string sent;
    for (int k = 0; k < 14; ++k) {
      const std::string& w = (rng_() % 3 == 0) ? topic_[rng_() % topic_.size()] : Word(common_(rng_));
      sent += (sent.empty() ? "" : " ") + w;
    }
    if (s == 2) sent += " with about " + std::to_string(troops + (a == 4 ? 300 : 0)) + " troops";
    sent[0] = static_cast<char>(sent[0] - 'a' + 'A');
    text += sent + ". ";
  }
  text.pop_back();
  char date[32];
  // Months of 31 days in the generator's calendar (days 28-30 of one fall on the next's first days).
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2023 + day / 372, 1 + day / 31 % 12, 1 + day % 28);
  std::string line;
  sitrep::JsonWriter w(line);
  w.BeginObject();
  w.Key("id");
  char id[24];
  std::snprintf(id, sizeof id, "a%016llx", static_cast<unsigned long long>(made_) * 2654435761ull % 0xFFFFFFFFFFFull);
  w.String(id);
  w.Key("status");
  w.String("ok");
  w.Key("outlet");
  w.String("Outlet " + std::to_string(a));
  w.Key("published");
  w.String(date);
  w.Key("title");
  w.String(topic_[0] + " " + topic_[1] + " " + topic_[static_cast<std::size_t>(a) % 12]);
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
    w.String(topic_[static_cast<std::size_t>(e)]);
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
  ++made_;
  return line;
}

Corpus Make(std::size_t articles) {
  Corpus c;
  Generator g(articles);
  for (std::size_t i = 0; i < g.size(); ++i) {
    std::uint32_t h = 0;
    c.lines.push_back(g.Next(&h));
    c.truth.push_back(h);
  }
  return c;
}

const Corpus& Get(std::size_t n) {
  static std::unordered_map<std::size_t, Corpus> cache;
  auto it = cache.find(n);
  if (it == cache.end()) it = cache.emplace(n, Make(n)).first;
  return it->second;
}

// The output check: most happenings come out as one story each, and
// the troop figures are compared. `as`: the story of each article, in the
// generator's order (five articles a happening).
void CheckOrAbort(const std::vector<std::uint32_t>& as, std::size_t stories, bool compared) {
  // Pairs of articles of one happening put together.
  std::size_t together = 0, pairs = 0;
  for (std::size_t i = 0; i + kArticlesPerStory <= as.size(); i += kArticlesPerStory)
    for (std::size_t x = i; x < i + kArticlesPerStory; ++x)
      for (std::size_t y = x + 1; y < i + kArticlesPerStory; ++y, ++pairs) together += as[x] == as[y];
  const std::size_t happenings = as.size() / kArticlesPerStory;
  if (together < pairs * 9 / 10 || stories > happenings * 12 / 10 || stories < happenings * 9 / 10) {
    std::fprintf(stderr, "bench_stories: output check failed: %zu stories for %zu happenings, %zu/%zu pairs together\n",
                 stories, happenings, together, pairs);
    std::abort();
  }
  if (!compared) {
    std::fprintf(stderr, "bench_stories: output check failed: no troop figures compared\n");
    std::abort();
  }
}

bool ComparesTroops(const std::string& json) { return json.find("\"claim\":\"troops\"") != std::string::npos; }

void CheckOrAbort(const Corpus& c) {
  sitrep::stories::StoryBuilder b;
  for (const auto& l : c.lines) {
    if (!b.AddArticle(l).ok()) {
      std::fprintf(stderr, "bench_stories: a synthetic line does not parse\n");
      std::abort();
    }
  }
  auto stories = b.Build({}, "");
  bool compared = false;
  for (const auto& s : stories) compared = compared || ComparesTroops(s.json);
  CheckOrAbort(b.assignment(), stories.size(), compared);
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

// SITREP_BENCH_STORIES_N=N: instead of the benchmarks, one run of the
// stage over N articles made one at a time (the corpus is never held), with
// the output check, for a peak memory measurement under /usr/bin/time -v.
int RunOnce(std::size_t n) {
  Generator g(n);
  const std::clock_t start = std::clock();
  sitrep::stories::StoryBuilder b;
  for (std::size_t i = 0; i < g.size(); ++i) {
    std::uint32_t h = 0;
    if (!b.AddArticle(g.Next(&h)).ok()) {
      std::fprintf(stderr, "bench_stories: a synthetic line does not parse\n");
      std::abort();
    }
  }
  const std::clock_t added = std::clock();
  // Written as analyze writes it (BuildTo: never all stories in memory),
  // then read back line by line for the check.
  // SITREP_BENCH_STORIES_OUT=FILE keeps the stories written, so that a
  // faster build can be checked byte for byte against a reference run.
  const char* keep = std::getenv("SITREP_BENCH_STORIES_OUT");
  const std::string path = keep && *keep ? std::string(keep) : "/tmp/bench_stories_" + std::to_string(::getpid()) + ".jsonl";
  auto written = b.BuildTo({}, "", path);
  if (!written.ok()) {
    std::fprintf(stderr, "bench_stories: %s\n", written.status().message().c_str());
    std::abort();
  }
  const std::clock_t built = std::clock();
  bool compared = false;
  std::size_t count = 0;
  {
    std::ifstream f(path);
    for (std::string l; std::getline(f, l); ++count) compared = compared || ComparesTroops(l);
  }
  if (!(keep && *keep)) std::remove(path.c_str());
  if (count != *written) {
    std::fprintf(stderr, "bench_stories: %zu stories written, %zu read back\n", *written, count);
    std::abort();
  }
  CheckOrAbort(b.assignment(), count, compared);
  const double secs = static_cast<double>(built - start) / CLOCKS_PER_SEC;
  std::printf("%zu articles, %zu stories (%zu finished early): %.1f CPU s (adding %.1f, building %.1f; includes making the lines), %.0f articles/s\n",
              g.size(), count, b.finished_early(), secs, static_cast<double>(added - start) / CLOCKS_PER_SEC,
              static_cast<double>(built - added) / CLOCKS_PER_SEC, static_cast<double>(g.size()) / secs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (const char* n = std::getenv("SITREP_BENCH_STORIES_N")) return RunOnce(static_cast<std::size_t>(std::strtoull(n, nullptr, 10)));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
