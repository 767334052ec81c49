// StoryBuilder: digests -> clusters -> stories.jsonl lines.
#include <simdjson.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/hash.h"
#include "core/json_writer.h"
#include "events/events.h"
#include "resolve/resolve.h"
#include "store/output.h"
#include "stories/internal.h"

namespace sitrep::stories {

using detail::Digest;
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

// Whether `year` is the year the article was published in. As a feature
// it tells nothing the date does not (the time factor compares dates), and
// every article of that year names it, through its date and through each
// weekday resolved against it: across a corpus of many years it would join
// a whole year's articles into one story. It stays evidence for the years
// check, which an undated article may be held to.
bool PublicationYear(const Digest& d, std::string_view year) {
  return d.published.size() >= 4 && std::string_view(d.published).substr(0, 4) == year;
}

// Sums the weights of equal features, keeping their first-added order for
// the sums (a float sum depends on it), and leaves the list sorted by
// feature: a std::map's += without a node per feature.
void SumByKey(std::vector<std::pair<std::uint32_t, float>>* v) {
  std::stable_sort(v->begin(), v->end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::size_t out = 0;
  for (std::size_t i = 0; i < v->size();) {
    float sum = 0;
    std::size_t j = i;
    for (; j < v->size() && (*v)[j].first == (*v)[i].first; ++j) sum += (*v)[j].second;
    (*v)[out++] = {(*v)[i].first, sum};
    i = j;
  }
  v->resize(out);
}
constexpr std::size_t kSummaryCandidatesPerArticle = 5;
// Weight of the position prior against the best centrality in the story.
constexpr double kLeadWeight = 0.5;

struct QuoteRec {
  std::string id, article, text, kind, speaker;
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

// The figures a quote states, digits only, in order ("about 3,000" and
// "3000" are one figure): a paraphrase may reword everything else, but
// two that give different figures do not say the same thing.
std::string FiguresKey(std::string_view text) {
  std::string out, cur;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (c >= '0' && c <= '9') {
      cur.push_back(c);
    } else if ((c == ',' || c == '.') && !cur.empty() && i + 1 < text.size() && text[i + 1] >= '0' &&
               text[i + 1] <= '9') {
      if (c == '.') cur.push_back(c);  // a decimal point is part of the figure; a thousands comma is not
    } else if (!cur.empty()) {
      if (!out.empty()) out.push_back(' ');
      out += cur;
      cur.clear();
    }
  }
  return out;
}

// One quote's line in quotes.jsonl: the digest index of its article and
// where the line is. The stories need the quotes of one story's articles at
// a time, so only these 16 bytes a quote stay in memory, not the quotes.
struct QuoteLoc {
  std::uint32_t article = 0, length = 0;
  std::uint64_t offset = 0;
};

bool ParseQuote(simdjson::dom::parser& parser, std::string_view line, QuoteRec* q) {
  simdjson::dom::object o;
  if (line.empty() || parser.parse(line.data(), line.size()).get_object().get(o)) return false;
  std::string_view v;
  if (!o["id"].get_string().get(v)) q->id = std::string(v);
  if (!o["article"].get_string().get(v)) q->article = std::string(v);
  if (!o["text"].get_string().get(v)) q->text = std::string(v);
  if (!o["kind"].get_string().get(v)) q->kind = std::string(v);
  simdjson::dom::object sp;
  if (!o["speaker"].get_object().get(sp)) {
    if (!sp["name"].get_string().get(v)) q->speaker = std::string(v);
    else if (!sp["description"].get_string().get(v)) q->speaker = std::string(v);
  }
  simdjson::dom::array arr;
  if (!o["same_as"].get_array().get(arr)) {
    for (simdjson::dom::element e : arr)
      if (!e.get_string().get(v)) q->same_as.emplace_back(v);
  }
  return true;
}

// Where the quotes of the articles `article_of` knows (digest index, or
// -1) are in quotes.jsonl, ordered by article.
std::vector<QuoteLoc> IndexQuotes(const std::string& path, const std::function<std::int64_t(std::string_view)>& article_of) {
  std::vector<QuoteLoc> out;
  if (path.empty()) return out;
  std::ifstream f(path, std::ios::binary);
  std::string line;
  std::uint64_t offset = 0;
  while (std::getline(f, line)) {
    const std::uint64_t at = offset;
    offset += line.size() + 1;
    // The article id sits near the line's start; reading it alone keeps
    // the index pass cheap.
    const std::size_t key = line.find("\"article\":\"");
    if (key == std::string::npos || line.size() > UINT32_MAX) continue;
    const std::size_t b = key + 11, e = line.find('"', b);
    if (e == std::string::npos) continue;
    const std::int64_t a = article_of(std::string_view(line).substr(b, e - b));
    if (a < 0) continue;
    out.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(line.size()), at});
  }
  std::stable_sort(out.begin(), out.end(), [](const QuoteLoc& x, const QuoteLoc& y) { return x.article < y.article; });
  return out;
}

// The quotes of digest indices `articles`, read back from quotes.jsonl,
// in file order.
std::vector<QuoteRec> ReadQuotesOf(const std::string& path, const std::vector<QuoteLoc>& index,
                                   const std::vector<std::uint32_t>& articles) {
  std::vector<QuoteRec> out;
  if (index.empty()) return out;
  std::vector<QuoteLoc> want;
  for (std::uint32_t a : articles) {
    auto lo = std::lower_bound(index.begin(), index.end(), a, [](const QuoteLoc& x, std::uint32_t v) { return x.article < v; });
    for (; lo != index.end() && lo->article == a; ++lo) want.push_back(*lo);
  }
  if (want.empty()) return out;
  std::sort(want.begin(), want.end(), [](const QuoteLoc& x, const QuoteLoc& y) { return x.offset < y.offset; });
  std::ifstream f(path, std::ios::binary);
  thread_local simdjson::dom::parser parser;
  std::string line;
  for (const QuoteLoc& w : want) {
    line.resize(w.length);
    f.seekg(static_cast<std::streamoff>(w.offset));
    if (!f.read(line.data(), static_cast<std::streamsize>(w.length))) break;
    QuoteRec q;
    if (ParseQuote(parser, line, &q)) out.push_back(std::move(q));
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
    // For numbers: the figure as each of `articles` wrote it, in its order,
    // so each outlet is shown its own words.
    std::vector<std::string> article_texts;
    // For numbers: the earliest publication day of `articles` ("" when
    // none is dated), so that a toll reported higher day by day reads as
    // the update it is.
    std::string first_reported;
  };
  std::vector<Reading> readings;
  // For numbers: "rising" or "falling" when every later article gives a
  // figure at least as high (as low) as every earlier one, over two or
  // more days; empty otherwise.
  std::string trend;
  // For numbers with a trend: the days on which articles of different
  // outlets gave different figures as the count then (each article's
  // highest for a rise, lowest for a fall), whose hedged ranges do not
  // meet: a dispute within the update.
  std::vector<std::string> disputed_on;
  // For numbers: every figure, read with its hedge as a range ("more than
  // 900" from 900 up, "about 500" within a tenth of it), can be true
  // at once ("more than 900" and "at least 1,100"): the figures differ
  // without contradicting each other.
  bool compatible = false;
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
        if (!r.article_texts.empty()) {
          w.Key("article_texts");
          StringArray(w, r.article_texts);
        }
        if (!r.first_reported.empty()) {
          w.Key("first_reported");
          w.String(r.first_reported);
        }
        w.EndObject();
      }
      w.EndArray();
    }
    if (!c.trend.empty()) {
      w.Key("trend");
      w.String(c.trend);
    }
    if (!c.disputed_on.empty()) {
      w.Key("disputed_on");
      StringArray(w, c.disputed_on);
    }
    if (c.compatible) {
      w.Key("compatible");
      w.Bool(true);
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

// Document frequencies: feature hash -> count, open addressing over one
// array of key << 32 | count (count 0: an empty slot), at most half full.
// A third of the memory of a node-based map, and one cache line a lookup.
class CountTable {
 public:
  void Add(std::uint32_t key) {
    if (2 * (used_ + 1) > slots_.size()) Grow();
    std::uint64_t* s = Find(key);
    if (*s == 0) {
      *s = std::uint64_t{key} << 32;
      ++used_;
    }
    ++*s;
  }
  std::uint32_t Get(std::uint32_t key) const {
    if (slots_.empty()) return 0;
    return static_cast<std::uint32_t>(*const_cast<CountTable*>(this)->Find(key));
  }
  std::size_t size() const { return used_; }

 private:
  std::uint64_t* Find(std::uint32_t key) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = (key * 0x9E3779B97F4A7C15ull) >> 32 & mask;
    while (slots_[i] != 0 && static_cast<std::uint32_t>(slots_[i] >> 32) != key) i = (i + 1) & mask;
    return &slots_[i];
  }
  void Grow() {
    std::vector<std::uint64_t> old(std::max<std::size_t>(1024, slots_.size() * 2), 0);
    old.swap(slots_);
    for (std::uint64_t v : old)
      if (v != 0) *Find(static_cast<std::uint32_t>(v >> 32)) = v;
  }
  std::vector<std::uint64_t> slots_;
  std::size_t used_ = 0;
};

}  // namespace

struct StoryBuilder::Impl {
  BuildOptions opt;
  // What stays in memory of every added article (about 40 bytes): where
  // its digest is in the spill, its day and its id. The digests themselves
  // wait in the spill until the clustering pass reads them in date order.
  struct Rec {
    std::uint64_t at = 0;
    std::uint32_t size = 0;
    std::int32_t day = kNoDay;
    std::uint32_t id_at = 0, id_size = 0;
  };
  std::vector<Rec> recs;  // per digest
  std::string id_chars;   // the digests' ids, end to end
  std::vector<std::int64_t> added;  // per AddArticle call: digest index or -1
  std::vector<std::uint32_t> assignment;
  std::size_t finished_early = 0;
  CountTable df;  // document frequency of every feature but the events'
  std::vector<std::uint32_t> feats;  // AddArticle's scratch
  // The spill: digests up to `flushed` are in the file, the rest in `pending`.
  std::FILE* spill = nullptr;
  bool spill_failed = false;
  std::uint64_t flushed = 0;
  std::string pending, read_buf;
  // The articles of the stories being finished (StoryJson's input), in
  // canonical order.
  std::vector<Digest> digests;

  ~Impl() {
    if (spill) std::fclose(spill);
  }

  std::string_view Id(std::uint32_t i) const { return std::string_view(id_chars).substr(recs[i].id_at, recs[i].id_size); }

  Status Spill(const Digest& d);
  Status Load(std::uint32_t i, Digest* d);
  Status Run(const std::vector<events::MergedEvent>& evs, const std::string& quotes_jsonl,
             const std::function<Status(Story&&)>& emit);

  // Article features: body terms (sublinear tf x idf, the strongest kept),
  // title terms, entities and events, L2-normalised.
  SparseVector Features(const Digest& d, const std::vector<events::MergedEvent>& evs, double n) const {
    const ClusterOptions& co = opt.cluster;
    // Rarity weight; 0 for a feature too few articles share to link any.
    double left_out2 = 0;  // squared weight of the features too rare to link articles
    // A feature the table lacks was seen once.
    auto count = [&](std::uint32_t h) { return std::max<std::uint32_t>(df.Get(h), 1); };
    auto weight = [&](std::uint32_t h) {
      const double f = count(h);
      const double x = std::log(1 + n / f);
      return co.idf_power == 1 ? x : std::pow(x, co.idf_power);
    };
    auto linkable = [&](std::uint32_t h) { return count(h) >= co.min_df; };
    auto idf = [&](std::uint32_t h) { return linkable(h) ? weight(h) : 0.0; };
    // Dates and figures weigh what they tell apart: ln(N / df), nothing for
    // one that every article names (the year of a week's news), where the
    // smoothed idf would still give the heavily weighted kinds a share that
    // links every article to every other.
    auto telling = [&](std::uint32_t h) {
      if (!linkable(h)) return 0.0;
      const double x = std::log(n / count(h));
      return x <= 0 ? 0.0 : co.idf_power == 1 ? x : std::pow(x, co.idf_power);
    };
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
    // (feature, weight) pairs, summed per feature below in the order added.
    std::vector<std::pair<std::uint32_t, float>> extra;
    auto add = [&](std::uint32_t h, double w) { extra.emplace_back(h, static_cast<float>(w)); };
    for (std::uint32_t h : d.title_terms) add(h, opt.cluster.title_weight * idf(h));
    for (std::size_t k = 0; k < d.entities.size(); ++k) {
      // An entity the article names again and again is what it is about
      // (one singer in one rehab story, another star in the next).
      const double mentions = k < d.entity_mentions.size() ? std::max<double>(d.entity_mentions[k], 1) : 1;
      std::uint32_t h = FeatureHash('e', d.entities[k]);
      add(h, opt.cluster.entity_weight * (1 + co.entity_salience * std::log(mentions)) * idf(h));
    }
    // A person named with a title: the title dates the article (the
    // president-elect of one happening is the president of the next).
    for (std::uint32_t h : d.roles) add(h, co.role_weight * idf(h));
    for (std::uint32_t k : d.events) {
      std::uint32_t h = FeatureHash('v', evs[k].id);
      add(h, opt.cluster.event_weight * idf(h));
    }
    for (const auto& y : d.years) {
      if (PublicationYear(d, y)) continue;
      std::uint32_t h = FeatureHash('y', y);
      add(h, opt.cluster.year_weight * telling(h));
    }
    if (co.date_weight > 0)
      for (const auto& y : d.dates) {
        std::uint32_t h = FeatureHash('d', y);
        add(h, co.date_weight * telling(h));
      }
    if (co.number_weight > 0)
      for (std::uint32_t h : d.numbers) add(h, co.number_weight * telling(h));
    SumByKey(&extra);
    std::erase_if(extra, [](const auto& kv) { return kv.second <= 0; });
    std::sort(v.begin(), v.end());
    if (co.private_weight > 0 && left_out2 > 0) {
      // One private feature for all the article alone has (hashed from its
      // id so that no other article's matches it).
      const std::uint32_t h = FeatureHash('u', d.id) | kPrivateFeatureBit;
      add(h, co.private_weight * std::sqrt(left_out2));
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
std::size_t StoryBuilder::finished_early() const { return impl_->finished_early; }

Status StoryBuilder::AddArticle(std::string_view line) {
  Impl& m = *impl_;
  Digest d;
  Result<bool> r = detail::DigestLine(line, kSummaryCandidatesPerArticle, &d);
  if (!r.ok()) return r.status();
  if (!*r) {
    m.added.push_back(-1);
    return Status::Ok();
  }
  // Document frequencies as the articles come: the events' features are
  // counted in Build, which has the events.
  auto& feats = m.feats;
  feats.clear();
  for (const auto& [h, c] : d.terms) feats.push_back(h);
  feats.insert(feats.end(), d.title_terms.begin(), d.title_terms.end());
  for (const auto& e : d.entities) feats.push_back(FeatureHash('e', e));
  for (const auto& y : d.years)
    if (!PublicationYear(d, y)) feats.push_back(FeatureHash('y', y));
  for (const auto& y : d.dates) feats.push_back(FeatureHash('d', y));
  feats.insert(feats.end(), d.numbers.begin(), d.numbers.end());
  feats.insert(feats.end(), d.roles.begin(), d.roles.end());
  SortUnique(&feats);
  for (std::uint32_t h : feats) m.df.Add(h);
  Impl::Rec rec;
  rec.day = d.day;
  rec.id_at = static_cast<std::uint32_t>(m.id_chars.size());
  rec.id_size = static_cast<std::uint32_t>(d.id.size());
  rec.at = m.flushed + m.pending.size();
  if (Status s = m.Spill(d); !s.ok()) return s;
  rec.size = static_cast<std::uint32_t>(m.flushed + m.pending.size() - rec.at);
  m.id_chars += d.id;
  m.added.push_back(static_cast<std::int64_t>(m.recs.size()));
  m.recs.push_back(rec);
  return Status::Ok();
}

Status StoryBuilder::Impl::Spill(const Digest& d) {
  detail::EncodeDigest(d, &pending);
  if (pending.size() < opt.spill_buffer_bytes || spill_failed) return Status::Ok();
  if (!spill) {
    // Unnamed and gone when closed; a system without one keeps the
    // digests in memory, as before there was a spill.
    spill = std::tmpfile();
    if (!spill) {
      spill_failed = true;
      return Status::Ok();
    }
  }
  if (std::fwrite(pending.data(), 1, pending.size(), spill) != pending.size())
    return Status(Code::kIoError, "cannot write the stories stage's spill file");
  flushed += pending.size();
  pending.clear();
  return Status::Ok();
}

Status StoryBuilder::Impl::Load(std::uint32_t i, Digest* d) {
  const Rec& r = recs[i];
  std::string_view bytes;
  if (r.at >= flushed) {
    bytes = std::string_view(pending).substr(static_cast<std::size_t>(r.at - flushed), r.size);
  } else {
    read_buf.resize(r.size);
    std::size_t got = 0;
    while (got < r.size) {
      const ssize_t k = ::pread(fileno(spill), read_buf.data() + got, r.size - got, static_cast<off_t>(r.at + got));
      if (k <= 0) return Status(Code::kIoError, "cannot read back the stories stage's spill file");
      got += static_cast<std::size_t>(k);
    }
    bytes = read_buf;
  }
  if (!detail::DecodeDigest(bytes, d)) return Status(Code::kCorrupt, "a digest in the stories stage's spill file does not decode");
  return Status::Ok();
}

std::vector<Claim> StoryBuilder::Impl::NumberClaims(const std::vector<std::uint32_t>& members,
                                                    std::vector<Claim>* agreements) const {
  struct Report {
    double value;
    std::uint32_t article;
    const detail::NumberClaim* claim;
  };
  // Whether the figures of reports[from, to) only grow (or only shrink)
  // with the day of publication: every dated pair of reports on different
  // days in order, over at least two days. An undated report says nothing
  // either way; a report that goes against the others makes no trend. An
  // article that gives several figures of the count gives the earlier ones
  // as its history ("rose to 21 from 12", "the toll was nine on the first
  // day and 15 on the second"): it is read at its highest figure for a rise
  // and its lowest for a fall.
  auto Trend = [&](const std::vector<Report>& reports, std::size_t from, std::size_t to) -> std::string {
    // Each figure with the least and the most it may be: an earlier "nearly
    // 300" or "about 300" followed by 296 is no fall, nor an earlier "more
    // than 200" followed by 196 a rise; a near hedge reaches a tenth of the
    // figure (as for compatibility), the figure itself is the other end.
    struct Dated {
      std::string day;
      double value, least, most;
      bool operator<(const Dated& o) const { return day != o.day ? day < o.day : value < o.value; }
    };
    // Whether the figures, each article's highest (or lowest), rise (or
    // fall) from day to day; the number of days through *days.
    auto scan = [&](bool highest, std::size_t* days) {
      std::map<std::uint32_t, std::size_t> pick;  // article -> its report read
      for (std::size_t k = from; k < to; ++k) {
        auto [it, fresh] = pick.emplace(reports[k].article, k);
        if (!fresh && (highest ? reports[k].value > reports[it->second].value
                               : reports[k].value < reports[it->second].value))
          it->second = k;
      }
      std::vector<Dated> dated;
      for (const auto& [article, k] : pick) {
        const std::string& day = digests[article].published;
        if (day.size() < 10) continue;
        const double v = reports[k].value;
        const std::string& h = reports[k].claim->hedge;
        const bool below = h == "approx" || h == "under" || h == "cap";
        const bool above = h == "approx" || h == "over" || h == "floor";
        dated.push_back({day.substr(0, 10), v, below ? v * 0.9 : v, above ? v * 1.1 : v});
      }
      // By day: each day's figures against the highest and lowest of the
      // days before (sorting keeps a story of many reports near-linear).
      std::sort(dated.begin(), dated.end());
      // A count read the same on every day neither rose nor fell: an
      // article's recalled figure equal to an earlier day's is no fall.
      bool rises = true, falls = true, moved = false;
      *days = 0;
      double before_max = 0, before_min = 0;
      for (std::size_t i = 0; i < dated.size();) {
        std::size_t j = i;
        double lo = dated[i].value, hi = dated[i].value, least = dated[i].least, most = dated[i].most;
        for (; j < dated.size() && dated[j].day == dated[i].day; ++j) {
          lo = std::min(lo, dated[j].value);
          hi = std::max(hi, dated[j].value);
          least = std::max(least, dated[j].least);
          most = std::min(most, dated[j].most);
        }
        if (*days > 0) {
          rises = rises && lo >= before_max;
          falls = falls && hi <= before_min;
          moved = moved || (highest ? hi > before_max : lo < before_min);
        }
        // What the days so far say the figure reached at least (for a rise)
        // and at most (for a fall).
        before_max = *days == 0 ? least : std::max(before_max, least);
        before_min = *days == 0 ? most : std::min(before_min, most);
        ++*days;
        i = j;
      }
      return moved && (highest ? rises : falls);
    };
    std::size_t days = 0;
    const bool rising = scan(true, &days);
    const bool falling = scan(false, &days);
    if (days < 2 || rising == falling) return std::string();
    return rising ? "rising" : "falling";
  };
  // Whether the ranges the figures of reports[from, to) allow, each read
  // with its hedge (data/stories/hedges.tsv kinds), have a value in common.
  auto Compatible = [&](const std::vector<Report>& reports, std::size_t from, std::size_t to) {
    double lo = 0, hi = std::numeric_limits<double>::infinity();
    for (std::size_t k = from; k < to; ++k) {
      const double v = reports[k].value;
      const std::string& h = reports[k].claim->hedge;
      double a = v, b = v;
      if (h == "approx") {
        a = v * 0.9;
        b = v * 1.1;
      } else if (h == "over" || h == "floor") {
        b = std::numeric_limits<double>::infinity();
      } else if (h == "under" || h == "cap") {
        a = 0;
      }
      lo = std::max(lo, a);
      hi = std::min(hi, b);
    }
    return lo <= hi;
  };
  // Figures of one noun that outlets give for different owners ("four
  // Russian diplomats", "two British diplomats") are compared apart; when
  // the story names one owner at most, a figure that names none is
  // compared with it ("four diplomats").
  std::map<std::string, std::set<std::string>> owners;
  for (std::uint32_t a : members)
    for (const auto& c : digests[a].claims)
      if (!c.qualifier.empty()) owners[c.key].insert(c.qualifier);
  std::map<std::pair<std::string, std::string>, std::vector<Report>> by_key;
  for (std::uint32_t a : members) {
    for (const auto& c : digests[a].claims) {
      auto it = owners.find(c.key);
      const bool apart = it != owners.end() && it->second.size() >= 2;
      by_key[{c.key, apart ? c.qualifier : std::string()}].push_back({c.value, a, &c});
    }
  }
  std::vector<Claim> disagreements;
  for (auto& [key_owner, reports] : by_key) {
    // Named with its owner when compared apart: "diplomats (RUS)".
    const std::string key =
        key_owner.second.empty() ? key_owner.first : key_owner.first + " (" + key_owner.second + ")";
    std::sort(reports.begin(), reports.end(), [&](const Report& x, const Report& y) {
      return x.value != y.value ? x.value < y.value : digests[x.article].id < digests[y.article].id;
    });
    // Groups of values close enough to measure the same quantity.
    std::vector<std::pair<std::size_t, std::size_t>> groups;
    for (std::size_t from = 0; from < reports.size();) {
      std::size_t to = from + 1;
      while (to < reports.size() && reports[to].value <= reports[to - 1].value * kSameQuantityRatio) ++to;
      groups.emplace_back(from, to);
      from = to;
    }
    // A toll of people counted day by day ("at least 84 killed" on the
    // first day, "more than 200" on the second) grows past that ratio: a
    // group whose every report came out on a later day than every report
    // of the group below it continues that count.
    if (key_owner.first.rfind("people ", 0) == 0 && groups.size() >= 2) {
      // An article that also gives a higher figure recalls the lower one as
      // the toll's history ("nine on the first day, 23 now"): its day says
      // nothing of when the lower figure was current.
      std::unordered_map<std::uint32_t, std::size_t> highest_report;  // article -> its last (highest) report
      for (std::size_t k = 0; k < reports.size(); ++k) highest_report[reports[k].article] = k;
      auto days = [&](std::pair<std::size_t, std::size_t> g, std::string* first, std::string* last,
                      std::size_t higher_from = SIZE_MAX) {
        for (std::size_t k = g.first; k < g.second; ++k) {
          if (highest_report[reports[k].article] >= higher_from) continue;
          const std::string& day = digests[reports[k].article].published;
          if (day.size() < 10) return false;  // an undated report may be of any day
          const std::string d = day.substr(0, 10);
          if (first->empty() || d < *first) *first = d;
          if (last->empty() || d > *last) *last = d;
        }
        return true;
      };
      std::vector<std::pair<std::size_t, std::size_t>> joined = {groups.front()};
      for (std::size_t g = 1; g < groups.size(); ++g) {
        std::string lo_first, lo_last, hi_first, hi_last;
        if (days(joined.back(), &lo_first, &lo_last, groups[g].first) && days(groups[g], &hi_first, &hi_last) &&
            lo_last < hi_first) {
          joined.back().second = groups[g].second;
        } else {
          joined.push_back(groups[g]);
        }
      }
      groups = std::move(joined);
    }
    for (const auto& [from, to] : groups) {
      std::vector<Claim::Reading> readings;
      std::set<std::uint32_t> all_articles;
      std::set<std::string> outlets_all;
      for (std::size_t i = from; i < to;) {
        std::size_t j = i;
        Claim::Reading r;
        r.value = reports[i].claim->number;
        std::set<std::string> outlets;
        std::map<std::string, std::string> text_of;  // article -> its first wording
        while (j < to && reports[j].value == reports[i].value) {
          r.texts.push_back(reports[j].claim->text);
          r.articles.push_back(digests[reports[j].article].id);
          text_of.emplace(digests[reports[j].article].id, reports[j].claim->text);
          outlets.insert(digests[reports[j].article].outlet.empty() ? digests[reports[j].article].id
                                                                     : digests[reports[j].article].outlet);
          all_articles.insert(reports[j].article);
          ++j;
        }
        SortUnique(&r.texts);
        SortUnique(&r.articles);
        for (const auto& id : r.articles) r.article_texts.push_back(text_of[id]);
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
          c.trend = Trend(reports, from, to);
          c.compatible = Compatible(reports, from, to);
          if (!c.trend.empty()) {
            // Each article's figure for the count then, by day.
            const bool rise = c.trend == "rising";
            std::map<std::uint32_t, std::size_t> current;  // article -> its report
            for (std::size_t k = from; k < to; ++k) {
              auto [it, fresh] = current.emplace(reports[k].article, k);
              if (!fresh && (rise ? reports[k].value > reports[it->second].value
                                  : reports[k].value < reports[it->second].value))
                it->second = k;
            }
            std::map<std::string, std::vector<Report>> by_day;
            std::map<std::string, std::set<std::string>> outlets_of;
            for (const auto& [article, k] : current) {
              const std::string& day = digests[article].published;
              if (day.size() < 10) continue;
              by_day[day.substr(0, 10)].push_back(reports[k]);
              outlets_of[day.substr(0, 10)].insert(digests[article].outlet.empty() ? digests[article].id
                                                                                   : digests[article].outlet);
            }
            for (const auto& [day, day_reports] : by_day) {
              if (outlets_of[day].size() >= 2 && !Compatible(day_reports, 0, day_reports.size()))
                c.disputed_on.push_back(day);
            }
          }
          std::unordered_map<std::string, std::string> first_day;  // figure -> earliest day
          for (std::size_t k = from; k < to; ++k) {
            const std::string& day = digests[reports[k].article].published;
            if (day.size() < 10) continue;
            std::string& d = first_day[reports[k].claim->number];
            if (d.empty() || day.compare(0, 10, d) < 0) d = day.substr(0, 10);
          }
          for (auto& r : readings) {
            if (auto it = first_day.find(r.value); it != first_day.end()) r.first_reported = it->second;
          }
          c.readings = std::move(readings);
          disagreements.push_back(std::move(c));
        }
      }
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
  SparseVector centroid;
  for (std::uint32_t a : members) centroid.insert(centroid.end(), vecs[a].begin(), vecs[a].end());
  SumByKey(&centroid);
  Normalise(&centroid);
  const detail::DotTable to_centroid(centroid);

  // Title: the title of the article closest to the centroid, among the
  // articles not translated when there are any (a translation's title may
  // still be in the original language).
  std::string title;
  double best = -1;
  bool any_original = false;
  for (std::uint32_t a : members) any_original = any_original || (!digests[a].title.empty() && !digests[a].translated);
  for (std::uint32_t a : members) {
    if (digests[a].title.empty() || (any_original && digests[a].translated)) continue;
    double s = to_centroid.Dot(vecs[a]);
    if (s > best) {
      best = s;
      title = digests[a].title;
    }
  }
  // The article closest to the centroid, title or not: its lead opens the summary.
  std::uint32_t central_article = members.front();
  double best_any = -1;
  for (std::uint32_t a : members) {
    double s = to_centroid.Dot(vecs[a]);
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
      cands.push_back({a, &s, to_centroid.Dot(s.terms)});
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
  // Each candidate's greatest similarity to a chosen sentence, brought up
  // to date with each sentence chosen rather than recomputed.
  std::vector<double> redundancy(cands.size(), 0.0);
  std::size_t scored = 0;
  while (chosen.size() < opt.summary_sentences) {
    for (; scored < chosen.size(); ++scored) {
      const detail::DotTable to_chosen(chosen[scored]->s->terms);
      for (std::size_t i = 0; i < cands.size(); ++i)
        if (!used[i]) redundancy[i] = std::max(redundancy[i], to_chosen.Dot(cands[i].s->terms));
    }
    double best_score = -1e9;
    std::size_t pick = SIZE_MAX;
    for (std::size_t i = 0; i < cands.size(); ++i) {
      if (used[i] || redundancy[i] > kRedundant) continue;
      double score = kMmrLambda * cands[i].central - (1 - kMmrLambda) * redundancy[i];
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
    // By the day each period starts ("2024-W10" is 2024-03-04, before
    // "2024-03-07"): as strings, weeks would sort after every day of the year.
    if (dx && *dx != *dy) {
      const std::int32_t sx = DayNumber(*dx), sy = DayNumber(*dy);
      if (sx != sy) return sx < sy;
      return *dx < *dy;
    }
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
  // Dates: one event that different articles of the story date to
  // different days in their own words (the merge allows a day apart: "on
  // Monday" in one report, "on Tuesday" in another). A date taken from the
  // publication date is no outlet's claim.
  {
    std::unordered_set<std::string> ids;
    for (std::uint32_t a : members) ids.insert(digests[a].id);
    for (const auto& [k, arts] : event_articles) {
      std::map<std::string, std::set<std::string>> by_day;  // day -> articles
      for (const events::EventRecord* r : evs[k].mentions)
        if (r->date && r->date->size() == 10 && r->date_from == "text" && ids.count(r->article)) by_day[*r->date].insert(r->article);
      if (by_day.size() < 2) continue;
      Claim c;
      const events::MergedEvent& ev = evs[k];
      const events::CodeInfo* info = events::Codebook::Default().Find(ev.cameo);
      c.claim = "date of " + std::string(info ? info->name : ev.cameo) + " (" + ev.source.name +
                (ev.target ? ", " + ev.target->name : std::string()) + ")";
      c.kind = "date";
      for (const auto& [day, by] : by_day) {
        c.values.push_back(day);
        c.articles.insert(c.articles.end(), by.begin(), by.end());
        c.readings.push_back({day, {day}, std::vector<std::string>(by.begin(), by.end()), {}, {}});
      }
      SortUnique(&c.articles);
      if (c.articles.size() >= 2) disagreements.push_back(std::move(c));
    }
  }
  // Days ahead: one scheduled happening (a ruling, a vote) that different
  // articles of the story set on different days ("on 3 May", "on 4
  // May"), each day as every article wrote it.
  {
    std::map<std::string, std::map<std::string, std::pair<std::set<std::string>, std::set<std::string>>>> by_key;
    for (std::uint32_t a : members) {
      for (const auto& s : digests[a].scheduled) {
        auto& [arts, texts] = by_key[s.key][s.day];
        arts.insert(digests[a].id);
        texts.insert(s.text);
      }
    }
    for (const auto& [key, days] : by_key) {
      if (days.size() < 2) continue;
      Claim c;
      c.claim = "date of " + key;
      c.kind = "date";
      for (const auto& [day, found] : days) {
        c.values.push_back(day);
        c.articles.insert(c.articles.end(), found.first.begin(), found.first.end());
        c.readings.push_back({day, std::vector<std::string>(found.second.begin(), found.second.end()),
                              std::vector<std::string>(found.first.begin(), found.first.end()), {}, {}});
      }
      SortUnique(&c.articles);
      if (c.articles.size() >= 2) disagreements.push_back(std::move(c));
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
      std::set<std::string> wordings, figures;
      std::string speaker;
      for (const auto* g : group) {
        // One paraphrase leaving a figure out ("on Monday" for "on 12 May")
        // contradicts nothing; two giving different ones do.
        if (std::string f = FiguresKey(g->text); !f.empty()) figures.insert(std::move(f));
        c.articles.push_back(g->article);
        c.values.push_back(g->text);
        // Reported speech is each outlet's own paraphrase: its wording
        // differs as a rule and tells nothing. Only the words an outlet
        // put in quotation marks (a direct quote, or the quoted part of a
        // mixed one, which is its text) can be misquoted.
        if (g->kind != "indirect") wordings.insert(WordingKey(g->text));
        if (speaker.empty()) speaker = g->speaker;
      }
      SortUnique(&c.articles);
      SortUnique(&c.values);
      if (c.articles.size() < 2) continue;
      for (const auto* g : group) shared_quotes.insert(g->id);
      c.claim = speaker.empty() ? "quote" : "quote of " + speaker;
      c.kind = "quote";
      if (wordings.size() > 1 || figures.size() > 1) disagreements.push_back(std::move(c));
      else agreements.push_back(std::move(c));
    }
  }
  // Names: one entity written differently by different articles.
  {
    std::map<std::string, std::map<std::string, std::set<std::string>>> forms;  // entity -> form -> articles
    std::set<std::string> people;
    for (std::uint32_t a : members)
      for (const auto& n : digests[a].names) {
        if (n.text.find(' ') != std::string::npos) forms[n.entity][n.text].insert(digests[a].id);
        if (n.person) people.insert(n.entity);
      }
    for (const auto& [entity, by_form] : forms) {
      if (by_form.size() < 2) continue;
      // A person's name is compared on the words that name the person:
      // middle initials, a possessive, a generation and an honorific or
      // title before it ("Odal R. Kessar Jr.", "President Odal Kessar's")
      // are each outlet's style or the sentence's, not another name. The
      // spelling of each word is kept, so "Volshinsky" against
      // "Wolschinsky" is still reported.
      const bool person = people.count(entity) > 0;
      // A short given name ("Joe" for "Joseph") is the full one.
      auto person_words = [](const std::string& f) {
        std::vector<std::string> parts = resolve::PersonTokens(resolve::StripPossessive(f));
        if (parts.size() >= 2) parts[0] = resolve::FullGivenName(parts[0]);
        return parts;
      };
      auto words_of = [&](const std::string& f) {
        std::vector<std::string> parts = person ? person_words(f) : detail::SpaceSeparated(f);
        return std::set<std::string>(parts.begin(), parts.end());
      };
      // A form inside another ("Rosa X" in "Dr Rosa X") is the same name
      // written more fully, not a different one.
      // Forms that differ only in letter case ("NATO" and "Nato") or in
      // British and American spelling ("Defence", "Defense") are one
      // outlet's house style, not a different name.
      auto house_style = [](const std::string& f) {
        std::string key;
        for (const std::string& w : detail::SpaceSeparated(WordingKey(f))) {
          if (!key.empty()) key.push_back(' ');
          key += resolve::FoldSpelling(w);
        }
        return key;
      };
      // "the Tessaria Coast Guard" and "the Tessarian Coast Guard": the
      // country or its people's adjective before a body's name is a
      // wording, not another name (the endings of demonyms, when another
      // form starts with the word they are made from).
      std::set<std::string> firsts;
      for (const auto& [f, arts] : by_form) {
        const std::string k = house_style(f);
        firsts.insert(k.substr(0, k.find(' ')));
      }
      auto country_form = [&](const std::string& key) {
        const std::size_t sp = key.find(' ');
        if (sp == std::string::npos) return key;
        const std::string head = key.substr(0, sp);
        for (std::string_view suf : {"i", "n", "an", "ese", "ish"}) {
          if (head.size() < suf.size() + 4 || head.compare(head.size() - suf.size(), suf.size(), suf) != 0) continue;
          const std::string base = head.substr(0, head.size() - suf.size());
          if (firsts.count(base)) return base + key.substr(sp);
        }
        return key;
      };
      // "UN Office for X" and "United Nations Office for X": an acronym
      // for words the other form writes out, the rest alike, is the same
      // name, written short.
      // A leading "the" is no part of either ("The FBI" and "Federal Bureau
      // of Investigation"), and lower-case words of the long form need no
      // letter ("of").
      auto acronym_of = [](const std::string& f, const std::string& g) {
        std::vector<std::string> a = detail::SpaceSeparated(f), b = detail::SpaceSeparated(g);
        for (auto* v : {&a, &b}) {
          if (!v->empty() && ((*v)[0] == "The" || (*v)[0] == "the")) v->erase(v->begin());
        }
        if (b.size() <= a.size() || a.empty()) return false;
        std::size_t pre = 0, suf = 0;
        while (pre < a.size() && a[pre] == b[pre]) ++pre;
        while (suf + pre < a.size() && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
        if (pre + suf + 1 != a.size()) return false;
        const std::string& acr = a[pre];
        if (acr.size() < 2) return false;
        std::size_t k = 0;
        for (std::size_t x = pre; x < b.size() - suf; ++x) {
          const std::string& w = b[x];
          if (w.empty()) return false;
          if (w[0] >= 'a' && w[0] <= 'z') continue;
          if (k >= acr.size() || acr[k] < 'A' || acr[k] > 'Z' || w[0] != acr[k]) return false;
          ++k;
        }
        return k == acr.size();
      };
      std::set<std::string> maximal;
      for (const auto& [f, arts] : by_form) {
        const auto wf = words_of(f);
        bool inside = false;
        for (const auto& [g, arts2] : by_form) {
          if (g == f) continue;
          const auto wg = words_of(g);
          if (wg.size() > wf.size() && std::includes(wg.begin(), wg.end(), wf.begin(), wf.end())) inside = true;
          if (acronym_of(f, g)) inside = true;
        }
        if (inside) continue;
        if (person) {
          std::string key;
          for (const std::string& w : person_words(f)) {
            if (!key.empty()) key.push_back(' ');
            key += resolve::FoldSpelling(w);
          }
          maximal.insert(key);
        } else {
          maximal.insert(country_form(house_style(f)));
        }
      }
      if (maximal.size() < 2) continue;
      Claim c;
      std::size_t most = 0;
      for (const auto& [form, arts] : by_form) {
        c.values.push_back(form);
        c.articles.insert(c.articles.end(), arts.begin(), arts.end());
        c.readings.push_back({form, {form}, std::vector<std::string>(arts.begin(), arts.end()), {}, {}});
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

  // Titles: one person given different offices by different articles
  // ("deputy foreign minister" here, "foreign minister" there).
  {
    std::map<std::string, std::map<std::string, std::set<std::string>>> titles;  // entity -> title -> articles
    std::map<std::string, std::map<std::string, std::size_t>> forms;           // entity -> name form -> articles
    for (std::uint32_t a : members)
      for (const auto& n : digests[a].names) {
        if (n.roles.empty()) continue;
        ++forms[n.entity][n.text];
        for (const auto& r : n.roles) titles[n.entity][r].insert(digests[a].id);
      }
    for (const auto& [entity, by_title] : titles) {
      if (by_title.size() < 2) continue;
      // The titles that differ from another one some other article gives.
      std::set<std::string> differing;
      bool only_in_time = true;
      for (auto x = by_title.begin(); x != by_title.end(); ++x)
        for (auto y = std::next(x); y != by_title.end(); ++y) {
          const bool apart = x->second.size() > 1 || y->second.size() > 1 || x->second != y->second;
          if (apart && detail::TitlesDiffer(x->first, y->first)) {
            differing.insert({x->first, y->first});
            only_in_time = only_in_time && detail::TitlesDifferOnlyInTime(x->first, y->first);
          }
        }
      if (differing.empty()) continue;
      Claim c;
      c.compatible = only_in_time;
      std::string form;
      std::size_t most = 0;
      for (const auto& [f, n] : forms[entity])
        if (n > most) most = n, form = f;
      c.claim = "title of " + form;
      c.kind = "title";
      for (const auto& t : differing) {
        const auto& arts = by_title.at(t);
        c.values.push_back(t);
        c.articles.insert(c.articles.end(), arts.begin(), arts.end());
        c.readings.push_back({t, {t}, std::vector<std::string>(arts.begin(), arts.end()), {}, {}});
      }
      SortUnique(&c.articles);
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
    // Added fields: the event in words, so a timeline reads without a
    // lookup in events.jsonl.
    const events::MergedEvent& ev = evs[k];
    w.Key("cameo");
    w.String(ev.cameo);
    w.Key("action");
    if (const events::CodeInfo* info = events::Codebook::Default().Find(ev.cameo)) w.String(info->name);
    else w.Null();
    w.Key("source");
    w.String(ev.source.name);
    w.Key("target");
    if (ev.target) w.String(ev.target->name); else w.Null();
    w.Key("negated");
    w.Bool(ev.negated);
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
  // A wire copy re-published elsewhere agrees with its original by being
  // it: an agreement needs two outlets that wrote it apart, each near
  // duplicate counted as the outlet of the article it copies.
  {
    std::unordered_map<std::string, std::string> source_of;  // article id -> outlet that wrote it
    for (std::uint32_t a : members) {
      std::int64_t root = a;
      for (int k = 0; k < 8 && near_dup_of[static_cast<std::size_t>(root)] >= 0; ++k)
        root = near_dup_of[static_cast<std::size_t>(root)];
      source_of[digests[a].id] = outlet_of(static_cast<std::uint32_t>(root));
    }
    std::erase_if(agreements, [&](const Claim& c) {
      std::set<std::string> sources;
      for (const auto& article : c.articles) {
        auto it = source_of.find(article);
        sources.insert(it == source_of.end() ? article : it->second);
      }
      return sources.size() < 2;
    });
  }
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

Status StoryBuilder::Impl::Run(const std::vector<events::MergedEvent>& evs, const std::string& quotes_jsonl,
                               const std::function<Status(Story&&)>& emit) {
  const auto count = static_cast<std::uint32_t>(recs.size());
  if (spill && std::fflush(spill) != 0) return Status(Code::kIoError, "cannot write the stories stage's spill file");
  // Digest index by id: the first of equal ids, as a map's emplace kept it.
  std::vector<std::uint32_t> by_id(count);
  for (std::uint32_t i = 0; i < count; ++i) by_id[i] = i;
  std::stable_sort(by_id.begin(), by_id.end(), [&](std::uint32_t x, std::uint32_t y) { return Id(x) < Id(y); });
  auto find = [&](std::string_view id) -> std::int64_t {
    auto it = std::lower_bound(by_id.begin(), by_id.end(), id, [&](std::uint32_t x, std::string_view v) { return Id(x) < v; });
    return it != by_id.end() && Id(*it) == id ? static_cast<std::int64_t>(*it) : -1;
  };
  // The events of each article, (digest, event) sorted, and their document frequencies.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> article_events;
  for (std::uint32_t k = 0; k < evs.size(); ++k) {
    for (const auto* rec : evs[k].mentions) {
      const std::int64_t i = find(rec->article);
      if (i >= 0) article_events.emplace_back(static_cast<std::uint32_t>(i), k);
    }
  }
  SortUnique(&article_events);
  for (std::size_t from = 0; from < article_events.size();) {
    std::size_t to = from;
    feats.clear();
    for (; to < article_events.size() && article_events[to].first == article_events[from].first; ++to)
      feats.push_back(FeatureHash('v', evs[article_events[to].second].id));
    SortUnique(&feats);
    for (std::uint32_t h : feats) df.Add(h);
    from = to;
  }
  // Canonical order: undated first, then by day, then by id.
  std::vector<std::uint32_t> order(count);
  for (std::uint32_t i = 0; i < count; ++i) order[i] = i;
  std::vector<std::uint64_t> salted;
  if (opt.order_salt != 0) {
    salted.resize(count);
    for (std::uint32_t i = 0; i < count; ++i) salted[i] = Hash64(Id(i), opt.order_salt);
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (recs[x].day != recs[y].day) return recs[x].day < recs[y].day;
    if (!salted.empty() && salted[x] != salted[y]) return salted[x] < salted[y];
    return Id(x) < Id(y);
  });

  const std::vector<QuoteLoc> quote_locs = IndexQuotes(quotes_jsonl, [&](std::string_view id) { return find(id); });

  // An article between the online pass and its story's output: its
  // digest goes back to the spill until then (read again for the output),
  // so an open article costs its feature vector.
  struct Live {
    std::uint32_t article = 0;
    std::int32_t day = kNoDay;
    std::int64_t dup = -1;  // digest index of the article it nearly duplicates
    std::uint32_t story = 0;
    SparseVector vec;
    SplitEvidence evidence;  // the days and entities it names, for the split
  };
  auto load = [&](std::uint32_t i, Digest* d) -> Status {
    if (Status s = Load(i, d); !s.ok()) return s;
    auto it = std::lower_bound(article_events.begin(), article_events.end(), std::make_pair(i, 0u));
    for (; it != article_events.end() && it->first == i; ++it) d->events.push_back(it->second);
    return Status::Ok();
  };
  std::vector<Live> live;
  std::vector<std::uint32_t> story_of(count, 0);       // online story of each digest
  std::vector<std::uint32_t> label(count, UINT32_MAX);  // output story of each digest
  std::vector<bool> finished(count, false);
  std::uint32_t next_label = 0;

  // The second passes (Refine: reassignment, split, reassignment) and the output of the stories
  // of `batch` (in canonical order), which no other article joins any more.
  auto finish = [&](std::vector<Live>& batch) -> Status {
    const std::size_t bn = batch.size();
    // Story numbers 0.. in the order of the online ones, so that ties
    // fall as they would over all stories at once.
    std::vector<std::uint32_t> numbers;
    for (const Live& l : batch) numbers.push_back(l.story);
    SortUnique(&numbers);
    std::vector<SparseVector> cvecs(bn);
    std::vector<std::int32_t> cdays(bn);
    std::vector<std::uint32_t> cstory(bn);
    std::vector<std::int64_t> dup_of(bn, -1);
    std::vector<SplitEvidence> evidence(bn);
    std::unordered_map<std::uint32_t, std::uint32_t> rank;
    digests.clear();
    digests.reserve(bn);
    for (std::size_t k = 0; k < bn; ++k) {
      Live& l = batch[k];
      cvecs[k] = std::move(l.vec);
      cdays[k] = l.day;
      evidence[k] = std::move(l.evidence);
      cstory[k] = static_cast<std::uint32_t>(std::lower_bound(numbers.begin(), numbers.end(), l.story) - numbers.begin());
      digests.emplace_back();  // read back story by story, below
      if (l.dup >= 0) rank.emplace(l.article, 0);
    }
    if (!rank.empty()) {
      for (std::size_t k = 0; k < bn; ++k) {
        auto it = rank.find(batch[k].article);
        if (it != rank.end()) it->second = static_cast<std::uint32_t>(k);
      }
      for (std::size_t k = 0; k < bn; ++k) {
        if (batch[k].dup < 0) continue;
        // The original is in the batch: its online story is the duplicate's.
        auto it = rank.find(static_cast<std::uint32_t>(batch[k].dup));
        std::size_t at = bn;
        if (it == rank.end()) {
          for (std::size_t j = 0; j < k; ++j)
            if (batch[j].article == batch[k].dup) at = j;
        } else {
          at = it->second;
        }
        if (at < bn) dup_of[k] = static_cast<std::int64_t>(at);
      }
    }
    cstory = Refine(cvecs, cdays, dup_of, std::move(cstory), opt.cluster, opt.reassign_rounds, &evidence);
    std::uint32_t stories = 0;
    for (std::uint32_t x : cstory) stories = std::max(stories, x + 1);
    std::vector<std::vector<std::uint32_t>> members(stories);
    for (std::uint32_t k = 0; k < bn; ++k) members[cstory[k]].push_back(k);
    for (const auto& mem : members) {
      if (mem.empty()) continue;
      // Only one story's digests in memory at a time (and the originals
      // of its near duplicates, which follow them into it).
      std::vector<std::uint32_t> need = mem;
      for (std::uint32_t a : mem)
        if (dup_of[a] >= 0) need.push_back(static_cast<std::uint32_t>(dup_of[a]));
      for (std::uint32_t a : need)
        if (digests[a].id.empty())
          if (Status s = load(batch[a].article, &digests[a]); !s.ok()) return s;
      // The story's quotes, read back for it alone.
      std::vector<std::uint32_t> member_articles;
      for (std::uint32_t a : mem) member_articles.push_back(batch[a].article);
      const std::vector<QuoteRec> quotes = ReadQuotesOf(quotes_jsonl, quote_locs, member_articles);
      std::unordered_map<std::string, std::vector<std::uint32_t>> quotes_by_article;
      std::unordered_map<std::string, std::uint32_t> quote_index;
      for (std::uint32_t i = 0; i < quotes.size(); ++i) {
        quotes_by_article[quotes[i].article].push_back(i);
        quote_index.emplace(quotes[i].id, i);
      }
      Story st;
      st.json = StoryJson(mem, cvecs, dup_of, evs, quotes, quotes_by_article, quote_index, &st.id);
      for (std::uint32_t a : mem) {
        st.articles.push_back(digests[a].id);
        label[batch[a].article] = next_label;
        finished[batch[a].article] = true;
      }
      ++next_label;
      for (std::uint32_t a : need) digests[a] = Digest{};
      if (Status s = emit(std::move(st)); !s.ok()) return s;
    }
    digests.clear();
    return Status::Ok();
  };

  const double n = static_cast<double>(count);
  Clusterer clusterer(opt.cluster);
  NearDuplicates near;
  // Stories whose last article is this many days older than the newest
  // are finished: twice the longest gap a story bridges, so that hardly
  // an article a reassignment would move there or away is still to come.
  const std::int32_t close_after = 2 * opt.cluster.max_gap_days;
  const std::size_t check_every = std::clamp<std::size_t>(opt.open_articles / 4, 1, 4096);
  finished_early = 0;
  Digest d;
  for (std::uint32_t p = 0; p < count; ++p) {
    const std::uint32_t i = order[p];
    Live l;
    l.article = i;
    if (Status s = load(i, &d); !s.ok()) return s;
    l.day = d.day;
    l.vec = Features(d, evs, n);
    l.evidence.days = detail::NamedDays(d.dates);
    {
      std::vector<std::uint16_t> years;
      for (const auto& y : d.years) years.push_back(static_cast<std::uint16_t>(std::atoi(y.c_str())));
      std::sort(years.begin(), years.end(), std::greater<>());
      years.erase(std::unique(years.begin(), years.end()), years.end());
      for (std::size_t k = 0; k < years.size() && k < l.evidence.years.size(); ++k) l.evidence.years[k] = years[k];
    }
    for (std::size_t k = 0; k < d.entities.size(); ++k)
      l.evidence.entities.emplace_back(FeatureHash('e', d.entities[k]), k < d.entity_mentions.size() ? d.entity_mentions[k] : 1);
    std::int64_t dup = near.Add(d.simhash, d.sketch);
    // A copy is republished within days; the same words months later are a
    // new happening told from a template ("floods in <town>"), which the
    // shingles of a short text would otherwise take for a copy.
    if (dup >= 0) {
      const std::int32_t orig_day = recs[order[static_cast<std::size_t>(dup)]].day;
      if (orig_day != kNoDay && l.day != kNoDay && std::abs(orig_day - l.day) > opt.cluster.max_gap_days) dup = -1;
    }
    // A copy of an article whose story is out already is judged on its own.
    if (dup >= 0 && d.body_words >= 20 && !finished[order[static_cast<std::size_t>(dup)]]) {
      const std::uint32_t orig = order[static_cast<std::size_t>(dup)];
      l.dup = orig;
      story_of[i] = story_of[orig];
      clusterer.AddTo(story_of[i], l.vec, l.day);
    } else {
      story_of[i] = clusterer.Add(l.vec, l.day);
    }
    live.push_back(std::move(l));
    // Over the budget, the stories no later article can join are finished
    // and their articles leave memory. Retired stories take no part in the
    // final merge, so finishing them early changes nothing there.
    if ((p + 1) % check_every != 0 || live.size() <= opt.open_articles) continue;
    clusterer.Retire();
    const std::int32_t latest = clusterer.latest_day();
    if (latest == kNoDay) continue;
    auto closed = [&](std::uint32_t story) {
      const std::int32_t last = clusterer.last_day(story);
      return clusterer.retired(story) && last != kNoDay && last + close_after < latest;
    };
    std::vector<Live> batch, keep;
    for (Live& x : live) {
      x.story = story_of[x.article];
      (closed(x.story) ? batch : keep).push_back(std::move(x));
    }
    live.swap(keep);
    if (batch.empty()) continue;
    if (Status s = finish(batch); !s.ok()) return s;
    clusterer.DropRetired();
    // Copies of articles older than the window would find their story out.
    const auto first_recent = std::partition_point(order.begin(), order.begin() + p + 1, [&](std::uint32_t x) {
      return recs[x].day == kNoDay || recs[x].day + close_after < latest;
    });
    near.Forget(static_cast<std::size_t>(first_recent - order.begin()));
  }
  finished_early = next_label;
  const std::vector<std::uint32_t> merged_into = clusterer.MergeSimilar();
  for (Live& x : live) x.story = merged_into[story_of[x.article]];
  if (!live.empty())
    if (Status s = finish(live); !s.ok()) return s;
  assignment.clear();
  for (std::int64_t a : added) assignment.push_back(a < 0 ? UINT32_MAX : label[static_cast<std::size_t>(a)]);
  return Status::Ok();
}

std::vector<Story> StoryBuilder::Build(const std::vector<events::MergedEvent>& evs, const std::string& quotes_jsonl) {
  std::vector<Story> stories;
  Status s = impl_->Run(evs, quotes_jsonl, [&](Story&& st) {
    stories.push_back(std::move(st));
    return Status::Ok();
  });
  if (!s.ok()) {
    std::fprintf(stderr, "sitrep: stories: %s\n", s.message().c_str());
    stories.clear();
  }
  std::sort(stories.begin(), stories.end(), [](const Story& x, const Story& y) { return x.id < y.id; });
  return stories;
}

Result<std::size_t> StoryBuilder::BuildTo(const std::vector<events::MergedEvent>& evs, const std::string& quotes_jsonl,
                                          const std::string& path) {
  // The lines wait in a temporary file, with their ids and places in
  // memory, until all are out; then they are copied in the order of ids.
  struct Placed {
    std::string id;
    std::uint64_t at;
    std::uint32_t size;
  };
  std::vector<Placed> placed;
  std::FILE* tmp = std::tmpfile();
  if (!tmp) return Status(Code::kIoError, "cannot make a temporary file for " + path);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(tmp, &std::fclose);
  std::uint64_t at = 0;
  std::string buf;
  Status s = impl_->Run(evs, quotes_jsonl, [&](Story&& st) -> Status {
    st.json.push_back('\n');
    placed.push_back({std::move(st.id), at, static_cast<std::uint32_t>(st.json.size())});
    at += st.json.size();
    if (std::fwrite(st.json.data(), 1, st.json.size(), tmp) != st.json.size())
      return Status(Code::kIoError, "cannot write a temporary file for " + path);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (std::fflush(tmp) != 0) return Status(Code::kIoError, "cannot write a temporary file for " + path);
  std::sort(placed.begin(), placed.end(), [](const Placed& x, const Placed& y) { return x.id < y.id; });
  store::OutputFile out;
  if (Status st = out.Open(path); !st.ok()) return st;
  std::string line;
  for (const Placed& p : placed) {
    line.resize(p.size);
    std::size_t got = 0;
    while (got < p.size) {
      const ssize_t k = ::pread(fileno(tmp), line.data() + got, p.size - got, static_cast<off_t>(p.at + got));
      if (k <= 0) return Status(Code::kIoError, "cannot read back a temporary file for " + path);
      got += static_cast<std::size_t>(k);
    }
    buf += line;
    if (buf.size() > (1 << 20)) {
      if (Status st = out.Write(buf); !st.ok()) return st;
      buf.clear();
    }
  }
  if (Status st = out.Write(buf); !st.ok()) return st;
  if (Status st = out.Commit(); !st.ok()) return st;
  return placed.size();
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
