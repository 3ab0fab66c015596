#include "frontends/treesitter/Lowering.h"

#include "core/Glob.h"

#include <algorithm>
#include <cctype>

namespace ll::ts {

NameSet::NameSet(const Catalogue& catalogue, std::string_view language, std::string_view kind) {
  for (const CatalogueEntry& e : catalogue.entries(language, kind)) {
    if (e.pattern.find('*') == std::string::npos) exact_.insert(e.pattern);
    else globs_.push_back(e.pattern);
  }
}

bool NameSet::contains(std::string_view name) const {
  if (name.empty()) return false; // as Catalogue::match
  if (exact_.find(name) != exact_.end()) return true;
  return std::any_of(globs_.begin(), globs_.end(), [&](const std::string& g) { return globMatch(g, name); });
}

Lowering::Lowering(std::shared_ptr<const SourceFile> file, const FrontendOptions& options, Language language,
                   const char* catalogueLanguage)
    : src_(file->text()), opts_(options), cat_(options.catalogue), lang_(catalogueLanguage),
      releaseMethods_(options.catalogue, catalogueLanguage, kind::ReleaseMethod),
      hoistableGlobals_(options.catalogue, catalogueLanguage, kind::HoistableGlobal) {
  m_.language = language;
  m_.file = std::move(file);
}

void Lowering::tooDeep(TSNode n) {
  if (reportedTooDeep_) return;
  reportedTooDeep_ = true;
  m_.notices.push_back(ts::tooDeepNotice(*m_.file, ts_node_start_byte(n), kMaxDepth));
}

int Lowering::statementFor(int function, bool lines, std::string_view lineComment) {
  if (currentStatement_ >= 0) return currentStatement_;
  if (ts::isNull(statementNode_)) return -1;
  Statement s;
  s.range = ts::range(statementNode_);
  s.function = function;
  s.inFunctionBody = blockInfo_.functionBody;
  s.onlyInBlock = blockInfo_.onlyStatement;
  if (lines) s.lines = ts::wholeLines(*m_.file, s.range, lineComment);
  currentStatement_ = static_cast<int>(m_.statements.size());
  m_.statements.push_back(std::move(s));
  return currentStatement_;
}

void Lowering::recordModuleName(const std::string& name, TSNode stmt, TSNode value) {
  auto [it, inserted] = m_.moduleNames.try_emplace(name);
  if (inserted) {
    it->second.offset = ts_node_start_byte(stmt);
    if (!ts::isNull(value)) it->second.valueText = str(value);
  } else if (it->second.valueText != (ts::isNull(value) ? std::string() : str(value))) {
    it->second.valueText.clear(); // bound to different things: no single value
  }
}

Call Lowering::referenceCall(int target, ByteRange range, int function, bool unconditional) const {
  Call c;
  c.callee = m_.functions[target].qualifiedName;
  c.range = range;
  c.calleeRange = range;
  c.function = function;
  c.target = target;
  c.referenceOnly = true;
  c.unconditional = unconditional;
  return c;
}

void Lowering::noteRelease(int function, std::string_view method, const std::string& object) {
  if (releaseMethods_.contains(method)) released_[function].insert(object);
}

bool Lowering::namesDownState(std::string_view property) {
  std::string lower(property);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return lower.find("close") != std::string::npos || lower.find("disconnect") != std::string::npos ||
         lower.find("expire") != std::string::npos || lower.find("stale") != std::string::npos;
}

bool Lowering::isParameter(int function, const std::string& name) const {
  const auto& params = m_.functions[function].params;
  return std::find(params.begin(), params.end(), name) != params.end();
}

void Lowering::markHandler(int f, std::string reason) {
  if (f < 0 || m_.functions[f].isHandler) return;
  m_.functions[f].isHandler = true;
  m_.functions[f].handlerReason = std::move(reason);
}

void Lowering::markRoute(int f, std::string reason) {
  if (f < 0) return;
  const bool was = m_.functions[f].isHandler;
  markHandler(f, std::move(reason));
  if (!was) m_.functions[f].isRoute = true;
}

bool Lowering::markByDecorators(int f, const std::vector<std::string>& names,
                                const std::vector<std::string>& texts) {
  for (size_t d = 0; d < names.size(); ++d) {
    const std::string& name = names[d];
    if (cat_.match(lang_, kind::HandlerDecorator, name)) {
      markHandler(f, "decorated with `@" + texts[d] + "`");
      return true;
    }
    if (cat_.match(lang_, kind::LambdaRoute, name)) {
      markRoute(f, "route `@" + texts[d] + "`, served on every invocation");
      return true;
    }
    if (hasAdapter_ && cat_.match(lang_, kind::Route, name)) {
      markRoute(f, "route `@" + texts[d] + "` of an app served by a Lambda adapter");
      return true;
    }
  }
  return false;
}

std::string Lowering::eventContextSignature(const std::vector<std::string>& params) const {
  if (params.size() < 2) return {};
  if (!cat_.match(lang_, kind::HandlerEventParam, params[0]) ||
      !cat_.match(lang_, kind::HandlerContextParam, params[1]))
    return {};
  return "takes `(" + params[0] + ", " + params[1] + ")`";
}

} // namespace ll::ts
