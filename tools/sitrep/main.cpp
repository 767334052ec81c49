// The `sitrep` command-line tool: builds the command tree from the
// registered commands and runs the one chosen.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <vector>

#include "cli.h"
#include "core/error.h"

namespace sitrep::cli {
namespace {

struct Entry {
  std::string parent, name, summary;
  Setup setup;
};

// CLI11 2.1 has no non-throwing lookup by name.
CLI::App* FindSub(CLI::App* app, const std::string& name) {
  for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

std::vector<Entry>& Registry() {
  static std::vector<Entry> entries;
  return entries;
}

}  // namespace

CommandRegistrar::CommandRegistrar(std::string parent, std::string name, std::string summary,
                                   Setup setup) {
  Registry().push_back({std::move(parent), std::move(name), std::move(summary), std::move(setup)});
}

void PrintError(const std::string& message) { std::fprintf(stderr, "sitrep: %s\n", message.c_str()); }

}  // namespace sitrep::cli

int main(int argc, char** argv) {
  using namespace sitrep::cli;
  // A write past a file-size limit must fail with EFBIG and a clean error,
  // not kill the process.
  std::signal(SIGXFSZ, SIG_IGN);
  std::signal(SIGPIPE, SIG_IGN);

  CLI::App app{"sitrep: turns news articles from many outlets into a structured picture of what "
               "happened, who said what, and where the outlets agree or differ.",
               "sitrep"};
  app.set_version_flag("--version", std::string("sitrep ") + SITREP_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  std::map<std::string, CLI::App*> parents;
  std::map<CLI::App*, Runner> runners;
  auto entries = Registry();
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.parent.empty() && !b.parent.empty(); });
  for (auto& e : entries) {
    CLI::App* parent = &app;
    if (!e.parent.empty()) {
      auto it = parents.find(e.parent);
      if (it == parents.end()) {
        CLI::App* p = FindSub(&app, e.parent);
        if (!p) {
          p = app.add_subcommand(e.parent, e.parent + " commands");
          p->require_subcommand(1);
        }
        it = parents.emplace(e.parent, p).first;
      }
      parent = it->second;
    }
    CLI::App* sub = parent->add_subcommand(e.name, e.summary);
    if (e.parent.empty()) parents[e.name] = sub;
    runners[sub] = e.setup(*sub);
  }

  // `sitrep help [COMMAND [SUBCOMMAND]]`
  std::vector<std::string> help_path;
  CLI::App* help = app.add_subcommand("help", "Show help for sitrep or for one command");
  help->add_option("command", help_path, "The command to explain, e.g. `analyze` or `eval time`");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return e.get_exit_code() == 0 ? kExitOk : (code == 0 ? kExitOk : kExitUsage);
  }

  if (help->parsed()) {
    CLI::App* target = &app;
    for (const auto& name : help_path) {
      CLI::App* next = FindSub(target, name);
      if (!next) {
        PrintError("no command '" + name + "'; see `sitrep help`");
        return kExitUsage;
      }
      target = next;
    }
    // App::help() would describe the selected `help` subcommand instead.
    std::cout << target->get_formatter()->make_help(target, target->get_name(),
                                                    CLI::AppFormatMode::Normal);
    return kExitOk;
  }

  for (auto& [sub, runner] : runners) {
    if (sub->parsed() && runner) {
      try {
        return runner();
      } catch (const sitrep::Error& e) {
        PrintError(e.what());
        return kExitUsage;
      } catch (const std::exception& e) {
        PrintError(e.what());
        return kExitUsage;
      }
    }
  }
  std::cout << app.help();
  return kExitUsage;
}
