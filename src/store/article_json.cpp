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
  auto opt_str = [&](const std::string& v) {
    if (v.empty()) w.Null(); else w.String(v);
  };
  w.BeginObject();
  w.Key<"id">();
  w.String(a.id);
  w.Key<"source">();
  w.String(a.source);
  w.Key<"status">();
  w.String(a.ok() ? "ok" : "skipped");
  w.Key<"reason">();
  if (a.ok()) w.Null(); else w.String(a.reason);
  w.Key<"outlet">();
  w.OptString(a.outlet);
  w.Key<"published">();
  w.OptString(a.published);
  w.Key<"published_from">();
  if (a.published_from.empty()) w.Null(); else w.String(a.published_from);
  w.Key<"title">();
  w.OptString(a.title);
  w.Key<"author">();
  w.OptString(a.author);
  w.Key<"url">();
  w.OptString(a.url);
  w.Key<"language">();
  if (a.ok()) w.String(a.language); else w.Null();
  w.Key<"translated_from">();
  w.OptString(a.translated_from);
  w.Key<"text">();
  w.String(a.text);
  w.Key<"removed">();
  w.BeginArray();
  for (const Removed& r : a.removed) {
    w.BeginObject();
    w.Key<"text">();
    w.String(r.text);
    w.Key<"why">();
    w.String(r.why);
    w.EndObject();
  }
  w.EndArray();
  w.Key<"sentences">();
  w.BeginArray();
  for (const Sentence& s : a.sentences) w.UIntPair(cp(s.begin), cp(s.end));
  w.EndArray();
  w.Key<"mentions">();
  w.BeginArray();
  for (const Mention& m : a.mentions) {
    w.BeginObject();
    w.Key<"start">();
    w.UInt(cp(m.begin));
    w.Key<"end">();
    w.UInt(cp(m.end));
    w.Key<"text">();
    w.String(span_text(m.begin, m.end));
    w.Key<"type">();
    w.String(m.type);
    w.Key<"entity">();
    if (m.entity.empty()) w.Null(); else w.String(m.entity);
    // "local" must follow "entity" directly: FillMentionEntities relies on it.
    w.Key<"local">();
    if (m.local < 0) w.Null(); else w.UInt(static_cast<std::uint64_t>(m.local));
    w.Key<"role">();
    opt_str(m.role);
    w.Key<"country">();
    opt_str(m.country);
    w.Key<"actor_code">();
    opt_str(m.actor_code);
    w.Key<"country_from_article">();
    w.Bool(m.country_from_article);
    w.Key<"as_actor">();
    w.Bool(m.as_actor);
    w.Key<"nominal">();
    w.Bool(m.nominal);
    w.EndObject();
  }
  w.EndArray();
  w.Key<"local_entities">();
  w.BeginArray();
  for (const LocalEntity& e : a.local_entities) {
    w.BeginObject();
    w.Key<"name">();
    w.String(e.name);
    w.Key<"type">();
    w.String(e.type);
    w.Key<"aliases">();
    w.BeginArray();
    for (const auto& x : e.aliases) w.String(x);
    w.EndArray();
    w.Key<"roles">();
    w.BeginArray();
    for (const auto& x : e.roles) w.String(x);
    w.EndArray();
    w.Key<"country">();
    opt_str(e.country);
    w.Key<"actor_code">();
    opt_str(e.actor_code);
    w.Key<"country_from_article">();
    w.Bool(e.country_from_article);
    w.Key<"mention_count">();
    w.UInt(e.mention_count);
    w.EndObject();
  }
  w.EndArray();
  w.Key<"times">();
  w.BeginArray();
  for (const TimeExpr& t : a.times) {
    w.BeginObject();
    w.Key<"start">();
    w.UInt(cp(t.begin));
    w.Key<"end">();
    w.UInt(cp(t.end));
    w.Key<"text">();
    w.String(span_text(t.begin, t.end));
    w.Key<"type">();
    w.String(t.type);
    w.Key<"value">();
    w.OptString(t.value);
    w.EndObject();
  }
  w.EndArray();
  w.Key<"inconsistencies">();
  w.BeginArray();
  for (const Inconsistency& x : a.inconsistencies) {
    w.BeginObject();
    w.Key<"start">();
    w.UInt(cp(x.begin));
    w.Key<"end">();
    w.UInt(cp(x.end));
    w.Key<"text">();
    w.String(span_text(x.begin, x.end));
    w.Key<"kind">();
    w.String(x.kind);
    w.Key<"detail">();
    w.String(x.detail);
    w.EndObject();
  }
  w.EndArray();
  w.Key<"quotes">();
  w.BeginArray();
  for (const Quote& q : a.quotes) {
    auto span = [&](ByteSpan x) {
      w.BeginArray();
      w.UInt(cp(x.begin));
      w.UInt(cp(x.end));
      w.EndArray();
    };
    w.BeginObject();
    w.Key<"start">();
    w.UInt(cp(q.parts.empty() ? q.content.begin : q.parts.front().begin));
    w.Key<"end">();
    w.UInt(cp(q.parts.empty() ? q.content.end : q.parts.back().end));
    w.Key<"text">();
    std::string joined;
    for (const ByteSpan& p : q.parts) {
      if (!joined.empty()) joined += ' ';
      joined += span_text(p.begin, p.end);
    }
    w.String(joined);
    w.Key<"parts">();
    w.BeginArray();
    for (const ByteSpan& p : q.parts) span(p);
    w.EndArray();
    w.Key<"content">();
    span(q.content);
    w.Key<"kind">();
    w.String(q.kind);
    w.Key<"cue">();
    opt_str(q.cue_text);
    w.Key<"cue_span">();
    if (q.cue.end > q.cue.begin) span(q.cue); else w.Null();
    w.Key<"speaker">();
    w.BeginObject();
    // "local" must follow "entity" directly: FillMentionEntities fills
    // the speaker's entity id as it does a mention's.
    w.Key<"entity">();
    w.Null();
    w.Key<"local">();
    if (q.speaker_local < 0) w.Null(); else w.UInt(static_cast<std::uint64_t>(q.speaker_local));
    w.Key<"name">();
    opt_str(q.speaker_name);
    w.Key<"description">();
    opt_str(q.speaker_description);
    w.Key<"span">();
    if (q.speaker_span.end > q.speaker_span.begin) span(q.speaker_span); else w.Null();
    w.Key<"from">();
    opt_str(q.speaker_from);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  // Per-article events (events stage), the input of the cross-article
  // event merge; actors point into "mentions" so the merge can give them
  // the entity ids the entity merge assigned.
  w.Key<"events">();
  w.BeginArray();
  auto actor = [&](const EventActor& x) {
    w.BeginObject();
    w.Key<"mention">();
    if (x.mention < 0) w.Null(); else w.UInt(static_cast<std::uint64_t>(x.mention));
    w.Key<"text">();
    w.String(x.text);
    w.Key<"actor_code">();
    opt_str(x.actor_code);
    w.EndObject();
  };
  for (const Event& e : a.events) {
    w.BeginObject();
    w.Key<"sentence">();
    w.BeginArray();
    if (e.sentence < a.sentences.size()) {
      w.UInt(cp(a.sentences[e.sentence].begin));
      w.UInt(cp(a.sentences[e.sentence].end));
    }
    w.EndArray();
    w.Key<"trigger">();
    w.BeginObject();
    w.Key<"start">();
    w.UInt(cp(e.begin));
    w.Key<"end">();
    w.UInt(cp(e.end));
    w.Key<"text">();
    w.String(span_text(e.begin, e.end));
    w.EndObject();
    w.Key<"cameo">();
    w.String(e.cameo);
    w.Key<"source">();
    actor(e.source);
    w.Key<"target">();
    if (e.target) actor(*e.target); else w.Null();
    w.Key<"location">();
    if (e.location < 0 || static_cast<std::size_t>(e.location) >= a.mentions.size()) {
      w.Null();
    } else {
      const Mention& m = a.mentions[static_cast<std::size_t>(e.location)];
      w.BeginObject();
      w.Key<"mention">();
      w.UInt(static_cast<std::uint64_t>(e.location));
      w.Key<"text">();
      w.String(span_text(m.begin, m.end));
      w.EndObject();
    }
    w.Key<"date">();
    w.OptString(e.date);
    w.Key<"date_from">();
    opt_str(e.date_from);
    w.Key<"negated">();
    w.Bool(e.negated);
    w.Key<"attributed">();
    w.Bool(e.attributed);
    w.EndObject();
  }
  w.EndArray();
  w.Key<"token_count">();
  w.UInt(a.tokens.size());
  w.Key<"tone">();
  if (!a.ok() || !a.tone) {
    w.Null();
  } else {
    const ToneCounts& t = *a.tone;
    w.BeginObject();
    w.Key<"tone">();
    w.Double(t.Tone(), 3);
    w.Key<"positive">();
    w.Double(t.PositivePercent(), 3);
    w.Key<"negative">();
    w.Double(t.NegativePercent(), 3);
    w.Key<"polarity">();
    w.Double(t.Polarity(), 3);
    w.Key<"word_count">();
    w.UInt(a.tone->words);
    w.EndObject();
  }
  w.Key<"warnings">();
  w.BeginArray();
  for (const std::string& s : a.warnings) w.String(s);
  w.EndArray();
  w.EndObject();
}

bool FillMentionEntities(std::string& line, const std::vector<std::string>& ids) {
  static constexpr std::string_view kPattern = "\"entity\":null,\"local\":";
  bool ok = true;
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = line.find(kPattern); at != std::string::npos; at = line.find(kPattern, from)) {
    std::size_t p = at + kPattern.size();
    std::size_t k = 0;
    bool digits = false;
    while (p < line.size() && line[p] >= '0' && line[p] <= '9') {
      k = k * 10 + static_cast<std::size_t>(line[p] - '0');
      ++p;
      digits = true;
    }
    out.append(line, from, at - from);
    if (digits && k < ids.size() && !ids[k].empty()) {
      out += "\"entity\":\"";
      out += ids[k];
      out += "\",\"local\":";
      out.append(line, at + kPattern.size(), p - at - kPattern.size());
    } else {
      ok = ok && !digits;  // "local":null is fine; a number we cannot map is not
      out.append(line, at, p - at);
    }
    from = p;
  }
  if (from == 0) return ok;
  out.append(line, from, std::string::npos);
  line.swap(out);
  return ok;
}

}  // namespace sitrep::store
