// Requests per second of the JSON API (serve::Api::Handle, no sockets: what
// the server adds on top is cpp-httplib's), one thread, per route.
//
// The database is SITREP_BENCH_SERVE_DIR/sitrep.db when that is set (for a
// large corpus: see bench/README.md), else the sample corpus analyzed into
// a temporary folder first. Before timing, every request is checked to
// answer 200 with a non-empty body; the run aborts otherwise.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "serve/api.h"

namespace {

std::string Dir() {
  static const std::string dir = [] {
    if (const char* d = std::getenv("SITREP_BENCH_SERVE_DIR")) return std::string(d);
    std::string tmp = (std::filesystem::temp_directory_path() / "sitrep-bench-serve").string();
    std::string cmd = std::string(SITREP_BINARY) + " analyze " SITREP_SOURCE_DIR "/samples/articles --out " + tmp +
                      " --force --quiet";
    if (std::system(cmd.c_str()) != 0) {
      std::fprintf(stderr, "bench_serve: %s failed\n", cmd.c_str());
      std::abort();
    }
    return tmp;
  }();
  return dir;
}

sitrep::serve::Api& TheApi() {
  static std::unique_ptr<sitrep::serve::Api> api = [] {
    auto a = sitrep::serve::Api::Open(Dir() + "/sitrep.db");
    if (!a.ok()) {
      std::fprintf(stderr, "bench_serve: %s\n", a.status().message().c_str());
      std::abort();
    }
    return std::move(a).value();
  }();
  return *api;
}

sitrep::serve::Request Req(std::string path, std::multimap<std::string, std::string> params = {}) {
  sitrep::serve::Request r;
  r.path = std::move(path);
  r.params = std::move(params);
  return r;
}

// The first id of a list route, so detail routes ask for something real.
std::string FirstId(const std::string& list) {
  std::string body = TheApi().Handle(Req(list, {{"limit", "1"}})).body;
  std::size_t at = body.find("\"id\":\"");
  if (at == std::string::npos) return "x0";
  at += 6;
  return body.substr(at, body.find('"', at) - at);
}

struct Route {
  std::string name;
  sitrep::serve::Request request;
};

std::vector<Route>& Routes() {
  static std::vector<Route> routes = {
      {"summary", Req("/api/summary")},
      {"stories", Req("/api/stories")},
      {"story", Req("/api/stories/" + FirstId("/api/stories"))},
      {"article", Req("/api/articles/" + FirstId("/api/articles"))},
      {"entities?q=", Req("/api/entities", {{"q", "an"}})},
      {"entity", Req("/api/entities/" + FirstId("/api/entities"))},
      {"quotes?q=", Req("/api/quotes", {{"q", "sanction"}})},
      {"events?root=", Req("/api/events", {{"root", "04"}})},
      {"events?format=gdelt", Req("/api/events", {{"format", "gdelt"}})},
      {"search?q=", Req("/api/search", {{"q", "talks"}})},
  };
  return routes;
}

void CheckOrAbort() {
  for (const auto& r : Routes()) {
    auto res = TheApi().Handle(r.request);
    if (res.status != 200 || res.body.empty()) {
      std::fprintf(stderr, "bench_serve: %s answered %d: %s\n", r.name.c_str(), res.status, res.body.substr(0, 200).c_str());
      std::abort();
    }
  }
  std::fprintf(stderr, "bench_serve: check passed on %s/sitrep.db\n", Dir().c_str());
}

void BM_Route(benchmark::State& state) {
  const Route& route = Routes()[static_cast<std::size_t>(state.range(0))];
  state.SetLabel(route.name);
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto res = TheApi().Handle(route.request);
    bytes += res.body.size();
    benchmark::DoNotOptimize(res.body.data());
  }
  state.counters["requests/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["bytes/request"] =
      benchmark::Counter(static_cast<double>(bytes) / static_cast<double>(std::max<std::int64_t>(1, state.iterations())));
}
BENCHMARK(BM_Route)->DenseRange(0, 9)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  CheckOrAbort();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
