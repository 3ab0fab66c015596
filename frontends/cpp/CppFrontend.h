#pragma once
// The C++ frontend: lowers a translation unit to the program model with Clang LibTooling
// (LLVM 16). Built only with LAMBDA_LINT_CPP; nothing outside frontends/cpp includes Clang.
//
// Canonical names come from the AST, so typedefs, `using` aliases and `auto` are seen through:
//   Aws::S3::S3Client s3(cfg);  new Aws::S3::S3Client(cfg);  std::make_shared<S3>(cfg)
//       -> Aws::S3::S3Client[AWSClient]   (a construction is named after the class it makes,
//          qualified with [AWSClient] when the class derives from Aws::Client::AWSClient; a
//          class of the user's deriving from an SDK client is named after that client)
//   ssm.GetParameter(req)      -> Aws::SSM::SSMClient::GetParameter
//   PQconnectdb("...")         -> PQconnectdb
// Handlers are what is passed to aws::lambda_runtime::run_handler: a function, a lambda, a
// function object (its operator()), and the function a forwarding lambda calls.
#include "core/Model.h"
#include "frontends/Frontend.h"

#include <memory>

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace ll {

/// Collects the comments of the main file as the preprocessor lexes it (a clang::CommentHandler,
/// so the parse is the only pass over the file). Comments in included files and in code the
/// preprocessor skips (`#if 0`, a false `#ifdef`) are not collected: the compiler never sees
/// that code, so no finding can be there.
class CppCommentCollector {
public:
  CppCommentCollector();
  ~CppCommentCollector();
  CppCommentCollector(const CppCommentCollector&) = delete;
  CppCommentCollector& operator=(const CppCommentCollector&) = delete;

  /// Starts collecting from `pp`, before it enters the main file.
  void attach(clang::Preprocessor& pp);
  /// Stops collecting; call it while the preprocessor still exists.
  void detach();
  /// The comments collected so far, in source order; `file` holds the main file's text.
  std::vector<Comment> comments(const SourceFile& file) const;

private:
  class Handler;
  std::unique_ptr<Handler> handler_;
};

/// Parses `file` as C++ (one parse) with the compile command from options.compileDatabaseDir
/// (when set) plus options.compileArgs. The text parsed is file->text(), not what is on disk.
/// Never throws: a missing compile database, missing headers or syntax errors become notices
/// (and hasSyntaxErrors for errors in the code).
Module lowerCpp(std::shared_ptr<const SourceFile> file, const FrontendOptions& options);

/// Lowers a translation unit that is already parsed (clang-tidy's, for the plugin in tidy/).
/// `file` holds the text of the context's main file (byte offsets index it); `comments` are its
/// comments (a CppCommentCollector's), which become Module::comments. Parse errors are the
/// host's business: the module carries no notices about them and hasSyntaxErrors is false.
Module lowerCppAst(clang::ASTContext& context, std::shared_ptr<const SourceFile> file,
                   const FrontendOptions& options, std::vector<Comment> comments = {});

} // namespace ll
