#include "entities/ner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <numeric>
#include <random>

#include "core/hash.h"
#include "syntax/feature_hash.h"
#include "syntax/model_io.h"

namespace sitrep::entities {
namespace {

using syntax::Feat;
using syntax::TokenFeatures;

constexpr std::size_t kMaxFeatures = 128;
constexpr std::uint64_t kNoLabel = 0xff;

bool Allowed(std::uint8_t label, std::uint64_t prev) {
  if (label == kOutside || IsBegin(label)) return true;
  if (prev == kNoLabel || prev == kOutside) return false;
  return LabelType(static_cast<std::uint8_t>(prev)) == LabelType(label);
}

// How capitalised the sentence is, as the tagger measures it: a capital
// letter says little in a headline.
std::uint64_t CapsBucket(const NerToken* t, std::size_t n) {
  std::size_t alpha = 0, caps = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(t[i].f.flags & syntax::kHasAlpha)) continue;
    ++alpha;
    caps += (t[i].f.flags & (syntax::kTitle | syntax::kAllUpper)) != 0;
  }
  if (alpha < 3) return 4;
  std::size_t pct = caps * 100 / alpha;
  return pct < 30 ? 0 : pct < 50 ? 1 : pct < 80 ? 2 : 3;
}

std::size_t Features(const NerToken* t, std::size_t n, std::size_t i, std::uint64_t p1, std::uint64_t p2,
                     std::uint64_t caps, std::uint64_t* out) {
  static const NerToken kBefore = [] {
    NerToken x;
    x.f = syntax::PaddingFeatures(true);
    x.upos = x.xpos = x.deprel = x.head_lower = 0x1111;
    return x;
  }();
  static const NerToken kAfter = [] {
    NerToken x;
    x.f = syntax::PaddingFeatures(false);
    x.upos = x.xpos = x.deprel = x.head_lower = 0x2222;
    return x;
  }();
  auto at = [&](long k) -> const NerToken& {
    if (k < 0) return kBefore;
    if (k >= static_cast<long>(n)) return kAfter;
    return t[k];
  };
  const long ii = static_cast<long>(i);
  const NerToken& w0 = t[i];
  const NerToken& m1 = at(ii - 1);
  const NerToken& m2 = at(ii - 2);
  const NerToken& p1t = at(ii + 1);
  const NerToken& p2t = at(ii + 2);
  const TokenFeatures& f0 = w0.f;
  const std::uint64_t title = f0.flags & (syntax::kTitle | syntax::kAllUpper | syntax::kHasUpper);
  std::size_t k = 0;
  out[k++] = Feat(1, 0);
  out[k++] = Feat(2, f0.lower);
  out[k++] = Feat(3, f0.form);
  for (int s = 0; s < 4; ++s) out[k++] = Feat(4 + s, f0.suffix[s]);
  for (int s = 0; s < 3; ++s) out[k++] = Feat(8 + s, f0.prefix[s]);
  out[k++] = Feat(11, f0.shape);
  out[k++] = Feat(12, m1.f.lower);
  out[k++] = Feat(13, p1t.f.lower);
  out[k++] = Feat(14, m2.f.lower);
  out[k++] = Feat(15, p2t.f.lower);
  out[k++] = Feat(16, m1.f.shape);
  out[k++] = Feat(17, p1t.f.shape);
  out[k++] = Feat(18, w0.upos);
  out[k++] = Feat(19, m1.upos);
  out[k++] = Feat(20, p1t.upos);
  out[k++] = Feat(21, m1.upos, w0.upos);
  out[k++] = Feat(22, w0.upos, p1t.upos);
  out[k++] = Feat(23, p1);
  out[k++] = Feat(24, p1, p2);
  out[k++] = Feat(25, p1, f0.shape);
  out[k++] = Feat(26, p1, f0.lower);
  out[k++] = Feat(27, w0.deprel);
  out[k++] = Feat(28, w0.deprel, w0.upos);
  out[k++] = Feat(29, w0.deprel, w0.head_lower);
  out[k++] = Feat(30, m1.f.lower, f0.shape);
  out[k++] = Feat(31, f0.shape, p1t.f.lower);
  out[k++] = Feat(32, i == 0, title);
  out[k++] = Feat(33, caps, title);
  out[k++] = Feat(34, caps, f0.lower);
  out[k++] = Feat(35, w0.doc, title, i == 0);
  out[k++] = Feat(36, w0.doc, w0.upos);
  out[k++] = Feat(37, m1.f.lower, f0.lower);
  out[k++] = Feat(38, f0.lower, p1t.f.lower);
  out[k++] = Feat(39, f0.suffix[2], w0.upos);
  out[k++] = Feat(40, m1.f.suffix[2]);
  out[k++] = Feat(41, p1t.f.suffix[2]);
  out[k++] = Feat(42, f0.shape, w0.upos, p1);
  out[k++] = Feat(43, w0.xpos);
  out[k++] = Feat(44, w0.xpos, p1t.xpos);
  out[k++] = Feat(45, m1.xpos, w0.xpos);
  out[k++] = Feat(46, w0.xpos, p1);
  // Gazetteer evidence, alone and with the word's capitals, the label to the
  // left and the neighbours' evidence.
  for (std::uint32_t b = 0; b < kNumGazBits; ++b) {
    if (!(w0.gaz & (1u << b))) continue;
    out[k++] = Feat(50, b);
    out[k++] = Feat(51, b, title);
    out[k++] = Feat(52, b, p1);
    out[k++] = Feat(53, b, caps);
  }
  if (m1.gaz) out[k++] = Feat(54, m1.gaz & 0xffff);
  if (p1t.gaz) out[k++] = Feat(55, p1t.gaz & 0xffff);
  out[k++] = Feat(56, w0.gaz, p1);
  return k;
}

std::uint64_t HashLower(std::string_view s, std::string& scratch) {
  syntax::AsciiLower(s, scratch);
  return Hash64(scratch);
}

bool Capitalised(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }
bool Lowercase(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }

}  // namespace

DocStats ComputeDocStats(const Article& a, std::string& scratch) {
  DocStats st;
  const std::string_view text(a.text);
  for (const Sentence& s : a.sentences) {
    for (std::uint32_t t = s.first_token; t < s.end_token && t < a.tokens.size(); ++t) {
      const Token& tok = a.tokens[t];
      if (tok.end > text.size() || tok.begin > tok.end) continue;
      std::string_view w = text.substr(tok.begin, tok.end - tok.begin);
      if (Lowercase(w)) {
        st.lower.insert(HashLower(w, scratch));
      } else if (Capitalised(w) && t != s.first_token) {
        // After an opening quote or bracket a capital is a sentence start too.
        const Token& prev = a.tokens[t - 1];
        std::string_view pw = text.substr(prev.begin, prev.end - prev.begin);
        if (pw != "\"" && pw != "“" && pw != "(" && pw != ":" && pw != "-" && pw != "—") {
          st.caps_mid.insert(HashLower(w, scratch));
        }
      }
    }
  }
  return st;
}

void BuildNerTokens(const Article& a, std::uint32_t first, std::uint32_t end, const DocStats& stats,
                    std::vector<NerToken>* out, std::string& scratch) {
  const std::size_t n = end - first;
  out->resize(n);
  const std::string_view text(a.text);
  auto form = [&](std::uint32_t t) -> std::string_view {
    const Token& tok = a.tokens[t];
    if (tok.end > text.size() || tok.begin > tok.end) return {};
    return text.substr(tok.begin, tok.end - tok.begin);
  };
  for (std::size_t k = 0; k < n; ++k) {
    const Token& tok = a.tokens[first + k];
    NerToken& x = (*out)[k];
    std::string_view w = form(first + static_cast<std::uint32_t>(k));
    syntax::ComputeTokenFeatures(w, scratch, &x.f);
    x.upos = Hash64(tok.upos);
    x.xpos = Hash64(tok.xpos);
    x.deprel = Hash64(tok.deprel);
    x.head_lower = 0x3333;
    if (tok.head >= 0 && static_cast<std::size_t>(tok.head) < n) {
      x.head_lower = HashLower(form(first + static_cast<std::uint32_t>(tok.head)), scratch);
    }
    x.gaz = 0;
    x.doc = 0;
    if (Capitalised(w)) {
      const std::uint64_t h = x.f.lower;
      if (stats.lower.count(h)) x.doc |= kDocLowerElsewhere;
      if (stats.caps_mid.count(h)) x.doc |= kDocCapsMidElsewhere;
    }
  }
}

std::unique_ptr<NerModel> NerModel::Load(std::string_view bytes, const std::string& name) {
  syntax::ModelReader r(bytes, syntax::ModelKind::kNer, name);
  auto m = std::make_unique<NerModel>();
  const std::uint32_t labels = r.U32();
  if (labels != kNumNerLabels) r.Fail("has " + std::to_string(labels) + " labels, expected " + std::to_string(kNumNerLabels));
  m->model_.Load(r);
  if (m->model_.num_classes() != kNumNerLabels) r.Fail("weight table does not match the labels");
  r.ExpectEnd();
  return m;
}

std::string NerModel::Save() const {
  syntax::ModelWriter w;
  w.U32(kNumNerLabels);
  model_.Save(w);
  return w.Finish(syntax::ModelKind::kNer);
}

void NerModel::Tag(const NerToken* tokens, std::size_t n, std::uint8_t* labels) const {
  std::uint64_t feats[kMaxFeatures];
  std::int32_t scores[kNumNerLabels];
  const std::uint64_t caps = CapsBucket(tokens, n);
  std::uint64_t p1 = kNoLabel, p2 = kNoLabel;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t nf = Features(tokens, n, i, p1, p2, caps, feats);
    model_.Score(feats, nf, scores);
    std::uint8_t best = kOutside;
    for (std::uint8_t l = 1; l < kNumNerLabels; ++l) {
      if (Allowed(l, p1) && scores[l] > scores[best]) best = l;
    }
    labels[i] = best;
    p2 = p1;
    p1 = best;
  }
}

std::unique_ptr<NerModel> TrainNer(const std::vector<std::vector<NerToken>>& train,
                                   const std::vector<std::vector<std::uint8_t>>& train_labels,
                                   const std::vector<std::vector<NerToken>>& dev,
                                   const std::vector<std::vector<std::uint8_t>>& dev_labels, int epochs,
                                   std::uint64_t seed, bool verbose) {
  syntax::PerceptronTrainer trainer(kNumNerLabels);
  std::vector<std::size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(seed);
  std::uint64_t feats[kMaxFeatures];
  float scores[kNumNerLabels];
  auto model = std::make_unique<NerModel>();
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    std::size_t errors = 0, total = 0;
    for (std::size_t si : order) {
      const auto& toks = train[si];
      const auto& gold = train_labels[si];
      const std::size_t n = toks.size();
      const std::uint64_t caps = CapsBucket(toks.data(), n);
      std::uint64_t p1 = kNoLabel, p2 = kNoLabel;
      for (std::size_t i = 0; i < n; ++i) {
        const std::size_t nf = Features(toks.data(), n, i, p1, p2, caps, feats);
        trainer.Score(feats, nf, scores);
        std::uint8_t best = kOutside;
        for (std::uint8_t l = 1; l < kNumNerLabels; ++l) {
          if (Allowed(l, p1) && scores[l] > scores[best]) best = l;
        }
        // The gold label may itself be disallowed after a wrong guess; the
        // update still teaches the right label for this context.
        trainer.Update(feats, nf, gold[i], best);
        trainer.Tick();
        errors += best != gold[i];
        ++total;
        p2 = p1;
        p1 = best;
      }
    }
    if (verbose) {
      model->model_ = trainer.Finish();
      NerScore score;
      std::vector<std::uint8_t> out;
      for (std::size_t s = 0; s < dev.size(); ++s) {
        out.resize(dev[s].size());
        model->Tag(dev[s].data(), dev[s].size(), out.data());
        score.Add(dev_labels[s].data(), out.data(), out.size());
      }
      std::fprintf(stderr, "ner: epoch %d train token error %.4f dev F1 %.4f\n", epoch,
                   total ? static_cast<double>(errors) / static_cast<double>(total) : 0.0, score.MicroF1());
    }
  }
  model->model_ = trainer.Finish();
  return model;
}

void NerScore::Add(const std::uint8_t* gold_labels, const std::uint8_t* system_labels, std::size_t n) {
  auto g = SpansFromLabels(gold_labels, n);
  auto s = SpansFromLabels(system_labels, n);
  for (const auto& x : g) ++gold[x.type];
  for (const auto& x : s) {
    ++system[x.type];
    if (std::find(g.begin(), g.end(), x) != g.end()) ++correct[x.type];
  }
}

double NerScore::MicroF1() const {
  std::uint64_t g = 0, s = 0, c = 0;
  for (int t = 0; t < 3; ++t) {
    g += gold[t];
    s += system[t];
    c += correct[t];
  }
  return g + s ? 2.0 * static_cast<double>(c) / static_cast<double>(g + s) : 0.0;
}

}  // namespace sitrep::entities
