// Throughput of the cross-article resolver (Add + Finish) on synthetic
// local entities generated here: people, organisations and places drawn
// with a skewed (Zipf-like) popularity from a fixed pool, written in the
// variant forms the merge folds (titles, transliterations, word orders,
// acronyms), about 4 mentions per local entity. The argument is the number
// of mentions; mentions/s that stays flat as it grows means near-linear.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "resolve/resolve.h"

namespace {

std::string Word(std::uint32_t v, std::uint32_t syllables) {
  static const char kCons[] = "bdfgklmnprstvz";
  static const char kVow[] = "aeiou";
  std::string s;
  for (std::uint32_t i = 0; i < syllables; ++i) {
    s += kCons[v % 14];
    v /= 14;
    s += kVow[v % 5];
    v /= 5;
  }
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

struct Corpus {
  std::vector<std::vector<sitrep::LocalEntity>> articles;
  std::uint64_t mentions = 0;
};

Corpus Make(std::uint64_t target_mentions) {
  Corpus c;
  std::mt19937 rng(20240601);
  const std::uint32_t pool = static_cast<std::uint32_t>(std::max<std::uint64_t>(1000, target_mentions / 12));
  // Zipf-like: index = pool^u - 1 for uniform u.
  std::uniform_real_distribution<double> unif(0.0, 1.0);
  std::uniform_int_distribution<int> coin(0, 99);
  auto pick = [&] { return static_cast<std::uint32_t>(std::pow(static_cast<double>(pool), unif(rng))) - 1; };
  while (c.mentions < target_mentions) {
    std::vector<sitrep::LocalEntity> art;
    for (int k = 0; k < 6; ++k) {
      std::uint32_t id = pick();
      sitrep::LocalEntity e;
      e.mention_count = 1 + static_cast<std::uint32_t>(coin(rng) % 7);
      int form = coin(rng);
      switch (id % 3) {
        case 0: {  // a person
          std::string first = Word(id % 700, 2), last = Word(id, 4);
          if (form < 20) last += "sky";
          else if (form < 30) last += "skiy";
          e.type = "PERSON";
          e.name = (form % 5 == 0 ? "Gen. " : "") + first + " " + last;
          e.aliases = {e.name, last};
          e.roles = {"minister"};
          break;
        }
        case 1: {  // an organisation, in two word orders or as an acronym
          std::string a = Word(id, 3), b = Word(id * 7 + 1, 3);
          std::string acr = "Q";
          for (std::uint32_t d : {id % 26, id / 26 % 26, id / 676 % 26}) acr += static_cast<char>('A' + d);
          e.type = "ORG";
          if (form < 40) e.name = a + " " + b + " Council";
          else if (form < 70) e.name = "Council of " + a + " " + b;
          else e.name = acr;
          e.aliases = {e.name};
          if (form < 20) e.aliases.push_back(acr);
          break;
        }
        default: {  // a place
          e.type = "LOC";
          e.name = Word(id, 3) + (form < 10 ? "'s" : "");
          e.aliases = {e.name};
          e.country = "XYZ";
          break;
        }
      }
      c.mentions += e.mention_count;
      art.push_back(std::move(e));
    }
    c.articles.push_back(std::move(art));
  }
  return c;
}

void BM_Resolver(benchmark::State& state) {
  Corpus c = Make(static_cast<std::uint64_t>(state.range(0)));
  std::size_t entities = 0;
  for (auto _ : state) {
    sitrep::resolve::Resolver r;
    for (std::size_t i = 0; i < c.articles.size(); ++i) {
      std::string id = "a";
      id += std::to_string(i);
      r.Add(id, c.articles[i]);
    }
    std::vector<std::vector<std::uint32_t>> assignment;
    auto out = r.Finish(&assignment);
    entities = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["mentions/s"] =
      benchmark::Counter(static_cast<double>(c.mentions) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.counters["local_entities"] = static_cast<double>(c.articles.size() * 6);
  state.counters["entities"] = static_cast<double>(entities);
}
BENCHMARK(BM_Resolver)->Arg(250000)->Arg(500000)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime();

// The within-article merge on articles of 60 mentions (people named in
// full, then by surname or with a title; organisations with acronyms).
void BM_MergeWithinArticle(benchmark::State& state) {
  std::vector<sitrep::Article> articles;
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::uint32_t> who(0, 11);
  for (int n = 0; n < 200; ++n) {
    sitrep::Article a;
    for (int k = 0; k < 60; ++k) {
      std::uint32_t id = who(rng) + static_cast<std::uint32_t>(n) * 12;
      std::string surface;
      std::string type;
      if (id % 2 == 0) {
        type = "PERSON";
        std::string last = Word(id, 3);
        surface = k % 3 == 0 ? Word(id % 97, 2) + " " + last : (k % 3 == 1 ? last : "Mr " + last);
      } else {
        type = "ORG";
        surface = k % 2 == 0 ? Word(id, 2) + " " + Word(id + 5, 3) + " Board"
                             : std::string(1, Word(id, 2)[0]) + static_cast<char>(Word(id + 5, 3)[0]) + "B";
      }
      if (!a.text.empty()) a.text += " said that ";
      sitrep::Mention m;
      m.begin = static_cast<std::uint32_t>(a.text.size());
      a.text += surface;
      m.end = static_cast<std::uint32_t>(a.text.size());
      m.type = type;
      a.mentions.push_back(std::move(m));
    }
    articles.push_back(std::move(a));
  }
  std::size_t mentions = 0;
  for (auto _ : state) {
    for (sitrep::Article& a : articles) {
      sitrep::resolve::MergeWithinArticle(a);
      mentions += a.mentions.size();
    }
    benchmark::DoNotOptimize(articles.data());
  }
  state.counters["mentions/s"] = benchmark::Counter(static_cast<double>(mentions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MergeWithinArticle)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
