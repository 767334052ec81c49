#include "core/resources.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "core/error.h"
#include "core/resources_table.h"

namespace sitrep {
namespace {

struct OverrideCache {
  std::mutex mu;
  std::map<std::string, std::string, std::less<>> files;
};

OverrideCache& Cache() {
  static OverrideCache cache;
  return cache;
}

// Looks name up under $SITREP_DATA; returns nullptr if not set or absent.
const std::string* FromOverride(std::string_view name) {
  const char* dir = std::getenv("SITREP_DATA");
  if (!dir || !*dir) return nullptr;
  OverrideCache& c = Cache();
  std::lock_guard<std::mutex> lock(c.mu);
  auto it = c.files.find(name);
  if (it != c.files.end()) return &it->second;
  std::string path = std::string(dir) + "/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream ss;
  ss << in.rdbuf();
  return &c.files.emplace(std::string(name), ss.str()).first->second;
}

const detail::EmbeddedResource* FromEmbedded(std::string_view name) {
  for (std::size_t i = 0; i < detail::kEmbeddedResourceCount; ++i) {
    if (name == detail::kEmbeddedResources[i].name) return &detail::kEmbeddedResources[i];
  }
  return nullptr;
}

}  // namespace

std::string_view Resource(std::string_view name) {
  if (const std::string* s = FromOverride(name)) return *s;
  if (const auto* r = FromEmbedded(name)) {
    return {r->begin, static_cast<std::size_t>(r->end - r->begin)};
  }
  SITREP_THROW(ConfigError, "data file '" << name << "' is not compiled into this binary"
                                          << " and not found under $SITREP_DATA");
}

bool HasResource(std::string_view name) {
  return FromOverride(name) != nullptr || FromEmbedded(name) != nullptr;
}

std::vector<std::string> ResourceNames() {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < detail::kEmbeddedResourceCount; ++i) {
    names.emplace_back(detail::kEmbeddedResources[i].name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string_view> DataLines(std::string_view contents) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= contents.size()) {
    std::size_t nl = contents.find('\n', pos);
    if (nl == std::string_view::npos) nl = contents.size();
    std::string_view line = contents.substr(pos, nl - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty() && line.front() != '#') lines.push_back(line);
    pos = nl + 1;
  }
  return lines;
}

}  // namespace sitrep
