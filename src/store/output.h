// Output files that report every failed write as a Status naming the file,
// so a full disk ends the run with a clear message instead of a short file.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sitrep::store {

// A file written in full or not at all: data goes to "PATH.partial", which
// Commit() renames to PATH. Destroying an uncommitted file removes it.
class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  Status Open(const std::string& path);
  Status Write(std::string_view data);
  Status Commit();
  const std::string& path() const { return path_; }

 private:
  std::string path_, partial_;
  std::FILE* f_ = nullptr;
};

// Writes a whole file at once through OutputFile.
Status WriteFile(const std::string& path, std::string_view data);

// Prepares DIR for output: creates it if needed; refuses a folder that
// holds anything unless force, in which case sitrep's own output files in
// it are replaced. Returns kInvalidInput for a refusal (a usage error) and
// kIoError when the folder cannot be made.
Status PrepareOutputDir(const std::string& dir, bool force);

}  // namespace sitrep::store
