#include "serve/api.h"

#include <charconv>

#include "core/resources.h"
#include "serve/routes.h"

namespace sitrep::serve {

Response ErrorResponse(int status, std::string_view message) {
  Response r;
  r.status = status;
  JsonWriter w(r.body);
  w.BeginObject();
  w.Key("error");
  w.BeginObject();
  w.Key("status");
  w.Int(status);
  w.Key("message");
  w.String(message);
  w.EndObject();
  w.EndObject();
  return r;
}

Response JsonResponse(std::string body) {
  Response r;
  r.body = std::move(body);
  return r;
}

Response DbError(const Query& q) { return ErrorResponse(500, "database error: " + q.error()); }

namespace {

bool ParseInt(std::string_view s, std::int64_t* v) {
  if (s.empty() || s.size() > 12) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Params::Params(const Request& r, std::initializer_list<std::string_view> allowed, bool paginated) : r_(r) {
  for (auto it = r.params.begin(); it != r.params.end(); it = r.params.upper_bound(it->first)) {
    const std::string& name = it->first;
    bool known = (paginated && (name == "limit" || name == "offset"));
    for (std::string_view a : allowed) known = known || name == a;
    if (!known) {
      Fail("unknown parameter '" + name + "'");
      continue;
    }
    if (r.params.count(name) > 1) Fail("parameter '" + name + "' given more than once");
  }
  if (auto v = Get("limit")) {
    if (!ParseInt(*v, &limit_) || limit_ < 1 || limit_ > 500) Fail("limit must be an integer from 1 to 500");
  }
  if (auto v = Get("offset")) {
    if (!ParseInt(*v, &offset_) || offset_ < 0) Fail("offset must be a non-negative integer");
  }
}

std::optional<std::string> Params::Get(std::string_view name) const {
  auto it = r_.params.find(std::string(name));
  if (it == r_.params.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

void BeginList(JsonWriter& w, std::int64_t total, const Params& p) {
  w.BeginObject();
  w.Key("total");
  w.Int(total);
  w.Key("limit");
  w.Int(p.limit());
  w.Key("offset");
  w.Int(p.offset());
  w.Key("items");
  w.BeginArray();
}

std::string LikeAnywhere(std::string_view s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

std::string PrefixQuery(std::string_view q) {
  std::string out, word;
  for (std::size_t i = 0; i <= q.size(); ++i) {
    unsigned char c = i < q.size() ? static_cast<unsigned char>(q[i]) : ' ';
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      word.push_back(static_cast<char>(c));
    } else if (!word.empty()) {
      if (!out.empty()) out.push_back(' ');
      out += '"' + word + "\"*";
      word.clear();
    }
  }
  return out;
}

std::string Placeholders(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

bool PlausibleId(std::string_view id) {
  if (id.size() < 2 || id.size() > 64) return false;
  if (id[0] < 'a' || id[0] > 'z') return false;
  for (char c : id.substr(1)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

void TextOrNull(JsonWriter& w, std::string_view key, const Query& q, int col) {
  w.Key(key);
  if (q.IsNull(col)) w.Null();
  else w.String(q.Str(col));
}

void IntOrNull(JsonWriter& w, std::string_view key, const Query& q, int col) {
  w.Key(key);
  if (q.IsNull(col)) w.Null();
  else w.Int(q.Num(col));
}

void RawOrNull(JsonWriter& w, std::string_view key, const Query& q, int col) {
  w.Key(key);
  if (q.IsNull(col) || q.Str(col).empty()) w.Null();
  else w.Raw(q.Str(col));
}

bool WriteArticleMap(JsonWriter& w, sqlite3* db, const std::set<std::string>& ids) {
  w.Key("articles");
  w.BeginObject();
  if (!ids.empty()) {
    Query q(db, "SELECT id, title, outlet, published FROM articles WHERE id IN (" + Placeholders(ids.size()) +
                    ") ORDER BY id");
    for (const auto& id : ids) q.Text(id);
    while (q.Step()) {
      w.Key(q.Str(0));
      w.BeginObject();
      TextOrNull(w, "title", q, 1);
      TextOrNull(w, "outlet", q, 2);
      TextOrNull(w, "published", q, 3);
      w.EndObject();
    }
    if (!q.error().empty()) return false;
  }
  w.EndObject();
  return true;
}

Result<std::unique_ptr<Api>> Api::Open(const std::string& db_path) {
  auto pool = ConnectionPool::Open(db_path);
  if (!pool.ok()) return pool.status();
  return std::unique_ptr<Api>(new Api(std::move(pool).value()));
}

Api::Api(std::unique_ptr<ConnectionPool> pool) : pool_(std::move(pool)) {}
Api::~Api() = default;

Response Api::Handle(const Request& r) const {
  if (r.method != "GET" && r.method != "HEAD") {
    Response e = ErrorResponse(405, "method " + r.method + " not allowed: the API is read-only");
    e.headers.emplace_back("Allow", "GET, HEAD");
    return e;
  }
  std::string_view path = r.path;
  constexpr std::string_view kPrefix = "/api/";
  if (path.substr(0, kPrefix.size()) != kPrefix) return ErrorResponse(404, "no such path: " + r.path);
  path.remove_prefix(kPrefix.size());
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::string_view collection = path.substr(0, path.find('/'));
  std::string_view id;
  if (collection.size() < path.size()) id = path.substr(collection.size() + 1);
  if (id.find('/') != std::string_view::npos) return ErrorResponse(404, "no such path: " + r.path);

  if (collection == "openapi.json" && id.empty()) {
    Response res;
    res.body = std::string(Resource("serve/openapi.json"));
    return res;
  }
  if (collection == "cameo" && id.empty()) return CameoCodes(r);
  ConnectionPool::Lease lease = pool_->Acquire();
  sqlite3* db = lease.db();
  if (id.empty()) {
    if (collection == "summary") return Summary(db, r);
    if (collection == "stories") return ListStories(db, r);
    if (collection == "articles") return ListArticles(db, r);
    if (collection == "entities") return ListEntities(db, r);
    if (collection == "quotes") return ListQuotes(db, r);
    if (collection == "events") return ListEvents(db, r);
    if (collection == "search") return Search(db, r);
    return ErrorResponse(404, "no such path: " + r.path);
  }
  bool by_id = collection == "stories" || collection == "articles" || collection == "entities";
  if (!by_id) return ErrorResponse(404, "no such path: " + r.path);
  if (!r.params.empty()) return ErrorResponse(400, "unknown parameter '" + r.params.begin()->first + "'");
  if (!PlausibleId(id)) {
    std::string_view what = collection == "stories" ? "story" : collection == "articles" ? "article" : "entity";
    return ErrorResponse(404, "no " + std::string(what) + " with id '" + std::string(id) + "'");
  }
  if (collection == "stories") return GetStory(db, r, id);
  if (collection == "articles") return GetArticle(db, r, id);
  return GetEntity(db, r, id);
}

}  // namespace sitrep::serve
