// Page metadata: JSON-LD (NewsArticle, Article, ...), OpenGraph and Twitter
// cards, <meta> names, <link rel=canonical>, <html lang>, <time datetime>
// and visible bylines.
#pragma once

#include <gumbo.h>

#include "html/html.h"

namespace sitrep::html {

// Reads what the page says about itself. Later sources fill only what
// earlier ones left empty, in the order: JSON-LD, <meta> tags, the <title>
// element, visible markup.
PageMeta ReadMetadata(const GumboNode* root);

// A document title with the site name cut off when a separator (" | ",
// " - ", " — ", ...) marks one and enough words remain.
std::string TrimSiteName(std::string_view title);

}  // namespace sitrep::html
