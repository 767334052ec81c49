// The web app's files, served from one folder. Only files inside it are
// ever read: a path with a `..` segment, a backslash, a NUL or a hidden
// segment is refused before the file system is asked.
#pragma once

#include <string>
#include <string_view>

#include "serve/api.h"

namespace sitrep::serve {

// Answers GET `path` ("/" means "/index.html") from `root`. 400 for a
// refused path, 404 for a missing file. HTML gets a Content-Security-Policy
// that allows only the app's own scripts, so text from an article that
// slipped into markup still could not run.
Response ServeStatic(const std::string& root, std::string_view path);

// The MIME type for a file name, by its extension.
std::string_view ContentType(std::string_view name);

// True if `path` stays inside the folder it is resolved against.
bool SafeRelativePath(std::string_view path);

}  // namespace sitrep::serve
