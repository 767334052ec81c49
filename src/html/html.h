// HTML in: the article body, what was dropped around it, and the page's
// metadata, from one web page.
//
// The body is chosen with Readability-style scoring of the DOM (text
// length, commas, link density, tag and class/id cues from
// data/html/cues.tsv, position) and cleaned of navigation, headers, footers,
// share bars, comment threads, related-article lists, adverts, cookie and
// newsletter boxes, the byline and the headline repeated; figure captions
// inside the article stay. Every dropped block is kept with its reason.
// The text-level cleaner (src/clean) runs after this on the body.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace sitrep::html {

struct PageMeta {
  std::optional<std::string> title;
  std::optional<std::string> outlet;
  std::optional<std::string> published;  // as the page writes it (ISO or not)
  std::optional<std::string> url;        // canonical
  std::optional<std::string> author;
  std::optional<std::string> language;   // primary subtag, lowercase ("en")
};

struct ExtractOptions {
  // The charset an HTTP header gave, or "".
  std::string charset;
  // True when the HTML is already the article (a feed item's content):
  // everything visible is kept but scripts, forms and the like.
  bool fragment = false;
  // Pages whose best body has fewer characters than this have no article,
  // unless that body is most of the page's text or sits in <article> and
  // links nowhere (a brief, a one-line notice).
  std::size_t min_body_chars = 50;
};

struct Page {
  std::string body;  // paragraphs separated by "\n\n"; valid UTF-8
  std::vector<Removed> removed;
  PageMeta meta;
  std::vector<std::string> warnings;
  // Non-empty when the page holds no article (a home page, a login wall,
  // a script-only page): the reason to skip it with.
  std::string no_article;
};

// Extracts the article from page bytes in any charset. Never throws and
// never fails: broken markup is repaired as a browser would, and a page
// without an article comes back with no_article set.
Page ExtractPage(std::string_view bytes, const ExtractOptions& options = {});

// The same from text already in UTF-8 (a JSON "html" field).
Page ExtractPageUtf8(std::string_view utf8, const ExtractOptions& options = {});

}  // namespace sitrep::html
