#include "pipeline/analyze.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "clean/clean.h"
#include "entities/entities.h"
#include "events/merge.h"
#include "gazetteer/gazetteer.h"
#include "resolve/resolve.h"
#include "core/json_writer.h"
#include "ingest/decode.h"
#include "pipeline/entities_out.h"
#include "pipeline/quotes_out.h"
#include "pipeline/pipeline.h"
#include "store/article_json.h"
#include "store/database.h"
#include "store/output.h"
#include "stories/stories.h"
#include "text/text.h"

namespace sitrep::pipeline {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

int DefaultJobs(int jobs) {
  if (jobs > 0) return jobs;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

// Where one article's JSON line sits in the spill file: 32 bytes an
// article, so a million articles cost 32 MB to sort. Article ids are "a"
// and 16 hex digits; as a number the hex part sorts as the string does.
struct IndexEntry {
  std::uint64_t key;
  std::uint64_t seq;
  std::uint64_t offset;
  std::uint32_t length;
  std::uint32_t slot;  // where the article's local entities wait for the merge
};


std::uint64_t IdKey(const std::string& id) {
  std::uint64_t v = 0;
  for (std::size_t i = 1; i < id.size() && i <= 16; ++i) {
    char c = id[i];
    v = (v << 4) | static_cast<std::uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  return v;
}

struct InputCount {
  std::uint64_t ok = 0, skipped = 0;
};

struct Totals {
  std::uint64_t ok = 0, skipped = 0, removed = 0, sentences = 0, tokens = 0, input_bytes = 0, text_bytes = 0;
  std::uint64_t mentions = 0, entities = 0, quotes = 0, events = 0, stories = 0;
  std::map<std::string, std::uint64_t> reasons;
  std::vector<InputCount> per_input;
  std::vector<double> stage_seconds;
  std::vector<std::string> first_skips;  // for the summary

  void Add(const Article& a, std::size_t input_index) {
    if (per_input.size() <= input_index) per_input.resize(input_index + 1);
    input_bytes += a.input_bytes;
    mentions += a.mentions.size();
    if (a.ok()) {
      ++ok;
      ++per_input[input_index].ok;
      removed += a.removed.size();
      sentences += a.sentences.size();
      tokens += a.tokens.size();
      text_bytes += a.text.size();
    } else {
      ++skipped;
      ++per_input[input_index].skipped;
      // Group reasons by their first clause so "line too long: 12 MB" and
      // "line too long: 40 MB" count together.
      std::string key = a.reason.substr(0, a.reason.find(':'));
      key = key.substr(0, key.find(" at "));
      ++reasons[key];
      if (first_skips.size() < 10) first_skips.push_back(a.source + ": " + a.reason);
    }
  }
};

std::string Iso8601Now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string ManifestJson(const AnalyzeOptions& opt, const Totals& t, std::size_t articles_written,
                         const std::vector<std::string>& stage_names, const std::map<std::string, double>& phases,
                         int jobs, const std::string& started) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("schema_version");
  w.String("1");
  w.Key("sitrep_version");
  w.String(SITREP_VERSION);
  w.Key("inputs");
  w.BeginArray();
  for (std::size_t i = 0; i < opt.inputs.size(); ++i) {
    InputCount c = i < t.per_input.size() ? t.per_input[i] : InputCount{};
    w.BeginObject();
    w.Key("path");
    w.String(opt.inputs[i]);
    w.Key("ok");
    w.UInt(c.ok);
    w.Key("skipped");
    w.UInt(c.skipped);
    w.EndObject();
  }
  w.EndArray();
  w.Key("counts");
  w.BeginObject();
  w.Key("articles");
  w.UInt(articles_written);
  w.Key("ok");
  w.UInt(t.ok);
  w.Key("skipped");
  w.UInt(t.skipped);
  w.Key("skipped_by_reason");
  w.BeginObject();
  for (const auto& [reason, n] : t.reasons) {
    w.Key(reason);
    w.UInt(n);
  }
  w.EndObject();
  w.Key("removed_lines");
  w.UInt(t.removed);
  w.Key("sentences");
  w.UInt(t.sentences);
  w.Key("tokens");
  w.UInt(t.tokens);
  w.Key("input_bytes");
  w.UInt(t.input_bytes);
  w.Key("mentions");
  w.UInt(t.mentions);
  w.Key("entities");
  w.UInt(t.entities);
  w.Key("quotes");
  w.UInt(t.quotes);
  w.Key("events");
  w.UInt(t.events);
  w.Key("stories");
  w.UInt(t.stories);
  w.EndObject();
  w.Key("files");
  w.BeginObject();
  for (const char* f : {"articles", "entities", "quotes", "events", "stories"}) {
    w.Key(f);
    w.String(std::string(f) + ".jsonl");
  }
  w.Key("database");
  if (opt.db) w.String("sitrep.db"); else w.Null();
  w.EndObject();
  w.Key("stages");
  w.BeginArray();
  for (const auto& s : stage_names) w.String(s);
  w.EndArray();
  // Everything below varies between runs; everything above does not.
  w.Key("timings");
  w.BeginObject();
  w.Key("started_at");
  w.String(started);
  w.Key("jobs");
  w.Int(jobs);
  for (const auto& [phase, secs] : phases) {
    w.Key(phase + "_seconds");
    w.Double(secs, 3);
  }
  w.Key("stage_cpu_seconds");
  w.BeginObject();
  for (std::size_t i = 0; i < stage_names.size() && i < t.stage_seconds.size(); ++i) {
    w.Key(stage_names[i]);
    w.Double(t.stage_seconds[i], 3);
  }
  w.EndObject();
  w.EndObject();
  w.EndObject();
  out.push_back('\n');
  return out;
}

// Reads length bytes at offset from fd.
bool ReadAt(int fd, std::uint64_t offset, std::uint32_t length, std::string* out) {
  out->resize(length);
  std::size_t got = 0;
  while (got < length) {
    ssize_t r = ::pread(fd, out->data() + got, length - got, static_cast<off_t>(offset + got));
    if (r <= 0) return false;
    got += static_cast<std::size_t>(r);
  }
  return true;
}

int OutputFailure(const Status& s) {
  std::fprintf(stderr, "sitrep: %s\n", s.message().c_str());
  return 2;
}

}  // namespace

int RunAnalyze(const AnalyzeOptions& opt) {
  auto t_start = Clock::now();
  std::string started = Iso8601Now();
  const int jobs = DefaultJobs(opt.jobs);
  const bool show_progress = opt.progress && !opt.quiet && isatty(2);

  if (Status s = store::PrepareOutputDir(opt.out_dir, opt.force); !s.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", s.message().c_str());
    return s.code() == Code::kInvalidInput ? 1 : 2;
  }
  const std::string dir = opt.out_dir;
  ingest::IngestOptions iopt;
  iopt.max_record_bytes = opt.max_article_bytes;
  std::map<std::string, double> phases;

  // Pass 1: lines each outlet repeats across its articles. Needs a second
  // read, so it is skipped when an input is stdin.
  std::shared_ptr<clean::RepeatedLines> repeated;
  if (opt.repeat_scan) {
    auto t = Clock::now();
    ingest::Reader reader(opt.inputs, iopt);
    if (reader.rereadable()) {
      std::mutex mu;
      std::vector<std::shared_ptr<clean::RepeatedLines>> parts;
      Progress progress;
      ProgressPrinter printer(show_progress, reader, progress, "scanning");
      RunParallel(reader, jobs, [&]() -> Worker {
        auto mine = std::make_shared<clean::RepeatedLines>();
        {
          std::lock_guard<std::mutex> lock(mu);
          parts.push_back(mine);
        }
        return [mine, &progress](std::uint64_t, ingest::RawDoc&& doc) {
          Article a = ingest::Decode(std::move(doc));
          ++progress.articles;
          if (!a.ok()) return true;
          std::string outlet = a.outlet ? *a.outlet : clean::OutletFromText(a.text);
          mine->AddArticle(outlet, a.text);
          return true;
        };
      });
      repeated = std::make_shared<clean::RepeatedLines>();
      for (const auto& p : parts) repeated->Merge(*p);
    }
    phases["scan"] = Since(t);
  }

  // Pass 2: the per-article pipeline, in parallel; lines go to a spill
  // file in completion order and are sorted by id afterwards.
  auto t_articles = Clock::now();
  ArticlePipeline pipeline = ArticlePipeline::Standard(repeated);
  const std::string spill_path = dir + "/.sitrep-spill.partial";
  int spill_fd = ::open(spill_path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (spill_fd < 0) return OutputFailure(Status(Code::kIoError, "cannot create " + spill_path + ": " + std::strerror(errno)));
  ::unlink(spill_path.c_str());  // removed by the system however the run ends
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } spill_closer{spill_fd};

  std::mutex sink_mu;
  std::vector<IndexEntry> index;
  std::vector<std::vector<LocalEntity>> locals;
  std::vector<bool> translated;  // per slot: the article is a translation
  std::set<std::string> outlet_names;  // the articles' outlets, for the entity merge
  std::uint64_t spill_offset = 0;
  Status sink_status;
  Totals totals;
  totals.stage_seconds.assign(pipeline.StageNames().size(), 0.0);
  Progress progress;
  {
    ingest::Reader reader(opt.inputs, iopt);
    ProgressPrinter printer(show_progress, reader, progress, "analysing");
    RunParallel(reader, jobs, [&]() -> Worker {
      auto scratch = std::make_shared<ArticlePipeline::Scratch>(pipeline.NewScratch());
      auto line = std::make_shared<std::string>();
      return [&, scratch, line](std::uint64_t seq, ingest::RawDoc&& doc) {
        std::size_t input_index = doc.input_index;
        Article a = pipeline.Run(std::move(doc), *scratch);
        line->clear();
        store::AppendArticleJson(a, line.get());
        line->push_back('\n');
        std::lock_guard<std::mutex> lock(sink_mu);
        if (!sink_status.ok()) return false;
        std::size_t done = 0;
        while (done < line->size()) {
          ssize_t w = ::write(spill_fd, line->data() + done, line->size() - done);
          if (w < 0 && errno == EINTR) continue;
          if (w <= 0) {
            sink_status = Status(Code::kIoError, "cannot write to output folder " + dir + ": " +
                                                     std::strerror(w < 0 ? errno : ENOSPC));
            return false;
          }
          done += static_cast<std::size_t>(w);
        }
        index.push_back({IdKey(a.id), seq, spill_offset, static_cast<std::uint32_t>(line->size()),
                         static_cast<std::uint32_t>(locals.size())});
        locals.push_back(std::move(a.local_entities));
        translated.push_back(a.translated_from.has_value());
        if (a.outlet && !a.outlet->empty()) outlet_names.insert(*a.outlet);
        spill_offset += line->size();
        totals.Add(a, input_index);
        ++progress.articles;
        if (!a.ok()) ++progress.skipped;
        // Fold this thread's stage timings in as we go.
        for (std::size_t i = 0; i < scratch->seconds.size() && i < totals.stage_seconds.size(); ++i) {
          totals.stage_seconds[i] += scratch->seconds[i];
          scratch->seconds[i] = 0;
        }
        return true;
      };
    });
  }
  if (!sink_status.ok()) return OutputFailure(sink_status);
  phases["articles"] = Since(t_articles);

  // Sorted by id; identical records (the same bytes twice) get "-2", "-3"
  // in input order so every id is unique.
  auto t_write = Clock::now();
  std::sort(index.begin(), index.end(), [](const IndexEntry& x, const IndexEntry& y) {
    return x.key != y.key ? x.key < y.key : x.seq < y.seq;
  });
  // The line starts with {"id":"a<16 hex digits>"; a duplicate's suffix
  // goes right after it.
  constexpr std::size_t kIdEnd = 7 + 17;
  auto duplicate_suffix = [&](std::size_t i) {
    std::size_t dup = 1;
    for (std::size_t k = i; k > 0 && index[k - 1].key == index[i].key; --k) ++dup;
    // Formatted in a buffer: string concatenation here trips a false
    // -Wrestrict in GCC 12.
    char buf[24] = "";
    if (dup > 1) std::snprintf(buf, sizeof buf, "-%zu", dup);
    return std::string(buf);
  };

  // Cross-article entity merge, in article-id order so ids and names never
  // depend on thread timing.
  auto t_merge = Clock::now();
  std::vector<std::vector<std::uint32_t>> assignment;
  std::vector<resolve::Resolver::Entity> merged;
  {
    resolve::Resolver resolver(entities::MergeOptionsFor(gazetteer::Gazetteer::Default()));
    std::string line;
    for (std::size_t i = 0; i < index.size(); ++i) {
      if (!ReadAt(spill_fd, index[i].offset, std::min<std::uint32_t>(index[i].length, kIdEnd), &line)) {
        return OutputFailure(Status(Code::kIoError, "cannot read back the spill file in " + dir));
      }
      std::string id = line.size() >= kIdEnd ? line.substr(7, 17) : std::string();
      id += duplicate_suffix(i);
      resolver.Add(id, locals[index[i].slot], translated[index[i].slot]);
      std::vector<LocalEntity>().swap(locals[index[i].slot]);
    }
    for (const std::string& outlet : outlet_names) resolver.AddOutlet(outlet);
    merged = resolver.Finish(&assignment);
    totals.entities = merged.size();
  }
  phases["merge"] = Since(t_merge);

  QuotesOut quotes_out(merged);
  // Per-article events, read back from the final lines (entity ids filled)
  // exactly as `sitrep merge` reads them, for the cross-article event merge.
  std::vector<events::EventRecord> event_records;
  stories::StoryBuilder story_builder;
  {
    store::OutputFile out;
    if (Status s = out.Open(dir + "/articles.jsonl"); !s.ok()) return OutputFailure(s);
    std::string buf, line;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < index.size(); ++i) {
      if (!ReadAt(spill_fd, index[i].offset, index[i].length, &line)) {
        return OutputFailure(Status(Code::kIoError, "cannot read back the spill file in " + dir));
      }
      std::string suffix = duplicate_suffix(i);
      if (!suffix.empty()) line.insert(kIdEnd, suffix);
      ids.clear();
      for (std::uint32_t e : assignment[i]) ids.push_back(merged[e].id);
      store::FillMentionEntities(line, ids);
      if (Status s = quotes_out.AddArticle(line); !s.ok()) {
        return OutputFailure(Status(s.code(), "reading back an article line in " + dir + ": " + s.message()));
      }
      events::AppendEventRecords(line, &event_records);
      if (Status s = story_builder.AddArticle(line); !s.ok()) {
        return OutputFailure(Status(s.code(), "reading back an article line in " + dir + ": " + s.message()));
      }
      buf += line;
      if (buf.size() > (1 << 20)) {
        if (Status s = out.Write(buf); !s.ok()) return OutputFailure(s);
        buf.clear();
      }
    }
    if (Status s = out.Write(buf); !s.ok()) return OutputFailure(s);
    if (Status s = out.Commit(); !s.ok()) return OutputFailure(s);
  }
  if (Status s = WriteEntitiesFile(dir + "/entities.jsonl", merged); !s.ok()) return OutputFailure(s);
  if (Status s = quotes_out.Write(dir + "/quotes.jsonl"); !s.ok()) return OutputFailure(s);
  totals.quotes = quotes_out.count();
  {
    std::vector<events::MergedEvent> merged_events = events::MergeEvents(event_records);
    events::FillActorCodes(EntityCodes(merged), &merged_events);
    totals.events = merged_events.size();
    if (Status s = events::WriteEventsFile(dir + "/events.jsonl", merged_events); !s.ok()) return OutputFailure(s);
    // Stories last: they use the merged events and the written quotes.
    Result<std::size_t> built = story_builder.BuildTo(merged_events, dir + "/quotes.jsonl", dir + "/stories.jsonl");
    if (!built.ok()) return OutputFailure(built.status());
    totals.stories = *built;
  }
  phases["write"] = Since(t_write);

  if (opt.db) {
    auto t = Clock::now();
    if (Status s = store::BuildDatabase(dir); !s.ok()) return OutputFailure(s);
    phases["database"] = Since(t);
  } else {
    std::filesystem::remove(dir + "/sitrep.db");
  }
  phases["total"] = Since(t_start);
  std::string manifest =
      ManifestJson(opt, totals, index.size(), pipeline.StageNames(), phases, jobs, started);
  if (Status s = store::WriteFile(dir + "/manifest.json", manifest); !s.ok()) return OutputFailure(s);

  // The summary is printed even with --quiet: it is the run's result.
  double secs = phases["total"];
  std::fprintf(stderr, "sitrep: wrote %s/articles.jsonl%s and manifest.json\n", dir.c_str(),
               opt.db ? ", sitrep.db" : "");
  std::fprintf(stderr,
               "sitrep: %llu articles: %llu ok, %llu skipped; %llu sentences, %llu tokens, %llu lines "
               "removed; %.1f MB in %.2f s (%.1f MB/s, %d jobs)\n",
               static_cast<unsigned long long>(index.size()), static_cast<unsigned long long>(totals.ok),
               static_cast<unsigned long long>(totals.skipped), static_cast<unsigned long long>(totals.sentences),
               static_cast<unsigned long long>(totals.tokens), static_cast<unsigned long long>(totals.removed),
               static_cast<double>(totals.input_bytes) / 1e6, secs,
               secs > 0 ? static_cast<double>(totals.input_bytes) / 1e6 / secs : 0.0, jobs);
  std::fprintf(stderr, "sitrep: %llu mentions of %llu people, organisations, places and other names; %llu quotes\n",
               static_cast<unsigned long long>(totals.mentions), static_cast<unsigned long long>(totals.entities),
               static_cast<unsigned long long>(totals.quotes));
  std::fprintf(stderr, "sitrep: %llu CAMEO events, %llu stories\n", static_cast<unsigned long long>(totals.events),
               static_cast<unsigned long long>(totals.stories));
  for (const std::string& s : totals.first_skips) std::fprintf(stderr, "sitrep: skipped %s\n", s.c_str());
  if (totals.skipped > totals.first_skips.size()) {
    std::fprintf(stderr, "sitrep: ... and %llu more skipped; see articles.jsonl (status \"skipped\")\n",
                 static_cast<unsigned long long>(totals.skipped - totals.first_skips.size()));
  }
  return 0;
}

int RunProcess(const ProcessOptions& opt) {
  std::vector<std::string> inputs = opt.inputs.empty() ? std::vector<std::string>{"-"} : opt.inputs;
  ingest::IngestOptions iopt;
  iopt.max_record_bytes = opt.max_article_bytes;
  ingest::Reader reader(inputs, iopt);
  ArticlePipeline pipeline = ArticlePipeline::Standard(nullptr);
  // Lines come back out of order; a reorder buffer restores input order.
  std::mutex mu;
  std::map<std::uint64_t, std::string> pending;
  std::uint64_t next = 0;
  bool failed = false;
  RunParallel(reader, DefaultJobs(opt.jobs), [&]() -> Worker {
    auto scratch = std::make_shared<ArticlePipeline::Scratch>(pipeline.NewScratch());
    return [&, scratch](std::uint64_t seq, ingest::RawDoc&& doc) {
      Article a = pipeline.Run(std::move(doc), *scratch);
      std::string line;
      store::AppendArticleJson(a, &line);
      line.push_back('\n');
      std::lock_guard<std::mutex> lock(mu);
      if (failed) return false;
      pending.emplace(seq, std::move(line));
      while (!pending.empty() && pending.begin()->first == next) {
        const std::string& l = pending.begin()->second;
        if (std::fwrite(l.data(), 1, l.size(), stdout) != l.size()) {
          failed = true;
          return false;
        }
        pending.erase(pending.begin());
        ++next;
      }
      return true;
    };
  });
  if (failed || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "sitrep: cannot write to standard output: %s\n", std::strerror(errno));
    return 2;
  }
  return 0;
}

}  // namespace sitrep::pipeline
