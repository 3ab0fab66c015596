#pragma once
// The languages lambda-lint reads: one table (frontends/Registry.cpp) that says, for each
// Language, which file extensions it has, which frontend lowers it, which editor writes its
// fixes and how a fixed file is checked to still parse. Adding a language is adding a row.
#include "core/Editor.h"
#include "frontends/Frontend.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ll {

struct LanguageFrontend {
  Language language;
  /// Extensions (with the dot) that select this language; none for a language only named.
  std::vector<std::string_view> extensions;
  /// Lowers a file of this language to the program model.
  Module (*lower)(Language language, std::shared_ptr<const SourceFile> file,
                  const FrontendOptions& options);
  /// The editor for this language's fixes.
  const Editor& (*editor)();
  /// True when `text` parses without syntax errors (used to verify fixed files).
  bool (*parsesCleanly)(const std::string& text);
};

/// Every language, in the order languageForPath tries their extensions.
const std::vector<LanguageFrontend>& languageFrontends();
/// The row for `language`, or null when no frontend handles it.
const LanguageFrontend* frontendFor(Language language);

/// The language of a path by its extension, or nothing if no frontend handles it.
std::optional<Language> languageForPath(const std::string& path);

/// Lowers with the frontend for `language`.
Module lower(Language language, std::shared_ptr<const SourceFile> file,
             const FrontendOptions& options);

/// The editor for a module's language (one that offers no edits for a language without one).
const Editor& editorFor(Language language);

/// True when `text` parses without syntax errors in `language` (used to verify fixed files).
bool parsesCleanly(Language language, const std::string& text);

} // namespace ll
