// The names of the model's languages and the catalogue section each one reads.
#include "core/Model.h"

namespace ll {

const char* languageName(Language l) {
  switch (l) {
  case Language::Python: return "python";
  case Language::JavaScript: return "javascript";
  case Language::TypeScript: return "typescript";
  case Language::Tsx: return "tsx";
  case Language::Cpp: return "cpp";
  }
  return "python";
}

const char* catalogueLanguage(Language l) {
  switch (l) {
  case Language::Python: return "python";
  case Language::JavaScript:
  case Language::TypeScript:
  case Language::Tsx: return "javascript";
  case Language::Cpp: return "cpp";
  }
  return "python";
}

} // namespace ll
