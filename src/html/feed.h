// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one item per article.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sitrep::html {

struct FeedItem {
  std::string title, link, published, author;
  std::string html;  // content:encoded, Atom content, else description/summary (HTML)
};

struct Feed {
  std::string title;  // the channel's title: the outlet
  std::string link;   // the channel's own page, whose host names the outlet
  std::vector<FeedItem> items;
};

// Parses a feed document. Returns kInvalidInput naming the line when the
// bytes are not well-formed XML, or when the root is not <rss>, <feed> or
// <rdf:RDF>. Never throws; external entities are never fetched.
Result<Feed> ParseFeed(std::string_view xml);

// True when the first bytes look like an RSS or Atom document.
bool LooksLikeFeed(std::string_view bytes);

}  // namespace sitrep::html
