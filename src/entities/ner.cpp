#include "entities/ner.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <cstdio>
#include <numeric>
#include <random>

#include "core/hash.h"
#include "entities/span_rules.h"
#include "entities/word_lex.h"
#include "syntax/feature_hash.h"
#include "syntax/model_io.h"

namespace sitrep::entities {
namespace {

using syntax::Feat;
using syntax::TokenFeatures;

constexpr std::size_t kMaxFeatures = 200;

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

// The tokens around t[i], with padding past the sentence's ends.
struct Window {
  const NerToken& w0;
  const NerToken& m1;
  const NerToken& m2;
  const NerToken& p1t;
  const NerToken& p2t;
};

Window At(const NerToken* t, std::size_t n, std::size_t i) {
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
  return {t[i], at(ii - 1), at(ii - 2), at(ii + 1), at(ii + 2)};
}

std::uint64_t TitleBits(const NerToken& x) {
  return x.f.flags & (syntax::kTitle | syntax::kAllUpper | syntax::kHasUpper);
}

bool CapWord(const NerToken* t, std::size_t n, long j) {
  return j >= 0 && j < static_cast<long>(n) && (t[j].f.flags & (syntax::kTitle | syntax::kAllUpper));
}

// Features of token i that do not read the labels before it.
std::size_t TokenOnlyFeatures(const NerToken* t, std::size_t n, std::size_t i, std::uint64_t caps, bool second,
                              std::uint64_t* out) {
  const Window win = At(t, n, i);
  const NerToken& w0 = win.w0;
  const NerToken& m1 = win.m1;
  const NerToken& m2 = win.m2;
  const NerToken& p1t = win.p1t;
  const NerToken& p2t = win.p2t;
  const TokenFeatures& f0 = w0.f;
  const std::uint64_t title = TitleBits(w0);
  const long ii = static_cast<long>(i);
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
  out[k++] = Feat(43, w0.xpos);
  out[k++] = Feat(44, w0.xpos, p1t.xpos);
  out[k++] = Feat(45, m1.xpos, w0.xpos);
  // Gazetteer evidence, alone and with the word's capitals and the
  // neighbours' evidence.
  for (std::uint32_t b = 0; b < kNumGazBits; ++b) {
    if (!(w0.gaz & (1u << b))) continue;
    out[k++] = Feat(50, b);
    out[k++] = Feat(51, b, title);
    out[k++] = Feat(53, b, caps);
  }
  if (m1.gaz & kModelGazBits) out[k++] = Feat(54, m1.gaz & 0xffff);
  if (p1t.gaz & kModelGazBits) out[k++] = Feat(55, p1t.gaz & 0xffff);
  // The word table: clusters, proper-noun and capitals rates.
  {
    if (LexFine(w0.lex)) {
      out[k++] = Feat(60, LexFine(w0.lex));
      out[k++] = Feat(61, LexCoarse(w0.lex));
      out[k++] = Feat(62, LexCoarse(w0.lex), title);
      out[k++] = Feat(63, LexPropn(w0.lex), LexCaps(w0.lex), title);
    } else {
      out[k++] = Feat(65, title, w0.upos);
    }
    out[k++] = Feat(66, LexFine(m1.lex));
    out[k++] = Feat(67, LexFine(p1t.lex));
    out[k++] = Feat(68, LexCoarse(m1.lex), LexCoarse(w0.lex), LexCoarse(p1t.lex));
  }
  // Clusters of the word vectors, which know far more words than the corpora.
  {
    const std::uint32_t vf = LexVecFine(w0.lex), vm = LexVecMid(w0.lex), vc = LexVecCoarse(w0.lex);
    if (vf) {
      out[k++] = Feat(90, vf);
      out[k++] = Feat(91, vm);
      out[k++] = Feat(92, vc);
      out[k++] = Feat(93, vm, title);
      out[k++] = Feat(94, vf, title);
    }
    out[k++] = Feat(97, LexVecMid(m1.lex));
    out[k++] = Feat(98, LexVecMid(p1t.lex));
    out[k++] = Feat(99, LexVecCoarse(m1.lex), vc, LexVecCoarse(p1t.lex));
    out[k++] = Feat(100, LexVecFine(m1.lex));
    out[k++] = Feat(101, LexVecFine(p1t.lex));
  }
  // Listed first names: the word, and a first name before it.
  if (LexFirstName(w0.lex)) out[k++] = Feat(102, title);
  if (LexFirstName(m1.lex)) out[k++] = Feat(103, TitleBits(m1), title);
  if (LexFirstName(p1t.lex)) out[k++] = Feat(104, title, TitleBits(p1t));
  {
    // The run of capitalised words the token stands in (up to 4 each way).
    if (CapWord(t, n, ii)) {
      long l = 0, r = 0;
      while (l < 4 && CapWord(t, n, ii - l - 1)) ++l;
      while (r < 4 && CapWord(t, n, ii + r + 1)) ++r;
      out[k++] = Feat(70, static_cast<std::uint64_t>(l), static_cast<std::uint64_t>(r));
    }
    out[k++] = Feat(72, m2.gaz & (kGazHonorific | kGazRole), m1.f.shape, f0.shape);
  }
  if (second) {
    // What the first pass made of this token and of the same word elsewhere
    // in the document.
    out[k++] = Feat(80, w0.doclab);
    out[k++] = Feat(81, w0.doclab, title);
    out[k++] = Feat(82, w0.first);
    out[k++] = Feat(84, m1.first, w0.first, p1t.first);
    out[k++] = Feat(85, w0.doclab, w0.first);
    out[k++] = Feat(86, p1t.doclab, title);
  }
  return k;
}

// Features of token i that read the label before it (p1) and, when
// `use_p2`, the one before that.
std::size_t LabelFeatures(const NerToken* t, std::size_t n, std::size_t i, std::uint64_t p1, std::uint64_t p2,
                          bool use_p2, bool second, std::uint64_t* out) {
  const NerToken& w0 = t[i];
  const TokenFeatures& f0 = w0.f;
  const long ii = static_cast<long>(i);
  std::size_t k = 0;
  out[k++] = Feat(23, p1);
  if (use_p2) out[k++] = Feat(24, p1, p2);
  out[k++] = Feat(25, p1, f0.shape);
  out[k++] = Feat(26, p1, f0.lower);
  out[k++] = Feat(42, f0.shape, w0.upos, p1);
  out[k++] = Feat(46, w0.xpos, p1);
  for (std::uint32_t b = 0; b < kNumGazBits; ++b) {
    if (w0.gaz & (1u << b)) out[k++] = Feat(52, b, p1);
  }
  out[k++] = Feat(56, w0.gaz & kModelGazBits, p1);
  if (LexFine(w0.lex)) out[k++] = Feat(64, LexFine(w0.lex), p1);
  if (LexVecFine(w0.lex)) out[k++] = Feat(95, LexVecMid(w0.lex), p1);
  if (CapWord(t, n, ii)) {
    out[k++] = Feat(71, static_cast<std::uint64_t>(CapWord(t, n, ii - 1)), static_cast<std::uint64_t>(CapWord(t, n, ii + 1)), p1);
  }
  if (second) out[k++] = Feat(83, w0.first, p1);
  return k;
}

std::size_t Features(const NerToken* t, std::size_t n, std::size_t i, std::uint64_t p1, std::uint64_t p2,
                     std::uint64_t caps, bool second, std::uint64_t* out) {
  const std::size_t k = TokenOnlyFeatures(t, n, i, caps, second, out);
  return k + LabelFeatures(t, n, i, p1, p2, true, second, out + k);
}

// Longest run of tokens decoded in one piece; a longer sentence goes on
// from the label that ends the piece before, so decoding never allocates.
constexpr std::size_t kViterbiChunk = 256;

// Labels of a token carried on as the previous label by the tagger's
// Viterbi search: the best five gave the exact search's labels in
// cross-validation (four lost 0.25 F1) for about half the previous-label
// features scored; training searches exactly.
constexpr int kBeam = 5;

// The best label sequence under the weights of `m` (a LinearModel or a
// PerceptronTrainer; S is its score type): first-order Viterbi, the
// features that read the previous label scored once for each label it may
// be. With `beam` < kNumNerLabels only that many best labels of each token
// are carried on as the previous label of the next (exact otherwise).
// With `known`, a token whose known label is not kUnknownLabel can only
// take that label (training on partly labelled sentences).
template <typename S, typename M>
void Viterbi(const M& m, const NerToken* t, std::size_t n, std::uint64_t caps, bool second, int beam,
             std::uint8_t* labels, const std::uint8_t* known = nullptr) {
  constexpr int L = kNumNerLabels;
  constexpr double kNone = -1e300;
  std::uint64_t feats[kMaxFeatures];
  S s0[L], sp[L];
  double delta[L], next[L];
  std::uint8_t back[kViterbiChunk][L];
  std::uint64_t start = kNoLabel;
  for (std::size_t c0 = 0; c0 < n; c0 += kViterbiChunk) {
    const std::size_t c1 = std::min(n, c0 + kViterbiChunk);
    for (std::size_t i = c0; i < c1; ++i) {
      m.Score(feats, TokenOnlyFeatures(t, n, i, caps, second, feats), s0);
      for (int l = 0; l < L; ++l) next[l] = kNone;
      const int np = i == c0 ? 1 : L;
      for (int pi = 0; pi < np; ++pi) {
        const std::uint64_t p = i == c0 ? start : static_cast<std::uint64_t>(pi);
        const double base = i == c0 ? 0.0 : delta[pi];
        if (base <= kNone) continue;
        m.Score(feats, LabelFeatures(t, n, i, p, kNoLabel, false, second, feats), sp);
        for (int l = 0; l < L; ++l) {
          if (!Allowed(static_cast<std::uint8_t>(l), p)) continue;
          if (known != nullptr && known[i] != kUnknownLabel && known[i] != l) continue;
          const double v = base + static_cast<double>(s0[l]) + static_cast<double>(sp[l]);
          if (v > next[l]) {
            next[l] = v;
            back[i - c0][l] = static_cast<std::uint8_t>(pi);
          }
        }
      }
      std::copy(next, next + L, delta);
      if (beam < L) {
        double sorted[L];
        std::copy(next, next + L, sorted);
        std::nth_element(sorted, sorted + (L - beam), sorted + L);
        const double cut = sorted[L - beam];
        for (int l = 0; l < L; ++l) {
          if (delta[l] < cut) delta[l] = kNone;
        }
      }
    }
    int best = 0;
    for (int l = 1; l < L; ++l) {
      if (delta[l] > delta[best]) best = l;
    }
    for (std::size_t i = c1; i-- > c0;) {
      labels[i] = static_cast<std::uint8_t>(best);
      best = back[i - c0][best];
    }
    start = labels[c1 - 1];
  }
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

namespace {
// "name@host.tld", "scheme://...", "www.host...": the shapes of addresses.
bool WebAddress(std::string_view w) {
  if (w.size() < 5) return false;
  if (w.substr(0, 4) == "www." || w.substr(0, 4) == "WWW." || w.find("://") != std::string_view::npos) return true;
  const std::size_t at = w.find('@');
  return at != std::string_view::npos && at > 0 && w.find('.', at) != std::string_view::npos;
}
}  // namespace

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
    x.lex = WordLex::Default().Get(x.f.lower);
    x.web = WebAddress(w);
    x.head.fill('\0');
    for (std::size_t c = 0; c < w.size() && c < x.head.size(); ++c) x.head[c] = w[c];
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
  // Passes (1 or 2), and bit 8 for the Viterbi decoder.
  const std::uint32_t header = r.U32();
  const std::uint32_t passes = header & 0xff;
  if ((passes != 1 && passes != 2) || (header >> 9) != 0) r.Fail("has an unknown decoder " + std::to_string(header));
  m->two_pass_ = passes == 2;
  m->viterbi_ = (header >> 8) & 1;
  if (m->two_pass_) {
    m->first_.Load(r);
    if (m->first_.num_classes() != kNumNerLabels) r.Fail("weight table does not match the labels");
  }
  m->model_.Load(r);
  if (m->model_.num_classes() != kNumNerLabels) r.Fail("weight table does not match the labels");
  r.ExpectEnd();
  return m;
}

std::string NerModel::Save() const {
  syntax::ModelWriter w;
  w.U32(kNumNerLabels);
  w.U32((two_pass_ ? 2u : 1u) | (viterbi_ ? 1u << 8 : 0u));
  if (two_pass_) first_.Save(w);
  model_.Save(w);
  return w.Finish(syntax::ModelKind::kNer);
}

void NerModel::Tag(const NerToken* tokens, std::size_t n, std::uint8_t* labels) const {
  if (two_pass_) {
    TagWith(first_, false, tokens, n, labels);
  } else {
    TagWith(model_, false, tokens, n, labels);
  }
}

namespace {

// Two general corrections of the labels the model gives. A title or role
// the gazetteer lists is not part of a person's name ("Prime Minister X",
// "Secretary of State X" -> "X", as the training corpora mark names); and
// an organisation's name the gazetteer lists is taken whole when the
// model labelled only part of it ("Office for ... and Human Rights").
void ApplyNameRules(const NerToken* t, std::size_t n, std::uint8_t* labels) {
  constexpr std::uint32_t kTitleCase = syntax::kTitle;
  constexpr std::uint32_t kPlaceOrOrg = kGazCountryB | kGazCountryI | kGazCityB | kGazCityI | kGazRegionB |
                                        kGazRegionI | kGazOrgB | kGazOrgI | kGazBodyB | kGazBodyI | kGazDemonym |
                                        kGazRole | kGazHonorific;
  // Words that may be a name: capitalised, not listed as a place, body or
  // title, and not a word the word table knows as mostly lower case.
  auto name_word = [&](std::size_t k) {
    const std::uint32_t caps = LexCaps(t[k].lex);
    return (t[k].f.flags & kTitleCase) && !(t[k].gaz & kPlaceOrOrg) && (caps == 0 || caps >= 3);
  };
  // Not in a headline or a line in title case, where every word is capitalised.
  const bool headline = CapsBucket(t, n) >= 3;
  for (std::size_t i = 1; i < n && !headline; ++i) {
    // A capitalised name the model left out right after a capitalised title
    // or form of address ("Col. X Y", "Mrs X") is a person's.
    if (labels[i] != kOutside || !(t[i].gaz & (kGazRoleBefore | kGazHonorificBefore))) continue;
    if (!(t[i - 1].f.flags & kTitleCase) || labels[i - 1] != kOutside) continue;
    std::size_t j = i;
    while (j < n && j < i + 3 && labels[j] == kOutside && name_word(j)) ++j;
    if (j == i || (j < n && labels[j] != kOutside && !IsBegin(labels[j]))) continue;
    labels[i] = BeginLabel(0);
    for (std::size_t k = i + 1; k < j; ++k) labels[k] = InsideLabel(0);
    i = j - 1;
  }
  for (std::size_t x = 0; x < n; ++x) {
    // A listed organisation written with its capitals, which the model
    // found only in part, cut up or typed otherwise, is one organisation.
    constexpr std::uint32_t kB = kGazOrgB | kGazBodyB, kI = kGazOrgI | kGazBodyI;
    if (!(t[x].gaz & kB) || !(t[x].gaz & kGazCaseMatch)) continue;
    std::size_t y = x + 1;
    while (y < n && (t[y].gaz & kI)) ++y;
    if (y - x < 2) continue;
    bool any = false, one = labels[x] == BeginLabel(1);
    for (std::size_t k = x; k < y; ++k) {
      any = any || labels[k] != kOutside;
      one = one && (k == x || labels[k] == InsideLabel(1));
    }
    if (!any || one) {
      x = y - 1;  // names listed inside this one ("Red Cross") are part of it
      continue;
    }
    labels[x] = BeginLabel(1);
    for (std::size_t k = x + 1; k < y; ++k) labels[k] = InsideLabel(1);
    if (y < n && labels[y] != kOutside && !IsBegin(labels[y])) labels[y] = BeginLabel(LabelType(labels[y]));
    x = y - 1;
  }
  for (std::size_t b = 0; b < n;) {
    if (labels[b] == kOutside) {
      ++b;
      continue;
    }
    const int type = LabelType(labels[b]);
    std::size_t e = b + 1;
    while (e < n && labels[e] == InsideLabel(type)) ++e;
    // A form of address and one or two names typed otherwise ("Mrs.
    // Kessar's aides" read as an organisation) is a person, without the
    // form of address. Longer spans may be named after a person ("Sir
    // John Soane's Museum").
    // So is a name right after one ("Mrs. Lincoln" read as the town).
    const auto address = [&](std::size_t k) {
      return (t[k].gaz & kGazHonorific) && !(t[k].gaz & kGazRole) && (t[k].f.flags & kTitleCase);
    };
    if (type != 0 && !address(b) && b > 0 && labels[b - 1] == kOutside && address(b - 1) && e - b <= 2) {
      --b;  // read with its form of address, below
    }
    if (type != 0 && address(b) && e - b >= 2 && e - b <= 3) {
      // A surname may be a place's name too ("Lincoln", "Harlow").
      bool names = true;
      for (std::size_t k = b + 1; k < e && names; ++k) {
        const std::uint32_t caps = LexCaps(t[k].lex);
        names = (t[k].f.flags & kTitleCase) && (caps == 0 || caps >= 3) &&
                !(t[k].gaz & (kGazOrgB | kGazOrgI | kGazBodyB | kGazBodyI | kGazRole | kGazHonorific));
      }
      if (names) {
        labels[b] = kOutside;
        labels[b + 1] = BeginLabel(0);
        for (std::size_t k = b + 2; k < e; ++k) labels[k] = InsideLabel(0);
        b = e;
        continue;
      }
      if (labels[b] == kOutside) ++b;  // the form of address stays outside
    }
    // A country's or a province's name, whole and in its capitals, typed
    // an organisation or MISC ("North Korea claims ...") is the place,
    // acting: the recogniser's training data and the output contract type
    // them as places whatever they do. (Not towns: a club may bear one's
    // name.)
    const auto place_b = [&](std::size_t k) { return (t[k].gaz & (kGazCountryB | kGazRegionB)) != 0; };
    const auto place_i = [&](std::size_t k) { return (t[k].gaz & (kGazCountryI | kGazRegionI)) != 0; };
    if ((type == 1 || type == 3) && place_b(b) && (t[b].gaz & kGazCaseMatch) && (e == n || !place_i(e))) {
      bool whole = true;
      for (std::size_t k = b + 1; k < e && whole; ++k) whole = place_i(k);
      if (whole) {
        labels[b] = BeginLabel(2);
        for (std::size_t k = b + 1; k < e; ++k) labels[k] = InsideLabel(2);
        b = e;
        continue;
      }
    }
    if (type == 0) {
      // Drop the title words at its start (and a country or demonym before
      // them: "Russian President X"), keeping at least one word. A title
      // word inside a name ("Muhammed Sheikh X") stays.
      constexpr std::uint32_t kTitle = kGazRole | kGazHonorific | kGazRolePlural;
      constexpr std::uint32_t kBefore = kTitle | kGazDemonym | kGazCountryB | kGazCountryI;
      std::size_t cut = b;
      for (std::size_t k = b; k + 1 < e && (t[k].gaz & kBefore); ++k) {
        if (t[k].gaz & kTitle) cut = k + 1;
      }
      if (cut > b) {
        for (std::size_t k = b; k < cut; ++k) labels[k] = kOutside;
        labels[cut] = BeginLabel(type);
        b = cut;
      }
    } else if (type == 1) {
      // Grow over the rest of a listed organisation or body the span starts in.
      const std::uint32_t in = kGazOrgI | kGazBodyI;
      if ((t[b].gaz & (kGazOrgB | kGazBodyB | in)) && (e == n || labels[e] == kOutside)) {
        std::size_t x = e;
        while (x < n && (t[x].gaz & in) && labels[x] == kOutside) ++x;
        // Only when the listed name ends there, not in the middle of a longer one.
        if (x > e && (x == n || !(t[x].gaz & in))) {
          for (std::size_t k = e; k < x; ++k) labels[k] = InsideLabel(type);
          e = x;
        }
      }
    }
    b = e;
  }
}

}  // namespace

void NerModel::TagWith(const syntax::LinearModel& m, bool second, const NerToken* tokens, std::size_t n,
                       std::uint8_t* labels) const {
  std::uint64_t feats[kMaxFeatures];
  std::int32_t scores[kNumNerLabels];
  const std::uint64_t caps = CapsBucket(tokens, n);
  if (viterbi_) {
    Viterbi<std::int32_t>(m, tokens, n, caps, second, kBeam, labels);
  } else {
    std::uint64_t p1 = kNoLabel, p2 = kNoLabel;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t nf = Features(tokens, n, i, p1, p2, caps, second, feats);
      m.Score(feats, nf, scores);
      std::uint8_t best = kOutside;
      for (std::uint8_t l = 1; l < kNumNerLabels; ++l) {
        if (Allowed(l, p1) && scores[l] > scores[best]) best = l;
      }
      labels[i] = best;
      p2 = p1;
      p1 = best;
    }
  }
  if (rules_) {
    ApplyNameRules(tokens, n, labels);
    ApplySpanRules(tokens, n, labels);
  }
}

void NerModel::TagDocument(const NerSentenceRef* sents, std::size_t count, DocLabelScratch& scratch) const {
  if (!two_pass_) {
    for (std::size_t k = 0; k < count; ++k) TagWith(model_, false, sents[k].tokens, sents[k].n, sents[k].labels);
  } else {
    for (std::size_t k = 0; k < count; ++k) TagWith(first_, false, sents[k].tokens, sents[k].n, sents[k].labels);
    SetDocLabels(sents, count, scratch);
    for (std::size_t k = 0; k < count; ++k) TagWith(model_, true, sents[k].tokens, sents[k].n, sents[k].labels);
  }
  if (rules_) ApplyDocumentRules(sents, count);
}

void SetDocLabels(const NerSentenceRef* sents, std::size_t count, DocLabelScratch& scratch) {
  scratch.counts.clear();
  for (std::size_t k = 0; k < count; ++k) {
    for (std::size_t i = 0; i < sents[k].n; ++i) {
      const std::uint8_t l = sents[k].labels[i];
      sents[k].tokens[i].first = l;
      if (l == kOutside) continue;
      auto& c = scratch.counts[sents[k].tokens[i].f.lower];
      if (c[l - 1] < 0xffff) ++c[l - 1];
    }
  }
  for (std::size_t k = 0; k < count; ++k) {
    for (std::size_t i = 0; i < sents[k].n; ++i) {
      NerToken& t = sents[k].tokens[i];
      t.doclab = 0;
      auto it = scratch.counts.find(t.f.lower);
      if (it == scratch.counts.end()) continue;
      for (std::uint8_t l = 1; l < kNumNerLabels; ++l) {
        const unsigned others = it->second[l - 1] - (t.first == l ? 1u : 0u);
        if (others > 0) t.doclab = static_cast<std::uint8_t>(t.doclab | (1u << (l - 1)));
      }
    }
  }
}

namespace {

// One pass's weights, trained on the sentences `subset` of `train`.
syntax::LinearModel TrainPass(const std::vector<std::vector<NerToken>>& train,
                              const std::vector<std::vector<std::uint8_t>>& train_labels,
                              std::vector<std::size_t> order, int epochs, std::uint64_t seed, bool second,
                              bool viterbi, int runs,
                              const std::function<void(int, double, const syntax::LinearModel&)>& report) {
  syntax::PerceptronTrainer trainer(kNumNerLabels);
  std::mt19937_64 rng(seed);
  std::uint64_t feats[kMaxFeatures], gold_feats[kMaxFeatures];
  float scores[kNumNerLabels];
  std::vector<std::uint8_t> guess, filled;
  const std::vector<std::size_t> first_order = order;
  for (int step = 0; step < epochs * runs; ++step) {
    const int epoch = step % epochs + 1;
    if (step > 0 && epoch == 1) {
      // The next run starts from zero weights and its own shuffles.
      trainer.Restart();
      rng.seed(seed + 7919 * static_cast<std::uint64_t>(step / epochs));
      order = first_order;
    }
    std::shuffle(order.begin(), order.end(), rng);
    std::size_t errors = 0, total = 0;
    for (std::size_t si : order) {
      const auto& toks = train[si];
      const std::size_t n = toks.size();
      const std::uint64_t caps = CapsBucket(toks.data(), n);
      const std::vector<std::uint8_t>* gold_ptr = &train_labels[si];
      if (std::find(gold_ptr->begin(), gold_ptr->end(), kUnknownLabel) != gold_ptr->end()) {
        // A partly labelled sentence: its gold is the best path under the
        // current weights that keeps the known labels (latent-variable
        // perceptron), so open words teach nothing on their own.
        if (std::all_of(gold_ptr->begin(), gold_ptr->end(), [](std::uint8_t l) { return l == kUnknownLabel; })) continue;
        filled.resize(n);
        Viterbi<float>(trainer, toks.data(), n, caps, second, kNumNerLabels, filled.data(), gold_ptr->data());
        gold_ptr = &filled;
      }
      const auto& gold = *gold_ptr;
      if (viterbi) {
        // Structured perceptron (Collins 2002): decode the whole sentence,
        // then move weight from the guessed path to the gold one wherever
        // the two differ in a label or in the label before it.
        guess.resize(n);
        Viterbi<float>(trainer, toks.data(), n, caps, second, kNumNerLabels, guess.data());
        for (std::size_t i = 0; i < n; ++i) {
          const std::uint64_t gp = i ? gold[i - 1] : kNoLabel, yp = i ? guess[i - 1] : kNoLabel;
          errors += guess[i] != gold[i];
          ++total;
          if (guess[i] != gold[i]) trainer.Update(feats, TokenOnlyFeatures(toks.data(), n, i, caps, second, feats), gold[i], guess[i]);
          if (guess[i] != gold[i] || gp != yp) {
            const std::size_t ng = LabelFeatures(toks.data(), n, i, gp, kNoLabel, false, second, gold_feats);
            const std::size_t ny = LabelFeatures(toks.data(), n, i, yp, kNoLabel, false, second, feats);
            trainer.Add(gold_feats, ng, gold[i], 1.0f);
            trainer.Add(feats, ny, guess[i], -1.0f);
          }
          trainer.Tick();
        }
        continue;
      }
      std::uint64_t p1 = kNoLabel, p2 = kNoLabel;
      for (std::size_t i = 0; i < n; ++i) {
        const std::size_t nf = Features(toks.data(), n, i, p1, p2, caps, second, feats);
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
    if (report && step / epochs == runs - 1) {
      report(epoch, total ? static_cast<double>(errors) / static_cast<double>(total) : 0.0, trainer.Finish());
    }
  }
  return trainer.Finish();
}

// Sentence references grouped by document (sentences of a document are adjacent).
std::vector<std::vector<NerSentenceRef>> Documents(std::vector<std::vector<NerToken>>& toks,
                                                   std::vector<std::vector<std::uint8_t>>& labels,
                                                   const std::vector<std::uint32_t>& docs) {
  std::vector<std::vector<NerSentenceRef>> out;
  for (std::size_t s = 0; s < toks.size(); ++s) {
    if (s == 0 || docs[s] != docs[s - 1]) out.emplace_back();
    labels[s].resize(toks[s].size());
    out.back().push_back({toks[s].data(), labels[s].data(), toks[s].size()});
  }
  return out;
}

}  // namespace

std::unique_ptr<NerModel> TrainNer(const std::vector<std::vector<NerToken>>& train,
                                   const std::vector<std::vector<std::uint8_t>>& train_labels,
                                   const std::vector<std::vector<NerToken>>& dev,
                                   const std::vector<std::vector<std::uint8_t>>& dev_labels,
                                   const NerTrainOptions& options, const std::vector<std::uint32_t>* train_docs,
                                   const std::vector<std::uint32_t>* dev_docs) {
  const int epochs = options.epochs;
  const std::uint64_t seed = options.seed;
  const bool verbose = options.verbose;
  auto model = std::make_unique<NerModel>();
  const bool two_pass = train_docs != nullptr;
  const bool viterbi = options.viterbi;
  model->viterbi_ = viterbi;
  // Dev documents, tagged through the model being trained.
  std::vector<std::vector<NerToken>> dev_toks = dev;
  std::vector<std::vector<std::uint8_t>> dev_out(dev.size());
  std::vector<std::uint32_t> dev_doc_ids = dev_docs ? *dev_docs : std::vector<std::uint32_t>(dev.size(), 0);
  if (!dev_docs) {
    for (std::size_t s = 0; s < dev.size(); ++s) dev_doc_ids[s] = static_cast<std::uint32_t>(s);
  }
  auto dev_refs = Documents(dev_toks, dev_out, dev_doc_ids);
  DocLabelScratch scratch;
  auto report = [&](const char* what) {
    return [&, what](int epoch, double err, const syntax::LinearModel& m) {
      if (!verbose) return;
      model->model_ = m;
      NerScore score;
      for (auto& d : dev_refs) model->TagDocument(d.data(), d.size(), scratch);
      for (std::size_t s = 0; s < dev.size(); ++s) score.Add(dev_labels[s].data(), dev_out[s].data(), dev_out[s].size());
      std::fprintf(stderr, "ner: %s epoch %d train token error %.4f dev F1 %.4f\n", what, epoch, err, score.MicroF1());
    };
  };
  std::vector<std::size_t> all(train.size());
  std::iota(all.begin(), all.end(), 0);
  if (!two_pass) {
    model->model_ = TrainPass(train, train_labels, all, epochs, seed, false, viterbi, options.runs, report("single"));
    return model;
  }
  // First-pass labels for the training sentences from jackknifed models.
  constexpr std::uint32_t kFolds = 4;
  std::vector<std::vector<NerToken>> toks = train;
  std::vector<std::vector<std::uint8_t>> first(train.size());
  auto refs = Documents(toks, first, *train_docs);
  for (std::uint32_t fold = 0; fold < kFolds; ++fold) {
    std::vector<std::size_t> part;
    for (std::size_t s = 0; s < train.size(); ++s) {
      if ((*train_docs)[s] % kFolds != fold) part.push_back(s);
    }
    NerModel m;
    m.viterbi_ = viterbi;
    m.model_ = TrainPass(train, train_labels, part, epochs, seed + 1 + fold, false, viterbi, options.runs, nullptr);
    for (std::size_t s = 0; s < train.size(); ++s) {
      if ((*train_docs)[s] % kFolds == fold) m.TagWith(m.model_, false, toks[s].data(), toks[s].size(), first[s].data());
    }
  }
  for (auto& d : refs) SetDocLabels(d.data(), d.size(), scratch);
  model->first_ = TrainPass(train, train_labels, all, epochs, seed, false, viterbi, options.runs, nullptr);
  model->two_pass_ = true;
  model->model_ = TrainPass(toks, train_labels, all, epochs, seed, true, viterbi, options.runs, report("second pass"));
  return model;
}

void NerScore::Add(const std::uint8_t* gold_labels, const std::uint8_t* system_labels, std::size_t n) {
  auto g = SpansFromLabels(gold_labels, n);
  auto s = SpansFromLabels(system_labels, n);
  for (const auto& x : g) ++gold[x.type];
  for (const auto& x : s) {
    // Partly labelled gold (ECB+) says nothing of a span over open words.
    bool open = false;
    for (std::uint32_t i = x.begin; i < x.end; ++i) open = open || gold_labels[i] == kUnknownLabel;
    if (open) continue;
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
