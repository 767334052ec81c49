#include "syntax/tagger.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>

#include "core/error.h"
#include "core/resources.h"
#include "syntax/feature_hash.h"
#include "syntax/model_io.h"

namespace sitrep::syntax {
namespace {

constexpr std::size_t kMaxTaggerFeatures = 96;

// How capitalised the sentence is (0 = mostly lowercase .. 3 = headline
// case): a capital letter means much less in a title-cased headline.
std::uint64_t CapsBucket(const TokenFeatures* t, std::size_t n) {
  std::size_t alpha = 0, caps = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(t[i].flags & kHasAlpha)) continue;
    ++alpha;
    caps += (t[i].flags & (kTitle | kAllUpper)) != 0;
  }
  if (alpha < 3) return 4;
  std::size_t pct = caps * 100 / alpha;
  return pct < 30 ? 0 : pct < 50 ? 1 : pct < 80 ? 2 : 3;
}
// A word needs this many training occurrences for an ambiguity class:
// rarer words would teach the model to trust a class built from one or
// two examples.
constexpr int kMinAmbiguityCount = 3;
constexpr std::uint64_t kNoTag = 0xffff;
constexpr std::uint64_t kUnknownWord = 0x04c4;
constexpr std::uint64_t kNoAmbiguityClass = 0x0dd;
// Words seen fewer times than this in training are "unknown" to the
// tagger, in training too, so that it learns what to do with the unknown
// words it will meet from the rare ones it has seen. With a cluster table
// every training word is known instead: the clusters do that job better
// (EWT dev UPOS +0.13 with two seeds).
constexpr int kMinVocabCount = 2;
constexpr std::uint64_t kCapitalsPercent = 4;
// How a model stores its cluster table (the section after the weights).
constexpr std::uint32_t kClustersCopied = 1;    // the table itself
constexpr std::uint32_t kClustersFromData = 2;  // names of the data files, their size and checksum

// Fills `out` with the feature keys for position i given the two previous
// predicted classes; returns how many.
std::size_t TaggerFeatures(const TokenFeatures* t, std::size_t n, std::size_t i, std::uint64_t p1,
                           std::uint64_t p2, std::uint64_t caps, bool rich, std::uint64_t* out) {
  static const TokenFeatures kBefore = PaddingFeatures(true);
  static const TokenFeatures kAfter = PaddingFeatures(false);
  auto at = [&](long k) -> const TokenFeatures& {
    if (k < 0) return kBefore;
    if (k >= static_cast<long>(n)) return kAfter;
    return t[k];
  };
  const long ii = static_cast<long>(i);
  const TokenFeatures& w0 = t[i];
  const TokenFeatures& wm1 = at(ii - 1);
  const TokenFeatures& wm2 = at(ii - 2);
  const TokenFeatures& wp1 = at(ii + 1);
  const TokenFeatures& wp2 = at(ii + 2);
  std::size_t k = 0;
  out[k++] = Feat(1, 0);
  out[k++] = Feat(2, w0.tag_lower);
  out[k++] = Feat(3, w0.tag_form);
  for (int s = 0; s < 4; ++s) out[k++] = Feat(4 + s, w0.suffix[s]);
  for (int s = 0; s < 3; ++s) out[k++] = Feat(8 + s, w0.prefix[s]);
  out[k++] = Feat(11, w0.shape);
  out[k++] = Feat(12, wm1.tag_lower);
  out[k++] = Feat(13, wm2.tag_lower);
  out[k++] = Feat(14, wp1.tag_lower);
  out[k++] = Feat(15, wp2.tag_lower);
  out[k++] = Feat(16, p1);
  out[k++] = Feat(17, p2);
  out[k++] = Feat(18, p1, p2);
  out[k++] = Feat(19, p1, w0.tag_lower);
  out[k++] = Feat(20, wm1.tag_lower, w0.tag_lower);
  out[k++] = Feat(21, w0.tag_lower, wp1.tag_lower);
  out[k++] = Feat(22, wm1.suffix[2]);
  out[k++] = Feat(23, wp1.suffix[2]);
  out[k++] = Feat(24, wp1.shape);
  out[k++] = Feat(25, wm1.shape);
  out[k++] = Feat(26, p1, w0.suffix[2]);
  out[k++] = Feat(27, i == 0, w0.flags);
  out[k++] = Feat(28, wp1.tag_lower, wp2.tag_lower);
  out[k++] = Feat(29, p1, wm1.tag_lower);
  out[k++] = Feat(30, wp1.suffix[1]);
  out[k++] = Feat(31, wm2.suffix[2]);
  out[k++] = Feat(32, wp2.suffix[2]);
  out[k++] = Feat(33, w0.shape, wp1.shape);
  out[k++] = Feat(34, p1, w0.shape);
  out[k++] = Feat(35, i == 0, w0.tag_form);
  out[k++] = Feat(36, wm1.tag_lower, wp1.tag_lower);
  out[k++] = Feat(37, p1, wp1.tag_lower);
  out[k++] = Feat(38, w0.amb);
  out[k++] = Feat(39, wp1.amb);
  out[k++] = Feat(40, wm1.amb);
  out[k++] = Feat(41, wp2.amb);
  out[k++] = Feat(42, w0.amb, p1);
  out[k++] = Feat(43, w0.amb, wp1.amb);
  out[k++] = Feat(44, w0.tag_lower, wp1.amb);
  out[k++] = Feat(45, p1, w0.amb, wp1.amb);
  constexpr std::uint32_t kCase = kTitle | kAllUpper;
  out[k++] = Feat(46, w0.flags & kCase, caps);
  out[k++] = Feat(47, w0.tag_lower, w0.flags & kCase, caps);
  out[k++] = Feat(48, wm1.flags & kCase, w0.flags & kCase, wp1.flags & kCase);
  out[k++] = Feat(49, w0.amb, w0.flags & kCase, caps);
  // Models trained without a cluster table keep the features above only,
  // so that they tag (and train) exactly as before, at the same speed.
  if (!rich) {
    assert(k <= kMaxTaggerFeatures);
    return k;
  }
  // Distributional clusters (0 for words the cluster table lacks).
  const std::uint32_t c0 = w0.cluster, cm1 = wm1.cluster, cp1 = wp1.cluster, cp2 = wp2.cluster;
  out[k++] = Feat(70, FineCluster(c0));
  out[k++] = Feat(71, MidCluster(c0));
  out[k++] = Feat(72, CoarseCluster(c0));
  out[k++] = Feat(73, FineCluster(cm1));
  out[k++] = Feat(74, FineCluster(cp1));
  out[k++] = Feat(75, MidCluster(cp1));
  out[k++] = Feat(76, MidCluster(cp2));
  out[k++] = Feat(77, p1, MidCluster(c0));
  out[k++] = Feat(78, MidCluster(c0), MidCluster(cp1));
  out[k++] = Feat(79, FineCluster(c0), w0.suffix[2]);
  // Wider lexical context (right-context words, tag history with the
  // word): +0.1 UPOS on EWT dev. (A trigram of ambiguity classes, w0 wp1
  // wp2, gained 0.06 more on dev but tagged "fell" in "Prices fell
  // sharply." as a modal, so it was left out.)
  out[k++] = Feat(85, w0.tag_lower, wp1.tag_lower, wp2.tag_lower);
  out[k++] = Feat(87, p1, p2, w0.tag_lower);
  out[k++] = Feat(88, wp1.prefix[2]);
  out[k++] = Feat(89, w0.suffix[3], w0.flags & kCase);
  assert(k <= kMaxTaggerFeatures);
  return k;
}

// Second-pass features: the first pass's tags for this word and the two
// after it, so the tag of a word can depend on what follows it.
std::size_t RightContextFeatures(const TokenFeatures* t, std::size_t n, std::size_t i, std::uint64_t p1,
                                 const std::uint16_t* first, std::size_t k, std::uint64_t* out) {
  const std::uint64_t c0 = first[i];
  const std::uint64_t r1 = i + 1 < n ? first[i + 1] : kNoTag;
  const std::uint64_t r2 = i + 2 < n ? first[i + 2] : kNoTag;
  out[k++] = Feat(60, r1);
  out[k++] = Feat(61, r1, r2);
  out[k++] = Feat(62, p1, r1);
  out[k++] = Feat(63, t[i].tag_lower, r1);
  out[k++] = Feat(64, c0);
  out[k++] = Feat(65, c0, t[i].tag_lower);
  out[k++] = Feat(66, t[i].suffix[2], r1);
  out[k++] = Feat(67, p1, c0, r1);
  assert(k <= kMaxTaggerFeatures);
  return k;
}

template <typename ScoreT>
std::uint16_t Argmax(const ScoreT* s, std::size_t n) {
  std::size_t best = 0;
  for (std::size_t c = 1; c < n; ++c) {
    if (s[c] > s[best]) best = c;
  }
  return static_cast<std::uint16_t>(best);
}

// One greedy left-to-right pass. The second pass reads the first pass's
// tags from `tags` ahead of position i and overwrites them behind it.
void RunPass(const LinearModel& model, const TokenFeatures* feats, std::size_t n, std::uint16_t* tags, bool second,
             bool rich) {
  std::uint64_t keys[kMaxTaggerFeatures];
  std::int32_t scores[1024];
  std::uint64_t p1 = kNoTag, p2 = kNoTag;
  const std::uint64_t caps = CapsBucket(feats, n);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t nf = TaggerFeatures(feats, n, i, p1, p2, caps, rich, keys);
    if (second) nf = RightContextFeatures(feats, n, i, p1, tags, nf, keys);
    model.Score(keys, nf, scores);
    tags[i] = Argmax(scores, model.num_classes());
    p2 = p1;
    p1 = tags[i];
  }
}

}  // namespace

void SentenceFeatures(const std::vector<std::string_view>& forms, std::string& lower,
                      std::vector<TokenFeatures>* out, QuoteForms quotes) {
  out->resize(forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i) ComputeTokenFeatures(forms[i], lower, &(*out)[i], quotes);
}

QuoteForms TrainingQuoteForms(const TrainOptions& options) {
  return options.clusters != nullptr ? QuoteForms::kAsAscii : QuoteForms::kAsWritten;
}

void FillClusters(const ClusterTable& table, TokenFeatures* feats, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    auto it = table.find(feats[i].lower);
    feats[i].cluster = it == table.end() ? kNoCluster : it->second;
  }
}

void Tagger::BuildWordTable() {
  std::vector<std::uint64_t> keys;
  keys.reserve(amb_.size() + vocab_.size() + clusters_.size());
  for (const auto& [key, cls] : amb_) keys.push_back(key);
  for (std::uint64_t key : vocab_) keys.push_back(key);
  for (const auto& [key, cl] : clusters_) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::uint64_t slots = 16;
  while (slots < keys.size() * 2) slots *= 2;  // load factor <= 0.5
  words_.assign(slots, WordEntry{0, 0, 0, 0});
  words_mask_ = slots - 1;
  for (std::uint64_t key : keys) {
    if (key == 0) continue;  // 0 marks an empty slot; a word hashing to 0 is treated as unknown
    std::uint64_t slot = key & words_mask_;
    while (words_[slot].key != 0) slot = (slot + 1) & words_mask_;
    WordEntry& e = words_[slot];
    e.key = key;
    auto a = amb_.find(key);
    e.amb = a == amb_.end() ? kNoAmbiguityClass : a->second;
    auto c = clusters_.find(key);
    e.cluster = c == clusters_.end() ? kNoCluster : c->second;
    e.known = vocab_.count(key) ? 1 : 0;
  }
}

void Tagger::SetAmbiguity(TokenFeatures* feats, std::size_t n) const {
  const WordEntry* table = words_.data();
  if (!table) return;
  // Issue every token's load before using any, so the cache misses overlap.
  for (std::size_t i = 0; i < n; ++i) __builtin_prefetch(table + (feats[i].lower & words_mask_));
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t key = feats[i].lower;
    const WordEntry* e = nullptr;
    for (std::uint64_t slot = key & words_mask_;; slot = (slot + 1) & words_mask_) {
      if (table[slot].key == key && key != 0) {
        e = &table[slot];
        break;
      }
      if (table[slot].key == 0) break;
    }
    feats[i].amb = e ? e->amb : kNoAmbiguityClass;
    feats[i].cluster = e ? e->cluster : kNoCluster;
    if (e && e->known) {
      feats[i].tag_lower = feats[i].lower;
      feats[i].tag_form = feats[i].form;
    } else {
      feats[i].tag_lower = kUnknownWord;
      feats[i].tag_form = kUnknownWord + (feats[i].flags & (kTitle | kAllUpper));
    }
  }
}

void Tagger::Tag(TokenFeatures* feats, std::size_t n, std::uint16_t* tags) const {
  SetAmbiguity(feats, n);
  const bool rich = !clusters_.empty();
  RunPass(model_, feats, n, tags, false, rich);
  if (model2_.num_classes() > 0) RunPass(model2_, feats, n, tags, true, rich);
}

std::string Tagger::Save() const {
  ModelWriter w;
  w.Strings(upos_);
  w.Strings(xpos_);
  std::vector<std::pair<std::uint64_t, std::uint64_t>> amb(amb_.begin(), amb_.end());
  std::sort(amb.begin(), amb.end());
  std::vector<std::uint64_t> words, classes;
  for (auto [word, cls] : amb) {
    words.push_back(word);
    classes.push_back(cls);
  }
  w.Array(words);
  w.Array(classes);
  std::vector<std::uint64_t> vocab(vocab_.begin(), vocab_.end());
  std::sort(vocab.begin(), vocab.end());
  w.Array(vocab);
  model_.Save(w);
  w.U32(model2_.num_classes() > 0 ? 1 : 0);
  if (model2_.num_classes() > 0) model2_.Save(w);
  // Cluster table last, so models written before it existed still load.
  if (!clusters_.empty() && !clusters_name_.empty()) {
    w.U32(kClustersFromData);
    w.Str(clusters_name_);
    w.Str(tree_name_);
    w.U64(clusters_.size());
    w.U64(ClusterTableChecksum(clusters_));
  } else if (!clusters_.empty()) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> cl(clusters_.begin(), clusters_.end());
    std::sort(cl.begin(), cl.end());
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> values;
    for (auto [key, value] : cl) {
      keys.push_back(key);
      values.push_back(value);
    }
    w.U32(kClustersCopied);
    w.Array(keys);
    w.Array(values);
  }
  return w.Finish(ModelKind::kTagger);
}

std::unique_ptr<Tagger> Tagger::Load(std::string_view bytes, const std::string& name) {
  ModelReader r(bytes, ModelKind::kTagger, name);
  auto t = std::make_unique<Tagger>();
  t->upos_ = r.Strings();
  t->xpos_ = r.Strings();
  auto words = r.Array<std::uint64_t>();
  auto classes = r.Array<std::uint64_t>();
  if (words.size() != classes.size()) r.Fail("ambiguity table sizes differ");
  t->amb_.reserve(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) t->amb_.emplace(words[i], classes[i]);
  auto vocab = r.Array<std::uint64_t>();
  t->vocab_.insert(vocab.begin(), vocab.end());
  t->model_.Load(r);
  if (r.U32() != 0) t->model2_.Load(r);
  const std::uint32_t cluster_form = r.AtEnd() ? 0 : r.U32();
  if (cluster_form == kClustersFromData) {
    t->clusters_name_ = r.Str();
    t->tree_name_ = r.Str();
    const std::uint64_t size = r.U64(), checksum = r.U64();
    r.ExpectEnd();
    t->clusters_ = VectorClusterTable(Resource(t->clusters_name_), Resource(t->tree_name_), t->clusters_name_,
                                      t->tree_name_);
    SITREP_CHECK(t->clusters_.size() == size && ClusterTableChecksum(t->clusters_) == checksum, ConfigError,
                 name << " was trained with other word clusters than " << t->clusters_name_ << " and "
                      << t->tree_name_ << " hold now (" << size << " words then, " << t->clusters_.size()
                      << " now): retrain the tagger and the parser (data/models/NOTICE)");
  } else if (cluster_form == kClustersCopied) {
    auto keys = r.Array<std::uint64_t>();
    auto values = r.Array<std::uint32_t>();
    if (keys.size() != values.size()) r.Fail("cluster table sizes differ");
    t->clusters_.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) t->clusters_.emplace(keys[i], values[i]);
  } else if (cluster_form != 0) {
    r.Fail("unknown form of the cluster table");
  }
  r.ExpectEnd();
  t->BuildWordTable();
  if (t->upos_.size() != t->xpos_.size() || t->upos_.size() != t->model_.num_classes() ||
      t->upos_.size() > 1024 || (t->model2_.num_classes() != 0 && t->model2_.num_classes() != t->model_.num_classes())) {
    r.Fail("tag tables do not match the weights");
  }
  return t;
}

struct TaggerTrainer {
  static std::unique_ptr<Tagger> Run(const std::vector<ConllSentence>& train,
                                     const std::vector<ConllSentence>& dev, const TrainOptions& opt) {
    std::map<std::pair<std::string, std::string>, std::uint16_t> index;
    auto tagger = std::make_unique<Tagger>();
    if (opt.clusters) {
      tagger->clusters_ = *opt.clusters;
      tagger->clusters_name_ = opt.clusters_name;
      tagger->tree_name_ = opt.tree_name;
    }
    const bool rich = !tagger->clusters_.empty();
    for (const auto& s : train) {
      for (const auto& w : s.words) {
        auto key = std::make_pair(w.upos, w.xpos);
        if (!index.count(key)) index.emplace(key, 0);
      }
    }
    std::uint16_t next = 0;
    for (auto& [key, cls] : index) {
      cls = next++;
      tagger->upos_.push_back(key.first);
      tagger->xpos_.push_back(key.second);
    }
    const std::size_t nc = index.size();
    // Features and gold classes of every sentence, computed once.
    struct Prepared {
      std::vector<TokenFeatures> feats;
      std::vector<TokenFeatures> upper;  // the same sentence in capitals
      std::vector<std::uint16_t> gold;
      std::vector<std::uint16_t> first, first_upper;  // jackknifed first-pass tags
    };
    const QuoteForms quotes = TrainingQuoteForms(opt);
    auto prepare = [&](const std::vector<ConllSentence>& data) {
      std::vector<Prepared> out(data.size());
      std::string lower;
      std::vector<std::string_view> forms;
      for (std::size_t s = 0; s < data.size(); ++s) {
        forms.clear();
        for (const auto& w : data[s].words) {
          forms.push_back(w.form);
          auto it = index.find({w.upos, w.xpos});
          out[s].gold.push_back(it == index.end() ? 0xffff : it->second);
        }
        SentenceFeatures(forms, lower, &out[s].feats, quotes);
        std::vector<std::string> caps;
        for (const auto& w : data[s].words) {
          caps.push_back(w.form);
          for (char& c : caps.back()) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
        }
        forms.assign(caps.begin(), caps.end());
        SentenceFeatures(forms, lower, &out[s].upper, quotes);
      }
      return out;
    };
    std::vector<Prepared> tr = prepare(train), dv = prepare(dev);
    // Ambiguity classes: the set of tags each frequent word had.
    std::unordered_map<std::uint64_t, std::pair<int, std::vector<bool>>> seen;
    for (const Prepared& p : tr) {
      for (std::size_t i = 0; i < p.feats.size(); ++i) {
        auto& [count, tags] = seen[p.feats[i].lower];
        tags.resize(nc);
        ++count;
        tags[p.gold[i]] = true;
      }
    }
    for (const auto& [word, info] : seen) {
      if (info.first >= (rich ? 1 : kMinVocabCount)) tagger->vocab_.insert(word);
      if (info.first < kMinAmbiguityCount) continue;
      std::uint64_t h = 0xa3b;
      for (std::size_t c = 0; c < nc; ++c) {
        if (info.second[c]) h = Mix64(h ^ (c + 1));
      }
      tagger->amb_.emplace(word, h);
    }
    tagger->BuildWordTable();
    for (Prepared& p : tr) {
      tagger->SetAmbiguity(p.feats.data(), p.feats.size());
      tagger->SetAmbiguity(p.upper.data(), p.upper.size());
    }
    std::mt19937_64 rng(opt.seed);
    // Trains one pass on the sentences `sents`; the second pass reads the
    // first pass's tags from `first` (and `first_upper`).
    auto train_pass = [&](const std::vector<std::size_t>& sents, bool second, bool verbose) {
      PerceptronTrainer trainer(static_cast<std::uint32_t>(nc));
      std::vector<std::size_t> order = sents;
      std::vector<float> scores(nc);
      std::uint64_t keys[kMaxTaggerFeatures];
      std::vector<std::uint16_t> guesses;
      for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
        auto t0 = std::chrono::steady_clock::now();
        std::shuffle(order.begin(), order.end(), rng);
        std::size_t correct = 0, total = 0;
        for (std::size_t si : order) {
          const Prepared& p = tr[si];
          // News has all-capital headlines that treebanks hardly have:
          // show the model some sentences in capitals.
          const bool upper = rng() % 100 < kCapitalsPercent;
          const std::vector<TokenFeatures>& feats = upper ? p.upper : p.feats;
          const std::uint16_t* first = upper ? p.first_upper.data() : p.first.data();
          std::uint64_t p1 = kNoTag, p2 = kNoTag;
          const std::uint64_t caps = CapsBucket(feats.data(), feats.size());
          for (std::size_t i = 0; i < feats.size(); ++i) {
            std::size_t nf = TaggerFeatures(feats.data(), feats.size(), i, p1, p2, caps, rich, keys);
            if (second) nf = RightContextFeatures(feats.data(), feats.size(), i, p1, first, nf, keys);
            trainer.Score(keys, nf, scores.data());
            std::uint16_t guess = Argmax(scores.data(), nc);
            trainer.Update(keys, nf, p.gold[i], guess);
            trainer.Tick();
            correct += guess == p.gold[i];
            ++total;
            p2 = p1;
            p1 = guess;  // condition on predictions, as at test time
          }
        }
        if (verbose) {
          double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
          std::fprintf(stderr, "tagger pass %d epoch %d: train acc %.4f, %zu features, %.1fs\n", second ? 2 : 1,
                       epoch, static_cast<double>(correct) / static_cast<double>(total), trainer.num_features(),
                       secs);
        }
      }
      return trainer.Finish(opt.min_updates);
    };
    auto report_dev = [&](const char* what) {
      if (!opt.verbose || dv.empty()) return;
      std::size_t dc = 0, dt = 0, du = 0;
      std::vector<std::uint16_t> tags;
      for (Prepared& p : dv) {
        tags.resize(p.feats.size());
        tagger->Tag(p.feats.data(), p.feats.size(), tags.data());
        for (std::size_t i = 0; i < tags.size(); ++i) {
          dc += tags[i] == p.gold[i];
          du += p.gold[i] < nc && tagger->upos_[tags[i]] == tagger->upos_[p.gold[i]];
        }
        dt += tags.size();
      }
      std::fprintf(stderr, "tagger %s: dev joint acc %.4f upos %.4f\n", what,
                   static_cast<double>(dc) / static_cast<double>(dt), static_cast<double>(du) / static_cast<double>(dt));
    };
    std::vector<std::size_t> all(tr.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    if (opt.two_pass) {
      // The second pass must learn from first-pass tags as wrong as they
      // will be on new text, so each sentence gets them from a first pass
      // trained without it (jackknifing).
      const std::size_t folds = 4;
      for (std::size_t f = 0; f < folds; ++f) {
        std::vector<std::size_t> rest;
        for (std::size_t i = 0; i < tr.size(); ++i) {
          if (i % folds != f) rest.push_back(i);
        }
        LinearModel m = train_pass(rest, false, false);
        for (std::size_t i = f; i < tr.size(); i += folds) {
          Prepared& p = tr[i];
          p.first.resize(p.feats.size());
          p.first_upper.resize(p.upper.size());
          RunPass(m, p.feats.data(), p.feats.size(), p.first.data(), false, rich);
          RunPass(m, p.upper.data(), p.upper.size(), p.first_upper.data(), false, rich);
        }
        if (opt.verbose) std::fprintf(stderr, "tagger: first-pass fold %zu/%zu done\n", f + 1, folds);
      }
    }
    tagger->model_ = train_pass(all, false, opt.verbose);
    report_dev("first pass");
    if (opt.two_pass) {
      tagger->model2_ = train_pass(all, true, opt.verbose);
      report_dev("both passes");
    }
    return tagger;
  }
};

std::unique_ptr<Tagger> TrainTagger(const std::vector<ConllSentence>& train,
                                    const std::vector<ConllSentence>& dev, const TrainOptions& options) {
  return TaggerTrainer::Run(train, dev, options);
}

}  // namespace sitrep::syntax
