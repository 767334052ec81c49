#include "pipeline/merge.h"

#include <simdjson.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "entities/entities.h"
#include "events/merge.h"
#include "gazetteer/gazetteer.h"
#include "pipeline/entities_out.h"
#include "pipeline/quotes_out.h"
#include "resolve/resolve.h"
#include "store/article_json.h"
#include "store/database.h"
#include "store/output.h"
#include "stories/stories.h"

namespace sitrep::pipeline {
namespace {

std::string StringOr(simdjson::dom::object o, const char* key) {
  std::string_view v;
  if (o[key].get_string().get(v)) return {};
  return std::string(v);
}

std::vector<std::string> Strings(simdjson::dom::object o, const char* key) {
  std::vector<std::string> out;
  simdjson::dom::array arr;
  if (o[key].get_array().get(arr)) return out;
  for (simdjson::dom::element e : arr) {
    std::string_view v;
    if (!e.get_string().get(v)) out.emplace_back(v);
  }
  return out;
}

// The article's local entities, as AppendArticleJson wrote them.
std::vector<LocalEntity> LocalEntities(simdjson::dom::object article) {
  std::vector<LocalEntity> out;
  simdjson::dom::array arr;
  if (article["local_entities"].get_array().get(arr)) return out;
  for (simdjson::dom::element e : arr) {
    simdjson::dom::object o;
    if (e.get_object().get(o)) continue;
    LocalEntity le;
    le.name = StringOr(o, "name");
    le.type = StringOr(o, "type");
    le.aliases = Strings(o, "aliases");
    le.roles = Strings(o, "roles");
    le.country = StringOr(o, "country");
    le.actor_code = StringOr(o, "actor_code");
    bool home = false;
    if (!o["country_from_article"].get_bool().get(home)) le.country_from_article = home;
    std::uint64_t n = 0;
    if (!o["mention_count"].get_uint64().get(n)) le.mention_count = static_cast<std::uint32_t>(n);
    out.push_back(std::move(le));
  }
  return out;
}

int Fail(const Status& s) {
  std::fprintf(stderr, "sitrep: %s\n", s.message().c_str());
  return 2;
}

}  // namespace

int RunMerge(const MergeCommandOptions& opt) {
  for (const auto& in : opt.inputs) {
    std::ifstream f(in, std::ios::binary);
    if (!f) {
      std::fprintf(stderr, "sitrep: cannot read %s\n", in.c_str());
      return 1;
    }
  }
  if (Status s = store::PrepareOutputDir(opt.out_dir, opt.force); !s.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", s.message().c_str());
    return s.code() == Code::kInvalidInput ? 1 : 2;
  }
  // Pass 1: every article's local entities into the resolver. A line that
  // is not an article is reported with its file and line and left out.
  resolve::Resolver resolver(entities::MergeOptionsFor(gazetteer::Gazetteer::Default()));
  std::vector<std::int64_t> added;  // per input line: its Add() number, or -1
  std::uint64_t bad = 0, articles = 0;
  simdjson::dom::parser parser;
  std::string line;
  for (const auto& in : opt.inputs) {
    std::ifstream f(in, std::ios::binary);
    std::size_t no = 0;
    while (std::getline(f, line)) {
      ++no;
      simdjson::dom::object o;
      std::string_view id;
      if (line.empty() || parser.parse(line).get_object().get(o) || o["id"].get_string().get(id)) {
        added.push_back(-1);
        if (!line.empty()) {
          ++bad;
          std::fprintf(stderr, "sitrep: %s:%zu: not an article line of sitrep process; left out\n", in.c_str(), no);
        }
        continue;
      }
      added.push_back(static_cast<std::int64_t>(articles));
      std::string_view from;
      resolver.Add(id, LocalEntities(o), !o["translated_from"].get_string().get(from) && !from.empty());
      std::string_view outlet;
      if (!o["outlet"].get_string().get(outlet) && !outlet.empty()) resolver.AddOutlet(outlet);
      ++articles;
    }
  }
  std::vector<std::vector<std::uint32_t>> assignment;
  std::vector<resolve::Resolver::Entity> merged = resolver.Finish(&assignment);

  // Pass 2: the same lines with each mention's entity filled in; their
  // quotes and per-article events feed the quote and event merges, as in
  // analyze.
  QuotesOut quotes_out(merged);
  std::vector<events::EventRecord> event_records;
  stories::StoryBuilder story_builder;
  {
    store::OutputFile out;
    if (Status s = out.Open(opt.out_dir + "/articles.jsonl"); !s.ok()) return Fail(s);
    std::string buf;
    std::vector<std::string> ids;
    std::size_t k = 0;
    for (const auto& in : opt.inputs) {
      std::ifstream f(in, std::ios::binary);
      while (std::getline(f, line)) {
        const std::int64_t a = k < added.size() ? added[k] : -1;
        ++k;
        if (a < 0) continue;
        ids.clear();
        for (std::uint32_t e : assignment[static_cast<std::size_t>(a)]) ids.push_back(merged[e].id);
        store::FillMentionEntities(line, ids);
        if (Status s = quotes_out.AddArticle(line); !s.ok()) return Fail(Status(s.code(), in + ": " + s.message()));
        events::AppendEventRecords(line, &event_records);
        if (Status s = story_builder.AddArticle(line); !s.ok()) return Fail(Status(s.code(), in + ": " + s.message()));
        buf += line;
        buf.push_back('\n');
        if (buf.size() > (1 << 20)) {
          if (Status s = out.Write(buf); !s.ok()) return Fail(s);
          buf.clear();
        }
      }
    }
    if (Status s = out.Write(buf); !s.ok()) return Fail(s);
    if (Status s = out.Commit(); !s.ok()) return Fail(s);
  }
  if (Status s = WriteEntitiesFile(opt.out_dir + "/entities.jsonl", merged); !s.ok()) return Fail(s);
  if (Status s = quotes_out.Write(opt.out_dir + "/quotes.jsonl"); !s.ok()) return Fail(s);
  std::vector<events::MergedEvent> merged_events = events::MergeEvents(event_records);
  events::FillActorCodes(EntityCodes(merged), &merged_events);
  if (Status s = events::WriteEventsFile(opt.out_dir + "/events.jsonl", merged_events); !s.ok()) return Fail(s);
  Result<std::size_t> built =
      story_builder.BuildTo(merged_events, opt.out_dir + "/quotes.jsonl", opt.out_dir + "/stories.jsonl");
  if (!built.ok()) return Fail(built.status());
  if (opt.db) {
    if (Status s = store::BuildDatabase(opt.out_dir); !s.ok()) return Fail(s);
  }
  std::fprintf(stderr, "sitrep: merged %llu articles into %llu entities, %llu events and %llu stories; wrote %s/articles.jsonl, entities.jsonl, quotes.jsonl, events.jsonl%s\n",
               static_cast<unsigned long long>(articles), static_cast<unsigned long long>(merged.size()),
               static_cast<unsigned long long>(merged_events.size()), static_cast<unsigned long long>(*built),
               opt.out_dir.c_str(), opt.db ? ", sitrep.db" : "");
  return bad ? 1 : 0;
}

}  // namespace sitrep::pipeline
