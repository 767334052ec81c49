// Serialisation of an Article as one line of articles.jsonl (output
// contract v1, docs/schema.md). Byte offsets become code point offsets.
#pragma once

#include <string>
#include <vector>

#include "core/article.h"

namespace sitrep::store {

// Appends the JSON object for a (no trailing newline) to *out. Every key
// of the contract is written for every article, skipped ones included
// (with null or empty values), so the file loads as one table.
void AppendArticleJson(const Article& a, std::string* out);

// Sets the `entity` of every mention in one articles.jsonl line written by
// AppendArticleJson: a mention whose entity is null and whose `local` is k
// gets ids[k]. Returns false if some `local` had no id (that mention keeps
// null). Linear in the line; the text itself is never touched, because
// the pattern it looks for cannot occur inside a JSON string.
bool FillMentionEntities(std::string& line, const std::vector<std::string>& ids);

}  // namespace sitrep::store
