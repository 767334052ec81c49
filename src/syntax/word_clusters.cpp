#include "syntax/word_clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "core/hash.h"
#include "core/resources.h"
#include "syntax/model_io.h"

namespace sitrep::syntax {
namespace {

[[noreturn]] void Bad(const std::string& path, const std::string& what) {
  SITREP_THROW(ConfigError, path << ": " << what);
}

// Spherical k-means: points and centroids are unit vectors, a point goes to
// the centroid with the largest dot product. `weight` may be empty (all 1).
std::vector<int> KMeans(const std::vector<float>& x, std::size_t n, std::size_t d, const std::vector<float>& weight,
                        int k, int iterations, std::uint64_t seed, bool verbose, const char* what,
                        std::vector<float>* centroids_out) {
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  std::shuffle(order.begin(), order.end(), rng);
  const std::size_t kk = static_cast<std::size_t>(k);
  std::vector<float> c(kk * d);
  for (std::size_t j = 0; j < kk; ++j) std::copy_n(&x[order[j % n] * d], d, &c[j * d]);
  std::vector<int> assign(n, -1);
  std::vector<double> sum(kk * d);
  std::vector<double> mass(kk);
  for (int it = 0; it < iterations; ++it) {
    std::size_t moved = 0;
    double objective = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const float* xi = &x[i * d];
      float best = -std::numeric_limits<float>::infinity();
      int arg = 0;
      for (std::size_t j = 0; j < kk; ++j) {
        const float* cj = &c[j * d];
        float s = 0;
        for (std::size_t t = 0; t < d; ++t) s += xi[t] * cj[t];
        if (s > best) {
          best = s;
          arg = static_cast<int>(j);
        }
      }
      moved += assign[i] != arg;
      assign[i] = arg;
      objective += best;
    }
    std::fill(sum.begin(), sum.end(), 0.0);
    std::fill(mass.begin(), mass.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      const double w = weight.empty() ? 1.0 : weight[i];
      const std::size_t j = static_cast<std::size_t>(assign[i]);
      for (std::size_t t = 0; t < d; ++t) sum[j * d + t] += w * x[i * d + t];
      mass[j] += w;
    }
    for (std::size_t j = 0; j < kk; ++j) {
      if (mass[j] == 0) continue;  // empty cluster keeps its centroid
      double norm = 0;
      for (std::size_t t = 0; t < d; ++t) norm += sum[j * d + t] * sum[j * d + t];
      norm = std::sqrt(norm);
      if (norm == 0) continue;
      for (std::size_t t = 0; t < d; ++t) c[j * d + t] = static_cast<float>(sum[j * d + t] / norm);
    }
    if (verbose) {
      std::fprintf(stderr, "clusters %s: iteration %d, %zu moved, mean cosine %.4f\n", what, it + 1, moved,
                   objective / static_cast<double>(n));
    }
    if (moved == 0) break;
  }
  if (centroids_out) *centroids_out = std::move(c);
  return assign;
}

}  // namespace

ClusterTable ReadClusterTable(const std::string& path) {
  std::ifstream in(path);
  if (!in) Bad(path, "cannot open the cluster table");
  ClusterTable table;
  std::string line, scratch;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string word;
    long f = -1, m = -1, c = -1;
    if (!std::getline(fields, word, '\t') || !(fields >> f >> m >> c) || f < 0 || f >= 0xfff || m < 0 ||
        m >= 0xff || c < 0 || c >= 0xff) {
      Bad(path, "line " + std::to_string(line_no) + ": expected word, fine, mid and coarse cluster");
    }
    TokenFeatures tf;
    ComputeTokenFeatures(word, scratch, &tf);
    const std::uint32_t packed = static_cast<std::uint32_t>(f + 1) | (static_cast<std::uint32_t>(m + 1) << 12) |
                                 (static_cast<std::uint32_t>(c + 1) << 20);
    table.emplace(tf.lower, packed);  // the first (most frequent) spelling wins
  }
  return table;
}

std::vector<VectorCluster> ParseVectorClusters(std::string_view clusters, std::string_view tree,
                                               const std::string& name) {
  auto number = [](std::string_view f, long* v) {
    if (f.empty() || f.size() > 9) return false;
    long x = 0;
    for (char c : f) {
      if (c < '0' || c > '9') return false;
      x = x * 10 + (c - '0');
    }
    *v = x;
    return true;
  };
  // fine id -> (mid, coarse)
  std::unordered_map<long, std::pair<std::uint32_t, std::uint32_t>> upper;
  std::size_t line_no = 0;
  for (std::string_view line : DataLines(tree)) {
    ++line_no;
    const std::size_t t1 = line.find('\t'), t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    long f = -1, m = -1, c = -1;
    if (t2 == std::string_view::npos || !number(line.substr(0, t1), &f) ||
        !number(line.substr(t1 + 1, t2 - t1 - 1), &m) || !number(line.substr(t2 + 1), &c) || f >= 4095 ||
        m >= 511 || c >= 255) {
      Bad(name, "tree line " + std::to_string(line_no) + ": expected fine, mid and coarse cluster");
    }
    upper[f] = {static_cast<std::uint32_t>(m), static_cast<std::uint32_t>(c)};
  }
  std::vector<VectorCluster> out;
  std::string scratch;
  line_no = 0;
  for (std::string_view line : DataLines(clusters)) {
    ++line_no;
    const std::size_t tab = line.find('\t');
    long f = -1;
    auto it = tab == std::string_view::npos || tab == 0 || !number(line.substr(tab + 1), &f) ? upper.end()
                                                                                            : upper.find(f);
    if (it == upper.end()) {
      Bad(name, "line " + std::to_string(line_no) + ": expected a word and a fine cluster of the tree");
    }
    TokenFeatures tf;
    ComputeTokenFeatures(line.substr(0, tab), scratch, &tf);
    out.push_back({tf.lower, static_cast<std::uint32_t>(f), it->second.first, it->second.second});
  }
  return out;
}

ClusterTable VectorClusterTable(std::string_view clusters, std::string_view tree, const std::string& clusters_name,
                                const std::string& tree_name) {
  ClusterTable table;
  for (const VectorCluster& v : ParseVectorClusters(clusters, tree, clusters_name)) {
    if (v.fine >= 0xfff || v.mid >= 0xff) Bad(tree_name, "a cluster id too large for the tagger's table");
    // The first (most frequent) spelling wins.
    table.emplace(v.lower, (v.fine + 1) | ((v.mid + 1) << 12) | ((v.coarse + 1) << 20));
  }
  return table;
}

ClusterTable ReadVectorClusterTables(const std::string& clusters_path, const std::string& tree_path) {
  const std::string tree = ReadFileOrThrow(tree_path);
  return VectorClusterTable(ReadFileOrThrow(clusters_path), tree, clusters_path, tree_path);
}

std::uint64_t ClusterTableChecksum(const ClusterTable& table) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries(table.begin(), table.end());
  std::sort(entries.begin(), entries.end());
  std::string bytes;
  bytes.reserve(entries.size() * 12);
  for (const auto& [key, value] : entries) {
    bytes.append(reinterpret_cast<const char*>(&key), sizeof key);
    bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  return Hash64(bytes);
}

std::string LearnClusters(const std::string& path, const ClusterOptions& opt) {
  const std::string json = ReadFileOrThrow(path);
  std::size_t pos = json.find("\"vectors\":{");
  if (pos == std::string::npos) Bad(path, "no \"vectors\" object");
  pos += 11;
  std::vector<std::string> words(opt.max_words);
  std::vector<std::vector<float>> vecs(opt.max_words);
  std::size_t dims = 0, kept = 0;
  std::vector<float> nums;
  while (pos < json.size()) {
    while (pos < json.size() && (json[pos] == ',' || json[pos] == ' ' || json[pos] == '\n')) ++pos;
    if (pos >= json.size() || json[pos] == '}') break;
    if (json[pos] != '"') Bad(path, "expected a word at byte " + std::to_string(pos));
    ++pos;
    std::string word;
    while (pos < json.size() && json[pos] != '"') {
      if (json[pos] == '\\' && pos + 1 < json.size()) {
        ++pos;
        char e = json[pos];
        word.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);  // \uXXXX kept as written: such words are skipped
        if (e == 'u') word.push_back('?');
      } else {
        word.push_back(json[pos]);
      }
      ++pos;
    }
    pos += 2;  // closing quote and ':'
    if (pos >= json.size() || json[pos - 1] != ':' || json[pos] != '[') Bad(path, "expected a vector for " + word);
    ++pos;
    nums.clear();
    while (pos < json.size() && json[pos] != ']') {
      char* end = nullptr;
      nums.push_back(std::strtof(json.c_str() + pos, &end));
      if (end == json.c_str() + pos) Bad(path, "bad number in the vector of " + word);
      pos = static_cast<std::size_t>(end - json.c_str());
      if (json[pos] == ',') ++pos;
    }
    ++pos;
    if (nums.size() < 3) Bad(path, "short vector for " + word);
    const std::size_t d = nums.size() - 2;  // the last two numbers are the norm and the word's rank
    if (dims == 0) dims = d;
    if (d != dims) Bad(path, "vectors of different lengths");
    const double rank = nums.back();
    if (rank < 0 || rank >= static_cast<double>(opt.max_words)) continue;
    const std::size_t r = static_cast<std::size_t>(rank);
    bool plain = !word.empty() && word.size() <= 60;
    for (char ch : word) plain = plain && ch != '\t' && ch != '\n' && ch != ' ' && ch != '?';
    if (!plain || !vecs[r].empty()) continue;
    double norm = 0;
    for (std::size_t t = 0; t < d; ++t) norm += static_cast<double>(nums[t]) * nums[t];
    if (norm <= 0) continue;
    norm = std::sqrt(norm);
    vecs[r].resize(d);
    for (std::size_t t = 0; t < d; ++t) vecs[r][t] = static_cast<float>(nums[t] / norm);
    words[r] = word;
    ++kept;
  }
  if (kept < static_cast<std::size_t>(opt.fine)) Bad(path, "too few words for the clusters asked for");
  std::vector<float> x;
  std::vector<std::size_t> rank_of;
  x.reserve(kept * dims);
  for (std::size_t r = 0; r < opt.max_words; ++r) {
    if (vecs[r].empty()) continue;
    x.insert(x.end(), vecs[r].begin(), vecs[r].end());
    rank_of.push_back(r);
  }
  const std::size_t n = rank_of.size();
  if (opt.verbose) std::fprintf(stderr, "clusters: %zu words of %zu dimensions\n", n, dims);
  std::vector<float> centroids;
  std::vector<int> fine = KMeans(x, n, dims, {}, opt.fine, opt.iterations, opt.seed, opt.verbose, "fine", &centroids);
  std::vector<float> size(static_cast<std::size_t>(opt.fine), 0.0f);
  for (int f : fine) size[static_cast<std::size_t>(f)] += 1.0f;
  const std::size_t nf = static_cast<std::size_t>(opt.fine);
  std::vector<int> mid = KMeans(centroids, nf, dims, size, opt.mid, 50, opt.seed + 1, false, "mid", nullptr);
  std::vector<int> coarse = KMeans(centroids, nf, dims, size, opt.coarse, 50, opt.seed + 2, false, "coarse", nullptr);
  std::string out;
  char buf[64];
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t f = static_cast<std::size_t>(fine[i]);
    std::snprintf(buf, sizeof buf, "\t%d\t%d\t%d\n", fine[i], mid[f], coarse[f]);
    out += words[rank_of[i]];
    out += buf;
  }
  return out;
}

}  // namespace sitrep::syntax
