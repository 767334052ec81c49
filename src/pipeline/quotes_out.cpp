#include "pipeline/quotes_out.h"

#include <simdjson.h>

#include <algorithm>
#include <numeric>

#include "core/hash.h"
#include "core/json_writer.h"
#include "store/output.h"

namespace sitrep::pipeline {
namespace {

// Both take the lookup's result, not an element: turning a failed lookup (a
// key the line lacks) into an element throws, and a line of another
// version of the contract must not end the run.
std::string_view Str(simdjson::simdjson_result<simdjson::dom::element> e) {
  std::string_view v;
  if (e.get_string().get(v)) return {};
  return v;
}

std::uint64_t Num(simdjson::simdjson_result<simdjson::dom::element> e) {
  std::uint64_t v = 0;
  if (e.get_uint64().get(v)) return 0;
  return v;
}

void RawOrNull(JsonWriter& w, simdjson::simdjson_result<simdjson::dom::element> e) {
  simdjson::dom::element v;
  if (e.get(v)) w.Null(); else w.Raw(simdjson::minify(v));
}

void OptString(JsonWriter& w, std::string_view v) {
  if (v.empty()) w.Null(); else w.String(v);
}

}  // namespace

QuotesOut::QuotesOut(const std::vector<resolve::Resolver::Entity>& entities) {
  names_.reserve(entities.size());
  for (const auto& e : entities) names_.emplace(e.id, e.name);
}

Status QuotesOut::AddArticle(std::string_view line) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(line);
  simdjson::dom::object article;
  if (parser.parse(padded).get_object().get(article)) return Status(Code::kCorrupt, "not a JSON object");
  std::string_view article_id = Str(article["id"]);
  simdjson::dom::array quotes;
  if (article["quotes"].get_array().get(quotes)) return Status::Ok();  // skipped articles, older output
  std::uint32_t article_index = articles_++;
  for (simdjson::dom::element q : quotes) {
    std::uint64_t start = Num(q["start"]), end = Num(q["end"]);
    Record r;
    r.id = MakeId('q', std::string(article_id) + ":" + std::to_string(start) + ":" + std::to_string(end));
    JsonWriter w(r.json);
    w.BeginObject();
    w.Key("id");
    w.String(r.id);
    w.Key("article");
    w.String(article_id);
    w.Key("start");
    w.UInt(start);
    w.Key("end");
    w.UInt(end);
    w.Key("text");
    std::string_view text = Str(q["text"]);
    w.String(text);
    w.Key("kind");
    w.String(Str(q["kind"]));
    // Kept as the lookup's result: a line without a speaker then reads as
    // one without a name rather than throwing.
    const simdjson::simdjson_result<simdjson::dom::element> sp = q["speaker"];
    std::string_view entity = Str(sp["entity"]);
    w.Key("speaker");
    w.BeginObject();
    w.Key("entity");
    OptString(w, entity);
    std::string_view as_written = Str(sp["name"]);
    auto canonical = entity.empty() ? names_.end() : names_.find(entity);
    w.Key("name");
    OptString(w, canonical != names_.end() ? canonical->second : as_written);
    w.Key("as_written");
    OptString(w, as_written);
    w.Key("description");
    OptString(w, Str(sp["description"]));
    w.Key("span");
    RawOrNull(w, sp["span"]);
    w.Key("from");
    OptString(w, Str(sp["from"]));
    w.EndObject();
    w.Key("cue");
    OptString(w, Str(q["cue"]));
    w.Key("cue_span");
    RawOrNull(w, q["cue_span"]);
    w.Key("parts");
    RawOrNull(w, q["parts"]);
    w.Key("content");
    RawOrNull(w, q["content"]);
    // same_as and the closing brace come in Write().
    linker_.Add(text, article_index, entity);
    records_.push_back(std::move(r));
  }
  return Status::Ok();
}

Status QuotesOut::Write(const std::string& path) {
  std::vector<std::vector<std::uint32_t>> same = linker_.Finish();
  std::vector<std::uint32_t> order(records_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return records_[x].id < records_[y].id; });
  store::OutputFile out;
  if (Status s = out.Open(path); !s.ok()) return s;
  std::string line;
  std::vector<std::string_view> ids;
  for (std::uint32_t i : order) {
    line = records_[i].json;
    line += ",\"same_as\":[";
    ids.clear();
    for (std::uint32_t j : same[i]) ids.push_back(records_[j].id);
    std::sort(ids.begin(), ids.end());
    for (std::size_t k = 0; k < ids.size(); ++k) {
      if (k) line += ',';
      line += '"';
      line += ids[k];
      line += '"';
    }
    line += "]}\n";
    if (Status s = out.Write(line); !s.ok()) return s;  // OutputFile buffers
  }
  return out.Commit();
}

}  // namespace sitrep::pipeline
