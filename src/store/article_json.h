// Serialisation of an Article as one line of articles.jsonl (output
// contract v1, docs/schema.md). Byte offsets become code point offsets.
#pragma once

#include <string>

#include "core/article.h"

namespace sitrep::store {

// Appends the JSON object for a (no trailing newline) to *out. Every key
// of the contract is written for every article, skipped ones included
// (with null or empty values), so the file loads as one table.
void AppendArticleJson(const Article& a, std::string* out);

}  // namespace sitrep::store
