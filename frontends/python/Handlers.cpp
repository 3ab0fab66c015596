// Handler identification in the Python lowering: names, decorators, routes, signatures and
// handlers bound by assignment.
#include "frontends/python/PyLowering.h"

namespace ll::python {

void PythonLowering::identifyHandlers() {
  if (!opts_.handlers.empty()) {
    markNamedHandlers(
        m_, opts_, [&](size_t f) { return m_.functions[f].parent < 0 && extras_[f].klass < 0; },
        [&](size_t f, const std::string& reason) { markHandler(int(f), reason); });
    return;
  }
  for (size_t i = 0; i < m_.functions.size(); ++i) {
    Function& f = m_.functions[i];
    const FunctionExtra& x = extras_[i];
    const bool moduleLevel = f.parent < 0 && x.klass < 0;
    if (moduleLevel && cat_.match(lang_, kind::HandlerName, f.name)) {
      markHandler(int(i), "named `" + f.name + "`");
      continue;
    }
    markByDecorators(int(i), x.decorators, x.decoratorTexts);
    if (moduleLevel && f.params.size() == 2) {
      if (std::string reason = eventContextSignature(f.params); !reason.empty()) {
        markHandler(int(i), std::move(reason));
        continue;
      }
    }
  }
  for (auto& [f, reason] : aliasedHandlers_) markHandler(f, "bound as " + reason);
}

} // namespace ll::python
