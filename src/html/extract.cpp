// Main-content extraction. The scoring follows the published Readability
// algorithm (paragraph scores from length and commas pushed to ancestors,
// damped by link density, with tag and class/id priors) and trafilatura's
// practice of pruning known page furniture first and retrying with looser
// settings when too little text survives.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "core/utf8.h"
#include "html/charset.h"
#include "html/cues.h"
#include "html/dom.h"
#include "html/html.h"
#include "html/metadata.h"

namespace sitrep::html {
namespace {

struct Node {
  const GumboNode* g = nullptr;
  int parent = -1;
  int end = 0;  // one past the last node of the subtree (pre-order)
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool text = false;
  bool hidden = false;          // never rendered: no text, not descended
  std::string_view fixed_drop;  // dropped in every attempt (hidden by attribute, tag role)
  std::string_view cue_drop;    // a negative class/id cue
  bool positive = false;
  bool in_article = false;      // inside <article> or an itemprop=articleBody element
  bool in_figure = false;       // inside <figure>
  // Tenths of an <a>'s text that count as link text: 10 for a link to
  // another page, 3 for one that stays on it (Readability's weight for
  // "#..."; a "javascript:" control, a glossary pop-up or a footnote, does
  // not leave the page either).
  std::uint8_t link_tenths = 10;
  bool data_table = false;      // a <table> of data rather than layout
  int weight = 0;               // Readability's class weight
  std::uint32_t own_chars = 0, own_commas = 0;
  std::uint32_t br_breaks = 0;  // runs of two or more <br> among the children (paragraph breaks)
  // Aggregates over the live subtree, per attempt.
  std::uint32_t chars = 0, link_chars = 0, commas = 0, direct_chars = 0, direct_commas = 0;
  std::uint32_t list_chars = 0;  // of chars, those inside <ul> or <ol>
  std::uint32_t blocks = 0, p = 0, img = 0, li = 0, input = 0, embed = 0, heading = 0;
  double score = 0;
  bool scored = false;
  std::string_view drop;  // this attempt's decision
};

bool HiddenTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_TITLE: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP: case GUMBO_TAG_IMG:
    case GUMBO_TAG_SOURCE:
      return true;
    default:
      return false;
  }
}

bool IsSpace(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Characters (code points) of a text node with whitespace collapsed, and its commas.
void CountText(const char* s, std::uint32_t* chars, std::uint32_t* commas) {
  std::uint32_t n = 0, c = 0;
  bool space = true;
  for (const unsigned char* p = reinterpret_cast<const unsigned char*>(s); *p; ++p) {
    if (IsSpace(*p)) {
      if (!space) ++n;
      space = true;
      continue;
    }
    space = false;
    if ((*p & 0xC0) != 0x80) ++n;
    if (*p == ',') ++c;
    // Fullwidth comma, ideographic comma, Arabic comma.
    else if ((p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) || (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81) ||
             (p[0] == 0xD8 && p[1] == 0x8C))
      ++c;
  }
  *chars = n;
  *commas = c;
}

std::string_view RoleDrop(std::string_view role) {
  if (role == "navigation" || role == "menu" || role == "menubar" || role == "search") return "navigation";
  if (role == "complementary") return "sidebar";
  if (role == "banner") return "page header";
  if (role == "contentinfo") return "footer";
  if (role == "dialog" || role == "alertdialog" || role == "alert") return "popup";
  return {};
}

std::string_view TagDrop(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_NAV: return "navigation";
    case GUMBO_TAG_ASIDE: return "sidebar";
    case GUMBO_TAG_FOOTER: return "footer";
    case GUMBO_TAG_HEADER: return "page header";
    case GUMBO_TAG_FORM: return {};
    default: return {};
  }
}

int TagPrior(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

bool IsHeading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
         t == GUMBO_TAG_H6;
}

// Containers that read as one paragraph when they hold no blocks (as
// Readability turns such a <div> into a <p>).
bool IsParagraphLike(GumboTag t) {
  return t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_P || t == GUMBO_TAG_BLOCKQUOTE;
}

std::size_t CodePointCount(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Readability's byline test: rel=author, itemprop with "author", or a class
// or id with byline, author, dateline, writtenby or p-author.
bool IsBylineElement(const GumboNode* g) {
  if (g->v.element.attributes.length == 0) return false;
  if (LowerAscii(Attr(g, "rel")) == "author") return true;
  if (LowerAscii(Attr(g, "itemprop")).find("author") != std::string::npos) return true;
  std::string s = LowerAscii(std::string(Attr(g, "class")) + " " + std::string(Attr(g, "id")));
  for (const char* k : {"byline", "author", "dateline", "writtenby", "p-author"})
    if (s.find(k) != std::string::npos) return true;
  return false;
}

// Tenths of an <a>'s text that count as link text.
std::uint8_t LinkTenths(const GumboNode* a) {
  std::string_view href = Attr(a, "href");
  if (href.size() > 1 && href[0] == '#') return 3;
  if (href.size() >= 11 && LowerAscii(href.substr(0, 11)) == "javascript:") return 3;
  return 10;
}

// True when the text holds a word: two letters or digits in a row. A
// lone character (a placeholder "x", a bullet) is not text.
bool HasWord(std::string_view s) {
  int run = 0;
  for (std::size_t i = 0; i < s.size();) {
    run = u_isalnum(static_cast<UChar32>(utf8::Decode(s, i))) ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}

std::string NormKey(std::string_view s) {
  std::string o;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c >= 0x80) o.push_back(static_cast<char>(std::tolower(c)));
  }
  return o;
}

struct Attempt {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

class Extractor {
 public:
  Extractor(const GumboNode* root, const ExtractOptions& opt, const PageMeta& meta) : opt_(opt) {
    Build(root);
    if (meta.title) title_key_ = NormKey(*meta.title);
    // As Readability does: the first byline (rel=author, itemprop=author, a
    // byline/author/dateline class or id) of under 100 characters is
    // metadata, not body.
    if (body_ >= 0 && !opt_.fragment) {
      for (int i = body_ + 1; i < N(body_).end; ++i) {
        Node& x = N(i);
        if (x.hidden || !x.fixed_drop.empty()) {
          i = x.end - 1;
          continue;
        }
        if (x.text) continue;
        if (IsBylineElement(x.g)) {
          std::string t;
          AppendText(x.g, &t);
          std::string c = CollapseSpace(t);
          if (!c.empty() && CodePointCount(c) < 100) {
            x.fixed_drop = "byline";
            break;
          }
        }
      }
    }
    // As Readability does: the first <h1> or <h2> that resembles the title
    // repeats it (the title is metadata of its own).
    if (meta.title && body_ >= 0) {
      for (int i = body_ + 1; i < N(body_).end; ++i) {
        Node& x = N(i);
        if (x.hidden) {
          i = x.end - 1;
          continue;
        }
        if (x.tag != GUMBO_TAG_H1 && x.tag != GUMBO_TAG_H2) continue;
        std::string t;
        AppendText(x.g, &t);
        if (TextSimilarity(*meta.title, t) > 0.75) {
          if (x.fixed_drop.empty()) x.fixed_drop = "repeated headline";
          break;
        }
      }
    }
  }

  // Runs the attempts and fills page->body and page->removed.
  void Run(Page* page) {
    if (body_ < 0) return;
    static constexpr Attempt kAttempts[] = {{true, true, true}, {false, true, true}, {false, false, true},
                                            {false, false, false}};
    std::string best_body;
    std::vector<Removed> best_removed;
    std::size_t best_chars = 0, best_links = 0;
    std::size_t best_away = 0;
    bool best_in_article = false;
    bool first = true;
    for (const Attempt& a : kAttempts) {
      std::string body;
      std::vector<Removed> removed;
      std::size_t chars = Once(opt_.fragment ? Attempt{false, false, false} : a, &body, &removed);
      // A looser attempt wins only with clearly more text: a short article
      // must not take back the furniture the strict attempt removed.
      if (first || chars * 2 > best_chars * 3) {
        best_chars = chars;
        best_links = link_chars_;
        best_in_article = in_article_markup_;
        best_away = away_link_chars_;
        best_body = std::move(body);
        best_removed = std::move(removed);
        first = false;
      }
      if (opt_.fragment || best_chars >= 500) break;
    }
    link_chars_ = best_links;
    in_article_markup_ = best_in_article;
    away_link_chars_ = best_away;
    page->body = std::move(best_body);
    page->removed = std::move(best_removed);
  }

 private:
  void Build(const GumboNode* root) {
    const ClassCues& cues = ClassCues::Get();
    struct Frame {
      int idx;
      unsigned next;
    };
    std::vector<Frame> stack;
    auto add = [&](const GumboNode* g, int parent) -> int {
      Node n;
      n.g = g;
      n.parent = parent;
      if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
        GumboTag t = g->v.element.tag;
        n.tag = t;
        n.hidden = HiddenTag(t) || g->type == GUMBO_NODE_TEMPLATE;
        if (t == GUMBO_TAG_BODY && body_ < 0) body_ = static_cast<int>(nodes_.size());
        if (t == GUMBO_TAG_INPUT && LowerAscii(Attr(g, "type")) == "password") password_ = true;
        std::string style;
        for (char c : Attr(g, "style"))
          if (c != ' ' && c != '\t' && c != '\n') style.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        if (HasAttr(g, "hidden") || Attr(g, "aria-hidden") == "true" ||
            style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos) {
          n.fixed_drop = "hidden element";
        }
        if (n.fixed_drop.empty()) n.fixed_drop = RoleDrop(LowerAscii(Attr(g, "role")));
        if (t != GUMBO_TAG_BODY && t != GUMBO_TAG_HTML) {
          CueMatch c = cues.Match(Attr(g, "class"));
          CueMatch i = cues.Match(Attr(g, "id"));
          n.weight = (c.positive ? 25 : 0) - (c.negative ? 25 : 0) + (i.positive ? 25 : 0) - (i.negative ? 25 : 0);
          n.positive = c.positive || i.positive;
          const std::string* neg = c.negative ? c.negative : i.negative;
          if (neg) n.cue_drop = *neg;
          std::string_view itemprop = Attr(g, "itemprop");
          if (itemprop == "articleBody" || itemprop == "articlebody") {
            n.weight += 25;
            n.positive = true;
          }
        }
        if (t == GUMBO_TAG_A) {
          n.link_tenths = LinkTenths(g);
        }
        if (parent >= 0) n.in_figure = nodes_[static_cast<std::size_t>(parent)].in_figure ||
                                       nodes_[static_cast<std::size_t>(parent)].tag == GUMBO_TAG_FIGURE;
      } else {
        n.text = true;
        CountText(g->v.text.text, &n.own_chars, &n.own_commas);
      }
      if (parent >= 0) {
        const Node& p = nodes_[static_cast<std::size_t>(parent)];
        n.in_article = p.in_article || p.tag == GUMBO_TAG_ARTICLE ||
                       (p.positive && (Attr(p.g, "itemprop") == "articleBody" || Attr(p.g, "itemprop") == "articlebody"));
      }
      nodes_.push_back(n);
      return static_cast<int>(nodes_.size()) - 1;
    };
    int r = add(root, -1);
    stack.push_back({r, 0});
    while (!stack.empty()) {
      Frame& f = stack.back();
      const int idx = f.idx;
      const GumboNode* g = nodes_[static_cast<std::size_t>(idx)].g;
      const GumboVector* kids = nullptr;
      if (g->type == GUMBO_NODE_DOCUMENT) kids = &g->v.document.children;
      else if (g->type == GUMBO_NODE_ELEMENT && !nodes_[static_cast<std::size_t>(idx)].hidden) kids = &g->v.element.children;
      if (kids && f.next < kids->length) {
        const GumboNode* c = static_cast<const GumboNode*>(kids->data[f.next++]);
        if (c->type == GUMBO_NODE_COMMENT) continue;
        int ci = add(c, idx);
        if (c->type == GUMBO_NODE_ELEMENT || c->type == GUMBO_NODE_TEMPLATE) stack.push_back({ci, 0});
        else nodes_[static_cast<std::size_t>(ci)].end = ci + 1;
        continue;
      }
      nodes_[static_cast<std::size_t>(idx)].end = static_cast<int>(nodes_.size());
      stack.pop_back();
    }
    // Paragraph breaks written as <br><br>: Readability turns each into a
    // new paragraph before scoring.
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      Node& x = nodes_[i];
      if (x.text || x.hidden) continue;
      int run = 0;
      for (int c = static_cast<int>(i) + 1; c < x.end; c = N(c).end) {
        const Node& y = N(c);
        if (y.text && y.own_chars == 0) continue;
        if (!y.text && y.tag == GUMBO_TAG_BR) {
          if (++run == 2) ++x.br_breaks;
        } else {
          run = 0;
        }
      }
    }
    MarkDataTables();
    if (body_ >= 0) {
      for (int i = body_; i < N(body_).end; ++i) {
        const Node& x = N(i);
        if (x.hidden || x.fixed_drop == "hidden element") i = x.end - 1;
        else if (x.text) page_chars_ += x.own_chars;
      }
    }
  }

  // Readability's data-table test, so that tables of figures survive the
  // conditional cleaning that removes layout tables of links and images: a
  // table is data when it has a caption, a summary, header cells or column
  // groups, or is big (10 rows or more, more than 4 columns, or more than 10
  // cells); a table holding another table is layout; role=presentation says
  // layout. One bottom-up pass over the tree, so nesting costs nothing.
  void MarkDataTables() {
    struct Agg {
      std::uint32_t rows = 0, cols = 0, cells = 0;
      bool data = false, nested = false;
    };
    std::vector<Agg> agg(nodes_.size());
    for (int i = static_cast<int>(nodes_.size()) - 1; i >= 0; --i) {
      Node& x = N(i);
      Agg& a = agg[static_cast<std::size_t>(i)];
      if (x.text || x.hidden) continue;
      switch (x.tag) {
        case GUMBO_TAG_TR:
          ++a.rows;
          a.cols = std::max(a.cols, a.cells);
          a.cells = 0;
          break;
        case GUMBO_TAG_TD: a.cells = 1; break;
        case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_COL:
        case GUMBO_TAG_COLGROUP:
          a.data = true;
          a.cells = x.tag == GUMBO_TAG_TH ? 1 : 0;
          break;
        case GUMBO_TAG_CAPTION: a.data = a.data || x.end > i + 1; break;
        default: break;
      }
      if (x.tag == GUMBO_TAG_TABLE) {
        std::string role = LowerAscii(Attr(x.g, "role"));
        if (role == "presentation") x.data_table = false;
        else if (HasAttr(x.g, "summary") || a.data) x.data_table = true;
        else if (a.nested) x.data_table = false;
        else x.data_table = a.rows >= 10 || a.cols > 4 || a.rows * a.cols > 10;
      }
      if (x.parent < 0) continue;
      Agg& p = agg[static_cast<std::size_t>(x.parent)];
      if (x.tag == GUMBO_TAG_TABLE) {
        p.nested = true;  // nothing of an inner table counts for the outer one
        continue;
      }
      p.rows += a.rows;
      p.cols = std::max(p.cols, a.cols);
      if (x.tag != GUMBO_TAG_TR) p.cells += a.cells;
      p.data = p.data || a.data;
      p.nested = p.nested || a.nested;
    }
  }

  Node& N(int i) { return nodes_[static_cast<std::size_t>(i)]; }

  bool InTableOrCode(int i) {
    for (int a = N(i).parent; a >= 0; a = N(a).parent) {
      GumboTag t = N(a).tag;
      if (t == GUMBO_TAG_TABLE || t == GUMBO_TAG_CODE || t == GUMBO_TAG_PRE) return true;
    }
    return false;
  }

  // Decides the drops that come before scoring and aggregates the live text.
  void Prune(const Attempt& a) {
    const int n = static_cast<int>(nodes_.size());
    for (auto& x : nodes_) {
      x.drop = {};
      x.chars = x.link_chars = x.commas = x.direct_chars = x.direct_commas = x.list_chars = 0;
      x.blocks = x.p = x.img = x.li = x.input = x.embed = x.heading = 0;
      x.score = 0;
      x.scored = false;
    }
    live_.assign(nodes_.size(), 0);
    for (int i = body_; i < N(body_).end;) {
      Node& x = N(i);
      if (i != body_ && !x.text) {
        std::string_view why = x.fixed_drop;
        // An article's own <header> holds its headline and standfirst.
        if (why.empty() && !opt_.fragment && !(x.tag == GUMBO_TAG_HEADER && x.in_article)) why = TagDrop(x.tag);
        if (why.empty() && a.strip_unlikely && !x.cue_drop.empty() && !x.positive && x.tag != GUMBO_TAG_A &&
            x.tag != GUMBO_TAG_ARTICLE && x.tag != GUMBO_TAG_MAIN && !InTableOrCode(i))
          why = x.cue_drop;
        if (!why.empty()) {
          x.drop = why;
          i = x.end;
          continue;
        }
      }
      live_[static_cast<std::size_t>(i)] = 1;
      ++i;
    }
    for (int i = n - 1; i >= body_; --i) {
      if (!live_[static_cast<std::size_t>(i)]) continue;
      Node& x = N(i);
      if (x.text) {
        x.chars = x.own_chars;
        x.commas = x.own_commas;
      } else if (x.hidden) {
        if (x.tag == GUMBO_TAG_IMG) x.img = 1;
        if (x.tag == GUMBO_TAG_INPUT || x.tag == GUMBO_TAG_SELECT || x.tag == GUMBO_TAG_TEXTAREA) x.input = 1;
        if (x.tag == GUMBO_TAG_EMBED || x.tag == GUMBO_TAG_OBJECT || x.tag == GUMBO_TAG_IFRAME ||
            x.tag == GUMBO_TAG_VIDEO)
          x.embed = 1;
      } else {
        // As Readability weighs them: a link within the page (a table of
        // contents, a footnote mark) counts three tenths of its text.
        if (x.tag == GUMBO_TAG_A) x.link_chars = x.chars * x.link_tenths / 10;
        if (x.tag == GUMBO_TAG_UL || x.tag == GUMBO_TAG_OL) x.list_chars = x.chars;
        if (x.tag == GUMBO_TAG_P) ++x.p;
        if (x.tag == GUMBO_TAG_LI) ++x.li;
        if (IsHeading(x.tag)) ++x.heading;
      }
      if (i == body_ || x.parent < 0) continue;
      Node& p = N(x.parent);
      p.chars += x.chars;
      p.link_chars += x.link_chars;
      p.list_chars += x.list_chars;
      p.commas += x.commas;
      p.p += x.p;
      p.img += x.img;
      p.li += x.li;
      p.input += x.input;
      p.embed += x.embed;
      p.heading += x.heading;
      if (x.text || !IsBlockTag(x.tag)) {
        p.direct_chars += x.chars;
        p.direct_commas += x.commas;
      } else {
        ++p.blocks;
      }
    }
  }

  double LinkDensity(const Node& x) const { return x.chars ? static_cast<double>(x.link_chars) / x.chars : 0; }

  void AddScore(int start, double s, bool weight_classes) {
    int level = 0;
    for (int a = start; a >= 0 && level < 5; a = N(a).parent, ++level) {
      Node& x = N(a);
      if (a < body_) break;
      if (!x.scored) {
        x.scored = true;
        x.score = TagPrior(x.tag) + (weight_classes ? x.weight : 0);
        candidates_.push_back(a);
      }
      double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      x.score += s / div;
    }
  }

  int PickTop(const Attempt& a) {
    candidates_.clear();
    for (int i = body_ + 1; i < N(body_).end; ++i) {
      if (!live_[static_cast<std::size_t>(i)]) {
        i = N(i).end - 1;
        continue;
      }
      Node& x = N(i);
      if (x.text || x.hidden) continue;
      std::uint32_t len = 0, commas = 0;
      int start = -1;
      switch (x.tag) {
        case GUMBO_TAG_LI:
          // A list item of prose (no blocks inside, few links) counts as a
          // paragraph: posts written as bullet lists have no <p> at all.
          if (x.blocks != 0 || LinkDensity(x) > 0.5) break;
          [[fallthrough]];
        case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TD:
        // Sub-headings of 25 characters or more count as text (Readability
        // scores h2-h6 as it scores paragraphs): a standfirst often is one.
        case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
          len = x.chars;
          commas = x.commas;
          start = x.parent;
          break;
        case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
        case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER: case GUMBO_TAG_FONT: case GUMBO_TAG_SPAN:
          if (x.blocks == 0) {
            if (x.tag == GUMBO_TAG_SPAN || x.tag == GUMBO_TAG_FONT) {
              if (N(x.parent).blocks == 0) break;  // the parent is scored as a whole
            }
            len = x.chars;
            commas = x.commas;
            start = x.parent;
          } else {
            len = x.direct_chars;
            commas = x.direct_commas;
            start = i;
          }
          break;
        default:
          break;
      }
      if (start < 0 || len < 25) continue;
      // Text broken into paragraphs by <br><br> scores as that many paragraphs.
      const double parts = 1.0 + (start == i ? 0 : x.br_breaks);
      double s = parts * (1 + std::min(len / parts / 100, 3.0)) + commas;
      AddScore(start, s, a.weight_classes);
    }
    // A candidate that is mostly links would be skipped as a list of links
    // (a home page, an index): any candidate of prose outranks it.
    int top = -1;
    auto prose = [&](int c) { return LinkDensity(N(c)) <= 0.5; };
    for (int c : candidates_) {
      Node& x = N(c);
      x.score *= 1 - LinkDensity(x);
      if (top < 0 || (prose(c) && !prose(top)) || (prose(c) == prose(top) && x.score > N(top).score)) top = c;
    }
    if (top < 0 || top == body_) return body_;
    // Several strong candidates under one ancestor: the ancestor is the article.
    std::vector<int> sorted = candidates_;
    std::sort(sorted.begin(), sorted.end(), [&](int l, int r) { return N(l).score > N(r).score; });
    std::vector<int> alt;
    for (std::size_t k = 1; k < sorted.size() && k < 5; ++k)
      if (N(sorted[k]).score / N(top).score >= 0.75) alt.push_back(sorted[k]);
    if (alt.size() >= 3) {
      for (int p = N(top).parent; p > body_; p = N(p).parent) {
        int containing = 0;
        for (int c : alt)
          if (c > p && c < N(p).end) ++containing;
        if (containing >= 3) {
          top = p;
          break;
        }
      }
    }
    // The article split in two containers (a lead section and the rest, a
    // page break): a strong candidate outside the top one pulls the top up
    // to their common ancestor, if that ancestor is not much more than the two.
    for (std::size_t k = 1; k < sorted.size() && k < 6; ++k) {
      int c = sorted[k];
      const Node& x = N(c);
      bool related = (c >= top && c < N(top).end) || (top >= c && top < x.end);
      if (related || x.score < 0.3 * N(top).score || x.chars < 500 || LinkDensity(x) > 0.1) continue;
      int l = N(top).parent;
      while (l > body_ && !(c > l && c < N(l).end)) l = N(l).parent;
      // Not a block the page marks as furniture (comments under the post).
      bool furniture = false;
      for (int q = c; q > l && !furniture; q = N(q).parent) furniture = !N(q).cue_drop.empty();
      if (!furniture && l > body_ && N(l).chars <= 1.3 * (N(top).chars + x.chars)) {
        top = l;
        break;
      }
    }
    // Climb while the parent scores better.
    double last = N(top).score, threshold = last / 3;
    for (int p = N(top).parent; p > body_; p = N(p).parent) {
      if (!N(p).scored) continue;
      if (N(p).score < threshold) break;
      if (N(p).score > last) {
        top = p;
        break;
      }
      last = N(p).score;
    }
    // An only child stands for its parent.
    while (N(top).parent > body_) {
      int p = N(top).parent, elements = 0;
      for (int c = p + 1; c < N(p).end; c = N(c).end)
        if (!N(c).text && live_[static_cast<std::size_t>(c)]) ++elements;
      if (elements != 1) break;
      top = p;
    }
    return top;
  }

  std::vector<int> ContentRoots(int top) {
    if (top == body_) return {body_};
    std::vector<int> roots;
    int parent = N(top).parent;
    double threshold = std::max(10.0, N(top).score * 0.2);
    std::string_view top_class = Attr(N(top).g, "class");
    for (int c = parent + 1; c < N(parent).end; c = N(c).end) {
      if (!live_[static_cast<std::size_t>(c)] || N(c).text) continue;
      if (c == top) {
        roots.push_back(c);
        continue;
      }
      Node& x = N(c);
      const bool same_class = !top_class.empty() && Attr(x.g, "class") == top_class;
      // A sibling the page marks as furniture (comments, related links)
      // stays out even when a positive cue kept it through pruning.
      if (!x.cue_drop.empty() && !same_class) continue;
      double bonus = same_class ? N(top).score * 0.2 : 0;
      // A sibling that is mostly links (teasers of other stories) is not
      // more of the article, however well its summaries score.
      if (x.scored && x.score + bonus >= threshold && LinkDensity(x) <= 0.5) {
        roots.push_back(c);
      } else if (x.tag == GUMBO_TAG_P || (IsParagraphLike(x.tag) && x.blocks == 0)) {
        double ld = LinkDensity(x);
        if (x.chars > 80 && ld < 0.25) {
          roots.push_back(c);
        } else if (x.chars > 0 && x.chars <= 80 && ld == 0) {
          std::string t;
          AppendText(x.g, &t);
          if (t.find(". ") != std::string::npos || t.ends_with(".")) roots.push_back(c);
        }
      }
    }
    return roots;
  }

  // Readability's conditional cleaning: containers that look like lists of
  // links, image galleries, forms or embeds rather than prose.
  std::string_view Conditional(const Node& x, const Attempt& a) {
    int weight = a.weight_classes ? x.weight : 0;
    if (weight < 0 && !x.cue_drop.empty() && x.chars < 500) return x.cue_drop;
    if (x.commas >= 10) return {};
    if (x.tag == GUMBO_TAG_TABLE && x.data_table) return {};
    // A block that is nine tenths lists is judged as a list.
    const bool list = x.tag == GUMBO_TAG_UL || x.tag == GUMBO_TAG_OL ||
                      (x.chars > 0 && x.list_chars * 10 > x.chars * 9);
    const double ld = LinkDensity(x);
    // As in Readability, lists count only past a hundred items.
    const double p = x.p, img = x.img, li = x.li - 100.0, input = x.input;
    // Pictures inside a <figure> are the article's own.
    if (img > 1 && p / img < 0.5 && !x.in_figure) return "image gallery";
    if (!list && li > p && x.tag != GUMBO_TAG_TABLE) return "list-like block";
    if (input > std::floor(p / 3)) return "form";
    if (!list && x.chars < 25 && (img == 0 || img > 2) && x.heading == 0 && !x.in_figure) return "short block";
    if (!list && weight < 25 && ld > 0.2) return "link list";
    if (weight >= 25 && ld > 0.5) return "link list";
    if ((x.embed == 1 && x.chars < 75) || x.embed > 1) return "embedded media";
    return {};
  }

  void CleanContent(const std::vector<int>& roots, const Attempt& a) {
    bool first_heading = true;
    for (int r : roots) {
      for (int i = r + 1; i < N(r).end;) {
        Node& x = N(i);
        if (!live_[static_cast<std::size_t>(i)] || x.text || x.hidden) {
          i = x.text || x.hidden || !live_[static_cast<std::size_t>(i)] ? x.end : i + 1;
          continue;
        }
        std::string_view why;
        if (IsHeading(x.tag)) {
          if (a.weight_classes && x.weight < 0) why = x.cue_drop.empty() ? "page furniture" : x.cue_drop;
          else if (first_heading && !title_key_.empty()) {
            std::string t;
            AppendText(x.g, &t);
            std::string k = NormKey(t);
            if (!k.empty() && (k == title_key_ || (title_key_.find(k) != std::string::npos && k.size() * 4 >= title_key_.size() * 3)))
              why = "repeated headline";
          }
          first_heading = false;
        } else if (a.clean_conditionally &&
                   (x.tag == GUMBO_TAG_FORM || x.tag == GUMBO_TAG_FIELDSET || x.tag == GUMBO_TAG_TABLE ||
                    x.tag == GUMBO_TAG_UL || x.tag == GUMBO_TAG_OL || x.tag == GUMBO_TAG_DIV ||
                    x.tag == GUMBO_TAG_SECTION) && !InTableOrCode(i)) {
          why = Conditional(x, a);
        }
        if (!why.empty()) {
          x.drop = why;
          live_[static_cast<std::size_t>(i)] = 0;
          i = x.end;
          continue;
        }
        ++i;
      }
    }
  }

  void Record(int i, std::string_view why, std::vector<Removed>* removed) {
    std::string t;
    AppendText(N(i).g, &t);
    if (t.find_first_not_of(" \n") == std::string::npos) return;
    constexpr std::size_t kMax = 4000;
    if (t.size() > kMax) {
      std::size_t cut = kMax;
      while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
      t.resize(cut);
      t += " …";
    }
    while (!t.empty() && t.back() == '\n') t.pop_back();
    removed->push_back({std::move(t), std::string(why)});
  }

  // True when the nodes strictly between a and b hold no visible text.
  bool OnlySpaceBetween(int a, int b) {
    for (int k = a + 1; k < b; ++k)
      if (N(k).text && N(k).own_chars > 0) return false;
    return true;
  }

  // Writes the body of the content roots and records everything else.
  std::size_t Emit(const std::vector<int>& roots, std::string* body, std::vector<Removed>* removed) {
    std::vector<std::string> paras;
    std::string cur;
    bool space = false;
    std::size_t chars = 0;
    auto brk = [&] {
      while (!cur.empty() && (cur.back() == ' ' || cur.back() == '\n')) cur.pop_back();
      if (!cur.empty()) {
        chars += cur.size();
        paras.push_back(std::move(cur));
      }
      cur.clear();
      space = false;
    };
    std::size_t next_root = 0;
    std::vector<int> open;  // ends of open block elements
    int pre_end = -1, link_end = -1, last_br = -1;
    std::size_t link_tenths = 0, tenths = 0, text_chars = 0, article_chars = 0, away_chars = 0;
    for (int i = body_; i < N(body_).end;) {
      while (!open.empty() && open.back() <= i) {
        open.pop_back();
        brk();
      }
      if (pre_end >= 0 && i >= pre_end) pre_end = -1;
      Node& x = N(i);
      bool in_content = next_root < roots.size() && i >= roots[next_root];
      if (next_root < roots.size() && i >= N(roots[next_root]).end) {
        ++next_root;
        continue;
      }
      if (!in_content) {
        // Outside the article: record whole subtrees that hold no part of it.
        bool holds = next_root < roots.size() && roots[next_root] > i && roots[next_root] < x.end;
        if (!holds) {
          if (!x.text && !x.hidden)
            Record(i, !x.drop.empty() ? x.drop : "outside the article body", removed);
          else if (x.text && x.own_chars > 0)
            Record(i, "outside the article body", removed);
          i = x.end;
          continue;
        }
        ++i;
        continue;
      }
      if (!x.drop.empty()) {
        Record(i, x.drop, removed);
        i = x.end;
        continue;
      }
      if (link_end >= 0 && i >= link_end) link_end = -1;
      if (x.tag == GUMBO_TAG_A && !x.text && link_end < 0) {
        link_end = x.end;
        tenths = x.link_tenths;
      }
      if (x.text) {
        if (link_end >= 0) {
          link_tenths += x.own_chars * tenths;
          if (tenths == 10) away_chars += x.own_chars;
        }
        text_chars += x.own_chars;
        if (x.in_article) article_chars += x.own_chars;
        bool pre = pre_end >= 0;
        for (const char* c = x.g->v.text.text; *c; ++c) {
          if (!pre && IsSpace(static_cast<unsigned char>(*c))) {
            space = true;
            continue;
          }
          if (space && !cur.empty() && cur.back() != '\n') cur.push_back(' ');
          space = false;
          cur.push_back(*c);
        }
        ++i;
        continue;
      }
      if (x.hidden) {
        i = x.end;
        continue;
      }
      if (x.tag == GUMBO_TAG_BR) {
        // One <br> wraps a line inside a paragraph; two or more end it.
        if (last_br >= 0 && OnlySpaceBetween(last_br, i)) {
          brk();
        } else {
          space = true;
        }
        last_br = i;
      } else if (x.tag == GUMBO_TAG_TD || x.tag == GUMBO_TAG_TH) {
        space = true;
      } else if (IsBlockTag(x.tag)) {
        brk();
        open.push_back(x.end);
        if (x.tag == GUMBO_TAG_PRE) pre_end = x.end;
      }
      ++i;
    }
    brk();
    link_chars_ = link_tenths / 10;
    away_link_chars_ = away_chars;
    in_article_markup_ = text_chars > 0 && article_chars * 2 > text_chars;
    body->clear();
    for (auto& p : paras) {
      if (!body->empty()) body->append("\n\n");
      body->append(p);
    }
    return chars;
  }

  // Prints the scoring to stderr, for developing the heuristics.
  void Debug(int top, const std::vector<int>& roots) {
    std::vector<int> sorted = candidates_;
    std::sort(sorted.begin(), sorted.end(), [&](int l, int r) { return N(l).score > N(r).score; });
    auto show = [&](const char* what, int i) {
      std::fprintf(stderr, "%s #%d <%s class='%.60s' id='%.30s'> score %.1f chars %u ld %.2f parent #%d\n", what, i,
                   gumbo_normalized_tagname(N(i).tag), std::string(Attr(N(i).g, "class")).c_str(),
                   std::string(Attr(N(i).g, "id")).c_str(), N(i).score, N(i).chars, LinkDensity(N(i)), N(i).parent);
    };
    for (std::size_t k = 0; k < sorted.size() && k < 8; ++k) show("cand", sorted[k]);
    show("TOP ", top);
    for (int r : roots) show("root", r);
  }

  std::size_t Once(const Attempt& a, std::string* body, std::vector<Removed>* removed) {
    Prune(a);
    std::vector<int> roots{body_};
    if (!opt_.fragment) {
      int top = PickTop(a);
      roots = ContentRoots(top);
      if (roots.empty()) roots.push_back(top);
      if (std::getenv("SITREP_HTML_DEBUG")) Debug(top, roots);
    }
    CleanContent(roots, a);
    return Emit(roots, body, removed);
  }

  const ExtractOptions& opt_;
  std::vector<Node> nodes_;
  std::vector<char> live_;
  std::vector<int> candidates_;
  int body_ = -1;
  std::string title_key_;

 public:
  bool password_ = false;     // the page asks for a password (a login wall)
  std::size_t link_chars_ = 0;  // characters of the chosen body inside links (weighted as in link density)
  std::size_t away_link_chars_ = 0;  // of those, characters of links to other pages
  std::size_t page_chars_ = 0;  // visible characters of the whole page, furniture included
  bool in_article_markup_ = false;  // most of the chosen body is inside <article> or itemprop=articleBody
};

}  // namespace

Page ExtractPageUtf8(std::string_view utf8, const ExtractOptions& options) {
  Page page;
  Document doc(utf8);
  if (doc.nesting_capped())
    page.warnings.push_back("markup nested deeper than " + std::to_string(kMaxNesting) +
                            " elements was flattened");
  page.meta = ReadMetadata(doc.root());
  Extractor ex(doc.root(), options, page.meta);
  ex.Run(&page);
  std::size_t min_chars = options.fragment ? 1 : options.min_body_chars;
  std::size_t visible = 0;
  for (char c : page.body) visible += (static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != '\n';
  // A body shorter than min_chars is still the article when the page has
  // little else (a notice, a one-line post) or marks it as its article and
  // it links nowhere: a page without an article shows furniture, links or
  // nothing, and a wrong skip loses the whole page.
  const bool short_article = HasWord(page.body) && (ex.page_chars_ < 2 * visible ||
                                                     (ex.in_article_markup_ && ex.away_link_chars_ == 0));
  // Too little text; a login form with a few lines of teaser; or what is
  // left is mostly links (a home page, an index).
  if ((visible < min_chars && !short_article) || (!options.fragment && ex.password_ && visible < 500) ||
      (!options.fragment && ex.link_chars_ * 2 > visible)) {
    page.no_article = "no article body";
    page.body.clear();
  }
  return page;
}

Page ExtractPage(std::string_view bytes, const ExtractOptions& options) {
  std::vector<std::string> warnings;
  std::string utf8 = ToUtf8(bytes, options.charset, &warnings);
  Page p = ExtractPageUtf8(utf8, options);
  warnings.insert(warnings.end(), p.warnings.begin(), p.warnings.end());
  p.warnings = std::move(warnings);
  return p;
}

}  // namespace sitrep::html
