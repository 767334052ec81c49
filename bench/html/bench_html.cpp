// Throughput of the HTML reader (charset, parse, metadata, body extraction)
// on one core. BM_SyntheticPages runs over news-like pages generated here
// with a fixed seed (scripts, styles, navigation, an article, related links,
// comments, a footer), so it needs no corpus; BM_ReadabilityPages runs over
// ../shared/corpora/readability-pages when present. Both check the output
// before timing and report bytes/s of HTML.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "html/html.h"

namespace {

std::string Sentence(std::mt19937& rng) {
  static const char* const kWords[] = {
      "the", "government", "said", "officials", "council", "in", "of", "and", "a", "to", "talks", "minister",
      "border", "city", "were", "was", "has", "will", "after", "police", "report", "according", "people",
      "statement", "on", "at", "agreement", "president", "election", "parliament", "capital", "region",
      "spokesman", "told", "reporters", "that", "it", "would", "not", "be", "for", "with", "budget", "schools"};
  std::uniform_int_distribution<std::size_t> w(0, std::size(kWords) - 1);
  std::uniform_int_distribution<int> len(8, 24), coin(0, 9);
  std::string s = "The";
  for (int i = 0, n = len(rng); i < n; ++i) {
    s += ' ';
    s += kWords[w(rng)];
    if (coin(rng) == 0) s += ',';
  }
  return s + ".";
}

std::string MakePage(std::mt19937& rng, int k) {
  std::ostringstream o;
  o << "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story " << k
    << " | Example News</title><meta property=\"og:site_name\" content=\"Example News\">"
    << "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Story " << k
    << "\",\"datePublished\":\"2022-01-12T08:00:00Z\"}</script>"
    << "<style>body{font-family:serif}.nav a{color:#333}" << std::string(3000, ' ') << "</style>"
    << "<script>window.dataLayer=[];function track(e){return e;}" << std::string(6000, 'x') << "</script></head>"
    << "<body><header class=\"site-header\"><div class=\"logo\">Example News</div><nav class=\"main-nav\"><ul>";
  for (int i = 0; i < 30; ++i) o << "<li class=\"nav-item\" data-id=\"" << i << "\"><a href=\"/section/" << i << "\">Section " << i << "</a></li>\n      ";
  o << "</ul></nav></header>\n<main><article class=\"story\"><h1>Story " << k << "</h1>"
    << "<div class=\"byline\">By A. Writer</div><time datetime=\"2022-01-12\">12 January 2022</time>"
    << "<div class=\"share-bar\"><a href=\"#\">Facebook</a><a href=\"#\">Twitter</a></div><div class=\"article-body\">\n";
  std::uniform_int_distribution<int> sentences(2, 6);
  for (int p = 0; p < 14; ++p) {
    o << "        <p>";
    for (int s = 0, n = sentences(rng); s < n; ++s) o << Sentence(rng) << ' ';
    o << "</p>\n";
    if (p == 5) o << "<figure><img src=\"/img/" << k << ".jpg\" srcset=\"/img/a.jpg 1x, /img/b.jpg 2x\"><figcaption>A caption.</figcaption></figure>";
    if (p == 8) o << "<div class=\"ad-slot\" data-ad-unit=\"/1234/news/story\"></div>";
  }
  o << "</div></article><aside class=\"related\"><h3>Related</h3><ul>";
  for (int i = 0; i < 8; ++i) o << "<li><a href=\"/story/" << i << "\">" << Sentence(rng) << "</a></li>";
  o << "</ul></aside><section class=\"comments\">";
  for (int i = 0; i < 5; ++i) o << "<div class=\"comment\"><p>" << Sentence(rng) << "</p></div>";
  o << "</section></main><footer class=\"site-footer\"><p>Copyright Example News</p></footer></body></html>";
  return o.str();
}

const std::vector<std::string>& Synthetic() {
  static const std::vector<std::string> pages = [] {
    std::mt19937 rng(4242);
    std::vector<std::string> v;
    for (int k = 0; k < 200; ++k) v.push_back(MakePage(rng, k));
    return v;
  }();
  return pages;
}

// Checks what the benchmark measures: the body is the article (with its
// figure caption), not the page.
bool CheckSynthetic() {
  auto p = sitrep::html::ExtractPage(Synthetic()[0]);
  bool ok = p.no_article.empty() && p.body.rfind("The ", 0) == 0 && p.body.find("Section 3") == std::string::npos &&
            p.body.find("A caption") != std::string::npos && p.meta.title == "Story 0" &&
            p.meta.published == "2022-01-12T08:00:00Z";
  int removed_nav = 0;
  for (const auto& r : p.removed) removed_nav += r.why == "navigation" || r.why == "page header";
  return ok && removed_nav > 0;
}

void Run(benchmark::State& state, const std::vector<std::string>& pages) {
  std::int64_t bytes = 0;
  for (auto _ : state) {
    for (const auto& page : pages) {
      auto p = sitrep::html::ExtractPage(page);
      benchmark::DoNotOptimize(p.body.data());
      bytes += static_cast<std::int64_t>(page.size());
    }
  }
  state.SetBytesProcessed(bytes);
}

void BM_SyntheticPages(benchmark::State& state) {
  if (!CheckSynthetic()) {
    state.SkipWithError("extraction check failed on the synthetic page");
    return;
  }
  Run(state, Synthetic());
}
BENCHMARK(BM_SyntheticPages)->Unit(benchmark::kMillisecond);

void BM_ReadabilityPages(benchmark::State& state) {
  static std::vector<std::string> pages = [] {
    std::vector<std::string> v;
    std::string dir = std::string(SITREP_SHARED_DIR) + "/corpora/readability-pages";
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      std::ifstream in(e.path() / "source.html", std::ios::binary);
      if (in) v.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return v;
  }();
  if (pages.empty()) {
    state.SkipWithError("needs ../shared/corpora/readability-pages (absent)");
    return;
  }
  Run(state, pages);
}
BENCHMARK(BM_ReadabilityPages)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
