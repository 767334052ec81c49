#include "entities/ner_corpus.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "gazetteer/gazetteer.h"
#include "resolve/ecbplus.h"
#include "syntax/conllu.h"

namespace sitrep::entities {
namespace {

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> out;
  const bool tabs = line.find('\t') != std::string_view::npos;
  std::size_t i = 0;
  while (i < line.size()) {
    if (tabs) {
      std::size_t j = line.find('\t', i);
      if (j == std::string_view::npos) j = line.size();
      out.push_back(line.substr(i, j - i));
      i = j + 1;
      if (j == line.size()) break;
    } else {
      while (i < line.size() && (line[i] == ' ')) ++i;
      std::size_t j = i;
      while (j < line.size() && line[j] != ' ') ++j;
      if (j > i) out.push_back(line.substr(i, j - i));
      i = j;
    }
  }
  return out;
}

bool IsTag(std::string_view s) {
  if (s == "O") return true;
  return s.size() > 2 && (s[0] == 'B' || s[0] == 'I' || s[0] == 'E' || s[0] == 'S') && s[1] == '-';
}

bool IsNumber(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Turns IOB1 (and sloppy IOB2) into IOB2: an inside label that does not
// continue a mention of its type begins one.
void ToIob2(std::vector<std::uint8_t>& labels) {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::uint8_t l = labels[i];
    if (l == kOutside || IsBegin(l)) continue;
    const int t = LabelType(l);
    if (i == 0 || LabelType(labels[i - 1]) != t) labels[i] = BeginLabel(t);
  }
}

}  // namespace

int TypeFromName(std::string_view name) {
  if (name == "PER" || name == "PERSON") return 0;
  if (name == "ORG" || name == "ORGANIZATION" || name == "ORGANISATION") return 1;
  if (name == "LOC" || name == "GPE" || name == "FAC" || name == "LOCATION") return 2;
  return 3;
}

bool ParseIob(std::string_view data, std::vector<NerSentence>* out, std::string* error) {
  NerSentence cur;
  bool pending_doc = true;
  auto flush = [&]() {
    if (cur.words.empty()) return;
    ToIob2(cur.labels);
    cur.new_doc = pending_doc;
    pending_doc = false;
    out->push_back(std::move(cur));
    cur = NerSentence();
  };
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos <= data.size()) {
    std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      if (nl == data.size()) break;
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# newdoc", 0) == 0) {
        flush();
        pending_doc = true;
      }
      continue;
    }
    auto f = SplitFields(line);
    if (!f.empty() && f[0] == "-DOCSTART-") {
      flush();
      pending_doc = true;
      continue;
    }
    std::string_view word, tag;
    if (f.size() >= 3 && IsNumber(f[0]) && IsTag(f[2])) {
      word = f[1];  // UNER: id token tag ...
      tag = f[2];
    } else if (f.size() >= 2 && IsTag(f.back())) {
      word = f[0];  // CoNLL-2003: token pos chunk tag
      tag = f.back();
    } else {
      *error = "line " + std::to_string(line_no) + ": expected `id token tag` or `token ... tag`";
      return false;
    }
    std::uint8_t label = kOutside;
    if (tag != "O") {
      const int t = TypeFromName(tag.substr(2));
      label = (tag[0] == 'B' || tag[0] == 'S') ? BeginLabel(t) : InsideLabel(t);
    }
    cur.words.emplace_back(word);
    cur.labels.push_back(label);
    if (nl == data.size()) break;
  }
  flush();
  return true;
}

std::vector<NerSentence> ReadIobFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  SITREP_CHECK(in, ConfigError, "cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<NerSentence> out;
  std::string error;
  SITREP_CHECK(ParseIob(ss.str(), &out, &error), ConfigError, path + ": " + error);
  return out;
}

namespace {

struct OpenMention {
  std::string id;
  int type;  // -1: not a name type
  std::size_t first;
};

int GumType(std::string_view kind) {
  if (kind == "person") return 0;
  if (kind == "organization") return 1;
  if (kind == "place") return 2;
  if (kind == "event" || kind == "object" || kind == "abstract" || kind == "substance") return 3;
  return -1;
}

std::string_view EntityField(std::string_view misc) {
  std::size_t p = 0;
  while (p < misc.size()) {
    std::size_t bar = misc.find('|', p);
    if (bar == std::string_view::npos) bar = misc.size();
    std::string_view item = misc.substr(p, bar - p);
    if (item.rfind("Entity=", 0) == 0) return item.substr(7);
    p = bar + 1;
  }
  return {};
}

// Words that may join two proper nouns inside one name: "Bank of America",
// "Organization for ...", "Air and Space Museum". Other prepositions
// ("Center at Dulles") join two names, and "and" joins two people.
bool IsConnector(const syntax::ConllWord& w, int type) {
  if (w.upos == "ADP") return w.form == "of" || w.form == "for" || w.form == "de";
  if (w.upos == "CCONJ") return type == 1 || type == 3;
  return w.upos == "DET" || w.upos == "PART";
}

// UD tags "United" in "United States" VERB and "European" in "European
// Union" ADJ by their morphology; the Penn tag NNP still marks them as
// part of a proper name.
bool IsNameWord(const syntax::ConllWord& w) {
  return w.upos == "PROPN" || w.upos == "NUM" || w.xpos == "NNP" || w.xpos == "NNPS";
}

// Titles and forms of address are not part of a person's name in the
// UNER convention the recogniser is scored on ("Mr. X", "President X"):
// the word after the last title among words[b..e) ("NASA Administrator X"
// -> "X"; e, the name's last word, is never a title), or b when there is
// none.
std::size_t AfterTitles(const std::vector<std::string>& words, std::size_t b, std::size_t e) {
  const auto& g = gazetteer::Gazetteer::Default();
  for (std::size_t k = e; k-- > b;) {
    for (std::uint32_t id : g.Lookup(words[k])) {
      const auto kind = g.entry(id).kind;
      if (kind == gazetteer::kHonorific || kind == gazetteer::kRole || kind == gazetteer::kRoleModifier) return k + 1;
    }
  }
  return b;
}

}  // namespace

std::vector<NerSentence> ReadGumFile(const std::string& path) {
  auto conll = syntax::ReadConlluFile(path);
  std::vector<NerSentence> out;
  std::vector<OpenMention> open;
  for (std::size_t si = 0; si < conll.size(); ++si) {
    const auto& s = conll[si];
    const std::size_t n = s.words.size();
    NerSentence ns;
    ns.new_doc = si == 0;
    for (const auto& w : s.words) ns.words.push_back(w.form);
    ns.labels.assign(n, kOutside);
    // Mentions of this sentence as word ranges; GUM mentions never cross sentences.
    struct Found {
      std::size_t first, last;
      int type;
    };
    std::vector<Found> found;
    open.clear();
    for (std::size_t i = 0; i < n; ++i) {
      std::string_view e = EntityField(s.words[i].misc);
      std::size_t p = 0;
      while (p < e.size()) {
        if (e[p] == '(') {
          std::size_t q = p + 1;
          while (q < e.size() && e[q] != '(' && e[q] != ')') ++q;
          std::string_view attrs = e.substr(p + 1, q - p - 1);
          std::size_t d1 = attrs.find('-');
          std::string_view id = attrs.substr(0, d1);
          int type = -1;
          if (d1 != std::string_view::npos) {
            std::size_t d2 = attrs.find('-', d1 + 1);
            type = GumType(attrs.substr(d1 + 1, d2 == std::string_view::npos ? std::string_view::npos : d2 - d1 - 1));
          }
          if (q < e.size() && e[q] == ')') {
            found.push_back({i, i, type});
            p = q + 1;
          } else {
            open.push_back({std::string(id), type, i});
            p = q;
          }
        } else if (e[p] >= '0' && e[p] <= '9') {
          std::size_t q = p;
          while (q < e.size() && e[q] != ')') ++q;
          std::string_view id = e.substr(p, q - p);
          for (std::size_t k = open.size(); k-- > 0;) {
            if (open[k].id == id) {
              found.push_back({open[k].first, i, open[k].type});
              open.erase(open.begin() + static_cast<long>(k));
              break;
            }
          }
          p = q + 1;
        } else {
          ++p;
        }
      }
    }
    // Outermost first so nested names inside a labelled one are skipped.
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
      return a.first != b.first ? a.first < b.first : a.last > b.last;
    });
    for (const Found& f : found) {
      if (f.type < 0) continue;
      // The head: the word of the span whose head lies outside it.
      std::size_t head = f.first;
      for (std::size_t i = f.first; i <= f.last; ++i) {
        int h = s.words[i].head - 1;
        if (h < static_cast<int>(f.first) || h > static_cast<int>(f.last)) {
          head = i;
          break;
        }
      }
      if (s.words[head].upos != "PROPN" && s.words[head].xpos != "NNP" && s.words[head].xpos != "NNPS") continue;
      // People named by a plural proper noun are a group ("Muslims",
      // "Thais"), which UNER, like CoNLL, does not mark as a person.
      int type = f.type;
      if (type == 0 && s.words[head].xpos == "NNPS") type = 3;
      std::size_t b = head, e = head;
      while (b > f.first) {
        if (IsNameWord(s.words[b - 1])) {
          --b;
        } else if (IsConnector(s.words[b - 1], type) && b - 1 > f.first && IsNameWord(s.words[b - 2])) {
          b -= 2;
        } else {
          break;
        }
      }
      while (e < f.last) {
        if (IsNameWord(s.words[e + 1])) {
          ++e;
        } else if (e + 2 <= f.last && IsConnector(s.words[e + 1], type) && IsNameWord(s.words[e + 2])) {
          e += 2;
        } else {
          break;
        }
      }
      if (type == 0) b = AfterTitles(ns.words, b, e);
      bool free = true;
      for (std::size_t i = b; i <= e; ++i) free = free && ns.labels[i] == kOutside;
      if (!free) continue;
      ns.labels[b] = BeginLabel(type);
      for (std::size_t i = b + 1; i <= e; ++i) ns.labels[i] = InsideLabel(type);
    }
    out.push_back(std::move(ns));
  }
  return out;
}

namespace {

// The type of an ECB+ participant's name, or -1 when the name's type is
// not known from the tag (metonymy, generic and vehicle participants).
int EcbType(std::string_view tag) {
  if (tag == "HUMAN_PART_PER") return 0;
  if (tag == "HUMAN_PART_ORG") return 1;
  if (tag.rfind("LOC_", 0) == 0 || tag == "HUMAN_PART_GPE" || tag == "HUMAN_PART_FAC") return 2;
  return -1;
}

bool NameLike(std::string_view w) {
  return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0xC0);
}
bool Digits(std::string_view w) { return !w.empty() && w[0] >= '0' && w[0] <= '9'; }
bool NameConnector(std::string_view w) {
  return w == "of" || w == "for" || w == "and" || w == "the" || w == "de" || w == "&" || w == "'s" || w == "-";
}

}  // namespace

std::vector<NerSentence> ReadEcbPlusNerFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  SITREP_CHECK(in, ConfigError, "cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto parsed = resolve::ParseEcbPlus(ss.str(), path);
  SITREP_CHECK(parsed.ok(), ConfigError, parsed.status().message());  // names the file
  const resolve::EcbDocument& doc = parsed.value();
  std::vector<NerSentence> out;
  const std::size_t n = doc.tokens.size();
  std::vector<std::size_t> sent_of(n), pos_of(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& t = doc.tokens[i];
    if (i == 0 || t.sentence != doc.tokens[i - 1].sentence) out.emplace_back();
    sent_of[i] = out.size() - 1;
    pos_of[i] = out.back().words.size();
    out.back().words.emplace_back(doc.text.substr(t.begin, t.end - t.begin));
  }
  if (out.empty()) return out;
  out.front().new_doc = true;
  // The tokens [first, last) inside the text range [begin, end).
  auto tokens_in = [&](std::uint32_t begin, std::uint32_t end) {
    auto lo = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), begin,
                               [](const resolve::EcbToken& t, std::uint32_t b) { return t.begin < b; });
    std::size_t first = static_cast<std::size_t>(lo - doc.tokens.begin()), last = first;
    while (last < n && doc.tokens[last].end <= end) ++last;
    return std::pair<std::size_t, std::size_t>(first, last);
  };
  std::vector<char> annotated(out.size(), 0), covered(n, 0), in_name(n, 0);
  for (const auto& m : doc.mentions) {
    auto [first, last] = tokens_in(m.begin, m.end);
    if (first >= last) continue;
    annotated[sent_of[first]] = 1;
    // A capitalised word of a mention outside the name the reader found
    // in it stays open: a second name ("X Clinic in Dunmere"), or a name
    // at a sentence start that the document also writes in lower case.
    for (std::size_t i = first; i < last; ++i) {
      const auto& t = doc.tokens[i];
      const bool name = m.named && t.begin >= m.name_begin && t.end <= m.name_end;
      in_name[i] = in_name[i] || name;
      covered[i] = covered[i] || name || !NameLike(doc.text.substr(t.begin, 1));
    }
  }
  // Headlines in title case capitalise common words, so their names
  // cannot be told from the rest: a sentence whose words outside the
  // marked names are mostly capitalised is left open.
  {
    std::vector<std::size_t> words(out.size(), 0), caps(out.size(), 0);
    for (std::size_t i = 0; i < n; ++i) {
      const std::string& w = out[sent_of[i]].words[pos_of[i]];
      if (in_name[i] || w.size() < 4 || !std::isalpha(static_cast<unsigned char>(w[0]))) continue;
      ++words[sent_of[i]];
      caps[sent_of[i]] += NameLike(w);
    }
    for (std::size_t k = 0; k < out.size(); ++k) {
      if (words[k] >= 3 && caps[k] * 2 > words[k]) annotated[k] = 0;
    }
  }
  for (std::size_t k = 0; k < out.size(); ++k) {
    out[k].labels.assign(out[k].words.size(), annotated[k] ? kOutside : kUnknownLabel);
  }
  auto label = [&](std::size_t i) -> std::uint8_t& { return out[sent_of[i]].labels[pos_of[i]]; };
  auto same_sentence = [&](std::size_t i, std::size_t j) { return sent_of[i] == sent_of[j]; };
  // Words the annotators may have passed over: capitalised ones outside
  // every mention, then the connectors and numbers that join them.
  for (std::size_t i = 0; i < n; ++i) {
    if (!covered[i] && annotated[sent_of[i]] && NameLike(out[sent_of[i]].words[pos_of[i]])) label(i) = kUnknownLabel;
  }
  for (std::size_t i = 1; i < n; ++i) {
    if (covered[i] || label(i) != kOutside || !same_sentence(i - 1, i) || label(i - 1) != kUnknownLabel) continue;
    const std::string& w = out[sent_of[i]].words[pos_of[i]];
    const bool next_open = i + 1 < n && same_sentence(i, i + 1) && label(i + 1) == kUnknownLabel;
    if (Digits(w) || (NameConnector(w) && next_open)) label(i) = kUnknownLabel;
  }
  // Names, the longest first so that a name inside another is left out.
  std::vector<std::pair<std::size_t, std::size_t>> names;  // [first, last) tokens
  std::vector<int> types;
  for (const auto& m : doc.mentions) {
    if (!m.named) continue;
    auto [first, last] = tokens_in(m.name_begin, m.name_end);
    if (first >= last || !same_sentence(first, last - 1) || !annotated[sent_of[first]]) continue;
    // The reader skips a capitalised function word before a name ("In
    // Karvena"), also where it is the name's first word ("Los ..."):
    // capitalised words of the mention before the name join it, except at
    // the sentence's start.
    const std::size_t mention_first = tokens_in(m.begin, m.end).first;
    while (first > mention_first && pos_of[first - 1] > 0 && NameLike(out[sent_of[first]].words[pos_of[first - 1]])) {
      --first;
    }
    names.emplace_back(first, last);
    types.push_back(EcbType(m.tag));
  }
  std::vector<std::size_t> order(names.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return names[a].second - names[a].first > names[b].second - names[b].first;
  });
  const auto& g = gazetteer::Gazetteer::Default();
  for (std::size_t k : order) {
    auto [first, last] = names[k];
    int type = types[k];
    NerSentence& ns = out[sent_of[first]];
    std::size_t b = pos_of[first], e = pos_of[last - 1];
    if (type == 0 && b == e) {
      for (std::uint32_t id : g.Lookup(ns.words[b])) type = g.entry(id).kind == gazetteer::kDemonym ? -1 : type;
    }
    if (type == 0) b = AfterTitles(ns.words, b, e);
    bool free = true;
    for (std::size_t i = b; i <= e; ++i) free = free && (ns.labels[i] == kOutside || ns.labels[i] == kUnknownLabel);
    if (!free) continue;
    for (std::size_t i = b; i <= e; ++i) {
      ns.labels[i] = type < 0 ? kUnknownLabel : i == b ? BeginLabel(type) : InsideLabel(type);
    }
  }
  return out;
}

std::vector<NerSpan> SpansFromLabels(const std::uint8_t* labels, std::size_t n) {
  std::vector<NerSpan> spans;
  for (std::size_t i = 0; i < n;) {
    if (labels[i] == kOutside || labels[i] == kUnknownLabel) {
      ++i;
      continue;
    }
    const int t = LabelType(labels[i]);
    std::size_t j = i + 1;
    while (j < n && labels[j] == InsideLabel(t)) ++j;
    spans.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), t});
    i = j;
  }
  return spans;
}

}  // namespace sitrep::entities
