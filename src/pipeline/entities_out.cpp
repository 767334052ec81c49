#include "pipeline/entities_out.h"

#include "core/json_writer.h"
#include "store/output.h"

namespace sitrep::pipeline {

void AppendEntityJson(const resolve::Resolver::Entity& e, std::string* out) {
  JsonWriter w(*out);
  auto strings = [&](const std::vector<std::string>& v) {
    w.BeginArray();
    for (const auto& x : v) w.String(x);
    w.EndArray();
  };
  w.BeginObject();
  w.Key("id");
  w.String(e.id);
  w.Key("name");
  w.String(e.name);
  w.Key("type");
  w.String(e.type);
  w.Key("aliases");
  strings(e.aliases);
  w.Key("roles");
  strings(e.roles);
  w.Key("country");
  if (e.country.empty()) w.Null(); else w.String(e.country);
  w.Key("actor_code");
  if (e.actor_code.empty()) w.Null(); else w.String(e.actor_code);
  w.Key("articles");
  strings(e.articles);
  w.Key("mention_count");
  w.UInt(e.mention_count);
  w.EndObject();
}

Status WriteEntitiesFile(const std::string& path, const std::vector<resolve::Resolver::Entity>& entities) {
  store::OutputFile out;
  if (Status s = out.Open(path); !s.ok()) return s;
  std::string buf;
  for (const auto& e : entities) {
    AppendEntityJson(e, &buf);
    buf.push_back('\n');
    if (buf.size() > (1 << 20)) {
      if (Status s = out.Write(buf); !s.ok()) return s;
      buf.clear();
    }
  }
  if (Status s = out.Write(buf); !s.ok()) return s;
  return out.Commit();
}

std::unordered_map<std::string, std::string> EntityCodes(const std::vector<resolve::Resolver::Entity>& entities) {
  std::unordered_map<std::string, std::string> codes;
  for (const auto& e : entities) {
    if (!e.actor_code.empty()) codes.emplace(e.id, e.actor_code);
  }
  return codes;
}

}  // namespace sitrep::pipeline
