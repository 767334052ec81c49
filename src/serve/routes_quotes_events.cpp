// /api/quotes and /api/events (JSON, or GDELT's tab-separated event table).
#include <cctype>
#include <unordered_map>

#include "core/resources.h"
#include "events/gdelt.h"
#include "serve/routes.h"

namespace sitrep::serve {

Response ListQuotes(sqlite3* db, const Request& r) {
  Params p(r, {"speaker", "q", "kind", "article"});
  std::string kind = p.Get("kind").value_or("");
  if (!kind.empty() && kind != "direct" && kind != "mixed" && kind != "indirect") {
    p.Fail("kind must be direct, mixed or indirect");
  }
  if (!p.ok()) return p.Error();
  Where where;
  // `speaker` is an entity id, or words of the speaker's name or of an
  // unnamed source's description ("diplomat").
  if (auto speaker = p.Get("speaker")) {
    std::string like = LikeAnywhere(*speaker);
    where.Add("q.speaker_entity = ? OR q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_description LIKE ? ESCAPE '\\'",
              {*speaker, like, like});
  }
  if (!kind.empty()) where.Add("q.kind = ?", {kind});
  if (auto article = p.Get("article")) where.Add("q.article_id = ?", {*article});
  // Every word of `q` must occur in the quote, in any order, as a word or
  // the start of one ("negotiat" finds "negotiations"): a reader remembers
  // words of a quote, rarely its exact run.
  if (auto text = p.Get("q")) {
    std::string match = PrefixQuery(*text);
    if (match.empty()) return ErrorResponse(400, "parameter 'q' has no words to search for");
    where.Add("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", {match});
  }
  Query count(db, "SELECT COUNT(*) FROM quotes q" + where.Sql());
  where.Bind(count);
  if (!count.Step()) return DbError(count);
  std::string body;
  JsonWriter w(body);
  BeginList(w, count.Num(0), p);
  // Quotes with a known speaker first, then by speaker and article.
  Query q(db, "SELECT q.json, q.article_id FROM quotes q" + where.Sql() +
                  " ORDER BY q.speaker_name IS NULL AND q.speaker_description IS NULL, "
                  "coalesce(q.speaker_name, q.speaker_description), q.article_id, q.start LIMIT ? OFFSET ?");
  where.Bind(q);
  q.Int(p.limit()).Int(p.offset());
  std::set<std::string> article_ids;
  while (q.Step()) {
    w.Raw(q.Str(0));
    article_ids.emplace(q.Str(1));
  }
  if (!q.error().empty()) return DbError(q);
  w.EndArray();
  if (!WriteArticleMap(w, db, article_ids)) return ErrorResponse(500, "database error reading articles");
  w.EndObject();
  return JsonResponse(std::move(body));
}

namespace {

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}

// YYYY, YYYY-MM or YYYY-MM-DD with a real month and day.
bool IsoDatePrefix(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!AllDigits(s.substr(0, 4))) return false;
  if (s.size() >= 7) {
    if (s[4] != '-' || !AllDigits(s.substr(5, 2))) return false;
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    if (m < 1 || m > 12) return false;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !AllDigits(s.substr(8, 2))) return false;
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (d < 1 || d > 31) return false;
  }
  return true;
}

// GDELT's event table needs, per article, its URL, outlet, date, tone,
// lead paragraph and where its sentences start; read only for the
// articles the events mention. (The mentions table's character offsets
// need the articles' own event lists, which the database does not keep.)
Result<std::unordered_map<std::string, events::GdeltArticle>> GdeltArticles(sqlite3* db,
                                                                           const std::set<std::string>& ids) {
  std::unordered_map<std::string, events::GdeltArticle> out;
  if (ids.empty()) return out;
  // length() and instr() count characters, the contract's code points.
  Query a(db, "SELECT id, coalesce(url, source), outlet, published, length(text), tone IS NOT NULL, tone, "
              "CASE WHEN instr(text, char(10, 10)) > 0 THEN instr(text, char(10, 10)) - 1 ELSE length(text) END "
              "FROM articles WHERE id IN (" + Placeholders(ids.size()) + ")");
  for (const auto& id : ids) a.Text(id);
  while (a.Step()) {
    events::GdeltArticle g;
    g.url = std::string(a.Str(1));
    g.outlet = std::string(a.Str(2));
    g.published = std::string(a.Str(3));
    g.text_length = static_cast<std::uint64_t>(a.Num(4));
    g.has_tone = a.Num(5) != 0;
    g.tone = a.Double(6);
    g.lead_end = static_cast<std::uint64_t>(a.Num(7));
    out.emplace(std::string(a.Str(0)), std::move(g));
  }
  if (!a.error().empty()) return Status(Code::kIoError, a.error());
  Query s(db, "SELECT a.id, json_extract(j.value, '$[0]') FROM articles a, json_each(a.sentences) j WHERE a.id IN (" +
                  Placeholders(ids.size()) + ") ORDER BY a.id, j.key");
  for (const auto& id : ids) s.Text(id);
  while (s.Step()) out[std::string(s.Str(0))].sentence_starts.push_back(static_cast<std::uint64_t>(s.Num(1)));
  if (!s.error().empty()) return Status(Code::kIoError, s.error());
  return out;
}

}  // namespace

Response ListEvents(sqlite3* db, const Request& r) {
  Params p(r, {"actor", "root", "cameo", "from", "to", "format"});
  std::string root = p.Get("root").value_or(""), cameo = p.Get("cameo").value_or("");
  std::string from = p.Get("from").value_or(""), to = p.Get("to").value_or("");
  std::string format = p.Get("format").value_or("json");
  if (!root.empty()) {
    int n = AllDigits(root) && root.size() == 2 ? std::stoi(root) : 0;
    if (n < 1 || n > 20) p.Fail("root must be a CAMEO root code from 01 to 20");
  }
  if (!cameo.empty() && (!AllDigits(cameo) || cameo.size() < 2 || cameo.size() > 4)) {
    p.Fail("cameo must be 2 to 4 digits of a CAMEO code");
  }
  if (!from.empty() && !IsoDatePrefix(from)) p.Fail("from must be a date: YYYY, YYYY-MM or YYYY-MM-DD");
  if (!to.empty() && !IsoDatePrefix(to)) p.Fail("to must be a date: YYYY, YYYY-MM or YYYY-MM-DD");
  if (format != "json" && format != "gdelt") p.Fail("format must be json or gdelt");
  if (!p.ok()) return p.Error();
  Where where;
  // `actor` is an entity id, a CAMEO actor code or words of a name, on
  // either side of the event.
  if (auto actor = p.Get("actor")) {
    std::string like = LikeAnywhere(*actor);
    where.Add("e.source_entity = ? OR e.target_entity = ? OR e.source_actor_code = ? OR e.target_actor_code = ? "
              "OR e.source_name LIKE ? ESCAPE '\\' OR e.target_name LIKE ? ESCAPE '\\'",
              {*actor, *actor, *actor, *actor, like, like});
  }
  if (!root.empty()) where.Add("e.root = ?", {root});
  if (!cameo.empty()) where.Add("e.cameo LIKE ? || '%'", {cameo});
  // Dates compare at the granularity given: from=2022-01 keeps every date
  // in January 2022 and after.
  if (!from.empty()) where.Add("substr(e.date, 1, ?) >= ?", {std::to_string(from.size()), from});
  if (!to.empty()) where.Add("substr(e.date, 1, ?) <= ?", {std::to_string(to.size()), to});
  auto bind = [&](Query& q) { where.Bind(q); };

  if (format == "gdelt") {
    // The whole filtered set, numbered as `sitrep export gdelt` numbers
    // the whole output (by rank of id), so rows from both agree.
    Query q(db, "SELECT e.json, e.n FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY id) AS n FROM events) e" +
                    where.Sql() + " ORDER BY e.id");
    bind(q);
    std::vector<std::pair<std::string, std::uint64_t>> lines;
    while (q.Step()) lines.emplace_back(std::string(q.Str(0)), static_cast<std::uint64_t>(q.Num(1)));
    if (!q.error().empty()) return DbError(q);
    std::set<std::string> ids;
    {
      Query m(db, "SELECT DISTINCT em.article_id FROM event_mentions em JOIN events e ON e.id = em.event_id" +
                      where.Sql());
      bind(m);
      while (m.Step()) ids.emplace(m.Str(0));
      if (!m.error().empty()) return DbError(m);
    }
    auto articles = GdeltArticles(db, ids);
    if (!articles.ok()) return ErrorResponse(500, "database error: " + articles.status().message());
    events::GdeltInputs inputs;
    inputs.articles = std::move(articles.value());
    {
      // The entities the events name, for the actors' and places' geography.
      Query en(db, "SELECT id, name, type, country FROM entities WHERE id IN (SELECT source_entity FROM events e" +
                       where.Sql() + " UNION SELECT target_entity FROM events e" + where.Sql() +
                       " UNION SELECT location_entity FROM events e" + where.Sql() + ")");
      for (int i = 0; i < 3; ++i) bind(en);
      while (en.Step()) {
        events::GdeltEntity x;
        x.name = std::string(en.Str(1));
        x.type = std::string(en.Str(2));
        x.country = std::string(en.Str(3));
        inputs.entities.emplace(std::string(en.Str(0)), std::move(x));
      }
      if (!en.error().empty()) return DbError(en);
    }
    Response res;
    res.content_type = "text/tab-separated-values; charset=utf-8";
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"sitrep-events.export.CSV\"");
    std::vector<std::string> row;
    std::vector<std::vector<std::string>> mentions;
    for (const auto& [line, n] : lines) {
      if (Status s = events::GdeltRows(line, n, inputs, &row, &mentions); !s.ok()) {
        return ErrorResponse(500, "cannot export an event: " + s.message());
      }
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) res.body.push_back('\t');
        res.body += row[i];
      }
      res.body.push_back('\n');
    }
    return res;
  }

  Query count(db, "SELECT COUNT(*) FROM events e" + where.Sql());
  bind(count);
  if (!count.Step()) return DbError(count);
  std::string body;
  JsonWriter w(body);
  BeginList(w, count.Num(0), p);
  Query q(db, "SELECT e.json, e.id FROM events e" + where.Sql() + " ORDER BY e.date IS NULL, e.date, e.id LIMIT ? OFFSET ?");
  bind(q);
  q.Int(p.limit()).Int(p.offset());
  std::vector<std::string> event_ids;
  while (q.Step()) {
    w.Raw(q.Str(0));
    event_ids.emplace_back(q.Str(1));
  }
  if (!q.error().empty()) return DbError(q);
  w.EndArray();
  std::set<std::string> article_ids;
  if (!event_ids.empty()) {
    Query m(db, "SELECT DISTINCT article_id FROM event_mentions WHERE event_id IN (" + Placeholders(event_ids.size()) +
                    ")");
    for (const auto& id : event_ids) m.Text(id);
    while (m.Step()) article_ids.emplace(m.Str(0));
    if (!m.error().empty()) return DbError(m);
  }
  if (!WriteArticleMap(w, db, article_ids)) return ErrorResponse(500, "database error reading articles");
  w.EndObject();
  return JsonResponse(std::move(body));
}

Response CameoCodes(const Request& r) {
  Params p(r, {}, false);
  if (!p.ok()) return p.Error();
  std::string body;
  JsonWriter w(body);
  w.BeginObject();
  for (std::string_view line : DataLines(Resource("events/cameo.tsv"))) {
    // code \t goldstein \t name [\t flags]
    std::size_t a = line.find('\t'), b = a == std::string_view::npos ? a : line.find('\t', a + 1);
    if (b == std::string_view::npos) continue;
    std::size_t c = line.find('\t', b + 1);
    w.Key(line.substr(0, a));
    w.BeginObject();
    w.Key("name");
    w.String(line.substr(b + 1, c == std::string_view::npos ? std::string_view::npos : c - b - 1));
    w.Key("goldstein");
    w.Raw(line.substr(a + 1, b - a - 1));
    w.EndObject();
  }
  w.EndObject();
  return JsonResponse(std::move(body));
}

}  // namespace sitrep::serve
