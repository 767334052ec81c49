#include "report/report.h"

#include "report/load.h"
#include "report/render.h"
#include "store/output.h"

namespace sitrep::report {

Result<std::string> RenderReport(const std::string& dir, const ReportOptions& options) {
  Result<OutputFolder> folder = LoadOutputFolder(dir, options.story_id);
  if (!folder.ok()) return folder.status();
  return RenderPage(folder.value(), options.generator.empty() ? std::string("sitrep") : options.generator);
}

Status WriteReport(const std::string& dir, const ReportOptions& options, const std::string& out_path) {
  Result<std::string> page = RenderReport(dir, options);
  if (!page.ok()) return page.status();
  Status s = store::WriteFile(out_path, page.value());
  // Whatever the writer reports, a page that was not written is an
  // output failure, never to be confused with bad input.
  if (!s.ok()) return Status(Code::kIoError, s.message());
  return Status::Ok();
}

}  // namespace sitrep::report
