// sitrep_make_corpus: writes a synthetic corpus of about N MB, generated
// deterministically from the bundled sample articles (see corpus_gen.h),
// for the analyze throughput benchmark (run.sh).
//
//   sitrep_make_corpus [SAMPLES_DIR] --mb 200 --out corpus.jsonl [--format jsonl|txt] [--seed 1] [--list]
//
// jsonl: one file, one {"title","outlet","published","text"} object a line.
// txt:   a folder of plain-text pages (headline on the first line), 1,000
//        files per subfolder.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <unordered_set>

#include "corpus_gen.h"

#ifndef SITREP_SAMPLES_DIR
#define SITREP_SAMPLES_DIR "samples/articles"
#endif

namespace {

int Usage(const char* why) {
  if (why) std::fprintf(stderr, "sitrep_make_corpus: %s\n", why);
  std::fprintf(stderr,
               "usage: sitrep_make_corpus [SAMPLES_DIR] --out PATH [--mb N] [--format jsonl|txt] [--seed S]\n"
               "  SAMPLES_DIR  sample articles to recombine (default %s)\n"
               "  --out PATH   a .jsonl file (jsonl) or a folder to create (txt)\n"
               "  --mb N       stop once at least N MB (10^6 bytes) are written (default 200)\n"
               "  --format F   jsonl (default) or txt\n"
               "  --seed S     PRNG seed (default 1); the same seed gives the same bytes\n"
               "  --list       print the samples it would use and stop\n",
               SITREP_SAMPLES_DIR);
  return 1;
}

bool WriteAll(std::FILE* f, const std::string& s) { return std::fwrite(s.data(), 1, s.size(), f) == s.size(); }

}  // namespace

int main(int argc, char** argv) {
  std::string samples_dir = SITREP_SAMPLES_DIR, out, format = "jsonl";
  double mb = 200;
  std::uint64_t seed = 1;
  bool list = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (a == "--mb" || a == "--out" || a == "--format" || a == "--seed") {
      const char* v = value();
      if (!v) return Usage(("missing value for " + a).c_str());
      if (a == "--mb") mb = std::strtod(v, nullptr);
      if (a == "--out") out = v;
      if (a == "--format") format = v;
      if (a == "--seed") seed = std::strtoull(v, nullptr, 10);
    } else if (a == "--list") {
      list = true;
    } else if (a == "-h" || a == "--help") {
      return Usage(nullptr);
    } else if (!a.empty() && a[0] != '-') {
      samples_dir = a;
    } else {
      return Usage(("unknown option " + a).c_str());
    }
  }
  if (out.empty() && !list) return Usage("--out is required");
  if (!(mb > 0)) return Usage("--mb must be positive");
  if (format != "jsonl" && format != "txt") return Usage("--format must be jsonl or txt");

  std::string error;
  std::vector<std::string> notes;
  std::vector<sitrep::bench::Sample> samples = sitrep::bench::LoadSamples(samples_dir, &error, &notes);
  for (const std::string& n : notes) std::fprintf(stderr, "sitrep_make_corpus: not used: %s\n", n.c_str());
  if (samples.empty()) {
    std::fprintf(stderr, "sitrep_make_corpus: %s\n", error.c_str());
    return 1;
  }
  if (list) {
    for (const auto& smp : samples) {
      std::printf("%s: %zu head, %zu blocks, %zu tail lines; outlet %s, published %s\n", smp.source.c_str(),
                  smp.head.size(), smp.blocks.size(), smp.tail.size(), smp.outlet ? smp.outlet->c_str() : "?",
                  smp.published ? smp.published->c_str() : "?");
    }
    return 0;
  }
  sitrep::bench::Generator gen(std::move(samples), seed);
  const auto target = static_cast<std::uint64_t>(mb * 1e6);
  std::uint64_t written = 0, articles = 0, duplicates = 0;
  std::unordered_set<std::size_t> seen;
  std::string buf;

  if (format == "jsonl") {
    std::FILE* f = std::fopen(out.c_str(), "wb");
    if (!f) {
      std::fprintf(stderr, "sitrep_make_corpus: cannot create %s: %s\n", out.c_str(), std::strerror(errno));
      return 2;
    }
    while (written < target) {
      std::size_t before = buf.size();
      sitrep::bench::Generator::AppendJsonl(gen.Next(), &buf);
      buf.push_back('\n');
      if (!seen.insert(std::hash<std::string_view>{}(std::string_view(buf).substr(before))).second) ++duplicates;
      written += buf.size() - before;
      ++articles;
      if (buf.size() > (4u << 20)) {
        if (!WriteAll(f, buf)) break;
        buf.clear();
      }
    }
    bool ok = WriteAll(f, buf) && std::fclose(f) == 0;
    if (!ok) {
      std::fprintf(stderr, "sitrep_make_corpus: cannot write %s\n", out.c_str());
      return 2;
    }
  } else {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) {
      std::fprintf(stderr, "sitrep_make_corpus: cannot create %s: %s\n", out.c_str(), ec.message().c_str());
      return 2;
    }
    while (written < target) {
      buf.clear();
      sitrep::bench::Generator::AppendText(gen.Next(), &buf);
      if (!seen.insert(std::hash<std::string>{}(buf)).second) ++duplicates;
      char sub[32], name[32];
      std::snprintf(sub, sizeof sub, "d%04llu", static_cast<unsigned long long>(articles / 1000));
      std::snprintf(name, sizeof name, "a%07llu.txt", static_cast<unsigned long long>(articles));
      fs::path dir = fs::path(out) / sub;
      if (articles % 1000 == 0) fs::create_directories(dir, ec);
      fs::path p = dir / name;
      std::FILE* f = std::fopen(p.c_str(), "wb");
      if (!f || !WriteAll(f, buf) || std::fclose(f) != 0) {
        std::fprintf(stderr, "sitrep_make_corpus: cannot write %s\n", p.c_str());
        return 2;
      }
      written += buf.size();
      ++articles;
    }
  }
  std::fprintf(stderr, "sitrep_make_corpus: wrote %llu articles, %.1f MB (%s) to %s from %zu samples, seed %llu; %llu duplicates\n",
               static_cast<unsigned long long>(articles), static_cast<double>(written) / 1e6, format.c_str(),
               out.c_str(), gen.samples().size(), static_cast<unsigned long long>(seed),
               static_cast<unsigned long long>(duplicates));
  return 0;
}
