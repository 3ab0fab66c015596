#include "tool/HtmlReport.h"

namespace ll {

void writeHtmlReport(std::ostream& os, const PackageReport& /*report*/) {
  os << "<!doctype html><html><head><meta charset=\"utf-8\"><title>lambda-lint</title></head>"
        "<body><p>Package report: not implemented yet.</p></body></html>\n"; // placeholder (issue 5)
}

} // namespace ll
