// The table of data files compiled into the binary (see
// cmake/EmbedData.cmake). Use core/resources.h, not this header.
#pragma once

#include <cstddef>

namespace sitrep::detail {
struct EmbeddedResource {
  const char* name;
  const char* begin;
  const char* end;
};
extern const EmbeddedResource kEmbeddedResources[];
extern const std::size_t kEmbeddedResourceCount;
}  // namespace sitrep::detail
