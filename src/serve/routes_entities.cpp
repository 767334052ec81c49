// /api/entities and /api/entities/{id}.
#include "serve/routes.h"

namespace sitrep::serve {

Response ListEntities(sqlite3* db, const Request& r) {
  Params p(r, {"q", "type"});
  std::string type = p.Get("type").value_or("");
  if (!type.empty() && type != "PERSON" && type != "ORG" && type != "LOC" && type != "MISC") {
    p.Fail("type must be PERSON, ORG, LOC or MISC");
  }
  if (!p.ok()) return p.Error();
  std::string q = p.Get("q").value_or("");
  std::string like = LikeAnywhere(q);
  // A name matches by its canonical form or any alias (a transliteration,
  // an acronym), so searching for one spelling finds the entity.
  const char* where =
      "WHERE (? = '' OR e.type = ?) AND (? = '' OR e.name LIKE ? ESCAPE '\\' OR EXISTS "
      "(SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id AND a.alias LIKE ? ESCAPE '\\'))";
  Query count(db, std::string("SELECT COUNT(*) FROM entities e ") + where);
  count.Text(type).Text(type).Text(q).Text(like).Text(like);
  if (!count.Step()) return DbError(count);
  std::string body;
  JsonWriter w(body);
  BeginList(w, count.Num(0), p);
  Query e(db, std::string("SELECT e.id, e.name, e.type, e.country, e.actor_code, e.mention_count, "
                          "(SELECT json_group_array(alias) FROM entity_aliases a WHERE a.entity_id = e.id), "
                          "(SELECT json_group_array(role) FROM entity_roles ro WHERE ro.entity_id = e.id), "
                          "(SELECT COUNT(*) FROM entity_articles ea WHERE ea.entity_id = e.id) "
                          "FROM entities e ") +
                  where + " ORDER BY e.mention_count DESC, e.name, e.id LIMIT ? OFFSET ?");
  e.Text(type).Text(type).Text(q).Text(like).Text(like).Int(p.limit()).Int(p.offset());
  while (e.Step()) {
    w.BeginObject();
    TextOrNull(w, "id", e, 0);
    TextOrNull(w, "name", e, 1);
    TextOrNull(w, "type", e, 2);
    TextOrNull(w, "country", e, 3);
    TextOrNull(w, "actor_code", e, 4);
    IntOrNull(w, "mention_count", e, 5);
    RawOrNull(w, "aliases", e, 6);
    RawOrNull(w, "roles", e, 7);
    IntOrNull(w, "num_articles", e, 8);
    w.EndObject();
  }
  if (!e.error().empty()) return DbError(e);
  w.EndArray();
  w.EndObject();
  return JsonResponse(std::move(body));
}

Response GetEntity(sqlite3* db, const Request&, std::string_view id) {
  Query e(db, "SELECT json FROM entities WHERE id = ?");
  e.Text(id);
  if (!e.Step()) {
    if (!e.error().empty()) return DbError(e);
    return ErrorResponse(404, "no entity with id '" + std::string(id) + "'");
  }
  std::string body;
  JsonWriter w(body);
  w.BeginObject();
  w.Key("entity");
  w.Raw(e.Str(0));
  std::set<std::string> article_ids;

  w.Key("quotes");
  w.BeginArray();
  Query q(db, "SELECT json, article_id FROM quotes WHERE speaker_entity = ? ORDER BY article_id, start LIMIT 300");
  q.Text(id);
  while (q.Step()) {
    w.Raw(q.Str(0));
    article_ids.emplace(q.Str(1));
  }
  if (!q.error().empty()) return DbError(q);
  w.EndArray();

  w.Key("events");
  w.BeginArray();
  Query v(db,
          "SELECT json FROM events WHERE source_entity = ?1 OR target_entity = ?1 "
          "ORDER BY date IS NULL, date, id LIMIT 500");
  v.Text(id);
  while (v.Step()) w.Raw(v.Str(0));
  if (!v.error().empty()) return DbError(v);
  w.EndArray();

  w.Key("stories");
  w.BeginArray();
  Query s(db,
          "SELECT DISTINCT s.id, s.title, s.first_seen, s.last_seen FROM entity_articles ea "
          "JOIN story_articles sa ON sa.article_id = ea.article_id JOIN stories s ON s.id = sa.story_id "
          "WHERE ea.entity_id = ? ORDER BY s.last_seen DESC, s.id");
  s.Text(id);
  while (s.Step()) {
    w.BeginObject();
    TextOrNull(w, "id", s, 0);
    TextOrNull(w, "title", s, 1);
    TextOrNull(w, "first_seen", s, 2);
    TextOrNull(w, "last_seen", s, 3);
    w.EndObject();
  }
  if (!s.error().empty()) return DbError(s);
  w.EndArray();

  // The newest articles only, for an actor in thousands of them; the count
  // is in the entity's own record.
  Query a(db,
          "SELECT ea.article_id FROM entity_articles ea JOIN articles ar ON ar.id = ea.article_id "
          "WHERE ea.entity_id = ? ORDER BY ar.published IS NULL, ar.published DESC, ar.id LIMIT 300");
  a.Text(id);
  while (a.Step()) article_ids.emplace(a.Str(0));
  if (!a.error().empty()) return DbError(a);
  if (!WriteArticleMap(w, db, article_ids)) return ErrorResponse(500, "database error reading articles");
  w.EndObject();
  return JsonResponse(std::move(body));
}

}  // namespace sitrep::serve
