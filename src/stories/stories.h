// Stories: articles about the same happening, grouped across outlets, with
// what the outlets agree and disagree on, a timeline and an extractive
// summary (stories.jsonl).
//
// Shared by `sitrep analyze` and `sitrep merge`: both feed StoryBuilder the
// final articles.jsonl lines (entity ids filled) and the merged events, so
// both write the same stories for the same articles, whatever the order of
// the lines. Order stability comes from clustering in a canonical order:
// publication date (undated articles first), then article id, which is
// derived from content.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "events/merge.h"

namespace sitrep::stories {

// A sparse feature vector: (feature hash, weight), sorted by hash.
using SparseVector = std::vector<std::pair<std::uint32_t, float>>;

inline constexpr std::int32_t kNoDay = INT32_MIN;

// A private feature (top bit set) stands for the weight of what one article
// alone has: it counts in the article's norm, so a story shares less of a
// wordy, singular article, but it never links two articles and takes no
// place in the index or in a story's pruned centroid.
inline constexpr std::uint32_t kPrivateFeatureBit = 0x80000000u;
inline bool IsPrivateFeature(std::uint32_t h) { return (h & kPrivateFeatureBit) != 0; }

// The clusterer's settings. The values below are neutral fallbacks; the
// ones sitrep runs with are in data/stories/cluster.tsv (FromData()), with
// a comment on each.
struct ClusterOptions {
  // Minimum similarity (cosine of the article to the story's centroid) for
  // an article to join a story rather than open a new one.
  double threshold = 0.15;
  // Weights of the kinds of feature against a text term's weight.
  double entity_weight = 2.0;
  // An entity's weight grows by entity_salience x ln(its mentions in the
  // article): the people and places an article is about weigh more than
  // those it names once.
  double entity_salience = 0.0;
  double event_weight = 1.0;
  double role_weight = 1.0;  // an entity with the title a mention gives it ("president-elect")
  double title_weight = 1.0;
  double year_weight = 1.0;    // the years the article's dates name
  double date_weight = 0.0;    // the days and months its dates name
  double number_weight = 0.0;  // the numbers it writes in digits
  // Rarity: every feature's weight is idf^idf_power, idf = ln(1 + N / df)
  // over the articles given; a feature fewer than min_df articles share
  // cannot link two articles and is left out (it would only dilute the
  // cosine of the features that do).
  double idf_power = 1.0;
  std::uint32_t min_df = 1;
  // The share of the left-out features' weight (their L2 norm) kept as the
  // article's private feature: 1 keeps the cosine's scale as if they were
  // there, 0 drops them.
  double private_weight = 0.0;
  // Time: an article within time_grace_days of a story's dates is judged
  // on content alone; beyond, its similarity decays (halved about every
  // 0.7 x time_decay_days), and beyond max_gap_days it never joins (a
  // story from last month is another story, even on the same topic).
  // Undated articles or stories are judged on content alone.
  int time_grace_days = 3;
  double time_decay_days = 10;
  int max_gap_days = 45;
  // The most days from a story's first dated article to its last: in the
  // online pass and MergeSimilar(), an article or another story that would
  // stretch it further does not join it, so that a campaign or a war
  // reported every day is a run of stories rather than one that grows for
  // months by small steps. 0: no limit.
  int max_span_days = 0;
  // The later reassignment of single articles (Reassign()) may stretch a
  // story beyond max_span_days only for an article at least this similar
  // to it: a report of the same happening weeks later, not the next report
  // of a campaign. Held there for every article, the limit cost 2.9 points
  // of pairwise F1 on the ECB+ dev topics, whose happenings have reports
  // up to 70 days apart. 0: the reassignment stretches stories freely.
  double span_stretch_similarity = 0.0;
  // Second pass: two stories whose centroids are at least this similar
  // (same time rules) become one; single-pass clustering splits a story
  // whose first articles happened to differ.
  double merge_threshold = 0.7;
  // SplitIncoherent(): halves less similar than split_threshold, or
  // whose mean silhouette reaches split_silhouette, are two stories (0
  // turns a test off).
  double split_threshold = 0.0;
  double split_silhouette = 0.0;
  // How many times a story may be cut (each part again), and how many
  // seedings of the 2-means are tried (the best silhouette wins).
  int split_rounds = 1;
  // The silhouette a part of a cut needs to be cut again (0: as the first).
  double split_silhouette_again = 0.0;
  // A cut at this silhouette or above parts unrelated stories: its parts
  // are cut again at split_silhouette, not split_silhouette_again (0: off).
  double split_unrelated = 0.0;
  // AbsorbSmall(): the centroid similarity at which a story too small to
  // cut joins a larger one (0: never).
  double absorb_threshold = 0.0;
  // The most articles a story AbsorbSmall() moves may have; only stories
  // of more take others in.
  std::size_t absorb_articles = 3;
  // Reassign() with evidence: an article that names years does not move
  // into a story whose other articles name years, none of them its own.
  bool year_conflict = false;
  std::size_t split_seeds = 1;
  // Memory bounds: features kept per article and per story centroid,
  // stories kept per feature in the inverted index (the most recent), and
  // the article's strongest features used to look up candidate stories.
  std::size_t article_features = 100;
  std::size_t centroid_features = 160;
  std::size_t postings_cap = 256;
  std::size_t probe_features = 24;

  // The settings of data/stories/cluster.tsv (name<TAB>value lines); a
  // name it does not know is a ConfigError.
  static ClusterOptions FromData();
};

// Online clustering: each article joins the best story or opens a new one.
// Candidates come from an inverted index over the stories' strongest
// features, so the cost per article is bounded by probe_features x
// postings_cap, never by the number of stories. Deterministic for a given
// order of Add() calls.
class Clusterer {
 public:
  explicit Clusterer(ClusterOptions options = ClusterOptions::FromData());
  ~Clusterer();
  Clusterer(const Clusterer&) = delete;
  Clusterer& operator=(const Clusterer&) = delete;

  // Takes an article's L2-normalised features and its day (days since
  // 1970-01-01, or kNoDay). Returns the story number it joined (0, 1, ...
  // in order of creation).
  std::uint32_t Add(const SparseVector& features, std::int32_t day);

  // Puts the article into story `story` without a search (a near
  // duplicate follows its original). Its features still update the story.
  void AddTo(std::uint32_t story, const SparseVector& features, std::int32_t day);

  // Merges stories whose centroids are similar (merge_threshold), looking
  // up candidates through the index as Add() does. Returns, for every
  // story number, the number of the story it now belongs to (itself or
  // an earlier one). Deterministic.
  std::vector<std::uint32_t> MergeSimilar();

  // Cosine of `features` to the centroid of `story` (0 for an empty one).
  double Similarity(std::uint32_t story, const SparseVector& features) const;

  std::uint32_t story_count() const;

  // Frees the centroids of the stories no later article can join (more
  // than max_gap_days older than the newest article); Add() does it every
  // 4,096 articles. A retired story takes no part in Add() or
  // MergeSimilar() again.
  void Retire();
  bool retired(std::uint32_t story) const;
  // The last day of a story's articles (kNoDay when none is dated), and of
  // all articles added.
  std::int32_t last_day(std::uint32_t story) const;
  std::int32_t latest_day() const;
  // Drops the retired stories from the inverted index, and features left
  // with no story: the index then holds the stories of the last weeks, not
  // every feature ever seen.
  void DropRetired();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Batch refinement after the online pass: recomputes every story's
// centroid from its final articles and moves each article to the story
// whose centroid fits it best (candidates through an inverted index, the
// same time rules), `rounds` times. Undoes what the order of arrival got
// wrong: an early article judged against a story that had not yet taken
// shape. Returns the new story of each article (numbers of `story`).
struct SplitEvidence;

// With `evidence` (per article) and options.year_conflict, an article
// that names years moves only into a story whose other articles name one
// of them or none: two happenings of one kind are most often years apart.
std::vector<std::uint32_t> Reassign(const std::vector<SparseVector>& features, const std::vector<std::int32_t>& days,
                                    std::vector<std::uint32_t> story, const ClusterOptions& options, int rounds = 2,
                                    const std::vector<SplitEvidence>* evidence = nullptr);

// What SplitIncoherent() knows of an article besides its vector: the days
// of the year its dates name (month x 32 + day; its publication date and
// the dates of its text, with or without a year) and the entities it names
// (any ids) with their name mentions.
struct SplitEvidence {
  std::vector<std::uint16_t> days;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> entities;
  // The latest years its dates name (publication date and text), newest
  // first, 0 after the last: Reassign() keeps an article out of a story
  // whose other articles name years and none of these
  // (ClusterOptions::year_conflict). Eight, in place (a vector would cost
  // a heap block more per article waiting for its story); with the latest
  // four only, dev pairwise F1 over 16 orders fell from 0.941 to 0.936,
  // with eight it is that of all.
  std::array<std::uint16_t, 8> years{};
};

// Splits stories that hold two groups of articles (two happenings of one
// kind that the online pass ran together): 2-means seeded with the two
// most distant articles; the split stands when the halves' centroids are
// less similar than options.split_threshold and each half has two or more
// articles. New stories get numbers after the existing ones. Linear in the
// articles of each story.
//
// `evidence` (optional, per article) holds back a cut whose halves both
// report first the same day (or days a day apart), named by half or more
// of the articles of each, and are about the same entity (the one their
// articles mention most): two happenings of one kind happen on different
// days or to different people and places, so halves that agree on both are
// one happening told two ways (one person's check-in at one clinic, then
// at another), not two. With options.year_conflict it also lets a part of
// a cut be cut again below split_silhouette_again (at split_silhouette)
// when two or more articles of each half name years and no year of one
// half is one of the other's: two happenings of one kind years apart.
std::vector<std::uint32_t> SplitIncoherent(const std::vector<SparseVector>& features, std::vector<std::uint32_t> story,
                                           const ClusterOptions& options,
                                           const std::vector<SplitEvidence>* evidence = nullptr);

// A story of absorb_articles articles or fewer (3: fewer than the split
// cuts) whose centroid is at least absorb_threshold similar to a larger
// story, time included as in Add(), joins the most similar such story.
// Single articles the reassignment moves one by one; a group of two or
// more, each nearer the rest of its group than any other story, moves only
// as a group: the first or last reports of a happening that the online
// pass, in some orders of arrival, gathered apart. In Refine(), with
// evidence and year_conflict, a group whose years are apart from the
// story's (as SplitIncoherent() reads them) stays apart.
std::vector<std::uint32_t> AbsorbSmall(const std::vector<SparseVector>& features, const std::vector<std::int32_t>& days,
                                       std::vector<std::uint32_t> story, const ClusterOptions& options);

// The second passes after the online one: Reassign(), then
// SplitIncoherent(), then Reassign() again, then AbsorbSmall(). The first reassignment undoes
// what the order of arrival did before the split judges a story: a story
// that took articles of another before that one took shape holds two
// groups only because of them, and a happening the order cut in two is
// whole again. `follows[i]` is the article that article i nearly
// duplicates (-1 for none): it stays in that article's story after every
// pass.
std::vector<std::uint32_t> Refine(const std::vector<SparseVector>& features, const std::vector<std::int32_t>& days,
                                  const std::vector<std::int64_t>& follows, std::vector<std::uint32_t> story,
                                  const ClusterOptions& options, int rounds = 2,
                                  const std::vector<SplitEvidence>* evidence = nullptr);

// 64-bit SimHash of a text's word 3-shingles; near-identical texts differ
// in few bits.
std::uint64_t SimHash(std::string_view text);

// A sample of a text's word 3-shingles: the smallest kSketchSize of their
// 32-bit hashes, sorted (all of them for a text of fewer shingles). Two
// sketches estimate how much of two texts is the same words in the same order.
inline constexpr std::size_t kSketchSize = 256;
std::vector<std::uint32_t> ShingleSketch(std::string_view text);

// Finds near duplicates among texts given in order: Add() returns the index
// of an earlier text that is a near copy, or -1. A copy is at most
// max_distance SimHash bits away (found through 4 bands of 16 bits: any
// pair within 3 bits shares a band), or, given sketches, shares most of
// its shingles with the earlier text (found through the sketches' smallest
// hashes): in a short article a new headline and first sentence, or one
// changed figure, move more SimHash bits than a long text's edits would,
// while its shingles stay mostly the same. Every bucket is capped, so the
// cost per text is bounded.
class NearDuplicates {
 public:
  explicit NearDuplicates(int max_distance = 3) : max_distance_(max_distance) {}
  std::int64_t Add(std::uint64_t simhash, std::vector<std::uint32_t> sketch = {});
  // Drops the texts before index `before` (their indexes stay as they
  // were): a long run keeps only the texts a later one may still repeat.
  void Forget(std::size_t before);

 private:
  int max_distance_;
  std::size_t base_ = 0;              // index of hashes_[0]
  std::vector<std::uint64_t> hashes_;
  std::vector<std::vector<std::uint32_t>> sketches_;  // parallel to hashes_
  std::vector<std::vector<std::uint32_t>> buckets_;  // 4 x 65536, allocated on first use
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_shingle_;  // smallest hashes -> texts
};

// Days since 1970-01-01 of an ISO date ("2022-01-12", "2022-01" -> the
// first; "2021-W52" -> its Monday), or kNoDay.
std::int32_t DayNumber(std::string_view iso);

struct BuildOptions {
  ClusterOptions cluster = ClusterOptions::FromData();
  std::size_t summary_sentences = 3;
  int reassign_rounds = 2;  // rounds of Reassign() after the online pass
  // Memory: past this many articles between the online pass and the
  // output, the stories no later article can join (their last article
  // 2 x max_gap_days older than the newest) get their second passes, are
  // written and leave memory, so that with articles roughly in date order
  // memory follows the news of the last weeks, not the corpus. A corpus of
  // fewer articles is clustered all at once, as it always was.
  std::size_t open_articles = 20000;
  // Digests wait in a temporary file (in memory up to this many bytes).
  std::size_t spill_buffer_bytes = 4 << 20;
  // For evaluation only: articles of one day are taken in the order of a
  // hash of their id salted with this (0: the id itself). Another salt is
  // another canonical order, so a score averaged over salts says how much
  // a result owes to the order the articles happened to come in.
  std::uint64_t order_salt = 0;
};

// One finished story, as written to stories.jsonl.
struct Story {
  std::string id;
  std::string json;  // the whole line without the newline
  std::vector<std::string> articles;
};

class StoryBuilder {
 public:
  explicit StoryBuilder(BuildOptions options = {});
  ~StoryBuilder();
  StoryBuilder(const StoryBuilder&) = delete;
  StoryBuilder& operator=(const StoryBuilder&) = delete;

  // Takes one finished articles.jsonl line. Keeps a compact digest of it
  // (features, claims, a few candidate summary sentences), not the line.
  // A skipped article is left out; a line that is not JSON is an error.
  Status AddArticle(std::string_view line);

  // Clusters the articles and builds the stories. `events` are the merged
  // events (for the timeline and as similarity features); `quotes_jsonl`
  // is the path of the quotes.jsonl already written (for quote wording),
  // or empty: it is indexed (16 bytes a quote stay in memory) and each
  // story's quotes are read back from it when the story is written.
  // Output sorted by story id. Never throws.
  std::vector<Story> Build(const std::vector<events::MergedEvent>& events, const std::string& quotes_jsonl);

  // As Build(), but writes the stories to `path` (through a .partial
  // file) as they are finished, never holding them all: the same lines in
  // the same order as WriteStoriesFile(path, Build(...)). Returns the
  // number of stories.
  Result<std::size_t> BuildTo(const std::vector<events::MergedEvent>& events, const std::string& quotes_jsonl,
                              const std::string& path);

  // For evaluation: the story number of each added article, in AddArticle
  // order, after Build().
  const std::vector<std::uint32_t>& assignment() const;
  // The stories written before the last article was clustered (over the
  // open_articles budget), after Build().
  std::size_t finished_early() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes path (through a .partial file) with one line per story.
Status WriteStoriesFile(const std::string& path, const std::vector<Story>& stories);

}  // namespace sitrep::stories
