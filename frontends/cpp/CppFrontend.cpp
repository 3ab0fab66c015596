#include "frontends/cpp/CppFrontend.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticLex.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Basic/Version.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Index/USRGeneration.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>

#ifndef LAMBDA_LINT_CLANG_RESOURCE_DIR
#error "LAMBDA_LINT_CLANG_RESOURCE_DIR must name Clang's resource directory (cmake/Clang.cmake)"
#endif

namespace ll {

namespace {

constexpr size_t kMaxErrorNotices = 5;
constexpr const char* kRunHandler = "aws::lambda_runtime::run_handler";
constexpr const char* kAwsClientBase = "Aws::Client::AWSClient";

/// Collects the parse's errors as notices (warnings are the compiler's business, not ours).
class NoticeCollector final : public clang::DiagnosticConsumer {
public:
  explicit NoticeCollector(std::string path) : path_(std::move(path)) {}

  void HandleDiagnostic(clang::DiagnosticsEngine::Level level,
                        const clang::Diagnostic& info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error) return;
    if (notices.size() >= kMaxErrorNotices) {
      ++dropped;
      return;
    }
    llvm::SmallString<256> text;
    info.FormatDiagnostic(text);
    std::string message = text.str().str();
    Notice n{Level::Error, path_, std::nullopt, ""};
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      const clang::SourceManager& sm = info.getSourceManager();
      const clang::PresumedLoc p = sm.getPresumedLoc(sm.getFileLoc(info.getLocation()));
      if (p.isValid()) {
        if (sm.isWrittenInMainFile(sm.getFileLoc(info.getLocation())))
          n.position = Position{p.getLine(), p.getColumn()};
        else
          message = std::string(p.getFilename()) + ":" + std::to_string(p.getLine()) + ": " + message;
      }
    }
    if (info.getID() == clang::diag::err_pp_file_not_found)
      message += " (give the compile database with -p BUILD_DIR, or include paths with --extra-arg=-I...)";
    n.message = "C++: " + message;
    notices.push_back(std::move(n));
  }

  std::vector<Notice> notices;
  size_t dropped = 0;

private:
  std::string path_;
};

// The Clang AST walk ---------------------------------------------------------------------------

const clang::Expr* strip(const clang::Expr* e) {
  while (e) {
    const clang::Expr* next = e->IgnoreParenImpCasts();
    if (const auto* c = llvm::dyn_cast<clang::ExprWithCleanups>(next)) next = c->getSubExpr();
    else if (const auto* m = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(next)) next = m->getSubExpr();
    else if (const auto* b = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(next)) next = b->getSubExpr();
    else if (const auto* f = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(next)) next = f->getSubExpr();
    else if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(next);
             u && u->getOpcode() == clang::UO_AddrOf)
      next = u->getSubExpr();
    if (next == e) return e;
    e = next;
  }
  return e;
}

/// The expression a std::function (or other wrapper) is constructed from: `std::function<F>(x)`
/// and the implicit conversion of an argument both construct the wrapper from `x`.
const clang::Expr* unwrapCallable(const clang::Expr* e) {
  for (int depth = 0; depth < 8 && e; ++depth) {
    e = strip(e);
    if (const auto* c = llvm::dyn_cast<clang::CXXConstructExpr>(e);
        c && c->getNumArgs() == 1 && !llvm::isa<clang::LambdaExpr>(e)) {
      e = c->getArg(0);
      continue;
    }
    return e;
  }
  return e;
}

bool derivesFrom(const clang::CXXRecordDecl* rd, llvm::StringRef base) {
  if (!rd || !rd->hasDefinition()) return false;
  rd = rd->getDefinition();
  if (rd->getQualifiedNameAsString() == base) return true;
  return std::ranges::any_of(rd->bases(), [&](const clang::CXXBaseSpecifier& b) {
    return derivesFrom(b.getType()->getAsCXXRecordDecl(), base);
  });
}

bool inNamespaceAws(const clang::Decl* d) {
  for (const clang::DeclContext* dc = d->getDeclContext(); dc; dc = dc->getParent())
    if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(dc); ns && !ns->getParent()->getParent())
      return ns->getName() == "Aws";
  return false;
}

/// The class a construction of `rd` is named after: `rd` itself, or, for a class of the user's
/// that derives from an SDK client, the nearest SDK client it derives from.
const clang::CXXRecordDecl* namedClass(const clang::CXXRecordDecl* rd) {
  if (!rd || !rd->hasDefinition() || inNamespaceAws(rd)) return rd;
  for (const clang::CXXBaseSpecifier& b : rd->getDefinition()->bases()) {
    const clang::CXXRecordDecl* base = b.getType()->getAsCXXRecordDecl();
    if (derivesFrom(base, kAwsClientBase)) return namedClass(base);
  }
  return rd;
}

/// The canonical name of constructing `rd`: the class's qualified name, with the qualifier
/// `[AWSClient]` when it derives from Aws::Client::AWSClient (`Aws::S3::S3Client[AWSClient]`).
/// The qualifier is what the catalogue's C++ `client` entry matches: a name pattern alone
/// (`Aws::*Client`) would also match functions such as Aws::Http::CreateHttpClient.
std::string constructionName(const clang::CXXRecordDecl* rd) {
  if (!rd) return "";
  std::string name = namedClass(rd)->getQualifiedNameAsString();
  if (derivesFrom(rd, kAwsClientBase)) name += "[AWSClient]";
  return name;
}

class Lowering final : public clang::RecursiveASTVisitor<Lowering> {
  using Base = clang::RecursiveASTVisitor<Lowering>;

public:
  Lowering(Module& m, clang::ASTContext& ctx, const FrontendOptions& opts)
      : m_(m), ctx_(ctx), sm_(ctx.getSourceManager()), opts_(opts) {}

  void run() {
    for (clang::Decl* d : ctx_.getTranslationUnitDecl()->decls()) {
      if (!inMainFile(d->getLocation())) continue;
      topLevelStart_ = range(d->getSourceRange()).value_or(ByteRange{}).begin;
      TraverseDecl(d);
    }
    resolveTargets();
    identifyHandlers();
    for (const auto& [index, v] : statementVar_)
      if (released_.contains(v)) m_.statements[index].released = true;
  }

  // Functions -----------------------------------------------------------------------------

  bool TraverseFunctionDecl(clang::FunctionDecl* d) { return traverseFunction(d, [&] { return Base::TraverseFunctionDecl(d); }); }
  bool TraverseCXXMethodDecl(clang::CXXMethodDecl* d) { return traverseFunction(d, [&] { return Base::TraverseCXXMethodDecl(d); }); }
  bool TraverseCXXConstructorDecl(clang::CXXConstructorDecl* d) { return traverseFunction(d, [&] { return Base::TraverseCXXConstructorDecl(d); }); }
  bool TraverseCXXDestructorDecl(clang::CXXDestructorDecl* d) { return traverseFunction(d, [&] { return Base::TraverseCXXDestructorDecl(d); }); }
  bool TraverseCXXConversionDecl(clang::CXXConversionDecl* d) { return traverseFunction(d, [&] { return Base::TraverseCXXConversionDecl(d); }); }

  bool TraverseLambdaExpr(clang::LambdaExpr* e) {
    clang::CXXMethodDecl* op = e->getCallOperator();
    const auto r = range(e->getSourceRange());
    if (!op || !r) return Base::TraverseLambdaExpr(e);
    Function f;
    f.name = "(lambda)";
    const clang::PresumedLoc p = sm_.getPresumedLoc(sm_.getFileLoc(e->getBeginLoc()));
    const std::string at = "(lambda at " + std::to_string(p.getLine()) + ":" + std::to_string(p.getColumn()) + ")";
    f.qualifiedName = current_ >= 0 ? m_.functions[current_].qualifiedName + "::" + at : at;
    f.range = *r;
    f.nameRange = range(e->getIntroducerRange()).value_or(*r);
    f.parent = current_;
    f.topLevelStart = topLevelStart_;
    for (const clang::ParmVarDecl* pv : op->parameters()) f.params.push_back(pv->getNameAsString());
    const int index = addFunction(op, std::move(f));
    noteBody(e->getBody());
    return scoped(index, [&] { return Base::TraverseLambdaExpr(e); });
  }

  // Conditional code and lazy initialisation ---------------------------------------------------

  bool TraverseIfStmt(clang::IfStmt* s) {
    if (!TraverseStmt(s->getInit())) return false;
    if (s->getConditionVariableDeclStmt() && !TraverseStmt(s->getConditionVariableDeclStmt())) return false;
    if (!TraverseStmt(s->getCond())) return false;
    ++conditional_;
    const bool ok = TraverseStmt(s->getThen()) && TraverseStmt(s->getElse());
    --conditional_;
    return ok;
  }
  bool TraverseSwitchStmt(clang::SwitchStmt* s) {
    if (!TraverseStmt(s->getInit()) || !TraverseStmt(s->getCond())) return false;
    ++conditional_;
    const bool ok = TraverseStmt(s->getBody());
    --conditional_;
    return ok;
  }
  bool TraverseConditionalOperator(clang::ConditionalOperator* e) {
    if (!TraverseStmt(e->getCond())) return false;
    ++conditional_;
    const bool ok = TraverseStmt(e->getTrueExpr()) && TraverseStmt(e->getFalseExpr());
    --conditional_;
    return ok;
  }
  bool TraverseBinaryOperator(clang::BinaryOperator* e) {
    if (!e->isLogicalOp()) return Base::TraverseBinaryOperator(e);
    if (!TraverseStmt(e->getLHS())) return false;
    ++conditional_;
    const bool ok = TraverseStmt(e->getRHS());
    --conditional_;
    return ok;
  }
  bool TraverseCXXCatchStmt(clang::CXXCatchStmt* s) {
    ++conditional_;
    const bool ok = Base::TraverseCXXCatchStmt(s);
    --conditional_;
    return ok;
  }
  bool TraverseVarDecl(clang::VarDecl* d) {
    // A function-local static is initialised once, on first use: lazy initialisation.
    const bool lazy = d->isStaticLocal();
    lazy_ += lazy ? 1 : 0;
    const bool ok = Base::TraverseVarDecl(d);
    lazy_ -= lazy ? 1 : 0;
    return ok;
  }

  bool VisitVarDecl(clang::VarDecl* d) {
    if (const clang::Expr* init = d->getInit()) {
      const clang::Expr* e = strip(init);
      if (llvm::isa<clang::CXXConstructExpr>(e)) initOf_[e] = d;
    }
    return true;
  }

  bool VisitCompoundStmt(clang::CompoundStmt* c) {
    for (const clang::Stmt* s : c->body()) inBlock_.insert(s);
    return true;
  }

  bool VisitDeclStmt(clang::DeclStmt* s) {
    // Only declaration statements of a block: not the init-statement of a for/if/switch, whose
    // variable an edit cannot make `static`.
    if (current_ < 0 || !s->isSingleDecl() || !inBlock_.contains(s)) return true;
    const auto* v = llvm::dyn_cast<clang::VarDecl>(s->getSingleDecl());
    const auto r = range(s->getSourceRange());
    if (!v || !v->getInit() || !r || llvm::isa<clang::DecompositionDecl>(v) ||
        !v->isLocalVarDecl() || v->isStaticLocal())
      return true;
    Statement st;
    st.range = *r;
    const Position b = m_.file->position(r->begin);
    const Position e = m_.file->position(r->end == 0 ? 0 : r->end - 1);
    st.lines = {m_.file->lineStart(b.line), m_.file->lineEndWithNewline(e.line)};
    st.function = current_;
    st.inFunctionBody = directInBody_.contains(s);
    st.assignedName = v->getNameAsString();
    statementOfInit_[strip(v->getInit())] = int(m_.statements.size());
    statementVar_[int(m_.statements.size())] = v;
    m_.statements.push_back(std::move(st));
    return true;
  }

  // Calls --------------------------------------------------------------------------------------

  bool VisitCallExpr(clang::CallExpr* e) {
    const clang::FunctionDecl* fd = e->getDirectCallee();
    std::string callee;
    ByteRange calleeRange{};
    const clang::Expr* calleeExpr = e->getCallee();
    if (calleeExpr) calleeRange = range(calleeExpr->getSourceRange()).value_or(ByteRange{});
    if (const auto* mc = llvm::dyn_cast<clang::CXXMemberCallExpr>(e)) {
      if (const clang::CXXMethodDecl* md = mc->getMethodDecl()) callee = md->getQualifiedNameAsString();
    } else if (fd) {
      callee = fd->getQualifiedNameAsString();
      // std::make_shared<T>(...) and friends construct a T.
      if (isMakerOf(callee)) {
        if (const clang::TemplateArgumentList* args = fd->getTemplateSpecializationArgs();
            args && args->size() > 0 && args->get(0).getKind() == clang::TemplateArgument::Type)
          if (const clang::CXXRecordDecl* rd = args->get(0).getAsType()->getAsCXXRecordDecl())
            callee = constructionName(rd);
      }
    }
    noteRelease(e, fd);
    const int index = addCall(e, std::move(callee), calleeRange);
    if (index >= 0 && fd) targetDecl_[index] = fd;
    if (index >= 0 && fd && fd->getQualifiedNameAsString() == kRunHandler && e->getNumArgs() > 0)
      runHandlerArgs_.emplace_back(unwrapCallable(e->getArg(0)), index);
    return true;
  }

  bool VisitCXXConstructExpr(clang::CXXConstructExpr* e) {
    if (skip_.contains(e)) return true;
    const clang::CXXConstructorDecl* ctor = e->getConstructor();
    if (!ctor || ctor->isCopyOrMoveConstructor() || e->isElidable()) return true;
    std::string callee = constructionName(ctor->getParent());
    ByteRange calleeRange{};
    const clang::Expr* whole = e;
    if (const auto* t = llvm::dyn_cast<clang::CXXTemporaryObjectExpr>(e)) {
      calleeRange = typeRange(t->getTypeSourceInfo()).value_or(ByteRange{});
    } else if (auto it = initOf_.find(e); it != initOf_.end()) {
      calleeRange = typeRange(it->second->getTypeSourceInfo()).value_or(ByteRange{});
      if (const auto r = range(it->second->getSourceRange())) {
        const int index = addCall(e, std::move(callee), calleeRange, *r);
        if (index >= 0) targetDecl_[index] = ctor;
        return true;
      }
    }
    const int index = addCall(whole, std::move(callee), calleeRange);
    if (index >= 0) targetDecl_[index] = ctor;
    return true;
  }

  bool VisitCXXNewExpr(clang::CXXNewExpr* e) {
    const clang::CXXRecordDecl* rd = e->getAllocatedType()->getAsCXXRecordDecl();
    if (!rd) return true;
    if (const clang::CXXConstructExpr* c = e->getConstructExpr()) skip_.insert(c);
    const ByteRange calleeRange =
        typeRange(e->getAllocatedTypeSourceInfo()).value_or(ByteRange{});
    const int index = addCall(e, constructionName(rd), calleeRange);
    if (index >= 0 && e->getConstructExpr()) targetDecl_[index] = e->getConstructExpr()->getConstructor();
    return true;
  }

  // What ends a local's life in this invocation (Statement::released) ---------------------------

  bool VisitReturnStmt(clang::ReturnStmt* s) {
    if (const clang::VarDecl* v = localVar(s->getRetValue())) released_.insert(v);
    return true;
  }
  bool VisitCXXDeleteExpr(clang::CXXDeleteExpr* e) {
    if (const clang::VarDecl* v = localVar(e->getArgument())) released_.insert(v);
    return true;
  }

  /// A function named without being called (passed as a callback): a reference-only call.
  bool VisitDeclRefExpr(clang::DeclRefExpr* e) {
    const auto* fd = llvm::dyn_cast<clang::FunctionDecl>(e->getDecl());
    if (!fd || calleeRefs_.contains(e)) return true;
    const int index = addCall(e, fd->getQualifiedNameAsString(), range(e->getSourceRange()).value_or(ByteRange{}));
    if (index >= 0) {
      m_.calls[index].referenceOnly = true;
      targetDecl_[index] = fd;
    }
    return true;
  }

  bool TraverseCallExpr(clang::CallExpr* e) {
    markCalleeRef(e->getCallee());
    return Base::TraverseCallExpr(e);
  }
  bool TraverseCXXMemberCallExpr(clang::CXXMemberCallExpr* e) { return Base::TraverseCXXMemberCallExpr(e); }
  bool TraverseCXXOperatorCallExpr(clang::CXXOperatorCallExpr* e) {
    markCalleeRef(e->getCallee());
    return Base::TraverseCXXOperatorCallExpr(e);
  }

private:
  template <typename F> bool traverseFunction(clang::FunctionDecl* d, F&& traverse) {
    if (!d->doesThisDeclarationHaveABody() || !inMainFile(d->getLocation()) ||
        llvm::isa<clang::CXXRecordDecl>(d->getDeclContext()) &&
            llvm::cast<clang::CXXRecordDecl>(d->getDeclContext())->isLambda())
      return traverse();
    const auto r = range(d->getSourceRange());
    if (!r) return traverse();
    Function f;
    f.name = d->getNameAsString();
    f.qualifiedName = d->getQualifiedNameAsString();
    f.range = *r;
    f.nameRange = range(d->getNameInfo().getSourceRange()).value_or(*r);
    f.parent = current_;
    f.topLevelStart = topLevelStart_;
    for (const clang::ParmVarDecl* p : d->parameters()) f.params.push_back(p->getNameAsString());
    f.symbol = symbolOf(d);
    const int index = addFunction(d, std::move(f));
    noteBody(d->getBody());
    return scoped(index, traverse);
  }

  template <typename F> bool scoped(int index, F&& traverse) {
    const int savedFunction = current_, savedConditional = conditional_;
    current_ = index;
    conditional_ = 0; // conditions are per function: a lambda body runs whenever it is called
    const bool ok = traverse();
    current_ = savedFunction;
    conditional_ = savedConditional;
    return ok;
  }

  int addFunction(const clang::FunctionDecl* d, Function f) {
    const clang::Decl* key = d->getCanonicalDecl();
    if (auto it = functionOf_.find(key); it != functionOf_.end()) return it->second;
    const int index = int(m_.functions.size());
    m_.functions.push_back(std::move(f));
    functionOf_[key] = index;
    return index;
  }

  int addCall(const clang::Expr* e, std::string callee, ByteRange calleeRange,
              std::optional<ByteRange> wholeRange = std::nullopt) {
    const auto r = wholeRange ? wholeRange : range(e->getSourceRange());
    if (!r) return -1;
    Call c;
    c.callee = std::move(callee);
    c.range = *r;
    c.calleeRange = calleeRange.empty() ? *r : calleeRange;
    c.function = current_;
    c.lazy = lazy_ > 0;
    c.unconditional = conditional_ == 0;
    c.inMacro = e->getBeginLoc().isMacroID() || e->getEndLoc().isMacroID();
    c.hoistable = current_ >= 0 && namesOnlyConstants(e);
    if (current_ >= 0 && !c.hoistable) c.fromInvocation = invocationValue(e, 0);
    const int index = int(m_.calls.size());
    if (auto it = statementOfInit_.find(strip(e)); it != statementOfInit_.end()) {
      c.statement = it->second;
      if (m_.statements[it->second].call < 0) m_.statements[it->second].call = index;
    }
    m_.calls.push_back(std::move(c));
    return index;
  }

  void markCalleeRef(const clang::Expr* callee) {
    if (!callee) return;
    const clang::Expr* e = callee->IgnoreParenImpCasts();
    if (const auto* u = llvm::dyn_cast<clang::UnaryOperator>(e); u && u->getOpcode() == clang::UO_Deref)
      e = u->getSubExpr()->IgnoreParenImpCasts();
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) calleeRefs_.insert(ref);
  }

  /// The local variable `e` names (through parentheses and conversions), if any.
  static const clang::VarDecl* localVar(const clang::Expr* e) {
    if (!e) return nullptr;
    const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(strip(e));
    const auto* v = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
    return v && v->isLocalVarDecl() ? v : nullptr;
  }

  static bool endsLife(llvm::StringRef name) {
    const std::string lower = name.lower();
    return llvm::StringRef(lower).contains("close") || llvm::StringRef(lower).contains("finish") ||
           llvm::StringRef(lower).contains("free") || llvm::StringRef(lower).contains("disconnect") ||
           llvm::StringRef(lower).contains("cleanup") ||
           name == "reset" || name == "release" || name == "move" || name == "forward" ||
           name == "ShutdownAPI";
  }

  /// `std::move(c)`, `PQfinish(conn)`, `mysql_close(db)`, `redisFree(c)`, `curl_easy_cleanup(h)`,
  /// `c.reset()`, `conn->close()`: the local does not outlive this invocation.
  void noteRelease(const clang::CallExpr* e, const clang::FunctionDecl* fd) {
    if (!fd || !fd->getIdentifier() || !endsLife(fd->getName())) return;
    if (const auto* mc = llvm::dyn_cast<clang::CXXMemberCallExpr>(e)) {
      if (const clang::VarDecl* v = localVar(mc->getImplicitObjectArgument())) released_.insert(v);
      return;
    }
    for (const clang::Expr* arg : e->arguments())
      if (const clang::VarDecl* v = localVar(arg)) released_.insert(v);
  }

  /// Call::hoistable for C++: `s` names only literals, functions, enumerators, constexpr
  /// locals and variables of static storage outside functions; no parameter, other local,
  /// capture, `this` or lambda.
  static bool namesOnlyConstants(const clang::Stmt* s) {
    if (!s) return true;
    if (llvm::isa<clang::CXXThisExpr, clang::LambdaExpr, clang::BlockExpr>(s)) return false;
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(s)) {
      const clang::ValueDecl* d = ref->getDecl();
      if (const auto* v = llvm::dyn_cast<clang::VarDecl>(d)) {
        // A namespace-scope variable or a constant; a local (even a static one) is not.
        const bool global = v->hasGlobalStorage() && !v->isStaticLocal();
        if (!global && !v->isConstexpr()) return false;
      } else if (!llvm::isa<clang::FunctionDecl, clang::EnumConstantDecl>(d)) {
        return false;
      }
    }
    return std::ranges::all_of(s->children(), [](const clang::Stmt* c) { return namesOnlyConstants(c); });
  }

  /// Call::fromInvocation for C++: an `invocation_request` parameter that `s` names
  /// (`req.payload`), or a local initialised from one (a few steps deep). The parameter's or
  /// local's name, or empty.
  static std::string invocationValue(const clang::Stmt* s, int depth) {
    if (!s || depth > 4 || llvm::isa<clang::LambdaExpr, clang::BlockExpr>(s)) return {};
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(s)) {
      if (const auto* p = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl())) {
        // The runtime's request (its payload, its headers); a helper's other parameters may be
        // configuration its caller made once, which the frontend cannot tell.
        const std::string type = p->getType().getNonReferenceType().getUnqualifiedType().getAsString();
        const bool request = llvm::StringRef(type).contains("invocation_request");
        return request && p->getIdentifier() ? p->getName().str() : std::string();
      }
      if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
          v && v->isLocalVarDecl() && !v->isStaticLocal() && v->getInit() &&
          !invocationValue(v->getInit(), depth + 1).empty())
        return v->getName().str();
      return {};
    }
    for (const clang::Stmt* c : s->children())
      if (std::string v = invocationValue(c, depth); !v.empty()) return v;
    return {};
  }

  static bool isMakerOf(llvm::StringRef name) {
    return name == "std::make_shared" || name == "std::make_unique" ||
           name == "std::allocate_shared" || name == "Aws::MakeShared" ||
           name == "Aws::MakeUnique" || name == "Aws::New";
  }

  /// Remembers the statements directly in a function's body (Statement::inFunctionBody).
  void noteBody(const clang::Stmt* body) {
    if (const auto* c = llvm::dyn_cast_or_null<clang::CompoundStmt>(body))
      for (const clang::Stmt* s : c->body()) directInBody_.insert(s);
  }

  /// The USR of a function other translation units can call (external linkage), or "".
  static std::string symbolOf(const clang::FunctionDecl* d) {
    if (!d->isExternallyVisible()) return {};
    llvm::SmallString<128> usr;
    if (clang::index::generateUSRForDecl(d->getCanonicalDecl(), usr)) return {};
    return usr.str().str();
  }

  void resolveTargets() {
    for (const auto& [call, decl] : targetDecl_) {
      const clang::FunctionDecl* def = decl->getDefinition();
      if (def)
        if (auto it = functionOf_.find(def->getCanonicalDecl()); it != functionOf_.end()) {
          m_.calls[call].target = it->second;
          continue;
        }
      // Defined in another translation unit, perhaps one of the project's: the whole-project
      // linker matches the USR with the definition's. Not for what system headers declare (the
      // standard library).
      if (sm_.isInSystemHeader(sm_.getFileLoc(decl->getCanonicalDecl()->getLocation()))) continue;
      m_.calls[call].calleeSymbol = symbolOf(decl);
    }
    // A call of a lambda through its variable (`auto h = [](...){...}; h(req);`) calls the
    // lambda's operator(), which the walk recorded under the lambda.
  }

  /// The functions `e` (the argument of run_handler) makes the handler, with why.
  void handlersOf(const clang::Expr* e, std::vector<std::pair<int, std::string>>& out, int depth) {
    if (!e || depth > 4) return;
    e = unwrapCallable(e);
    if (const auto* l = llvm::dyn_cast<clang::LambdaExpr>(e)) {
      if (auto it = functionOf_.find(l->getCallOperator()->getCanonicalDecl()); it != functionOf_.end())
        out.emplace_back(it->second, "lambda passed to aws::lambda_runtime::run_handler");
      return;
    }
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
      if (const auto* fd = llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl())) {
        const clang::FunctionDecl* def = fd->getDefinition();
        if (def)
          if (auto it = functionOf_.find(def->getCanonicalDecl()); it != functionOf_.end())
            out.emplace_back(it->second, "passed to aws::lambda_runtime::run_handler");
        return;
      }
      if (const auto* v = llvm::dyn_cast<clang::VarDecl>(ref->getDecl())) {
        if (v->getInit()) {
          handlersOf(v->getInit(), out, depth + 1);
          if (!out.empty()) return;
        }
      }
    }
    // A function object: its operator() is the handler.
    if (const clang::CXXRecordDecl* rd = e->getType()->getAsCXXRecordDecl(); rd && rd->hasDefinition()) {
      for (const clang::CXXMethodDecl* md : rd->getDefinition()->methods()) {
        if (md->getOverloadedOperator() != clang::OO_Call) continue;
        const clang::FunctionDecl* def = md->getDefinition();
        if (!def) continue;
        if (auto it = functionOf_.find(def->getCanonicalDecl()); it != functionOf_.end())
          out.emplace_back(it->second, "function object passed to aws::lambda_runtime::run_handler");
      }
    }
  }

  void identifyHandlers() {
    auto mark = [&](int f, const std::string& reason) {
      if (m_.functions[f].isHandler) return;
      m_.functions[f].isHandler = true;
      m_.functions[f].handlerReason = reason;
    };
    if (!opts_.handlers.empty()) {
      markNamedHandlers(
          m_, opts_, [](size_t) { return true; },
          [&](size_t f, const std::string& reason) { mark(int(f), reason); });
      return;
    }
    for (const auto& [arg, call] : runHandlerArgs_) {
      std::vector<std::pair<int, std::string>> found;
      handlersOf(arg, found, 0);
      for (const auto& [f, reason] : found) {
        mark(f, reason);
        // A lambda that only forwards (`[](auto const& r) { return handle(r); }`): what it
        // calls is the handler as the author wrote it.
        if (m_.functions[f].name != "(lambda)") continue;
        std::vector<int> targets;
        for (const Call& c : m_.calls)
          if (c.function == f && c.target >= 0 && !c.referenceOnly && c.unconditional) targets.push_back(c.target);
        if (targets.size() == 1)
          mark(targets[0], "called by the lambda passed to aws::lambda_runtime::run_handler");
      }
    }
    // Names the catalogue gives handlers (a configuration's `handlers.names`): for code that
    // hands its handler to the runtime in another file. Matched against the plain and the
    // qualified name (`handle_*`, `orders::handle`).
    for (size_t f = 0; f < m_.functions.size(); ++f) {
      const Function& fn = m_.functions[f];
      if (fn.parent >= 0 || fn.name == "(lambda)") continue;
      if (opts_.catalogue.match("cpp", kind::HandlerName, fn.name) ||
          opts_.catalogue.match("cpp", kind::HandlerName, fn.qualifiedName))
        mark(int(f), "named `" + fn.name + "`");
    }
  }

  bool inMainFile(clang::SourceLocation loc) const {
    return loc.isValid() && sm_.isWrittenInMainFile(sm_.getFileLoc(loc));
  }

  std::optional<ByteRange> range(clang::SourceRange r) const {
    if (r.isInvalid()) return std::nullopt;
    const clang::SourceLocation b = sm_.getFileLoc(r.getBegin());
    const clang::SourceLocation e = sm_.getFileLoc(r.getEnd());
    if (!sm_.isWrittenInMainFile(b) || !sm_.isWrittenInMainFile(e)) return std::nullopt;
    const unsigned begin = sm_.getFileOffset(b);
    const unsigned end = sm_.getFileOffset(e) + clang::Lexer::MeasureTokenLength(e, sm_, ctx_.getLangOpts());
    if (end < begin || end > m_.file->text().size()) return std::nullopt;
    return ByteRange{begin, end};
  }

  std::optional<ByteRange> typeRange(const clang::TypeSourceInfo* t) const {
    if (!t) return std::nullopt;
    return range(t->getTypeLoc().getSourceRange());
  }

  Module& m_;
  clang::ASTContext& ctx_;
  const clang::SourceManager& sm_;
  const FrontendOptions& opts_;
  int current_ = -1;
  int conditional_ = 0;
  int lazy_ = 0;
  uint32_t topLevelStart_ = 0;
  std::map<const clang::Decl*, int> functionOf_;
  std::map<int, const clang::FunctionDecl*> targetDecl_;
  std::map<const clang::Expr*, const clang::VarDecl*> initOf_;
  std::map<const clang::Expr*, int> statementOfInit_;
  std::set<const clang::Expr*> skip_;
  std::set<const clang::DeclRefExpr*> calleeRefs_;
  std::set<const clang::Stmt*> directInBody_;
  std::set<const clang::Stmt*> inBlock_;
  std::map<int, const clang::VarDecl*> statementVar_;
  std::set<const clang::VarDecl*> released_;
  std::vector<std::pair<const clang::Expr*, int>> runHandlerArgs_;
};

/// Parses one translation unit and lowers it in the same pass: the comment collector listens to
/// the preprocessor while the parse runs, and the AST is lowered as soon as it is complete.
class LowerAction final : public clang::ASTFrontendAction {
public:
  using Lower = std::function<void(clang::ASTContext&, std::vector<Comment>)>;
  LowerAction(const SourceFile& file, Lower lower) : file_(file), lower_(std::move(lower)) {}

  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance& ci,
                                                        llvm::StringRef /*file*/) override {
    comments_.attach(ci.getPreprocessor());
    return std::make_unique<Consumer>(*this);
  }
  void EndSourceFileAction() override { comments_.detach(); }

private:
  class Consumer final : public clang::ASTConsumer {
  public:
    explicit Consumer(LowerAction& action) : action_(action) {}
    void HandleTranslationUnit(clang::ASTContext& ctx) override {
      action_.lower_(ctx, action_.comments_.comments(action_.file_));
    }

  private:
    LowerAction& action_;
  };

  const SourceFile& file_;
  Lower lower_;
  CppCommentCollector comments_;
};

/// Runs LowerAction for the first compile command of the file only (a database may list a file
/// more than once; one parse is enough).
class LowerActionFactory final : public clang::tooling::FrontendActionFactory {
public:
  LowerActionFactory(const SourceFile& file, LowerAction::Lower lower)
      : file_(file), lower_(std::move(lower)) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<LowerAction>(file_, [this](clang::ASTContext& ctx, std::vector<Comment> comments) {
      lower_(ctx, std::move(comments));
      lowered = true;
    });
  }
  bool runInvocation(std::shared_ptr<clang::CompilerInvocation> invocation, clang::FileManager* files,
                     std::shared_ptr<clang::PCHContainerOperations> pch,
                     clang::DiagnosticConsumer* diagnostics) override {
    if (lowered) return true;
    return FrontendActionFactory::runInvocation(std::move(invocation), files, std::move(pch), diagnostics);
  }
  bool lowered = false;

private:
  const SourceFile& file_;
  LowerAction::Lower lower_;
};

} // namespace

class CppCommentCollector::Handler final : public clang::CommentHandler {
public:
  bool HandleComment(clang::Preprocessor& pp, clang::SourceRange range) override {
    const clang::SourceManager& sm = pp.getSourceManager();
    const auto [beginFile, begin] = sm.getDecomposedLoc(range.getBegin());
    const auto [endFile, end] = sm.getDecomposedLoc(range.getEnd());
    if (beginFile == sm.getMainFileID() && endFile == beginFile && begin <= end)
      ranges.push_back({begin, end});
    return false; // no token pushed
  }
  clang::Preprocessor* attachedTo = nullptr;
  std::vector<ByteRange> ranges;
};

CppCommentCollector::CppCommentCollector() = default;
// A preprocessor outlives what its comment handlers collect for (the tool's action, a
// clang-tidy check); owners detach while it exists.
CppCommentCollector::~CppCommentCollector() = default;

void CppCommentCollector::attach(clang::Preprocessor& pp) {
  detach();
  handler_ = std::make_unique<Handler>();
  pp.addCommentHandler(handler_.get());
  handler_->attachedTo = &pp;
}

void CppCommentCollector::detach() {
  if (!handler_ || !handler_->attachedTo) return;
  handler_->attachedTo->removeCommentHandler(handler_.get());
  handler_->attachedTo = nullptr;
}

std::vector<Comment> CppCommentCollector::comments(const SourceFile& file) const {
  std::vector<Comment> out;
  if (!handler_) return out;
  out.reserve(handler_->ranges.size());
  for (const ByteRange& r : handler_->ranges)
    if (r.end <= file.text().size()) out.push_back({r, file.aloneOnLines(r)});
  std::ranges::sort(out, {}, [](const Comment& c) { return c.range.begin; });
  return out;
}

Module lowerCpp(std::shared_ptr<const SourceFile> file, const FrontendOptions& options) {
  Module m;
  m.language = Language::Cpp;
  m.file = std::move(file);
  const std::string& path = m.file->path();
  auto fail = [&](std::string message) {
    m.notices.push_back({Level::Error, path, std::nullopt, std::move(message)});
    m.hasSyntaxErrors = true;
    return std::move(m);
  };

  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  if (ec) abs = path;
  abs = abs.lexically_normal();
  const std::string absPath = abs.string();

  std::unique_ptr<clang::tooling::CompilationDatabase> db;
  if (!options.compileDatabaseDir.empty()) {
    std::string error;
    db = clang::tooling::CompilationDatabase::loadFromDirectory(options.compileDatabaseDir, error);
    std::replace(error.begin(), error.end(), '\n', ';');
    if (!db)
      return fail("C++: cannot read the compile database in " + options.compileDatabaseDir + ": " +
                  error + " (generate compile_commands.json with "
                  "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
    // Headers and files the database does not list borrow the command of the nearest file.
    db = clang::tooling::inferMissingCompileCommands(std::move(db));
    const std::vector<clang::tooling::CompileCommand> commands = db->getCompileCommands(absPath);
    if (commands.empty())
      return fail("C++: " + options.compileDatabaseDir + "/compile_commands.json has no command for "
                  "this file");
    // ClangTool aborts the process (report_fatal_error) when it cannot enter a command's
    // directory, e.g. a build tree that was moved or deleted: check first.
    for (const auto& c : commands)
      if (!std::filesystem::is_directory(c.Directory, ec))
        return fail("C++: the compile command for this file runs in " + c.Directory +
                    ", which does not exist (stale compile_commands.json?)");
  } else {
    // Arguments given on the command line are relative to where lambda-lint runs. (Not the
    // file's own directory: ClangTool aborts when that does not exist, as for in-memory text.)
    std::string cwd = std::filesystem::current_path(ec).string();
    if (ec || cwd.empty()) cwd = "/";
    db = std::make_unique<clang::tooling::FixedCompilationDatabase>(cwd, std::vector<std::string>{});
  }

  // ClangTool enters each command's directory. On the default file system that is a process-wide
  // chdir, which breaks the relative paths other worker threads are reading (files given as
  // `examples/...` with `-p build/...`): a physical file system with its own working directory
  // keeps the change to this tool.
  clang::tooling::ClangTool tool(*db, {absPath}, std::make_shared<clang::PCHContainerOperations>(),
                                 llvm::vfs::createPhysicalFileSystem());
  tool.mapVirtualFile(absPath, m.file->text());
  // LibTooling looks for builtin headers (<stddef.h>, ...) relative to the running executable;
  // ours is not in Clang's tree, so name the resource dir of the Clang we were built with.
  tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      {"-resource-dir=" LAMBDA_LINT_CLANG_RESOURCE_DIR}, clang::tooling::ArgumentInsertPosition::BEGIN));
  if (!options.compileArgs.empty())
    tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        options.compileArgs, clang::tooling::ArgumentInsertPosition::END));
  // Only errors matter here; warnings (and -Werror from a build's flags) would only add noise.
  tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      {"-Wno-everything", "-Wno-error"}, clang::tooling::ArgumentInsertPosition::END));
  NoticeCollector diagnostics(path);
  tool.setDiagnosticConsumer(&diagnostics);
  tool.setPrintErrorMessage(false);

  Module lowered;
  LowerActionFactory factory(*m.file, [&](clang::ASTContext& ctx, std::vector<Comment> comments) {
    lowered = lowerCppAst(ctx, m.file, options, std::move(comments));
  });
  tool.run(&factory);
  for (Notice& n : diagnostics.notices) m.notices.push_back(std::move(n));
  if (diagnostics.dropped)
    m.notices.push_back({Level::Error, path, std::nullopt,
                         "C++: " + std::to_string(diagnostics.dropped) + " more error(s)"});
  if (diagnostics.getNumErrors() > 0) m.hasSyntaxErrors = true;
  if (!factory.lowered)
    return fail("C++: Clang could not parse this file with the given compile command");
  if (m.hasSyntaxErrors)
    m.notices.push_back({Level::Warning, path, std::nullopt,
                         "C++ did not compile cleanly; findings in this file may be incomplete and "
                         "no fixes are offered"});

  for (Notice& n : lowered.notices) m.notices.push_back(std::move(n));
  lowered.notices = std::move(m.notices);
  lowered.hasSyntaxErrors = m.hasSyntaxErrors;
  return lowered;
}

Module lowerCppAst(clang::ASTContext& context, std::shared_ptr<const SourceFile> file,
                   const FrontendOptions& options, std::vector<Comment> comments) {
  Module m;
  m.language = Language::Cpp;
  m.file = std::move(file);
  m.comments = std::move(comments);
  Lowering lowering(m, context, options);
  lowering.run();
  return m;
}

bool cppFrontendBuilt() { return true; }

std::string cppFrontendVersion() {
  return std::string("Clang ") + CLANG_VERSION_STRING + " LibTooling (LLVM " + LLVM_VERSION_STRING + ")";
}

} // namespace ll
