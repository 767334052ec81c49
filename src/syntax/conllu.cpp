#include "syntax/conllu.h"

#include <charconv>
#include <ostream>

#include "core/error.h"
#include "syntax/model_io.h"

namespace sitrep::syntax {
namespace {

bool ParseInt(std::string_view s, int* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

std::string_view StripCr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string Field(std::string_view s) { return s == "_" ? std::string() : std::string(s); }

}  // namespace

bool ParseConllu(std::string_view data, std::vector<ConllSentence>* sentences, std::string* error) {
  ConllSentence cur;
  bool pending_doc = false, pending_par = false;
  bool in_sentence = false;
  std::size_t line_no = 0;
  auto fail = [&](const std::string& why) {
    *error = "line " + std::to_string(line_no) + ": " + why;
    return false;
  };
  auto flush = [&] {
    if (!cur.words.empty()) sentences->push_back(std::move(cur));
    cur = ConllSentence();
    in_sentence = false;
  };
  std::size_t pos = 0;
  while (pos <= data.size()) {
    std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = StripCr(data.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty()) {
      flush();
      if (nl == data.size()) break;
      continue;
    }
    if (line[0] == '#') {
      if (!in_sentence) {
        cur.new_doc |= pending_doc;
        cur.new_par |= pending_par;
        pending_doc = pending_par = false;
      }
      if (line.starts_with("# newdoc")) cur.new_doc = cur.new_par = true;
      if (line.starts_with("# newpar")) cur.new_par = true;
      if (line.starts_with("# text = ")) cur.text = std::string(line.substr(9));
      if (line.starts_with("# sent_id = ")) cur.sent_id = std::string(line.substr(12));
      if (nl == data.size()) break;
      continue;
    }
    in_sentence = true;
    std::string_view cols[10];
    std::size_t start = 0;
    int n = 0;
    for (; n < 10; ++n) {
      std::size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) {
        cols[n++] = line.substr(start);
        break;
      }
      cols[n] = line.substr(start, tab - start);
      start = tab + 1;
    }
    if (n != 10) return fail("expected 10 tab-separated columns");
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) {
      if (nl == data.size()) break;
      continue;  // empty node of the enhanced graph
    }
    std::size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      ConllMultiword m;
      if (!ParseInt(id.substr(0, dash), &m.first) || !ParseInt(id.substr(dash + 1), &m.last) ||
          m.last < m.first) {
        return fail("bad multiword range '" + std::string(id) + "'");
      }
      m.form = std::string(cols[1]);
      m.misc = Field(cols[9]);
      cur.multiwords.push_back(std::move(m));
    } else {
      int idx = 0;
      if (!ParseInt(id, &idx) || idx != static_cast<int>(cur.words.size()) + 1) {
        return fail("word id '" + std::string(id) + "' out of sequence");
      }
      ConllWord w;
      w.form = std::string(cols[1]);
      w.lemma = cols[2] == "_" && cols[1] != "_" ? std::string() : std::string(cols[2]);
      w.upos = Field(cols[3]);
      w.xpos = Field(cols[4]);
      w.feats = Field(cols[5]);
      if (cols[6] == "_") {
        w.head = -1;
      } else if (!ParseInt(cols[6], &w.head) || w.head < 0) {
        return fail("bad head '" + std::string(cols[6]) + "'");
      }
      w.deprel = Field(cols[7]);
      w.misc = Field(cols[9]);
      cur.words.push_back(std::move(w));
    }
    if (nl == data.size()) break;
  }
  flush();
  for (auto& s : *sentences) {
    for (auto& w : s.words) {
      if (w.head > static_cast<int>(s.words.size())) {
        *error = "sentence '" + s.sent_id + "': head out of range";
        return false;
      }
    }
  }
  return true;
}

std::vector<ConllSentence> ReadConlluFile(const std::string& path) {
  std::string data = ReadFileOrThrow(path);
  std::vector<ConllSentence> out;
  std::string error;
  SITREP_CHECK(ParseConllu(data, &out, &error), ConfigError, path << ": " << error);
  return out;
}

namespace {
void Put(std::ostream& out, std::string_view s) {
  if (s.empty()) {
    out << '_';
    return;
  }
  // A tab or newline inside a field would break the format.
  for (char c : s) out << (c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}
}  // namespace

void WriteConlluSentence(const Article& article, std::size_t index, std::ostream& out) {
  const Sentence& s = article.sentences[index];
  if (!article.id.empty()) out << "# sent_id = " << article.id << '-' << (index + 1) << '\n';
  std::string text(article.Text({s.begin, s.end}));
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  out << "# text = " << text << '\n';
  for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
    const Token& tok = article.tokens[t];
    out << (t - s.first_token + 1) << '\t';
    std::string_view form = article.TokenText(tok);
    Put(out, form);
    out << '\t';
    Put(out, tok.lemma);
    out << '\t';
    Put(out, tok.upos);
    out << '\t';
    Put(out, tok.xpos);
    out << "\t_\t";
    if (tok.deprel.empty()) {
      out << '_';
    } else {
      out << (tok.head + 1);
    }
    out << '\t';
    Put(out, tok.deprel);
    out << "\t_\t" << (tok.space_after ? "_" : "SpaceAfter=No") << '\n';
  }
  out << '\n';
}

void WriteConllu(const Article& article, std::ostream& out) {
  for (std::size_t i = 0; i < article.sentences.size(); ++i) WriteConlluSentence(article, i, out);
}

void WriteConllu(const std::vector<ConllSentence>& sentences, std::ostream& out) {
  for (const ConllSentence& s : sentences) {
    if (s.new_doc) out << "# newdoc\n";
    if (s.new_par) out << "# newpar\n";
    if (!s.sent_id.empty()) out << "# sent_id = " << s.sent_id << '\n';
    if (!s.text.empty()) out << "# text = " << s.text << '\n';
    std::size_t mw = 0;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      while (mw < s.multiwords.size() && s.multiwords[mw].first == static_cast<int>(i) + 1) {
        const auto& m = s.multiwords[mw++];
        out << m.first << '-' << m.last << '\t' << m.form << "\t_\t_\t_\t_\t_\t_\t_\t";
        Put(out, m.misc);
        out << '\n';
      }
      const ConllWord& w = s.words[i];
      out << (i + 1) << '\t' << w.form << '\t';
      Put(out, w.lemma);
      out << '\t';
      Put(out, w.upos);
      out << '\t';
      Put(out, w.xpos);
      out << '\t';
      Put(out, w.feats);
      out << '\t';
      if (w.head < 0) out << '_'; else out << w.head;
      out << '\t';
      Put(out, w.deprel);
      out << "\t_\t";
      Put(out, w.misc);
      out << '\n';
    }
    out << '\n';
  }
}

Article ArticleFromGold(const std::vector<ConllSentence>& gold) {
  Article a;
  for (const auto& s : gold) {
    Sentence sent;
    sent.begin = static_cast<std::uint32_t>(a.text.size());
    sent.first_token = static_cast<std::uint32_t>(a.tokens.size());
    for (const auto& w : s.words) {
      Token t;
      t.begin = static_cast<std::uint32_t>(a.text.size());
      a.text += w.form;
      t.end = static_cast<std::uint32_t>(a.text.size());
      a.text += ' ';
      a.tokens.push_back(t);
    }
    sent.end = static_cast<std::uint32_t>(a.text.size());
    sent.end_token = static_cast<std::uint32_t>(a.tokens.size());
    a.text += '\n';
    a.sentences.push_back(sent);
  }
  return a;
}

}  // namespace sitrep::syntax
