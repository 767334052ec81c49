// Internal to the API: parameter checking, the JSON envelope, and the
// handlers of each resource, one file per resource.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_writer.h"
#include "serve/api.h"
#include "serve/sql.h"

namespace sitrep::serve {

Response ErrorResponse(int status, std::string_view message);
Response JsonResponse(std::string body);
// A failed statement is the server's fault, not the client's.
Response DbError(const Query& q);

// The query parameters of one request, checked against the names a route
// accepts. The first problem (an unknown name, a repeated one, a bad
// `limit` or `offset`) is kept and answered as 400.
class Params {
 public:
  Params(const Request& r, std::initializer_list<std::string_view> allowed, bool paginated = true);

  bool ok() const { return error_.empty(); }
  Response Error() const { return ErrorResponse(400, error_); }
  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  // The value of `name`, or nullopt when absent. Empty counts as absent.
  std::optional<std::string> Get(std::string_view name) const;

  std::int64_t limit() const { return limit_; }
  std::int64_t offset() const { return offset_; }

 private:
  const Request& r_;
  std::string error_;
  std::int64_t limit_ = 50, offset_ = 0;
};

// Writes {"total":N,"limit":L,"offset":O,"items":[ and leaves the array
// open; EndList closes it (and the object, unless more keys follow).
void BeginList(JsonWriter& w, std::int64_t total, const Params& p);

// The WHERE clause of a list query, made of only the filters the request
// gives, so SQLite can use the index of each (an OR-ed "? = '' OR ..."
// form makes it scan the table). Values are always bound, never spliced.
class Where {
 public:
  // `clause` with one `?` per value, in order.
  void Add(std::string clause, std::vector<std::string> values) {
    clauses_.push_back(std::move(clause));
    for (auto& v : values) values_.push_back(std::move(v));
  }
  // "" or " WHERE a AND b".
  std::string Sql() const {
    std::string s;
    for (std::size_t i = 0; i < clauses_.size(); ++i) s += (i ? " AND (" : " WHERE (") + clauses_[i] + ")";
    return s;
  }
  void Bind(Query& q) const {
    for (const auto& v : values_) q.Text(v);
  }

 private:
  std::vector<std::string> clauses_;
  std::vector<std::string> values_;
};

// A LIKE pattern matching `s` anywhere, with %, _ and \ escaped (use with
// ESCAPE '\').
std::string LikeAnywhere(std::string_view s);

// An FTS5 query in which every word of `q` must occur, as a word or the
// start of one. Only letters and digits are kept, so no input is read as
// FTS5 syntax; empty when `q` has no word.
std::string PrefixQuery(std::string_view q);

// "?,?,?" for n values.
std::string Placeholders(std::size_t n);

// True for ids as sitrep writes them (a letter and hex digits); anything
// else cannot exist and answers 404 without a query.
bool PlausibleId(std::string_view id);

// Writes "key": value for a column that may be NULL.
void TextOrNull(JsonWriter& w, std::string_view key, const Query& q, int col);
void IntOrNull(JsonWriter& w, std::string_view key, const Query& q, int col);
// A column holding JSON text (a stored line, a json_extract result).
void RawOrNull(JsonWriter& w, std::string_view key, const Query& q, int col);

// Writes "articles": {id: {title, outlet, published}} for the given ids, so
// that list items can show where they come from without another request.
bool WriteArticleMap(JsonWriter& w, sqlite3* db, const std::set<std::string>& ids);

Response Summary(sqlite3* db, const Request& r);
Response ListStories(sqlite3* db, const Request& r);
Response GetStory(sqlite3* db, const Request& r, std::string_view id);
Response ListArticles(sqlite3* db, const Request& r);
Response GetArticle(sqlite3* db, const Request& r, std::string_view id);
Response Search(sqlite3* db, const Request& r);
Response ListEntities(sqlite3* db, const Request& r);
Response GetEntity(sqlite3* db, const Request& r, std::string_view id);
Response ListQuotes(sqlite3* db, const Request& r);
Response ListEvents(sqlite3* db, const Request& r);
Response CameoCodes(const Request& r);

}  // namespace sitrep::serve
