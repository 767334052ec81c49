// ECB+ reader and coreference scores.
#include "core/file.h"
#include "resolve/ecbplus.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/hash.h"
#include "core/resources.h"
#include "resolve/internal.h"

namespace sitrep::resolve {
namespace {

std::string DecodeXml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    bool done = false;
    for (const auto& [ent, ch] : kEntities) {
      if (s.substr(i, ent.size()) == ent) {
        out += ch;
        i += ent.size() - 1;
        done = true;
        break;
      }
    }
    if (!done) out += '&';
  }
  return out;
}

// The value of attribute `name` in the start tag `tag`, or "".
std::string Attr(std::string_view tag, std::string_view name) {
  std::string needle = " ";
  needle += name;
  needle += "=\"";
  std::size_t p = tag.find(needle);
  if (p == std::string_view::npos) return {};
  p += needle.size();
  std::size_t q = tag.find('"', p);
  if (q == std::string_view::npos) return {};
  return DecodeXml(tag.substr(p, q - p));
}

struct XmlToken {
  std::string text;
  int sentence = 0;
  int number = 0;
  std::uint32_t begin = 0, end = 0;
};

struct Markable {
  std::string tag;
  std::vector<int> tokens;  // t_id
  std::string instance;     // instance_id of a self-closing instance markable
};

bool Capitalised(std::string_view w) {
  return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0xC0);
}
bool LowerStart(std::string_view w) { return !w.empty() && w[0] >= 'a' && w[0] <= 'z'; }
std::string Lower(std::string_view w) {
  std::string s(w);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
bool AllCaps(std::string_view w) {
  int upper = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    upper += c >= 'A' && c <= 'Z';
  }
  return upper >= 2;
}

// Words that may sit inside a name between capitalised words.
bool Connector(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "of", "for", "and", "the", "de", "del", "da", "di", "du", "von", "van", "der", "al", "el", "bin", "la",
      "le", "&", "-", ".", "'s", "'", "(", ")", "\"", "`", "``", "''"};
  return kWords.count(w) > 0;
}

}  // namespace

void CollectLowerCaseWords(std::string_view xml, std::unordered_set<std::string>* words) {
  for (std::size_t p = xml.find("<token "); p != std::string_view::npos; p = xml.find("<token ", p + 1)) {
    std::size_t close = xml.find('>', p);
    std::size_t end = xml.find("</token>", p);
    if (close == std::string_view::npos || end == std::string_view::npos || end < close) break;
    std::string_view w = xml.substr(close + 1, end - close - 1);
    if (LowerStart(w)) words->insert(DecodeXml(w));
  }
}

Result<EcbDocument> ParseEcbPlus(std::string_view xml, std::string_view name,
                                 const std::unordered_set<std::string>* common_words) {
  EcbDocument doc;
  doc.name = std::string(name);
  std::map<int, XmlToken> tokens;
  for (std::size_t p = xml.find("<token "); p != std::string_view::npos; p = xml.find("<token ", p + 1)) {
    std::size_t close = xml.find('>', p);
    std::size_t end = xml.find("</token>", p);
    if (close == std::string_view::npos || end == std::string_view::npos || end < close) break;
    std::string_view tag = xml.substr(p, close - p + 1);
    XmlToken t;
    t.text = DecodeXml(xml.substr(close + 1, end - close - 1));
    t.sentence = std::atoi(Attr(tag, "sentence").c_str());
    t.number = std::atoi(Attr(tag, "number").c_str());
    tokens[std::atoi(Attr(tag, "t_id").c_str())] = std::move(t);
  }
  if (tokens.empty()) return Status(Code::kInvalidInput, std::string(name) + ": no tokens");

  // Detokenise: no space before closing punctuation and clitics, none after
  // an opening parenthesis; one sentence a line.
  static const std::unordered_set<std::string_view> kNoSpaceBefore = {",", ".", ";", ":", "!", "?", ")", "'s",
                                                                     "n't", "%", "'re", "'ve", "'ll", "'m", "'d"};
  int last_sentence = -1;
  std::string_view prev;
  for (auto& [id, t] : tokens) {
    if (last_sentence >= 0) {
      if (t.sentence != last_sentence) doc.text += '\n';
      else if (!kNoSpaceBefore.count(t.text) && prev != "(") doc.text += ' ';
    }
    last_sentence = t.sentence;
    t.begin = static_cast<std::uint32_t>(doc.text.size());
    doc.text += t.text;
    t.end = static_cast<std::uint32_t>(doc.text.size());
    doc.tokens.push_back({t.begin, t.end, t.sentence});
    prev = t.text;
  }
  std::unordered_set<std::string> lower_words;
  CollectLowerCaseWords(xml, &lower_words);
  auto is_common = [&](const std::string& w) {
    return lower_words.count(w) > 0 || (common_words != nullptr && common_words->count(w) > 0);
  };

  // Markables.
  std::unordered_map<std::string, Markable> markables;
  std::vector<std::string> order;
  std::size_t mb = xml.find("<Markables>");
  std::size_t me = xml.find("</Markables>");
  if (mb != std::string_view::npos && me != std::string_view::npos) {
    std::string_view body = xml.substr(mb, me - mb);
    for (std::size_t p = body.find('<', 1); p != std::string_view::npos; p = body.find('<', p + 1)) {
      std::size_t close = body.find('>', p);
      if (close == std::string_view::npos) break;
      std::string_view tag = body.substr(p, close - p + 1);
      if (tag.size() < 2 || tag[1] == '/' || tag.substr(0, 13) == "<token_anchor") continue;
      std::string m_id = Attr(tag, "m_id");
      if (m_id.empty()) continue;
      std::size_t sp = tag.find(' ');
      Markable mk;
      mk.tag = std::string(tag.substr(1, sp - 1));
      bool self_closing = tag[tag.size() - 2] == '/';
      if (self_closing) {
        mk.instance = Attr(tag, "instance_id");
        if (mk.instance.empty()) mk.instance = "intra:" + doc.name + ":" + m_id;
      } else {
        std::string end_tag = "</" + mk.tag + ">";
        std::size_t end = body.find(end_tag, close);
        if (end == std::string_view::npos) break;
        std::string_view inner = body.substr(close, end - close);
        for (std::size_t q = inner.find("t_id=\""); q != std::string_view::npos; q = inner.find("t_id=\"", q + 1))
          mk.tokens.push_back(std::atoi(std::string(inner.substr(q + 6, 12)).c_str()));
        p = end;
      }
      order.push_back(m_id);
      markables[m_id] = std::move(mk);
    }
  }
  // Relations: sources -> the target instance.
  std::unordered_map<std::string, std::string> cluster_of;
  for (std::string_view kind : {"<CROSS_DOC_COREF", "<INTRA_DOC_COREF"}) {
    std::string end_tag = "</";
    end_tag += kind.substr(1);
    end_tag += ">";
    for (std::size_t p = xml.find(kind); p != std::string_view::npos; p = xml.find(kind, p + 1)) {
      std::size_t end = xml.find(end_tag, p);
      if (end == std::string_view::npos) break;
      std::string_view rel = xml.substr(p, end - p);
      std::size_t t = rel.find("<target m_id=\"");
      if (t == std::string_view::npos) continue;
      std::string target = Attr(rel.substr(t), "m_id");
      auto mt = markables.find(target);
      if (mt == markables.end()) continue;
      for (std::size_t s = rel.find("<source "); s != std::string_view::npos; s = rel.find("<source ", s + 1))
        cluster_of[Attr(rel.substr(s, rel.find('>', s) - s + 1), "m_id")] = mt->second.instance;
    }
  }

  const detail::Lexicons& lex = detail::GetLexicons();
  for (const std::string& m_id : order) {
    const Markable& mk = markables[m_id];
    if (mk.tokens.empty()) continue;
    if (mk.tag.rfind("HUMAN_PART", 0) != 0 && mk.tag.rfind("LOC_", 0) != 0) continue;
    std::vector<const XmlToken*> ts;
    for (int id : mk.tokens) {
      auto it = tokens.find(id);
      if (it != tokens.end()) ts.push_back(&it->second);
    }
    if (ts.empty()) continue;
    std::sort(ts.begin(), ts.end(), [](const XmlToken* a, const XmlToken* b) { return a->begin < b->begin; });
    EcbMention m;
    m.tag = mk.tag;
    m.begin = ts.front()->begin;
    m.end = ts.back()->end;
    auto c = cluster_of.find(m_id);
    m.cluster = c != cluster_of.end() ? c->second : "single:" + doc.name + ":" + m_id;
    // The name: the first capitalised word after leading lower-case words
    // and punctuation, and the capitalised words and connectors after it.
    std::size_t i = 0;
    for (;;) {
      while (i < ts.size() && !Capitalised(ts[i]->text)) ++i;
      // "In Karvena", "Near Dunmere": a capitalised function word.
      if (i + 1 < ts.size()) {
        std::string low = Lower(ts[i]->text);
        if (lex.function_words.count(low) || low == "near" || low == "outside" || low == "from") {
          ++i;
          continue;
        }
      }
      break;
    }
    if (i < ts.size()) {
      const XmlToken& w = *ts[i];
      std::string low = Lower(w.text);
      // "He's", "They'll", "Penrose's": the word without its clitic.
      std::string bare = low.substr(0, low.find('\''));
      bool pronoun = lex.pronouns.count(low) > 0 || lex.pronouns.count(bare) > 0;
      bool initial = w.number == 0 || (i > 0 && w.number <= 1) || AllCaps(w.text);
      bool common = initial && (is_common(low) || is_common(bare));
      if (!pronoun && !common) {
        std::size_t last = i;
        for (std::size_t j = i + 1; j < ts.size(); ++j) {
          if (Capitalised(ts[j]->text) || std::isdigit(static_cast<unsigned char>(ts[j]->text[0]))) {
            last = j;
          } else if (!Connector(ts[j]->text) || ts[j]->text == ",") {
            break;
          }
        }
        // An opening parenthesis without its closing one ends the name.
        int open = 0;
        std::size_t cut = last;
        for (std::size_t j = i; j <= last; ++j) {
          if (ts[j]->text == "(") {
            if (open == 0) cut = j;
            ++open;
          } else if (ts[j]->text == ")") {
            --open;
          }
        }
        if (open > 0 && cut > i) last = cut - 1;
        m.named = true;
        m.name_begin = w.begin;
        m.name_end = ts[last]->end;
      }
    }
    doc.mentions.push_back(std::move(m));
  }
  std::stable_sort(doc.mentions.begin(), doc.mentions.end(),
                   [](const EcbMention& a, const EcbMention& b) { return a.begin < b.begin; });
  return doc;
}

std::vector<std::string> EcbPlusTopics(std::string_view part) {
  std::vector<std::string> out;
  for (std::string_view line : DataLines(Resource("resolve/ecbplus_split.txt"))) {
    auto sp = line.find(' ');
    if (sp == std::string_view::npos) continue;
    if (part == "all" || line.substr(0, sp) == part) out.emplace_back(line.substr(sp + 1));
  }
  return out;
}

CorefScores ScoreCoref(const std::vector<std::uint64_t>& gold, const std::vector<std::uint64_t>& system) {
  CorefScores s;
  const std::size_t n = std::min(gold.size(), system.size());
  s.mentions = static_cast<long>(n);
  if (n == 0) return s;
  std::unordered_map<std::uint64_t, double> gsize, ssize;
  std::map<std::pair<std::uint64_t, std::uint64_t>, double> both;
  for (std::size_t i = 0; i < n; ++i) {
    gsize[gold[i]] += 1;
    ssize[system[i]] += 1;
    both[{gold[i], system[i]}] += 1;
  }
  s.gold_entities = static_cast<long>(gsize.size());
  s.system_entities = static_cast<long>(ssize.size());
  double p = 0, r = 0, tp = 0, gp = 0, sp = 0;
  for (const auto& [k, c] : both) {
    p += c * c / ssize[k.second];
    r += c * c / gsize[k.first];
    tp += c * (c - 1) / 2;
  }
  for (const auto& [k, c] : gsize) gp += c * (c - 1) / 2;
  for (const auto& [k, c] : ssize) sp += c * (c - 1) / 2;
  auto f1 = [](double a, double b) { return a + b > 0 ? 2 * a * b / (a + b) : 0.0; };
  s.b3_precision = p / static_cast<double>(n);
  s.b3_recall = r / static_cast<double>(n);
  s.b3_f1 = f1(s.b3_precision, s.b3_recall);
  s.pairwise_precision = sp > 0 ? tp / sp : 0;
  s.pairwise_recall = gp > 0 ? tp / gp : 0;
  s.pairwise_f1 = f1(s.pairwise_precision, s.pairwise_recall);
  return s;
}

Result<EcbEvaluation> EvaluateEcbPlus(const std::string& dir, const std::vector<std::string>& topics,
                                      const MergeOptions& options, std::string* report) {
  EcbEvaluation ev;
  std::vector<std::uint64_t> gold_all, sys_all, gold_named, sys_named, base_named;
  std::unordered_map<std::string, std::uint64_t> gold_ids;
  std::uint64_t next_label = 1;
  auto gold_label = [&](const std::string& key) {
    auto [it, fresh] = gold_ids.try_emplace(key, 0);
    if (fresh) it->second = next_label++;
    return it->second;
  };
  for (const std::string& topic : topics) {
    std::filesystem::path folder = std::filesystem::path(dir) / topic;
    if (!std::filesystem::is_directory(folder))
      return Status(Code::kNotFound, "no topic folder " + folder.string());
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(folder))
      if (e.path().extension() == ".xml") files.push_back(e.path().filename().string());
    std::sort(files.begin(), files.end());
    std::vector<std::string> xmls(files.size());
    std::unordered_set<std::string> topic_lower;
    for (std::size_t k = 0; k < files.size(); ++k) {
      if (!ReadWholeFile((folder / files[k]).string(), &xmls[k]))
        return Status(Code::kIoError, "cannot read " + (folder / files[k]).string());
      CollectLowerCaseWords(xmls[k], &topic_lower);
    }
    std::vector<EcbDocument> docs;
    std::vector<std::vector<std::int32_t>> mention_index;  // gold mention -> article mention, or -1
    std::vector<Article> articles;
    Resolver resolver(options);
    for (std::size_t fi = 0; fi < files.size(); ++fi) {
      const std::string& f = files[fi];
      auto doc = ParseEcbPlus(xmls[fi], f, &topic_lower);
      if (!doc.ok()) return doc.status();
      Article a;
      a.id = f;
      a.text = doc->text;
      // Names in text order (a nested gold mention can start a name earlier).
      std::vector<std::size_t> by_begin;
      for (std::size_t k = 0; k < doc->mentions.size(); ++k)
        if (doc->mentions[k].named) by_begin.push_back(k);
      std::stable_sort(by_begin.begin(), by_begin.end(), [&](std::size_t x, std::size_t y) {
        return doc->mentions[x].name_begin < doc->mentions[y].name_begin;
      });
      std::vector<std::int32_t> index(doc->mentions.size(), -1);
      for (std::size_t k : by_begin) {
        const EcbMention& m = doc->mentions[k];
        Mention am;
        am.begin = m.name_begin;
        am.end = m.name_end;
        const std::string& t = m.tag;
        if (t == "HUMAN_PART_PER" || t == "HUMAN_PART_GENERIC") am.type = "PERSON";
        else if (t == "HUMAN_PART_ORG") am.type = "ORG";
        else if (t == "HUMAN_PART_VEH") am.type = "MISC";
        else am.type = "LOC";
        am.as_actor = t == "HUMAN_PART_GPE" || t == "HUMAN_PART_MET";
        index[k] = static_cast<std::int32_t>(a.mentions.size());
        a.mentions.push_back(std::move(am));
      }
      MergeWithinArticle(a, options);
      resolver.Add(a.id, a.local_entities);
      docs.push_back(std::move(*doc));
      mention_index.push_back(std::move(index));
      articles.push_back(std::move(a));
    }
    std::vector<std::vector<std::uint32_t>> assignment;
    std::vector<Resolver::Entity> entities = resolver.Finish(&assignment);
    ++ev.topics;
    ev.documents += static_cast<long>(docs.size());
    // Report material: system cluster -> named mentions, gold cluster -> system clusters.
    std::map<std::uint64_t, std::vector<std::string>> by_system;
    std::map<std::string, std::map<std::uint64_t, std::vector<std::string>>> by_gold;
    for (std::size_t d = 0; d < docs.size(); ++d) {
      for (std::size_t k = 0; k < docs[d].mentions.size(); ++k) {
        const EcbMention& m = docs[d].mentions[k];
        std::uint64_t g = gold_label(m.cluster);
        gold_all.push_back(g);
        std::int32_t ai = mention_index[d][k];
        if (ai < 0) {
          sys_all.push_back(next_label++);
          continue;
        }
        const Mention& am = articles[d].mentions[static_cast<std::size_t>(ai)];
        std::uint32_t entity = assignment[d][static_cast<std::size_t>(am.local)];
        std::uint64_t s = Hash64(topic + "|" + std::to_string(entity) + "|" + (am.as_actor ? "actor" : ""));
        std::string surface = std::string(std::string_view(articles[d].text).substr(am.begin, am.end - am.begin));
        sys_all.push_back(s);
        gold_named.push_back(g);
        sys_named.push_back(s);
        base_named.push_back(Hash64(topic + "|" + am.type + "|" + Lower(surface)));
        if (report != nullptr) {
          by_system[s].push_back(surface + " {" + m.cluster + "}");
          by_gold[m.cluster][s].push_back(surface);
        }
      }
    }
    if (report != nullptr) {
      *report += "TOPIC " + topic + "\n";
      for (const auto& [s, items] : by_system) {
        std::unordered_set<std::string> clusters;
        for (const std::string& it : items) clusters.insert(it.substr(it.rfind('{')));
        if (clusters.size() < 2) continue;
        *report += "MERGED";
        for (const std::string& it : items) *report += "\t" + it;
        *report += "\n";
      }
      for (const auto& [g, parts] : by_gold) {
        if (parts.size() < 2) continue;
        *report += "SPLIT\t" + g;
        for (const auto& [s, items] : parts) {
          *report += "\t[";
          for (std::size_t i = 0; i < items.size(); ++i) *report += (i ? " | " : "") + items[i];
          *report += "]";
        }
        *report += "\n";
      }
    }
  }
  ev.all = ScoreCoref(gold_all, sys_all);
  ev.named = ScoreCoref(gold_named, sys_named);
  ev.baseline = ScoreCoref(gold_named, base_named);
  return ev;
}

}  // namespace sitrep::resolve
