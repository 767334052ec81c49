// Page metadata: JSON-LD (NewsArticle, Article, ...), OpenGraph and Twitter
// cards, <meta> names, <link rel=canonical>, <html lang>, <time datetime>
// and visible bylines.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "html/html.h"

namespace sitrep::html {

// Reads what the page says about itself. Later sources fill only what
// earlier ones left empty, in the order: JSON-LD, <meta> tags, the <title>
// element, visible markup.
PageMeta ReadMetadata(const GumboNode* root);

// The article title in a <title> element, by Mozilla Readability's rules:
// the site name cut off where a separator (" | ", " - ", " / ", " » ", ...)
// marks one and enough words remain; the part after a colon unless a heading
// repeats the whole title; the only <h1> when the title is under 15 or over
// 150 characters. headings: the texts of the page's <h1> and <h2>; h1s: the
// <h1> texts alone.
std::string DocumentTitle(std::string_view title, const std::vector<std::string>& headings,
                          const std::vector<std::string>& h1s);

// Cuts a trailing site name off a title ("Headline | Example Times") when
// the cut part is one of site_names (the page's own name, its publisher, its
// host) or what remains is one of the h1s; twice at most.
std::string StripSiteSuffix(std::string_view title, const std::vector<std::string>& site_names,
                            const std::vector<std::string>& h1s);

// A feed's channel title as an outlet name: a section after the name
// ("Example Herald – World news", "Example Times | Politics") is cut when
// what precedes the separator is a name: the channel link's host spells
// it, or all its words are capitalised while the section's are not.
std::string FeedOutletName(std::string_view channel_title, std::string_view channel_link);

// Readability's text similarity: 1 minus the share of b's text (by length)
// in word tokens that a lacks.
// Lower-case word tokens of s: runs of ASCII letters and digits, any
// non-ASCII byte counting as a letter (so other scripts stay whole).
std::vector<std::string> WordTokens(std::string_view s);

double TextSimilarity(std::string_view a, std::string_view b);

// DocumentTitle without headings.
std::string TrimSiteName(std::string_view title);

}  // namespace sitrep::html
