// Handler identification in the JavaScript lowering: exports (through wrappers and factories),
// names, signatures, decorators and routes.
#include "frontends/javascript/JsLowering.h"

namespace ll::js {

void JsLowering::unwrap(TSNode n, const std::string& how,
                        std::vector<std::pair<int, std::string>>& out, std::set<std::string>& seen,
                        int depth) {
  if (ts::isNull(n) || depth > 24) return;
  n = stripWrappers(n);
  std::string_view t = type(n);
  if (t == "await_expression") {
    unwrap(named(n, 0), how, out, seen, depth + 1);
    return;
  }
  if (isFunctionType(t) || t == "function_declaration") {
    auto it = functionAt_.find(id(n));
    if (it != functionAt_.end()) out.emplace_back(it->second, how);
    return;
  }
  // An imported function, or what an imported factory returns: an entry point of another file
  // (linked in frontends/Linker).
  auto imported = [&](const Value& v, bool returned, std::string reason) {
    if (importedOut_ && v.kind == Value::Name && !v.made && !v.canonical.empty())
      importedOut_->push_back({calleeName(v), returned, "", std::move(reason), ts::range(n)});
  };
  if (t == "identifier" || t == "shorthand_property_identifier") {
    Value v = resolve(n);
    if (v.kind == Value::Function) {
      out.emplace_back(v.index, how);
      return;
    }
    imported(v, false, how);
    std::string name = str(n);
    int where = -1;
    lookup(name, &where);
    if (where == 0 && !seen.contains(name)) {
      auto it = moduleInit_.find(name);
      if (it != moduleInit_.end()) {
        seen.insert(name);
        unwrap(it->second, how, out, seen, depth + 1);
      }
    }
    return;
  }
  if (t == "member_expression" || t == "subscript_expression") {
    Value v = resolve(n);
    if (v.kind == Value::Function) out.emplace_back(v.index, how);
    else imported(v, false, how);
    return;
  }
  if (t == "call_expression") {
    TSNode fn = field(n, "function");
    if (is(fn, "member_expression") && text(field(fn, "property")) == "bind") {
      unwrap(field(fn, "object"), how, out, seen, depth + 1);
      return;
    }
    Value callee = resolve(fn);
    TSNode root = n;
    for (int i = 0; i < 32; ++i) { // `middy(base).use(a).use(b)`: named after `middy`
      TSNode f = field(root, "function");
      if (is(f, "member_expression") && is(stripWrappers(field(f, "object")), "call_expression"))
        root = stripWrappers(field(f, "object"));
      else break;
    }
    std::string wrapper = "`" + abbreviated(field(root, "function")) + "(...)`";
    std::string own = how.empty() ? "" : ", " + how;
    if (callee.kind == Value::Function) {
      for (int g : extras_[callee.index].returned) out.emplace_back(g, "returned by " + wrapper + own);
    } else {
      imported(callee, true, "returned by " + wrapper + own);
    }
    TSNode args = field(n, "arguments");
    for (uint32_t i = 0; is(args, "arguments") && i < namedCount(args); ++i)
      unwrap(named(args, i), "wrapped by " + wrapper + own, out, seen, depth + 1);
    if (is(fn, "member_expression")) {
      TSNode obj = stripWrappers(field(fn, "object"));
      if (is(obj, "call_expression")) unwrap(obj, how, out, seen, depth + 1);
    }
    return;
  }
  if (t == "object") {
    for (uint32_t i = 0; i < namedCount(n); ++i) {
      TSNode p = named(n, i);
      if (is(p, "pair")) unwrap(field(p, "value"), how, out, seen, depth + 1);
      else if (is(p, "method_definition") || is(p, "shorthand_property_identifier"))
        unwrap(p, how, out, seen, depth + 1);
    }
  }
}

std::string JsLowering::abbreviated(TSNode n) const {
  std::string_view s = text(n);
  s = s.substr(0, s.find('\n'));
  if (s.size() > 40) return std::string(s.substr(0, 40)) + "...";
  return std::string(s);
}

void JsLowering::identifyHandlers() {
  auto exported = [&](const ExportRecord& e, const std::string& how, const std::string* byOption) {
    if (byOption) return opts_.namedBy(*byOption);
    std::string as = e.name == "default"          ? "the default export"
                     : e.name == "module.exports" ? "exported as `module.exports`"
                                                  : "exported as `" + e.name + "`";
    return how.empty() ? as : how + ", " + as;
  };
  auto isModuleFunction = [&](size_t f) {
    return m_.functions[f].parent < 0 && extras_[f].klass < 0 && !extras_[f].isMember;
  };
  if (!opts_.handlers.empty()) {
    // An export name names the functions the export is (through wrappers).
    auto byExport = [&](const std::string& h) {
      bool found = false;
      for (const ExportRecord& e : exports_) {
        if (e.name != h) continue;
        std::vector<std::pair<int, std::string>> fns;
        std::set<std::string> seen;
        unwrap(e.value, "", fns, seen);
        for (auto& [f, how] : fns) {
          markHandler(f, exported(e, how, &h));
          found = true;
        }
      }
      return found;
    };
    markNamedHandlers(
        m_, opts_, [&](size_t f) { return isModuleFunction(f); },
        [&](size_t f, const std::string& reason) { markHandler(int(f), reason); }, byExport);
    return;
  }
  for (const ExportRecord& e : exports_) {
    const bool byName = cat_.match(lang_, kind::HandlerName, e.name) != nullptr;
    if (!byName && e.name != "default" && e.name != "module.exports") continue;
    std::vector<std::pair<int, std::string>> fns;
    std::set<std::string> seen;
    std::vector<ImportedEntry> imported;
    importedOut_ = &imported;
    unwrap(e.value, "", fns, seen);
    importedOut_ = nullptr;
    for (auto& [f, how] : fns) markHandler(f, exported(e, how, nullptr));
    for (ImportedEntry& ie : imported) {
      ie.handler = e.name;
      ie.reason = exported(e, ie.reason, nullptr);
      m_.importedEntries.push_back(std::move(ie));
    }
  }
  for (size_t i = 0; i < m_.functions.size(); ++i) {
    const Function& f = m_.functions[i];
    if (isModuleFunction(i) && f.name != "<anonymous>" && cat_.match(lang_, kind::HandlerName, f.name)) {
      markHandler(int(i), "named `" + f.name + "`");
      continue;
    }
    if (isModuleFunction(i)) {
      if (std::string reason = eventContextSignature(f.params); !reason.empty()) {
        markHandler(int(i), std::move(reason));
        continue;
      }
    }
    markByDecorators(int(i), extras_[i].decorators, extras_[i].decoratorTexts);
  }
  for (const RouteRecord& r : routes_) {
    if (r.lambdaRoute) markRoute(r.function, "route `" + r.text + "(...)`, served on every invocation");
    else if (hasAdapter_) markRoute(r.function, "route `" + r.text + "(...)` of an app served by a Lambda adapter");
  }
}

} // namespace ll::js
