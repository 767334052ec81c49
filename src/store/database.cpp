#include "store/database.h"

#include <simdjson.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "store/schema.sql.h"

namespace sitrep::store {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

class Db {
 public:
  ~Db() {
    for (auto* s : stmts_) sqlite3_finalize(s);
    if (db_) sqlite3_close(db_);
  }
  Status Open(const std::string& path) {
    path_ = path;
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) return Error("open");
    return Exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;");
  }
  Status Exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string m = msg ? msg : "error";
      sqlite3_free(msg);
      return Status(Code::kIoError, "cannot write " + path_ + ": " + m);
    }
    return Status::Ok();
  }
  sqlite3_stmt* Prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) return nullptr;
    stmts_.push_back(s);
    return s;
  }
  Status Error(const char* what) {
    return Status(Code::kIoError, std::string("cannot ") + what + " " + path_ + ": " +
                                      (db_ ? sqlite3_errmsg(db_) : "out of memory"));
  }
  sqlite3* db() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::vector<sqlite3_stmt*> stmts_;
};

// Binds the values of one row, runs the statement and resets it.
class Row {
 public:
  Row(sqlite3_stmt* s) : s_(s) {}  // NOLINT
  Row& Text(std::string_view v) {
    sqlite3_bind_text(s_, ++i_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Row& Int(std::int64_t v) {
    sqlite3_bind_int64(s_, ++i_, v);
    return *this;
  }
  Row& Real(double v) {
    sqlite3_bind_double(s_, ++i_, v);
    return *this;
  }
  Row& Null() {
    sqlite3_bind_null(s_, ++i_);
    return *this;
  }
  // A JSON value: string, number, bool or null.
  Row& Value(simdjson::simdjson_result<element> r) {
    element e;
    if (r.get(e)) return Null();
    return Value(e);
  }
  Row& Value(element e) {
    if (e.is_null()) return Null();
    std::string_view sv;
    if (e.is_string() && !e.get_string().get(sv)) return Text(sv);
    if (e.is_bool()) return Int(bool(e) ? 1 : 0);
    if (e.is_int64()) return Int(int64_t(e));
    if (e.is_uint64()) return Int(static_cast<std::int64_t>(uint64_t(e)));
    if (e.is_double()) return Real(double(e));
    return Text(simdjson::minify(e));
  }
  bool Done() {
    int rc = sqlite3_step(s_);
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    return rc == SQLITE_DONE;
  }

 private:
  sqlite3_stmt* s_;
  int i_ = 0;
};

// Calls fn(object, line) for every JSON object line of path. A missing
// file is empty; a line that does not parse is an error (the files are
// sitrep's own output).
template <typename Fn>
Status ForEachLine(const std::string& path, Fn fn) {
  std::ifstream in(path);
  if (!in) return Status::Ok();
  simdjson::dom::parser parser;
  std::string line;
  std::size_t no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (line.empty()) continue;
    element e;
    if (parser.parse(line).get(e) || !e.is_object()) {
      return Status(Code::kCorrupt, path + ":" + std::to_string(no) + ": not a JSON object");
    }
    Status s = fn(e.get_object().value_unsafe(), line);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// Calls fn for each element of the array o[key]; nothing if it is absent
// or not an array (files written by other tools may leave fields out).
template <typename Fn>
void EachIn(object o, const char* key, Fn fn) {
  simdjson::dom::array arr;
  if (o[key].get_array().get(arr)) return;
  for (element x : arr) fn(x);
}

std::int64_t IntAt(element e, std::size_t i) {
  element x;
  if (e.at(i).get(x)) return 0;
  int64_t v = 0;
  if (x.get_int64().get(v)) return 0;
  return v;
}

}  // namespace

Status BuildDatabase(const std::string& dir) {
  namespace fs = std::filesystem;
  std::string final_path = dir + "/sitrep.db";
  std::string tmp = final_path + ".partial";
  std::remove(tmp.c_str());
  Status st;
  {
    Db db;
    if (st = db.Open(tmp); !st.ok()) return st;
    if (st = db.Exec("BEGIN"); !st.ok()) return st;
    if (st = db.Exec(kSchemaSql); !st.ok()) return st;
    {
      sqlite3_stmt* meta = db.Prepare("INSERT INTO meta VALUES (?, ?)");
      if (!meta) return db.Error("prepare");
      Row(meta).Text("schema_version").Text(std::to_string(kDatabaseSchemaVersion)).Done();
    }
    auto* art = db.Prepare("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    auto* rem = db.Prepare("INSERT INTO removed VALUES (?,?,?,?)");
    auto* men = db.Prepare("INSERT INTO mentions VALUES (?,?,?,?,?,?,?)");
    auto* tim = db.Prepare("INSERT INTO times VALUES (?,?,?,?,?,?,?)");
    auto* inc = db.Prepare("INSERT INTO inconsistencies VALUES (?,?,?,?,?,?,?)");
    auto* ent = db.Prepare("INSERT INTO entities VALUES (?,?,?,?,?,?,?)");
    auto* eal = db.Prepare("INSERT INTO entity_aliases VALUES (?,?)");
    auto* ero = db.Prepare("INSERT INTO entity_roles VALUES (?,?)");
    auto* ear = db.Prepare("INSERT INTO entity_articles VALUES (?,?)");
    auto* quo = db.Prepare("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    auto* qsa = db.Prepare("INSERT INTO quote_same_as VALUES (?,?)");
    auto* evt = db.Prepare("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    auto* evm = db.Prepare("INSERT INTO event_mentions VALUES (?,?,?,?)");
    auto* sto = db.Prepare("INSERT INTO stories VALUES (?,?,?,?,?)");
    auto* sar = db.Prepare("INSERT INTO story_articles VALUES (?,?)");
    for (auto* s : {art, rem, men, tim, inc, ent, eal, ero, ear, quo, qsa, evt, evm, sto, sar}) {
      if (!s) return db.Error("prepare statements for");
    }
    bool ok = true;
    auto check = [&](bool done) { ok = ok && done; };

    st = ForEachLine(dir + "/articles.jsonl", [&](object o, const std::string&) {
      std::string_view id;
      if (o["id"].get_string().get(id)) return Status(Code::kCorrupt, "article without id");
      check(Row(art).Text(id).Value(o["source"]).Value(o["status"]).Value(o["reason"]).Value(o["outlet"])
                .Value(o["published"]).Value(o["published_from"]).Value(o["title"]).Value(o["author"])
                .Value(o["url"]).Value(o["language"]).Value(o["translated_from"]).Value(o["text"])
                .Value(o["token_count"]).Value(o["warnings"]).Value(o["sentences"]).Value(o["tone"]["tone"])
                .Value(o["tone"]["positive"]).Value(o["tone"]["negative"]).Value(o["tone"]["polarity"])
                .Value(o["tone"]["word_count"]).Done());
      std::int64_t k = 0;
      EachIn(o, "removed", [&](element r) {
        check(Row(rem).Text(id).Int(k++).Value(r["text"]).Value(r["why"]).Done());
      });
      k = 0;
      EachIn(o, "mentions", [&](element m) {
        check(Row(men).Text(id).Int(k++).Value(m["start"]).Value(m["end"]).Value(m["text"]).Value(m["type"])
                  .Value(m["entity"]).Done());
      });
      k = 0;
      EachIn(o, "times", [&](element t) {
        check(Row(tim).Text(id).Int(k++).Value(t["start"]).Value(t["end"]).Value(t["text"]).Value(t["type"])
                  .Value(t["value"]).Done());
      });
      k = 0;
      EachIn(o, "inconsistencies", [&](element x) {
        check(Row(inc).Text(id).Int(k++).Value(x["start"]).Value(x["end"]).Value(x["text"]).Value(x["kind"])
                  .Value(x["detail"]).Done());
      });
      return Status::Ok();
    });
    if (!st.ok()) return st;

    st = ForEachLine(dir + "/entities.jsonl", [&](object o, const std::string& line) {
      std::string_view id;
      if (o["id"].get_string().get(id)) return Status(Code::kCorrupt, "entity without id");
      check(Row(ent).Text(id).Value(o["name"]).Value(o["type"]).Value(o["country"]).Value(o["actor_code"])
                .Value(o["mention_count"]).Text(line).Done());
      EachIn(o, "aliases", [&](element x) { check(Row(eal).Text(id).Value(x).Done()); });
      EachIn(o, "roles", [&](element x) { check(Row(ero).Text(id).Value(x).Done()); });
      EachIn(o, "articles", [&](element x) { check(Row(ear).Text(id).Value(x).Done()); });
      return Status::Ok();
    });
    if (!st.ok()) return st;

    st = ForEachLine(dir + "/quotes.jsonl", [&](object o, const std::string& line) {
      std::string_view id;
      if (o["id"].get_string().get(id)) return Status(Code::kCorrupt, "quote without id");
      auto sp = o["speaker"];
      check(Row(quo).Text(id).Value(o["article"]).Value(o["start"]).Value(o["end"]).Value(o["text"])
                .Value(o["kind"]).Value(sp["entity"]).Value(sp["name"]).Value(sp["description"])
                .Value(o["cue"]).Text(line).Done());
      EachIn(o, "same_as", [&](element x) { check(Row(qsa).Text(id).Value(x).Done()); });
      return Status::Ok();
    });
    if (!st.ok()) return st;

    st = ForEachLine(dir + "/events.jsonl", [&](object o, const std::string& line) {
      std::string_view id;
      if (o["id"].get_string().get(id)) return Status(Code::kCorrupt, "event without id");
      auto src = o["source"], tgt = o["target"], loc = o["location"];
      bool negated = false;
      if (o["negated"].get_bool().get(negated)) negated = false;
      check(Row(evt).Text(id).Value(o["date"]).Value(o["cameo"]).Value(o["root"]).Value(o["quad_class"])
                .Value(o["goldstein"]).Value(src["entity"]).Value(src["name"]).Value(src["actor_code"])
                .Value(tgt["entity"]).Value(tgt["name"]).Value(tgt["actor_code"]).Value(loc["name"])
                .Value(loc["country"]).Value(loc["entity"]).Int(negated ? 1 : 0).Value(o["num_articles"])
                .Value(o["num_outlets"]).Text(line).Done());
      EachIn(o, "mentions", [&](element m) {
        element sent;
        std::int64_t b = 0, e = 0;
        if (!m["sentence"].get(sent)) {
          b = IntAt(sent, 0);
          e = IntAt(sent, 1);
        }
        check(Row(evm).Text(id).Value(m["article"]).Int(b).Int(e).Done());
      });
      return Status::Ok();
    });
    if (!st.ok()) return st;

    st = ForEachLine(dir + "/stories.jsonl", [&](object o, const std::string& line) {
      std::string_view id;
      if (o["id"].get_string().get(id)) return Status(Code::kCorrupt, "story without id");
      check(Row(sto).Text(id).Value(o["title"]).Value(o["first_seen"]).Value(o["last_seen"]).Text(line).Done());
      EachIn(o, "articles", [&](element x) { check(Row(sar).Text(id).Value(x).Done()); });
      return Status::Ok();
    });
    if (!st.ok()) return st;
    if (!ok) return db.Error("insert rows into");
    if (st = db.Exec(kFillSearchIndexSql); !st.ok()) return st;
    if (st = db.Exec("COMMIT"); !st.ok()) return st;
  }
  std::error_code ec;
  fs::rename(tmp, final_path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return Status(Code::kIoError, "cannot rename " + tmp + ": " + ec.message());
  }
  return Status::Ok();
}

}  // namespace sitrep::store
