// The cleaning algorithm. Each line gets at most one reason to go; the
// order of the passes decides which reason wins: metadata and strong cues
// first, then the title, then weak cues, lists of links, the body zone and
// repeats.
#include <algorithm>
#include <deque>
#include <unordered_set>
#include <vector>

#include "clean/clean.h"
#include "clean/cues.h"
#include "clean/dates.h"
#include "clean/lines.h"
#include "clean/markdown.h"
#include "clean/metadata_line.h"
#include "core/hash.h"
#include "core/utf8.h"
#include "text/chars.h"

namespace sitrep::clean {

namespace {

constexpr int kHeaderLines = 12;  // metadata and bylines live near the top
constexpr int kTitleSearch = 6;   // the title is among the first lines

struct Line {
  // Views into the article's text, or into the markdown conversion, both
  // alive until the body is assembled.
  std::string_view text;  // trimmed plain text
  std::string_view raw;   // as written (differs for markdown)
  std::string_view key;  // LineKey(text), in the article's key buffer
  std::uint64_t key_hash = 0;
  LineFeatures f;
  // The best strong cue the line matches, and the cue that applies to it:
  // strong cues apply to every line, weak ones only to lines that do not
  // read like a sentence.
  const Cue* strong_cue = nullptr;
  const Cue* cue = nullptr;
  // Empty: kept. A view of a reason that outlives the article's
  // cleaning (a cue's, a metadata parse's, the markdown conversion's, or a
  // literal), copied into Article::removed at the end: a string here was
  // a copy per removed line and made Line costly to build and destroy.
  std::string_view why;
  bool opens_list = false;  // a "More on this" header
  bool heading = false;     // a markdown heading
  bool announced = false;   // an item of a list a body line announces
};

bool Removed(const Line& l) { return !l.why.empty(); }

// A cue whose line heads a list of links ("More on this", "Tags:"). Read
// as views: a string compared with a literal measured its length first.
bool OpensList(std::string_view why) { return why == "related links" || why == "topic tags"; }

// One worker's buffers, cleared (keeping their capacity) for each article.
struct CleanScratch : StageScratch {
  std::vector<Line> lines;
  std::string keys, key;
  std::vector<std::size_t> key_end;
  std::vector<std::optional<MetadataLine>> meta;
  std::vector<std::string_view> views, keys_of;
  std::vector<LineFeatures> features_of;
  std::vector<std::pair<std::uint64_t, int>> kept;
};

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool HeadlineLike(const Line& l) {
  if (l.f.words < 2 || l.f.words > 30 || l.text.size() > 320 || l.f.url || l.f.only_punct) return false;
  if (!l.f.starts_upper) return false;
  char last = l.text.back();
  bool question = last == '?' || last == '!';
  return !l.f.sentence_like || question || (l.f.words <= 14 && l.f.cap_words * 2 >= l.f.words);
}

// Combines an outlet's hash with a line's so one table serves all outlets.
std::uint64_t Combine(std::uint64_t outlet_hash, std::uint64_t key_hash) {
  return key_hash ^ (outlet_hash * 0x9E3779B97F4A7C15ULL + (key_hash << 6) + (key_hash >> 2));
}

// "Translated from the German" -> "German".
std::optional<std::string> TranslatedFrom(std::string_view line) {
  std::string key = LineKey(line);
  std::size_t p = key.find("translated from ");
  if (p == std::string::npos) return std::nullopt;
  std::size_t start = p + 16;
  if (key.compare(start, 4, "the ") == 0) start += 4;
  // Find the same word in the original text to keep its capitalisation.
  std::size_t end = start;
  while (end < key.size() && key[end] != ' ' && key[end] != ',' && key[end] != '.' && key[end] != ')') ++end;
  if (end == start) return std::nullopt;
  std::string word = key.substr(start, end - start);
  std::string out;
  std::size_t i = 0;
  bool first = true;
  while (i < word.size()) {
    char32_t c = utf8::Decode(word, i);
    utf8::Append(out, first ? static_cast<char32_t>(u_totitle(static_cast<UChar32>(c))) : c);
    first = false;
  }
  return out;
}

// "(Reporting by A. Name; Editing by B. Name)" -> "A. Name".
std::optional<std::string> CreditAuthor(std::string_view line) {
  std::string key = LineKey(line);
  std::size_t p = key.find("reporting by ");
  if (p == std::string::npos) return std::nullopt;
  // Offsets in the key and the line agree up to case for ASCII text; find
  // the same phrase in the line case-insensitively.
  std::string lower(line);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t q = lower.find("reporting by ");
  if (q == std::string::npos) return std::nullopt;
  std::string_view rest = line.substr(q + 13);
  std::size_t end = rest.find_first_of(";),");
  std::string_view names = TrimView(rest.substr(0, end));
  std::size_t in = names.find(" in ");
  if (in != std::string_view::npos) names = names.substr(0, in);
  if (auto n = AsNames(names)) return StripHonorifics(*n);
  return std::nullopt;
}

// True if the line ends with a photo credit in the agencies' style, an
// agency in capitals, a slash and the photographer ("... on Monday.
// HARBOUR WIRE/Ana Kessar", "REUTERS/Ana Kessar" alone): a caption, whatever
// its sentence says. The credit must follow a full stop or stand alone, so
// that "tensions along the US/Mexico" at a line's end stays.
bool EndsWithPhotoCredit(std::string_view line) {
  line = TrimView(line);
  const std::size_t slash = line.rfind('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= line.size()) return false;
  // After the slash: one to three capitalised words, nothing else.
  std::string_view after = line.substr(slash + 1);
  int words = 0;
  for (std::size_t i = 0; i < after.size();) {
    std::size_t j = after.find(' ', i);
    if (j == std::string_view::npos) j = after.size();
    std::string_view w = after.substr(i, j - i);
    i = j + 1;
    if (w.empty()) continue;
    if (!(w[0] >= 'A' && w[0] <= 'Z') || w.find_first_of(".,;:!?()") != std::string_view::npos) return false;
    ++words;
  }
  if (words < 1 || words > 3) return false;
  // Before it: the agency in capitals (one or two words), after a full stop
  // or at the line's start.
  std::size_t b = slash;
  int caps_words = 0;
  while (b > 0) {
    std::size_t k = b;
    while (k > 0 && line[k - 1] != ' ') --k;
    std::string_view w = line.substr(k, b - k);
    bool caps = w.size() >= 2;
    for (char c : w) caps = caps && ((c >= 'A' && c <= 'Z') || c == '&' || c == '-');
    if (!caps) break;
    ++caps_words;
    b = k;
    if (caps_words == 2 || b == 0) break;
    --b;  // the space
  }
  if (caps_words == 0) return false;
  std::string_view before = TrimView(line.substr(0, b));
  return before.empty() || before.back() == '.';
}

}  // namespace

std::uint64_t RepeatedLines::OutletHash(std::string_view outlet) {
  return Hash64(LineKey(outlet), 0x6f75746c6574ULL);
}

void RepeatedLines::AddArticle(std::string_view outlet, std::string_view text) {
  std::uint64_t oh = OutletHash(outlet);
  ++articles_[oh];
  std::unordered_set<std::uint64_t> seen;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = TrimView(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty() || line.size() > 600) continue;
    std::uint64_t h = Combine(oh, Hash64(LineKey(line)));
    if (seen.insert(h).second) ++lines_[h];
  }
}

void RepeatedLines::Merge(const RepeatedLines& other) {
  for (auto [h, n] : other.lines_) lines_[h] += n;
  for (auto [h, n] : other.articles_) articles_[h] += n;
}

std::uint32_t RepeatedLines::Count(std::string_view outlet, std::string_view line) const {
  return CountHashed(OutletHash(outlet), Hash64(LineKey(line)));
}

std::uint32_t RepeatedLines::CountHashed(std::uint64_t outlet_hash, std::uint64_t key_hash) const {
  auto it = lines_.find(Combine(outlet_hash, key_hash));
  return it == lines_.end() ? 0 : it->second;
}

std::uint32_t RepeatedLines::Articles(std::string_view outlet) const {
  auto it = articles_.find(OutletHash(outlet));
  return it == articles_.end() ? 0 : it->second;
}

namespace {

// Counts by a 64-bit hash in open addressing (a count of 0 is no entry):
// here the lines a corpus repeats at least kMinRepeats times, by
// Combine(outlet hash, key hash), the only line counts the clean stage
// acts on, and the articles per outlet.
// Every kept line of every article is looked up; most lines of a corpus
// are printed once, so this table is small enough to stay in cache where
// RepeatedLines' own one (every line of the corpus, a node per line) is
// not, and a probe is a multiply and a mask, not a division by a prime.
class FrequentLines {
 public:
  void Add(std::uint64_t key, std::uint32_t count) {
    if (2 * (size_ + 1) > keys_.size()) Grow();
    Place(key, count);
    ++size_;
  }
  // The count of key, or 0 when it is not in the table.
  std::uint32_t Count(std::uint64_t key) const {
    if (keys_.empty()) return 0;
    for (std::size_t i = Slot(key);; i = (i + 1) & mask_) {
      if (counts_[i] == 0) return 0;
      if (keys_[i] == key) return counts_[i];
    }
  }

 private:
  std::size_t Slot(std::uint64_t key) const { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask_; }
  void Place(std::uint64_t key, std::uint32_t count) {
    std::size_t i = Slot(key);
    while (counts_[i] != 0) i = (i + 1) & mask_;
    keys_[i] = key;
    counts_[i] = count;
  }
  void Grow() {
    std::vector<std::uint64_t> keys = std::move(keys_);
    std::vector<std::uint32_t> counts = std::move(counts_);
    const std::size_t n = keys.empty() ? 64 : 2 * keys.size();
    keys_.assign(n, 0);
    counts_.assign(n, 0);  // a count of 0 marks an empty slot
    mask_ = n - 1;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (counts[i] != 0) Place(keys[i], counts[i]);
    }
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> counts_;
  std::size_t mask_ = 0, size_ = 0;
};

}  // namespace

struct CleanStage::Impl {
  CueLexicon lex = CueLexicon::Load();
  std::shared_ptr<const RepeatedLines> repeated;
  FrequentLines frequent;
  FrequentLines outlet_articles;  // by OutletHash: RepeatedLines::Articles
};

std::string OutletFromText(std::string_view text) {
  static const CueLexicon lex = CueLexicon::Load();
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = TrimView(text.substr(pos, nl - pos));
    if (!line.empty()) lines.push_back(line);
    pos = nl + 1;
  }
  return FindOutlet(lines, lex).value_or("");
}

CleanStage::CleanStage(std::shared_ptr<const RepeatedLines> repeated) : impl_(std::make_unique<Impl>()) {
  impl_->repeated = std::move(repeated);
  if (impl_->repeated) {
    for (const auto& [key, count] : impl_->repeated->lines_) {
      if (count >= kMinRepeats) impl_->frequent.Add(key, count);
    }
    for (const auto& [key, count] : impl_->repeated->articles_) impl_->outlet_articles.Add(key, count);
  }
}

CleanStage::~CleanStage() = default;

std::unique_ptr<StageScratch> CleanStage::NewScratch() const { return std::make_unique<CleanScratch>(); }

void CleanStage::Process(Article& a, StageScratch* scratch) const {
  const CueLexicon& lex = impl_->lex;
  // A caller without a scratch (tests, one-off use) gets a fresh one.
  std::unique_ptr<CleanScratch> own;
  auto* sc = dynamic_cast<CleanScratch*>(scratch);
  if (!sc) {
    own = std::make_unique<CleanScratch>();
    sc = own.get();
  }
  // Metadata that came with the input (JSON fields) wins over what the text
  // says; a JSON date string is normalised here.
  if (a.published && !a.published->empty()) {
    if (auto iso = NormalizeDate(*a.published)) {
      a.published = *iso;
      a.published_from = "metadata";
    } else {
      a.warnings.push_back("the date field '" + *a.published + "' is not a date sitrep can read");
      a.published.reset();
    }
  } else {
    a.published.reset();
  }
  const bool title_given = a.title.has_value() && !a.title->empty();
  const bool outlet_given = a.outlet.has_value() && !a.outlet->empty();

  std::vector<Line>& lines = sc->lines;
  lines.clear();
  std::vector<MarkdownLine> md;  // storage for markdown lines
  std::deque<std::string> untagged;  // storage for lines without their markup tags
  std::string stripped;
  if (a.input_format == "markdown") {
    md = MarkdownToLines(a.text);
    lines.reserve(md.size());
    for (const auto& m : md) {
      Line l;
      l.text = m.text;
      l.raw = m.raw;
      l.heading = m.heading_level > 0;
      if (!m.why.empty()) l.why = m.why;
      // Inline HTML that the conversion left: as for plain text, below.
      if (l.why.empty() && StripMarkupTags(m.text, &stripped)) {
        untagged.push_back(std::move(stripped));
        l.text = TrimView(untagged.back());
        if (l.text.empty()) {
          l.text = m.text;
          l.why = "markup tags";
        }
      }
      lines.push_back(std::move(l));
    }
  } else {
    std::string_view t = a.text;
    // Room for lines of 32 bytes on average (news lines are longer), so
    // the vector rarely grows and moves its lines.
    lines.reserve(t.size() / 32 + 4);
    std::size_t pos = 0;
    while (pos < t.size()) {
      std::size_t nl = t.find('\n', pos);
      if (nl == std::string_view::npos) nl = t.size();
      std::string_view line = TrimView(t.substr(pos, nl - pos));
      // Tags that leaked into plain text are no words of the article; the
      // words between them are (an embedded post's text). A line of tags
      // alone goes, with its reason. (A page's own text has its tags read
      // already; a "<" left in it was written as text, "&lt;".)
      if (!line.empty()) {
        Line l;
        l.text = line;
        if (a.input_format != "html" && line.find('<') != std::string_view::npos && StripMarkupTags(line, &stripped)) {
          untagged.push_back(std::move(stripped));
          l.raw = line;
          l.text = TrimView(untagged.back());
          if (l.text.empty()) {
            l.text = line;
            l.why = "markup tags";
          }
        }
        lines.push_back(std::move(l));
      }
      pos = nl + 1;
    }
  }
  // Every line's key goes into one buffer (the lines view it), instead of
  // a heap string per line; the views are taken once the buffer is full.
  std::string& keys = sc->keys;
  std::string& key = sc->key;
  keys.clear();
  std::vector<std::size_t>& key_end = sc->key_end;
  key_end.resize(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    lines[i].f = KeyAndFeatures(lines[i].text, &key);
    keys += key;
    key_end[i] = keys.size();
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    const std::size_t begin = i == 0 ? 0 : key_end[i - 1];
    l.key = std::string_view(keys).substr(begin, key_end[i] - begin);
    l.key_hash = Hash64(l.key);
    if (l.f.sentence_like) {
      // Only strong cues count here: a smaller search (most lines of a
      // body read like sentences).
      l.strong_cue = l.cue = lex.MatchStrong(l.key);
    } else {
      CueLexicon::Hits hits = lex.MatchAll(l.key, true);
      l.strong_cue = hits.strong;
      l.cue = hits.any;
    }
  }
  const int n = static_cast<int>(lines.size());
  // Metadata parses, once per line that could be metadata.
  std::vector<std::optional<MetadataLine>>& meta = sc->meta;
  meta.clear();
  meta.resize(lines.size());
  for (int i = 0; i < n; ++i) {
    const Line& l = lines[i];
    // Metadata stands at the top or the bottom of an article.
    bool edge = i < kHeaderLines || i + 8 >= n;
    if (edge && !Removed(l) && !l.f.only_punct && !l.strong_cue && (!l.f.sentence_like || l.f.words <= 12)) {
      meta[i] = ParseMetadataLine(l.text, i < kHeaderLines, lex);
    }
  }
  if (!outlet_given) {
    std::vector<std::string_view>& views = sc->views;
    std::vector<std::string_view>& keys_of = sc->keys_of;
    std::vector<LineFeatures>& features_of = sc->features_of;
    views.resize(lines.size());
    keys_of.resize(lines.size());
    features_of.resize(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      views[i] = lines[i].text;
      keys_of[i] = lines[i].key;
      features_of[i] = lines[i].f;
    }
    a.outlet = FindOutlet(views, lex, &meta, &keys_of, &features_of);
  }

  // Pass 1: metadata lines, strong cues, translation notes, stray marks.
  std::optional<std::string> header_date, footer_date, any_date, credit_author;
  for (int i = 0; i < n; ++i) {
    Line& l = lines[i];
    if (Removed(l)) continue;
    if (l.f.only_punct && a.input_format != "html") {
      l.why = "stray punctuation";
      continue;
    }
    if (const Cue* cue = l.strong_cue) {
      l.why = cue->why;
      l.opens_list = OpensList(l.why);
      if (l.why == "translation note" && !a.translated_from) a.translated_from = TranslatedFrom(l.text);
      if (l.why == "editorial note" && !credit_author) credit_author = CreditAuthor(l.text);
      continue;
    }
    bool in_header = i < kHeaderLines;
    {
      if (const auto& m = meta[i]) {
        l.why = m->why;
        if (m->title && !a.title) a.title = *m->title;
        if (m->author && !a.author && in_header) a.author = *m->author;
        if (m->date) {
          if (in_header && !m->date_is_update && !header_date) header_date = *m->date;
          if (!in_header && !m->date_is_update && !footer_date) footer_date = *m->date;
          if (!any_date) any_date = *m->date;
        }
        continue;
      }
    }
    // The line's features are Features(l.text): BrandLine need not
    // compute them again.
    if (i >= 1 && i < 8 && a.outlet && BrandLine(l.text, lex, l.f) == a.outlet) {
      l.why = "metadata: outlet";
      continue;
    }
    if (l.f.url && l.f.words <= 3) l.why = "link";
    if (!Removed(l) && EndsWithPhotoCredit(l.text)) l.why = "image caption";
  }
  if (!a.author && credit_author) a.author = credit_author;
  if (!a.published) {
    std::optional<std::string> d = header_date ? header_date : footer_date ? footer_date : any_date;
    if (d) {
      a.published = *d;
      a.published_from = "dateline";
    }
  }

  // Pass 2: the title, and its repeats.
  std::string title_key;
  if (title_given || a.title) {
    title_key = LineKey(*a.title);
  } else {
    for (int i = 0, seen = 0; i < n && seen < kTitleSearch; ++i) {
      Line& l = lines[i];
      if (Removed(l)) continue;
      ++seen;
      if (l.cue) continue;  // furniture before the headline
      // A headline needs a body after it: a one-line article is body.
      bool body_follows = false;
      for (int j = i + 1; j < n && !body_follows; ++j) body_follows = !Removed(lines[j]);
      if (HeadlineLike(l) && body_follows) {
        a.title = std::string(l.text);
        title_key = l.key;
        l.why = "title";
      }
      break;
    }
  }
  if (!title_key.empty()) {
    std::uint64_t title_hash = Hash64(title_key);
    for (Line& l : lines) {
      if (!Removed(l) && l.key_hash == title_hash) l.why = "repeated headline";
    }
  }

  // Pass 3: weak cues and repeats across the outlet's articles.
  const RepeatedLines* rep = impl_->repeated.get();
  // Articles(outlet), from the hash computed once.
  const std::uint64_t outlet_hash = rep ? RepeatedLines::OutletHash(a.outlet.value_or("")) : 0;
  const std::uint32_t outlet_articles = rep ? impl_->outlet_articles.Count(outlet_hash) : 0;
  for (Line& l : lines) {
    if (Removed(l)) continue;
    if (const Cue* cue = l.cue) {
      l.why = cue->why;
      l.opens_list = OpensList(l.why);
      // A button label with a colon ("Read more:") is no button: it
      // announces the links printed under it, which must go with it.
      if (l.why == "share prompt" && !l.text.empty() && l.text.back() == ':') {
        l.why = "related links";
        l.opens_list = true;
      }
      continue;
    }
    if (rep && outlet_articles >= kMinRepeats) {
      // rep->CountHashed(outlet_hash, l.key_hash) where that is at least
      // kMinRepeats, else 0: the same decision below.
      std::uint32_t c = impl_->frequent.Count(Combine(outlet_hash, l.key_hash));
      if (c >= kMinRepeats && (!l.f.sentence_like || c * 2 >= outlet_articles)) {
        l.why = "repeated across articles of this outlet";
      }
    }
  }

  // Pass 4: lists of links: the lines after a "More on this" header, runs
  // of three or more short lines that are not sentences, and bulleted runs.
  auto link_like = [](const Line& l) { return !l.f.sentence_like || (l.f.words <= 15 && l.text.back() != '.'); };
  // A button label without its colon ("Read more") over two or more
  // link-like lines is the header of the links printed under it; over a
  // paragraph or one short line (a subheading) it stays a button.
  for (int i = 0; i < n; ++i) {
    if (lines[i].why != "share prompt" || lines[i].opens_list) continue;
    int links = 0;
    for (int j = i + 1; j < n && links < 2; ++j) {
      if (Removed(lines[j])) continue;
      if (!link_like(lines[j])) break;
      ++links;
    }
    if (links >= 2) {
      lines[i].why = "related links";
      lines[i].opens_list = true;
    }
  }
  for (int i = 0; i < n; ++i) {
    if (!lines[i].opens_list) continue;
    for (int j = i + 1; j < n; ++j) {
      Line& l = lines[j];
      if (Removed(l)) {
        if (l.opens_list) break;
        continue;
      }
      if (!link_like(l)) break;
      l.why = "related links";
    }
  }
  // Text read from HTML (a page, a feed item, a WARC record) has already
  // lost its lists of links and the furniture around the body to the DOM
  // extractor, which saw the markup; the line-shape guesses of passes 4b
  // and 5 would only cut real short lines (code, verse, CJK paragraphs).
  const bool from_markup = a.input_format == "html" || a.input_format == "feed" || a.input_format == "warc";
  auto listish = [](const Line& l) { return !Removed(l) && !l.f.sentence_like && l.f.words <= 20 && !l.heading; };
  for (int i = 0; i < n && !from_markup;) {
    if (!listish(lines[i])) {
      ++i;
      continue;
    }
    int j = i, bullets = 0;
    while (j < n && (listish(lines[j]) || (Removed(lines[j]) && lines[j].why != "title"))) {
      if (!Removed(lines[j]) && lines[j].f.bullet) ++bullets;
      ++j;
    }
    int count = 0;
    for (int k = i; k < j; ++k) count += !Removed(lines[k]);
    // A list the body announces ("The five parties that won seats were:",
    // kept, prose, ending in a colon) is the body's own: results, demands,
    // the names of the dead. A list of links has a header the cues know
    // ("More from ...", "Read more:"), removed above, or none.
    int lead = i - 1;
    while (lead >= 0 && lines[lead].text.empty()) --lead;
    const bool announced = lead >= 0 && !Removed(lines[lead]) && lines[lead].f.sentence_like && lines[lead].f.ends_colon;
    if (announced) {
      for (int k = i; k < j; ++k) lines[k].announced = !Removed(lines[k]);
    } else if (count >= 3 || bullets >= 2) {
      for (int k = i; k < j; ++k) {
        if (!Removed(lines[k])) lines[k].why = "link list";
      }
    }
    i = j;
  }

  // Pass 4c: a sign-up box's second line reads like a sentence ("Receive
  // the digest in your inbox each weekday."), so only a strong cue would take it.
  // Past the body's end (no kept line after it), right below a line removed
  // for the same reason, a short line that matches a weak cue is more of
  // that box.
  for (int i = n - 1; i > 0 && !from_markup; --i) {
    Line& l = lines[i];
    if (Removed(l)) continue;
    const Line& above = lines[i - 1];
    if (!l.f.sentence_like || l.f.words > 20 || !Removed(above)) break;
    const Cue* cue = lex.Match(l.key, false);
    if (!cue || cue->why != above.why) break;
    l.why = cue->why;
  }

  // Pass 5: the body zone runs from the first to the last line that reads
  // like a sentence, or is an item of a list the body announces (a ranking
  // that ends the article); short lines outside it are page furniture.
  int first = -1, last = -1;
  for (int i = 0; i < n; ++i) {
    if (!Removed(lines[i]) && (lines[i].f.sentence_like || lines[i].announced)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first >= 0 && !from_markup) {
    for (int i = 0; i < n; ++i) {
      if (Removed(lines[i])) continue;
      if (i < first) lines[i].why = "header: not body text";
      if (i > last) lines[i].why = "footer: not body text";
    }
  }

  // Pass 6: a paragraph printed twice (pull quotes, scraper repeats): of
  // the kept lines with one key, all but the first go. Sorting (key hash,
  // line) pairs finds them with one allocation, where a hash set took one
  // per line.
  // From markup, a repeat is the page's own doing (code, a refrain, table
  // rows); the DOM reader already judged those blocks.
  if (!from_markup) {
    std::vector<std::pair<std::uint64_t, int>>& kept = sc->kept;
    kept.clear();
    for (int i = 0; i < n; ++i) {
      if (!Removed(lines[i])) kept.emplace_back(lines[i].key_hash, i);
    }
    std::sort(kept.begin(), kept.end());
    for (std::size_t k = 1; k < kept.size(); ++k) {
      if (kept[k].first == kept[k - 1].first) lines[kept[k].second].why = "repeated paragraph";
    }
  }

  std::string body;
  body.reserve(a.text.size());
  // Blocks an earlier reader dropped (the HTML extractor) stay first.
  a.removed.reserve(a.removed.size() + lines.size());
  for (Line& l : lines) {
    if (Removed(l)) {
      // Removed lines are kept as written (markdown included).
      a.removed.push_back({std::string(l.raw.empty() ? l.text : l.raw), std::string(l.why)});
      continue;
    }
    if (!body.empty()) body.append("\n\n");
    body.append(l.text);
  }
  a.text = std::move(body);
  if (a.text.empty()) a.Skip("no body text left after removing boilerplate");
}

}  // namespace sitrep::clean
