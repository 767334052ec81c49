#include "syntax/lemmatizer.h"

#include <algorithm>
#include <map>

#include "core/hash.h"
#include "syntax/feature_hash.h"
#include "syntax/model_io.h"
#include "syntax/token_features.h"

namespace sitrep::syntax {
namespace {
// Suffix rules look at up to this many trailing bytes.
constexpr std::size_t kMaxSuffix = 6;
// A rule must be seen this often before it is trusted on unseen words.
constexpr int kMinRuleCount = 2;

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
bool IsProper(std::string_view xpos) { return xpos == "NNP" || xpos == "NNPS"; }
}  // namespace

std::uint64_t Lemmatizer::Key(std::string_view form, std::string_view xpos, std::uint64_t seed) {
  return Mix64(Hash64(form, seed) ^ Hash64(xpos, seed + 7) * 3);
}

void Lemmatizer::Lemmatize(std::string_view form, std::string_view upos, std::string_view xpos,
                           std::string* out, std::string& scratch) const {
  if (auto it = exact_.find(Key(form, xpos, 1)); it != exact_.end()) {
    *out = strings_[it->second];
    return;
  }
  AsciiLower(form, scratch);
  if (!IsProper(xpos)) {
    if (auto it = lower_.find(Key(scratch, xpos, 2)); it != lower_.end()) {
      *out = strings_[it->second];
      return;
    }
    // Seen with a sibling tag (VBD for VBN, JJR for JJ...): same lemma.
    if (auto it = by_upos_.find(Key(scratch, upos, 4)); it != by_upos_.end()) {
      *out = strings_[it->second];
      return;
    }
  }
  // Unseen singular proper nouns, punctuation and symbols are their own
  // lemma: suffix rules learned from other words only damage them
  // ("Capt." is not "Sept.").
  if (xpos == "NNP" || upos == "PUNCT" || upos == "SYM") {
    out->assign(form);
    return;
  }
  // Plural proper nouns keep their case (the treebank lemmatises
  // "Americans" to "American"); everything else is lowercased, as in the
  // treebank.
  std::string_view base = IsProper(xpos) || upos == "PROPN" ? form : std::string_view(scratch);
  std::string_view lw(scratch);
  // Candidates from the longest suffix to the shortest; the first that is a
  // known lemma wins, else the longest rule's, as a rule from a rarer,
  // more specific suffix is more often right when nothing else says so.
  // A past tense and a past participle share their ending, so a rule
  // learned for the one serves the other when it has none for that suffix
  // ("fined" as VBD finds VBN's "-ined" -> "-ine" from "combined", not
  // "-ed" -> "" and "fin").
  const std::string_view sibling = xpos == "VBD" ? "VBN" : xpos == "VBN" ? "VBD" : std::string_view();
  bool have = false;
  std::string first;
  for (std::size_t len = std::min(kMaxSuffix, lw.size()); len >= 1; --len) {
    std::string_view suf = lw.substr(lw.size() - len);
    auto it = rules_.find(Key(suf, xpos, 3));
    if (it == rules_.end() && !sibling.empty()) it = rules_.find(Key(suf, sibling, 3));
    if (it == rules_.end()) continue;
    const Rule& r = it->second;
    if (r.strip > base.size() || (r.strip == base.size() && strings_[r.append].empty())) break;
    out->assign(base.substr(0, base.size() - r.strip));
    out->append(strings_[r.append]);
    if (known_.empty() || Known(*out)) return;
    if (!have) {
      first = *out;
      have = true;
    }
  }
  if (have) {
    out->swap(first);
    return;
  }
  out->assign(base);
}

// Only unseen words get here, so the copy costs little.
bool Lemmatizer::Known(std::string_view lemma) const {
  std::string lower;
  AsciiLower(lemma, lower);
  return std::binary_search(known_.begin(), known_.end(), Hash64(lower, 5));
}

std::unique_ptr<Lemmatizer> Lemmatizer::Train(const std::vector<ConllSentence>& train) {
  auto lem = std::make_unique<Lemmatizer>();
  std::map<std::string, std::uint32_t> interned;
  auto intern = [&](const std::string& s) {
    auto [it, added] = interned.emplace(s, static_cast<std::uint32_t>(lem->strings_.size()));
    if (added) lem->strings_.push_back(s);
    return it->second;
  };
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>> exact, lower, by_upos;
  std::map<std::pair<std::string, std::string>, std::map<std::pair<std::uint32_t, std::string>, int>> rules;
  std::string lw, llem;
  for (const auto& s : train) {
    for (const auto& w : s.words) {
      if (w.lemma.empty()) continue;
      exact[{w.form, w.xpos}][w.lemma]++;
      AsciiLower(w.form, lw);
      lower[{lw, w.xpos}][w.lemma]++;
      if (!IsProper(w.xpos)) by_upos[{lw, w.upos}][w.lemma]++;
      if (!IsAscii(w.form) || !IsAscii(w.lemma)) continue;
      // The rule rewrites the lowercased form (or the form itself for
      // proper nouns) into the lemma.
      std::string src = IsProper(w.xpos) ? w.form : lw;
      std::size_t common = 0;
      while (common < src.size() && common < w.lemma.size() && src[common] == w.lemma[common]) ++common;
      std::uint32_t strip = static_cast<std::uint32_t>(src.size() - common);
      std::string append = w.lemma.substr(common);
      for (std::size_t len = std::max<std::size_t>(strip, 1); len <= std::min(kMaxSuffix, lw.size()); ++len) {
        rules[{w.xpos, lw.substr(lw.size() - len)}][{strip, append}]++;
      }
    }
  }
  auto best = [](const auto& counts) {
    auto it = std::max_element(counts.begin(), counts.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
    return *it;
  };
  for (const auto& [key, counts] : exact) lem->exact_[Key(key.first, key.second, 1)] = intern(best(counts).first);
  for (const auto& [key, counts] : lower) lem->lower_[Key(key.first, key.second, 2)] = intern(best(counts).first);
  for (const auto& [key, counts] : by_upos) {
    lem->by_upos_[Key(key.first, key.second, 4)] = intern(best(counts).first);
  }
  for (const auto& [key, counts] : rules) {
    auto [rule, count] = best(counts);
    if (count < kMinRuleCount) continue;
    lem->rules_[Key(key.second, key.first, 3)] = Rule{rule.first, intern(rule.second)};
  }
  for (const auto& s : train) {
    for (const auto& w : s.words) {
      if (w.lemma.empty() || w.lemma == "_") continue;
      AsciiLower(w.lemma, llem);
      lem->known_.push_back(Hash64(llem, 5));
    }
  }
  std::sort(lem->known_.begin(), lem->known_.end());
  lem->known_.erase(std::unique(lem->known_.begin(), lem->known_.end()), lem->known_.end());
  return lem;
}

std::string Lemmatizer::Save() const {
  ModelWriter w;
  w.Strings(strings_);
  auto put_map = [&w](const std::unordered_map<std::uint64_t, std::uint32_t>& m) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> v(m.begin(), m.end());
    std::sort(v.begin(), v.end());
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> vals;
    for (auto& [k, x] : v) {
      keys.push_back(k);
      vals.push_back(x);
    }
    w.Array(keys);
    w.Array(vals);
  };
  put_map(exact_);
  put_map(lower_);
  put_map(by_upos_);
  std::vector<std::pair<std::uint64_t, Rule>> rv(rules_.begin(), rules_.end());
  std::sort(rv.begin(), rv.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> strips, appends;
  for (auto& [k, r] : rv) {
    keys.push_back(k);
    strips.push_back(r.strip);
    appends.push_back(r.append);
  }
  w.Array(keys);
  w.Array(strips);
  w.Array(appends);
  w.Array(known_);
  return w.Finish(ModelKind::kLemmatizer);
}

std::unique_ptr<Lemmatizer> Lemmatizer::Load(std::string_view bytes, const std::string& name) {
  ModelReader r(bytes, ModelKind::kLemmatizer, name);
  auto lem = std::make_unique<Lemmatizer>();
  lem->strings_ = r.Strings();
  auto get_map = [&](std::unordered_map<std::uint64_t, std::uint32_t>& m) {
    auto keys = r.Array<std::uint64_t>();
    auto vals = r.Array<std::uint32_t>();
    if (keys.size() != vals.size()) r.Fail("lemma table sizes differ");
    m.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (vals[i] >= lem->strings_.size()) r.Fail("lemma index out of range");
      m.emplace(keys[i], vals[i]);
    }
  };
  get_map(lem->exact_);
  get_map(lem->lower_);
  get_map(lem->by_upos_);
  auto keys = r.Array<std::uint64_t>();
  auto strips = r.Array<std::uint32_t>();
  auto appends = r.Array<std::uint32_t>();
  if (keys.size() != strips.size() || keys.size() != appends.size()) r.Fail("rule table sizes differ");
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (appends[i] >= lem->strings_.size()) r.Fail("rule string out of range");
    lem->rules_.emplace(keys[i], Rule{strips[i], appends[i]});
  }
  lem->known_ = r.Array<std::uint64_t>();
  if (!std::is_sorted(lem->known_.begin(), lem->known_.end())) r.Fail("known lemmas are not sorted");
  r.ExpectEnd();
  return lem;
}

}  // namespace sitrep::syntax
