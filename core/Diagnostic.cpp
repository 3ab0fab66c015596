// The names of the diagnostic enums that every output format spells out.
#include "core/Diagnostic.h"

namespace ll {

const char* levelName(Level l) {
  switch (l) {
  case Level::Note: return "note";
  case Level::Warning: return "warning";
  case Level::Error: return "error";
  }
  return "warning";
}

const char* applicabilityName(Applicability a) {
  switch (a) {
  case Applicability::Safe: return "safe";
  case Applicability::Unsafe: return "unsafe";
  case Applicability::DisplayOnly: return "display-only";
  }
  return "display-only";
}

} // namespace ll
