#include <algorithm>
#include <charconv>
#include <mutex>
#include <string>

#include "core/error.h"
#include "core/resources.h"
#include "events/events.h"

namespace sitrep::events {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t t = line.find('\t', start);
    out.push_back(line.substr(start, t == std::string_view::npos ? std::string_view::npos : t - start));
    if (t == std::string_view::npos) break;
    start = t + 1;
  }
  return out;
}

}  // namespace

Codebook Codebook::Parse(std::string_view tsv) {
  Codebook cb;
  std::size_t pos = 0, no = 0;
  while (pos < tsv.size()) {
    std::size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() : nl + 1;
    ++no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitTabs(line);
    if (f.size() < 3 || f[0].size() < 3 || QuadClass(f[0]) == 0) {
      SITREP_THROW(ConfigError, "events/cameo.tsv:" + std::to_string(no) + ": expected code, goldstein, name");
    }
    CodeInfo c;
    c.code = std::string(f[0]);
    c.goldstein = std::stod(std::string(f[1]));
    c.name = std::string(f[2]);
    std::string_view flags = f.size() > 3 ? f[3] : std::string_view();
    c.symmetric = flags.find("sym") != std::string_view::npos;
    c.own_means = flags.find("own") != std::string_view::npos;
    cb.codes_.push_back(std::move(c));
  }
  std::sort(cb.codes_.begin(), cb.codes_.end(), [](const CodeInfo& a, const CodeInfo& b) { return a.code < b.code; });
  return cb;
}

const Codebook& Codebook::Default() {
  static const Codebook cb = Parse(Resource("events/cameo.tsv"));
  return cb;
}

const CodeInfo* Codebook::Find(std::string_view code) const {
  auto it = std::lower_bound(codes_.begin(), codes_.end(), code,
                             [](const CodeInfo& c, std::string_view k) { return c.code < k; });
  return it != codes_.end() && it->code == code ? &*it : nullptr;
}

int QuadClass(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9') return 0;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (root < 1 || root > 20) return 0;
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

}  // namespace sitrep::events
