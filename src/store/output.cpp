#include "store/output.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace sitrep::store {
namespace fs = std::filesystem;

namespace {
Status IoError(const std::string& what, const std::string& path, int err) {
  return Status(Code::kIoError, "cannot " + what + " " + path + ": " + std::strerror(err));
}
}  // namespace

OutputFile::~OutputFile() {
  if (f_) {
    std::fclose(f_);
    std::remove(partial_.c_str());
  }
}

Status OutputFile::Open(const std::string& path) {
  path_ = path;
  partial_ = path + ".partial";
  f_ = std::fopen(partial_.c_str(), "wb");
  if (!f_) return IoError("create", partial_, errno);
  static thread_local char dummy;
  (void)dummy;
  std::setvbuf(f_, nullptr, _IOFBF, 1 << 20);
  return Status::Ok();
}

Status OutputFile::Write(std::string_view data) {
  if (!f_) return Status(Code::kIoError, "write to a file that is not open: " + path_);
  if (data.empty()) return Status::Ok();
  if (std::fwrite(data.data(), 1, data.size(), f_) != data.size()) return IoError("write", path_, errno);
  return Status::Ok();
}

Status OutputFile::Commit() {
  if (!f_) return Status(Code::kIoError, "commit a file that is not open: " + path_);
  int err = 0;
  if (std::fflush(f_) != 0) err = errno;
  if (std::fclose(f_) != 0 && err == 0) err = errno;
  f_ = nullptr;
  if (err != 0) {
    std::remove(partial_.c_str());
    return IoError("write", path_, err);
  }
  if (std::rename(partial_.c_str(), path_.c_str()) != 0) {
    err = errno;
    std::remove(partial_.c_str());
    return IoError("rename", partial_, err);
  }
  return Status::Ok();
}

Status WriteFile(const std::string& path, std::string_view data) {
  OutputFile f;
  Status s = f.Open(path);
  if (!s.ok()) return s;
  s = f.Write(data);
  if (!s.ok()) return s;
  return f.Commit();
}

Status PrepareOutputDir(const std::string& dir, bool force) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) {
      return Status(Code::kInvalidInput, "output path " + dir + " exists and is not a folder");
    }
    bool empty = fs::directory_iterator(dir, ec) == fs::directory_iterator();
    if (ec) return Status(Code::kIoError, "cannot read output folder " + dir + ": " + ec.message());
    if (!empty && !force) {
      return Status(Code::kInvalidInput,
                    "output folder " + dir + " exists and is not empty; use --force to overwrite it");
    }
    return Status::Ok();
  }
  fs::create_directories(dir, ec);
  if (ec) return Status(Code::kIoError, "cannot create output folder " + dir + ": " + ec.message());
  return Status::Ok();
}

}  // namespace sitrep::store
