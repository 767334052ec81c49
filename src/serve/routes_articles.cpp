// /api/articles, /api/articles/{id} and /api/search.
#include <algorithm>

#include "report/html.h"
#include "serve/routes.h"

namespace sitrep::serve {

Response ListArticles(sqlite3* db, const Request& r) {
  Params p(r, {"outlet", "status"});
  std::string status = p.Get("status").value_or("");
  if (!status.empty() && status != "ok" && status != "skipped") p.Fail("status must be ok or skipped");
  if (!p.ok()) return p.Error();
  std::string outlet = p.Get("outlet").value_or("");
  const char* where = "WHERE (? = '' OR outlet = ?) AND (? = '' OR status = ?)";
  Query count(db, std::string("SELECT COUNT(*) FROM articles ") + where);
  count.Text(outlet).Text(outlet).Text(status).Text(status);
  if (!count.Step()) return DbError(count);
  std::string body;
  JsonWriter w(body);
  BeginList(w, count.Num(0), p);
  Query q(db, std::string("SELECT id, title, outlet, published, status, reason, source, language, token_count "
                          "FROM articles ") +
                  where + " ORDER BY published IS NULL, published DESC, id LIMIT ? OFFSET ?");
  q.Text(outlet).Text(outlet).Text(status).Text(status).Int(p.limit()).Int(p.offset());
  while (q.Step()) {
    w.BeginObject();
    TextOrNull(w, "id", q, 0);
    TextOrNull(w, "title", q, 1);
    TextOrNull(w, "outlet", q, 2);
    TextOrNull(w, "published", q, 3);
    TextOrNull(w, "status", q, 4);
    TextOrNull(w, "reason", q, 5);
    TextOrNull(w, "source", q, 6);
    TextOrNull(w, "language", q, 7);
    IntOrNull(w, "token_count", q, 8);
    w.EndObject();
  }
  if (!q.error().empty()) return DbError(q);
  w.EndArray();
  w.EndObject();
  return JsonResponse(std::move(body));
}

namespace {

// Writes "key": [ {col names...}, ... ] for a child table of one article.
bool ChildRows(JsonWriter& w, sqlite3* db, std::string_view key, const std::string& sql,
               std::initializer_list<std::pair<const char*, bool>> cols, std::string_view id) {
  w.Key(key);
  w.BeginArray();
  Query q(db, sql);
  q.Text(id);
  while (q.Step()) {
    w.BeginObject();
    int i = 0;
    for (auto [name, is_int] : cols) {
      if (is_int) IntOrNull(w, name, q, i++);
      else TextOrNull(w, name, q, i++);
    }
    w.EndObject();
  }
  w.EndArray();
  return q.error().empty();
}

}  // namespace

Response GetArticle(sqlite3* db, const Request&, std::string_view id) {
  Query a(db,
          "SELECT id, source, status, reason, outlet, published, published_from, title, author, url, language, "
          "translated_from, text, token_count, warnings, sentences FROM articles WHERE id = ?");
  a.Text(id);
  if (!a.Step()) {
    if (!a.error().empty()) return DbError(a);
    return ErrorResponse(404, "no article with id '" + std::string(id) + "'");
  }
  std::string body;
  JsonWriter w(body);
  w.BeginObject();
  w.Key("article");
  w.BeginObject();
  const char* names[] = {"id",  "source",   "status",          "reason", "outlet", "published",
                         "published_from", "title", "author", "url",    "language", "translated_from", "text"};
  for (int i = 0; i < 13; ++i) TextOrNull(w, names[i], a, i);
  IntOrNull(w, "token_count", a, 13);
  RawOrNull(w, "warnings", a, 14);
  RawOrNull(w, "sentences", a, 15);
  w.EndObject();

  bool ok = ChildRows(w, db, "removed", "SELECT text, why FROM removed WHERE article_id = ? ORDER BY ord",
                      {{"text", false}, {"why", false}}, id);
  ok = ok && ChildRows(w, db, "mentions",
                       "SELECT m.start, m.\"end\", m.text, m.type, m.entity_id, e.name FROM mentions m "
                       "LEFT JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.ord",
                       {{"start", true}, {"end", true}, {"text", false}, {"type", false}, {"entity", false},
                        {"entity_name", false}},
                       id);
  ok = ok && ChildRows(w, db, "times",
                       "SELECT start, \"end\", text, type, value FROM times WHERE article_id = ? ORDER BY ord",
                       {{"start", true}, {"end", true}, {"text", false}, {"type", false}, {"value", false}}, id);
  ok = ok && ChildRows(w, db, "inconsistencies",
                       "SELECT start, \"end\", text, kind, detail FROM inconsistencies WHERE article_id = ? "
                       "ORDER BY ord",
                       {{"start", true}, {"end", true}, {"text", false}, {"kind", false}, {"detail", false}}, id);
  ok = ok && ChildRows(w, db, "stories",
                       "SELECT s.id, s.title FROM story_articles sa JOIN stories s ON s.id = sa.story_id "
                       "WHERE sa.article_id = ? ORDER BY s.id",
                       {{"id", false}, {"title", false}}, id);
  if (!ok) return ErrorResponse(500, "database error reading article " + std::string(id));

  w.Key("quotes");
  w.BeginArray();
  Query q(db, "SELECT json FROM quotes WHERE article_id = ? ORDER BY start");
  q.Text(id);
  while (q.Step()) w.Raw(q.Str(0));
  if (!q.error().empty()) return DbError(q);
  w.EndArray();

  w.Key("events");
  w.BeginArray();
  Query e(db,
          "SELECT DISTINCT e.json, e.date, e.id FROM event_mentions m JOIN events e ON e.id = m.event_id "
          "WHERE m.article_id = ? ORDER BY e.date, e.id");
  e.Text(id);
  while (e.Step()) w.Raw(e.Str(0));
  if (!e.error().empty()) return DbError(e);
  w.EndArray();
  w.EndObject();
  return JsonResponse(std::move(body));
}

namespace {

// The user's words as an FTS5 query: every word must occur; a phrase in
// double quotes must occur as written. FTS5 syntax in the input (NEAR,
// column filters, stray quotes, '*') is never interpreted, so no input can
// make the query fail.
std::string FtsQuery(std::string_view q) {
  // Groups of words: a single word, or the words of one quoted phrase.
  std::vector<std::vector<std::string>> groups;
  std::vector<std::string> phrase;
  std::string word;
  bool in_phrase = false;
  for (std::size_t i = 0; i <= q.size(); ++i) {
    unsigned char c = i < q.size() ? static_cast<unsigned char>(q[i]) : ' ';
    bool word_char = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (word_char) {
      word.push_back(static_cast<char>(c));
      continue;
    }
    if (!word.empty()) {
      if (in_phrase) phrase.push_back(word);
      else groups.push_back({word});
      word.clear();
    }
    if (c == '"') {
      if (in_phrase && !phrase.empty()) groups.push_back(phrase);
      phrase.clear();
      in_phrase = !in_phrase;
    }
  }
  for (auto& w : phrase) groups.push_back({w});  // an unclosed quote: plain words
  std::string out;
  for (const auto& g : groups) {
    if (!out.empty()) out.push_back(' ');
    out.push_back('"');
    for (std::size_t k = 0; k < g.size(); ++k) {
      if (k) out.push_back(' ');
      out += g[k];
    }
    out.push_back('"');
  }
  return out;
}

// The snippet FTS5 marks with private-use characters, as plain text and as
// HTML with every character escaped and the hits in <mark>.
void WriteSnippet(JsonWriter& w, std::string_view s) {
  constexpr std::string_view kOpen = "\xEE\x80\x80", kClose = "\xEE\x80\x81";  // U+E000, U+E001
  std::string plain, html;
  while (!s.empty()) {
    std::size_t open = s.find(kOpen), close = s.find(kClose);
    std::size_t cut = std::min(open, close);
    std::string_view text = s.substr(0, cut);
    plain += text;
    report::AppendEscaped(text, &html);
    if (cut == std::string_view::npos) break;
    html += cut == open ? "<mark>" : "</mark>";
    s.remove_prefix(cut + 3);
  }
  w.Key("snippet");
  w.String(plain);
  w.Key("snippet_html");
  w.String(html);
}

}  // namespace

Response Search(sqlite3* db, const Request& r) {
  Params p(r, {"q"});
  std::string q = p.Get("q").value_or("");
  if (q.empty()) p.Fail("parameter 'q' is required");
  if (q.size() > 500) p.Fail("parameter 'q' is longer than 500 bytes");
  std::string fts = FtsQuery(q);
  if (!q.empty() && fts.empty()) p.Fail("parameter 'q' has no words to search for");
  if (!p.ok()) return p.Error();
  Query count(db, "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?");
  count.Text(fts);
  if (!count.Step()) return DbError(count);
  std::string body;
  JsonWriter w(body);
  BeginList(w, count.Num(0), p);
  Query s(db,
          "SELECT a.id, a.title, a.outlet, a.published, "
          "snippet(articles_fts, -1, char(57344), char(57345), '…', 16), bm25(articles_fts) AS score "
          "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? "
          "ORDER BY score, a.id LIMIT ? OFFSET ?");
  s.Text(fts).Int(p.limit()).Int(p.offset());
  while (s.Step()) {
    w.BeginObject();
    TextOrNull(w, "id", s, 0);
    TextOrNull(w, "title", s, 1);
    TextOrNull(w, "outlet", s, 2);
    TextOrNull(w, "published", s, 3);
    WriteSnippet(w, s.Str(4));
    // bm25 is lower for better matches; the API reports higher = better.
    w.Key("score");
    w.Double(-s.Double(5), 3);
    w.EndObject();
  }
  if (!s.error().empty()) return DbError(s);
  w.EndArray();
  w.Key("query");
  w.String(fts);
  w.EndObject();
  return JsonResponse(std::move(body));
}

}  // namespace sitrep::serve
