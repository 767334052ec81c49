// /api/summary, /api/stories and /api/stories/{id}.
#include "serve/routes.h"

namespace sitrep::serve {

Response Summary(sqlite3* db, const Request& r) {
  Params p(r, {}, false);
  if (!p.ok()) return p.Error();
  std::string body;
  JsonWriter w(body);
  w.BeginObject();
  const char* tables[][2] = {{"articles", "SELECT COUNT(*) FROM articles WHERE status = 'ok'"},
                             {"skipped", "SELECT COUNT(*) FROM articles WHERE status <> 'ok'"},
                             {"entities", "SELECT COUNT(*) FROM entities"},
                             {"quotes", "SELECT COUNT(*) FROM quotes"},
                             {"events", "SELECT COUNT(*) FROM events"},
                             {"stories", "SELECT COUNT(*) FROM stories"},
                             {"outlets", "SELECT COUNT(DISTINCT outlet) FROM articles WHERE status = 'ok'"}};
  for (auto& t : tables) {
    Query q(db, t[1]);
    if (!q.Step()) return DbError(q);
    w.Key(t[0]);
    w.Int(q.Num(0));
  }
  Query q(db, "SELECT MIN(published), MAX(published) FROM articles WHERE status = 'ok'");
  if (!q.Step()) return DbError(q);
  TextOrNull(w, "first_published", q, 0);
  TextOrNull(w, "last_published", q, 1);
  w.EndObject();
  return JsonResponse(std::move(body));
}

Response ListStories(sqlite3* db, const Request& r) {
  Params p(r, {"q"});
  if (!p.ok()) return p.Error();
  std::string like = LikeAnywhere(p.Get("q").value_or(""));
  Query count(db, "SELECT COUNT(*) FROM stories WHERE title LIKE ? ESCAPE '\\'");
  count.Text(like);
  if (!count.Step()) return DbError(count);
  std::string body;
  JsonWriter w(body);
  BeginList(w, count.Num(0), p);
  // Most recent first: an analyst opens the app to see what is happening now.
  Query q(db,
          "SELECT s.id, s.title, s.first_seen, s.last_seen, json_extract(s.json, '$.outlets'), "
          "(SELECT COUNT(*) FROM story_articles sa WHERE sa.story_id = s.id), "
          "json_array_length(s.json, '$.timeline'), json_array_length(s.json, '$.disagreements') "
          "FROM stories s WHERE s.title LIKE ? ESCAPE '\\' "
          "ORDER BY s.last_seen IS NULL, s.last_seen DESC, s.id LIMIT ? OFFSET ?");
  q.Text(like).Int(p.limit()).Int(p.offset());
  while (q.Step()) {
    w.BeginObject();
    TextOrNull(w, "id", q, 0);
    TextOrNull(w, "title", q, 1);
    TextOrNull(w, "first_seen", q, 2);
    TextOrNull(w, "last_seen", q, 3);
    RawOrNull(w, "outlets", q, 4);
    IntOrNull(w, "num_articles", q, 5);
    IntOrNull(w, "num_events", q, 6);
    IntOrNull(w, "num_disagreements", q, 7);
    w.EndObject();
  }
  if (!q.error().empty()) return DbError(q);
  w.EndArray();
  w.EndObject();
  return JsonResponse(std::move(body));
}

Response GetStory(sqlite3* db, const Request&, std::string_view id) {
  Query s(db, "SELECT json FROM stories WHERE id = ?");
  s.Text(id);
  if (!s.Step()) {
    if (!s.error().empty()) return DbError(s);
    return ErrorResponse(404, "no story with id '" + std::string(id) + "'");
  }
  std::string body;
  JsonWriter w(body);
  w.BeginObject();
  w.Key("story");
  w.Raw(s.Str(0));

  w.Key("articles");
  w.BeginArray();
  Query a(db,
          "SELECT a.id, a.title, a.outlet, a.published, a.url, a.language, a.translated_from, "
          "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id), "
          "(SELECT COUNT(*) FROM removed r WHERE r.article_id = a.id) "
          "FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? "
          "ORDER BY a.published IS NULL, a.published, a.outlet, a.id");
  a.Text(id);
  while (a.Step()) {
    w.BeginObject();
    TextOrNull(w, "id", a, 0);
    TextOrNull(w, "title", a, 1);
    TextOrNull(w, "outlet", a, 2);
    TextOrNull(w, "published", a, 3);
    TextOrNull(w, "url", a, 4);
    TextOrNull(w, "language", a, 5);
    TextOrNull(w, "translated_from", a, 6);
    IntOrNull(w, "num_quotes", a, 7);
    IntOrNull(w, "num_removed", a, 8);
    w.EndObject();
  }
  if (!a.error().empty()) return DbError(a);
  w.EndArray();

  // The timeline's events, in timeline order.
  w.Key("events");
  w.BeginArray();
  Query e(db,
          "SELECT e.json FROM stories s, json_each(s.json, '$.timeline') t "
          "JOIN events e ON e.id = json_extract(t.value, '$.event') WHERE s.id = ? ORDER BY t.key");
  e.Text(id);
  while (e.Step()) w.Raw(e.Str(0));
  if (!e.error().empty()) return DbError(e);
  w.EndArray();

  // A story of thousands of articles would otherwise answer megabytes:
  // the attributed quotes come first, at most kMaxQuotes, with the count.
  constexpr int kMaxQuotes = 500;
  Query qn(db, "SELECT COUNT(*) FROM story_articles sa JOIN quotes q ON q.article_id = sa.article_id WHERE sa.story_id = ?");
  qn.Text(id);
  if (!qn.Step()) return DbError(qn);
  w.Key("num_quotes");
  w.Int(qn.Num(0));
  w.Key("quotes");
  w.BeginArray();
  Query q(db,
          "SELECT q.json FROM story_articles sa JOIN quotes q ON q.article_id = sa.article_id "
          "WHERE sa.story_id = ? ORDER BY q.speaker_name IS NULL AND q.speaker_description IS NULL, "
          "q.article_id, q.start LIMIT ?");
  q.Text(id).Int(kMaxQuotes);
  while (q.Step()) w.Raw(q.Str(0));
  if (!q.error().empty()) return DbError(q);
  w.EndArray();

  // The story's actors, most mentioned in the story first.
  w.Key("entities");
  w.BeginArray();
  Query n(db,
          "SELECT en.id, en.name, en.type, en.country, en.actor_code, "
          "(SELECT json_group_array(role) FROM entity_roles ro WHERE ro.entity_id = en.id), "
          "COUNT(*) AS n FROM story_articles sa JOIN mentions m ON m.article_id = sa.article_id "
          "JOIN entities en ON en.id = m.entity_id WHERE sa.story_id = ? "
          "GROUP BY en.id ORDER BY n DESC, en.name LIMIT 200");
  n.Text(id);
  while (n.Step()) {
    w.BeginObject();
    TextOrNull(w, "id", n, 0);
    TextOrNull(w, "name", n, 1);
    TextOrNull(w, "type", n, 2);
    TextOrNull(w, "country", n, 3);
    TextOrNull(w, "actor_code", n, 4);
    RawOrNull(w, "roles", n, 5);
    IntOrNull(w, "mentions_in_story", n, 6);
    w.EndObject();
  }
  if (!n.error().empty()) return DbError(n);
  w.EndArray();
  w.EndObject();
  return JsonResponse(std::move(body));
}

}  // namespace sitrep::serve
