// `sitrep eval time --gold DIR`: scores the time stage on TimeML files with
// the TempEval-3 measures (extent strict/relaxed P/R/F1, type and value
// accuracy, value F1).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/file.h"
#include "cli.h"
#include "syntax/syntax.h"
#include "text/text.h"
#include "time/time.h"
#include "time/timeml.h"

namespace {

struct Options {
  std::string gold;
  std::string files;
  bool json = false;
  bool show_errors = false;
  bool show_all = false;  // with --show-errors: also the correct matches
  bool syntax = false;    // tag with the syntax stage's tokens, as analyze does
};

// LIST is "dev" or "heldout" (the split in data/time/timebank_split.txt),
// a file with one name a line, or comma-separated names.
std::vector<std::string> ResolveFiles(const Options& o) {
  std::vector<std::string> names;
  if (o.files.empty() || o.files == "all") {
    for (const auto& e : std::filesystem::directory_iterator(o.gold))
      if (e.path().extension() == ".tml") names.push_back(e.path().filename().string());
  } else if (o.files == "dev" || o.files == "heldout") {
    names = sitrep::TimebankSplit(o.files);
  } else if (std::filesystem::is_regular_file(o.files)) {
    std::string s;
    sitrep::ReadWholeFile(o.files, &s);
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line[0] != '#') names.push_back(line.substr(line.rfind(' ') + 1));
  } else {
    std::istringstream in(o.files);
    for (std::string n; std::getline(in, n, ',');)
      if (!n.empty()) names.push_back(n);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string Esc(std::string_view s) {
  std::string o;
  for (char c : s) {
    if (c == '\n') o += ' ';
    else o += c;
  }
  return o;
}

int Run(const Options& o) {
  if (!std::filesystem::is_directory(o.gold)) {
    sitrep::cli::PrintError("--gold " + o.gold + " is not a folder");
    return sitrep::cli::kExitUsage;
  }
  std::vector<std::string> names = ResolveFiles(o);
  if (names.empty()) {
    sitrep::cli::PrintError("no .tml files selected");
    return sitrep::cli::kExitUsage;
  }
  sitrep::TimeCounts counts;
  long docs = 0;
  sitrep::text::TextStage text;
  sitrep::syntax::SyntaxStage syntax;
  auto syntax_scratch = syntax.NewScratch();
  for (const auto& name : names) {
    std::string xml;
    if (!sitrep::ReadWholeFile((std::filesystem::path(o.gold) / name).string(), &xml)) {
      sitrep::cli::PrintError("cannot read " + name);
      return sitrep::cli::kExitUsage;
    }
    auto doc = sitrep::ParseTimeml(xml, name);
    if (!doc.ok()) {
      sitrep::cli::PrintError(doc.status().message());
      return sitrep::cli::kExitUsage;
    }
    auto dct_view = doc->dct ? std::optional<std::string_view>(*doc->dct) : std::nullopt;
    sitrep::TimeTags tags;
    if (o.syntax) {
      sitrep::Article a;
      a.text = doc->text;
      text.Process(a, nullptr);
      // The text stage may clean the text; the gold offsets are into the file's.
      if (a.text == doc->text) {
        syntax.Process(a, syntax_scratch.get());
        std::optional<sitrep::CivilDate> dct;
        if (dct_view) dct = sitrep::ParseIsoDate(*dct_view);
        tags = sitrep::DefaultTimeTagger().Tag(a.text, dct, a.tokens, a.sentences);
      } else {
        tags = sitrep::FindTimes(doc->text, dct_view);
      }
    } else {
      tags = sitrep::FindTimes(doc->text, dct_view);
    }
    sitrep::ScoreTimes(doc->gold, tags.times, counts);
    ++docs;
    if (o.show_errors) {
      std::printf("DOC\t%s\tdct %s\n", name.c_str(), doc->dct.value_or("null").c_str());
      auto span = [&](const sitrep::TimeExpr& t) {
        return Esc(std::string_view(doc->text).substr(t.begin, t.end - t.begin));
      };
      for (const auto& g : doc->gold) {
        const sitrep::TimeExpr* hit = nullptr;
        for (const auto& s : tags.times)
          if (s.begin < g.end && g.begin < s.end) { hit = &s; break; }
        std::string gv = g.value.value_or("null");
        if (!hit) {
          std::size_t a = g.begin > 60 ? g.begin - 60 : 0;
          std::printf("MISS\t%s\t%s\t%s\t[%s]\t...%s...\n", name.c_str(), g.type.c_str(), gv.c_str(),
                      span(g).c_str(), Esc(std::string_view(doc->text).substr(a, g.end + 40 - a)).c_str());
        } else if (!hit->value || !g.value || !sitrep::SameTimeValue(*hit->value, *g.value) || hit->begin != g.begin || hit->end != g.end || hit->type != g.type) {
          std::size_t a = g.begin > 60 ? g.begin - 60 : 0;
          std::printf("DIFF\t%s\tgold %s %s [%s]\tsys %s %s [%s]\t...%s...\n", name.c_str(), g.type.c_str(),
                      gv.c_str(), span(g).c_str(), hit->type.c_str(), hit->value.value_or("null").c_str(),
                      span(*hit).c_str(), Esc(std::string_view(doc->text).substr(a, g.end + 40 - a)).c_str());
        } else if (o.show_all) {
          std::size_t a = g.begin > 60 ? g.begin - 60 : 0;
          std::printf("OK\t%s\t%s\t%s\t[%s]\t...%s...\n", name.c_str(), g.type.c_str(), gv.c_str(), span(g).c_str(),
                      Esc(std::string_view(doc->text).substr(a, g.end + 40 - a)).c_str());
        }
      }
      for (const auto& s : tags.times) {
        bool hit = false;
        for (const auto& g : doc->gold) hit = hit || (s.begin < g.end && g.begin < s.end);
        if (!hit) {
          std::size_t a = s.begin > 30 ? s.begin - 30 : 0;
          std::printf("FP\t%s\t%s\t%s\t[%s]\t...%s...\n", name.c_str(), s.type.c_str(), s.value.value_or("null").c_str(),
                      span(s).c_str(), Esc(std::string_view(doc->text).substr(a, s.end + 30 - a)).c_str());
        }
      }
    }
  }
  auto s = sitrep::ComputeScores(counts);
  std::printf("documents %ld, gold %ld, system %ld\n", docs, counts.gold, counts.system);
  std::printf("extent strict   P %.4f  R %.4f  F1 %.4f\n", s.strict_precision, s.strict_recall, s.strict_f1);
  std::printf("extent relaxed  P %.4f  R %.4f  F1 %.4f\n", s.relaxed_precision, s.relaxed_recall, s.relaxed_f1);
  std::printf("type accuracy %.4f, value accuracy %.4f\n", s.type_accuracy, s.value_accuracy);
  std::printf("value           P %.4f  R %.4f  F1 %.4f\n", s.value_precision, s.value_recall, s.value_f1);
  if (o.json) {
    std::printf(
        "{\"documents\":%ld,\"gold\":%ld,\"system\":%ld,\"strict_precision\":%.4f,\"strict_recall\":%.4f,"
        "\"strict_f1\":%.4f,\"relaxed_precision\":%.4f,\"relaxed_recall\":%.4f,\"relaxed_f1\":%.4f,"
        "\"type_accuracy\":%.4f,\"value_accuracy\":%.4f,\"value_precision\":%.4f,\"value_recall\":%.4f,"
        "\"value_f1\":%.4f}\n",
        docs, counts.gold, counts.system, s.strict_precision, s.strict_recall, s.strict_f1, s.relaxed_precision,
        s.relaxed_recall, s.relaxed_f1, s.type_accuracy, s.value_accuracy, s.value_precision, s.value_recall,
        s.value_f1);
  }
  return sitrep::cli::kExitOk;
}

sitrep::cli::CommandRegistrar reg(
    "eval", "time", "Score time expressions against TimeML (.tml) files with TempEval-3 measures",
    [](CLI::App& app) {
      auto opts = std::make_shared<Options>();
      app.add_option("--gold", opts->gold, "Folder of .tml files (e.g. TimeBank)")->required();
      app.add_option("--files", opts->files,
                     "Which files: all (default), dev or heldout (data/time/timebank_split.txt), "
                     "a file of names, or comma-separated names");
      app.add_flag("--json", opts->json, "Print the scores as one JSON object on the last line");
      app.add_flag("--show-errors", opts->show_errors, "Print misses, false alarms and wrong values");
      app.add_flag("--show-all", opts->show_all, "With --show-errors, also print the correct matches (OK lines)");
      app.add_flag("--syntax", opts->syntax,
                   "Run the text and syntax stages first and give the time stage their tokens, as analyze does");
      return [opts] { return Run(*opts); };
    });

}  // namespace
