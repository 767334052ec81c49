#include "html/feed.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>

namespace sitrep::html {
namespace {

bool Is(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

const char* Ns(const xmlNode* n) { return n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : ""; }

std::string Content(const xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  if (!c) return "";
  std::string s(reinterpret_cast<const char*>(c));
  xmlFree(c);
  std::size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string Prop(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

// Atom content of type "xhtml" holds markup; serialise it back to HTML text.
std::string InnerXml(xmlNode* n) {
  std::unique_ptr<xmlBuffer, void (*)(xmlBufferPtr)> buf(xmlBufferCreate(), xmlBufferFree);
  for (xmlNode* c = n->children; c; c = c->next) xmlNodeDump(buf.get(), n->doc, c, 0, 0);
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buf.get())),
                     static_cast<std::size_t>(xmlBufferLength(buf.get())));
}

std::string EscapeText(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '<') o += "&lt;";
    else if (c == '&') o += "&amp;";
    else if (c == '\n') o += "<br>";
    else o += c;
  }
  return o;
}

FeedItem RssItem(xmlNode* item) {
  FeedItem it;
  std::string description, encoded;
  for (xmlNode* c = item->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Is(c, "title") && it.title.empty()) it.title = Content(c);
    else if (Is(c, "link") && it.link.empty()) it.link = Content(c);
    else if ((Is(c, "pubDate") || Is(c, "date")) && it.published.empty()) it.published = Content(c);
    else if ((Is(c, "creator") || Is(c, "author")) && it.author.empty()) it.author = Content(c);
    else if (Is(c, "encoded") && std::strstr(Ns(c), "content")) encoded = Content(c);
    else if (Is(c, "description")) description = Content(c);
    else if (Is(c, "guid") && it.link.empty() && Prop(c, "isPermaLink") != "false") it.link = Content(c);
  }
  it.html = !encoded.empty() ? encoded : description;
  return it;
}

FeedItem AtomEntry(xmlNode* entry) {
  FeedItem it;
  std::string content, summary, published, updated;
  for (xmlNode* c = entry->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Is(c, "title") && it.title.empty()) it.title = Content(c);
    else if (Is(c, "link")) {
      std::string rel = Prop(c, "rel");
      if ((rel.empty() || rel == "alternate") && it.link.empty()) it.link = Prop(c, "href");
    } else if (Is(c, "published")) published = Content(c);
    else if (Is(c, "updated")) updated = Content(c);
    else if (Is(c, "author") && it.author.empty()) {
      for (xmlNode* a = c->children; a; a = a->next)
        if (Is(a, "name")) it.author = Content(a);
    } else if (Is(c, "content") || Is(c, "summary")) {
      std::string type = Prop(c, "type");
      std::string v = type == "xhtml" ? InnerXml(c) : type == "html" || type == "text/html" ? Content(c)
                                                                                             : EscapeText(Content(c));
      (Is(c, "content") ? content : summary) = v;
    }
  }
  it.published = !published.empty() ? published : updated;
  it.html = !content.empty() ? content : summary;
  return it;
}

}  // namespace

bool LooksLikeFeed(std::string_view b) {
  std::string_view head = b.substr(0, 2048);
  return head.find("<rss") != std::string_view::npos || head.find("<feed") != std::string_view::npos ||
         head.find("<rdf:RDF") != std::string_view::npos;
}

Result<Feed> ParseFeed(std::string_view xml) {
  xmlResetLastError();
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(std::min<std::size_t>(xml.size(), 1u << 30)), nullptr, nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                        XML_PARSE_COMPACT | XML_PARSE_HUGE),
      xmlFreeDoc);
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    std::string why = "not a well-formed XML feed";
    if (e) {
      std::string msg = e->message ? e->message : "";
      while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
      why += " (line " + std::to_string(e->line) + ": " + msg + ")";
    }
    return Status(Code::kInvalidInput, why);
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return Status(Code::kInvalidInput, "not an XML feed (no root element)");
  Feed feed;
  if (Is(root, "rss") || Is(root, "RDF")) {
    std::vector<xmlNode*> scopes{root};
    for (xmlNode* c = root->children; c; c = c->next)
      if (Is(c, "channel")) scopes.push_back(c);
    for (xmlNode* s : scopes) {
      for (xmlNode* c = s->children; c; c = c->next) {
        if (Is(c, "channel")) {
          for (xmlNode* t = c->children; t; t = t->next)
            if (Is(t, "title") && feed.title.empty()) feed.title = Content(t);
            else if (Is(t, "link") && feed.link.empty()) feed.link = Content(t);
        } else if (Is(c, "title") && s != root && feed.title.empty()) {
          feed.title = Content(c);
        } else if (Is(c, "item")) {
          feed.items.push_back(RssItem(c));
        }
      }
    }
  } else if (Is(root, "feed")) {
    for (xmlNode* c = root->children; c; c = c->next) {
      if (Is(c, "title") && feed.title.empty()) {
        feed.title = Content(c);
      } else if (Is(c, "link") && feed.link.empty()) {
        std::string rel = Prop(c, "rel");
        if (rel.empty() || rel == "alternate") feed.link = Prop(c, "href");
      } else if (Is(c, "entry")) {
        feed.items.push_back(AtomEntry(c));
      }
    }
  } else {
    return Status(Code::kInvalidInput, std::string("not an RSS or Atom feed (the root element is <") +
                                           reinterpret_cast<const char*>(root->name) + ">)");
  }
  return feed;
}

}  // namespace sitrep::html
