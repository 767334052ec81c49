// `sitrep eval quotes --gold DIR|FILE [--json]`: scores quotes and their
// speakers.
//  - DIR in PolNeAR's layout (text/ and brat attributions/; a folder with
//    dev/ reads dev/): content, cue and source scores, for attributions of
//    speech and for all attributions (thoughts and intentions too). The
//    articles are the corpus texts as they are, not cleaned.
//  - FILE, JSON Lines in the sample corpus's gold format ({file, line,
//    text, speaker, kind}, files relative to the gold file's folder or its
//    parent): articles go through the whole per-article pipeline, and the
//    report gives recall, kind accuracy and speaker accuracy, for direct
//    quotes too.
// With --json the last stdout line is one JSON object.
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "core/error.h"
#include "core/file.h"
#include "entities/entities.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "quotes/cues.h"
#include "quotes/polnear.h"
#include "quotes/quotes.h"
#include "quotes/same_as.h"
#include "resolve/resolve.h"
#include "syntax/syntax.h"
#include "text/text.h"
#include "time/time.h"

namespace {

namespace fs = std::filesystem;
using sitrep::quotes::AttributionScorer;

struct Options {
  std::string gold;
  bool json = false;
  bool show_errors = false;
  std::size_t limit = 0;
};

std::string Json(const char* key, double v, bool comma = true) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "\"%s\":%.4f%s", key, v, comma ? "," : "");
  return buf;
}

std::string ScoresJson(const AttributionScorer::Scores& s) {
  return "{" + Json("content_f1", s.content_f1()) + Json("content_f1_overlap", s.content_f1_overlap()) +
         Json("precision", s.precision_overlap()) + Json("recall", s.recall_overlap()) + Json("cue_f1", s.cue_f1()) +
         Json("source_accuracy", s.source_accuracy()) + "\"gold\":" + std::to_string(s.gold) +
         ",\"found\":" + std::to_string(s.found) + "}";
}

void PrintScores(const char* what, const AttributionScorer::Scores& s) {
  std::printf("%s: %llu gold, %llu found\n", what, static_cast<unsigned long long>(s.gold),
              static_cast<unsigned long long>(s.found));
  std::printf("  content exact          F1 %.3f\n", s.content_f1());
  std::printf("  content >=50%% overlap  P %.3f  R %.3f  F1 %.3f\n", s.precision_overlap(), s.recall_overlap(),
              s.content_f1_overlap());
  std::printf("  cue                    F1 %.3f\n", s.cue_f1());
  std::printf("  source accuracy           %.3f (on %llu matched)\n", s.source_accuracy(),
              static_cast<unsigned long long>(s.source_checked));
}

int RunPolnear(const Options& o) {
  std::vector<sitrep::quotes::GoldDoc> docs;
  if (auto s = sitrep::quotes::ReadPolnear(o.gold, &docs); !s.ok()) {
    sitrep::cli::PrintError(s.message());
    return sitrep::cli::kExitUsage;
  }
  if (o.limit && docs.size() > o.limit) docs.resize(o.limit);
  sitrep::text::TextStage text;
  sitrep::syntax::SyntaxStage syntax;
  sitrep::entities::EntitiesStage entities;
  sitrep::TimeStage time;  // quotes read the time expressions, as in analyze
  auto syntax_scratch = syntax.NewScratch();
  auto entities_scratch = entities.NewScratch();
  const auto& lexicon = sitrep::quotes::DefaultCueLexicon();
  sitrep::quotes::QuoteOptions speech_only, with_thoughts;
  with_thoughts.include_thoughts = true;
  AttributionScorer speech(true), all(false);
  std::vector<std::string> errors;
  if (o.show_errors) speech.ReportErrorsTo(&errors);
  double quote_seconds = 0;
  std::uint64_t tokens = 0;
  for (auto& d : docs) {
    sitrep::Article a;
    a.id = d.name;
    a.source = d.name;
    a.text = d.text;
    text.Process(a, nullptr);
    syntax.Process(a, syntax_scratch.get());
    time.Process(a, nullptr);
    entities.Process(a, entities_scratch.get());
    sitrep::quotes::Classify(a, lexicon, &d.attributions);
    auto t0 = std::chrono::steady_clock::now();
    sitrep::quotes::FindQuotes(a, lexicon, speech_only);
    quote_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    tokens += a.tokens.size();
    speech.Add(a, d.attributions, a.quotes);  // Add() joins them into PolNeAR's units
    if (o.show_errors) {
      for (const auto& e : errors) std::printf("%s\t%s\n", d.name.c_str(), e.c_str());
      errors.clear();
    }
    sitrep::quotes::FindQuotes(a, lexicon, with_thoughts);
    all.Add(a, d.attributions, a.quotes);
  }
  std::printf("PolNeAR %s: %zu documents, %llu tokens\n", o.gold.c_str(), docs.size(),
              static_cast<unsigned long long>(tokens));
  PrintScores("speech attributions (the cue is a verb or phrase of saying)", speech.scores());
  PrintScores("all attributions (thoughts and intentions too)", all.scores());
  double tps = quote_seconds > 0 ? double(tokens) / quote_seconds : 0;
  std::printf("quotes stage: %.0f tokens/s (parse excluded)\n", tps);
  if (o.json) {
    const auto& s = speech.scores();
    std::printf("{%s%s%s%s\"all\":%s,\"documents\":%zu,\"tokens_per_second\":%.0f}\n",
                Json("content_f1", s.content_f1()).c_str(), Json("content_f1_overlap", s.content_f1_overlap()).c_str(),
                Json("cue_f1", s.cue_f1()).c_str(), Json("source_accuracy", s.source_accuracy()).c_str(),
                ScoresJson(all.scores()).c_str(), docs.size(), tps);
  }
  return sitrep::cli::kExitOk;
}

// ---- the sample corpus's gold format ----

struct GoldQuote {
  std::string key;  // file, or file:line
  std::string text, speaker, kind;
};

std::string Normalized(std::string_view s) {
  std::string out;
  for (const auto& w : sitrep::quotes::NormalizedWords(s)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// Word overlap of two quotations, as a share of the longer one.
double Overlap(std::string_view x, std::string_view y) {
  auto a = sitrep::quotes::NormalizedWords(x), b = sitrep::quotes::NormalizedWords(y);
  if (a.empty() || b.empty()) return 0;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<std::string> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  return double(common.size()) / double(std::max(a.size(), b.size()));
}

// The same speaker: the same words, or for a person the same surname and
// compatible first name after transliteration folding ("Grigori
// Ryabschenko" is "Grigory Ryabshenko"), titles and honorifics aside.
bool SameSpeaker(std::string_view gold, std::string_view found) {
  if (found.empty()) return false;
  if (Normalized(gold) == Normalized(found)) return true;
  auto g = sitrep::resolve::PersonTokens(gold), f = sitrep::resolve::PersonTokens(found);
  if (g.size() < 2 || f.empty()) return false;
  auto key = [](const std::string& t) { return sitrep::resolve::TranslitKey(t); };
  if (key(g.back()) != key(f.back())) return false;
  // The found name may carry a title the recogniser took in ("Prime
  // Minister X Y") or lack the first name ("Dr Y"): the gold first name
  // must be among its words, or all of its words among the gold's.
  auto has = [&](const std::vector<std::string>& words, const std::string& t) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return key(w) == key(t); });
  };
  if (has(f, g.front())) return true;
  return std::all_of(f.begin(), f.end(), [&](const std::string& w) { return has(g, w); });
}

int RunOwnGold(const Options& o) {
  std::string body;
  if (!sitrep::ReadWholeFile(o.gold, &body)) {
    sitrep::cli::PrintError("cannot read " + o.gold);
    return sitrep::cli::kExitUsage;
  }
  std::vector<GoldQuote> gold;
  std::vector<std::string> files;  // in first-seen order
  simdjson::dom::parser parser;
  std::size_t line_no = 0;
  for (std::size_t i = 0; i < body.size();) {
    std::size_t j = body.find('\n', i);
    if (j == std::string::npos) j = body.size();
    std::string_view line(body.data() + i, j - i);
    i = j + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    simdjson::dom::object obj;
    if (parser.parse(line).get_object().get(obj)) {
      sitrep::cli::PrintError(o.gold + ":" + std::to_string(line_no) + ": not a JSON object");
      return sitrep::cli::kExitUsage;
    }
    GoldQuote g;
    std::string_view v;
    if (obj["file"].get_string().get(v)) {
      sitrep::cli::PrintError(o.gold + ":" + std::to_string(line_no) + ": no \"file\"");
      return sitrep::cli::kExitUsage;
    }
    g.key = std::string(v);
    if (std::uint64_t l = 0; !obj["line"].get_uint64().get(l)) g.key += ":" + std::to_string(l);
    if (!obj["text"].get_string().get(v)) g.text = std::string(v);
    if (!obj["speaker"].get_string().get(v)) g.speaker = std::string(v);
    if (!obj["kind"].get_string().get(v)) g.kind = std::string(v);
    std::string file = std::string(obj["file"].get_string().value_unsafe());
    if (std::find(files.begin(), files.end(), file) == files.end()) files.push_back(file);
    gold.push_back(std::move(g));
  }
  fs::path base = fs::path(o.gold).parent_path();
  if (!files.empty() && !fs::exists(base / files.front())) base = base.parent_path();
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back((base / f).string());

  auto pipeline = sitrep::pipeline::ArticlePipeline::Standard(nullptr);
  auto scratch = pipeline.NewScratch();
  std::map<std::string, std::vector<std::pair<std::string, sitrep::Quote>>> found;  // key -> (text, quote)
  std::map<std::string, std::vector<std::string>> speakers;
  std::size_t n_found = 0;
  sitrep::ingest::Reader(paths, {}).Run([&](sitrep::ingest::RawDoc&& doc) {
    sitrep::Article a = pipeline.Run(std::move(doc), scratch);
    std::string key = fs::relative(a.source.substr(0, a.source.rfind(".jsonl:") != std::string::npos
                                                           ? a.source.rfind(':')
                                                           : a.source.size()),
                                   base)
                          .string();
    if (auto at = a.source.rfind(".jsonl:"); at != std::string::npos) key += a.source.substr(a.source.rfind(':'));
    for (const auto& q : a.quotes) {
      std::string text;
      for (const auto& p : q.parts) text += std::string(a.Text(p)) + " ";
      found[key].push_back({text, q});
      ++n_found;
    }
  });
  std::size_t matched = 0, kind_ok = 0, speaker_ok = 0, direct = 0, direct_ok = 0;
  std::map<std::string, std::vector<bool>> used;
  for (const auto& g : gold) {
    auto& list = found[g.key];
    auto& u = used[g.key];
    u.resize(list.size());
    std::size_t best = list.size();
    double best_overlap = 0.5 - 1e-9;
    for (std::size_t k = 0; k < list.size(); ++k) {
      double ov = Overlap(g.text, list[k].first);
      if (!u[k] && ov > best_overlap) best_overlap = ov, best = k;
    }
    if (g.kind == "direct") ++direct;
    if (best == list.size()) {
      if (o.show_errors) std::printf("MISSED\t%s\t%s\t%s\n", g.key.c_str(), g.kind.c_str(), g.text.c_str());
      continue;
    }
    u[best] = true;
    ++matched;
    const sitrep::Quote& q = list[best].second;
    kind_ok += q.kind == g.kind;
    std::string who = !q.speaker_name.empty() ? q.speaker_name : q.speaker_description;
    bool ok = SameSpeaker(g.speaker, who);
    speaker_ok += ok;
    if (g.kind == "direct") direct_ok += ok;
    if (!ok && o.show_errors) {
      std::printf("SPEAKER\t%s\t%s\tgold: %s\tfound: %s (%s)\n", g.key.c_str(), g.text.substr(0, 50).c_str(),
                  g.speaker.c_str(), who.c_str(), q.speaker_from.c_str());
    }
  }
  auto ratio = [](std::size_t x, std::size_t y) { return y ? double(x) / double(y) : 0.0; };
  std::printf("%s: %zu gold quotes, %zu found, %zu matched (recall %.3f)\n", o.gold.c_str(), gold.size(), n_found,
              matched, ratio(matched, gold.size()));
  std::printf("  kind accuracy %.3f, speaker accuracy %.3f (matched quotes)\n", ratio(kind_ok, matched),
              ratio(speaker_ok, matched));
  std::printf("  direct quotes: speaker accuracy %.3f (%zu of %zu gold direct quotes)\n", ratio(direct_ok, direct),
              direct_ok, direct);
  if (o.json) {
    std::printf("{%s%s%s%s\"gold\":%zu,\"found\":%zu}\n", Json("recall", ratio(matched, gold.size())).c_str(),
                Json("kind_accuracy", ratio(kind_ok, matched)).c_str(),
                Json("speaker_accuracy", ratio(speaker_ok, matched)).c_str(),
                Json("direct_speaker_accuracy", ratio(direct_ok, direct)).c_str(), gold.size(), n_found);
  }
  return sitrep::cli::kExitOk;
}

int Run(const Options& o) {
  try {
    if (fs::is_directory(o.gold)) return RunPolnear(o);
    if (fs::is_regular_file(o.gold)) return RunOwnGold(o);
    sitrep::cli::PrintError("no such file or folder: " + o.gold);
    return sitrep::cli::kExitUsage;
  } catch (const sitrep::Error& e) {
    sitrep::cli::PrintError(std::string(e.what()) + " (" + e.file() + ":" + std::to_string(e.line()) + ")");
    return sitrep::cli::kExitUsage;
  }
}

sitrep::cli::CommandRegistrar reg("eval", "quotes", "Score quotes and speakers (PolNeAR folder or sitrep gold JSON Lines)",
                                  [](CLI::App& app) {
                                    auto o = std::make_shared<Options>();
                                    app.add_option("--gold", o->gold, "PolNeAR folder, or gold quotes .jsonl")->required();
                                    app.add_flag("--json", o->json, "print one JSON object as the last line");
                                    app.add_flag("--show-errors", o->show_errors, "print misses and wrong speakers");
                                    app.add_option("--limit", o->limit, "score only the first N PolNeAR documents");
                                    return [o] { return Run(*o); };
                                  });

}  // namespace
