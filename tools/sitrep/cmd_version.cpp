// `sitrep version`: the same as `sitrep --version`, for scripts.
#include <cstdio>

#include "cli.h"

namespace {
sitrep::cli::CommandRegistrar reg("", "version", "Print the sitrep version", [](CLI::App&) {
  return [] {
    std::printf("sitrep %s\n", SITREP_VERSION);
    return sitrep::cli::kExitOk;
  };
});
}  // namespace
