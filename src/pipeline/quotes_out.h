// quotes.jsonl: the quotes of every article, with their speakers' entity
// ids and the same quotation linked across articles. Shared by `sitrep
// analyze` and `sitrep merge`, so both write the same file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "quotes/same_as.h"
#include "resolve/resolve.h"

namespace sitrep::pipeline {

class QuotesOut {
 public:
  // entities: the merged entities (must outlive this object); a speaker
  // with an entity id is named by its entity's canonical name, the form
  // the article wrote kept beside it.
  explicit QuotesOut(const std::vector<resolve::Resolver::Entity>& entities);

  // Takes the quotes of one finished articles.jsonl line (its speakers'
  // entity ids already filled). A line that is not valid JSON is an
  // error naming nothing but the problem; the caller knows the line.
  Status AddArticle(std::string_view line);

  // Links the same quotation across articles and writes `path` (through
  // a .partial file) with one line per quote, sorted by id.
  Status Write(const std::string& path);

  std::uint64_t count() const { return records_.size(); }

 private:
  struct Record {
    std::string id;
    std::string json;  // the object without its closing brace
  };
  std::vector<Record> records_;
  quotes::QuoteLinker linker_;
  std::unordered_map<std::string_view, std::string_view> names_;  // entity id -> canonical name
  std::uint32_t articles_ = 0;
};

}  // namespace sitrep::pipeline
