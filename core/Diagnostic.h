#pragma once
// What checks produce: findings with related locations and fixes made of text edits.
#include "core/Source.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ll {

enum class Level { Note, Warning, Error };
const char* levelName(Level l); // "note", "warning", "error"

/// As in ruff: a safe fix keeps the program's meaning; an unsafe one may change it and is
/// applied only with --unsafe-fixes; a display-only fix is advice that is never applied.
enum class Applicability { Safe, Unsafe, DisplayOnly };
const char* applicabilityName(Applicability a); // "safe", "unsafe", "display-only"

/// Replace the bytes of `range` in the finding's file with `text`.
struct Edit {
  ByteRange range;
  std::string text;
};

struct Fix {
  std::string description;
  Applicability applicability = Applicability::Safe;
  std::vector<Edit> edits; // non-overlapping, any order
  /// Names the fix binds at module scope. Two fixes that bind the same name are never applied
  /// in the same round: the second is re-made against the first's result, where the editor
  /// reuses the name or picks another.
  std::vector<std::string> introduces;
};

struct RelatedLocation {
  ByteRange range;
  std::string message;
  /// The file the range is in when it is not the finding's own (a handler in another file of
  /// the project that calls the function the finding is in); null for the finding's file.
  std::shared_ptr<const SourceFile> file;
};

struct Finding {
  std::string rule;
  Level level = Level::Warning;
  std::shared_ptr<const SourceFile> file;
  ByteRange range;
  std::string message;
  std::vector<RelatedLocation> related;
  /// The first `pathSteps` related locations are the way from the handler to the finding, in
  /// order (the handler, then each call): SARIF gives them as a code flow too.
  size_t pathSteps = 0;
  std::vector<Fix> fixes;
  /// Figures behind the finding (`estimatedInitMs`, `budgetMs`), for machine-readable outputs.
  std::vector<std::pair<std::string, double>> metrics;
  /// About the whole file (a deployment package, a folder) rather than a place in it: outputs
  /// give no line or column.
  bool wholeArtifact = false;
};

/// A message about the run rather than about the code: a file that could not be read or parsed
/// completely, a skipped file. Reported in text, JSON ("notices") and SARIF
/// (toolExecutionNotifications); never counted as a finding.
struct Notice {
  Level level = Level::Note;
  std::string path;
  std::optional<Position> position;
  std::string message;
};

} // namespace ll
