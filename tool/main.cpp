// lambda-lint: finds per-invocation work in AWS Lambda handlers and offers fixes.
#include "tool/Driver.h"
#include "tool/Options.h"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  ll::ParsedOptions parsed = ll::parseOptions(argc, argv);
  if (!parsed.error.empty()) {
    std::cerr << "lambda-lint: error: " << parsed.error << "\n"
              << "Run 'lambda-lint --help' for usage.\n";
    return 2;
  }
  try {
    return ll::runLambdaLint(parsed.options, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "lambda-lint: internal error: " << e.what() << "\n";
    return 2;
  }
}
