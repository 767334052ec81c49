// StoryBuilder: digests -> clusters -> stories.jsonl lines.
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/hash.h"
#include "core/json_writer.h"
#include "store/output.h"
#include "stories/internal.h"

namespace sitrep::stories {

using detail::Digest;
using detail::Dot;
using detail::FeatureHash;
using detail::Normalise;

namespace {

// Values within this ratio of each other may be two outlets' figures for
// one quantity (100,000 and 130,000 troops); further apart they count
// different things (3 soldiers killed, 100,000 massed).
constexpr double kSameQuantityRatio = 1.5;
// MMR: weight of centrality against novelty, and the overlap at which a
// sentence repeats one already chosen.
constexpr double kMmrLambda = 0.7;
constexpr double kRedundant = 0.4;
constexpr std::size_t kSummaryCandidatesPerArticle = 5;
// Weight of the position prior against the best centrality in the story.
constexpr double kLeadWeight = 0.5;

struct QuoteRec {
  std::string id, article, text, speaker;
  std::vector<std::string> same_as;
};

// Words of a quote, lower case, for comparing wording across outlets
// (punctuation and quotation marks aside).
std::string WordingKey(std::string_view text) {
  std::vector<detail::Word> words;
  detail::Words(text, 0, static_cast<std::uint32_t>(text.size()), &words);
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w.lower;
  }
  return out;
}

std::vector<QuoteRec> ReadQuotes(const std::string& path, const std::unordered_map<std::string, std::uint32_t>& articles) {
  std::vector<QuoteRec> out;
  if (path.empty()) return out;
  std::ifstream f(path, std::ios::binary);
  std::string line;
  simdjson::dom::parser parser;
  while (std::getline(f, line)) {
    simdjson::dom::object o;
    if (line.empty() || parser.parse(line).get_object().get(o)) continue;
    std::string_view v;
    QuoteRec q;
    if (!o["id"].get_string().get(v)) q.id = std::string(v);
    if (!o["article"].get_string().get(v)) q.article = std::string(v);
    if (!articles.count(q.article)) continue;
    if (!o["text"].get_string().get(v)) q.text = std::string(v);
    simdjson::dom::object sp;
    if (!o["speaker"].get_object().get(sp)) {
      if (!sp["name"].get_string().get(v)) q.speaker = std::string(v);
      else if (!sp["description"].get_string().get(v)) q.speaker = std::string(v);
    }
    simdjson::dom::array arr;
    if (!o["same_as"].get_array().get(arr)) {
      for (simdjson::dom::element e : arr)
        if (!e.get_string().get(v)) q.same_as.emplace_back(v);
    }
    out.push_back(std::move(q));
  }
  return out;
}

void StringArray(JsonWriter& w, const std::vector<std::string>& v) {
  w.BeginArray();
  for (const auto& s : v) w.String(s);
  w.EndArray();
}

struct Claim {
  std::string claim, kind;
  std::vector<std::string> articles, values;
  // For numbers: each distinct value with the ways it was written and who wrote it.
  struct Reading {
    std::string value;
    std::vector<std::string> texts, articles;
  };
  std::vector<Reading> readings;
};

void WriteClaims(JsonWriter& w, const std::vector<Claim>& claims) {
  w.BeginArray();
  for (const Claim& c : claims) {
    w.BeginObject();
    w.Key("claim");
    w.String(c.claim);
    w.Key("kind");
    w.String(c.kind);
    w.Key("articles");
    StringArray(w, c.articles);
    w.Key("values");
    StringArray(w, c.values);
    if (!c.readings.empty()) {
      w.Key("readings");
      w.BeginArray();
      for (const auto& r : c.readings) {
        w.BeginObject();
        w.Key("value");
        w.String(r.value);
        w.Key("texts");
        StringArray(w, r.texts);
        w.Key("articles");
        StringArray(w, r.articles);
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
}

template <class T>
void SortUnique(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

struct StoryBuilder::Impl {
  BuildOptions opt;
  std::vector<Digest> digests;
  std::vector<std::int64_t> added;  // per AddArticle call: digest index or -1
  std::vector<std::uint32_t> assignment;

  // Article features: body terms (sublinear tf x idf, the strongest kept),
  // title terms, entities and events, L2-normalised.
  SparseVector Features(const Digest& d, const std::unordered_map<std::uint32_t, std::uint32_t>& df,
                        const std::vector<events::MergedEvent>& evs, double n) const {
    const ClusterOptions& co = opt.cluster;
    // Rarity weight; 0 for a feature too few articles share to link any.
    double left_out2 = 0;  // squared weight of the features too rare to link articles
    auto weight = [&](std::uint32_t h) {
      auto it = df.find(h);
      const double f = it == df.end() ? 1 : it->second;
      const double x = std::log(1 + n / f);
      return co.idf_power == 1 ? x : std::pow(x, co.idf_power);
    };
    auto linkable = [&](std::uint32_t h) {
      auto it = df.find(h);
      return (it == df.end() ? 1 : it->second) >= co.min_df;
    };
    auto idf = [&](std::uint32_t h) { return linkable(h) ? weight(h) : 0.0; };
    SparseVector v;
    v.reserve(d.terms.size());
    for (const auto& [h, c] : d.terms) {
      const double w = (1 + std::log(c)) * weight(h);
      if (linkable(h)) v.emplace_back(h, static_cast<float>(w));
      else left_out2 += w * w;
    }
    if (v.size() > opt.cluster.article_features) {
      auto by_weight = [](const auto& x, const auto& y) { return x.second != y.second ? x.second > y.second : x.first < y.first; };
      std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(opt.cluster.article_features), v.end(), by_weight);
      v.resize(opt.cluster.article_features);
    }
    std::map<std::uint32_t, float> extra;
    for (std::uint32_t h : d.title_terms) extra[h] += static_cast<float>(opt.cluster.title_weight * idf(h));
    for (const auto& e : d.entities) {
      std::uint32_t h = FeatureHash('e', e);
      extra[h] += static_cast<float>(opt.cluster.entity_weight * idf(h));
    }
    for (std::uint32_t k : d.events) {
      std::uint32_t h = FeatureHash('v', evs[k].id);
      extra[h] += static_cast<float>(opt.cluster.event_weight * idf(h));
    }
    for (const auto& y : d.years) {
      std::uint32_t h = FeatureHash('y', y);
      extra[h] += static_cast<float>(opt.cluster.year_weight * idf(h));
    }
    if (co.date_weight > 0)
      for (const auto& y : d.dates) {
        std::uint32_t h = FeatureHash('d', y);
        extra[h] += static_cast<float>(co.date_weight * idf(h));
      }
    if (co.number_weight > 0)
      for (std::uint32_t h : d.numbers) extra[h] += static_cast<float>(co.number_weight * idf(h));
    std::erase_if(extra, [](const auto& kv) { return kv.second <= 0; });
    std::sort(v.begin(), v.end());
    if (co.private_weight > 0 && left_out2 > 0) {
      // One private feature for all the article alone has (hashed from its
      // id so that no other article's matches it).
      const std::uint32_t h = FeatureHash('u', d.id) | kPrivateFeatureBit;
      extra[h] += static_cast<float>(co.private_weight * std::sqrt(left_out2));
    }
    SparseVector out;
    out.reserve(v.size() + extra.size());
    auto it = extra.begin();
    for (const auto& kv : v) {
      while (it != extra.end() && it->first < kv.first) out.emplace_back(*it++);
      if (it != extra.end() && it->first == kv.first) {
        out.emplace_back(kv.first, kv.second + it->second);
        ++it;
      } else {
        out.push_back(kv);
      }
    }
    for (; it != extra.end(); ++it) out.emplace_back(*it);
    Normalise(&out);
    return out;
  }

  std::vector<Claim> NumberClaims(const std::vector<std::uint32_t>& members, std::vector<Claim>* agreements) const;
  std::string StoryJson(const std::vector<std::uint32_t>& members, const std::vector<SparseVector>& vecs,
                        const std::vector<std::int64_t>& near_dup_of, const std::vector<events::MergedEvent>& evs,
                        const std::vector<QuoteRec>& quotes, const std::unordered_map<std::string, std::vector<std::uint32_t>>& quotes_by_article,
                        const std::unordered_map<std::string, std::uint32_t>& quote_index, std::string* id) const;
};

StoryBuilder::StoryBuilder(BuildOptions options) : impl_(std::make_unique<Impl>()) { impl_->opt = options; }
StoryBuilder::~StoryBuilder() = default;

const std::vector<std::uint32_t>& StoryBuilder::assignment() const { return impl_->assignment; }

Status StoryBuilder::AddArticle(std::string_view line) {
  Digest d;
  Result<bool> r = detail::DigestLine(line, kSummaryCandidatesPerArticle, &d);
  if (!r.ok()) return r.status();
  if (!*r) {
    impl_->added.push_back(-1);
    return Status::Ok();
  }
  impl_->added.push_back(static_cast<std::int64_t>(impl_->digests.size()));
  impl_->digests.push_back(std::move(d));
  return Status::Ok();
}

std::vector<Claim> StoryBuilder::Impl::NumberClaims(const std::vector<std::uint32_t>& members,
                                                    std::vector<Claim>* agreements) const {
  struct Report {
    double value;
    std::uint32_t article;
    const detail::NumberClaim* claim;
  };
  std::map<std::string, std::vector<Report>> by_key;
  for (std::uint32_t a : members)
    for (const auto& c : digests[a].claims) by_key[c.key].push_back({c.value, a, &c});
  std::vector<Claim> disagreements;
  for (auto& [key, reports] : by_key) {
    std::sort(reports.begin(), reports.end(), [&](const Report& x, const Report& y) {
      return x.value != y.value ? x.value < y.value : digests[x.article].id < digests[y.article].id;
    });
    // Groups of values close enough to measure the same quantity.
    std::size_t from = 0;
    while (from < reports.size()) {
      std::size_t to = from + 1;
      while (to < reports.size() && reports[to].value <= reports[to - 1].value * kSameQuantityRatio) ++to;
      std::vector<Claim::Reading> readings;
      std::set<std::uint32_t> all_articles;
      std::set<std::string> outlets_all;
      for (std::size_t i = from; i < to;) {
        std::size_t j = i;
        Claim::Reading r;
        r.value = reports[i].claim->number;
        std::set<std::string> outlets;
        while (j < to && reports[j].value == reports[i].value) {
          r.texts.push_back(reports[j].claim->text);
          r.articles.push_back(digests[reports[j].article].id);
          outlets.insert(digests[reports[j].article].outlet.empty() ? digests[reports[j].article].id
                                                                     : digests[reports[j].article].outlet);
          all_articles.insert(reports[j].article);
          ++j;
        }
        SortUnique(&r.texts);
        SortUnique(&r.articles);
        outlets_all.insert(outlets.begin(), outlets.end());
        if (outlets.size() >= 2) {
          Claim c;
          c.claim = key;
          c.kind = "number";
          c.articles = r.articles;
          c.values = r.texts;  // the same figure, as each outlet hedged it
          agreements->push_back(std::move(c));
        }
        readings.push_back(std::move(r));
        i = j;
      }
      // A disagreement needs two figures from at least two sources, and
      // not one source alone reporting a change.
      if (readings.size() >= 2 && outlets_all.size() >= 2) {
        bool one_article_has_all = false;
        for (std::uint32_t a : all_articles) {
          std::size_t n = 0;
          for (const auto& r : readings)
            n += std::count(r.articles.begin(), r.articles.end(), digests[a].id) > 0;
          if (n == readings.size() && all_articles.size() == 1) one_article_has_all = true;
        }
        if (!one_article_has_all) {
          Claim c;
          c.claim = key;
          c.kind = "number";
          for (std::uint32_t a : all_articles) c.articles.push_back(digests[a].id);
          SortUnique(&c.articles);
          for (const auto& r : readings) c.values.push_back(r.value);
          c.readings = std::move(readings);
          disagreements.push_back(std::move(c));
        }
      }
      from = to;
    }
  }
  return disagreements;
}

std::string StoryBuilder::Impl::StoryJson(const std::vector<std::uint32_t>& members, const std::vector<SparseVector>& vecs,
                                          const std::vector<std::int64_t>& near_dup_of,
                                          const std::vector<events::MergedEvent>& evs, const std::vector<QuoteRec>& quotes,
                                          const std::unordered_map<std::string, std::vector<std::uint32_t>>& quotes_by_article,
                                          const std::unordered_map<std::string, std::uint32_t>& quote_index,
                                          std::string* id) const {
  const Digest& first = digests[members.front()];
  *id = MakeId('s', first.id);
  auto outlet_of = [&](std::uint32_t a) { return digests[a].outlet.empty() ? "(" + digests[a].id + ")" : digests[a].outlet; };

  // Centroid of the story: the sum of its articles' vectors.
  std::map<std::uint32_t, float> acc;
  for (std::uint32_t a : members)
    for (const auto& [h, w] : vecs[a]) acc[h] += w;
  SparseVector centroid(acc.begin(), acc.end());
  Normalise(&centroid);

  // Title: the title of the article closest to the centroid.
  std::string title;
  double best = -1;
  for (std::uint32_t a : members) {
    if (digests[a].title.empty()) continue;
    double s = Dot(vecs[a], centroid);
    if (s > best) {
      best = s;
      title = digests[a].title;
    }
  }
  // The article closest to the centroid, title or not: its lead opens the summary.
  std::uint32_t central_article = members.front();
  double best_any = -1;
  for (std::uint32_t a : members) {
    double s = Dot(vecs[a], centroid);
    if (s > best_any && !digests[a].sentences.empty()) {
      best_any = s;
      central_article = a;
    }
  }

  // Summary: MMR over the articles' leading sentences.
  struct Cand {
    std::uint32_t article;
    const detail::SentenceDigest* s;
    double central;
  };
  std::vector<Cand> cands;
  // Centrality plus a position prior, as in MEAD: news puts the happening
  // in its first sentences, and a short side sentence that happens to hold
  // the story's rare words must not displace the lead.
  double top = 0;
  for (std::uint32_t a : members)
    for (const auto& s : digests[a].sentences) {
      cands.push_back({a, &s, Dot(s.terms, centroid)});
      top = std::max(top, cands.back().central);
    }
  for (Cand& c : cands) {
    const double n = static_cast<double>(kSummaryCandidatesPerArticle);
    c.central += kLeadWeight * top * (n - static_cast<double>(c.s->position)) / n;
  }
  std::vector<const Cand*> chosen;
  std::vector<bool> used(cands.size(), false);
  // News tells the happening first: the summary opens with the lead of the
  // most central article, then takes the most central sentences that add
  // something.
  for (std::size_t i = 0; i < cands.size() && opt.summary_sentences > 0; ++i) {
    if (cands[i].article == central_article && cands[i].s->position == 0) {
      used[i] = true;
      chosen.push_back(&cands[i]);
      break;
    }
  }
  while (chosen.size() < opt.summary_sentences) {
    double best_score = -1e9;
    std::size_t pick = SIZE_MAX;
    for (std::size_t i = 0; i < cands.size(); ++i) {
      if (used[i]) continue;
      double redundancy = 0;
      for (const Cand* c : chosen) redundancy = std::max(redundancy, Dot(cands[i].s->terms, c->s->terms));
      if (redundancy > kRedundant) continue;
      double score = kMmrLambda * cands[i].central - (1 - kMmrLambda) * redundancy;
      if (score > best_score) {
        best_score = score;
        pick = i;
      }
    }
    if (pick == SIZE_MAX) break;
    used[pick] = true;
    chosen.push_back(&cands[pick]);
  }
  if (title.empty() && !chosen.empty()) title = chosen.front()->s->text;

  // Timeline: the story's events, each with the story's articles that report it.
  std::map<std::uint32_t, std::set<std::string>> event_articles;
  for (std::uint32_t a : members)
    for (std::uint32_t k : digests[a].events) event_articles[k].insert(digests[a].id);
  std::vector<std::uint32_t> timeline;
  for (const auto& [k, arts] : event_articles) timeline.push_back(k);
  std::sort(timeline.begin(), timeline.end(), [&](std::uint32_t x, std::uint32_t y) {
    const auto& dx = evs[x].date;
    const auto& dy = evs[y].date;
    if (dx.has_value() != dy.has_value()) return dx.has_value();
    if (dx && *dx != *dy) return *dx < *dy;
    return evs[x].id < evs[y].id;
  });

  // Claims.
  std::vector<Claim> agreements;
  std::vector<Claim> disagreements = NumberClaims(members, &agreements);
  for (std::uint32_t a : members) {
    for (const auto& inc : digests[a].inconsistencies) {
      Claim c;
      c.claim = "date";
      c.kind = inc.kind;
      c.articles = {digests[a].id};
      c.values = {inc.text};
      if (!inc.detail.empty()) c.values.push_back(inc.detail);
      disagreements.push_back(std::move(c));
    }
  }
  // Quotes carried by several articles: the same words, or different wording.
  std::unordered_set<std::string> member_ids;
  for (std::uint32_t a : members) member_ids.insert(digests[a].id);
  std::set<std::string> done_groups;
  std::set<std::string> shared_quotes;  // quote ids carried by another outlet of the story
  for (std::uint32_t a : members) {
    auto it = quotes_by_article.find(digests[a].id);
    if (it == quotes_by_article.end()) continue;
    for (std::uint32_t qi : it->second) {
      const QuoteRec& q = quotes[qi];
      if (q.same_as.empty()) continue;
      std::vector<const QuoteRec*> group{&q};
      for (const auto& other : q.same_as) {
        auto oi = quote_index.find(other);
        if (oi != quote_index.end() && member_ids.count(quotes[oi->second].article)) group.push_back(&quotes[oi->second]);
      }
      std::vector<std::string> ids;
      for (const auto* g : group) ids.push_back(g->id);
      std::sort(ids.begin(), ids.end());
      if (!done_groups.insert(ids.front()).second || group.size() < 2) continue;
      Claim c;
      std::set<std::string> wordings;
      std::string speaker;
      for (const auto* g : group) {
        c.articles.push_back(g->article);
        c.values.push_back(g->text);
        wordings.insert(WordingKey(g->text));
        if (speaker.empty()) speaker = g->speaker;
      }
      SortUnique(&c.articles);
      SortUnique(&c.values);
      if (c.articles.size() < 2) continue;
      for (const auto* g : group) shared_quotes.insert(g->id);
      c.claim = speaker.empty() ? "quote" : "quote of " + speaker;
      c.kind = "quote";
      if (wordings.size() > 1) disagreements.push_back(std::move(c));
      else agreements.push_back(std::move(c));
    }
  }
  // Names: one entity written differently by different articles.
  {
    std::map<std::string, std::map<std::string, std::set<std::string>>> forms;  // entity -> form -> articles
    for (std::uint32_t a : members)
      for (const auto& n : digests[a].names)
        if (n.text.find(' ') != std::string::npos) forms[n.entity][n.text].insert(digests[a].id);
    auto words_of = [](const std::string& f) {
      std::set<std::string> w;
      std::size_t from = 0;
      while (from < f.size()) {
        std::size_t sp = f.find(' ', from);
        if (sp == std::string::npos) sp = f.size();
        if (sp > from) w.insert(f.substr(from, sp - from));
        from = sp + 1;
      }
      return w;
    };
    for (const auto& [entity, by_form] : forms) {
      if (by_form.size() < 2) continue;
      // A form inside another ("Rosa X" in "Dr Rosa X") is the same name
      // written more fully, not a different one.
      std::size_t maximal = 0;
      for (const auto& [f, arts] : by_form) {
        const auto wf = words_of(f);
        bool inside = false;
        for (const auto& [g, arts2] : by_form) {
          if (g == f) continue;
          const auto wg = words_of(g);
          if (wg.size() > wf.size() && std::includes(wg.begin(), wg.end(), wf.begin(), wf.end())) inside = true;
        }
        maximal += !inside;
      }
      if (maximal < 2) continue;
      Claim c;
      std::size_t most = 0;
      for (const auto& [form, arts] : by_form) {
        c.values.push_back(form);
        c.articles.insert(c.articles.end(), arts.begin(), arts.end());
        if (arts.size() > most) {
          most = arts.size();
          c.claim = "name of " + form;
        }
      }
      SortUnique(&c.articles);
      if (c.articles.size() < 2) continue;
      c.kind = "name";
      disagreements.push_back(std::move(c));
    }
  }

  // Outlets, dates, independence.
  std::set<std::string> outlets;
  std::set<std::string> independent;
  std::string first_seen, last_seen;
  std::int32_t first_day = kNoDay, last_day = kNoDay;
  for (std::uint32_t a : members) {
    const Digest& d = digests[a];
    if (!d.outlet.empty()) outlets.insert(d.outlet);
    if (near_dup_of[a] < 0) independent.insert(outlet_of(a));
    if (d.day != kNoDay) {
      if (first_day == kNoDay || d.day < first_day) first_day = d.day, first_seen = d.published;
      if (last_day == kNoDay || d.day > last_day) last_day = d.day, last_seen = d.published;
    }
  }

  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id");
  w.String(*id);
  w.Key("title");
  if (title.empty()) w.Null(); else w.String(title);
  w.Key("articles");
  w.BeginArray();
  for (std::uint32_t a : members) w.String(digests[a].id);
  w.EndArray();
  w.Key("outlets");
  w.BeginArray();
  for (const auto& o : outlets) w.String(o);
  w.EndArray();
  w.Key("first_seen");
  if (first_seen.empty()) w.Null(); else w.String(first_seen);
  w.Key("last_seen");
  if (last_seen.empty()) w.Null(); else w.String(last_seen);
  w.Key("timeline");
  w.BeginArray();
  for (std::uint32_t k : timeline) {
    w.BeginObject();
    w.Key("date");
    w.OptString(evs[k].date);
    w.Key("event");
    w.String(evs[k].id);
    w.Key("articles");
    w.BeginArray();
    for (const auto& a : event_articles[k]) w.String(a);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("summary");
  w.BeginArray();
  for (const Cand* c : chosen) {
    w.BeginObject();
    w.Key("article");
    w.String(digests[c->article].id);
    w.Key("start");
    w.UInt(c->s->start);
    w.Key("end");
    w.UInt(c->s->end);
    w.Key("text");
    w.String(c->s->text);
    w.EndObject();
  }
  w.EndArray();
  w.Key("agreements");
  WriteClaims(w, agreements);
  w.Key("disagreements");
  WriteClaims(w, disagreements);
  w.Key("near_duplicates");
  w.BeginArray();
  for (std::uint32_t a : members) {
    if (near_dup_of[a] < 0) continue;
    w.BeginObject();
    w.Key("article");
    w.String(digests[a].id);
    w.Key("of");
    w.String(digests[static_cast<std::size_t>(near_dup_of[a])].id);
    w.EndObject();
  }
  w.EndArray();
  w.Key("independent_outlets");
  w.UInt(independent.size());
  // What only one outlet reports: its entities, events and quotes.
  w.Key("unique_by_outlet");
  w.BeginArray();
  if (outlets.size() >= 2) {
    std::map<std::string, std::set<std::string>> entity_outlets, event_outlets;
    for (std::uint32_t a : members) {
      for (const auto& e : digests[a].entities) entity_outlets[e].insert(outlet_of(a));
      for (std::uint32_t k : digests[a].events) event_outlets[evs[k].id].insert(outlet_of(a));
    }
    std::map<std::string, std::vector<std::uint32_t>> by_outlet;
    for (std::uint32_t a : members) by_outlet[outlet_of(a)].push_back(a);
    for (const auto& [outlet, arts] : by_outlet) {
      std::vector<std::string> ents, evids, qids;
      for (const auto& [e, os] : entity_outlets)
        if (os.size() == 1 && *os.begin() == outlet) ents.push_back(e);
      for (const auto& [e, os] : event_outlets)
        if (os.size() == 1 && *os.begin() == outlet) evids.push_back(e);
      for (std::uint32_t a : arts) {
        auto it = quotes_by_article.find(digests[a].id);
        if (it == quotes_by_article.end()) continue;
        for (std::uint32_t qi : it->second)
          if (!shared_quotes.count(quotes[qi].id)) qids.push_back(quotes[qi].id);
      }
      SortUnique(&qids);
      if (ents.empty() && evids.empty() && qids.empty()) continue;
      w.BeginObject();
      w.Key("outlet");
      w.String(outlet);
      w.Key("entities");
      StringArray(w, ents);
      w.Key("events");
      StringArray(w, evids);
      w.Key("quotes");
      StringArray(w, qids);
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
  return out;
}

std::vector<Story> StoryBuilder::Build(const std::vector<events::MergedEvent>& evs, const std::string& quotes_jsonl) {
  Impl& m = *impl_;
  auto& digests = m.digests;
  std::unordered_map<std::string, std::uint32_t> by_id;
  for (std::uint32_t i = 0; i < digests.size(); ++i) by_id.emplace(digests[i].id, i);
  for (std::uint32_t k = 0; k < evs.size(); ++k) {
    for (const auto* rec : evs[k].mentions) {
      auto it = by_id.find(rec->article);
      if (it == by_id.end()) continue;
      auto& list = digests[it->second].events;
      if (list.empty() || list.back() != k) list.push_back(k);
    }
  }
  // Document frequencies of every feature, over all articles.
  std::unordered_map<std::uint32_t, std::uint32_t> df;
  for (auto& d : digests) {
    SortUnique(&d.events);
    std::vector<std::uint32_t> feats;
    for (const auto& [h, c] : d.terms) feats.push_back(h);
    feats.insert(feats.end(), d.title_terms.begin(), d.title_terms.end());
    for (const auto& e : d.entities) feats.push_back(FeatureHash('e', e));
    for (std::uint32_t k : d.events) feats.push_back(FeatureHash('v', evs[k].id));
    for (const auto& y : d.years) feats.push_back(FeatureHash('y', y));
    for (const auto& y : d.dates) feats.push_back(FeatureHash('d', y));
    feats.insert(feats.end(), d.numbers.begin(), d.numbers.end());
    SortUnique(&feats);
    for (std::uint32_t h : feats) ++df[h];
  }
  // Canonical order: undated first, then by day, then by id.
  std::vector<std::uint32_t> order(digests.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (digests[x].day != digests[y].day) return digests[x].day < digests[y].day;
    return digests[x].id < digests[y].id;
  });
  const double n = static_cast<double>(digests.size());
  std::vector<SparseVector> vecs(digests.size());
  std::vector<std::int64_t> near_dup_of(digests.size(), -1);
  std::vector<std::uint32_t> story_of(digests.size(), 0);
  Clusterer clusterer(m.opt.cluster);
  NearDuplicates near;
  for (std::uint32_t i : order) {
    vecs[i] = m.Features(digests[i], df, evs, n);
    std::int64_t dup = near.Add(digests[i].simhash);
    // Index in `order` terms -> digest index.
    if (dup >= 0 && digests[i].body_words >= 20) {
      const std::uint32_t orig = order[static_cast<std::size_t>(dup)];
      near_dup_of[i] = orig;
      story_of[i] = story_of[orig];
      clusterer.AddTo(story_of[i], vecs[i], digests[i].day);
    } else {
      story_of[i] = clusterer.Add(vecs[i], digests[i].day);
    }
  }
  const std::vector<std::uint32_t> merged_into = clusterer.MergeSimilar();
  for (auto& s : story_of) s = merged_into[s];
  {
    // The second passes see the articles in the canonical order too (the
    // vectors moved, not copied), so that not even the rounding of a sum
    // depends on the order of the input.
    const std::size_t count = order.size();
    std::vector<SparseVector> cvecs(count);
    std::vector<std::int32_t> cdays(count);
    std::vector<std::uint32_t> cstory(count), rank(count);
    for (std::size_t k = 0; k < count; ++k) {
      cvecs[k] = std::move(vecs[order[k]]);
      cdays[k] = digests[order[k]].day;
      cstory[k] = story_of[order[k]];
      rank[order[k]] = static_cast<std::uint32_t>(k);
    }
    // A near duplicate stays with its original (earlier in the order).
    auto follow = [&](std::vector<std::uint32_t>* st) {
      for (std::size_t k = 0; k < count; ++k) {
        const std::int64_t dup = near_dup_of[order[k]];
        if (dup >= 0) (*st)[k] = (*st)[rank[static_cast<std::size_t>(dup)]];
      }
    };
    cstory = SplitIncoherent(cvecs, std::move(cstory), m.opt.cluster);
    follow(&cstory);
    if (m.opt.reassign_rounds > 0) {
      cstory = Reassign(cvecs, cdays, std::move(cstory), m.opt.cluster, m.opt.reassign_rounds);
      follow(&cstory);
    }
    for (std::size_t k = 0; k < count; ++k) {
      vecs[order[k]] = std::move(cvecs[k]);
      story_of[order[k]] = cstory[k];
    }
  }
  std::uint32_t story_count = 0;
  for (std::uint32_t s : story_of) story_count = std::max(story_count, s + 1);
  std::vector<std::vector<std::uint32_t>> members(story_count);
  for (std::uint32_t i : order) members[story_of[i]].push_back(i);

  std::vector<QuoteRec> quotes = ReadQuotes(quotes_jsonl, by_id);
  std::unordered_map<std::string, std::vector<std::uint32_t>> quotes_by_article;
  std::unordered_map<std::string, std::uint32_t> quote_index;
  for (std::uint32_t i = 0; i < quotes.size(); ++i) {
    quotes_by_article[quotes[i].article].push_back(i);
    quote_index.emplace(quotes[i].id, i);
  }

  std::vector<Story> stories;
  stories.reserve(members.size());
  for (const auto& mem : members) {
    if (mem.empty()) continue;
    Story s;
    s.json = m.StoryJson(mem, vecs, near_dup_of, evs, quotes, quotes_by_article, quote_index, &s.id);
    for (std::uint32_t a : mem) s.articles.push_back(digests[a].id);
    stories.push_back(std::move(s));
  }
  std::sort(stories.begin(), stories.end(), [](const Story& x, const Story& y) { return x.id < y.id; });
  m.assignment.clear();
  for (std::int64_t a : m.added) m.assignment.push_back(a < 0 ? UINT32_MAX : story_of[static_cast<std::size_t>(a)]);
  return stories;
}

Status WriteStoriesFile(const std::string& path, const std::vector<Story>& stories) {
  store::OutputFile out;
  if (Status s = out.Open(path); !s.ok()) return s;
  std::string buf;
  for (const auto& s : stories) {
    buf += s.json;
    buf.push_back('\n');
    if (buf.size() > (1 << 20)) {
      if (Status st = out.Write(buf); !st.ok()) return st;
      buf.clear();
    }
  }
  if (Status s = out.Write(buf); !s.ok()) return s;
  return out.Commit();
}

}  // namespace sitrep::stories
