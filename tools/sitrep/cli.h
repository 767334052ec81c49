// Command registry for the `sitrep` binary. Each command lives in its own
// file and registers itself with a static CommandRegistrar, so adding a
// command never touches main.cpp:
//
//   static sitrep::cli::CommandRegistrar reg("eval", "time", "Score time expressions",
//       [](CLI::App& app) {
//         auto opts = std::make_shared<Options>();
//         app.add_option("--gold", opts->gold)->required();
//         return [opts] { return RunEvalTime(*opts); };
//       });
//
// A parent of "" makes a top-level command.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace sitrep::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;   // bad arguments, refused to run
inline constexpr int kExitOutput = 2;  // output could not be written

using Runner = std::function<int()>;
using Setup = std::function<Runner(CLI::App&)>;

struct CommandRegistrar {
  CommandRegistrar(std::string parent, std::string name, std::string summary, Setup setup);
};

// Prints "sitrep: <message>" to stderr.
void PrintError(const std::string& message);

}  // namespace sitrep::cli
