#include "syntax/parser.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdio>
#include <limits>
#include <map>
#include <random>

#include "core/hash.h"
#include "syntax/feature_hash.h"

namespace sitrep::syntax {
namespace {

constexpr std::size_t kMaxParserFeatures = 128;
constexpr std::uint64_t kNone = 0x11, kRootWord = 0x22;

inline int Bucket(int d) {
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  return 7;
}

std::size_t ParserFeatures(const ParseState& st, const TokenFeatures* t, const std::uint64_t* tags, bool clusters,
                           std::uint64_t* out) {
  const int n = st.n;
  const std::size_t ss = st.stack.size();
  const int s0 = ss >= 1 ? st.stack[ss - 1] : -1;
  const int s1 = ss >= 2 ? st.stack[ss - 2] : -1;
  const int s2 = ss >= 3 ? st.stack[ss - 3] : -1;
  const int n0 = st.i;
  const int n1 = st.i + 1 < n ? st.i + 1 : -1;
  const int n2 = st.i + 2 < n ? st.i + 2 : -1;
  auto W = [&](int k) -> std::uint64_t { return k < 0 ? kNone : k == n ? kRootWord : t[k].lower; };
  auto P = [&](int k) -> std::uint64_t { return k < 0 ? kNone : k == n ? kRootWord : tags[k]; };
  auto L = [&](int k) -> std::uint64_t { return k < 0 ? kNone : static_cast<std::uint64_t>(st.label[k] + 2); };
  auto get = [](const std::vector<int>& v, int k) { return k < 0 ? -1 : v[k]; };
  const int s0l1 = get(st.l1, s0), s0l2 = get(st.l2, s0), s0r1 = get(st.r1, s0), s0r2 = get(st.r2, s0);
  const int n0l1 = get(st.l1, n0), n0l2 = get(st.l2, n0);
  const int s1r1 = get(st.r1, s1), s1l1 = get(st.l1, s1);

  const std::uint64_t s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1), s2p = P(s2);
  const std::uint64_t n0w = W(n0), n0p = P(n0), n1w = W(n1), n1p = P(n1), n2w = W(n2), n2p = P(n2);
  const std::uint64_t s0wp = Feat(0, s0w, s0p), n0wp = Feat(0, n0w, n0p), s1wp = Feat(0, s1w, s1p);
  const std::uint64_t d = s0 < 0 ? 0 : static_cast<std::uint64_t>(Bucket(n0 - s0));
  const std::uint64_t d1 = s1 < 0 ? 0 : static_cast<std::uint64_t>(Bucket(s0 - s1));
  const std::uint64_t s0vl = s0 < 0 ? 0 : static_cast<std::uint64_t>(std::min(st.nl[s0], 7));
  const std::uint64_t s0vr = s0 < 0 ? 0 : static_cast<std::uint64_t>(std::min(st.nr[s0], 7));
  const std::uint64_t n0vl = static_cast<std::uint64_t>(std::min(st.nl[n0], 7));
  const std::uint64_t s1vr = s1 < 0 ? 0 : static_cast<std::uint64_t>(std::min(st.nr[s1], 7));
  const std::uint64_t s0ll = s0 < 0 ? 0 : st.lset[s0], s0rl = s0 < 0 ? 0 : st.rset[s0];
  const std::uint64_t n0ll = st.lset[n0];

  std::size_t k = 0;
  auto f1 = [&](std::uint64_t a) { out[k] = Feat(k + 100, a); ++k; };
  auto f2 = [&](std::uint64_t a, std::uint64_t b) { out[k] = Feat(k + 100, a, b); ++k; };
  auto f3 = [&](std::uint64_t a, std::uint64_t b, std::uint64_t c) { out[k] = Feat(k + 100, a, b, c); ++k; };
  f1(1);
  // Unigrams.
  f1(s0wp); f1(s0w); f1(s0p);
  f1(n0wp); f1(n0w); f1(n0p);
  f1(Feat(0, n1w, n1p)); f1(n1w); f1(n1p);
  f1(n2w); f1(n2p);
  f1(s1wp); f1(s1w); f1(s1p);
  f1(s2p);
  // Pairs: s0 with n0 (LEFT decisions) and s1 with s0 (RIGHT decisions).
  f2(s0wp, n0wp); f2(s0wp, n0w); f2(s0w, n0wp); f2(s0wp, n0p); f2(s0p, n0wp); f2(s0w, n0w); f2(s0p, n0p);
  f2(n0p, n1p);
  f2(s1wp, s0wp); f2(s1w, s0w); f2(s1p, s0p); f2(s1p, s0wp); f2(s1wp, s0p); f2(s1w, s0p); f2(s1p, s0w);
  // Trigrams of tags.
  f3(n0p, n1p, n2p); f3(s0p, n0p, n1p); f3(s1p, s0p, n0p); f3(s2p, s1p, s0p);
  f3(s0p, P(s0l1), n0p); f3(s0p, P(s0r1), n0p); f3(s0p, n0p, P(n0l1));
  f3(s1p, s0p, P(s0l1)); f3(s1p, s0p, P(s0r1)); f3(s1p, P(s1r1), s0p); f3(s1p, P(s1l1), s0p);
  // Distance.
  f2(s0w, d); f2(s0p, d); f2(n0w, d); f2(n0p, d); f3(s0w, n0w, d); f3(s0p, n0p, d);
  f3(s1p, s0p, d1); f3(s1w, s0w, d1); f2(s0p, d1);
  // Valency.
  f2(s0w, s0vr); f2(s0p, s0vr); f2(s0w, s0vl); f2(s0p, s0vl); f2(n0w, n0vl); f2(n0p, n0vl);
  f2(s1w, s1vr); f2(s1p, s1vr);
  // Children.
  f1(W(s0l1)); f1(P(s0l1)); f1(L(s0l1));
  f1(W(s0r1)); f1(P(s0r1)); f1(L(s0r1));
  f1(W(n0l1)); f1(P(n0l1)); f1(L(n0l1));
  f1(W(s1r1)); f1(P(s1r1)); f1(L(s1r1));
  f1(W(s0l2)); f1(P(s0l2)); f1(L(s0l2));
  f1(W(s0r2)); f1(P(s0r2)); f1(L(s0r2));
  f1(W(n0l2)); f1(P(n0l2)); f1(L(n0l2));
  f3(s0p, L(s0l1), L(s0l2)); f3(s0p, L(s0r1), L(s0r2)); f3(n0p, L(n0l1), L(n0l2));
  f3(s0p, P(s0l1), P(s0l2)); f3(s0p, P(s0r1), P(s0r2)); f3(n0p, P(n0l1), P(n0l2));
  // Label sets.
  f2(s0w, s0rl); f2(s0p, s0rl); f2(s0w, s0ll); f2(s0p, s0ll); f2(n0w, n0ll); f2(n0p, n0ll);
  // s1 and n0 compete to become the head of s0.
  const std::uint64_t d2 = s1 < 0 ? 0 : static_cast<std::uint64_t>(Bucket(n0 - s1));
  f2(s1p, n0p); f2(s1w, n0w); f3(s1p, n0p, d2); f3(s1wp, s0p, n0p); f3(s1p, s0wp, n0p); f3(s1p, s0p, n0wp);
  // Lexical context around the buffer front.
  f2(n0w, n1w); f3(s0p, n0w, n1p); f2(Feat(1, t[std::min(n0, n - 1)].suffix[2]), n0 == n);
  if (!clusters) {  // a model trained without them parses as before
    assert(k <= kMaxParserFeatures);
    return k;
  }
  // Distributional clusters (word_clusters.h) of the stack top and the
  // buffer front: share weights between words used alike.
  auto C = [&](int j) -> std::uint32_t { return j < 0 ? 0x1fffffff : j == n ? 0x2fffffff : t[j].cluster; };
  const std::uint64_t s0m = MidCluster(C(s0)) | (C(s0) & 0xf0000000), n0m = MidCluster(C(n0)) | (C(n0) & 0xf0000000);
  const std::uint64_t n1m = MidCluster(C(n1)) | (C(n1) & 0xf0000000), s1m = MidCluster(C(s1)) | (C(s1) & 0xf0000000);
  f1(s0m); f1(n0m); f1(n1m); f1(s1m);
  f1(FineCluster(C(s0)) | (C(s0) & 0xf0000000)); f1(FineCluster(C(n0)) | (C(n0) & 0xf0000000));
  f2(s0m, n0m); f2(s0m, n0p); f2(s0p, n0m); f2(s1m, s0m);
  assert(k <= kMaxParserFeatures);
  return k;
}

}  // namespace

std::uint64_t TagHash(std::string_view upos, std::string_view xpos) {
  return Hash64(upos, 41) ^ (Hash64(xpos, 43) * 5);
}

void ParseState::Init(int words) {
  n = words;
  i = 0;
  stack.clear();
  const std::size_t m = static_cast<std::size_t>(words) + 1;
  for (auto* v : {&head, &label, &l1, &l2, &r1, &r2}) v->assign(m, -1);
  nl.assign(m, 0);
  nr.assign(m, 0);
  lset.assign(m, 0);
  rset.assign(m, 0);
}

void ParseState::AddArc(int h, int d, int lab) {
  head[d] = h;
  label[d] = lab;
  const std::uint64_t bit = std::uint64_t{1} << (static_cast<unsigned>(lab) & 63);
  if (d < h) {
    if (l1[h] < 0 || d < l1[h]) {
      l2[h] = l1[h];
      l1[h] = d;
    } else if (l2[h] < 0 || d < l2[h]) {
      l2[h] = d;
    }
    ++nl[h];
    lset[h] |= bit;
  } else {
    if (r1[h] < 0 || d > r1[h]) {
      r2[h] = r1[h];
      r1[h] = d;
    } else if (r2[h] < 0 || d > r2[h]) {
      r2[h] = d;
    }
    ++nr[h];
    rset[h] |= bit;
  }
}

namespace {

// Classes: 0 = SHIFT, 1 + 2l = LEFT with label l, 2 + 2l = RIGHT with label l.
inline bool Valid(const ParseState& st, std::uint32_t cls, std::uint32_t root_label) {
  const std::size_t ss = st.stack.size();
  if (cls == 0) return st.i < st.n;
  const std::uint32_t lab = (cls - 1) / 2;
  if ((cls - 1) % 2 == 0) {  // LEFT
    if (ss == 0) return false;
    if (st.i == st.n) return ss == 1 && lab == root_label;
    return lab != root_label;
  }
  return ss >= 2 && lab != root_label;  // RIGHT
}

inline void Apply(ParseState& st, std::uint32_t cls) {
  if (cls == 0) {
    st.stack.push_back(st.i++);
    return;
  }
  const int lab = static_cast<int>((cls - 1) / 2);
  const int s0 = st.stack.back();
  st.stack.pop_back();
  if ((cls - 1) % 2 == 0) {
    st.AddArc(st.i, s0, lab);
  } else {
    st.AddArc(st.stack.back(), s0, lab);
  }
}

inline bool Done(const ParseState& st) { return st.i == st.n && st.stack.empty(); }

}  // namespace

void Parser::Parse(const TokenFeatures* feats, const std::uint64_t* tags, int n, ParseState& st, int* heads,
                   std::uint16_t* labels) const {
  st.Init(n);
  std::uint64_t keys[kMaxParserFeatures];
  std::int32_t scores[512];
  const std::uint32_t nc = model_.num_classes();
  while (!Done(st)) {
    std::size_t nf = ParserFeatures(st, feats, tags, clusters_, keys);
    model_.Score(keys, nf, scores);
    std::uint32_t best = 0;
    std::int32_t best_score = std::numeric_limits<std::int32_t>::min();
    for (std::uint32_t c = 0; c < nc; ++c) {
      if (scores[c] > best_score && Valid(st, c, root_label_)) {
        best = c;
        best_score = scores[c];
      }
    }
    Apply(st, best);
  }
  for (int k = 0; k < n; ++k) {
    heads[k] = st.head[k] == n ? -1 : st.head[k];
    labels[k] = static_cast<std::uint16_t>(st.label[k]);
  }
}

std::string Parser::Save() const {
  ModelWriter w;
  w.Strings(labels_);
  w.U32(root_label_);
  model_.Save(w);
  if (clusters_) w.U32(1);  // last, so that models without it load unchanged
  return w.Finish(ModelKind::kParser);
}

std::unique_ptr<Parser> Parser::Load(std::string_view bytes, const std::string& name) {
  ModelReader r(bytes, ModelKind::kParser, name);
  auto p = std::make_unique<Parser>();
  p->labels_ = r.Strings();
  std::uint32_t root = r.U32();
  p->model_.Load(r);
  p->clusters_ = !r.AtEnd() && r.U32() != 0;
  r.ExpectEnd();
  if (p->labels_.empty() || root >= p->labels_.size() || p->labels_.size() > 200 ||
      p->model_.num_classes() != 1 + 2 * p->labels_.size()) {
    r.Fail("label table does not match the weights");
  }
  p->root_label_ = static_cast<std::uint16_t>(root);
  return p;
}

struct ParserTrainer {
  struct Prepared {
    std::vector<TokenFeatures> feats;
    std::vector<std::uint64_t> tags;
    std::vector<int> gold_head;  // root = n
    std::vector<int> gold_label;
  };

  static std::unique_ptr<Parser> Run(const std::vector<ConllSentence>& train,
                                     const std::vector<ConllSentence>& dev, const ParserTrainOptions& opt) {
    auto parser = std::make_unique<Parser>();
    std::map<std::string, int> label_index;
    for (const auto& s : train) {
      for (const auto& w : s.words) label_index.emplace(w.deprel, 0);
    }
    label_index.emplace("root", 0);
    int next = 0;
    for (auto& [name, id] : label_index) {
      id = next++;
      parser->labels_.push_back(name);
    }
    parser->root_label_ = static_cast<std::uint16_t>(label_index["root"]);
    parser->clusters_ = opt.clusters != nullptr;
    const std::uint32_t nc = static_cast<std::uint32_t>(1 + 2 * parser->labels_.size());

    // Tags for the training data: from taggers that did not see the
    // sentence (jackknifing), so the parser learns what predicted tags
    // look like at run time.
    std::vector<std::vector<std::uint64_t>> train_tags(train.size());
    const QuoteForms quotes = TrainingQuoteForms(opt);
    if (opt.jackknife > 1) {
      const int folds = opt.jackknife;
      for (int f = 0; f < folds; ++f) {
        std::vector<ConllSentence> rest;
        for (std::size_t s = 0; s < train.size(); ++s) {
          if (static_cast<int>(s % folds) != f) rest.push_back(train[s]);
        }
        TrainOptions topt = opt;
        topt.epochs = opt.tagger_epochs;
        topt.verbose = false;
        topt.two_pass = false;  // four two-pass taggers would cost more than the parser
        auto tagger = TrainTagger(rest, {}, topt);
        std::string lower;
        std::vector<std::string_view> forms;
        std::vector<TokenFeatures> feats;
        std::vector<std::uint16_t> tags;
        for (std::size_t s = f; s < train.size(); s += folds) {
          forms.clear();
          for (const auto& w : train[s].words) forms.push_back(w.form);
          SentenceFeatures(forms, lower, &feats, quotes);
          tags.resize(feats.size());
          tagger->Tag(feats.data(), feats.size(), tags.data());
          for (auto c : tags) train_tags[s].push_back(TagHash(tagger->upos(c), tagger->xpos(c)));
        }
        if (opt.verbose) std::fprintf(stderr, "parser: jackknife fold %d/%d tagged\n", f + 1, folds);
      }
    }

    auto prepare = [&](const std::vector<ConllSentence>& data, const std::vector<std::vector<std::uint64_t>>* tags) {
      std::vector<Prepared> out;
      std::string lower;
      std::vector<std::string_view> forms;
      for (std::size_t s = 0; s < data.size(); ++s) {
        const auto& sent = data[s];
        Prepared p;
        forms.clear();
        const int n = static_cast<int>(sent.words.size());
        bool ok = true;
        for (const auto& w : sent.words) {
          forms.push_back(w.form);
          if (w.head < 0) ok = false;
          p.gold_head.push_back(w.head == 0 ? n : w.head - 1);
          auto it = label_index.find(w.deprel);
          p.gold_label.push_back(it == label_index.end() ? -1 : it->second);
          p.tags.push_back(TagHash(w.upos, w.xpos));
        }
        if (!ok) continue;
        if (tags && !(*tags)[s].empty()) p.tags = (*tags)[s];
        SentenceFeatures(forms, lower, &p.feats, quotes);
        if (opt.clusters) FillClusters(*opt.clusters, p.feats.data(), p.feats.size());
        out.push_back(std::move(p));
      }
      return out;
    };
    std::vector<Prepared> tr = prepare(train, &train_tags), dv = prepare(dev, nullptr);

    PerceptronTrainer trainer(nc);
    std::mt19937_64 rng(opt.seed);
    std::vector<std::size_t> order(tr.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<float> scores(nc);
    std::vector<int> costs(nc);
    std::uint64_t keys[kMaxParserFeatures];
    ParseState st;
    const std::uint32_t root = parser->root_label_;
    for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
      auto t0 = std::chrono::steady_clock::now();
      std::shuffle(order.begin(), order.end(), rng);
      std::size_t errors = 0, steps = 0;
      for (std::size_t si : order) {
        const Prepared& p = tr[si];
        const int n = static_cast<int>(p.feats.size());
        st.Init(n);
        while (!Done(st)) {
          std::size_t nf = ParserFeatures(st, p.feats.data(), p.tags.data(), parser->clusters_, keys);
          trainer.Score(keys, nf, scores.data());
          Costs(st, p, root, costs.data(), nc);
          std::int64_t pred = -1, gold = -1;
          int min_cost = std::numeric_limits<int>::max();
          for (std::uint32_t c = 0; c < nc; ++c) {
            if (costs[c] >= 0) min_cost = std::min(min_cost, costs[c]);
          }
          for (std::uint32_t c = 0; c < nc; ++c) {
            if (costs[c] < 0) continue;
            if (pred < 0 || scores[c] > scores[pred]) pred = c;
            if (costs[c] == min_cost && (gold < 0 || scores[c] > scores[gold])) gold = c;
          }
          if (costs[pred] > min_cost) {
            trainer.Update(keys, nf, static_cast<std::uint32_t>(gold), static_cast<std::uint32_t>(pred));
            ++errors;
          }
          trainer.Tick();
          ++steps;
          // After the first epoch, follow the model's own (possibly wrong)
          // choice most of the time, so training visits the states that
          // mistakes lead to.
          bool explore = epoch > 1 && (rng() % 10) < 9;
          Apply(st, static_cast<std::uint32_t>(explore ? pred : gold));
        }
      }
      if (opt.verbose) {
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::fprintf(stderr, "parser epoch %d: %.4f of transitions wrong, %zu features, %.1fs", epoch,
                     static_cast<double>(errors) / static_cast<double>(steps), trainer.num_features(), secs);
        if (!dv.empty() && (epoch == opt.epochs || epoch % 3 == 0)) {
          parser->model_ = trainer.Finish(opt.min_updates);
          std::size_t ua = 0, la = 0, total = 0;
          std::vector<int> heads;
          std::vector<std::uint16_t> labels;
          for (const Prepared& q : dv) {
            const int n = static_cast<int>(q.feats.size());
            heads.resize(n);
            labels.resize(n);
            parser->Parse(q.feats.data(), q.tags.data(), n, st, heads.data(), labels.data());
            for (int k = 0; k < n; ++k) {
              int gh = q.gold_head[k] == n ? -1 : q.gold_head[k];
              if (heads[k] == gh) {
                ++ua;
                la += labels[k] == q.gold_label[k];
              }
              ++total;
            }
          }
          std::fprintf(stderr, ", dev (gold tags) UAS %.4f LAS %.4f", static_cast<double>(ua) / total,
                       static_cast<double>(la) / total);
        }
        std::fprintf(stderr, "\n");
      }
    }
    parser->model_ = trainer.Finish(opt.min_updates);
    return parser;
  }

  // Sets costs[c] to the number of gold arcs that class c makes
  // unreachable (-1 when c is not valid here).
  static void Costs(const ParseState& st, const Prepared& p, std::uint32_t root, int* costs, std::uint32_t nc) {
    const int n = st.n;
    const std::size_t ss = st.stack.size();
    const int b = st.i;
    const int s0 = ss ? st.stack[ss - 1] : -1;
    const int s1 = ss >= 2 ? st.stack[ss - 2] : -1;
    const auto& gh = p.gold_head;
    int shift = 0, left = 0, right = 0;
    if (b < n) {
      for (std::size_t k = 0; k < ss; ++k) {
        int s = st.stack[k];
        if (gh[s] == b) ++shift;
        if (gh[b] == s && s != s0) ++shift;
      }
    }
    if (s0 >= 0) {
      int deps_in_buffer = 0;
      for (int d = b; d < n; ++d) deps_in_buffer += gh[d] == s0;
      left = deps_in_buffer + (gh[s0] != b && (gh[s0] == s1 || gh[s0] > b));
      right = deps_in_buffer + (gh[s0] != s1 && gh[s0] >= b);
    }
    for (std::uint32_t c = 0; c < nc; ++c) {
      if (!Valid(st, c, root)) {
        costs[c] = -1;
        continue;
      }
      if (c == 0) {
        costs[c] = shift;
        continue;
      }
      const int lab = static_cast<int>((c - 1) / 2);
      if ((c - 1) % 2 == 0) {
        costs[c] = left + (gh[s0] == b && lab != p.gold_label[s0]);
      } else {
        costs[c] = right + (gh[s0] == s1 && lab != p.gold_label[s0]);
      }
    }
  }
};

std::unique_ptr<Parser> TrainParser(const std::vector<ConllSentence>& train,
                                    const std::vector<ConllSentence>& dev, const ParserTrainOptions& options) {
  return ParserTrainer::Run(train, dev, options);
}

}  // namespace sitrep::syntax
