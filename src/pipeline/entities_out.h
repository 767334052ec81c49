// Writing merged entities: shared by `sitrep analyze` and `sitrep merge`.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "resolve/resolve.h"

namespace sitrep::pipeline {

// Appends one entities.jsonl object (no newline) for `e`, with the keys of
// the output contract; empty country and actor code are written as null.
void AppendEntityJson(const resolve::Resolver::Entity& e, std::string* out);

// Writes `path` (through a .partial file renamed at the end) with one line
// per entity, in the given order. Returns an I/O error naming the file.
Status WriteEntitiesFile(const std::string& path, const std::vector<resolve::Resolver::Entity>& entities);

// Entity id -> CAMEO actor code, for the entities that have one (what
// events::FillActorCodes reads).
std::unordered_map<std::string, std::string> EntityCodes(const std::vector<resolve::Resolver::Entity>& entities);

}  // namespace sitrep::pipeline
