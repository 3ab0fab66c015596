#pragma once
// Inline suppressions applied to a file's findings, and the unused-suppression rule's findings.
#include "checks/Check.h"

#include <vector>

namespace ll {

/// Applies the inline suppressions of `module` (core/Suppressions.h) to `findings`, the findings
/// of the checks in `ran` (those that ran on the file): drops the findings they cover and, when
/// unused-suppression is among `ran`, adds its findings about suppressions that suppress
/// nothing. A malformed directive is such a finding, or a warning notice when the rule did not
/// run, so it is never silently ignored.
void applyInlineSuppressions(const Module& module, const std::vector<const Check*>& ran,
                             std::vector<Finding>& findings, std::vector<Notice>& notices);

} // namespace ll
