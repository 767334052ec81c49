#include <mutex>

#include "core/error.h"
#include "core/resources.h"
#include "core/utf8.h"
#include "entities/entities.h"
#include "entities/role_mentions.h"
#include "gazetteer/gazetteer.h"
#include "resolve/resolve.h"
#include "syntax/conllu.h"
#include "syntax/model_io.h"
#include "text/chars.h"

namespace sitrep::entities {

std::shared_ptr<const NerModel> LoadDefaultNer() {
  static std::mutex mu;
  static std::shared_ptr<const NerModel> model;
  std::lock_guard<std::mutex> lock(mu);
  if (!model) model = NerModel::Load(Resource("models/ner.bin"), "models/ner.bin");
  return model;
}

std::shared_ptr<const NerModel> LoadNerFromFile(const std::string& path) {
  return NerModel::Load(syntax::ReadFileOrThrow(path), path);
}

namespace {

bool HasLetterOrDigit(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (text::IsAlnum(utf8::Decode(s, i))) return true;
  }
  return false;
}

bool Capitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// The Arabic article as romanised surnames write it in lower case before a
// hyphen ("al-Kessar", "el-Kessar"): part of the name, as a capital is.
bool ArticleParticle(std::string_view w) { return w == "al" || w == "el"; }

// The tokenizer splits "Varga-Steiner" and "al-Kessar" into three tokens, as
// EWT does, and the recogniser may label only part of it (it learned few
// such surnames and often stops at the hyphen: "Hassan al"); a name never
// ends or starts at a hyphen written without spaces between two
// capitalised words, or between "al"/"el" and a capitalised word.
void ExtendOverHyphens(const Article& a, const Sentence& sent, std::uint32_t* b, std::uint32_t* e) {
  auto joined = [&](std::uint32_t k) {  // tokens k, k+1, k+2 form "Word-Word"
    if (!(k + 2 < sent.end_token && !a.tokens[k].space_after && !a.tokens[k + 1].space_after &&
          a.TokenText(a.tokens[k + 1]) == "-" && Capitalised(a.TokenText(a.tokens[k + 2]))))
      return false;
    const std::string_view w = a.TokenText(a.tokens[k]);
    return Capitalised(w) || ArticleParticle(w);
  };
  // "Hassan al-Kessar" labelled up to "Hassan": the particle and the word
  // after it join a name that ends right before them.
  auto particle_after = [&](std::uint32_t k) {  // token k ends a name; "al-Word" follows
    return k + 1 < sent.end_token && a.tokens[k].space_after && ArticleParticle(a.TokenText(a.tokens[k + 1])) &&
           Capitalised(a.TokenText(a.tokens[k])) && joined(k + 1);
  };
  if (particle_after(*e - 1)) *e += 1;
  while (joined(*e - 1)) *e += 2;
  while (*b >= sent.first_token + 2 && joined(*b - 2)) *b -= 2;
}

// The article's own outlet written in its text ("told Kessar Wire"), taken
// whole as an organisation over whatever the model made of its words: the
// model often takes a part of it for a person or a place. Matched on token
// boundaries, as written, with or without a leading "The"; also "the
// Wire", the last word of a name of two words or more.
void MarkOwnOutlet(const Article& a, const Sentence& sent, std::uint8_t* labels) {
  constexpr int kOrgType = 1;  // kNerTypes[1]
  if (!a.outlet || a.outlet->size() < 3) return;
  std::string_view name(*a.outlet);
  if (name.substr(0, 4) == "The ") name.remove_prefix(4);
  const std::string_view text(a.text);
  const std::uint32_t first = sent.first_token, n = sent.end_token - sent.first_token;
  for (std::uint32_t k = 0; k < n; ++k) {
    const Token& tb = a.tokens[first + k];
    if (tb.begin + name.size() > text.size() || text.compare(tb.begin, name.size(), name) != 0) continue;
    std::uint32_t j = k;
    while (j < n && a.tokens[first + j].end < tb.begin + name.size()) ++j;
    if (j == n || a.tokens[first + j].end != tb.begin + name.size()) continue;
    // [k, j] is the outlet: a span running into it from the left ends
    // before it, one running on after it starts after it.
    if (j + 1 < n && labels[j + 1] != kOutside && !IsBegin(labels[j + 1])) {
      labels[j + 1] = BeginLabel(LabelType(labels[j + 1]));
    }
    labels[k] = BeginLabel(kOrgType);
    for (std::uint32_t x = k + 1; x <= j; ++x) labels[x] = InsideLabel(kOrgType);
    k = j;
  }
  // "told the Gazette" in an article of the Lenhall Gazette: the outlet by
  // the last word of its name after "the", alone (not "the Post Office").
  const std::size_t sp = name.rfind(' ');
  if (sp == std::string_view::npos) return;
  const std::string_view last = name.substr(sp + 1);
  if (last.size() < 3 || !Capitalised(last)) return;
  for (std::uint32_t k = 1; k < n; ++k) {
    if (a.TokenText(a.tokens[first + k]) != last || a.TokenText(a.tokens[first + k - 1]) != "the") continue;
    if (k > 1 && Capitalised(a.TokenText(a.tokens[first + k - 2]))) continue;
    if (k + 1 < n && Capitalised(a.TokenText(a.tokens[first + k + 1]))) continue;
    if (labels[k] != kOutside && !(IsBegin(labels[k]) && (k + 1 == n || IsBegin(labels[k + 1]) || labels[k + 1] == kOutside)))
      continue;  // part of a longer name the model found
    labels[k] = BeginLabel(kOrgType);
  }
}

}  // namespace

void RecognizeMentions(const NerModel& model, Article& a, EntitiesScratch& s) {
  a.mentions.clear();
  const DocStats stats = ComputeDocStats(a, s.lower);
  // Every sentence's tokens first, so the model can read the whole article.
  s.tokens.clear();
  s.refs.clear();
  const std::vector<std::uint32_t> people_forms = PeopleForms(a);
  for (const Sentence& sent : a.sentences) {
    if (sent.end_token > a.tokens.size() || sent.first_token >= sent.end_token) continue;
    BuildNerTokens(a, sent.first_token, sent.end_token, stats, &s.sentence, s.lower);
    AddGazetteerBits(a, sent.first_token, sent.end_token, s.sentence.data(), s);
    for (std::uint32_t k = sent.first_token; k < sent.end_token; ++k) {
      s.sentence[k - sent.first_token].gaz |= people_forms[k];
    }
    s.tokens.insert(s.tokens.end(), s.sentence.begin(), s.sentence.end());
  }
  s.labels.assign(s.tokens.size(), kOutside);
  std::size_t at = 0;
  for (const Sentence& sent : a.sentences) {
    if (sent.end_token > a.tokens.size() || sent.first_token >= sent.end_token) continue;
    const std::size_t n = sent.end_token - sent.first_token;
    s.refs.push_back({s.tokens.data() + at, s.labels.data() + at, n});
    at += n;
  }
  model.TagDocument(s.refs.data(), s.refs.size(), s.doc);
  at = 0;
  for (const Sentence& sent : a.sentences) {
    if (sent.end_token > a.tokens.size() || sent.first_token >= sent.end_token) continue;
    MarkOwnOutlet(a, sent, s.labels.data() + at);
    at += sent.end_token - sent.first_token;
  }
  at = 0;
  std::size_t next_time = 0;  // a.times are in text order
  for (const Sentence& sent : a.sentences) {
    if (sent.end_token > a.tokens.size() || sent.first_token >= sent.end_token) continue;
    const std::size_t n = sent.end_token - sent.first_token;
    for (const NerSpan& span : SpansFromLabels(s.labels.data() + at, n)) {
      Mention m;
      std::uint32_t b = sent.first_token + span.begin, e = sent.first_token + span.end;
      ExtendOverHyphens(a, sent, &b, &e);
      // A token with no letter or digit never starts or ends a name: the
      // model sometimes takes in a reference mark or bullet ("^", "•")
      // that a scraped page puts before one.
      while (b < e && !HasLetterOrDigit(a.TokenText(a.tokens[b]))) ++b;
      while (e > b && !HasLetterOrDigit(a.TokenText(a.tokens[e - 1]))) --e;
      if (b == e) continue;
      if (!a.mentions.empty() && a.tokens[b].begin < a.mentions.back().end) continue;
      m.begin = a.tokens[b].begin;
      m.end = a.tokens[e - 1].end;
      // A span inside a time expression ("Saturday, Jan 15") is a date, not
      // a name; the time stage runs first so its expressions are known.
      while (next_time < a.times.size() && a.times[next_time].end <= m.begin) ++next_time;
      if (next_time < a.times.size() && a.times[next_time].begin <= m.begin && m.end <= a.times[next_time].end)
        continue;
      // A name the model ran on from a date before it ("Tuesday's
      // District of Columbia primary") starts after the date and its
      // possessive.
      if (next_time < a.times.size() && a.times[next_time].begin <= m.begin) {
        const std::uint32_t time_end = a.times[next_time].end;
        while (b < e && a.tokens[b].begin < time_end) ++b;
        if (b < e) {
          const std::string_view w = a.TokenText(a.tokens[b]);
          if (w == "'s" || w == "\u2019s") ++b;
        }
        if (b == e) continue;
        m.begin = a.tokens[b].begin;
      }
      m.type = std::string(kNerTypes[span.type]);
      // The article's own outlet named in its text ("told the Sahel Times")
      // is an organisation, whatever its words suggest.
      if (a.outlet && std::string_view(a.text).substr(m.begin, m.end - m.begin) == *a.outlet) m.type = "ORG";
      a.mentions.push_back(std::move(m));
    }
    at += n;
  }
}

resolve::MergeOptions MergeOptionsFor(const gazetteer::Gazetteer& g) {
  resolve::MergeOptions o;
  o.canonical_country = [&g](std::string_view name) -> std::string {
    auto c = g.CountryOf(name);
    return c ? *c : std::string();
  };
  o.canonical_organisation = [&g](std::string_view name) -> std::string {
    const gazetteer::Entry* found = nullptr;
    for (std::uint32_t id : g.Lookup(name)) {
      const gazetteer::Entry& e = g.entry(id);
      if (e.kind != gazetteer::kOrganisation) continue;
      if (found && found->name != e.name) return std::string();  // two organisations share the name
      found = &e;
    }
    return found ? found->name : std::string();
  };
  return o;
}

EntitiesStage::EntitiesStage(std::shared_ptr<const NerModel> model) : model_(std::move(model)) {
  SITREP_CHECK(model_ != nullptr, ConfigError, "entities stage needs a named-entity model");
  gazetteer_ = &gazetteer::Gazetteer::Default();
  merge_ = MergeOptionsFor(*gazetteer_);
}

void EntitiesStage::Process(Article& article, StageScratch* scratch) const {
  if (!article.ReadsAsEnglish()) {
    article.warnings.push_back("language '" + article.language +
                               "': names, quotes and events are looked for in English text only");
    return;
  }
  EntitiesScratch local;
  EntitiesScratch& s = scratch ? static_cast<EntitiesScratch&>(*scratch) : local;
  RecognizeMentions(*model_, article, s);
  gazetteer::DescribeMentions(*gazetteer_, article);
  resolve::MergeWithinArticle(article, merge_);
  LinkRoleMentions(*gazetteer_, article, s);
}

NerCorpus PrepareNerCorpus(const std::vector<NerSentence>& gold, const syntax::SyntaxStage& syntax) {
  NerCorpus c;
  EntitiesScratch es;
  syntax::SyntaxScratch ss;
  std::size_t i = 0;
  std::uint32_t doc_id = 0;
  while (i < gold.size()) {
    // One article per document, so document statistics see the whole text.
    std::size_t j = i + 1;
    while (j < gold.size() && !gold[j].new_doc) ++j;
    std::vector<syntax::ConllSentence> doc(j - i);
    for (std::size_t k = i; k < j; ++k) {
      for (const auto& w : gold[k].words) doc[k - i].words.push_back({w, "", "", "", "", 0, "", ""});
    }
    Article a = syntax::ArticleFromGold(doc);
    syntax.Process(a, &ss);
    const DocStats stats = ComputeDocStats(a, es.lower);
    const std::vector<std::uint32_t> people_forms = PeopleForms(a);
    for (std::size_t k = i; k < j; ++k) {
      const Sentence& sent = a.sentences[k - i];
      std::vector<NerToken> toks;
      BuildNerTokens(a, sent.first_token, sent.end_token, stats, &toks, es.lower);
      AddGazetteerBits(a, sent.first_token, sent.end_token, toks.data(), es);
      for (std::uint32_t t = sent.first_token; t < sent.end_token; ++t) {
        toks[t - sent.first_token].gaz |= people_forms[t];
      }
      c.token_count += toks.size();
      c.tokens.push_back(std::move(toks));
      c.labels.push_back(gold[k].labels);
      c.words.push_back(gold[k].words);
      c.docs.push_back(doc_id);
    }
    ++doc_id;
    i = j;
  }
  return c;
}

}  // namespace sitrep::entities
