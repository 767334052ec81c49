// The stories stage on articles written here: what must and must not
// cluster, order stability, time, near duplicates and the comparison of
// outlets' figures.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/json_writer.h"
#include "events/merge.h"
#include "stories/internal.h"
#include "stories/stories.h"

namespace sitrep::stories {
namespace {

struct Mention {
  std::string text, entity;
  std::string role = {};     // the title the entities stage gives the mention, if any
  std::string type = "LOC";  // the type the recogniser gives it
};

// An articles.jsonl line: sentences split at ". ", offsets in code points.
std::string Line(const std::string& id, const std::string& outlet, const std::string& published,
                 const std::string& title, const std::string& text, const std::vector<Mention>& mentions = {}) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id");
  w.String(id);
  w.Key("status");
  w.String("ok");
  w.Key("outlet");
  if (outlet.empty()) w.Null(); else w.String(outlet);
  w.Key("published");
  if (published.empty()) w.Null(); else w.String(published);
  w.Key("title");
  w.String(title);
  w.Key("text");
  w.String(text);
  w.Key("sentences");
  w.BeginArray();
  // The texts here are ASCII, so bytes are code points.
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(". ", start);
    end = end == std::string::npos ? text.size() : end + 1;
    // A wire's dateline line is a sentence of its own, as the text stage splits it.
    if (std::size_t dash = text.find(" -\n", start); dash != std::string::npos && dash + 2 < end) end = dash + 2;
    w.BeginArray();
    w.UInt(start);
    w.UInt(end);
    w.EndArray();
    start = end + 1;
  }
  w.EndArray();
  w.Key("mentions");
  w.BeginArray();
  for (const auto& m : mentions) {
    std::size_t at = text.find(m.text);
    w.BeginObject();
    w.Key("start");
    w.UInt(at);
    w.Key("end");
    w.UInt(at + m.text.size());
    w.Key("text");
    w.String(m.text);
    w.Key("type");
    w.String(m.type);
    w.Key("entity");
    w.String(m.entity);
    if (!m.role.empty()) {
      w.Key("role");
      w.String(m.role);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

// Two floods (two happenings of one kind, in different places) and an
// election.
const std::string kFloodA1 =
    "The river Adwen burst its banks at Kelmarsh on Sunday night, flooding hundreds of homes. "
    "Rescue crews used boats to reach families trapped on upper floors in Kelmarsh. "
    "The mayor of Kelmarsh said the water rose faster than in any flood since records began. "
    "About 2,000 people spent the night in emergency shelters set up in schools.";
const std::string kFloodA2 =
    "Emergency crews in boats rescued residents of Kelmarsh after the Adwen overflowed on Sunday. "
    "Hundreds of homes in the low town were flooded as the river rose through the night. "
    "More than 2,000 people were moved to shelters in local schools, the mayor said. "
    "Forecasters expect more rain over the Adwen valley this week.";
const std::string kFloodB =
    "Heavy rain sent the river Torr over its banks in Saltby, where a dam gave way before dawn. "
    "The dam failure swept cars from the streets of Saltby and cut power to the port. "
    "Engineers had warned the council about cracks in the dam two years ago. "
    "Some 400 people were evacuated from Saltby by army lorries.";
const std::string kElection =
    "Voters in the northern provinces queued for hours as polls opened in the parliamentary election. "
    "The governing alliance hopes to keep its majority after a campaign dominated by fuel prices. "
    "Opposition leaders accused the electoral commission of closing polling stations early. "
    "Turnout reached 61 percent by noon, the commission said.";

std::vector<std::string> Corpus() {
  return {
      Line("a01", "Daily Lantern", "2024-03-04", "Adwen floods Kelmarsh", kFloodA1,
           {{"Kelmarsh", "eK"}, {"Adwen", "eA"}}),
      Line("a02", "Valley Post", "2024-03-04", "Hundreds of homes flooded in Kelmarsh", kFloodA2,
           {{"Kelmarsh", "eK"}, {"Adwen", "eA"}}),
      Line("a03", "Daily Lantern", "2024-03-05", "Dam gives way in Saltby", kFloodB, {{"Saltby", "eS"}, {"Torr", "eT"}}),
      Line("a04", "Valley Post", "2024-03-05", "Polls open in parliamentary election", kElection),
  };
}

bool SamePartition(const std::vector<std::uint32_t>& x, const std::vector<std::uint32_t>& y);

std::vector<Story> BuildAll(const std::vector<std::string>& lines) {
  StoryBuilder b;
  for (const auto& l : lines) EXPECT_TRUE(b.AddArticle(l).ok());
  return b.Build({}, "");
}

const Story* StoryWith(const std::vector<Story>& stories, const std::string& article) {
  for (const auto& s : stories)
    if (std::find(s.articles.begin(), s.articles.end(), article) != s.articles.end()) return &s;
  return nullptr;
}

// A vector of feature weights, normalised to length one.
SparseVector Unit(std::initializer_list<std::pair<std::uint32_t, float>> counts) {
  SparseVector v(counts);
  detail::Normalise(&v);
  return v;
}

// The table's dot product must be the merge's to the last bit, or the
// stories would change with it: random sparse vectors of many sizes
// (a short sentence against a long centroid and the other way round),
// with the keys that are edge cases for the table (0, the top bit alone,
// which both its hash functions send to one slot, and the sentinel
// UINT32_MAX and the keys just below it).
TEST(StoriesDot, TableGivesTheMergesProductBitForBit) {
  std::mt19937 rng(7);
  auto random_vector = [&](std::size_t n, std::uint32_t key_range) {
    std::set<std::uint32_t> keys;
    // Keys from a range of at least twice the size, so that n distinct ones exist.
    std::uniform_int_distribution<std::uint32_t> key(0, std::max<std::uint32_t>(key_range, static_cast<std::uint32_t>(2 * n)));
    while (keys.size() < n) keys.insert(key(rng));
    SparseVector v;
    std::normal_distribution<float> weight(0.f, 1.f);
    for (std::uint32_t k : keys) v.emplace_back(k, weight(rng));
    return v;
  };
  const std::vector<std::uint32_t> edge = {0u, 0x80000000u, UINT32_MAX, UINT32_MAX - 1, UINT32_MAX - 2};
  auto with_edges = [&](SparseVector v, std::size_t take) {
    for (std::size_t k = 0; k < take && k < edge.size(); ++k) v.emplace_back(edge[k], 0.5f + static_cast<float>(k));
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first == b.first; }), v.end());
    return v;
  };
  int shared_seen = 0;
  for (std::size_t na : {0u, 1u, 7u, 100u, 3000u}) {
    for (std::size_t nb : {0u, 3u, 160u, 5000u}) {
      for (std::uint32_t range : {600u, UINT32_MAX}) {
        for (std::size_t take = 0; take <= edge.size(); take += 5) {
          const SparseVector a = with_edges(random_vector(na, range), take);
          const SparseVector b = with_edges(random_vector(nb, range), take);
          const detail::DotTable ta(a), tb(b);
          const double merged = detail::Dot(a, b);
          EXPECT_EQ(ta.Dot(b), merged) << na << " x " << nb << " range " << range;
          EXPECT_EQ(tb.Dot(a), merged) << nb << " x " << na << " range " << range;
          shared_seen += merged != 0;
        }
      }
    }
  }
  // The small key range makes the vectors share features: the products
  // compared were not all empty sums.
  EXPECT_GT(shared_seen, 10);
  // A table filled again keeps no feature of the vector before.
  detail::DotTable t(Unit({{1, 1.f}, {2, 1.f}}));
  t.Assign(Unit({{3, 1.f}}));
  EXPECT_EQ(t.Dot(Unit({{1, 1.f}, {2, 1.f}})), 0.0);
  EXPECT_EQ(t.Dot(Unit({{3, 1.f}})), 1.0);
  EXPECT_EQ(detail::DotTable().Dot(Unit({{3, 1.f}})), 0.0);
}

// A sentence's words are taken from the whole text's: for every span of
// texts with hyphens, joined numbers and typographic marks, the slice
// must be exactly what splitting the span alone gives, or be refused.
TEST(StoriesWords, SliceOfTheWholeTextIsTheSpanSplitAlone) {
  const std::vector<std::string> texts = {
      "Kessar said 1,200 troops \xE2\x80\x94 about twenty-five units \xE2\x80\x94 left. Then Odalys spoke.",
      "\xE2\x80\x9CWe stay,\xE2\x80\x9D she said; 3.5 per cent, (or more) - maybe.",
      "Lorvani-based crews met on 12 May. Talks\xE2\x80\xA6 resumed\tat 9.30.",
  };
  std::size_t refused = 0;
  for (const std::string& text : texts) {
    std::vector<detail::Word> all;
    detail::Words(text, 0, static_cast<std::uint32_t>(text.size()), &all);
    for (std::uint32_t bs = 0; bs <= text.size(); ++bs) {
      for (std::uint32_t be = bs; be <= text.size(); ++be) {
        std::size_t from = 0, to = 0;
        bool punct = false;
        if (!detail::SliceWords(all, text, bs, be, &from, &to, &punct)) {
          ++refused;
          continue;
        }
        std::vector<detail::Word> alone;
        detail::Words(text, bs, be, &alone);
        ASSERT_EQ(alone.size(), to - from) << "span " << bs << "-" << be << " of: " << text;
        for (std::size_t k = 0; k < alone.size(); ++k) {
          const detail::Word& w = all[from + k];
          EXPECT_EQ(alone[k].begin, w.begin);
          EXPECT_EQ(alone[k].end, w.end);
          EXPECT_EQ(alone[k].lower, w.lower);
          EXPECT_EQ(alone[k].number, w.number);
          EXPECT_EQ(alone[k].punct_after, k + 1 == alone.size() ? punct : w.punct_after) << "span " << bs << "-" << be;
        }
      }
    }
    // A span from a word's start to a later word's end, as sentences
    // are, is always sliced.
    for (const auto& a : all)
      for (const auto& b : all) {
        if (b.end <= a.begin) continue;
        std::size_t from = 0, to = 0;
        bool punct = false;
        EXPECT_TRUE(detail::SliceWords(all, text, a.begin, b.end, &from, &to, &punct)) << a.begin << "-" << b.end;
      }
  }
  EXPECT_GT(refused, 0u);  // spans that cut a word
}

TEST(Stories, SameHappeningClustersOtherHappeningsDoNot) {
  auto stories = BuildAll(Corpus());
  ASSERT_EQ(stories.size(), 3u);
  const Story* flood = StoryWith(stories, "a01");
  ASSERT_NE(flood, nullptr);
  EXPECT_EQ(flood->articles.size(), 2u);
  EXPECT_EQ(StoryWith(stories, "a02"), flood);
  EXPECT_NE(StoryWith(stories, "a03"), flood);  // another flood, another place
  EXPECT_NE(StoryWith(stories, "a04"), flood);
}

TEST(Stories, InputOrderDoesNotChangeTheStories) {
  auto lines = Corpus();
  auto a = BuildAll(lines);
  std::reverse(lines.begin(), lines.end());
  auto b = BuildAll(lines);
  std::rotate(lines.begin(), lines.begin() + 1, lines.end());
  auto c = BuildAll(lines);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.size(), c.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].json, b[i].json);
    EXPECT_EQ(a[i].json, c[i].json);
  }
}

// Another canonical order (a salt for the articles of one day, what
// `sitrep eval stories --orders` averages over) is still one order whatever
// order the lines come in, and happenings this far apart come out the same.
TEST(Stories, ASaltedOrderIsDeterministicAndKeepsClearStories) {
  auto lines = Corpus();
  for (auto& l : lines) {
    // One day for all, so that only the salt orders them.
    const std::string from = "\"published\":\"2024-03-0";
    const auto at = l.find(from);
    ASSERT_NE(at, std::string::npos);
    l[at + from.size()] = '4';
  }
  auto build = [](const std::vector<std::string>& in, std::uint64_t salt) {
    BuildOptions o;
    o.order_salt = salt;
    StoryBuilder b(o);
    for (const auto& l : in) EXPECT_TRUE(b.AddArticle(l).ok());
    auto stories = b.Build({}, "");
    std::vector<std::string> ids;
    for (const auto& s : stories) ids.push_back(s.json);
    return std::make_pair(ids, b.assignment());
  };
  const auto canonical = build(lines, 0);
  ASSERT_EQ(canonical.first.size(), 3u);
  for (std::uint64_t salt = 1; salt <= 6; ++salt) {
    const auto forward = build(lines, salt);
    auto reversed_lines = lines;
    std::reverse(reversed_lines.begin(), reversed_lines.end());
    const auto reversed = build(reversed_lines, salt);
    EXPECT_EQ(forward.first, reversed.first) << "salt " << salt;
    EXPECT_TRUE(SamePartition(forward.second, canonical.second)) << "salt " << salt;
  }
}

TEST(Stories, AStoryFromLastMonthIsAnotherStory) {
  auto lines = Corpus();
  lines[1] = Line("a02", "Valley Post", "2024-04-20", "Hundreds of homes flooded in Kelmarsh", kFloodA2,
                  {{"Kelmarsh", "eK"}, {"Adwen", "eA"}});
  auto stories = BuildAll(lines);
  EXPECT_NE(StoryWith(stories, "a01"), StoryWith(stories, "a02"));
  // Without dates, time cannot separate them.
  lines[0] = Line("a01", "Daily Lantern", "", "Adwen floods Kelmarsh", kFloodA1, {{"Kelmarsh", "eK"}, {"Adwen", "eA"}});
  lines[1] = Line("a02", "Valley Post", "", "Hundreds of homes flooded in Kelmarsh", kFloodA2,
                  {{"Kelmarsh", "eK"}, {"Adwen", "eA"}});
  stories = BuildAll(lines);
  EXPECT_EQ(StoryWith(stories, "a01"), StoryWith(stories, "a02"));
}

// Three weeks of one candidate's campaign, a report every three days, each
// on a happening of its own (a rally, a debate, a poll, a dinner, ...): all
// of them name the candidate, the country and the words of any campaign.
// With the shipped settings (data/stories/cluster.tsv) these shared names
// and words do not chain the reports into one story that grows with the
// campaign: no story spans more than two weeks, and the first report and
// the last are never one story.
TEST(Stories, ACampaignReportedEveryFewDaysIsNotOneStory) {
  const std::vector<std::pair<std::string, std::string>> happenings = {
      {"Varnell rallies supporters in Kessar",
       "Odalys Varnell told a crowd in the mill town of Kessar that new bus routes would reach every valley. "
       "Supporters waved green scarves and sang the old miners' anthem. Police closed the market square "
       "for the evening. Local farmers complained about the noise of the loudspeakers."},
      {"Varnell and Harlen clash in televised debate",
       "Tomas Harlen and Odalys Varnell traded insults over pensions for ninety minutes on national television. "
       "Moderators cut the microphones twice when both spoke at once. A snap survey of viewers rated Harlen "
       "the sharper speaker. Analysts said neither landed a decisive blow on healthcare."},
      {"Poll puts Varnell four points ahead",
       "A survey of 1,800 adults gives Odalys Varnell a lead of four points over her rival. The pollsters "
       "found support rising among young women in the cities. Undecided respondents remain a fifth of the "
       "sample. The margin of error is two points either way."},
      {"Varnell dinner raises record donations",
       "Donors paid for seats at a banquet in the capital where Odalys Varnell spoke about the budget. "
       "Treasurers reported record receipts for a single evening. Caterers served lamb to four hundred "
       "guests beneath chandeliers. Critics called the ticket prices obscene."},
      {"Dockers union endorses Varnell",
       "Delegates of the dockers union voted in Lorvani harbour to endorse Odalys Varnell. Union leaders "
       "praised her promise to keep the container terminal in public hands. Shipping firms declined to "
       "comment. The vote was 212 to 40."},
      {"Varnell unveils tax plan",
       "Odalys Varnell set out a plan to cut income tax for families and raise levies on shipping firms. "
       "Economists at the central bank doubted the sums would add up. The treasury estimated a shortfall "
       "of two billion. Business groups warned of investment flight."},
      {"Varnell tours Tessary glassworks",
       "Odalys Varnell toured a glassworks in Tessary and spoke with night-shift furnace workers about wages. "
       "Managers showed her the new recycling line. Workers asked about last winter's closures. The plant "
       "employs nine hundred people."},
      {"Harlen advert accuses Varnell of absences",
       "An advertisement paid for by Tomas Harlen accuses Odalys Varnell of missing votes in parliament. "
       "Her spokesman called the advert false and misleading. The broadcaster aired it during the football "
       "final. Fact checkers found three of the five claims wrong."},
  };
  std::vector<std::string> lines = {
      Line("f01", "Daily Lantern", "2024-05-02", "Adwen floods Kelmarsh", kFloodA1, {{"Kelmarsh", "eK"}, {"Adwen", "eA"}}),
      Line("f02", "Valley Post", "2024-05-10", "Dam gives way in Saltby", kFloodB, {{"Saltby", "eS"}, {"Torr", "eT"}}),
      Line("f03", "Valley Post", "2024-05-18", "Polls open in parliamentary election", kElection),
  };
  const char* outlets[] = {"Daily Lantern", "Valley Post", "Morvia Herald"};
  for (std::size_t k = 0; k < happenings.size(); ++k) {
    const std::size_t day = 1 + 3 * k;
    const char date[] = {'2', '0', '2', '4', '-', '0', '5', '-', static_cast<char>('0' + day / 10),
                         static_cast<char>('0' + day % 10), '\0'};
    std::string id = "c";
    id += static_cast<char>('0' + k);
    std::vector<Mention> mentions = {{"Odalys Varnell", "eV", "", "PERSON"}};
    for (const char* name : {"Kessar", "Tomas Harlen", "Lorvani", "Tessary"})
      if (happenings[k].second.find(name) != std::string::npos) mentions.push_back({name, name, "", "LOC"});
    lines.push_back(Line(id, outlets[k % 3], date, happenings[k].first, happenings[k].second, mentions));
  }
  const auto stories = BuildAll(lines);
  for (const auto& s : stories) {
    int first = 99, last = 0;
    for (const std::string& a : s.articles) {
      if (a.front() != 'c') continue;
      const int day = 1 + 3 * (a.back() - '0');
      first = std::min(first, day);
      last = std::max(last, day);
    }
    if (last > 0) {
      EXPECT_LE(last - first, 14) << "a story of " << s.articles.size() << " articles";
    }
  }
  EXPECT_NE(StoryWith(stories, "c0"), StoryWith(stories, "c7"));
}

// Lines of another version of the contract, or written by another tool,
// may lack any field: each is read as far as it goes and the run goes on
// (a missing key used to throw out of the stage and end the run).
TEST(Stories, ALineLackingFieldsIsReadAsFarAsItGoes) {
  const std::vector<std::string> lines = {
      R"({"id":"m1","status":"ok","text":"Floods hit Kelmarsh."})",
      R"({"id":"m2","status":"ok","outlet":"Valley Post","text":"Floods hit Kelmarsh again.",)"
      R"("sentences":[[0,26]],"mentions":[{"start":11,"end":19,"entity":"eK"},{"entity":"eA"},{}],)"
      R"("times":[{"start":0}],"inconsistencies":[{}],"quotes":[{}],"events":[{}]})",
      R"({"status":"ok"})",
      R"({"id":"m4"})",
  };
  StoryBuilder b;
  for (const auto& l : lines) EXPECT_TRUE(b.AddArticle(l).ok()) << l;
  const auto stories = b.Build({}, "");
  EXPECT_NE(StoryWith(stories, "m1"), nullptr);
  EXPECT_NE(StoryWith(stories, "m2"), nullptr);
}

TEST(Stories, StoryLineHasTheContractFields) {
  auto stories = BuildAll(Corpus());
  const Story* flood = StoryWith(stories, "a01");
  ASSERT_NE(flood, nullptr);
  simdjson::dom::parser p;
  simdjson::dom::element e;
  ASSERT_EQ(p.parse(flood->json).get(e), simdjson::SUCCESS) << flood->json;
  std::string_view id, title, first, last;
  ASSERT_FALSE(e["id"].get_string().get(id));
  EXPECT_EQ(id.substr(0, 1), "s");
  ASSERT_FALSE(e["title"].get_string().get(title));
  EXPECT_TRUE(title == "Adwen floods Kelmarsh" || title == "Hundreds of homes flooded in Kelmarsh") << title;
  ASSERT_FALSE(e["first_seen"].get_string().get(first));
  EXPECT_EQ(first, "2024-03-04");
  ASSERT_FALSE(e["last_seen"].get_string().get(last));
  EXPECT_EQ(last, "2024-03-04");
  simdjson::dom::array outlets, summary;
  ASSERT_FALSE(e["outlets"].get_array().get(outlets));
  EXPECT_EQ(outlets.size(), 2u);
  ASSERT_FALSE(e["summary"].get_array().get(summary));
  ASSERT_GE(summary.size(), 2u);
  // Each summary sentence is the text at its offsets in its article.
  for (simdjson::dom::element s : summary) {
    std::string_view article, text;
    std::uint64_t start = 0, end = 0;
    ASSERT_FALSE(s["article"].get_string().get(article));
    ASSERT_FALSE(s["start"].get_uint64().get(start));
    ASSERT_FALSE(s["end"].get_uint64().get(end));
    ASSERT_FALSE(s["text"].get_string().get(text));
    const std::string& body = article == "a01" ? kFloodA1 : kFloodA2;
    EXPECT_EQ(body.substr(start, end - start), text);
  }
  for (const char* key : {"timeline", "agreements", "disagreements", "near_duplicates", "unique_by_outlet"}) {
    simdjson::dom::array arr;
    EXPECT_FALSE(e[key].get_array().get(arr)) << key;
  }
}

// The summary opens with the lead: a short side sentence that holds the
// story's rarest words does not displace the sentence that tells what
// happened (the texts are ours).
TEST(Stories, SummaryOpensWithTheLead) {
  // Among other stories' articles (the floods, the election), the quake's
  // later sentences share words with them that its lead does not, so by
  // centrality alone a side sentence would come first.
  const std::string quake =
      "A magnitude 6.8 quake struck Varenna on Wednesday, killing at least 12 and wrecking a bridge. "
      "Emergency crews set up shelters in schools for families from hundreds of damaged homes. "
      "Rescue crews used boats to reach families in the low town, the mayor said. "
      "More than 2,000 people spent the night in emergency shelters.";
  std::vector<std::string> lines = Corpus();
  lines.push_back(Line("q01", "Coast Courier", "2024-05-08", "Quake hits Varenna", quake, {{"Varenna", "eV"}}));
  auto stories = BuildAll(lines);
  const Story* story = StoryWith(stories, "q01");
  ASSERT_NE(story, nullptr);
  ASSERT_EQ(story->articles.size(), 1u);
  simdjson::dom::parser p;
  simdjson::dom::element e;
  ASSERT_EQ(p.parse(story->json).get(e), simdjson::SUCCESS);
  simdjson::dom::array summary;
  ASSERT_FALSE(e["summary"].get_array().get(summary));
  ASSERT_GE(summary.size(), 1u);
  std::string_view first;
  ASSERT_FALSE(summary.at(0)["text"].get_string().get(first));
  EXPECT_EQ(first.substr(0, 30), "A magnitude 6.8 quake struck V") << story->json;
}

// A wire's dateline, split off as a sentence of its own, tells no
// happening: the summary opens with the lead after it.
TEST(Stories, SummaryDoesNotOpenWithAWireDateline) {
  const std::string wire =
      "TESSARY, May 8 (Morvia Wire Service) -\n"
      "A magnitude 6.8 quake struck Varenna on Wednesday, killing at least 12 and wrecking a bridge. "
      "Emergency crews set up shelters in schools for families from hundreds of damaged homes.";
  std::vector<std::string> lines = Corpus();
  lines.push_back(Line("w01", "Morvia Wire Service", "2024-05-08", "Quake hits Varenna", wire, {{"Varenna", "eV"}}));
  auto stories = BuildAll(lines);
  const Story* story = StoryWith(stories, "w01");
  ASSERT_NE(story, nullptr);
  simdjson::dom::parser p;
  simdjson::dom::element e;
  ASSERT_EQ(p.parse(story->json).get(e), simdjson::SUCCESS);
  simdjson::dom::array summary;
  ASSERT_FALSE(e["summary"].get_array().get(summary));
  ASSERT_GE(summary.size(), 1u);
  for (simdjson::dom::element x : summary) {
    std::string_view text;
    ASSERT_FALSE(x["text"].get_string().get(text));
    EXPECT_NE(text.substr(0, 8), "TESSARY,") << story->json;
  }
  std::string_view first;
  ASSERT_FALSE(summary.at(0)["text"].get_string().get(first));
  EXPECT_EQ(first.substr(0, 30), "A magnitude 6.8 quake struck V") << story->json;
}

// The figures of one count, each with the day it was first reported, and
// the trend they follow over the days of publication ("" for none).
std::pair<std::vector<std::pair<std::string, std::string>>, std::string> TollReadings(const Story& story,
                                                                                      std::string_view claim) {
  std::pair<std::vector<std::pair<std::string, std::string>>, std::string> out;
  simdjson::dom::parser p;
  simdjson::dom::element e;
  if (p.parse(story.json).get(e)) return out;
  for (simdjson::dom::element c : e["disagreements"].get_array()) {
    std::string_view name;
    if (c["claim"].get_string().get(name) || name != claim) continue;
    std::string_view trend;
    if (!c["trend"].get_string().get(trend)) out.second = std::string(trend);
    for (simdjson::dom::element r : c["readings"].get_array()) {
      std::string_view v, d;
      if (r["value"].get_string().get(v)) continue;
      if (r["first_reported"].get_string().get(d)) d = "";
      out.first.emplace_back(std::string(v), std::string(d));
    }
  }
  return out;
}

TEST(Stories, ATollThatGrowsDayByDayIsMarkedRising) {
  auto text = [](const char* toll) {
    return std::string("Shelling of the market in Lenhall killed ") + toll +
           " people, officials in Lenhall said. Rescue teams searched the market in Lenhall for survivors.";
  };
  std::vector<std::string> lines = {
      Line("r1", "Outlet One", "2024-05-01", "Shelling hits Lenhall market", text("12"), {{"Lenhall", "eL"}}),
      Line("r2", "Outlet Two", "2024-05-02", "Lenhall market toll rises", text("17"), {{"Lenhall", "eL"}}),
      Line("r3", "Outlet Three", "2024-05-03", "Lenhall market toll rises again", text("21"), {{"Lenhall", "eL"}}),
  };
  auto stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  auto [readings, trend] = TollReadings(stories[0], "people killed");
  EXPECT_EQ(readings, (std::vector<std::pair<std::string, std::string>>{
                          {"12", "2024-05-01"}, {"17", "2024-05-02"}, {"21", "2024-05-03"}}))
      << stories[0].json;
  EXPECT_EQ(trend, "rising");
  // A later report of a lower figure breaks the trend: the outlets disagree.
  lines[2] = Line("r3", "Outlet Three", "2024-05-03", "Lenhall market toll", text("15"), {{"Lenhall", "eL"}});
  stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  std::tie(readings, trend) = TollReadings(stories[0], "people killed");
  EXPECT_EQ(readings.size(), 3u) << stories[0].json;
  EXPECT_EQ(trend, "");
  // Different figures of one day make no trend either.
  lines = {Line("s1", "Outlet One", "2024-05-01", "Shelling hits Lenhall market", text("12"), {{"Lenhall", "eL"}}),
           Line("s2", "Outlet Two", "2024-05-01", "Lenhall market shelled", text("17"), {{"Lenhall", "eL"}})};
  stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  std::tie(readings, trend) = TollReadings(stories[0], "people killed");
  EXPECT_EQ(readings.size(), 2u) << stories[0].json;
  EXPECT_EQ(trend, "");
}

TEST(Stories, ALaterArticleRecallingEarlierFiguresKeepsTheTollRising) {
  auto text = [](const char* toll) {
    return std::string("Shelling of the market in Lenhall killed ") + toll +
           " people, officials in Lenhall said. Rescue teams searched the market in Lenhall for survivors.";
  };
  // The third day's article gives the toll so far and, as its history, the
  // figures of the days before: its newest figure is its highest.
  std::vector<std::string> lines = {
      Line("t1", "Outlet One", "2024-05-01", "Shelling hits Lenhall market", text("12"), {{"Lenhall", "eL"}}),
      Line("t2", "Outlet Two", "2024-05-02", "Lenhall market toll rises", text("17"), {{"Lenhall", "eL"}}),
      Line("t3", "Outlet Three", "2024-05-03", "Lenhall market toll rises again",
           text("21") + " The toll was 12 people killed on the first day and 17 killed on the second.",
           {{"Lenhall", "eL"}}),
  };
  auto stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  auto [readings, trend] = TollReadings(stories[0], "people killed");
  EXPECT_EQ(readings.size(), 3u) << stories[0].json;
  EXPECT_EQ(trend, "rising") << stories[0].json;
  // Two figures on the second day, and the third day's article recalls the
  // lower one: the lowest figures did not fall, the highest rose.
  lines = {
      Line("u1", "Outlet One", "2024-05-02", "Lenhall market toll", text("15"), {{"Lenhall", "eL"}}),
      Line("u2", "Outlet Two", "2024-05-02", "Lenhall market toll disputed", text("19"), {{"Lenhall", "eL"}}),
      Line("u3", "Outlet Three", "2024-05-04", "Lenhall market toll rises again",
           text("23") + " The toll was 15 people killed on the second day.", {{"Lenhall", "eL"}}),
  };
  stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  std::tie(readings, trend) = TollReadings(stories[0], "people killed");
  EXPECT_EQ(readings.size(), 3u) << stories[0].json;
  EXPECT_EQ(trend, "rising") << stories[0].json;
}

// The days a disagreement on `claim` lists in `disputed_on`.
std::vector<std::string> DisputedOn(const Story& story, std::string_view claim) {
  std::vector<std::string> out;
  simdjson::dom::parser p;
  simdjson::dom::element e;
  if (p.parse(story.json).get(e)) return out;
  for (simdjson::dom::element c : e["disagreements"].get_array()) {
    std::string_view name;
    if (c["claim"].get_string().get(name) || name != claim) continue;
    simdjson::dom::array days;
    if (c["disputed_on"].get_array().get(days)) continue;
    for (simdjson::dom::element d : days) out.emplace_back(std::string(d.get_string().value()));
  }
  return out;
}

TEST(Stories, DifferentFiguresOfOneDayWithinARisingTollAreDisputed) {
  auto text = [](const char* toll) {
    return std::string("Shelling of the market in Lenhall killed ") + toll +
           " people, officials in Lenhall said. Rescue teams searched the market in Lenhall for survivors.";
  };
  std::vector<std::string> lines = {
      Line("p1", "Outlet One", "2024-05-01", "Shelling hits Lenhall market", text("12"), {{"Lenhall", "eL"}}),
      Line("p2", "Outlet Two", "2024-05-02", "Lenhall market toll rises", text("17"), {{"Lenhall", "eL"}}),
      Line("p3", "Outlet Three", "2024-05-02", "Lenhall market toll disputed", text("21"), {{"Lenhall", "eL"}}),
      Line("p4", "Outlet Four", "2024-05-03", "Lenhall market toll rises again", text("25"), {{"Lenhall", "eL"}}),
  };
  auto stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(TollReadings(stories[0], "people killed").second, "rising") << stories[0].json;
  EXPECT_EQ(DisputedOn(stories[0], "people killed"), std::vector<std::string>{"2024-05-02"}) << stories[0].json;
  // One figure a day: an update and nothing disputed.
  lines.erase(lines.begin() + 2);
  stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(TollReadings(stories[0], "people killed").second, "rising") << stories[0].json;
  EXPECT_TRUE(DisputedOn(stories[0], "people killed").empty()) << stories[0].json;
}

TEST(Stories, AnEarlierNearFigureDoesNotBreakARisingToll) {
  auto text = [](const char* toll) {
    return std::string("The earthquake in Lenhall killed ") + toll +
           " people, officials in Lenhall said. Rescue teams searched the ruins of Lenhall for survivors.";
  };
  // "nearly 300" on the second day and 296 on the third: the count went on
  // rising toward the figure the hedge said it was near.
  std::vector<std::string> lines = {
      Line("h1", "Outlet One", "2024-05-01", "Quake hits Lenhall", text("250"), {{"Lenhall", "eL"}}),
      Line("h2", "Outlet Two", "2024-05-02", "Lenhall quake toll rises", text("nearly 300"), {{"Lenhall", "eL"}}),
      Line("h3", "Outlet Three", "2024-05-03", "Lenhall quake toll rises again", text("296"), {{"Lenhall", "eL"}}),
  };
  auto stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  auto [readings, trend] = TollReadings(stories[0], "people killed");
  EXPECT_EQ(readings.size(), 3u) << stories[0].json;
  EXPECT_EQ(trend, "rising");
  // An exact 300 followed by 296 is a fall, and no trend.
  lines[1] = Line("h2", "Outlet Two", "2024-05-02", "Lenhall quake toll rises", text("300"), {{"Lenhall", "eL"}});
  stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  std::tie(readings, trend) = TollReadings(stories[0], "people killed");
  EXPECT_EQ(trend, "") << stories[0].json;
}

TEST(Stories, AFirstDaysTollFarBelowTheLaterOnesStartsTheRisingCount) {
  auto text = [](const char* toll) {
    return std::string("The earthquake in Lenhall killed ") + toll +
           " people, officials in Lenhall said. Rescue teams searched the ruins of Lenhall for survivors.";
  };
  // 40 on the first day and 130 later are more than 1.5 times apart, but
  // one count that grew: all the later figures came out after the first.
  std::vector<std::string> lines = {
      Line("g1", "Outlet One", "2024-05-01", "Quake hits Lenhall", text("40"), {{"Lenhall", "eL"}}),
      Line("g2", "Outlet Two", "2024-05-02", "Lenhall quake toll rises", text("130"), {{"Lenhall", "eL"}}),
      Line("g3", "Outlet Three", "2024-05-03", "Lenhall quake toll rises again", text("150"), {{"Lenhall", "eL"}}),
  };
  auto stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  auto [readings, trend] = TollReadings(stories[0], "people killed");
  EXPECT_EQ(readings, (std::vector<std::pair<std::string, std::string>>{
                          {"40", "2024-05-01"}, {"130", "2024-05-02"}, {"150", "2024-05-03"}}))
      << stories[0].json;
  EXPECT_EQ(trend, "rising");
  // Reported on the same days, the two figures stay two quantities.
  lines[0] = Line("g1", "Outlet One", "2024-05-02", "Quake hits Lenhall", text("40"), {{"Lenhall", "eL"}});
  stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  std::tie(readings, trend) = TollReadings(stories[0], "people killed");
  EXPECT_EQ(readings.size(), 2u) << stories[0].json;
}

TEST(Stories, AFirstDaysTollALaterArticleRecallsStillStartsTheRisingCount) {
  auto text = [](const char* toll) {
    return std::string("The earthquake in Lenhall killed ") + toll +
           " people, officials in Lenhall said. Rescue teams searched the ruins of Lenhall for survivors.";
  };
  // The fourth day's article recalls the first day's 9: that figure is
  // still the first day's, and the count that grew from it one count.
  std::vector<std::string> lines = {
      Line("k1", "Outlet One", "2024-05-01", "Quake hits Lenhall", text("9"), {{"Lenhall", "eL"}}),
      Line("k2", "Outlet Two", "2024-05-02", "Lenhall quake toll rises", text("15"), {{"Lenhall", "eL"}}),
      Line("k3", "Outlet Three", "2024-05-04", "Lenhall quake toll rises again",
           text("21") + " The toll was 9 people killed on the first day.", {{"Lenhall", "eL"}}),
  };
  auto stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  auto [readings, trend] = TollReadings(stories[0], "people killed");
  EXPECT_EQ(readings, (std::vector<std::pair<std::string, std::string>>{
                          {"9", "2024-05-01"}, {"15", "2024-05-02"}, {"21", "2024-05-04"}}))
      << stories[0].json;
  EXPECT_EQ(trend, "rising");
}

// Whether the disagreement on `claim` is marked compatible (-1: no such
// disagreement).
int CompatibleFlag(const Story& story, std::string_view claim) {
  simdjson::dom::parser p;
  simdjson::dom::element e;
  if (p.parse(story.json).get(e)) return -1;
  for (simdjson::dom::element c : e["disagreements"].get_array()) {
    std::string_view name;
    if (c["claim"].get_string().get(name) || name != claim) continue;
    bool flag = false;
    return !c["compatible"].get_bool().get(flag) && flag ? 1 : 0;
  }
  return -1;
}

TEST(Stories, TheTitleComesFromAnArticleNotTranslatedWhenThereIsOne) {
  // The translated article is the most central (it says everything the
  // others do), but its title is still in the original language.
  const std::string body =
      "Officials in Lenhall said the bridge over the river in Lenhall reopened on Monday after repairs.";
  std::string translated =
      Line("t1", "Outlet One", "2024-05-01", "Die Brücke in Lenhall ist wieder offen", body, {{"Lenhall", "eL"}});
  translated.insert(translated.size() - 1, ",\"translated_from\":\"German\"");
  std::vector<std::string> lines = {
      translated,
      Line("t2", "Outlet Two", "2024-05-01", "Lenhall bridge reopens", body + " Traffic resumed.", {{"Lenhall", "eL"}}),
  };
  auto stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  simdjson::dom::parser p;
  simdjson::dom::element e;
  ASSERT_EQ(p.parse(stories[0].json).get(e), simdjson::SUCCESS);
  std::string_view title;
  ASSERT_FALSE(e["title"].get_string().get(title));
  EXPECT_EQ(title, "Lenhall bridge reopens");
}

TEST(Stories, HedgedFiguresThatCanAllBeTrueAreMarkedCompatible) {
  auto text = [](const char* held) {
    return std::string("Officials in Lenhall said ") + held +
           " prisoners were still held in Kessar. Families in Lenhall asked for news of the prisoners.";
  };
  std::vector<std::string> lines = {
      Line("h1", "Outlet One", "2024-05-01", "Lenhall prisoners", text("more than 900"), {{"Lenhall", "eL"}}),
      Line("h2", "Outlet Two", "2024-05-01", "Lenhall prisoners held", text("at least 1,100"), {{"Lenhall", "eL"}}),
  };
  auto stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(CompatibleFlag(stories[0], "prisoners"), 1) << stories[0].json;
  // Two exact figures, or an exact figure below a floor, contradict.
  lines[0] = Line("h1", "Outlet One", "2024-05-01", "Lenhall prisoners", text("900"), {{"Lenhall", "eL"}});
  stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(CompatibleFlag(stories[0], "prisoners"), 0) << stories[0].json;
  lines[1] = Line("h2", "Outlet Two", "2024-05-01", "Lenhall prisoners held", text("1,100"), {{"Lenhall", "eL"}});
  stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(CompatibleFlag(stories[0], "prisoners"), 0) << stories[0].json;
}

TEST(Stories, NumbersAgreeWithDifferentHedgingAndDisagreeOnDifferentFigures) {
  const std::string t1 = "Officials said the army has massed about 100,000 troops near the border. The talks resume in Lenhall on Monday.";
  const std::string t2 = "The army has gathered more than 100,000 soldiers near the border, officials said. Talks resume in Lenhall on Monday.";
  const std::string t3 = "Alliance officials said the army has roughly 130,000 troops near the border. Talks in Lenhall resume on Monday.";
  const std::string t4 = "The pledges reached $310m at the conference in Lenhall. Talks resume on Monday near the border.";
  std::vector<std::string> lines = {
      Line("b1", "Outlet One", "2024-05-01", "Troops massed near the border", t1, {{"Lenhall", "eL"}}),
      Line("b2", "Outlet Two", "2024-05-01", "Troops gather near border", t2, {{"Lenhall", "eL"}}),
      Line("b3", "Outlet Three", "2024-05-01", "Army masses troops at border", t3, {{"Lenhall", "eL"}}),
  };
  StoryBuilder b;
  for (const auto& l : lines) ASSERT_TRUE(b.AddArticle(l).ok());
  auto stories = b.Build({}, "");
  ASSERT_EQ(stories.size(), 1u) << stories.size();
  simdjson::dom::parser p;
  simdjson::dom::element e;
  ASSERT_EQ(p.parse(stories[0].json).get(e), simdjson::SUCCESS);
  simdjson::dom::array dis, agr;
  ASSERT_FALSE(e["disagreements"].get_array().get(dis));
  ASSERT_FALSE(e["agreements"].get_array().get(agr));
  bool found_dis = false, found_agr = false;
  for (simdjson::dom::element c : dis) {
    std::string_view claim;
    ASSERT_FALSE(c["claim"].get_string().get(claim));
    if (claim != "troops") continue;
    found_dis = true;
    std::vector<std::string> values;
    for (simdjson::dom::element v : c["values"].get_array()) values.emplace_back(std::string_view(v.get_string()));
    EXPECT_EQ(values, (std::vector<std::string>{"100,000", "130,000"}));
    EXPECT_EQ(c["articles"].get_array().size(), 3u);
  }
  for (simdjson::dom::element c : agr) {
    std::string_view claim;
    ASSERT_FALSE(c["claim"].get_string().get(claim));
    if (claim != "troops") continue;
    found_agr = true;
    std::vector<std::string> values;
    for (simdjson::dom::element v : c["values"].get_array()) values.emplace_back(std::string_view(v.get_string()));
    EXPECT_EQ(values, (std::vector<std::string>{"about 100,000", "more than 100,000"}));
  }
  EXPECT_TRUE(found_dis) << stories[0].json;
  EXPECT_TRUE(found_agr) << stories[0].json;

  // Money counts nothing in the noun list: no claim.
  std::vector<detail::Word> words;
  detail::Words(t4, 0, static_cast<std::uint32_t>(t4.size()), &words);
  std::vector<detail::NumberClaim> claims;
  detail::ExtractClaims(t4, words, &claims);
  EXPECT_TRUE(claims.empty());
}

// The disagreements of one kind in a story's JSON line: claim, values,
// articles, and each reading's value with its articles.
struct ClaimRow {
  std::string claim;
  std::vector<std::string> values, articles;
  std::vector<std::pair<std::string, std::vector<std::string>>> readings;
};

std::vector<ClaimRow> DisagreementsOfKind(const std::string& json, std::string_view kind) {
  std::vector<ClaimRow> out;
  simdjson::dom::parser p;
  simdjson::dom::element e;
  if (p.parse(json).get(e)) {
    ADD_FAILURE() << "not JSON: " << json;
    return out;
  }
  for (simdjson::dom::element c : e["disagreements"].get_array()) {
    std::string_view k;
    if (c["kind"].get_string().get(k) || k != kind) continue;
    ClaimRow row;
    row.claim = std::string(c["claim"].get_string().value());
    for (std::string_view v : c["values"].get_array()) row.values.emplace_back(v);
    for (std::string_view a : c["articles"].get_array()) row.articles.emplace_back(a);
    for (simdjson::dom::element r : c["readings"].get_array()) {
      std::vector<std::string> by;
      for (std::string_view a : r["articles"].get_array()) by.emplace_back(a);
      row.readings.emplace_back(std::string(r["value"].get_string().value()), std::move(by));
    }
    out.push_back(std::move(row));
  }
  return out;
}

// Two spellings of one name are a disagreement; two letter cases of one
// name, or its British and American spellings, are house style and are not,
// nor is a body named by its country or by its people's adjective.
TEST(Stories, NamesDifferInSpellingButNotInLetterCase) {
  const std::string t1 =
      "Pavel Orlovsky met the Lenhall Trade Council in Lenhall on Monday about grain exports. "
      "The Lenhall Labour Organisation joined. The Lenhall Fisheries Board agreed.";
  const std::string t2 =
      "Pavel Orlovski met the LENHALL Trade Council in Lenhall on Monday to discuss grain exports. "
      "The Lenhall Labor Organization joined. The Lenhalli Fisheries Board agreed.";
  const std::string t3 = "Pavel Orlovsky and the Lenhall Trade Council met in Lenhall on Monday over grain exports.";
  std::vector<std::string> lines = {
      Line("n1", "Outlet One", "2024-05-01", "Grain talks in Lenhall", t1,
           {{"Pavel Orlovsky", "eP"}, {"Lenhall Trade Council", "eC"}, {"Lenhall on", "eL"},
            {"Lenhall Labour Organisation", "eW"}, {"Lenhall Fisheries Board", "eF"}}),
      Line("n2", "Outlet Two", "2024-05-01", "Grain export talks in Lenhall", t2,
           {{"Pavel Orlovski", "eP"}, {"LENHALL Trade Council", "eC"}, {"Lenhall on", "eL"},
            {"Lenhall Labor Organization", "eW"}, {"Lenhalli Fisheries Board", "eF"}}),
      Line("n3", "Outlet Three", "2024-05-01", "Lenhall grain talks", t3,
           {{"Pavel Orlovsky", "eP"}, {"Lenhall Trade Council", "eC"}, {"Lenhall on", "eL"}}),
  };
  StoryBuilder b;
  for (const auto& l : lines) ASSERT_TRUE(b.AddArticle(l).ok());
  auto stories = b.Build({}, "");
  ASSERT_EQ(stories.size(), 1u);
  std::vector<std::string> name_claims;
  for (const ClaimRow& row : DisagreementsOfKind(stories[0].json, "name")) name_claims.push_back(row.claim);
  EXPECT_EQ(name_claims, std::vector<std::string>{"name of Pavel Orlovsky"}) << stories[0].json;
}

// A person's name with a middle initial, a possessive, a title, a short
// given name ("Joe" for "Joseph") or the Arabic article written by one
// outlet and not by another is the same name; a spelling of the surname of
// its own is not.
TEST(Stories, APersonsNameDiffersOnlyInItsOwnWords) {
  const std::string t1 = "Joseph R. Kessar met Bashir al-Varnell in Lenhall on Monday about grain exports.";
  const std::string t2 = "Joe Kessar met Bashir Varnell in Lenhall on Monday to discuss grain exports.";
  const std::string t3 = "President Joseph Kessar's talks with Bashir Varnel in Lenhall on Monday were on grain exports.";
  std::vector<std::string> lines = {
      Line("p1", "Outlet One", "2024-05-01", "Grain talks in Lenhall", t1,
           {{"Joseph R. Kessar", "eK", "", "PERSON"}, {"Bashir al-Varnell", "eV", "", "PERSON"}, {"Lenhall on", "eL"}}),
      Line("p2", "Outlet Two", "2024-05-01", "Grain export talks in Lenhall", t2,
           {{"Joe Kessar", "eK", "", "PERSON"}, {"Bashir Varnell", "eV", "", "PERSON"}, {"Lenhall on", "eL"}}),
      Line("p3", "Outlet Three", "2024-05-01", "Lenhall grain talks", t3,
           {{"President Joseph Kessar's", "eK", "", "PERSON"}, {"Bashir Varnel", "eV", "", "PERSON"}, {"Lenhall on", "eL"}}),
  };
  StoryBuilder b;
  for (const auto& l : lines) ASSERT_TRUE(b.AddArticle(l).ok());
  auto stories = b.Build({}, "");
  ASSERT_EQ(stories.size(), 1u);
  std::vector<std::string> name_claims;
  for (const ClaimRow& row : DisagreementsOfKind(stories[0].json, "name")) name_claims.push_back(row.claim);
  ASSERT_EQ(name_claims.size(), 1u) << stories[0].json;
  EXPECT_NE(name_claims[0].find("Varnel"), std::string::npos) << stories[0].json;
}

// The stories read each story's quotes back from quotes.jsonl when they
// write it: lines of other articles between them, an article the builder
// does not know, and a quote whose words look like a key change nothing.
TEST(Stories, QuotesAreReadBackForTheirStoryWhereverTheyAreInTheFile) {
  const std::string t1 = "Odalys Kessar met the Lenhall Trade Council in Lenhall on Monday about grain exports.";
  const std::string t2 = "Odalys Kessar met the Lenhall Trade Council in Lenhall on Monday to discuss grain exports.";
  std::vector<std::string> lines = {
      Line("m1", "Outlet One", "2024-05-01", "Grain talks in Lenhall", t1, {{"Odalys Kessar", "eO"}, {"Lenhall on", "eL"}}),
      Line("m2", "Outlet Two", "2024-05-01", "Grain export talks in Lenhall", t2,
           {{"Odalys Kessar", "eO"}, {"Lenhall on", "eL"}}),
  };
  const std::string path = ::testing::TempDir() + "/stories_quote_lines.jsonl";
  {
    std::ofstream f(path, std::ios::binary);
    f << "{\"id\":\"q0\",\"article\":\"zz\",\"text\":\"not ours\",\"kind\":\"direct\"}\n"
      << "{\"id\":\"q1\",\"article\":\"m1\",\"text\":\"the council will publish the figures\",\"kind\":\"direct\","
         "\"speaker\":{\"name\":\"Odalys Kessar\"},\"same_as\":[\"q2\"]}\n"
      << "{\"id\":\"q9\",\"article\":\"zz\",\"text\":\"a \\\"article\\\":\\\"m2 look-alike\",\"kind\":\"direct\"}\n"
      << "not json at all\n"
      << "{\"id\":\"q2\",\"article\":\"m2\",\"text\":\"the council will publish its figures\",\"kind\":\"direct\","
         "\"speaker\":{\"name\":\"Odalys Kessar\"},\"same_as\":[\"q1\"]}\n";
  }
  StoryBuilder b;
  for (const auto& l : lines) ASSERT_TRUE(b.AddArticle(l).ok());
  auto stories = b.Build({}, path);
  ASSERT_EQ(stories.size(), 1u);
  simdjson::dom::parser p;
  simdjson::dom::element e;
  ASSERT_EQ(p.parse(stories[0].json).get(e), simdjson::SUCCESS);
  std::vector<std::string> values;
  for (simdjson::dom::element c : e["disagreements"].get_array()) {
    std::string_view k;
    if (c["kind"].get_string().get(k) || k != "quote") continue;
    for (simdjson::dom::element v : c["values"].get_array()) values.emplace_back(std::string_view(v.get_string()));
  }
  EXPECT_EQ(values, (std::vector<std::string>{"the council will publish its figures", "the council will publish the figures"}))
      << stories[0].json;
}

// Two outlets' paraphrases of one statement are worded differently as a
// rule; only quoted words differing is a disagreement about the quote.
TEST(Stories, OnlyQuotedWordsCanDisagreeNotParaphrases) {
  const std::string t1 = "Odalys Kessar met the Lenhall Trade Council in Lenhall on Monday about grain exports.";
  const std::string t2 = "Odalys Kessar met the Lenhall Trade Council in Lenhall on Monday to discuss grain exports.";
  std::vector<std::string> lines = {
      Line("m1", "Outlet One", "2024-05-01", "Grain talks in Lenhall", t1, {{"Odalys Kessar", "eO"}, {"Lenhall on", "eL"}}),
      Line("m2", "Outlet Two", "2024-05-01", "Grain export talks in Lenhall", t2,
           {{"Odalys Kessar", "eO"}, {"Lenhall on", "eL"}}),
  };
  auto quote = [](const std::string& id, const std::string& article, const std::string& text, const std::string& kind,
                  const std::string& other) {
    return "{\"id\":\"" + id + "\",\"article\":\"" + article + "\",\"text\":\"" + text + "\",\"kind\":\"" + kind +
           "\",\"speaker\":{\"name\":\"Odalys Kessar\"},\"same_as\":[\"" + other + "\"]}\n";
  };
  const std::string path = ::testing::TempDir() + "/stories_quote_kinds.jsonl";
  auto quote_claims = [&](const std::string& kind) {
    {
      std::ofstream f(path, std::ios::binary);
      f << quote("q1", "m1", "the council would publish the export figures", kind, "q2")
        << quote("q2", "m2", "the export figures would be published by the council", kind, "q1");
    }
    StoryBuilder b;
    for (const auto& l : lines) EXPECT_TRUE(b.AddArticle(l).ok());
    auto stories = b.Build({}, path);
    std::vector<std::string> out;
    if (stories.size() != 1u) {
      ADD_FAILURE() << stories.size() << " stories";
      return out;
    }
    simdjson::dom::parser p;
    simdjson::dom::element e;
    EXPECT_EQ(p.parse(stories[0].json).get(e), simdjson::SUCCESS);
    for (const char* list : {"disagreements", "agreements"}) {
      for (simdjson::dom::element c : e[list].get_array()) {
        std::string_view k;
        if (!c["kind"].get_string().get(k) && k == "quote") out.push_back(list);
      }
    }
    return out;
  };
  EXPECT_EQ(quote_claims("direct"), std::vector<std::string>{"disagreements"});
  EXPECT_EQ(quote_claims("indirect"), std::vector<std::string>{"agreements"});
  // Paraphrases that give one speaker different figures differ, however
  // alike the rest of their words.
  {
    std::ofstream f(path, std::ios::binary);
    f << quote("q1", "m1", "about 1,200 tonnes of grain had been exported", "indirect", "q2")
      << quote("q2", "m2", "more than 1,900 tonnes of grain had been exported", "indirect", "q1");
  }
  {
    StoryBuilder b;
    for (const auto& l : lines) EXPECT_TRUE(b.AddArticle(l).ok());
    auto stories = b.Build({}, path);
    ASSERT_EQ(stories.size(), 1u);
    simdjson::dom::parser p;
    simdjson::dom::element e;
    ASSERT_EQ(p.parse(stories[0].json).get(e), simdjson::SUCCESS);
    std::size_t quote_disagreements = 0, quote_agreements = 0;
    for (simdjson::dom::element c : e["disagreements"].get_array()) {
      std::string_view k;
      if (!c["kind"].get_string().get(k) && k == "quote") ++quote_disagreements;
    }
    for (simdjson::dom::element c : e["agreements"].get_array()) {
      std::string_view k;
      if (!c["kind"].get_string().get(k) && k == "quote") ++quote_agreements;
    }
    EXPECT_EQ(quote_disagreements, 1u);
    EXPECT_EQ(quote_agreements, 0u);
  }
  std::remove(path.c_str());
}

TEST(StoriesTitles, DifferentOfficesDifferMoreDetailDoesNot) {
  EXPECT_TRUE(detail::TitlesDiffer("deputy foreign minister", "foreign minister"));
  EXPECT_TRUE(detail::TitlesDiffer("foreign minister", "defence minister"));
  EXPECT_TRUE(detail::TitlesDiffer("former president", "president"));
  EXPECT_TRUE(detail::TitlesDiffer("president-elect", "president"));
  EXPECT_TRUE(detail::TitlesDiffer("vice-president", "president"));
  EXPECT_FALSE(detail::TitlesDiffer("rebel leader", "leader"));
  EXPECT_FALSE(detail::TitlesDiffer("minister of defence", "defence minister"));
  EXPECT_FALSE(detail::TitlesDiffer("chief negotiator", "deputy foreign minister"));
  EXPECT_FALSE(detail::TitlesDiffer("president", "president"));
  EXPECT_FALSE(detail::TitlesDiffer("secretary of state", "state governor"));
}

// A name with an acronym for words the other form writes out is the same
// name, written short.
TEST(Stories, AnAcronymForPartOfANameIsNoOtherName) {
  const std::string t1 = "The Lenhall Relief Office for Coastal Affairs met in Kessar on Monday about flood shelters.";
  const std::string t2 = "The Lenhall Relief Office for Coastal Affairs met in Kessar on Monday to discuss flood shelters.";
  const std::string t3 = "The LR Office for Coastal Affairs met in Kessar on Monday over flood shelters.";
  std::vector<std::string> lines = {
      Line("u1", "Outlet One", "2024-05-01", "Shelter talks in Kessar", t1,
           {{"Lenhall Relief Office for Coastal Affairs", "eU"}, {"Kessar on", "eK"}}),
      Line("u2", "Outlet Two", "2024-05-01", "Flood shelter talks in Kessar", t2,
           {{"Lenhall Relief Office for Coastal Affairs", "eU"}, {"Kessar on", "eK"}}),
      Line("u3", "Outlet Three", "2024-05-01", "Kessar shelter talks", t3,
           {{"LR Office for Coastal Affairs", "eU"}, {"Kessar on", "eK"}}),
  };
  StoryBuilder b;
  for (const auto& l : lines) ASSERT_TRUE(b.AddArticle(l).ok());
  auto stories = b.Build({}, "");
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_TRUE(DisagreementsOfKind(stories[0].json, "name").empty()) << stories[0].json;
}

// "The KFR" and "Kessar Bureau of Flood Relief": a leading "the" and the
// long form's lower-case words ("of") take no letter of the acronym.
TEST(Stories, AnAcronymWithTheForANameWithOfIsNoOtherName) {
  const std::string t1 = "The Kessar Bureau of Flood Relief opened shelters in Harlow on Monday for the displaced.";
  const std::string t2 = "The Kessar Bureau of Flood Relief opened new shelters in Harlow on Monday for families.";
  const std::string t3 = "The KBFR opened shelters in Harlow on Monday for families left homeless.";
  std::vector<std::string> lines = {
      Line("u1", "Outlet One", "2024-05-01", "Shelters open in Harlow", t1,
           {{"Kessar Bureau of Flood Relief", "eB"}, {"Harlow", "eH"}}),
      Line("u2", "Outlet Two", "2024-05-01", "Harlow shelters open", t2,
           {{"Kessar Bureau of Flood Relief", "eB"}, {"Harlow", "eH"}}),
      Line("u3", "Outlet Three", "2024-05-01", "New shelters in Harlow", t3, {{"The KBFR", "eB"}, {"Harlow", "eH"}}),
  };
  StoryBuilder b;
  for (const auto& l : lines) ASSERT_TRUE(b.AddArticle(l).ok());
  auto stories = b.Build({}, "");
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_TRUE(DisagreementsOfKind(stories[0].json, "name").empty()) << stories[0].json;
}

// One person given two offices by two outlets is a disagreement that
// names both titles and who gave each; a title one outlet only makes more
// specific is not.
TEST(Stories, TitlesThatNameAnotherOfficeDisagree) {
  const std::string t1 = "Deputy Foreign Minister Lenhall Kessar met rebel leader Odalys Varn in Dravenia on Monday about a ceasefire.";
  const std::string t2 = "Foreign Minister Lenhall Kessar met leader Odalys Varn in Dravenia on Monday to discuss a ceasefire.";
  const std::string t3 = "Deputy Foreign Minister Lenhall Kessar and Odalys Varn met in Dravenia on Monday over a ceasefire.";
  std::vector<std::string> lines = {
      Line("t1", "Outlet One", "2024-05-06", "Ceasefire talks in Dravenia", t1,
           {{"Lenhall Kessar", "eK", "deputy foreign minister"}, {"Odalys Varn", "eV", "rebel leader"}}),
      Line("t2", "Outlet Two", "2024-05-06", "Dravenia ceasefire talks", t2,
           {{"Lenhall Kessar", "eK", "foreign minister"}, {"Odalys Varn", "eV", "leader"}}),
      Line("t3", "Outlet Three", "2024-05-06", "Talks on a Dravenia ceasefire", t3,
           {{"Lenhall Kessar", "eK", "deputy foreign minister"}, {"Odalys Varn", "eV"}}),
  };
  StoryBuilder b;
  for (const auto& l : lines) ASSERT_TRUE(b.AddArticle(l).ok());
  auto stories = b.Build({}, "");
  ASSERT_EQ(stories.size(), 1u);
  const auto rows = DisagreementsOfKind(stories[0].json, "title");
  ASSERT_EQ(rows.size(), 1u) << stories[0].json;
  EXPECT_EQ(rows[0].claim, "title of Lenhall Kessar");
  EXPECT_EQ(rows[0].values, (std::vector<std::string>{"deputy foreign minister", "foreign minister"}));
  EXPECT_EQ(rows[0].articles, (std::vector<std::string>{"t1", "t2", "t3"}));
  // Who gave which title.
  using Reading = std::pair<std::string, std::vector<std::string>>;
  EXPECT_EQ(rows[0].readings, (std::vector<Reading>{{"deputy foreign minister", {"t1", "t3"}}, {"foreign minister", {"t2"}}}));
  EXPECT_EQ(CompatibleFlag(stories[0], "title of Lenhall Kessar"), 0);
}

// "former president" in one outlet and "president" in another (recounting
// the years in office) may both be true of one person: the disagreement
// stays, marked compatible.
TEST(Stories, APastOfficeAndTheOfficeAreCompatibleTitles) {
  const std::string t1 = "Former President Lenhall Kessar met Odalys Varn in Dravenia on Monday about a ceasefire.";
  const std::string t2 = "President Lenhall Kessar met Odalys Varn in Dravenia on Monday to discuss a ceasefire.";
  std::vector<std::string> lines = {
      Line("p1", "Outlet One", "2024-05-06", "Ceasefire talks in Dravenia", t1,
           {{"Lenhall Kessar", "eK", "former president"}, {"Odalys Varn", "eV"}}),
      Line("p2", "Outlet Two", "2024-05-06", "Dravenia ceasefire talks", t2,
           {{"Lenhall Kessar", "eK", "president"}, {"Odalys Varn", "eV"}}),
  };
  StoryBuilder b;
  for (const auto& l : lines) ASSERT_TRUE(b.AddArticle(l).ok());
  auto stories = b.Build({}, "");
  ASSERT_EQ(stories.size(), 1u);
  ASSERT_EQ(DisagreementsOfKind(stories[0].json, "title").size(), 1u) << stories[0].json;
  EXPECT_EQ(CompatibleFlag(stories[0], "title of Lenhall Kessar"), 1) << stories[0].json;
  EXPECT_TRUE(detail::TitlesDifferOnlyInTime("ex-president", "president"));
  EXPECT_FALSE(detail::TitlesDifferOnlyInTime("former deputy minister", "minister"));
  EXPECT_FALSE(detail::TitlesDifferOnlyInTime("president", "president"));
}

// One event that two outlets date to different days in their own words
// is a date disagreement; a date taken from a publication date is no
// outlet's claim and does not count.
TEST(Stories, AnEventDatedToDifferentDaysIsADateDisagreement) {
  const std::string t1 = "Lenhall Kessar met Odalys Varn in Dravenia on Monday to discuss a ceasefire along the river.";
  const std::string t2 = "Lenhall Kessar met Odalys Varn in Dravenia on Tuesday to discuss a ceasefire along the river.";
  const std::string t3 = "Lenhall Kessar met Odalys Varn in Dravenia this week to discuss a ceasefire along the river.";
  std::vector<std::string> lines = {
      Line("d1", "Outlet One", "2024-05-08", "Ceasefire talks in Dravenia", t1, {{"Lenhall Kessar", "eK"}, {"Odalys Varn", "eV"}}),
      Line("d2", "Outlet Two", "2024-05-08", "Dravenia ceasefire talks", t2, {{"Lenhall Kessar", "eK"}, {"Odalys Varn", "eV"}}),
      Line("d3", "Outlet Three", "2024-05-08", "Talks on a Dravenia ceasefire", t3, {{"Lenhall Kessar", "eK"}, {"Odalys Varn", "eV"}}),
  };
  std::vector<events::EventRecord> records(3);
  const char* days[] = {"2024-05-06", "2024-05-07", "2024-05-08"};
  const char* from[] = {"text", "text", "published"};
  for (int i = 0; i < 3; ++i) {
    records[i].article = "d" + std::to_string(i + 1);
    records[i].cameo = "040";
    records[i].source = {"eK", "Lenhall Kessar", ""};
    records[i].target = events::ActorRef{"eV", "Odalys Varn", ""};
    records[i].date = days[i];
    records[i].date_from = from[i];
  }
  events::MergedEvent ev;
  ev.id = "vmeeting";
  ev.cameo = "040";
  ev.source = records[0].source;
  ev.target = records[0].target;
  ev.date = records[0].date;
  ev.date_from = "text";
  for (const auto& r : records) ev.mentions.push_back(&r);
  StoryBuilder b;
  for (const auto& l : lines) ASSERT_TRUE(b.AddArticle(l).ok());
  auto stories = b.Build({ev}, "");
  ASSERT_EQ(stories.size(), 1u);
  const auto rows = DisagreementsOfKind(stories[0].json, "date");
  ASSERT_EQ(rows.size(), 1u) << stories[0].json;
  EXPECT_NE(rows[0].claim.find("Lenhall Kessar, Odalys Varn"), std::string::npos) << rows[0].claim;
  EXPECT_EQ(rows[0].values, (std::vector<std::string>{"2024-05-06", "2024-05-07"}));
  EXPECT_EQ(rows[0].articles, (std::vector<std::string>{"d1", "d2"}));
}

// Line() with the time expressions `times` ({text, value}) found in text.
std::string LineWithTimes(const std::string& id, const std::string& published, const std::string& text,
                          const std::vector<std::pair<std::string, std::string>>& times) {
  std::string outlet = "Outlet ";
  outlet += id;
  std::string line = Line(id, outlet, published, "Court case in Lenhall", text, {{"Odalys Varn", "eV"}});
  std::string t = ",\"times\":[";
  for (std::size_t i = 0; i < times.size(); ++i) {
    const std::size_t at = text.find(times[i].first);
    if (i > 0) t += ',';
    t += "{\"start\":";
    t += std::to_string(at);
    t += ",\"end\":";
    t += std::to_string(at + times[i].first.size());
    t += ",\"text\":\"";
    t += times[i].first;
    t += "\",\"type\":\"DATE\",\"value\":\"";
    t += times[i].second;
    t += "\"}";
  }
  t += "]";
  line.insert(line.size() - 1, t);
  return line;
}

TEST(Stories, AFigureOfASentenceDatedYearsBeforeIsNoPartOfTheToll) {
  auto text = [](const char* toll) {
    return std::string("Floods in Lenhall killed ") + toll +
           " people, officials in Lenhall said. Rescue teams searched Lenhall for Odalys Varn and others.";
  };
  const std::string recall = text("21") + " A flood on 3 March 2017 killed 25 people in Lenhall.";
  std::vector<std::string> lines = {
      LineWithTimes("y1", "2024-05-01", text("12"), std::vector<std::pair<std::string, std::string>>{}),
      LineWithTimes("y2", "2024-05-02", text("17"), std::vector<std::pair<std::string, std::string>>{}),
      LineWithTimes("y3", "2024-05-03", recall, {{"3 March 2017", "2017-03-03"}}),
  };
  auto stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  auto [readings, trend] = TollReadings(stories[0], "people killed");
  EXPECT_EQ(readings, (std::vector<std::pair<std::string, std::string>>{
                          {"12", "2024-05-01"}, {"17", "2024-05-02"}, {"21", "2024-05-03"}}))
      << stories[0].json;
  EXPECT_EQ(trend, "rising");
  // Dated a few days before, the sentence reports this happening's toll.
  lines[2] = LineWithTimes("y3", "2024-05-03", text("21") + " The flood on 1 May 2024 killed 25 people in Lenhall.",
                           {{"1 May 2024", "2024-05-01"}});
  stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  std::tie(readings, trend) = TollReadings(stories[0], "people killed");
  EXPECT_EQ(readings.size(), 4u) << stories[0].json;
  // A count since a day years ago is this story's own running total.
  lines[2] = LineWithTimes("y3", "2024-05-03", text("21") + " Since March 2017 the floods have killed 250 people in Lenhall.",
                           {{"March 2017", "2017-03"}});
  stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  std::tie(readings, trend) = TollReadings(stories[0], "people killed");
  EXPECT_EQ(readings.size(), 4u) << stories[0].json;
}

TEST(Stories, AScheduledHappeningSetOnDifferentDaysIsADateDisagreement) {
  const std::string t1 = "The Lenhall court is due to give its verdict in the case of Odalys Varn on 20 May, her lawyer said.";
  const std::string t2 = "A decision in the Lenhall court case of Odalys Varn is expected on 21 May, her lawyer said.";
  // A day already past is an event's date, not a day set ahead.
  const std::string t3 = "The Lenhall court heard the case of Odalys Varn on 7 May and will rule later, her lawyer said.";
  std::vector<std::string> lines = {
      LineWithTimes("d1", "2024-05-08", t1, {{"20 May", "2024-05-20"}}),
      LineWithTimes("d2", "2024-05-08", t2, {{"21 May", "2024-05-21"}}),
      LineWithTimes("d3", "2024-05-08", t3, {{"7 May", "2024-05-07"}}),
  };
  auto stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  const auto rows = DisagreementsOfKind(stories[0].json, "date");
  ASSERT_EQ(rows.size(), 1u) << stories[0].json;
  EXPECT_EQ(rows[0].claim, "date of ruling");
  EXPECT_EQ(rows[0].values, (std::vector<std::string>{"2024-05-20", "2024-05-21"}));
  EXPECT_EQ(rows[0].articles, (std::vector<std::string>{"d1", "d2"}));
  // The same day from both is no disagreement.
  std::string same = t2.substr(0, t2.find("21 May"));
  same += "20 May, her lawyer said.";
  lines[1] = LineWithTimes("d2", "2024-05-08", same, {{"20 May", "2024-05-20"}});
  stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_TRUE(DisagreementsOfKind(stories[0].json, "date").empty()) << stories[0].json;
}

// The number claims ExtractClaims finds in one sentence.
std::vector<detail::NumberClaim> ClaimsOf(const std::string& s) {
  std::vector<detail::Word> words;
  detail::Words(s, 0, static_cast<std::uint32_t>(s.size()), &words);
  std::vector<detail::NumberClaim> out;
  detail::ExtractClaims(s, words, &out);
  return out;
}

TEST(Stories, ClaimsCompareUnlistedPluralsButNotUnitsOfTime) {
  // "ferries" is in no list: the word itself is what the number counts.
  auto c = ClaimsOf("About 40 river ferries stopped running on Monday.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "ferries");
  EXPECT_EQ(c[0].value, 40);
  // Officers of the police, however written, are one claim.
  EXPECT_EQ(ClaimsOf("More than 300 Serbian police officers left their posts.")[0].key, "police officers");
  // Days and kilometres are measures, not things outlets count.
  EXPECT_TRUE(ClaimsOf("Talks resumed three days after the last round.").empty());
  EXPECT_TRUE(ClaimsOf("The quake struck at a depth of 40 kilometres.").empty());
  // Nor when the unit stands before the number.
  EXPECT_TRUE(ClaimsOf("In recent weeks the count rose to 19.").empty());
  // A capitalised word after a number is a name, not what it counts.
  EXPECT_TRUE(ClaimsOf("The vote went 4 Varnells to 3.").empty());
}

TEST(Stories, PluralsInMenAreCountedLikeThoseInS) {
  // "fishermen" is in no list and has no "-s": its own word is still what the number counts.
  auto c = ClaimsOf("Lorvani demanded the release of 14 Dravenian fishermen held since Sunday.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "fishermen");
  EXPECT_EQ(c[0].value, 14);
  EXPECT_EQ(c[0].qualifier, "dravenian");
  // What happened to them makes them people counted by it, as for plurals in "-s".
  c = ClaimsOf("The twelve fishermen detained on Sunday remain in Kessar.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people detained");
  EXPECT_EQ(c[0].value, 12);
  c = ClaimsOf("Police said six gunmen were killed in the raid.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people killed");
}

TEST(Stories, OthersAreCountedByWhatHappenedToThem) {
  // "killing one sailor and injuring three others": the injured are a toll outlets compare.
  auto injured = [](const std::string& s) {
    std::vector<double> v;
    for (const auto& c : ClaimsOf(s))
      if (c.key == "people injured") v.push_back(c.value);
    return v;
  };
  EXPECT_EQ(injured("The Kessar ship rammed the cutter, killing one sailor and injuring three others."),
            (std::vector<double>{3}));
  EXPECT_EQ(injured("A guard died and the blast in Lorvani wounded four others, police said."),
            (std::vector<double>{4}));
  // Others counted for no stated reason are nobody outlets compare.
  EXPECT_TRUE(ClaimsOf("Varnell and three others signed the letter.").empty());
}

TEST(Stories, AShipsCrewIsOneClaimHoweverCountedAndItsReleasedPartAnother) {
  // "a crew of 31", "17 crew members", "three dozen seafarers" count one
  // crew.
  auto c = ClaimsOf("The Lenhall Star and its crew of 31 were taken to Kessar port.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "crew");
  EXPECT_EQ(c[0].value, 31);
  c = ClaimsOf("The trawler had 17 crew members on board when the storm hit.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "crew");
  c = ClaimsOf("Roughly three dozen seafarers remain on the ship.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "crew");
  EXPECT_EQ(c[0].value, 36);
  // Those freed are a part of the crew, compared apart from the whole.
  c = ClaimsOf("Morvia freed six seamen from the Lenhall Star on Wednesday.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "crew released");
  EXPECT_EQ(c[0].value, 6);
}

TEST(Stories, ClaimsFindSpelledNumbersAndTheNounBefore) {
  auto c = ClaimsOf("Twenty-five senior officials were placed under sanctions.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 25);
  EXPECT_EQ(c[0].key, "officials");
  EXPECT_EQ(c[0].number, "Twenty-five");
  c = ClaimsOf("The death toll has risen to 52, officials said.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people killed");
  EXPECT_EQ(c[0].value, 52);
  c = ClaimsOf("The storm killed at least 48 people in the capital in 2023.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people killed");
  EXPECT_EQ(c[0].text, "at least 48");
  EXPECT_EQ(c[0].hedge, "floor");
  c = ClaimsOf("Turnout reached 61% by noon and 3 million votes were counted.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "votes");
  EXPECT_EQ(c[0].value, 3e6);
}

TEST(Stories, APartOfAGroupNamedAfterOfCountsNoNounBeforeIt) {
  // "all but three of the 14 people detained": three counts no police
  // officers; the whole, 14, is still the claim it is.
  auto c = ClaimsOf("Lenhall police said on Friday that all but three of the 14 people detained had been released.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people detained");
  EXPECT_EQ(c[0].value, 14);
  EXPECT_TRUE(ClaimsOf("Kessar police said two of them were later released.").empty());
}

TEST(Stories, CrowdsThatDemonstratedOrRalliedAreProtesting) {
  // One outlet's "protested" and another's "demonstrated" count one crowd.
  auto p = ClaimsOf("Nearly 200 people protested in the main square of Lenhall.");
  auto d = ClaimsOf("More than 400 people demonstrated near the Lenhall town hall.");
  auto r = ClaimsOf("About 250 people rallied in Lenhall on Monday.");
  ASSERT_EQ(p.size(), 1u);
  ASSERT_EQ(d.size(), 1u);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(d[0].key, p[0].key);
  EXPECT_EQ(r[0].key, p[0].key);
}

TEST(Stories, ACrowdsEstimatedSizeIsItsOwnClaim) {
  // Police and organisers estimate one crowd; protesters counted one by
  // one ("12 protesters detained") are another figure.
  auto police = ClaimsOf("Lenhall police estimated the crowd at around 8,000.");
  auto organisers = ClaimsOf("Organisers from the Kessar Bloc put the crowd at more than 20,000.");
  auto of = ClaimsOf("A crowd of 5,000 gathered in Varnell.");
  ASSERT_EQ(police.size(), 1u);
  ASSERT_EQ(organisers.size(), 1u);
  ASSERT_EQ(of.size(), 1u);
  EXPECT_EQ(police[0].key, "crowd");
  EXPECT_EQ(police[0].value, 8000);
  EXPECT_EQ(organisers[0].key, "crowd");
  EXPECT_EQ(organisers[0].text, "more than 20,000");
  EXPECT_EQ(of[0].key, "crowd");
  auto detained = ClaimsOf("Riot police detained 12 protesters in Lenhall.");
  ASSERT_EQ(detained.size(), 1u);
  EXPECT_NE(detained[0].key, "crowd");
}

TEST(Stories, APercentageOfARateIsComparedByTheRate) {
  // "tariffs ... to 25 percent" and "a 30% tariff" are one rate; a share
  // price that fell 4 percent is a change, and money is no rate.
  auto c = ClaimsOf("Tessary raised tariffs on Morvian steel to 25 percent on Tuesday.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "tariff rate");
  EXPECT_EQ(c[0].value, 25);
  EXPECT_EQ(c[0].number, "25 percent");
  c = ClaimsOf("Morvia protested against a 30% tariff on its steel.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "tariff rate");
  EXPECT_EQ(c[0].number, "30%");
  EXPECT_TRUE(ClaimsOf("Shares in Tamberlo Freight fell 4 percent.").empty());
  EXPECT_TRUE(ClaimsOf("The tariff raised $40 million.").empty());
}

TEST(Stories, ASharePercentOfANamedWholeIsAClaim) {
  auto c = ClaimsOf("Tobias Lenhall won 52.6 percent of the vote, the board said.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "percent of the vote");
  EXPECT_DOUBLE_EQ(c[0].value, 52.6);
  EXPECT_EQ(c[0].number, "52.6 percent");
  // The sign, a plural whole and a hedge.
  c = ClaimsOf("Lenhall took about 52.7% of the votes on Sunday.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "percent of the vote");
  EXPECT_EQ(c[0].number, "52.7%");
  EXPECT_EQ(c[0].text, "about 52.7%");
  EXPECT_FALSE(c[0].hedge.empty());
  // British "per cent" is one percentage too.
  c = ClaimsOf("Lenhall took 52.7 per cent of the votes on Sunday.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].number, "52.7 per cent");
  // A percentage of no named whole, and money, are no claims.
  EXPECT_TRUE(ClaimsOf("Prices rose 4.5 percent in March.").empty());
  EXPECT_TRUE(ClaimsOf("The bank lent $40 million of its reserves.").empty());
}

// Figures of one noun for different owners are different quantities:
// "four Dravenian diplomats" expelled by one side and "five Lorvani
// diplomats" expelled by the other are no disagreement; with one owner
// named, a figure that names none is still compared with it.
TEST(Stories, NumbersOfDifferentOwnersAreComparedApart) {
  EXPECT_EQ(ClaimsOf("Lenhall expelled four Russian diplomats on Monday.")[0].qualifier, "RUS");
  EXPECT_EQ(ClaimsOf("About 40 UN monitors arrived.")[0].qualifier, "un");
  EXPECT_EQ(ClaimsOf("Lenhall expelled four diplomats on Monday.")[0].qualifier, "");
  auto build = [](const std::vector<std::string>& texts) {
    std::vector<std::string> lines;
    for (std::size_t k = 0; k < texts.size(); ++k) {
      std::string id = "q", outlet = "Outlet ";
      id += std::to_string(k);
      outlet += std::to_string(k);
      lines.push_back(Line(id, outlet, "2024-05-01",
                           "Diplomats expelled in Lenhall row", texts[k], {{"Lenhall", "eL"}}));
    }
    StoryBuilder b;
    for (const auto& l : lines) EXPECT_TRUE(b.AddArticle(l).ok());
    auto stories = b.Build({}, "");
    EXPECT_EQ(stories.size(), 1u);
    return stories.empty() ? std::string() : stories[0].json;
  };
  const std::string apart = build({
      "Lenhall expelled four Russian diplomats on Monday over the spying row in Lenhall.",
      "Moscow answered the Lenhall spying row by expelling five British diplomats on Tuesday.",
  });
  EXPECT_EQ(apart.find("\"claim\":\"diplomats"), std::string::npos) << apart;
  const std::string one_owner = build({
      "Lenhall expelled four Russian diplomats on Monday over the spying row in Lenhall.",
      "Lenhall expelled five diplomats on Monday over the spying row in Lenhall.",
  });
  EXPECT_NE(one_owner.find("\"claim\":\"diplomats\""), std::string::npos) << one_owner;
}

TEST(Stories, ASmallNumberReferringBackIsNoClaim) {
  EXPECT_TRUE(ClaimsOf("The two countries signed the deal after the three ministers met.").empty());
  // A figure stays a figure, with or without "the".
  auto c = ClaimsOf("Two soldiers were killed and the 3,000 prisoners were moved.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].value, 2);
  EXPECT_EQ(c[1].value, 3000);
}

TEST(Stories, APossessiveSmallNumberReferringBackIsNoClaim) {
  EXPECT_TRUE(ClaimsOf("Our two nations will trade more, and their three ministers agreed.").empty());
}

TEST(Stories, AMagnitudeOrAFractionIsNoCount) {
  // The magnitude is a grade on a scale; only the 41 counts the dead.
  auto c = ClaimsOf("The death toll from the magnitude 7.1 earthquake rose to 41.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people killed");
  EXPECT_EQ(c[0].value, 41);
  EXPECT_TRUE(ClaimsOf("A category 4 storm reached the coast of Dravenia.").empty());
  EXPECT_TRUE(ClaimsOf("Officials said 2.5 people were killed on average.").empty());
  // A scale makes a fraction whole.
  c = ClaimsOf("About 1.2 million people were displaced by the floods.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 1.2e6);
}

TEST(Stories, KillingAndBodiesCountTheDead) {
  auto c = ClaimsOf("A quake struck Lorvani province, killing 41 people.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people killed");
  c = ClaimsOf("Rescuers have recovered 20 bodies so far.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people killed");
  // A group of people named by what happened to them is the toll too.
  c = ClaimsOf("At least 12 miners were killed in the collapse.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people killed");
  c = ClaimsOf("The blast tore through the depot, killing 9 porters.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people killed");
  EXPECT_EQ(ClaimsOf("About 40 river ferries stopped running.")[0].key, "ferries");
}

TEST(Stories, TheNounBeforeWinsOverAPluralInTheNextClause) {
  auto c = ClaimsOf(
      "The death toll from a gas explosion at a warehouse near Kessar in the Odalys region has risen to 15 after "
      "rescuers recovered three more bodies, officials said.");
  ASSERT_EQ(c.size(), 1u);  // "three more" is an increase, no total
  EXPECT_EQ(c[0].key, "people killed");
  EXPECT_EQ(c[0].value, 15);
}

TEST(Stories, ASecondFigureOfOneCountInALaterClauseIsNoTotal) {
  // The nine bodies are what the total of 21 grew by.
  auto c = ClaimsOf("The toll from the collapse near Harlow rose to 21 on Monday after divers recovered nine bodies.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people killed");
  EXPECT_EQ(c[0].value, 21);
  // Figures of other counts in that clause stay.
  c = ClaimsOf("The toll in Kessar rose to 21 after the storm destroyed 300 homes.");
  ASSERT_EQ(c.size(), 2u);
  // With no clause between, the two figures are two reports.
  c = ClaimsOf("Police said 21 people were killed and officials said 25 people were killed.");
  EXPECT_EQ(c.size(), 2u);
}

TEST(Stories, TheTwoSidesOfAVoteAreTwoClaims) {
  auto keys = [](const std::string& s) {
    std::vector<std::pair<std::string, double>> out;
    for (const auto& c : ClaimsOf(s)) out.emplace_back(c.key, c.value);
    return out;
  };
  using K = std::vector<std::pair<std::string, double>>;
  const K want = {{"votes in favour", 52}, {"votes against", 38}};
  EXPECT_EQ(keys("The budget passed, with 52 lawmakers voting in favour and 38 against."), want);
  EXPECT_EQ(keys("Lenhall lawmakers voted 52 to 38 on Thursday to approve the budget."), want);
  EXPECT_EQ(keys("The bill passed with 52 votes in favour and 38 against."), want);
  EXPECT_EQ(keys("The assembly voted 52-38 for the bill."), want);
  // Outside a vote, a number keeps its noun.
  EXPECT_EQ(keys("Dravenia sent 300 troops against the rebels."), (K{{"troops", 300}}));
}

TEST(Stories, AContextWordRightAfterTheNumberIsItsOwn) {
  // The second figure borrows "people" from the first but says itself what
  // happened to them.
  auto c = ClaimsOf("Officials in Kessar said 1,100 people were injured and about 35,000 displaced.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].key, "people injured");
  EXPECT_EQ(c[1].key, "people displaced");
  EXPECT_EQ(c[1].value, 35000);
  // A translation's "deceased" counts the dead.
  c = ClaimsOf("The number of deceased in Odalys ascended to 212 persons.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people killed");
  EXPECT_EQ(c[0].value, 212);
}

TEST(Stories, AContextWordPastALinkingVerbIsTheBorrowedNumbersOwn) {
  // The missing are not the dead the sentence names first.
  auto c = ClaimsOf("At least 14 people died and 30 were missing after a boat sank off Harlow.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].key, "people killed");
  EXPECT_EQ(c[1].key, "people missing");
  EXPECT_EQ(c[1].value, 30);
  c = ClaimsOf("Eight people were killed in Kessar and 25 are still missing.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1].key, "people missing");
  // A context word in the next clause is not the number's.
  c = ClaimsOf("Six people were killed and 40 remained after rescuers were injured.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1].key, "people killed");
}

TEST(Stories, PeopleCountedForNoStatedReasonAreNotCompared) {
  EXPECT_TRUE(ClaimsOf("The convoy carried food for 10,000 people.").empty());
  EXPECT_TRUE(ClaimsOf("The appeal seeks funds to support 15,000 people for six months.").empty());
  auto c = ClaimsOf("About 12,000 people were forced from their homes.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people displaced");
  c = ClaimsOf("Some 3,000 people are without a home tonight.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "people displaced");
}

TEST(Stories, NearDuplicatesAreMarkedAndNotIndependent) {
  auto lines = Corpus();
  // The same wire copy under another outlet and headline.
  lines.push_back(Line("a05", "Coast Herald", "2024-03-04", "Kelmarsh under water", kFloodA1,
                       {{"Kelmarsh", "eK"}, {"Adwen", "eA"}}));
  auto stories = BuildAll(lines);
  const Story* flood = StoryWith(stories, "a05");
  ASSERT_NE(flood, nullptr);
  EXPECT_EQ(StoryWith(stories, "a01"), flood);
  simdjson::dom::parser p;
  simdjson::dom::element e;
  ASSERT_EQ(p.parse(flood->json).get(e), simdjson::SUCCESS);
  simdjson::dom::array nd;
  ASSERT_FALSE(e["near_duplicates"].get_array().get(nd));
  ASSERT_EQ(nd.size(), 1u) << flood->json;
  EXPECT_EQ(std::string_view(nd.at(0)["article"].get_string()), "a05");
  EXPECT_EQ(std::string_view(nd.at(0)["of"].get_string()), "a01");
  EXPECT_EQ(std::uint64_t(e["independent_outlets"].get_uint64()), 2u);
  EXPECT_EQ(e["outlets"].get_array().size(), 3u);
}

TEST(Stories, ACopyAndItsOriginalAgreeOnNothingAlone) {
  auto text = [](const char* toll) {
    return std::string("Shelling of the market in Lenhall killed ") + toll +
           " people, officials in Lenhall said on Tuesday. Rescue teams searched the market in Lenhall for "
           "survivors through the night. Traders said the stalls near the river gate were hit first. The "
           "council of Lenhall closed the market and the roads around it until further notice.";
  };
  // The wire's report and the same copy under another outlet's headline:
  // its figure is the wire's, no second outlet's account.
  std::vector<std::string> lines = {
      Line("w1", "Outlet One", "2024-05-01", "Shelling hits Lenhall market", text("12"), {{"Lenhall", "eL"}}),
      Line("w2", "Outlet Two", "2024-05-01", "Lenhall market shelled, twelve dead", text("12"), {{"Lenhall", "eL"}}),
      Line("w3", "Outlet Three", "2024-05-02", "Lenhall market toll rises",
           "The number of people killed by the shelling of the Lenhall market rose to 17, the council said.",
           {{"Lenhall", "eL"}}),
  };
  auto stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  simdjson::dom::parser p;
  simdjson::dom::element e;
  ASSERT_EQ(p.parse(stories[0].json).get(e), simdjson::SUCCESS);
  simdjson::dom::array nd;
  ASSERT_FALSE(e["near_duplicates"].get_array().get(nd));
  ASSERT_EQ(nd.size(), 1u) << stories[0].json;
  EXPECT_EQ(e["agreements"].get_array().size(), 0u) << stories[0].json;
  // A third outlet giving the figure too makes an agreement.
  lines.push_back(Line("w4", "Outlet Four", "2024-05-01", "Twelve killed in Lenhall",
                       "Twelve people were killed when shells hit the market of Lenhall, officials said.",
                       {{"Lenhall", "eL"}}));
  stories = BuildAll(lines);
  ASSERT_EQ(stories.size(), 1u);
  ASSERT_EQ(p.parse(stories[0].json).get(e), simdjson::SUCCESS);
  EXPECT_EQ(e["agreements"].get_array().size(), 1u) << stories[0].json;
}

TEST(Stories, SimHashIsCloseForSmallEditsAndFarForOtherTexts) {
  std::string edited = kFloodA1;
  edited.replace(edited.find("Sunday"), 6, "Monday");  // a correction in re-published copy
  std::uint64_t a = SimHash(kFloodA1), b = SimHash(edited), c = SimHash(kElection);
  // One word in sixty changes three shingles: a few bits; another text about half of them.
  EXPECT_LE(__builtin_popcountll(a ^ b), 12);
  EXPECT_GE(__builtin_popcountll(a ^ c), 20);
  NearDuplicates nd;
  EXPECT_EQ(nd.Add(a), -1);
  EXPECT_EQ(nd.Add(c), -1);
  EXPECT_EQ(nd.Add(a), 0);
}

TEST(Stories, AShortCopyUnderANewLeadIsANearDuplicate) {
  const std::string body =
      " The two ministers discussed grain exports, a joint survey of the coastal forests and a proposed ferry line "
      "between Kessar and the port of Odalys. \"We have waited a long time for this road across the water,\" Lenhall "
      "told reporters after the meeting. Varn said Dravenia welcomed investment from Lorvani firms in its fishing "
      "fleet and hoped to double trade between the two within five years. Lenhall is due to travel on to the northern "
      "capital on Thursday, where he will open a trade fair.";
  const std::string original =
      "Lorvani Foreign Minister Ansel Lenhall held talks with Dravenian Foreign Minister Mira Varn in Kessar on "
      "Tuesday, the first stop of a week-long tour of the region." + body;
  // The wire copy: a new first sentence, the rest word for word.
  const std::string copy =
      "Lorvania and Dravenia want a ferry line between their largest ports, their foreign ministers said after "
      "meeting in the Dravenian capital on Tuesday." + body;
  // Another outlet's report of the same talks, sharing the quotation.
  const std::string other =
      "Mira Varn received her Lorvani counterpart in Kessar on Tuesday for talks on grain and fishing. \"We have "
      "waited a long time for this road across the water,\" Lenhall told reporters after the meeting. Officials "
      "from both sides said a ferry line could open next year, though no money has yet been set aside for it. Varn "
      "will travel to the south of the country later this month.";
  std::string one_figure = original;
  one_figure.replace(one_figure.find("five years"), 4, "ten");
  // The SimHashes alone are too far apart for a copy of so short a text.
  EXPECT_GT(__builtin_popcountll(SimHash(original) ^ SimHash(copy)), 3);
  NearDuplicates nd;
  EXPECT_EQ(nd.Add(SimHash(original), ShingleSketch(original)), -1);
  EXPECT_EQ(nd.Add(SimHash(other), ShingleSketch(other)), -1);
  EXPECT_EQ(nd.Add(SimHash(copy), ShingleSketch(copy)), 0);
  EXPECT_EQ(nd.Add(SimHash(one_figure), ShingleSketch(one_figure)), 0);
  // Without sketches, only the SimHash is compared.
  NearDuplicates plain;
  EXPECT_EQ(plain.Add(SimHash(original)), -1);
  EXPECT_EQ(plain.Add(SimHash(copy)), -1);
}

TEST(Stories, DayNumbers) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("2022-01-12") - DayNumber("2022-01-10"), 2);
  EXPECT_EQ(DayNumber("2022-03-01") - DayNumber("2022-02-28"), 1);
  EXPECT_EQ(DayNumber("2022-01"), DayNumber("2022-01-01"));
  EXPECT_EQ(DayNumber("2022-W01"), DayNumber("2022-01-03"));  // its Monday
  EXPECT_EQ(DayNumber("soon"), kNoDay);
}

TEST(Stories, ClustererRetrievesThroughItsIndex) {
  Clusterer c;
  SparseVector x = {{1, 0.6f}, {2, 0.8f}};
  SparseVector y = {{1, 0.6f}, {2, 0.8f}};
  SparseVector z = {{7, 1.0f}};
  EXPECT_EQ(c.Add(x, 100), 0u);
  EXPECT_EQ(c.Add(y, 101), 0u);
  EXPECT_EQ(c.Add(z, 101), 1u);
  EXPECT_EQ(c.Add(y, 200), 2u);  // the same words, months later
  EXPECT_EQ(c.story_count(), 3u);
  EXPECT_NEAR(c.Similarity(0, x), 1.0, 1e-6);
}

// The same words every five days for three months: without a limit on a
// story's span each report joins the last, as it is a few days from it;
// with max_span_days 31 no story spans more than a month, nor do similar
// stories merge across it.
TEST(Stories, AStoryDoesNotGrowForMonthsByShortSteps) {
  ClusterOptions opt;
  opt.max_span_days = 31;
  Clusterer capped(opt), open(ClusterOptions{});
  const SparseVector x = {{1, 0.6f}, {2, 0.8f}};
  std::map<std::uint32_t, std::pair<std::int32_t, std::int32_t>> spans;
  for (std::int32_t day = 100; day <= 190; day += 5) {
    EXPECT_EQ(open.Add(x, day), 0u);
    const std::uint32_t s = capped.Add(x, day);
    auto [it, fresh] = spans.try_emplace(s, day, day);
    it->second.second = day;
  }
  EXPECT_GE(capped.story_count(), 3u);
  for (const auto& [s, span] : spans) EXPECT_LE(span.second - span.first, 31) << "story " << s;
  const std::vector<std::uint32_t> merged = capped.MergeSimilar();
  for (std::uint32_t s = 0; s < merged.size(); ++s) {
    EXPECT_LE(spans[s].second - spans[merged[s]].first, 31) << "story " << s << " merged into " << merged[s];
  }
}

}  // namespace
}  // namespace sitrep::stories

namespace sitrep::stories {
namespace {

TEST(Stories, DigestCountsEachEntitysNameMentions) {
  const std::string t = "Orlovsky spoke in Lenhall. Orlovsky left. Orlovsky returned.";
  detail::Digest d;
  auto r = detail::DigestLine(Line("a10", "Post", "2012-07-07", "Title", t,
                                   {{"Orlovsky", "eP"}, {"Lenhall", "eL"}, {"Orlovsky", "eP"}, {"Orlovsky", "eP"}}),
                              5, &d);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(*r);
  EXPECT_EQ(d.entities, (std::vector<std::string>{"eL", "eP"}));
  EXPECT_EQ(d.entity_mentions, (std::vector<std::uint16_t>{1, 3}));
  // The counts survive the spill to disk.
  std::string bytes;
  detail::EncodeDigest(d, &bytes);
  detail::Digest back;
  ASSERT_TRUE(detail::DecodeDigest(bytes, &back));
  EXPECT_EQ(back.entities, d.entities);
  EXPECT_EQ(back.entity_mentions, d.entity_mentions);
}

TEST(Stories, DigestKeepsNumbersAndTheDaysAndMonthsItsDatesName) {
  detail::Digest d;
  auto r = detail::DigestLine(Line("a09", "Post", "2012-07-07", "Title", "The fight drew 1,200 fans and 1200 more watched."),
                              5, &d);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(*r);
  // "1,200" and "1200" are one number.
  EXPECT_EQ(d.numbers, std::vector<std::uint32_t>{detail::FeatureHash('n', "1200")});
  EXPECT_EQ(d.dates, (std::vector<std::string>{"2012-07", "2012-07-07"}));
  EXPECT_EQ(d.years, std::vector<std::string>{"2012"});
}

// An undated article's "October 5" stays unresolved, yet it names the same
// day as another article's "5 October" or "October 5, 2031": each keeps the
// yearless month and day, so that the two meet on it.
TEST(Stories, DigestKeepsTheMonthAndDayOfDatesWithAndWithoutAYear) {
  std::string line = Line("a11", "Post", "", "Title", "The Odalys council votes on October 5 in Lenhall.");
  line.pop_back();  // the closing brace: the times go in before it
  line +=
      ",\"times\":[{\"text\":\"October 5\",\"type\":\"DATE\",\"value\":null},"
      "{\"text\":\"15 Dec.\",\"type\":\"DATE\",\"value\":null},"
      "{\"text\":\"May 2, 2031\",\"type\":\"DATE\",\"value\":\"2031-05-02\"},"
      "{\"text\":\"Tuesday\",\"type\":\"DATE\",\"value\":null},"
      "{\"text\":\"May\",\"type\":\"DATE\",\"value\":null},"
      "{\"text\":\"June 2030\",\"type\":\"DATE\",\"value\":\"2030-06\"}]}";
  detail::Digest d;
  auto r = detail::DigestLine(line, 5, &d);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(*r);
  // A weekday, a month alone and a month with a year name no day of the year.
  EXPECT_EQ(d.dates, (std::vector<std::string>{"--05-02", "--10-05", "--12-15", "2030-06", "2031-05", "2031-05-02"}));
  EXPECT_EQ(d.years, (std::vector<std::string>{"2030", "2031"}));
}

// A title a mention gives an entity ("mayor-elect", "mayor") is kept with
// the entity: the same person under two titles is two times of their life.
TEST(Stories, DigestKeepsEachEntityWithTheTitlesItsMentionsGive) {
  const std::string t = "Mayor-elect Odalys Kessar visited Lenhall. Kessar spoke. Mayor Kessar left.";
  std::string line = Line("a12", "Post", "2031-05-02", "Title", t,
                          {{"Odalys Kessar", "eK"}, {"Lenhall", "eL"}, {"Kessar", "eK"}, {"Mayor Kessar", "eK"}});
  // Titles for the first and the last of Kessar's mentions.
  auto give = [&](const std::string& name, const std::string& role) {
    const std::string key = "\"text\":\"" + name + "\",\"type\":\"LOC\",\"entity\":\"eK\"";
    const std::size_t at = line.find(key);
    ASSERT_NE(at, std::string::npos);
    line.insert(at + key.size(), ",\"role\":\"" + role + "\"");
  };
  give("Odalys Kessar", "mayor-elect");
  give("Mayor Kessar", "mayor");
  detail::Digest d;
  auto r = detail::DigestLine(line, 5, &d);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(*r);
  std::vector<std::uint32_t> want = {detail::FeatureHash('r', "eK\tmayor-elect"), detail::FeatureHash('r', "eK\tmayor")};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(d.roles, want);
  std::string bytes;
  detail::EncodeDigest(d, &bytes);
  detail::Digest back;
  ASSERT_TRUE(detail::DecodeDigest(bytes, &back));
  EXPECT_EQ(back.roles, d.roles);
}

TEST(Stories, PrivateFeatureCountsInTheNormButLinksNothing) {
  for (const char* key : {"a", "b", "kelmarsh"}) EXPECT_FALSE(IsPrivateFeature(detail::FeatureHash('t', key)));
  Clusterer c;
  const std::uint32_t mine = 5u | kPrivateFeatureBit;
  SparseVector x = {{1, 0.6f}, {2, 0.8f}};
  // Half of y's weight is shared with x, the rest is its own: 0.25 + 0.75 = 1.
  SparseVector y = {{1, 0.3f}, {2, 0.4f}, {mine, std::sqrt(0.75f)}};
  EXPECT_EQ(c.Add(x, kNoDay), 0u);
  EXPECT_NEAR(c.Similarity(0, y), 0.5, 1e-6);
  c.AddTo(0, y, kNoDay);
  // Centroid {1: 0.9, 2: 1.2} and the private 0.75: norm sqrt(0.81 + 1.44 + 0.75) = sqrt(3).
  EXPECT_NEAR(c.Similarity(0, x), 1.5 / std::sqrt(3.0), 1e-6);
  // A private feature is never looked up: the same one again opens a story.
  EXPECT_EQ(c.Add({{mine, 1.0f}}, kNoDay), 1u);
}

TEST(Stories, SplitCutsAStoryOfTwoGroupsByTheirSilhouette) {
  // Three articles on {1, 9}, three on {3, 9}: sharing the topic word 9.
  std::vector<SparseVector> f;
  for (int i = 0; i < 3; ++i) f.push_back({{1, 0.8f}, {9, 0.6f}});
  for (int i = 0; i < 3; ++i) f.push_back({{3, 0.8f}, {9, 0.6f}});
  const std::vector<std::uint32_t> one(6, 0);
  ClusterOptions o;
  o.split_threshold = 0;
  // Each article: cosine 1 to the rest of its half, 0.36 to the other half,
  // silhouette (1 - 0.36) / 1 = 0.64.
  o.split_silhouette = 0.6;
  auto split = SplitIncoherent(f, one, o);
  EXPECT_EQ(split[0], split[1]);
  EXPECT_EQ(split[0], split[2]);
  EXPECT_EQ(split[3], split[4]);
  EXPECT_EQ(split[3], split[5]);
  EXPECT_NE(split[0], split[3]);
  o.split_silhouette = 0.7;
  EXPECT_EQ(SplitIncoherent(f, one, o), one);
}

// Story 0 ran three happenings of one kind together (words 1, 3 and 5,
// with the kind's word 9); story 1 holds a happening of another kind (word
// 20) and one happening told two ways (word 30, with 31 or 32). The first
// cut of each story is clear enough; a part is cut again only when it
// parts as clearly as two happenings do.
TEST(Stories, SplitCutsAPartAgainOnlyWhenItPartsClearly) {
  std::vector<SparseVector> f;
  std::vector<std::uint32_t> online, gold;
  for (std::uint32_t word : {1u, 3u, 5u})
    for (int i = 0; i < 3; ++i) f.push_back(Unit({{word, 0.8f}, {9, 0.6f}})), online.push_back(0), gold.push_back(word);
  for (int i = 0; i < 3; ++i) f.push_back(Unit({{20, 1}})), online.push_back(1), gold.push_back(20);
  for (std::uint32_t word : {31u, 32u})
    for (int i = 0; i < 3; ++i) f.push_back(Unit({{30, 0.8f}, {word, 0.6f}})), online.push_back(1), gold.push_back(30);
  ClusterOptions o;
  o.split_threshold = 0;
  o.split_silhouette = 0.3;
  o.split_rounds = 3;
  o.split_silhouette_again = 0.55;
  EXPECT_TRUE(SamePartition(SplitIncoherent(f, online, o), gold));
  // One cut per story: two of the three happenings stay together.
  o.split_rounds = 1;
  auto once = SplitIncoherent(f, online, o);
  EXPECT_FALSE(SamePartition(once, gold));
  EXPECT_EQ((std::set<std::uint32_t>{once[0], once[3], once[6]}).size(), 2u);
  EXPECT_EQ(once[12], once[15]);
  EXPECT_NE(once[9], once[12]);
  // With the first cut's bar for every cut, the happening told two ways
  // is cut in two as well.
  o.split_rounds = 3;
  o.split_silhouette_again = 0;
  auto every = SplitIncoherent(f, online, o);
  EXPECT_NE(every[12], every[15]);
  EXPECT_EQ(every[12], every[13]);
  EXPECT_EQ((std::set<std::uint32_t>{every[0], every[3], every[6], every[9]}).size(), 4u);
}

// An articles.jsonl line whose time expressions resolve to `dates`, as
// the time stage resolves weekdays against the publication date.
std::string LineWithTimes(const std::string& id, const std::string& published, const std::string& text,
                          const std::vector<std::string>& dates) {
  std::string outlet = "Outlet ";
  outlet += id;
  std::string line = Line(id, outlet, published, text.substr(0, 40), text);
  line.pop_back();  // the closing brace
  line.append(",\"times\":[");
  for (std::size_t k = 0; k < dates.size(); ++k) {
    if (k > 0) line.push_back(',');
    line.append("{\"text\":\"on Monday\",\"value\":\"");
    line.append(dates[k]);
    line.append("\"}");
  }
  line.append("]}");
  return line;
}

// Ten years of news, pairs of unrelated reports two days apart a few times
// each year, every report naming a weekday resolved to its own year: the year
// of publication links no reports (it would, weighted by how few of the
// corpus's reports name it, join a whole year's unrelated reports).
TEST(Stories, ThePublicationYearJoinsNoReports) {
  const std::vector<std::string> topics = {"harbour cranes dockers strike wages port", "orchestra symphony concert violin premiere",
                                           "wildfire hillside firefighters evacuation smoke", "vaccine clinic nurses doses campaign"};
  StoryBuilder b;
  std::vector<std::pair<std::string, int>> topic_of;
  for (int year = 2011; year <= 2020; ++year) {
    for (int month = 1; month <= 7; month += 3) {
      for (int t = 0; t < 2; ++t) {
        // Two days apart, across a month's end: only the year is shared.
        char date[16];
        std::snprintf(date, sizeof date, t == 0 ? "%d-%02d-30" : "%d-%02d-01", year, t == 0 ? month : month + 1);
        const int topic = (year + month + t * 2) % 4;
        const std::string id = "y" + std::to_string(year) + "m" + std::to_string(month) + "t" + std::to_string(t);
        const std::string text = "The " + topics[topic] + ". Then " + topics[topic] + ".";
        ASSERT_TRUE(b.AddArticle(LineWithTimes(id, date, text, {date})).ok());
        topic_of.emplace_back(id, topic);
      }
    }
  }
  auto stories = b.Build({}, "");
  std::map<std::string, std::size_t> story_of;
  for (std::size_t k = 0; k < stories.size(); ++k) {
    simdjson::dom::parser p;
    simdjson::dom::element e;
    ASSERT_EQ(p.parse(stories[k].json).get(e), simdjson::SUCCESS);
    for (std::string_view a : e["articles"].get_array()) story_of[std::string(a)] = k;
  }
  // The two reports of a pair are of different topics: never one story.
  for (std::size_t k = 0; k + 1 < topic_of.size(); k += 2)
    EXPECT_NE(story_of[topic_of[k].first], story_of[topic_of[k + 1].first]) << topic_of[k].first;
}

// Nine articles in one story: a report on another matter (word 20) and
// two happenings of one kind (word 30, with 31 or 32), three each; *gold
// labels each article by its word. With the split settings both split
// tests start from.
struct TwoKindsAndAnother {
  std::vector<SparseVector> f;
  std::vector<std::uint32_t> gold;
  std::vector<std::uint32_t> one;
  ClusterOptions o;
  TwoKindsAndAnother() {
    for (int i = 0; i < 3; ++i) f.push_back(Unit({{20, 1}})), gold.push_back(20);
    for (std::uint32_t word : {31u, 32u})
      for (int i = 0; i < 3; ++i) f.push_back(Unit({{30, 0.8f}, {word, 0.6f}})), gold.push_back(word);
    one.assign(f.size(), 0);
    o.split_threshold = 0;
    o.split_silhouette = 0.3;
    o.split_rounds = 3;
    o.split_silhouette_again = 0.7;
  }
};

// Story 0 holds a happening of another kind (word 20) and two happenings
// of one kind (word 30, with 31 or 32) that part less clearly than the
// bar for a second cut. Halves whose articles name years apart (the Odalys
// vote of 2031, the Kessar vote of 2034) are cut all the same; a year both
// name, or a half with one article naming years, leaves the part whole.
TEST(Stories, SplitCutsAPartAgainWhenItsHalvesNameYearsApart) {
  TwoKindsAndAnother c;
  auto& f = c.f;
  const auto& gold = c.gold;
  const auto& one = c.one;
  ClusterOptions& o = c.o;
  o.year_conflict = true;
  std::vector<SplitEvidence> ev(f.size());
  ev[3].years = {2031};
  ev[4].years = {2031, 2027};
  ev[6].years = {2034};
  ev[7].years = {2034, 2033};
  EXPECT_TRUE(SamePartition(SplitIncoherent(f, one, o, &ev), gold));
  // Without the years, or with the year conflict off, the first cut only.
  const auto first_only = SplitIncoherent(f, one, o);
  EXPECT_FALSE(SamePartition(first_only, gold));
  EXPECT_EQ(first_only[3], first_only[6]);
  EXPECT_NE(first_only[0], first_only[3]);
  o.year_conflict = false;
  EXPECT_TRUE(SamePartition(SplitIncoherent(f, one, o, &ev), first_only));
  o.year_conflict = true;
  // A year both halves name (an earlier vote each recalls) keeps it whole.
  ev[7].years = {2034, 2027};
  EXPECT_TRUE(SamePartition(SplitIncoherent(f, one, o, &ev), first_only));
  // One article naming years in a half is too little to go on.
  ev[7].years = {};
  EXPECT_TRUE(SamePartition(SplitIncoherent(f, one, o, &ev), first_only));
}

// A story the online pass ran together from a report on another matter
// (word 20 alone) and two happenings of one kind (word 30, with 31 or 32).
// The first cut parts halves that share nothing (silhouette 1), so its
// parts are stories of their own, each cut at the first cut's bar. When
// the other matter shares the kind's word (a first cut of 0.6 or so), the
// part is held to the bar for a second cut.
TEST(Stories, SplitJudgesThePartsOfACutOfUnrelatedStoriesAsStories) {
  TwoKindsAndAnother c;
  auto& f = c.f;
  const auto& gold = c.gold;
  const auto& one = c.one;
  ClusterOptions& o = c.o;
  o.split_unrelated = 0.9;
  EXPECT_TRUE(SamePartition(SplitIncoherent(f, one, o), gold));
  o.split_unrelated = 0;
  const auto first_only = SplitIncoherent(f, one, o);
  EXPECT_EQ((std::set<std::uint32_t>(first_only.begin(), first_only.end())).size(), 2u);
  EXPECT_EQ(first_only[3], first_only[6]);
  // The other matter shares the kind's word: the first cut is no longer
  // one of unrelated stories.
  o.split_unrelated = 0.9;
  for (int i = 0; i < 3; ++i) f[i] = Unit({{20, 0.8f}, {30, 0.6f}});
  const auto related = SplitIncoherent(f, one, o);
  EXPECT_EQ((std::set<std::uint32_t>(related.begin(), related.end())).size(), 2u);
  EXPECT_EQ(related[3], related[6]);
  EXPECT_NE(related[0], related[3]);
}

// Two groups of articles that the silhouette would cut, told with the day
// they report and whom they are about: the same day (or the next, past
// midnight) in half or more of each group's articles and one of the few
// entities each names most (about as often as its first) shared keep them
// one happening; other days, or other people, let the cut stand.
TEST(Stories, SplitHoldsBackACutWhoseHalvesReportTheSameDayOfTheSameOne) {
  std::vector<SparseVector> f;
  for (int i = 0; i < 3; ++i) f.push_back({{1, 0.8f}, {9, 0.6f}});
  for (int i = 0; i < 3; ++i) f.push_back({{3, 0.8f}, {9, 0.6f}});
  const std::vector<std::uint32_t> one(6, 0);
  ClusterOptions o;
  o.split_threshold = 0;
  o.split_silhouette = 0.6;
  auto day = [](int month, int d) { return static_cast<std::uint16_t>(month * 32 + d); };
  // Odalys Kessar (entity 7) checks into a clinic late on 14 March and
  // moves to another early on 15 March; the clinics (entities 8 and 9) are
  // named less. One article of each group names no day.
  std::vector<SplitEvidence> ev(6);
  for (int i = 0; i < 6; ++i) ev[i].entities = {{7, 3}, {i < 3 ? 8u : 9u, 2}};
  ev[0].days = {day(3, 14)};
  ev[1].days = {day(3, 14), day(2, 2)};
  ev[3].days = ev[4].days = {day(3, 15)};
  EXPECT_EQ(SplitIncoherent(f, one, o, &ev), one);
  // Across the turn of the year, 31 December and 1 January.
  ev[0].days = ev[1].days = {day(12, 31)};
  ev[3].days = ev[4].days = {day(1, 1)};
  EXPECT_EQ(SplitIncoherent(f, one, o, &ev), one);
  // Two check-ins a week apart are two happenings: cut.
  ev[0].days = ev[1].days = {day(3, 14)};
  ev[3].days = ev[4].days = {day(3, 21)};
  auto split = SplitIncoherent(f, one, o, &ev);
  EXPECT_EQ(split[0], split[2]);
  EXPECT_EQ(split[3], split[5]);
  EXPECT_NE(split[0], split[3]);
  // The same day, but the second group is about someone else (Lenhall,
  // entity 6, mentioned more than Kessar there): two happenings, cut.
  ev[3].days = ev[4].days = {day(3, 14)};
  for (int i = 3; i < 6; ++i) ev[i].entities = {{6, 5}, {7, 1}};
  EXPECT_NE(SplitIncoherent(f, one, o, &ev), one);
  // The same day, one half naming an official (entity 5) most and the
  // place (entity 8) next, the other naming the place most: one happening.
  for (int i = 0; i < 3; ++i) ev[i].entities = {{5, 4}, {8, 3}};
  for (int i = 3; i < 6; ++i) ev[i].entities = {{8, 4}, {9, 2}};
  EXPECT_EQ(SplitIncoherent(f, one, o, &ev), one);
  for (int i = 0; i < 3; ++i) ev[i].entities = {{7, 3}, {8, 2}};
  // About Kessar again, but a day that fewer than half of a group's
  // articles name does not hold it.
  for (int i = 3; i < 6; ++i) ev[i].entities = {{7, 3}};
  EXPECT_EQ(SplitIncoherent(f, one, o, &ev), one);
  ev[1].days.clear();
  EXPECT_NE(SplitIncoherent(f, one, o, &ev), one);
  // Without evidence, the silhouette alone decides.
  EXPECT_NE(SplitIncoherent(f, one, o), one);
}

TEST(Stories, NamedDaysAreTheMonthAndDayOfDaysNotOfMonths) {
  EXPECT_EQ(detail::NamedDays({"--10-05", "2030-06", "2031-05-02", "2031-05", "--05-02"}),
            (std::vector<std::uint16_t>{5 * 32 + 2, 10 * 32 + 5}));
}

TEST(Stories, RefineReassignsBeforeItSplits) {
  // Three articles of one happening (words 10-14) and three of another of
  // its kind (20-24), sharing the kind's words 1-4; each has a word of its
  // own (100+). The online pass put the first two of one happening in a
  // story and the third with the other happening.
  const std::vector<SparseVector> f = {
      Unit({{1, 1}, {4, 2}, {10, 2}, {12, 1}, {100, 1}}),
      Unit({{1, 1}, {2, 1}, {4, 1}, {10, 2}, {14, 1}, {101, 1}}),
      Unit({{2, 2}, {3, 1}, {10, 1}, {11, 1}, {12, 1}, {102, 1}}),
      Unit({{1, 2}, {4, 1}, {20, 1}, {22, 1}, {24, 1}, {103, 1}}),
      Unit({{1, 1}, {2, 1}, {4, 1}, {20, 1}, {21, 1}, {22, 1}, {104, 1}}),
      Unit({{2, 2}, {3, 1}, {20, 1}, {24, 2}, {105, 1}}),
  };
  const std::vector<std::uint32_t> online = {1, 1, 0, 0, 0, 0};
  const std::vector<std::int32_t> days(f.size(), kNoDay);
  ClusterOptions o;
  o.threshold = 0.05;
  o.split_threshold = 0;
  o.split_silhouette = 0.27;
  const std::vector<std::uint32_t> gold = {0, 0, 0, 1, 1, 1};
  EXPECT_TRUE(SamePartition(Refine(f, days, std::vector<std::int64_t>(f.size(), -1), online, o), gold));
  // Split first, the stray article is cut off with one of the others'
  // and the reassignment leaves the pair where it is.
  EXPECT_FALSE(SamePartition(Reassign(f, days, SplitIncoherent(f, online, o), o), gold));
  // A near duplicate stays with its original, whatever fits it best.
  std::vector<std::int64_t> follows(f.size(), -1);
  follows[3] = 0;
  const auto with_copy = Refine(f, days, follows, online, o);
  EXPECT_EQ(with_copy[3], with_copy[0]);
  EXPECT_EQ(with_copy[1], with_copy[0]);
  EXPECT_NE(with_copy[4], with_copy[0]);
}

// A story dated from day 0 to day 30 and an article of day 45 alone in
// another: the reassignment moves it only when it is strongly like the
// story, since the story would then span more than 31 days (a report of
// the same happening weeks later), not when it is only a little like it
// (the next report of a campaign). Time is left out of the similarity.
TEST(Stories, ReassignStretchesAStorysSpanOnlyForAStronglySimilarArticle) {
  auto article = [](float x) { return SparseVector{{1, x}, {2, std::sqrt(1 - x * x)}}; };
  const std::vector<std::int32_t> days = {0, 15, 30, 45};
  const std::vector<std::uint32_t> online = {0, 0, 0, 1};
  ClusterOptions o;
  o.threshold = 0.05;
  o.time_grace_days = 100;
  o.max_gap_days = 200;
  o.max_span_days = 31;
  o.span_stretch_similarity = 0.25;
  std::vector<SparseVector> f = {{{1, 1.f}}, {{1, 1.f}}, {{1, 1.f}}, article(0.2f)};
  EXPECT_EQ(Reassign(f, days, online, o, 2)[3], 1u);
  f[3] = article(0.6f);
  EXPECT_EQ(Reassign(f, days, online, o, 2)[3], 0u);
  // Within the span, or with the setting off, the words decide.
  f[3] = article(0.2f);
  EXPECT_EQ(Reassign(f, {0, 15, 30, 31}, online, o, 2)[3], 0u);
  o.span_stretch_similarity = 0;
  EXPECT_EQ(Reassign(f, days, online, o, 2)[3], 0u);
}

// Two articles each of which fits the span of a story dated from day 0 to
// day 28 (one of day 31, one of day -3), but not both: the story's dates
// widen as the first moves in, so the second stays out.
TEST(Stories, ReassignWidensAStorysDatesAsEachArticleMovesIn) {
  const SparseVector weak = {{1, 0.2f}, {2, std::sqrt(1 - 0.04f)}};
  const std::vector<SparseVector> f = {{{1, 1.f}}, {{1, 1.f}}, {{1, 1.f}}, weak, {{1, 0.2f}, {3, std::sqrt(1 - 0.04f)}}};
  const std::vector<std::int32_t> days = {0, 14, 28, 31, -3};
  const std::vector<std::uint32_t> online = {0, 0, 0, 1, 2};
  ClusterOptions o;
  o.threshold = 0.05;
  o.time_grace_days = 100;
  o.max_gap_days = 200;
  o.max_span_days = 31;
  o.span_stretch_similarity = 0.25;
  const auto story = Reassign(f, days, online, o, 2);
  EXPECT_EQ(story[3], 0u);
  EXPECT_EQ(story[4], 2u);
}

// Two stories of one kind of happening: a dam breaks at Kessar in 2031
// (word 1) and another at Odalys in 2034 (word 3), both telling the kind
// (word 9). An article the online pass left alone tells of the 2034 break
// in words a little closer to the Kessar story. Named years keep it out
// of a story whose articles name only another year; an article naming no
// year, or a year the story names too, is judged on its words alone.
TEST(Stories, ReassignKeepsAnArticleOutOfAStoryOfOtherYears) {
  std::vector<SparseVector> f = {
      {{1, 0.8f}, {9, 0.6f}}, {{1, 0.8f}, {9, 0.6f}},  // Kessar, 2031
      {{3, 0.8f}, {9, 0.6f}}, {{3, 0.8f}, {9, 0.6f}},  // Odalys, 2034
      {{1, 0.6f}, {3, 0.48f}, {9, 0.64f}},             // 2034 (and 2029, before both)
  };
  const std::vector<std::uint32_t> online = {0, 0, 1, 1, 2};
  const std::vector<std::int32_t> days(f.size(), kNoDay);
  std::vector<SplitEvidence> ev(f.size());
  ev[0].years = ev[1].years = {2031};
  ev[2].years = {2034};
  ev[3].years = {2034, 2033};
  ev[4].years = {2034, 2029};
  ClusterOptions o;
  o.threshold = 0.05;
  o.year_conflict = true;
  EXPECT_EQ(Reassign(f, days, online, o, 2, &ev)[4], 1u);
  // Off, or without evidence, the words decide.
  EXPECT_EQ(Reassign(f, days, online, o, 2)[4], 0u);
  o.year_conflict = false;
  EXPECT_EQ(Reassign(f, days, online, o, 2, &ev)[4], 0u);
  o.year_conflict = true;
  // Naming no year, or 2031 as well, it joins the closer story.
  ev[4].years = {};
  EXPECT_EQ(Reassign(f, days, online, o, 2, &ev)[4], 0u);
  ev[4].years = {2034, 2031};
  EXPECT_EQ(Reassign(f, days, online, o, 2, &ev)[4], 0u);
  // Published within the grace days of the Kessar story's reports (the
  // turn of a year), time lets it join; a month later it does not.
  ev[4].years = {2034};
  std::vector<std::int32_t> dated = {100, 101, 100, 101, 102};
  o.time_grace_days = 3;
  o.time_decay_days = 1000;
  o.max_gap_days = 1000;
  EXPECT_EQ(Reassign(f, dated, online, o, 2, &ev)[4], 0u);
  dated = {100, 101, 130, 131, 131};
  EXPECT_EQ(Reassign(f, dated, online, o, 2, &ev)[4], 1u);
  // A story none of whose articles name a year takes it in.
  ev[0].years = {};
  ev[1].years = {};
  EXPECT_EQ(Reassign(f, days, online, o, 2, &ev)[4], 0u);
}

// Five reports of one happening in Lorvani (words 1 and 2, each with a
// word of its own), three later ones the online pass gathered apart (its
// words with two of their own, 50 and 51), and three on a happening of
// another kind that names the town once (word 1 at a third of the weight,
// with words 60 and 61).
TEST(Stories, AbsorbSmallJoinsAGroupTooSmallToCutToTheStoryItIsClose) {
  std::vector<SparseVector> f;
  std::vector<std::uint32_t> online;
  for (std::uint32_t i = 0; i < 5; ++i) f.push_back(Unit({{1, 1}, {2, 1}, {10 + i, 1}})), online.push_back(0);
  for (int i = 0; i < 3; ++i) f.push_back(Unit({{1, 1}, {2, 1}, {50, 1}, {51, 1}})), online.push_back(1);
  for (int i = 0; i < 3; ++i) f.push_back(Unit({{1, 0.3f}, {60, 1}, {61, 1}})), online.push_back(2);
  std::vector<std::int32_t> days(f.size(), 100);
  ClusterOptions o;
  o.split_silhouette = 0.25;
  o.absorb_threshold = 0.35;
  // The later reports' centroid: cosine 10 / (2 x sqrt(55)) = 0.67 to the
  // five's; the other kind's: 1.5 / (1.04 x sqrt(55)) = 0.19.
  const std::vector<std::uint32_t> gold = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
  EXPECT_TRUE(SamePartition(AbsorbSmall(f, days, online, o), gold));
  // Refine ends with it; each later report is nearer the other two than
  // the five's story, so the reassignment alone leaves the group apart.
  EXPECT_TRUE(SamePartition(Refine(f, days, std::vector<std::int64_t>(f.size(), -1), online, o), gold));
  o.absorb_threshold = 0;
  EXPECT_TRUE(SamePartition(Refine(f, days, std::vector<std::int64_t>(f.size(), -1), online, o), online));
  // Two months on (beyond max_gap_days), the group is a story of its own.
  o.absorb_threshold = 0.35;
  for (int i = 5; i < 8; ++i) days[i] = 160;
  EXPECT_TRUE(SamePartition(AbsorbSmall(f, days, online, o), online));
  // Nor does it join a story too small to cut itself (three and two).
  days.assign(f.size(), 100);
  std::vector<std::uint32_t> smaller = online;
  smaller[3] = smaller[4] = 3;
  EXPECT_EQ(AbsorbSmall(f, days, smaller, o)[5], 1u);
}

// Six reports of one happening in Lorvani (words 1 and 2, each with a
// word of its own) and four later ones the online pass gathered apart
// (words 50 and 51 besides): a group of four moves with absorb_articles 4,
// not 3. With the years each names, a group whose years are apart from
// the story's (Kessar's 2031 report, the group's 2034) stays apart.
TEST(Stories, AbsorbSmallMovesGroupsUpToAbsorbArticlesUnlessTheirYearsAreApart) {
  std::vector<SparseVector> f;
  std::vector<std::uint32_t> online;
  for (std::uint32_t i = 0; i < 6; ++i) f.push_back(Unit({{1, 1}, {2, 1}, {10 + i, 1}})), online.push_back(0);
  for (int i = 0; i < 4; ++i) f.push_back(Unit({{1, 1}, {2, 1}, {50, 1}, {51, 1}})), online.push_back(1);
  const std::vector<std::int32_t> days(f.size(), 100);
  const std::vector<std::uint32_t> whole(f.size(), 0);
  ClusterOptions o;
  o.absorb_threshold = 0.35;
  o.absorb_articles = 3;
  EXPECT_TRUE(SamePartition(AbsorbSmall(f, days, online, o), online));
  o.absorb_articles = 4;
  EXPECT_TRUE(SamePartition(AbsorbSmall(f, days, online, o), whole));
  // Refine with the years: the six name 2031, the four 2034.
  o.split_silhouette = 0.25;
  o.year_conflict = true;
  const std::vector<std::int64_t> none(f.size(), -1);
  std::vector<SplitEvidence> ev(f.size());
  for (int i = 0; i < 6; ++i) ev[static_cast<std::size_t>(i)].years = {2031};
  EXPECT_TRUE(SamePartition(Refine(f, days, none, online, o, 0, &ev), whole));
  for (std::size_t i = 6; i < 10; ++i) ev[i].years = {2034};
  EXPECT_TRUE(SamePartition(Refine(f, days, none, online, o, 0, &ev), online));
  // Off, the words decide.
  o.year_conflict = false;
  EXPECT_TRUE(SamePartition(Refine(f, days, none, online, o, 0, &ev), whole));
}

// The corpus of the early-finish tests: the floods and the election again
// and again, 100 days apart (each time a new happening of its kind, with
// its own place), with a near duplicate each time. (A copy of an article
// whose story is out already is judged on its own, so identical texts
// seasons apart would differ between the paths.)
std::vector<std::string> SeasonsCorpus() {
  std::vector<std::string> lines;
  const char* dates[] = {"2021-01-10", "2021-04-20", "2021-07-29", "2021-11-06", "2022-02-14", "2022-05-25"};
  for (int t = 0; t < 6; ++t) {
    const std::string k = std::to_string(t), town = "Kelmarsh" + k, dam = "Saltby" + k;
    auto place = [&](std::string text, const std::string& from, const std::string& to) {
      for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) text.replace(at, from.size(), to);
      return text;
    };
    const std::string a1 = place(kFloodA1, "Kelmarsh", town), a2 = place(kFloodA2, "Kelmarsh", town);
    const std::string b = place(kFloodB, "Saltby", dam);
    const std::string day = dates[t];
    lines.push_back(Line("a" + k + "1", "Daily Lantern", day, "Adwen floods " + town, a1, {{town, "eK" + k}, {"Adwen", "eA"}}));
    lines.push_back(Line("a" + k + "2", "Valley Post", day, "Hundreds of homes flooded in " + town, a2,
                         {{town, "eK" + k}, {"Adwen", "eA"}}));
    lines.push_back(Line("a" + k + "3", "Daily Lantern", day, "Dam gives way in " + dam, b, {{dam, "eS" + k}, {"Torr", "eT"}}));
    // Each election its own text: a copy would follow its original across the seasons.
    std::string vote = kElection;
    for (const char* w : {"provinces", "alliance", "commission", "prices", "noon"}) vote = place(vote, w, w + k);
    lines.push_back(Line("a" + k + "4", "Valley Post", day, "Polls open in parliamentary election", vote));
    lines.push_back(Line("a" + k + "5", "Wire Copy", day, "Dam gives way in " + dam + " (wire)", b, {{dam, "eS" + k}, {"Torr", "eT"}}));
  }
  return lines;
}

// Two articles are together in one labelling exactly when in the other.
bool SamePartition(const std::vector<std::uint32_t>& x, const std::vector<std::uint32_t>& y) {
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i)
    for (std::size_t j = 0; j < x.size(); ++j)
      if ((x[i] == x[j]) != (y[i] == y[j])) return false;
  return true;
}

TEST(Stories, StoriesFinishedEarlyAreTheStoriesBuiltAtOnce) {
  const auto lines = SeasonsCorpus();
  StoryBuilder whole;
  BuildOptions small;
  small.open_articles = 2;        // finish closed stories as soon as it can
  small.spill_buffer_bytes = 1;   // every digest through the spill file
  StoryBuilder early(small);
  for (const auto& l : lines) {
    ASSERT_TRUE(whole.AddArticle(l).ok());
    ASSERT_TRUE(early.AddArticle(l).ok());
  }
  const auto a = whole.Build({}, "");
  const auto b = early.Build({}, "");
  EXPECT_EQ(whole.finished_early(), 0u);
  EXPECT_GT(early.finished_early(), 0u);  // the path under test ran
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].json, b[i].json);
    EXPECT_EQ(a[i].articles, b[i].articles);
  }
  EXPECT_TRUE(SamePartition(whole.assignment(), early.assignment()));
  // The wire copy is marked in the early path too.
  const Story* dam = StoryWith(b, "a05");
  ASSERT_NE(dam, nullptr);
  EXPECT_NE(dam->json.find("\"near_duplicates\":[{\"article\":\"a05\""), std::string::npos) << dam->json;
}

TEST(Stories, BuildToWritesTheLinesOfBuildInTheirOrder) {
  const auto lines = SeasonsCorpus();
  BuildOptions small;
  small.open_articles = 2;
  StoryBuilder x, y(small);
  for (const auto& l : lines) {
    ASSERT_TRUE(x.AddArticle(l).ok());
    ASSERT_TRUE(y.AddArticle(l).ok());
  }
  const std::string dir = ::testing::TempDir();
  ASSERT_TRUE(WriteStoriesFile(dir + "/stories_a.jsonl", x.Build({}, "")).ok());
  Result<std::size_t> n = y.BuildTo({}, "", dir + "/stories_b.jsonl");
  ASSERT_TRUE(n.ok());
  EXPECT_GT(y.finished_early(), 0u);
  auto slurp = [](const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  };
  const std::string want = slurp(dir + "/stories_a.jsonl");
  EXPECT_FALSE(want.empty());
  EXPECT_EQ(slurp(dir + "/stories_b.jsonl"), want);
  EXPECT_EQ(*n, static_cast<std::size_t>(std::count(want.begin(), want.end(), '\n')));
  std::remove((dir + "/stories_a.jsonl").c_str());
  std::remove((dir + "/stories_b.jsonl").c_str());
}

TEST(Stories, DigestRoundTripsThroughItsBytes) {
  const auto lines = SeasonsCorpus();
  detail::Digest d, back;
  Result<bool> read = detail::DigestLine(lines[0], 5, &d);
  ASSERT_TRUE(read.ok() && *read);
  d.events = {3, 7};
  d.inconsistencies.push_back({"Monday, 3 March", "weekday", "2024-03-03 is a Sunday"});
  d.names.push_back({"eK", "Lenhall Kessar", {"deputy foreign minister", "chief negotiator"}});
  std::string bytes;
  detail::EncodeDigest(d, &bytes);
  ASSERT_TRUE(detail::DecodeDigest(bytes, &back));
  std::string again;
  detail::EncodeDigest(back, &again);
  EXPECT_EQ(again, bytes);
  EXPECT_EQ(back.id, d.id);
  EXPECT_EQ(back.terms, d.terms);
  EXPECT_EQ(back.sentences.size(), d.sentences.size());
  EXPECT_EQ(back.claims.size(), d.claims.size());
  EXPECT_EQ(back.events, d.events);
  ASSERT_EQ(back.names.size(), d.names.size());
  EXPECT_EQ(back.names.back().roles, d.names.back().roles);
  // Cut short or with bytes left over, it is not a digest.
  EXPECT_FALSE(detail::DecodeDigest(std::string_view(bytes).substr(0, bytes.size() - 1), &back));
  EXPECT_FALSE(detail::DecodeDigest(bytes + "x", &back));
}

TEST(Stories, NearDuplicatesForgetOldTexts) {
  NearDuplicates near;
  const std::uint64_t h = SimHash("the river burst its banks at the town on sunday night flooding homes");
  EXPECT_EQ(near.Add(h), -1);
  EXPECT_EQ(near.Add(h ^ 1), 0);
  near.Forget(2);
  EXPECT_EQ(near.Add(h), -1);     // its originals forgotten
  EXPECT_EQ(near.Add(h ^ 2), 2);  // indexes go on from where they were
}

}  // namespace
}  // namespace sitrep::stories
