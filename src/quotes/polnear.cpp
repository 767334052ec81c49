#include "quotes/polnear.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/file.h"
#include "core/utf8.h"

namespace sitrep::quotes {
namespace {

namespace fs = std::filesystem;

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  for (;;) {
    std::size_t j = s.find(sep, i);
    out.push_back(s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) return out;
    i = j + 1;
  }
}

bool ParseUint(std::string_view s, std::uint32_t* v) {
  if (s.empty()) return false;
  std::uint64_t x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    x = x * 10 + static_cast<std::uint64_t>(c - '0');
    if (x > 0xFFFFFFFFu) return false;
  }
  *v = static_cast<std::uint32_t>(x);
  return true;
}

// Byte offset of every code point offset of text (and of its end).
std::vector<std::uint32_t> CodePointBytes(std::string_view text) {
  std::vector<std::uint32_t> out;
  out.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size();) {
    out.push_back(static_cast<std::uint32_t>(i));
    utf8::Decode(text, i);
  }
  out.push_back(static_cast<std::uint32_t>(text.size()));
  return out;
}

Status ReadAnn(const std::string& path, const std::vector<std::uint32_t>& cp, std::vector<GoldAttribution>* out) {
  std::string body;
  if (!ReadWholeFile(path, &body)) return Status(Code::kIoError, "cannot read " + path);
  struct Span {
    std::string type;
    std::vector<ByteSpan> spans;
  };
  std::map<std::string, Span, std::less<>> spans;
  std::vector<std::vector<std::string_view>> events;
  std::size_t line_no = 0;
  for (std::string_view line : SplitOn(body, '\n')) {
    ++line_no;
    if (line.empty()) continue;
    auto f = SplitOn(line, '\t');
    auto where = [&] { return path + ":" + std::to_string(line_no); };
    // An id is a letter and digits; other lines continue an annotation's
    // text over a line break.
    auto is_id = [&](char kind) {
      return f.size() >= 2 && f[0].size() >= 2 && f[0][0] == kind &&
             f[0].find_first_not_of("0123456789", 1) == std::string_view::npos;
    };
    if (is_id('T')) {
      if (f.size() < 2) return Status(Code::kInvalidInput, where() + ": a text-bound annotation needs a type and offsets");
      auto head = SplitOn(f[1], ' ');
      Span sp;
      sp.type = std::string(head[0]);
      std::string_view rest = f[1].substr(head[0].size());
      for (std::string_view frag : SplitOn(rest.empty() ? rest : rest.substr(1), ';')) {
        auto be = SplitOn(frag, ' ');
        std::uint32_t b = 0, e = 0;
        if (be.size() != 2 || !ParseUint(be[0], &b) || !ParseUint(be[1], &e) || b > e || e >= cp.size()) {
          return Status(Code::kInvalidInput, where() + ": bad offsets \"" + std::string(frag) + "\"");
        }
        sp.spans.push_back({cp[b], cp[e]});
      }
      spans.emplace(std::string(f[0]), std::move(sp));
    } else if (is_id('E')) {
      if (f.size() < 2) return Status(Code::kInvalidInput, where() + ": an event needs its arguments");
      events.push_back(SplitOn(f[1], ' '));
    }
  }
  for (const auto& args : events) {
    if (args.empty() || args[0].substr(0, 11) != "Attribution") continue;
    GoldAttribution g;
    for (std::size_t k = 1; k < args.size(); ++k) {
      auto role_id = SplitOn(args[k], ':');
      if (role_id.size() != 2) continue;
      auto it = spans.find(role_id[1]);
      if (it == spans.end()) continue;
      std::string_view role = role_id[0];
      // Roles may carry a number when repeated ("Content2").
      while (!role.empty() && role.back() >= '0' && role.back() <= '9') role.remove_suffix(1);
      auto& target = role == "Content" ? g.content : role == "Cue" ? g.cue : role == "Source" ? g.source : g.content;
      if (role != "Content" && role != "Cue" && role != "Source") continue;
      target.insert(target.end(), it->second.spans.begin(), it->second.spans.end());
    }
    if (!g.content.empty()) out->push_back(std::move(g));
  }
  return Status::Ok();
}

}  // namespace

Status ReadPolnear(const std::string& dir_in, std::vector<GoldDoc>* docs) {
  std::string dir = dir_in;
  if (!fs::exists(dir + "/text") && fs::exists(dir + "/dev/text")) dir += "/dev";
  if (!fs::exists(dir + "/text") || !fs::exists(dir + "/attributions")) {
    return Status(Code::kNotFound, dir + " has no text/ and attributions/ folders (PolNeAR layout)");
  }
  std::vector<std::string> anns;
  for (const auto& e : fs::directory_iterator(dir + "/attributions")) {
    if (e.path().extension() == ".ann") anns.push_back(e.path().filename().string());
  }
  std::sort(anns.begin(), anns.end());
  std::string last;
  for (const std::string& ann : anns) {
    std::string stem = ann.substr(0, ann.size() - 4);
    std::size_t us = stem.rfind('_');
    std::string name = us == std::string::npos ? stem : stem.substr(0, us);
    if (name == last) continue;  // a second annotator of the same article
    last = name;
    GoldDoc d;
    d.name = name;
    std::string text_path = dir + "/text/" + name + ".txt";
    if (!ReadWholeFile(text_path, &d.text)) return Status(Code::kNotFound, "no text for " + ann + ": " + text_path);
    if (!utf8::IsValid(d.text)) return Status(Code::kInvalidInput, text_path + ": not valid UTF-8");
    if (Status s = ReadAnn(dir + "/attributions/" + ann, CodePointBytes(d.text), &d.attributions); !s.ok()) return s;
    docs->push_back(std::move(d));
  }
  return Status::Ok();
}

void Classify(const Article& a, const CueLexicon& lexicon, std::vector<GoldAttribution>* gold) {
  for (GoldAttribution& g : *gold) {
    g.speech = false;
    for (const ByteSpan& c : g.cue) {
      std::string_view text = a.Text(c);
      if (text.find(':') != std::string_view::npos) g.speech = true;
      std::string lower(text);
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      for (const auto& ph : lexicon.phrases()) {
        std::string joined;
        for (const auto& w : ph.words) joined += (joined.empty() ? "" : " ") + w;
        if (ph.type == CueType::kSpeech && lower.find(joined) != std::string::npos) g.speech = true;
      }
      for (std::size_t i = 0; i < a.tokens.size(); ++i) {
        const Token& t = a.tokens[i];
        if (t.begin < c.begin || t.end > c.end) continue;
        std::string lemma = t.lemma;
        for (char& ch : lemma) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        const auto* v = lexicon.Verb(lemma);
        if (!v) continue;
        // An entry that needs words after its verb ("fire back", "point
        // out", "go on") is a cue of saying only when they follow: "fired"
        // or "pointed" alone say nothing.
        for (const auto& cue : *v) {
          if (cue.type != CueType::kSpeech) continue;
          bool follows = true;
          for (std::size_t k = 0; k < cue.rest.size() && follows; ++k) {
            if (i + 1 + k >= a.tokens.size()) {
              follows = false;
              break;
            }
            std::string w(a.TokenText(a.tokens[i + 1 + k]));
            for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            follows = w == cue.rest[k];
          }
          if (follows) g.speech = true;
        }
      }
    }
  }
}

namespace {

// Word tokens of a inside the spans, as a sorted list of token indices.
std::vector<std::uint32_t> WordTokens(const Article& a, const std::vector<ByteSpan>& spans) {
  std::vector<std::uint32_t> out;
  for (const ByteSpan& s : spans) {
    auto it = std::lower_bound(a.tokens.begin(), a.tokens.end(), s.begin,
                               [](const Token& t, std::uint32_t v) { return t.end <= v; });
    for (; it != a.tokens.end() && it->begin < s.end; ++it) {
      if (it->begin < s.begin || it->end > s.end) continue;
      bool word = false;
      for (char ch : a.TokenText(*it)) word = word || std::isalnum(static_cast<unsigned char>(ch));
      if (word) out.push_back(static_cast<std::uint32_t>(it - a.tokens.begin()));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::size_t Shared(const std::vector<std::uint32_t>& x, const std::vector<std::uint32_t>& y) {
  std::size_t i = 0, j = 0, n = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] < y[j]) {
      ++i;
    } else if (y[j] < x[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

// s on one line, cut to at most max bytes at a character boundary, so the
// error listing stays valid UTF-8.
std::string Clip(std::string s, std::size_t max) {
  for (char& c : s) c = c == '\n' ? ' ' : c;
  if (s.size() <= max) return s;
  std::size_t cut = max;
  while (cut > 0 && !utf8::IsLead(static_cast<unsigned char>(s[cut]))) --cut;
  s.resize(cut);
  return s;
}

ByteSpan Extent(const std::vector<ByteSpan>& spans) {
  ByteSpan e{~0u, 0};
  for (const ByteSpan& s : spans) {
    e.begin = std::min(e.begin, s.begin);
    e.end = std::max(e.end, s.end);
  }
  return spans.empty() ? ByteSpan{} : e;
}

// True if the text between end and begin breaks no paragraph, or breaks
// one and the quote at begin opens the next paragraph: PolNeAR counts a
// cue-less quote that opens the paragraph after a quote as more of it.
bool NextParagraphAtMost(const Article& a, std::uint32_t end, std::uint32_t begin) {
  std::string_view gap = a.Text({end, begin});
  std::size_t first = gap.find('\n');
  if (first == std::string_view::npos) return true;
  std::size_t last = gap.rfind('\n');
  for (std::size_t i = first; i < gap.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(gap[i]);
    // Blank lines, then spaces and the opening mark (ASCII, or a
    // typographic mark's bytes).
    bool blank = c == '\n' || c == '\r' || c == ' ' || c == '\t';
    if (!blank && (i < last || (c < 0x80 && c != '"' && c != '\''))) return false;
  }
  return true;
}

// The index of the sentence that holds byte b.
std::size_t SentenceAt(const Article& a, std::uint32_t b) {
  auto it = std::upper_bound(a.sentences.begin(), a.sentences.end(), b,
                             [](std::uint32_t x, const Sentence& s) { return x < s.begin; });
  return static_cast<std::size_t>(it - a.sentences.begin());
}

}  // namespace

std::vector<Quote> AsPolnearUnits(const Article& a, const std::vector<Quote>& quotes) {
  std::vector<Quote> out;
  for (const Quote& q : quotes) {
    // A direct quote without a cue, crediting the previous speaker, the
    // person the sentence before is about, or no one, in the same
    // paragraph as the quote before it.
    // Or a direct quote that shares the quote before's cue (“A,” she
    // said. “B.”: sitrep may credit both to the one act of speech).
    bool uncued = q.cue.end <= q.cue.begin &&
                  (q.speaker_from == "previous" || q.speaker_from == "previous_sentence" || q.speaker_from.empty());
    bool shared_cue = !out.empty() && q.cue.end > q.cue.begin && q.cue.begin == out.back().cue.begin &&
                      q.cue.end == out.back().cue.end;
    bool continues = !out.empty() && q.kind == "direct" && (uncued || shared_cue) &&
                     q.content.begin >= out.back().content.end &&
                     NextParagraphAtMost(a, out.back().content.end, q.content.begin);
    // A mixed quote with the cue of an earlier mixed quote, one reported
    // clause holding the other's ("called the plan “reckless” and
    // “doomed”": sitrep lists a quote per fragment, each with the clause
    // around it), is one more fragment of that attribution.
    bool fragment = false;
    if (q.kind == "mixed" && q.cue.end > q.cue.begin) {
      for (std::size_t k = out.size(); k-- > 0 && !fragment;) {
        Quote& o = out[k];
        if (o.kind != "mixed" || o.cue.begin != q.cue.begin || o.cue.end != q.cue.end) continue;
        bool inside = (q.content.begin >= o.content.begin && q.content.end <= o.content.end) ||
                      (o.content.begin >= q.content.begin && o.content.end <= q.content.end);
        if (!inside) continue;
        o.content = {std::min(o.content.begin, q.content.begin), std::max(o.content.end, q.content.end)};
        o.parts.insert(o.parts.end(), q.parts.begin(), q.parts.end());
        fragment = true;
      }
    }
    if (fragment) continue;
    if (!continues) {
      out.push_back(q);
      continue;
    }
    // “A,” she said, referring to X. “B.”: the participle's act sits
    // inside the quotation, which runs on past it; it is nested in the
    // joined unit (below).
    std::size_t to = out.size() - 1;
    if (out.size() >= 2 && out[to].kind == "indirect" && out[to - 1].kind == "direct" &&
        out[to].cue.begin >= out[to - 1].content.end &&
        SentenceAt(a, out[to].cue.begin) == SentenceAt(a, out[to - 1].content.end)) {
      --to;
    }
    Quote& u = out[to];
    u.parts.insert(u.parts.end(), q.parts.begin(), q.parts.end());
    u.content.end = q.content.end;
  }
  // Each word belongs to at most one PolNeAR attribution: a quote whose
  // cue and content lie inside another quote's content is part of it.
  std::vector<Quote> outer;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Quote& q = out[i];
    bool nested = false;
    for (std::size_t j = 0; j < out.size() && !nested; ++j) {
      const Quote& o = out[j];
      bool same = o.content.begin == q.content.begin && o.content.end == q.content.end;
      nested = j != i && (!same || j < i) && q.cue.end > q.cue.begin && q.cue.begin >= o.content.begin &&
               q.cue.end <= o.content.end && q.content.begin >= o.content.begin && q.content.end <= o.content.end;
    }
    if (!nested) outer.push_back(q);
  }
  return outer;
}

void AttributionScorer::Add(const Article& a, const std::vector<GoldAttribution>& gold_all,
                            const std::vector<Quote>& found_quotes) {
  const std::vector<Quote> found = AsPolnearUnits(a, found_quotes);
  std::vector<const GoldAttribution*> gold;
  for (const auto& g : gold_all) {
    if (!only_speech_ || g.speech) gold.push_back(&g);
  }
  s_.gold += gold.size();
  s_.found += found.size();
  std::vector<std::vector<std::uint32_t>> gw, fw;
  for (const auto* g : gold) gw.push_back(WordTokens(a, {Extent(g->content)}));
  for (const Quote& q : found) fw.push_back(WordTokens(a, {q.content}));

  // Content: exact, then overlap, each one to one.
  std::vector<bool> g_used(gold.size()), f_used(found.size());
  for (std::size_t i = 0; i < gold.size(); ++i) {
    for (std::size_t j = 0; j < found.size(); ++j) {
      if (!f_used[j] && !gw[i].empty() && gw[i] == fw[j]) {
        f_used[j] = g_used[i] = true;
        ++s_.exact;
        break;
      }
    }
  }
  struct Pair {
    double score;
    std::size_t g, f;
  };
  std::vector<Pair> pairs;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    for (std::size_t j = 0; j < found.size(); ++j) {
      std::size_t n = Shared(gw[i], fw[j]);
      if (n == 0 || 2 * n < gw[i].size() || 2 * n < fw[j].size()) continue;
      pairs.push_back({double(n) / double(gw[i].size() + fw[j].size() - n), i, j});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    return x.score != y.score ? x.score > y.score : (x.g != y.g ? x.g < y.g : x.f < y.f);
  });
  std::fill(g_used.begin(), g_used.end(), false);
  std::fill(f_used.begin(), f_used.end(), false);
  for (const Pair& p : pairs) {
    if (g_used[p.g] || f_used[p.f]) continue;
    g_used[p.g] = f_used[p.f] = true;
    ++s_.overlap;
    // Source, on this match.
    const GoldAttribution& g = *gold[p.g];
    const Quote& q = found[p.f];
    ++s_.source_checked;
    bool has_speaker = q.speaker_local >= 0 || !q.speaker_name.empty() || !q.speaker_description.empty();
    if (g.source.empty()) {
      if (!has_speaker) ++s_.source_right;
      continue;
    }
    auto gs = WordTokens(a, g.source);
    std::vector<ByteSpan> said;
    if (q.speaker_span.end > q.speaker_span.begin) said.push_back(q.speaker_span);
    if (q.speaker_local >= 0) {
      for (const Mention& m : a.mentions) {
        if (m.local == q.speaker_local) said.push_back({m.begin, m.end});
      }
    }
    if (!said.empty() && Shared(gs, WordTokens(a, said)) > 0) {
      ++s_.source_right;
    } else if (errors_) {
      std::string found_src = q.speaker_span.end > q.speaker_span.begin ? std::string(a.Text(q.speaker_span)) : "-";
      errors_->push_back("SOURCE\t" + std::string(a.Text(g.source.front())) + "\t" + found_src + "\t" + q.speaker_name +
                         "\t" + q.speaker_from + "\t" + Clip(std::string(a.Text(q.content)), 80) + "\t" + q.kind);
    }
  }
  if (errors_) {
    auto flat = [](std::string s) { return Clip(std::move(s), 160); };
    for (std::size_t i = 0; i < gold.size(); ++i) {
      if (g_used[i]) continue;
      std::string cue = gold[i]->cue.empty() ? "-" : std::string(a.Text(gold[i]->cue.front()));
      ByteSpan e = Extent(gold[i]->content);
      errors_->push_back("MISS\t" + flat(cue) + "\t" + flat(std::string(a.Text(e))) + "\t" + std::to_string(e.begin) +
                         "\t" + std::to_string(e.end) + "\t" + std::to_string(gold[i]->content.size()));
    }
    for (std::size_t j = 0; j < found.size(); ++j) {
      const Quote& q = found[j];
      errors_->push_back((f_used[j] ? "MATCH\t" : "EXTRA\t") + q.kind + "\t" + q.cue_text + "\t" + flat(std::string(a.Text(q.content))) + "\t" +
                         std::to_string(q.content.begin) + "\t" + std::to_string(q.content.end) + "\t" + q.speaker_from);
    }
  }

  // Cues: any shared word token, one to one.
  std::vector<std::vector<std::uint32_t>> gc, fc;
  for (const auto* g : gold) {
    if (!g->cue.empty()) gc.push_back(WordTokens(a, g->cue));
  }
  for (const Quote& q : found) {
    if (q.cue.end > q.cue.begin) fc.push_back(WordTokens(a, {q.cue}));
  }
  s_.cue_gold += gc.size();
  s_.cue_found += fc.size();
  std::vector<bool> c_used(fc.size());
  for (const auto& g : gc) {
    for (std::size_t j = 0; j < fc.size(); ++j) {
      if (!c_used[j] && Shared(g, fc[j]) > 0) {
        c_used[j] = true;
        ++s_.cue_match;
        break;
      }
    }
  }
}

}  // namespace sitrep::quotes
