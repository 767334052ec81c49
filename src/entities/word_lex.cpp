#include "entities/word_lex.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <cstdlib>

#include "core/error.h"
#include "core/resources.h"
#include "syntax/token_features.h"
#include "syntax/word_clusters.h"

namespace sitrep::entities {
namespace {

bool Capitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// A ratio as a bucket 1..4 (0 when nothing was seen).
std::uint32_t Bucket(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return 0;
  const double r = static_cast<double>(part) / static_cast<double>(whole);
  return r < 0.05 ? 1 : r < 0.5 ? 2 : r < 0.95 ? 3 : 4;
}

std::uint32_t ParseUint(std::string_view s, bool* ok) {
  std::uint32_t v = 0;
  if (s.empty()) *ok = false;
  for (char c : s) {
    if (c < '0' || c > '9') {
      *ok = false;
      return 0;
    }
    v = v * 10 + static_cast<std::uint32_t>(c - '0');
  }
  return v;
}

// A sparse vector: (dimension, value) sorted by dimension.
using Sparse = std::vector<std::pair<std::uint32_t, float>>;

// Spherical k-means over unit vectors; returns each vector's cluster.
std::vector<std::uint32_t> KMeans(const std::vector<Sparse>& vecs, std::size_t dims, int k, int iterations,
                                  std::uint64_t seed) {
  const std::size_t n = vecs.size();
  std::vector<std::uint32_t> assign(n, 0);
  if (n == 0) return assign;
  k = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(k), n));
  std::vector<float> cent(static_cast<std::size_t>(k) * dims, 0.0f);
  // Seeds: distinct vectors picked by a fixed generator (raw output, so
  // the choice does not depend on the standard library's distributions).
  std::mt19937_64 rng(seed);
  std::vector<char> used(n, 0);
  for (int c = 0; c < k; ++c) {
    std::size_t i = static_cast<std::size_t>(rng() % n);
    while (used[i]) i = (i + 1) % n;
    used[i] = 1;
    for (const auto& [d, v] : vecs[i]) cent[static_cast<std::size_t>(c) * dims + d] = v;
  }
  for (int it = 0; it < iterations; ++it) {
    for (std::size_t i = 0; i < n; ++i) {
      float best = -2.0f;
      std::uint32_t arg = 0;
      for (int c = 0; c < k; ++c) {
        const float* row = &cent[static_cast<std::size_t>(c) * dims];
        float s = 0.0f;
        for (const auto& [d, v] : vecs[i]) s += row[d] * v;
        if (s > best) best = s, arg = static_cast<std::uint32_t>(c);
      }
      assign[i] = arg;
    }
    std::vector<float> sum(cent.size(), 0.0f);
    std::vector<std::size_t> members(static_cast<std::size_t>(k), 0);
    for (std::size_t i = 0; i < n; ++i) {
      ++members[assign[i]];
      float* row = &sum[static_cast<std::size_t>(assign[i]) * dims];
      for (const auto& [d, v] : vecs[i]) row[d] += v;
    }
    for (int c = 0; c < k; ++c) {
      if (!members[static_cast<std::size_t>(c)]) continue;  // keeps its old centre
      float* row = &sum[static_cast<std::size_t>(c) * dims];
      double norm = 0.0;
      for (std::size_t d = 0; d < dims; ++d) norm += static_cast<double>(row[d]) * row[d];
      const float inv = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
      for (std::size_t d = 0; d < dims; ++d) cent[static_cast<std::size_t>(c) * dims + d] = row[d] * inv;
    }
  }
  return assign;
}

}  // namespace

WordLex WordLex::Parse(std::string_view contents, const std::string& name) {
  WordLex lex;
  std::string scratch;
  std::size_t line_no = 0, pos = 0;
  while (pos < contents.size()) {
    std::size_t nl = contents.find('\n', pos);
    if (nl == std::string_view::npos) nl = contents.size();
    std::string_view line = contents.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::string_view f[5];
    std::size_t nf = 0, p = 0;
    while (nf < 5) {
      std::size_t tab = line.find('\t', p);
      f[nf++] = line.substr(p, tab == std::string_view::npos ? std::string_view::npos : tab - p);
      if (tab == std::string_view::npos) break;
      p = tab + 1;
    }
    bool ok = nf == 5 && !f[0].empty();
    const std::uint64_t fine = ParseUint(f[1], &ok), coarse = ParseUint(f[2], &ok), propn = ParseUint(f[3], &ok),
                        caps = ParseUint(f[4], &ok);
    SITREP_CHECK(ok && fine < 511 && coarse < 63 && propn < 8 && caps < 8, ConfigError,
                 name + ": line " + std::to_string(line_no) + ": expected word, fine, coarse, propn, caps");
    syntax::TokenFeatures tf;
    syntax::ComputeTokenFeatures(f[0], scratch, &tf);
    lex.map_[tf.lower] = (fine + 1) | ((coarse + 1) << 9) | (propn << 15) | (caps << 18);
  }
  return lex;
}

void WordLex::AddVectorClusters(std::string_view clusters, std::string_view tree, const std::string& name) {
  for (const syntax::VectorCluster& c : syntax::ParseVectorClusters(clusters, tree, name)) {
    std::uint64_t& v = map_[c.lower];
    const std::uint64_t packed = (c.fine + 1) | ((c.mid + 1ull) << 12) | ((c.coarse + 1ull) << 21);
    if (LexVecFine(v) == 0) v |= packed << 21;  // the most frequent spelling wins
  }
}

void WordLex::AddFirstNames(std::string_view names, std::uint64_t bit) {
  std::string scratch;
  for (std::string_view name : DataLines(names)) {
    syntax::TokenFeatures tf;
    syntax::ComputeTokenFeatures(name, scratch, &tf);
    map_[tf.lower] |= bit;
  }
}

const WordLex& WordLex::Default() {
  static const WordLex lex = [] {
    WordLex x = HasResource("ner/words.tsv") ? Parse(Resource("ner/words.tsv"), "ner/words.tsv") : WordLex();
    if (HasResource("ner/vector_clusters.tsv") && HasResource("ner/vector_tree.tsv")) {
      x.AddVectorClusters(Resource("ner/vector_clusters.tsv"), Resource("ner/vector_tree.tsv"), "ner/vector_clusters.tsv");
    }
    if (HasResource("ner/first_names.txt")) x.AddFirstNames(Resource("ner/first_names.txt"));
    if (HasResource("ner/first_names_more.txt")) {
      x.AddFirstNames(Resource("ner/first_names_more.txt"), kLexMoreFirstName);
    }
    return x;
  }();
  return lex;
}

std::string LearnWordLex(const std::vector<LexSentence>& corpus, const LexOptions& opt) {
  struct Counts {
    std::uint64_t n = 0, tagged = 0, propn = 0, mid = 0, mid_caps = 0;
  };
  std::unordered_map<std::string, Counts> counts;
  std::string lw;
  std::vector<std::string> lower_words;
  for (const LexSentence& s : corpus) {
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      syntax::AsciiLower(s.words[i], lw);
      Counts& c = counts[lw];
      ++c.n;
      if (i < s.upos.size()) {
        ++c.tagged;
        c.propn += s.upos[i] == "PROPN";
      }
      if (i > 0) {
        const std::string& prev = s.words[i - 1];
        if (prev != "\"" && prev != "“" && prev != "(" && prev != ":" && prev != "-" && prev != "—" &&
            prev != "." && prev != "?" && prev != "!") {
          ++c.mid;
          c.mid_caps += Capitalised(s.words[i]);
        }
      }
    }
  }
  // Vocabulary (by count, then spelling) and context dimensions.
  std::vector<std::pair<std::string, Counts>> vocab;
  for (auto& [w, c] : counts) {
    if (c.n >= static_cast<std::uint64_t>(opt.min_count) && w.find('\t') == std::string::npos) vocab.emplace_back(w, c);
  }
  std::sort(vocab.begin(), vocab.end(),
            [](const auto& a, const auto& b) { return a.second.n != b.second.n ? a.second.n > b.second.n : a.first < b.first; });
  std::unordered_map<std::string, std::uint32_t> index, context;
  for (std::size_t i = 0; i < vocab.size(); ++i) index[vocab[i].first] = static_cast<std::uint32_t>(i);
  const std::uint32_t K = static_cast<std::uint32_t>(std::min<std::size_t>(static_cast<std::size_t>(opt.context_words), vocab.size()));
  for (std::uint32_t i = 0; i < K; ++i) context[vocab[i].first] = i;
  // Rare neighbours fall into classes by shape; sentence edges have their own.
  const std::uint32_t kRareCap = K, kRareLower = K + 1, kDigit = K + 2, kOther = K + 3, kEdge = K + 4;
  const std::uint32_t side = K + 5;
  auto ctx_of = [&](const std::string& w) -> std::uint32_t {
    syntax::AsciiLower(w, lw);
    auto it = context.find(lw);
    if (it != context.end()) return it->second;
    if (Capitalised(w)) return kRareCap;
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') return kRareLower;
    if (!w.empty() && w[0] >= '0' && w[0] <= '9') return kDigit;
    return kOther;
  };
  std::vector<std::unordered_map<std::uint32_t, float>> co(vocab.size());
  for (const LexSentence& s : corpus) {
    std::vector<std::uint32_t> cx(s.words.size());
    for (std::size_t i = 0; i < s.words.size(); ++i) cx[i] = ctx_of(s.words[i]);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      syntax::AsciiLower(s.words[i], lw);
      auto it = index.find(lw);
      if (it == index.end()) continue;
      auto& m = co[it->second];
      m[i > 0 ? cx[i - 1] : kEdge] += 1.0f;
      m[side + (i + 1 < s.words.size() ? cx[i + 1] : kEdge)] += 1.0f;
    }
  }
  // Positive pointwise mutual information, then unit length.
  const std::size_t dims = 2 * side;
  std::vector<double> marg(dims, 0.0);
  double total = 0.0;
  for (const auto& m : co) {
    for (const auto& [d, v] : m) marg[d] += v, total += v;
  }
  std::vector<Sparse> vecs(vocab.size());
  for (std::size_t i = 0; i < vocab.size(); ++i) {
    double wsum = 0.0;
    for (const auto& [d, v] : co[i]) wsum += v;
    Sparse& x = vecs[i];
    for (const auto& [d, v] : co[i]) {
      const double pmi = std::log(static_cast<double>(v) * total / (wsum * marg[d]));
      if (pmi > 0) x.emplace_back(d, static_cast<float>(pmi));
    }
    std::sort(x.begin(), x.end());
    double norm = 0.0;
    for (const auto& [d, v] : x) norm += static_cast<double>(v) * v;
    if (norm > 0) {
      const float inv = static_cast<float>(1.0 / std::sqrt(norm));
      for (auto& e : x) e.second *= inv;
    }
  }
  const auto fine = KMeans(vecs, dims, std::min(opt.fine_clusters, 510), opt.iterations, 1);
  const auto coarse = KMeans(vecs, dims, std::min(opt.coarse_clusters, 62), opt.iterations, 2);
  std::map<std::string, std::string> rows;
  char buf[64];
  for (std::size_t i = 0; i < vocab.size(); ++i) {
    const Counts& c = vocab[i].second;
    std::snprintf(buf, sizeof buf, "\t%u\t%u\t%u\t%u", fine[i], coarse[i], Bucket(c.propn, c.tagged),
                  Bucket(c.mid_caps, c.mid));
    rows[vocab[i].first] = buf;
  }
  std::string out;
  for (const auto& [w, r] : rows) {
    out += w;
    out += r;
    out += '\n';
  }
  return out;
}

VectorClusters LearnVectorClusters(const std::string& vectors, const VectorClusterOptions& opt) {
  syntax::ClusterOptions co;
  co.max_words = opt.words;
  co.fine = opt.fine;
  co.mid = opt.mid;
  co.coarse = opt.coarse;
  co.iterations = opt.iterations;
  co.verbose = false;
  const std::string table = syntax::LearnClusters(vectors, co);
  // LearnClusters writes `word fine mid coarse`, most frequent word first.
  VectorClusters out;
  std::vector<std::pair<int, int>> parent(static_cast<std::size_t>(opt.fine), {0, 0});
  for (std::size_t pos = 0; pos < table.size();) {
    std::size_t nl = table.find('\n', pos);
    if (nl == std::string::npos) nl = table.size();
    std::string_view line(table.data() + pos, nl - pos);
    pos = nl + 1;
    const std::size_t t1 = line.find('\t');
    const std::size_t t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
    if (t3 == std::string_view::npos) continue;
    const int f = std::atoi(std::string(line.substr(t1 + 1, t2 - t1 - 1)).c_str());
    parent[static_cast<std::size_t>(f)] = {std::atoi(std::string(line.substr(t2 + 1, t3 - t2 - 1)).c_str()),
                                           std::atoi(std::string(line.substr(t3 + 1)).c_str())};
    out.words.append(line.substr(0, t2));
    out.words += '\n';
  }
  char buf[48];
  for (std::size_t f = 0; f < parent.size(); ++f) {
    std::snprintf(buf, sizeof buf, "%zu\t%d\t%d\n", f, parent[f].first, parent[f].second);
    out.tree += buf;
  }
  return out;
}

}  // namespace sitrep::entities
