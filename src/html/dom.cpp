#include "html/dom.h"

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace sitrep::html {

namespace {

bool IsSpace(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

bool IsAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Elements that never hold children, or whose end tag the parser implies
// (a new <p> closes the open one), so they do not deepen the tree.
bool FlatTag(std::string_view name) {
  static constexpr std::string_view kFlat[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "option", "tbody",
      "thead", "tfoot", "colgroup", "rb", "rt", "rp", "optgroup", "image", "keygen"};
  for (auto f : kFlat)
    if (name == f) return true;
  return false;
}

bool RawTextTag(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "noscript" || name == "iframe" || name == "noembed" || name == "noframes";
}

// Characters the parser rewrites or treats specially in text.
bool BreaksStandIn(unsigned char c) {
  return c == '&' || c == '\r' || c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\f') || c == 0x7F;
}

bool ValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n;  // continuation bytes
    if (c >= 0xC2 && c <= 0xDF) n = 1;
    else if (c >= 0xE0 && c <= 0xEF) n = 2;
    else if (c >= 0xF0 && c <= 0xF4) n = 3;
    else return false;
    if (i + n >= s.size()) return false;
    std::uint32_t cp = c & (n == 1 ? 0x1Fu : n == 2 ? 0x0Fu : 0x07u);
    for (std::size_t k = 1; k <= n; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3Fu);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    // C1 controls and noncharacters, which the parser reports and may rewrite.
    if (cp < 0xA0 || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return false;
    i += n + 1;
  }
  return true;
}

// A stand-in: two characters U+E000 + 12 bits each.
void EncodeStandIn(std::uint32_t idx, char* out) {
  for (int k = 0; k < 2; ++k) {
    std::uint32_t v = k == 0 ? idx >> 12 : idx & 0xFFF;
    out[3 * k] = static_cast<char>(0xEE);
    out[3 * k + 1] = static_cast<char>(0x80 | (v >> 6));
    out[3 * k + 2] = static_cast<char>(0x80 | (v & 0x3F));
  }
}

bool EqualsLower(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != lower[i] && a[i] != lower[i]) return false;
  return true;
}

// Attributes the extractor and the metadata reader look at.
bool KeepAttr(std::string_view name, std::string_view value, std::string_view tag) {
  static constexpr std::string_view kKeep[] = {"class", "id", "role", "hidden", "aria-hidden", "itemprop", "rel",
                                               "content", "property", "name", "http-equiv", "charset", "type",
                                               "lang", "datetime", "pubdate", "summary"};
  for (auto k : kKeep)
    if (EqualsLower(name, k)) return true;
  if (EqualsLower(name, "style"))
    return value.find("none") != std::string_view::npos || value.find("hidden") != std::string_view::npos;
  // A link's address matters only as "somewhere on this page" (an anchor
  // or a script control), which weighs less in link density.
  if (EqualsLower(name, "href"))
    return tag == "link" || tag == "base" ||
           (tag == "a" && (value.starts_with("#") || (value.size() >= 11 && EqualsLower(value.substr(0, 11), "javascript:"))));
  return false;
}

}  // namespace

std::string LowerAscii(std::string_view s) {
  std::string o(s);
  for (char& c : o)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return o;
}

std::string CollapseSpace(std::string_view s) {
  std::string o;
  o.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsSpace(static_cast<unsigned char>(c))) {
      space = !o.empty();
    } else {
      if (space) o += ' ';
      space = false;
      o += c;
    }
  }
  return o;
}

std::string_view CapNesting(std::string_view h, std::string* storage, bool* capped,
                            std::vector<std::string_view>* texts) {
  *capped = false;
  // Text is stood in for only when no private-use character of the range
  // the stand-ins use (lead byte 0xEE) occurs in the page.
  if (texts && std::memchr(h.data(), 0xEE, h.size())) texts = nullptr;
  bool copying = false;
  int depth = 0, excess = 0;
  std::size_t copied = 0;  // bytes of h already copied to storage (when capped)
  std::size_t i = 0;
  auto drop = [&](std::size_t b, std::size_t e) {
    if (!copying) {
      copying = true;
      storage->clear();
      storage->reserve(h.size());
    }
    storage->append(h.substr(copied, b - copied));
    copied = e;
  };
  char name[16];
  std::vector<std::pair<std::size_t, std::size_t>> attr_drops;
  int pre = 0;
  // Runs of whitespace in text become one character: indentation is often
  // a fifth of a page and the parser reads every byte of it.
  auto squeeze_ws = [&](std::size_t b, std::size_t e) {
    if (pre > 0) return;
    for (std::size_t j = b; j < e; ++j) {
      if (!IsSpace(static_cast<unsigned char>(h[j]))) continue;
      std::size_t r = j + 1;
      while (r < e && IsSpace(static_cast<unsigned char>(h[r]))) ++r;
      if (r - j >= 3) drop(j + 1, r);
      j = r;
    }
  };
  // Text between tags: stretches of it the parser would only copy through
  // are replaced by a stand-in of two private-use characters, restored in
  // the tree after parsing (the parser handles text one character at a time,
  // which is most of its work on prose). What the parser changes stays in
  // place: entity references, carriage returns, control characters, the
  // whitespace around the stretch.
  bool markup_follows = false;
  auto squeeze = [&](std::size_t b, std::size_t e) {
    if (!texts || markup_follows) {
      markup_follows = false;
      squeeze_ws(b, e);
      return;
    }
    std::size_t j = b;
    while (j < e) {
      unsigned char c = static_cast<unsigned char>(h[j]);
      if (IsSpace(c)) {
        std::size_t r = j + 1;
        while (r < e && IsSpace(static_cast<unsigned char>(h[r]))) ++r;
        squeeze_ws(j, r);
        j = r;
        continue;
      }
      std::size_t k = j;
      while (k < e && !BreaksStandIn(static_cast<unsigned char>(h[k]))) ++k;
      std::size_t last = k;
      while (last > j && IsSpace(static_cast<unsigned char>(h[last - 1]))) --last;
      if (last - j >= 8 && texts->size() < (1u << 24) && ValidUtf8(h.substr(j, last - j))) {
        std::uint32_t idx = static_cast<std::uint32_t>(texts->size());
        texts->push_back(h.substr(j, last - j));
        drop(j, last);
        char ph[6];
        EncodeStandIn(idx, ph);
        storage->append(ph, 6);
        j = last;
        continue;
      }
      if (last > j) {
        j = last;
        continue;
      }
      // A character the parser rewrites: an entity reference stays whole.
      if (h[k] == '&') {
        std::size_t r = k + 1;
        while (r < e && (std::isalnum(static_cast<unsigned char>(h[r])) || h[r] == '#')) ++r;
        if (r < e && h[r] == ';') ++r;
        j = r;
      } else {
        j = k + 1;
      }
    }
  };
  while (true) {
    const void* p = std::memchr(h.data() + i, '<', h.size() - i);
    if (!p) {
      squeeze(i, h.size());
      break;
    }
    std::size_t lt = static_cast<const char*>(p) - h.data();
    squeeze(i, lt);
    i = lt + 1;
    if (i >= h.size()) break;
    if (h.compare(i, 3, "!--") == 0) {
      std::size_t e = h.find("-->", i + 3);
      if (e == std::string_view::npos) break;
      drop(lt, e + 3);
      i = e + 3;
      continue;
    }
    bool end_tag = h[i] == '/';
    std::size_t ns = i + (end_tag ? 1 : 0);
    if (ns >= h.size() || !IsAlpha(static_cast<unsigned char>(h[ns]))) {
      // Not a tag this pass reads ("<!DOCTYPE", "<?xml", "a < b"): what
      // follows up to the next tag may be markup, so it keeps its bytes.
      markup_follows = true;
      continue;
    }
    std::size_t ne = ns;
    std::size_t k = 0;
    while (ne < h.size() && !IsSpace(static_cast<unsigned char>(h[ne])) && h[ne] != '>' && h[ne] != '/') {
      if (k < sizeof name) name[k++] = static_cast<char>(h[ne] | 0x20);
      ++ne;
    }
    std::string_view tag(name, k == sizeof name ? 0 : k);
    std::size_t gt;
    attr_drops.clear();
    if (end_tag) {
      gt = h.find('>', ne);
    } else {
      // Attributes, quote-aware; the ones extraction never reads are cut
      // (long class-free data-*, srcset, href of links, inline handlers).
      std::size_t q = ne;
      while (true) {
        while (q < h.size() && (IsSpace(static_cast<unsigned char>(h[q])) || h[q] == '/')) ++q;
        if (q >= h.size() || h[q] == '>') break;
        std::size_t ab = q;
        while (q < h.size() && !IsSpace(static_cast<unsigned char>(h[q])) && h[q] != '=' && h[q] != '>' && h[q] != '/') ++q;
        std::string_view an = h.substr(ab, q - ab);
        std::size_t vb = q, ve = q, r = q;
        while (r < h.size() && IsSpace(static_cast<unsigned char>(h[r]))) ++r;
        if (r < h.size() && h[r] == '=') {
          ++r;
          while (r < h.size() && IsSpace(static_cast<unsigned char>(h[r]))) ++r;
          if (r < h.size() && (h[r] == '"' || h[r] == '\'')) {
            std::size_t close = h.find(h[r], r + 1);
            vb = r + 1;
            ve = close == std::string_view::npos ? h.size() : close;
            q = close == std::string_view::npos ? h.size() : close + 1;
          } else {
            vb = r;
            while (r < h.size() && !IsSpace(static_cast<unsigned char>(h[r])) && h[r] != '>') ++r;
            ve = q = r;
          }
        }
        if (!KeepAttr(an, h.substr(vb, ve - vb), tag)) attr_drops.push_back({ab, q});
        if (q == ab) ++q;  // a stray character: never loop in place
      }
      gt = q < h.size() ? q : std::string_view::npos;
    }
    if (gt == std::string_view::npos) break;
    i = gt + 1;
    if (tag.empty()) continue;
    if (!end_tag && tag == "svg") {
      // Inline icons: markup of drawings, never text.
      std::size_t e = i;
      while ((e = h.find("</", e)) != std::string_view::npos && LowerAscii(h.substr(e, 5)) != "</svg") e += 2;
      std::size_t close_gt = e == std::string_view::npos ? e : h.find('>', e);
      if (close_gt != std::string_view::npos) {
        drop(lt, close_gt + 1);
        i = close_gt + 1;
        continue;
      }
    }
    bool whole_tag_dropped = !end_tag && !FlatTag(tag) && h[gt - 1] != '/' && !RawTextTag(tag) && depth >= kMaxNesting;
    if (!whole_tag_dropped && tag != "script" && tag != "style")
      for (auto [b, e] : attr_drops) drop(b, e);
    if (tag == "pre" || tag == "listing" || tag == "plaintext") pre += end_tag ? (pre > 0 ? -1 : 0) : 1;
    if (FlatTag(tag)) continue;
    if (end_tag) {
      if (excess > 0) {
        --excess;
        drop(lt, gt + 1);  // the end tag of a flattened element
      } else if (depth > 0) {
        --depth;
      }
      continue;
    }
    if (h[gt - 1] == '/') continue;  // self-closing foreign element
    if (RawTextTag(tag)) {
      // Skip to the matching end tag: markup inside is not markup.
      std::string close = "</" + std::string(tag);
      std::size_t e = i;
      while (true) {
        e = h.find("</", e);
        if (e == std::string_view::npos) break;
        if (e + close.size() <= h.size() && LowerAscii(h.substr(e, close.size())) == close) break;
        e += 2;
      }
      if (e == std::string_view::npos) break;
      // Scripts and style sheets are often most of a page's bytes and never
      // text; they go before parsing (JSON-LD scripts stay: metadata).
      bool code = tag == "style" ||
                  (tag == "script" && LowerAscii(h.substr(lt, gt - lt)).find("ld+json") == std::string::npos);
      std::size_t close_gt = h.find('>', e);
      if (code && close_gt != std::string_view::npos) {
        drop(lt, close_gt + 1);
        i = close_gt + 1;
        continue;
      }
      i = e;
      continue;
    }
    if (depth >= kMaxNesting) {
      ++excess;
      *capped = true;
      drop(lt, gt + 1);
    } else {
      ++depth;
    }
  }
  if (!copying) return h;
  storage->append(h.substr(copied));
  return *storage;
}

// Bump allocation: the tree is freed all at once, which is faster than
// gumbo's many small frees and never walks the tree recursively.
struct Document::Arena {
  std::vector<std::unique_ptr<char[]>> blocks;
  char* cur = nullptr;
  std::size_t left = 0;
  static constexpr std::size_t kBlock = 1 << 20;

  void* Alloc(std::size_t n) {
    n = (n + 15) & ~std::size_t{15};
    if (n > kBlock / 4) {
      blocks.emplace_back(new char[n]);
      return blocks.back().get();
    }
    if (n > left) {
      blocks.emplace_back(new char[kBlock]);
      cur = blocks.back().get();
      left = kBlock;
    }
    void* p = cur;
    cur += n;
    left -= n;
    return p;
  }
};

namespace {
void* ArenaAlloc(void* ud, std::size_t n) { return static_cast<Document::Arena*>(ud)->Alloc(n); }
void ArenaFree(void*, void*) {}
}  // namespace

Document::Document(std::string_view utf8) : arena_(std::make_unique<Arena>()) {
  std::vector<std::string_view> texts;
  std::string_view in = CapNesting(utf8, &storage_, &capped_, &texts);
  GumboOptions opt = kGumboDefaultOptions;
  opt.allocator = &ArenaAlloc;
  opt.deallocator = &ArenaFree;
  opt.userdata = arena_.get();
  opt.max_errors = 0;
  output_ = gumbo_parse_with_options(&opt, in.data(), in.size());
  if (!texts.empty()) Restore(texts);
}

// Puts the text back where CapNesting left stand-ins.
void Document::Restore(const std::vector<std::string_view>& texts) {
  std::vector<GumboNode*> stack{output_->document};
  std::string buf;
  while (!stack.empty()) {
    GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_DOCUMENT || n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
      const GumboVector& kids = n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
      for (unsigned i = 0; i < kids.length; ++i) stack.push_back(static_cast<GumboNode*>(kids.data[i]));
      continue;
    }
    if (n->type != GUMBO_NODE_TEXT && n->type != GUMBO_NODE_WHITESPACE && n->type != GUMBO_NODE_CDATA) continue;
    const char* t = n->v.text.text;
    if (!std::strchr(t, '\xEE')) continue;
    buf.clear();
    for (const char* c = t; *c;) {
      const auto* u = reinterpret_cast<const unsigned char*>(c);
      if (u[0] == 0xEE && u[1] && u[2] && u[3] == 0xEE && u[4] && u[5]) {
        std::uint32_t hi = ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu), lo = ((u[4] & 0x3Fu) << 6) | (u[5] & 0x3Fu);
        std::uint32_t idx = (hi << 12) | lo;
        if (idx < texts.size()) {
          buf.append(texts[idx]);
          c += 6;
          continue;
        }
      }
      buf.push_back(*c++);
    }
    char* out = static_cast<char*>(arena_->Alloc(buf.size() + 1));
    std::memcpy(out, buf.data(), buf.size());
    out[buf.size()] = '\0';
    n->v.text.text = out;
  }
}

Document::~Document() = default;  // the arena holds every allocation

const GumboNode* Document::root() const { return output_->root; }

std::string_view Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool HasAttr(const GumboNode* n, const char* name) {
  return n->type == GUMBO_NODE_ELEMENT && gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DD: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_MENU: case GUMBO_TAG_DIR: case GUMBO_TAG_HGROUP: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

void AppendText(const GumboNode* root, std::string* out) {
  struct Frame {
    const GumboNode* n;
    unsigned next;
  };
  std::vector<Frame> stack{{root, 0}};
  bool space = false;
  auto brk = [&] {
    if (!out->empty() && out->back() != '\n') out->push_back('\n');
    space = false;
  };
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboNode* n = f.n;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      for (const char* c = n->v.text.text; *c; ++c) {
        if (IsSpace(static_cast<unsigned char>(*c))) {
          space = true;
        } else {
          if (space && !out->empty() && out->back() != '\n') out->push_back(' ');
          space = false;
          out->push_back(*c);
        }
      }
      stack.pop_back();
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT && n->type != GUMBO_NODE_TEMPLATE) {
      stack.pop_back();
      continue;
    }
    const GumboVector& kids = n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    if (f.next == 0 && n->type == GUMBO_NODE_ELEMENT) {
      GumboTag t = n->v.element.tag;
      if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_TEMPLATE ||
          t == GUMBO_TAG_HEAD) {
        stack.pop_back();
        continue;
      }
      if (t == GUMBO_TAG_BR) {
        brk();
        stack.pop_back();
        continue;
      }
      if (IsBlockTag(t)) brk();
      if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) space = true;
    }
    if (f.next < kids.length) {
      const GumboNode* c = static_cast<const GumboNode*>(kids.data[f.next++]);
      stack.push_back({c, 0});
      continue;
    }
    if (n->type == GUMBO_NODE_ELEMENT && IsBlockTag(n->v.element.tag)) brk();
    stack.pop_back();
  }
}

}  // namespace sitrep::html
