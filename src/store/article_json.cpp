#include "store/article_json.h"

#include "core/json_writer.h"
#include "core/utf8.h"

namespace sitrep::store {

void AppendArticleJson(const Article& a, std::string* out) {
  JsonWriter w(*out);
  utf8::OffsetMap map(a.text);
  auto cp = [&](std::uint32_t b) { return static_cast<std::uint64_t>(map.ToCodePoints(b)); };
  auto span_text = [&](std::uint32_t b, std::uint32_t e) {
    return std::string_view(a.text).substr(b, e - b);
  };
  w.BeginObject();
  w.Key("id");
  w.String(a.id);
  w.Key("source");
  w.String(a.source);
  w.Key("status");
  w.String(a.ok() ? "ok" : "skipped");
  w.Key("reason");
  if (a.ok()) w.Null(); else w.String(a.reason);
  w.Key("outlet");
  w.OptString(a.outlet);
  w.Key("published");
  w.OptString(a.published);
  w.Key("published_from");
  if (a.published_from.empty()) w.Null(); else w.String(a.published_from);
  w.Key("title");
  w.OptString(a.title);
  w.Key("author");
  w.OptString(a.author);
  w.Key("url");
  w.OptString(a.url);
  w.Key("language");
  if (a.ok()) w.String(a.language); else w.Null();
  w.Key("translated_from");
  w.OptString(a.translated_from);
  w.Key("text");
  w.String(a.text);
  w.Key("removed");
  w.BeginArray();
  for (const Removed& r : a.removed) {
    w.BeginObject();
    w.Key("text");
    w.String(r.text);
    w.Key("why");
    w.String(r.why);
    w.EndObject();
  }
  w.EndArray();
  w.Key("sentences");
  w.BeginArray();
  for (const Sentence& s : a.sentences) {
    w.BeginArray();
    w.UInt(cp(s.begin));
    w.UInt(cp(s.end));
    w.EndArray();
  }
  w.EndArray();
  w.Key("mentions");
  w.BeginArray();
  for (const Mention& m : a.mentions) {
    w.BeginObject();
    w.Key("start");
    w.UInt(cp(m.begin));
    w.Key("end");
    w.UInt(cp(m.end));
    w.Key("text");
    w.String(span_text(m.begin, m.end));
    w.Key("type");
    w.String(m.type);
    w.Key("entity");
    if (m.entity.empty()) w.Null(); else w.String(m.entity);
    w.EndObject();
  }
  w.EndArray();
  w.Key("times");
  w.BeginArray();
  for (const TimeExpr& t : a.times) {
    w.BeginObject();
    w.Key("start");
    w.UInt(cp(t.begin));
    w.Key("end");
    w.UInt(cp(t.end));
    w.Key("text");
    w.String(span_text(t.begin, t.end));
    w.Key("type");
    w.String(t.type);
    w.Key("value");
    w.OptString(t.value);
    w.EndObject();
  }
  w.EndArray();
  w.Key("inconsistencies");
  w.BeginArray();
  for (const Inconsistency& x : a.inconsistencies) {
    w.BeginObject();
    w.Key("start");
    w.UInt(cp(x.begin));
    w.Key("end");
    w.UInt(cp(x.end));
    w.Key("text");
    w.String(span_text(x.begin, x.end));
    w.Key("kind");
    w.String(x.kind);
    w.Key("detail");
    w.String(x.detail);
    w.EndObject();
  }
  w.EndArray();
  w.Key("token_count");
  w.UInt(a.tokens.size());
  w.Key("warnings");
  w.BeginArray();
  for (const std::string& s : a.warnings) w.String(s);
  w.EndArray();
  w.EndObject();
}

}  // namespace sitrep::store
