// `sitrep eval stories --gold DIR`: clusters the ECB+ documents into
// stories and scores them against the happenings ECB+ describes. Each
// topic holds two happenings of the same kind (N_Mecb.xml and
// N_Mecbplus.xml files), so the gold story of a document is its topic plus
// ecb/ecbplus. Documents of all selected topics are clustered together,
// through the whole per-article pipeline and the cross-article merges, as
// `sitrep analyze` would. ECB+ gives no publication dates as metadata;
// the documents whose text opens with a dated dateline (64 of the 462)
// get theirs from it, as any article would, and the dates written in the
// text count for all. The clusterer was tuned on the dev topics of
// data/stories/ecbplus_split.txt; report the heldout ones.
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"
#include "core/file.h"
#include "core/hash.h"
#include "core/json_writer.h"
#include "core/resources.h"
#include "entities/entities.h"
#include "events/merge.h"
#include "gazetteer/gazetteer.h"
#include "pipeline/pipeline.h"
#include "resolve/ecbplus.h"
#include "resolve/resolve.h"
#include "store/article_json.h"
#include "stories/stories.h"

namespace {

using namespace sitrep;

struct Options {
  std::string gold;
  std::string topics = "all";
  std::string lines;  // cache of processed article lines
  std::string assignments;  // where to write each document's story, for tuning
  bool json = false;
  bool show_clusters = false;
  int rounds = 2;
  int orders = 1;  // canonical orders to average the scores over
  stories::ClusterOptions cluster = stories::ClusterOptions::FromData();
};

struct Doc {
  std::string topic, split, name;
  std::uint64_t label = 0;
  std::string line;
};

std::vector<std::string> SplitTopics(std::string_view part) {
  std::vector<std::string> out;
  for (std::string_view line : DataLines(Resource("stories/ecbplus_split.txt"))) {
    auto sp = line.find(' ');
    if (sp == std::string_view::npos) continue;
    if (part == "all" || line.substr(0, sp) == part) out.emplace_back(line.substr(sp + 1));
  }
  return out;
}

std::string SplitOf(const std::string& topic) {
  for (std::string_view line : DataLines(Resource("stories/ecbplus_split.txt"))) {
    auto sp = line.find(' ');
    if (sp != std::string_view::npos && line.substr(sp + 1) == topic) return std::string(line.substr(0, sp));
  }
  return "";
}

// Runs the per-article pipeline on every document; the article lines
// (entity ids not yet filled) are cached in o.lines when given.
int ProcessDocuments(const Options& o, const std::vector<std::string>& topics, std::vector<Doc>* docs) {
  std::map<std::string, std::string> cached;  // "topic/file" -> line
  if (!o.lines.empty() && std::filesystem::exists(o.lines)) {
    std::ifstream f(o.lines);
    std::string key, line;
    while (std::getline(f, key) && std::getline(f, line)) cached[key] = line;
  }
  pipeline::ArticlePipeline pipe = pipeline::ArticlePipeline::Standard(nullptr);
  auto scratch = pipe.NewScratch();
  std::string cache_out;
  for (const std::string& topic : topics) {
    std::filesystem::path dir = std::filesystem::path(o.gold) / topic;
    if (!std::filesystem::is_directory(dir)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".xml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      const std::string name = path.filename().string();
      const bool plus = name.find("ecbplus") != std::string::npos;
      Doc d;
      d.topic = topic;
      d.split = SplitOf(topic);
      d.name = name;
      d.label = Hash64(topic + (plus ? "/ecbplus" : "/ecb"));
      const std::string key = topic + "/" + name;
      if (auto it = cached.find(key); it != cached.end()) {
        d.line = it->second;
      } else {
        std::string xml;
        if (!ReadWholeFile(path.string(), &xml)) {
          cli::PrintError("cannot read " + path.string());
          return cli::kExitUsage;
        }
        auto parsed = resolve::ParseEcbPlus(xml, name);
        if (!parsed.ok()) continue;
        ingest::RawDoc raw;
        raw.source = key;
        raw.path = key;
        raw.format = ingest::Format::kJson;
        JsonWriter w(raw.bytes);
        w.BeginObject();
        w.Key("text");
        w.String(parsed->text);
        w.EndObject();
        Article a = pipe.Run(std::move(raw), scratch);
        store::AppendArticleJson(a, &d.line);
      }
      cache_out += key + "\n" + d.line + "\n";
      docs->push_back(std::move(d));
    }
  }
  if (!o.lines.empty()) {
    std::ofstream f(o.lines, std::ios::binary | std::ios::trunc);
    f << cache_out;
  }
  return cli::kExitOk;
}

// The article lines -> entity merge -> event merge -> stories, as analyze
// does it; returns each document's story.
std::vector<std::uint64_t> Cluster(const Options& o, std::vector<Doc> docs, std::uint64_t salt) {
  resolve::Resolver resolver(entities::MergeOptionsFor(gazetteer::Gazetteer::Default()));
  simdjson::dom::parser parser;
  for (const Doc& d : docs) {
    std::vector<LocalEntity> locals;
    simdjson::dom::object obj;
    std::string_view id;
    if (!parser.parse(d.line).get_object().get(obj) && !obj["id"].get_string().get(id)) {
      simdjson::dom::array arr;
      if (!obj["local_entities"].get_array().get(arr)) {
        for (simdjson::dom::element e : arr) {
          LocalEntity le;
          std::string_view v;
          if (!e["name"].get_string().get(v)) le.name = std::string(v);
          if (!e["type"].get_string().get(v)) le.type = std::string(v);
          simdjson::dom::array al;
          if (!e["aliases"].get_array().get(al))
            for (simdjson::dom::element x : al)
              if (!x.get_string().get(v)) le.aliases.emplace_back(v);
          if (!e["country"].get_string().get(v)) le.country = std::string(v);
          if (!e["actor_code"].get_string().get(v)) le.actor_code = std::string(v);
          std::uint64_t n = 0;
          if (!e["mention_count"].get_uint64().get(n)) le.mention_count = static_cast<std::uint32_t>(n);
          locals.push_back(std::move(le));
        }
      }
    }
    resolver.Add(id, locals);
  }
  std::vector<std::vector<std::uint32_t>> assignment;
  auto merged = resolver.Finish(&assignment);
  std::vector<events::EventRecord> records;
  stories::BuildOptions bopt;
  bopt.cluster = o.cluster;
  bopt.reassign_rounds = o.rounds;
  bopt.order_salt = salt;
  stories::StoryBuilder builder(bopt);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::vector<std::string> ids;
    for (std::uint32_t e : assignment[i]) ids.push_back(merged[e].id);
    store::FillMentionEntities(docs[i].line, ids);
    events::AppendEventRecords(docs[i].line, &records);
    (void)builder.AddArticle(docs[i].line);
  }
  auto evs = events::MergeEvents(records);
  builder.Build(evs, "");
  std::vector<std::uint64_t> out;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::uint32_t s = builder.assignment()[i];
    // A document the pipeline skipped stands alone.
    out.push_back(s == UINT32_MAX ? (std::uint64_t{1} << 40) + i : s);
  }
  return out;
}

resolve::CorefScores Score(const std::vector<Doc>& docs, const std::vector<std::uint64_t>& system, const std::string& split) {
  std::vector<std::uint64_t> g, s;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (!split.empty() && docs[i].split != split) continue;
    g.push_back(docs[i].label);
    s.push_back(system[i]);
  }
  return resolve::ScoreCoref(g, s);
}

void Print(const char* label, const resolve::CorefScores& s, int orders, double lo, double hi) {
  std::printf("%-8s documents %4ld  gold stories %3ld  system stories %3ld  pairwise P %.4f R %.4f F1 %.4f  B3 P %.4f R %.4f F1 %.4f",
              label, s.mentions, s.gold_entities, s.system_entities, s.pairwise_precision, s.pairwise_recall,
              s.pairwise_f1, s.b3_precision, s.b3_recall, s.b3_f1);
  if (orders > 1) std::printf("  [%.4f-%.4f]", lo, hi);
  std::printf("\n");
}

int Run(const Options& o) {
  if (!std::filesystem::is_directory(o.gold)) {
    cli::PrintError("--gold " + o.gold + " is not a folder");
    return cli::kExitUsage;
  }
  std::vector<std::string> topics;
  if (o.topics == "dev" || o.topics == "heldout" || o.topics == "all") {
    topics = SplitTopics(o.topics);
  } else {
    std::istringstream in(o.topics);
    for (std::string t; std::getline(in, t, ',');)
      if (!t.empty()) topics.push_back(t);
  }
  std::vector<Doc> docs;
  if (int rc = ProcessDocuments(o, topics, &docs); rc != cli::kExitOk) return rc;
  if (docs.empty()) {
    cli::PrintError("no ECB+ documents under " + o.gold);
    return cli::kExitUsage;
  }
  // Each order's clustering; the scores are their means (one order, salt
  // 0, is the canonical order sitrep uses).
  std::vector<std::vector<std::uint64_t>> systems;
  for (int k = 0; k < std::max(1, o.orders); ++k)
    systems.push_back(Cluster(o, docs, k == 0 ? 0 : Hash64("order", static_cast<std::uint64_t>(k))));
  const std::vector<std::uint64_t>& system = systems[0];
  if (!o.assignments.empty()) {
    // One line per document and order: topic, file, part, gold happening, story, order.
    std::ofstream f(o.assignments, std::ios::binary | std::ios::trunc);
    for (std::size_t k = 0; k < systems.size(); ++k)
      for (std::size_t i = 0; i < docs.size(); ++i) {
        const bool plus = docs[i].name.find("ecbplus") != std::string::npos;
        f << docs[i].topic << '\t' << docs[i].name << '\t' << docs[i].split << '\t' << docs[i].topic << (plus ? "+" : "")
          << '\t' << systems[k][i] << '\t' << k << '\n';
      }
    if (!f) {
      cli::PrintError("cannot write " + o.assignments);
      return cli::kExitOutput;
    }
  }
  auto mean_score = [&](const std::string& split, double* lo, double* hi) {
    resolve::CorefScores m;
    *lo = 2;
    *hi = -1;
    for (const auto& sys : systems) {
      const resolve::CorefScores s = Score(docs, sys, split);
      m.mentions = s.mentions;
      m.gold_entities = s.gold_entities;
      m.system_entities += s.system_entities;
      m.pairwise_precision += s.pairwise_precision;
      m.pairwise_recall += s.pairwise_recall;
      m.pairwise_f1 += s.pairwise_f1;
      m.b3_precision += s.b3_precision;
      m.b3_recall += s.b3_recall;
      m.b3_f1 += s.b3_f1;
      *lo = std::min(*lo, s.pairwise_f1);
      *hi = std::max(*hi, s.pairwise_f1);
    }
    const double k = static_cast<double>(systems.size());
    m.system_entities = static_cast<long>(std::lround(static_cast<double>(m.system_entities) / k));
    for (double* v : {&m.pairwise_precision, &m.pairwise_recall, &m.pairwise_f1, &m.b3_precision, &m.b3_recall, &m.b3_f1})
      *v /= k;
    return m;
  };
  double lo[3], hi[3];
  auto all = mean_score("", &lo[0], &hi[0]);
  auto dev = mean_score("dev", &lo[1], &hi[1]);
  auto held = mean_score("heldout", &lo[2], &hi[2]);
  std::printf("ECB+ stories: %zu documents of topics %s clustered together; gold story = topic + ecb/ecbplus\n",
              docs.size(), o.topics.c_str());
  std::printf("(dev and heldout: the same clustering, scored on the documents of those topics; split in data/stories/ecbplus_split.txt)\n");
  if (systems.size() > 1)
    std::printf("(means over %zu orders of the articles of one day; pairwise F1 of the orders from min to max in brackets)\n", systems.size());
  Print("all", all, static_cast<int>(systems.size()), lo[0], hi[0]);
  if (o.show_clusters) {
    // Stories that mix happenings, for tuning on the dev topics.
    std::map<std::uint64_t, std::map<std::string, int>> by_story;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (o.topics == "all" && docs[i].split != "dev") continue;
      const bool plus = docs[i].name.find("ecbplus") != std::string::npos;
      ++by_story[system[i]][docs[i].topic + (plus ? "+" : "")];
    }
    for (const auto& [s, counts] : by_story) {
      if (counts.size() < 2) continue;
      std::printf("mixed story:");
      for (const auto& [k, n] : counts) std::printf(" %s x%d", k.c_str(), n);
      std::printf("\n");
    }
    // Happenings spread over several stories: the size of each part.
    std::map<std::string, std::map<std::uint64_t, int>> by_gold;
    for (const auto& [s, counts] : by_story)
      for (const auto& [k, n] : counts) by_gold[k][s] += n;
    for (const auto& [k, parts] : by_gold) {
      if (parts.size() < 2) continue;
      std::printf("split happening %s:", k.c_str());
      for (const auto& [s, n] : parts) std::printf(" %d", n);
      std::printf("\n");
      for (const auto& [s, n] : parts) {
        std::printf("  part:");
        for (std::size_t i = 0; i < docs.size(); ++i) {
          const bool plus = docs[i].name.find("ecbplus") != std::string::npos;
          if (system[i] == s && docs[i].topic + (plus ? "+" : "") == k) std::printf(" %s", docs[i].name.c_str());
        }
        std::printf("\n");
      }
    }
  }
  if (dev.mentions) Print("dev", dev, static_cast<int>(systems.size()), lo[1], hi[1]);
  if (held.mentions) Print("heldout", held, static_cast<int>(systems.size()), lo[2], hi[2]);
  if (o.json) {
    std::string out;
    JsonWriter w(out);
    w.BeginObject();
    w.Key("topics");
    w.String(o.topics);
    w.Key("documents");
    w.UInt(docs.size());
    w.Key("gold_stories");
    w.Int(all.gold_entities);
    w.Key("system_stories");
    w.Int(all.system_entities);
    auto scores = [&](const std::string& prefix, const resolve::CorefScores& sc) {
      const std::pair<const char*, double> fields[] = {
          {"pairwise_precision", sc.pairwise_precision}, {"pairwise_recall", sc.pairwise_recall},
          {"pairwise_f1", sc.pairwise_f1},               {"bcubed_precision", sc.b3_precision},
          {"bcubed_recall", sc.b3_recall},               {"bcubed_f1", sc.b3_f1}};
      for (const auto& [k, v] : fields) {
        w.Key(prefix + k);
        if (sc.mentions) w.Double(v, 4); else w.Null();
      }
    };
    scores("", all);
    scores("dev_", dev);
    scores("heldout_", held);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  }
  return cli::kExitOk;
}

cli::CommandRegistrar reg(
    "eval", "stories", "Score the story clusterer on ECB+ (pairwise and B3 F1 against the happenings)",
    [](CLI::App& app) {
      auto opts = std::make_shared<Options>();
      app.add_option("--gold", opts->gold, "The ECB+ folder (topic folders of N_Mecb.xml / N_Mecbplus.xml)")->required();
      app.add_option("--topics", opts->topics,
                     "all (default), dev or heldout (data/stories/ecbplus_split.txt), or comma-separated topics");
      app.add_flag("--json", opts->json, "Print the scores as one JSON object on the last line");
      app.add_option("--lines", opts->lines,
                     "Cache file of the processed documents: read when it exists, else written (for tuning)");
      app.add_option("--assignments", opts->assignments,
                     "Write each document's story (topic, file, part, gold happening, story; tab-separated) to this file");
      app.add_flag("--show-clusters", opts->show_clusters, "Print the stories that mix happenings and the happenings spread over stories (dev topics only unless --topics is given)");
      app.add_option("--threshold", opts->cluster.threshold, "Similarity a document needs to join a story");
      app.add_option("--entity-weight", opts->cluster.entity_weight, "Weight of shared entities");
      app.add_option("--entity-salience", opts->cluster.entity_salience, "Growth of an entity's weight with the log of its mentions");
      app.add_option("--event-weight", opts->cluster.event_weight, "Weight of shared events");
      app.add_option("--role-weight", opts->cluster.role_weight, "Weight of an entity with its title (\"president-elect\")");
      app.add_option("--max-gap-days", opts->cluster.max_gap_days, "Days beyond which an article never joins a story");
      app.add_option("--merge-threshold", opts->cluster.merge_threshold, "Similarity at which two stories merge");
      app.add_option("--time-decay-days", opts->cluster.time_decay_days, "Decay of similarity with time");
      app.add_option("--year-weight", opts->cluster.year_weight, "Weight of the years the dates name");
      app.add_option("--article-features", opts->cluster.article_features, "Body terms kept per article");
      app.add_option("--rounds", opts->rounds, "Rounds of reassignment after the online pass");
      app.add_option("--orders", opts->orders,
                     "Cluster in this many orders of each day's articles (the canonical one and salted ones) and report the mean scores")
          ->check(CLI::Range(1, 1000));
      app.add_option("--split-threshold", opts->cluster.split_threshold, "Halves less similar than this are split");
      app.add_option("--split-silhouette", opts->cluster.split_silhouette,
                     "Mean silhouette at which a story is cut in two (0: never)");
      app.add_option("--split-seeds", opts->cluster.split_seeds, "Seedings of the 2-means tried per cut");
      app.add_option("--split-rounds", opts->cluster.split_rounds, "How many times a story may be cut");
      app.add_option("--split-silhouette-again", opts->cluster.split_silhouette_again,
                     "Mean silhouette at which a part of a cut is cut again (0: as --split-silhouette)");
      app.add_option("--split-unrelated", opts->cluster.split_unrelated,
                     "Mean silhouette of a cut at or above which its parts are cut again at --split-silhouette (0: never)");
      app.add_option("--absorb-threshold", opts->cluster.absorb_threshold,
                     "Similarity at which a story of fewer than 4 articles joins a larger one (0: never)");
      app.add_option("--absorb-articles", opts->cluster.absorb_articles,
                     "The most articles of a story that joins a larger one (--absorb-threshold)");
      app.add_option("--title-weight", opts->cluster.title_weight, "Weight of title words");
      app.add_option("--year-conflict", opts->cluster.year_conflict,
                     "1: the reassignment keeps an article out of a story whose other articles name only other years; 0: off");
      return [opts] { return Run(*opts); };
    });

}  // namespace
