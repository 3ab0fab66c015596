#pragma once
// Finding fingerprints, shared by the SARIF writer (partialFingerprints) and --baseline.
#include "core/Diagnostic.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ll {

/// The partialFingerprints key of lambda-lint's own fingerprint in SARIF, which --baseline
/// matches on.
inline constexpr std::string_view kFingerprintKey = "lambdaLint/v1";

/// How fingerprints spell a path: relative to `root` (the project root, see discoverProject)
/// when the file lies inside it, absolute otherwise; lexically normal, '/'-separated.
std::string fingerprintPath(const std::string& path, const std::filesystem::path& root);

/// A stable fingerprint of a finding (16 hex digits): its rule, its path relative to the
/// project root and its source text with whitespace runs collapsed; not its line, column or
/// message. It survives lines inserted above, re-indentation and re-wrapping, and running from
/// another directory of the same project. `root` empty: the project root of the working
/// directory.
std::string fingerprint(const Finding& f, const std::filesystem::path& root = {});

/// GitHub's primaryLocationLineHash of every line of `text` (index 0 is line 1), computed as
/// github/codeql-action's upload-sarif computes it: a rolling hash of the 100 characters (UTF-16
/// code units, spaces and tabs left out, line ends normalised) from the start of the line,
/// in hex, then ':' and how many earlier lines hashed the same. Writing the same value the
/// uploader would compute keeps it from warning about an inconsistent fingerprint per result,
/// and gives uploads through the REST API the same alert tracking.
std::vector<std::string> githubLineHashes(std::string_view text);

} // namespace ll
