#include "report/load.h"

#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <system_error>

namespace sitrep::report {
namespace {

using simdjson::dom::element;

std::string Str(simdjson::simdjson_result<element> r) {
  std::string_view v;
  if (r.get_string().get(v)) return {};
  return std::string(v);
}

std::vector<std::string> Strings(simdjson::simdjson_result<element> r) {
  std::vector<std::string> out;
  simdjson::dom::array arr;
  if (r.get_array().get(arr)) return out;
  for (element e : arr) {
    std::string_view v;
    if (!e.get_string().get(v)) out.emplace_back(v);
  }
  return out;
}

double Number(simdjson::simdjson_result<element> r) {
  double d = 0;
  if (!r.get_double().get(d)) return d;
  std::int64_t i = 0;
  if (!r.get_int64().get(i)) return static_cast<double>(i);
  return 0;
}

bool Bool(simdjson::simdjson_result<element> r) {
  bool b = false;
  if (r.get_bool().get(b)) return false;
  return b;
}

// Calls fn(object) for every non-blank line of PATH. A missing file is
// empty unless `required`; a line that is not a JSON object stops the
// read with an error naming the file and line, because a report built
// from half a file would silently leave things out.
Status EachLine(const std::string& path, bool required, const std::function<void(element)>& fn) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    if (!required) return Status::Ok();
    return Status(Code::kNotFound, "cannot read " + path + ": no such file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, "cannot read " + path);
  simdjson::dom::parser parser;
  std::string line;
  std::uint64_t no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    element root;
    if (auto err = parser.parse(line).get(root); err) {
      return Status(Code::kInvalidInput,
                    path + ":" + std::to_string(no) + ": malformed JSON (" + simdjson::error_message(err) + ")");
    }
    if (!root.is_object()) {
      return Status(Code::kInvalidInput, path + ":" + std::to_string(no) + ": not a JSON object");
    }
    fn(root);
  }
  if (in.bad()) return Status(Code::kInvalidInput, "cannot read " + path + ": read error");
  return Status::Ok();
}

// Code points [start, end) of UTF-8 text; summaries of older outputs
// carry only offsets.
std::string CodePointSlice(std::string_view text, std::int64_t start, std::int64_t end) {
  std::int64_t cp = 0;
  std::size_t from = text.size(), to = text.size();
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (cp == start) from = i;
    if (cp == end) {
      to = i;
      break;
    }
    ++cp;
  }
  if (from >= to) return {};
  return std::string(text.substr(from, to - from));
}

ActorRef Actor(simdjson::simdjson_result<element> r) {
  ActorRef a;
  simdjson::dom::object o;
  if (r.get_object().get(o)) return a;
  a.present = true;
  a.entity = Str(o["entity"]);
  a.name = Str(o["name"]);
  a.actor_code = Str(o["actor_code"]);
  return a;
}

std::vector<Claim> Claims(simdjson::simdjson_result<element> r) {
  std::vector<Claim> out;
  simdjson::dom::array arr;
  if (r.get_array().get(arr)) return out;
  for (element e : arr) {
    Claim c;
    c.claim = Str(e["claim"]);
    c.kind = Str(e["kind"]);
    c.articles = Strings(e["articles"]);
    c.values = Strings(e["values"]);
    c.trend = Str(e["trend"]);
    c.disputed_on = Strings(e["disputed_on"]);
    bool compatible = false;
    c.compatible = !e["compatible"].get_bool().get(compatible) && compatible;
    simdjson::dom::array readings;
    if (!e["readings"].get_array().get(readings)) {
      for (element x : readings) {
        c.readings.push_back({Str(x["value"]), Strings(x["texts"]), Strings(x["articles"]), Strings(x["article_texts"]),
                              Str(x["first_reported"])});
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

// A summary sentence given only by its offsets, filled from its article.
struct PendingSlice {
  std::size_t story = 0, sentence = 0;
  std::int64_t start = 0, end = 0;
};

StoryRow ParseStory(element e, std::size_t index, std::multimap<std::string, PendingSlice>* pending) {
  StoryRow s;
  s.id = Str(e["id"]);
  s.title = Str(e["title"]);
  s.first_seen = Str(e["first_seen"]);
  s.last_seen = Str(e["last_seen"]);
  s.articles = Strings(e["articles"]);
  s.outlets = Strings(e["outlets"]);
  simdjson::dom::array arr;
  if (!e["timeline"].get_array().get(arr)) {
    for (element t : arr) {
      std::string id = Str(t["event"]);
      if (!id.empty()) s.events.push_back(std::move(id));
    }
  }
  if (!e["summary"].get_array().get(arr)) {
    for (element t : arr) {
      SummarySentence sent{Str(t["article"]), Str(t["text"])};
      if (sent.text.empty()) {
        std::int64_t a = 0, b = 0;
        if (!t["start"].get_int64().get(a) && !t["end"].get_int64().get(b)) {
          pending->emplace(sent.article, PendingSlice{index, s.summary.size(), a, b});
        }
      }
      s.summary.push_back(std::move(sent));
    }
  }
  s.agreements = Claims(e["agreements"]);
  s.disagreements = Claims(e["disagreements"]);
  if (!e["unique_by_outlet"].get_array().get(arr)) {
    for (element t : arr) {
      s.unique_by_outlet.push_back(
          {Str(t["outlet"]), Strings(t["entities"]), Strings(t["events"]), Strings(t["quotes"])});
    }
  }
  return s;
}

}  // namespace

Result<OutputFolder> LoadOutputFolder(const std::string& dir, const std::string& story_id) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status(Code::kNotFound, "cannot read " + dir + ": no such folder (give the --out folder of sitrep analyze)");
  }
  OutputFolder f;
  f.dir = dir;
  std::multimap<std::string, PendingSlice> pending;  // by article id
  Status s = EachLine(dir + "/stories.jsonl", true, [&](element e) {
    ++f.total_stories;
    if (!story_id.empty() && Str(e["id"]) != story_id) return;
    f.stories.push_back(ParseStory(e, f.stories.size(), &pending));
  });
  if (!s.ok()) return s;
  if (!story_id.empty() && f.stories.empty()) {
    return Status(Code::kNotFound, "no story with id '" + story_id + "' in " + dir + "/stories.jsonl");
  }

  std::set<std::string> article_ids, event_ids;
  for (const StoryRow& st : f.stories) {
    article_ids.insert(st.articles.begin(), st.articles.end());
    event_ids.insert(st.events.begin(), st.events.end());
  }

  s = EachLine(dir + "/articles.jsonl", false, [&](element e) {
    std::string id = Str(e["id"]);
    if (!article_ids.count(id)) return;
    ArticleRow a{id, Str(e["outlet"]), Str(e["published"]), Str(e["title"]), Str(e["url"])};
    auto [from, to] = pending.equal_range(id);
    std::string_view text;
    if (from != to && !e["text"].get_string().get(text)) {
      for (auto it = from; it != to; ++it) {
        const PendingSlice& p = it->second;
        f.stories[p.story].summary[p.sentence].text = CodePointSlice(text, p.start, p.end);
      }
    }
    f.articles.emplace(id, std::move(a));
  });
  if (!s.ok()) return s;

  s = EachLine(dir + "/events.jsonl", false, [&](element e) {
    std::string id = Str(e["id"]);
    if (!event_ids.count(id)) return;
    EventRow v;
    v.id = id;
    v.date = Str(e["date"]);
    v.cameo = Str(e["cameo"]);
    v.goldstein = Number(e["goldstein"]);
    v.quad_class = static_cast<int>(Number(e["quad_class"]));
    v.source = Actor(e["source"]);
    v.target = Actor(e["target"]);
    v.location = Str(e["location"]["name"]);
    v.negated = Bool(e["negated"]);
    v.attributed = Bool(e["attributed"]);
    simdjson::dom::array arr;
    if (!e["mentions"].get_array().get(arr)) {
      for (element m : arr) {
        std::string art = Str(m["article"]);
        bool seen = false;
        for (const auto& x : v.articles) seen = seen || x == art;
        if (!seen && !art.empty()) v.articles.push_back(std::move(art));
      }
    }
    f.events.emplace(id, std::move(v));
  });
  if (!s.ok()) return s;

  s = EachLine(dir + "/quotes.jsonl", false, [&](element e) {
    std::string article = Str(e["article"]);
    if (!article_ids.count(article)) return;
    QuoteRow q;
    q.id = Str(e["id"]);
    q.article = std::move(article);
    q.text = Str(e["text"]);
    q.kind = Str(e["kind"]);
    q.cue = Str(e["cue"]);
    q.speaker_entity = Str(e["speaker"]["entity"]);
    q.speaker_name = Str(e["speaker"]["name"]);
    q.speaker_description = Str(e["speaker"]["description"]);
    q.same_as = Strings(e["same_as"]);
    f.quotes.emplace(q.id, std::move(q));
  });
  if (!s.ok()) return s;

  s = EachLine(dir + "/entities.jsonl", false, [&](element e) {
    EntityRow n;
    n.articles = Strings(e["articles"]);
    bool used = false;
    for (const auto& a : n.articles) used = used || article_ids.count(a);
    if (!used) return;
    n.id = Str(e["id"]);
    n.name = Str(e["name"]);
    n.type = Str(e["type"]);
    n.country = Str(e["country"]);
    n.actor_code = Str(e["actor_code"]);
    n.roles = Strings(e["roles"]);
    std::int64_t count = 0;
    if (!e["mention_count"].get_int64().get(count)) n.mention_count = count;
    f.entities.emplace(n.id, std::move(n));
  });
  if (!s.ok()) return s;
  return f;
}

}  // namespace sitrep::report
