#include "html/metadata.h"

#include <simdjson.h>

#include <unordered_map>
#include <vector>

#include "html/dom.h"

namespace sitrep::html {
namespace {

struct Found {
  std::unordered_map<std::string, std::string> meta;  // first value per lowercase key
  std::vector<std::string> jsonld;
  std::string title_tag;
  std::string lang;
  std::string canonical;
  std::string time_datetime;
  std::string byline;
  std::vector<std::string> h1;
};

std::string TextOf(const GumboNode* n) {
  std::string s;
  AppendText(n, &s);
  return CollapseSpace(s);
}

void Collect(const GumboNode* root, Found* f) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_DOCUMENT) {
      for (unsigned i = n->v.document.children.length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode*>(n->v.document.children.data[i]));
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag t = n->v.element.tag;
    switch (t) {
      case GUMBO_TAG_HTML:
        f->lang = std::string(Attr(n, "lang"));
        break;
      case GUMBO_TAG_META: {
        std::string_view content = Attr(n, "content");
        if (content.empty()) break;
        for (const char* a : {"property", "name", "itemprop", "http-equiv"}) {
          // A property may list several names ("dc:title og:title"); a
          // Dublin Core name is written dc.title or dc:title.
          std::string keys = LowerAscii(Attr(n, a));
          std::size_t p = 0;
          while (p < keys.size()) {
            std::size_t q = keys.find_first_of(" \t\n", p);
            if (q == std::string::npos) q = keys.size();
            std::string k = keys.substr(p, q - p);
            p = q + 1;
            if (k.empty()) continue;
            for (std::string_view dc : {"dc:", "dcterm:", "dcterms:", "dcterms."})
              if (k.starts_with(dc)) k = "dc." + k.substr(dc.size());
            f->meta.emplace(std::move(k), CollapseSpace(content));
          }
        }
        break;
      }
      case GUMBO_TAG_TITLE:
        if (f->title_tag.empty()) f->title_tag = TextOf(n);
        continue;
      case GUMBO_TAG_SCRIPT:
        if (LowerAscii(Attr(n, "type")) == "application/ld+json" && n->v.element.children.length > 0) {
          std::string json;  // the parser may split the text into several nodes
          for (unsigned k = 0; k < n->v.element.children.length; ++k) {
            auto* c = static_cast<const GumboNode*>(n->v.element.children.data[k]);
            if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA || c->type == GUMBO_NODE_WHITESPACE)
              json += c->v.text.text;
          }
          f->jsonld.push_back(std::move(json));
        }
        continue;
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_NOSCRIPT:
      case GUMBO_TAG_TEMPLATE:
        continue;
      case GUMBO_TAG_LINK:
        if (f->canonical.empty() && LowerAscii(Attr(n, "rel")) == "canonical") f->canonical = Attr(n, "href");
        break;
      case GUMBO_TAG_TIME:
        if (f->time_datetime.empty()) {
          std::string_view d = Attr(n, "datetime");
          f->time_datetime = d.empty() ? TextOf(n) : std::string(d);
        }
        break;
      case GUMBO_TAG_H1:
        if (f->h1.size() < 4) f->h1.push_back(TextOf(n));
        break;
      default:
        break;
    }
    if (f->byline.empty() && n->v.element.attributes.length > 0) {
      auto has = [](std::string_view v, std::string_view w) {
        return !v.empty() && LowerAscii(v).find(w) != std::string::npos;
      };
      bool byline = has(Attr(n, "rel"), "author") || has(Attr(n, "itemprop"), "author") ||
                    has(Attr(n, "class"), "byline") || has(Attr(n, "id"), "byline");
      if (byline) {
        std::string s = TextOf(n);
        if (!s.empty() && s.size() < 100) f->byline = s;
      }
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
}

bool IsArticleType(std::string_view t) {
  return t.ends_with("Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report" ||
         t == "SocialMediaPosting" || t == "Blog";
}

std::string Str(simdjson::dom::element e) {
  std::string_view sv;
  if (e.is_string() && !e.get_string().get(sv)) return std::string(sv);
  return "";
}

// A person or organisation: a string, an object with "name", or an array of them.
std::string Names(simdjson::dom::element e) {
  if (e.is_string()) return Str(e);
  if (e.is_object()) {
    simdjson::dom::element n;
    if (!e.get_object().at_key("name").get(n)) return Names(n);
    return "";
  }
  if (e.is_array()) {
    std::string out;
    for (simdjson::dom::element x : e.get_array()) {
      std::string s = x.is_array() ? std::string() : Names(x);
      if (s.empty()) continue;
      if (!out.empty()) out += ", ";
      out += s;
    }
    return out;
  }
  return "";
}

void SetIf(std::optional<std::string>& field, std::string v) {
  v = CollapseSpace(v);
  if (!field && !v.empty()) field = std::move(v);
}

void FromJsonLdObject(simdjson::dom::object o, PageMeta* m, int depth, const std::string& doc_title) {
  if (depth > 6) return;
  simdjson::dom::element graph;
  if (!o.at_key("@graph").get(graph) && graph.is_array()) {
    for (simdjson::dom::element x : graph.get_array())
      if (x.is_object()) FromJsonLdObject(x.get_object(), m, depth + 1, doc_title);
  }
  simdjson::dom::element type;
  if (o.at_key("@type").get(type)) return;
  bool article = false;
  if (type.is_string()) article = IsArticleType(Str(type));
  if (type.is_array())
    for (simdjson::dom::element x : type.get_array()) article = article || IsArticleType(Str(x));
  if (!article) return;
  simdjson::dom::element e;
  std::string headline, name;
  if (!o.at_key("headline").get(e)) headline = CollapseSpace(Str(e));
  if (!o.at_key("name").get(e)) name = CollapseSpace(Str(e));
  // Both given and different: the one the document title repeats is the
  // article's title, the other a description or a section name.
  if (!headline.empty() && !name.empty() && headline != name && !doc_title.empty() &&
      doc_title.find(name) != std::string::npos && doc_title.find(headline) == std::string::npos)
    std::swap(headline, name);
  SetIf(m->title, headline);
  SetIf(m->title, name);
  if (!o.at_key("datePublished").get(e)) SetIf(m->published, Str(e));
  if (!o.at_key("dateCreated").get(e)) SetIf(m->published, Str(e));
  if (!o.at_key("author").get(e)) SetIf(m->author, Names(e));
  if (!o.at_key("publisher").get(e)) SetIf(m->outlet, Names(e));
  if (!o.at_key("url").get(e)) SetIf(m->url, Str(e));
  if (!o.at_key("inLanguage").get(e)) SetIf(m->language, Str(e));
}

void FromJsonLd(const std::string& raw, PageMeta* m, const std::string& doc_title) {
  // Pages wrap JSON-LD in <![CDATA[ ... ]]> or comments: keep what lies
  // between the first bracket and the last.
  std::size_t from = raw.find("<![CDATA[");
  from = from == std::string::npos ? 0 : from + 9;
  std::size_t to = raw.rfind("]]>");
  std::size_t b = raw.find_first_of("{[", from), e = raw.find_last_of("}]", to == std::string::npos ? to : to - 1);
  if (b == std::string::npos || e == std::string::npos || e < b) return;
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::padded_string padded(std::string_view(raw).substr(b, e - b + 1));
  if (parser.parse(padded).get(root)) return;  // broken JSON-LD is common; other sources remain
  if (root.is_object()) FromJsonLdObject(root.get_object(), m, 0, doc_title);
  if (root.is_array())
    for (simdjson::dom::element x : root.get_array())
      if (x.is_object()) FromJsonLdObject(x.get_object(), m, 0, doc_title);
}

std::size_t Words(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

std::string Lang(std::string_view l) {
  std::string s = LowerAscii(CollapseSpace(l));
  std::size_t cut = s.find_first_of("-_");
  if (cut != std::string::npos) s.resize(cut);
  if (s.size() < 2 || s.size() > 3) return "";
  for (char c : s)
    if (c < 'a' || c > 'z') return "";
  return s;
}

}  // namespace

std::string TrimSiteName(std::string_view title) {
  std::string t = CollapseSpace(title);
  static constexpr std::string_view kSeps[] = {" | ", " - ", " – ", " — ", " » ", " · ", " :: ", " / ", " \\ "};
  std::size_t best = std::string::npos, first = std::string::npos, first_len = 0;
  for (auto s : kSeps) {
    std::size_t p = t.rfind(s);
    if (p != std::string::npos && (best == std::string::npos || p > best)) best = p;
    std::size_t q = t.find(s);
    if (q != std::string::npos && (first == std::string::npos || q < first)) {
      first = q;
      first_len = s.size();
    }
  }
  if (best == std::string::npos) return t;
  std::string head = t.substr(0, best);
  if (Words(head) >= 3) return head;
  std::string tail = t.substr(first + first_len);
  if (Words(tail) >= 3 && Words(tail) > Words(head)) return tail;
  return t;
}

PageMeta ReadMetadata(const GumboNode* root) {
  Found f;
  Collect(root, &f);
  PageMeta m;
  for (const auto& j : f.jsonld) FromJsonLd(j, &m, f.title_tag);
  auto meta = [&](std::initializer_list<const char*> keys) -> std::string {
    for (const char* k : keys) {
      auto it = f.meta.find(k);
      if (it != f.meta.end() && !it->second.empty()) return it->second;
    }
    return "";
  };
  SetIf(m.title, meta({"dc.title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
                       "twitter:title", "parsely-title", "headline"}));
  if (!m.title && !f.title_tag.empty()) {
    std::string t = TrimSiteName(f.title_tag);
    SetIf(m.title, t);
  }
  SetIf(m.published, meta({"article:published_time", "og:published_time", "datepublished", "parsely-pub-date",
                           "sailthru.date", "dc.date.issued", "dc.created", "dc.date", "dc.available",
                           "date", "pubdate", "publishdate", "publish-date", "publish_date", "article.published",
                           "citation_publication_date", "citation_date", "og:updated_time", "article:modified_time"}));
  SetIf(m.published, f.time_datetime);
  std::string author = meta({"author", "dc.creator", "article:author", "parsely-author",
                             "sailthru.author", "byl", "citation_author"});
  if (author.starts_with("http")) author.clear();  // a profile link, not a name
  SetIf(m.author, author);
  if (!m.author && !f.byline.empty()) {
    std::string b = f.byline;
    for (std::string_view p : {"By ", "by ", "BY ", "Von ", "Par ", "Por "})
      if (b.starts_with(p)) b = b.substr(p.size());
    SetIf(m.author, b);
  }
  SetIf(m.outlet, meta({"og:site_name", "application-name", "publisher", "dc.publisher", "al:android:app_name"}));
  SetIf(m.url, f.canonical);
  SetIf(m.url, meta({"og:url", "twitter:url"}));
  if (m.language) m.language = Lang(*m.language);
  if (!m.language || m.language->empty()) {
    m.language.reset();
    std::string l = Lang(f.lang);
    if (l.empty()) l = Lang(meta({"content-language", "og:locale", "language", "dc.language"}));
    if (!l.empty()) m.language = l;
  }
  return m;
}

}  // namespace sitrep::html
