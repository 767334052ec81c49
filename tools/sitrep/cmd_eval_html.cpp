// `sitrep eval html --gold DIR`: scores main-content extraction on a folder
// of pages laid out as Mozilla Readability's test pages (each folder holds
// source.html, expected.html and expected-metadata.json). Body: precision,
// recall and F1 of word 4-gram shingles of the extracted text against the
// expected text, averaged per page; title and date: exact accuracy over the
// pages whose expected metadata has them.
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "cli.h"
#include "core/file.h"
#include "core/hash.h"
#include "core/resources.h"
#include "core/utf8.h"
#include "html/dom.h"
#include "html/metadata.h"
#include "ingest/decode.h"
#include "text/chars.h"

namespace {

struct Options {
  std::string gold;
  std::string files = "all";
  std::string stage = "pipeline";
  bool json = false;
  bool show = false;
  std::string dump;
};


// Words as the comparison script (bench/html/compare-readability.sh) and
// Mozilla's own scoring read them: runs of Unicode letters and digits,
// lowercased. Anything else separates words, including no-break spaces,
// typographic quotes and dashes, which a byte-level split would glue to
// the word beside them (so "«\u00A0boîtes" and "« boîtes" would differ).
std::vector<std::string> EvalWords(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = sitrep::utf8::Decode(s, i);
    if (sitrep::text::IsAlnum(c)) {
      sitrep::utf8::Append(w, c < 0x80 ? static_cast<char32_t>(std::tolower(static_cast<int>(c)))
                                       : static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

std::vector<std::uint64_t> Shingles(std::string_view s) {
  auto w = EvalWords(s);
  std::vector<std::uint64_t> out;
  const std::size_t k = w.size() >= 4 ? 4 : (w.empty() ? 0 : w.size());
  for (std::size_t i = 0; k > 0 && i + k <= w.size(); ++i) {
    std::string key;
    for (std::size_t j = 0; j < k; ++j) key += w[i + j] + ' ';
    out.push_back(sitrep::Hash64(key));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Key(std::string_view s) {
  std::string o;
  for (const auto& w : sitrep::html::WordTokens(s)) o += w + ' ';
  return o;
}

std::vector<std::string> Pages(const Options& o) {
  std::vector<std::string> names;
  if (o.files == "dev" || o.files == "heldout") {
    for (auto line : sitrep::DataLines(sitrep::Resource("html/readability_split.txt"))) {
      auto tab = line.find('\t');
      if (tab != std::string_view::npos && line.substr(0, tab) == o.files) names.emplace_back(line.substr(tab + 1));
    }
  } else {
    for (const auto& e : std::filesystem::directory_iterator(o.gold))
      if (std::filesystem::exists(e.path() / "source.html")) names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

int Run(const Options& o) {
  if (!std::filesystem::is_directory(o.gold)) {
    sitrep::cli::PrintError("--gold " + o.gold + " is not a folder");
    return sitrep::cli::kExitUsage;
  }
  if (o.stage != "pipeline" && o.stage != "extract") {
    sitrep::cli::PrintError("--stage must be pipeline or extract");
    return sitrep::cli::kExitUsage;
  }
  auto names = Pages(o);
  if (names.empty()) {
    sitrep::cli::PrintError("no pages selected under " + o.gold);
    return sitrep::cli::kExitUsage;
  }
  sitrep::clean::CleanStage clean;
  simdjson::dom::parser parser;
  double sp = 0, sr = 0, sf = 0, mb = 0, secs = 0;
  long pages = 0, titles = 0, titles_ok = 0, dates = 0, dates_ok = 0, skipped = 0;
  for (const auto& name : names) {
    auto dir = std::filesystem::path(o.gold) / name;
    std::string src, expected, meta;
    if (!sitrep::ReadWholeFile((dir / "source.html").string(), &src) ||
        !sitrep::ReadWholeFile((dir / "expected.html").string(), &expected)) {
      sitrep::cli::PrintError("cannot read " + dir.string());
      return sitrep::cli::kExitUsage;
    }
    sitrep::ReadWholeFile((dir / "expected-metadata.json").string(), &meta);
    std::string gold_text;
    {
      sitrep::html::Document doc(expected);
      sitrep::html::AppendText(doc.root(), &gold_text);
    }
    sitrep::ingest::RawDoc raw;
    raw.source = (dir / "source.html").string();
    raw.path = raw.source;
    raw.format = sitrep::ingest::Format::kHtml;
    raw.input_bytes = src.size();
    raw.bytes = src;
    auto t0 = std::chrono::steady_clock::now();
    sitrep::Article a = sitrep::ingest::Decode(std::move(raw));
    if (a.ok() && o.stage == "pipeline") clean.Process(a, nullptr);
    secs += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    mb += static_cast<double>(src.size()) / 1e6;
    if (!a.ok()) ++skipped;
    auto sys = Shingles(a.ok() ? a.text : "");
    auto gold = Shingles(gold_text);
    std::vector<std::uint64_t> common;
    std::set_intersection(sys.begin(), sys.end(), gold.begin(), gold.end(), std::back_inserter(common));
    if (!o.dump.empty()) {
      std::filesystem::create_directories(o.dump);
      auto base = std::filesystem::path(o.dump) / name;
      if (FILE* fp = std::fopen((base.string() + ".sys.txt").c_str(), "wb")) {
        if (a.ok()) std::fwrite(a.text.data(), 1, a.text.size(), fp);
        std::fclose(fp);
      }
      if (FILE* fp = std::fopen((base.string() + ".removed.txt").c_str(), "wb")) {
        for (const auto& r : a.removed) std::fprintf(fp, "[%s] %s\n", r.why.c_str(), r.text.c_str());
        std::fclose(fp);
      }
      if (FILE* fp = std::fopen((base.string() + ".gold.txt").c_str(), "wb")) {
        std::fwrite(gold_text.data(), 1, gold_text.size(), fp);
        std::fclose(fp);
      }
    }
    double p = sys.empty() ? (gold.empty() ? 1 : 0) : static_cast<double>(common.size()) / sys.size();
    double r = gold.empty() ? 1 : static_cast<double>(common.size()) / gold.size();
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    sp += p;
    sr += r;
    sf += f;
    ++pages;
    std::string gtitle, gdate;
    simdjson::padded_string pj(meta);
    simdjson::dom::element root;
    if (!meta.empty() && !parser.parse(pj).get(root) && root.is_object()) {
      std::string_view sv;
      if (!root["title"].get_string().get(sv)) gtitle = std::string(sv);
      if (!root["publishedTime"].get_string().get(sv)) gdate = std::string(sv);
    }
    bool title_ok = false, date_ok = false;
    if (!Key(gtitle).empty()) {
      ++titles;
      title_ok = a.title && Key(*a.title) == Key(gtitle);
      titles_ok += title_ok;
    }
    if (gdate.size() >= 10) {
      ++dates;
      date_ok = a.published && a.published->substr(0, 10) == gdate.substr(0, 10);
      dates_ok += date_ok;
    }
    if (o.show) {
      std::printf("%-45s P %.3f R %.3f F1 %.3f  title %s  date %s%s\n", name.c_str(), p, r, f,
                  gtitle.empty() ? "-" : title_ok ? "ok" : "WRONG", gdate.empty() ? "-" : date_ok ? "ok" : "WRONG",
                  a.ok() ? "" : ("  skipped: " + a.reason).c_str());
      if (!gtitle.empty() && !title_ok)
        std::printf("    title got '%s' want '%s'\n", a.title ? a.title->c_str() : "", gtitle.c_str());
    }
  }
  double n = static_cast<double>(pages);
  double ta = titles ? static_cast<double>(titles_ok) / titles : 0, da = dates ? static_cast<double>(dates_ok) / dates : 0;
  std::printf("pages %ld (%s, stage %s), skipped %ld\n", pages, o.files.c_str(), o.stage.c_str(), skipped);
  std::printf("body  P %.4f  R %.4f  F1 %.4f\n", sp / n, sr / n, sf / n);
  std::printf("title accuracy %.4f (%ld/%ld), date accuracy %.4f (%ld/%ld)\n", ta, titles_ok, titles, da, dates_ok,
              dates);
  std::printf("speed %.1f MB/s (%.1f MB in %.2f s, one thread)\n", secs > 0 ? mb / secs : 0, mb, secs);
  if (o.json) {
    std::printf("{\"pages\":%ld,\"skipped\":%ld,\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,"
                "\"title_accuracy\":%.4f,\"date_accuracy\":%.4f,\"titles\":%ld,\"dates\":%ld}\n",
                pages, skipped, sp / n, sr / n, sf / n, ta, da, titles, dates);
  }
  return sitrep::cli::kExitOk;
}

sitrep::cli::CommandRegistrar reg(
    "eval", "html", "Score HTML main-content extraction on Readability-style test pages",
    [](CLI::App& app) {
      auto opts = std::make_shared<Options>();
      app.add_option("--gold", opts->gold, "Folder of page folders (source.html, expected.html, expected-metadata.json)")
          ->required();
      app.add_option("--files", opts->files, "all (default), dev or heldout (data/html/readability_split.txt)");
      app.add_option("--stage", opts->stage,
                     "pipeline (default: HTML reader then the text cleaner, as analyze does) or extract (HTML reader alone)");
      app.add_flag("--json", opts->json, "Print the scores as one JSON object on the last line");
      app.add_flag("--show", opts->show, "Print the scores of every page");
      app.add_option("--dump", opts->dump, "Write each page's extracted and expected text to this folder (NAME.sys.txt, NAME.gold.txt)");
      return [opts] { return Run(*opts); };
    });

}  // namespace
