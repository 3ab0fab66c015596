// The C++ frontend's lowering (Clang LibTooling): handlers passed to run_handler, canonical
// names through aliases and `auto`, constructions on the stack, with `new` and through
// make_shared, the main()-capture shape, per-invocation reachability and bad input.
// Compiled only when the C++ frontend is built (LAMBDA_LINT_CPP); parses against the stub
// headers in test/cpp/include.
#ifdef LAMBDA_LINT_CPP

#include "core/Analysis.h"
#include "core/Catalogue.h"
#include "frontends/Registry.h"
#include "ModelQueries.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace ll;
using namespace ll::test;

namespace {

// Not on disk: the frontend parses the SourceFile's text, mapped over this path.
constexpr const char* kPath = "/nonexistent/lambda-lint-test/handler.cpp";

Module lowerText(const std::string& text, std::vector<std::string> args = {}) {
  FrontendOptions o(Catalogue::builtin());
  o.compileArgs = {"-std=c++17", "-I" LAMBDA_LINT_CPP_STUBS};
  o.compileArgs.insert(o.compileArgs.end(), args.begin(), args.end());
  return lower(Language::Cpp, std::make_shared<SourceFile>(kPath, text), o);
}


/// Callees of the calls that run on every invocation and match `kind` in the catalogue.
std::vector<std::string> perInvocation(const Module& m, std::string_view kind) {
  const InvocationAnalysis inv(m);
  std::vector<std::string> out;
  for (const Call& c : m.calls)
    if (!c.referenceOnly && inv.perInvocation(c) &&
        Catalogue::builtin().match("cpp", kind, c.callee))
      out.push_back(c.callee);
  return out;
}

std::string notices(const Module& m) {
  std::string out;
  for (const Notice& n : m.notices) out += n.message + "\n";
  return out;
}

const char* kPrelude = R"(#include <aws/core/Aws.h>
#include <aws/core/http/HttpClientFactory.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>
#include <aws/secretsmanager/SecretsManagerClient.h>
#include <aws/ssm/SSMClient.h>
#include <libpq-fe.h>
#include <mysql/mysql.h>
#include <memory>
using namespace aws::lambda_runtime;
)";

Module lowerHandler(const std::string& body) { return lowerText(std::string(kPrelude) + body); }

} // namespace

TEST(CppFrontend, VersionIsReported) {
  EXPECT_TRUE(cppFrontendBuilt());
  EXPECT_EQ(cppFrontendVersion().rfind("Clang 16", 0), 0u) << cppFrontendVersion();
  EXPECT_EQ(languageForPath("a/handler.cc"), Language::Cpp);
  EXPECT_EQ(languageForPath("handler.cxx"), Language::Cpp);
}

TEST(CppFrontend, FunctionPassedToRunHandlerIsTheHandler) {
  Module m = lowerHandler(R"(
static invocation_response my_handler(invocation_request const& req) {
  Aws::S3::S3Client s3;
  return invocation_response::success(req.payload, "application/json");
}
int main() {
  run_handler(my_handler);
  return 0;
}
)");
  EXPECT_FALSE(m.hasSyntaxErrors) << notices(m);
  EXPECT_EQ(handlers(m), (std::vector<std::string>{"my_handler"}));
  const int h = functionNamed(m, "my_handler");
  ASSERT_GE(h, 0);
  EXPECT_EQ(m.functions[h].handlerReason, "passed to aws::lambda_runtime::run_handler");
  EXPECT_EQ(m.text(m.functions[h].nameRange), "my_handler");
  EXPECT_EQ(perInvocation(m, "client"), (std::vector<std::string>{"Aws::S3::S3Client[AWSClient]"}));
  const Call* c = findCall(m, "Aws::S3::S3Client[AWSClient]");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(m.text(c->calleeRange), "Aws::S3::S3Client");
  EXPECT_EQ(m.text(c->range), "Aws::S3::S3Client s3");
  EXPECT_EQ(c->function, h);
}

TEST(CppFrontend, LambdaPassedToRunHandlerIsTheHandler) {
  Module m = lowerHandler(R"(
int main() {
  run_handler([](invocation_request const& req) {
    Aws::Client::ClientConfiguration cfg;
    Aws::DynamoDB::DynamoDBClient db(cfg);
    return invocation_response::success("{}", "application/json");
  });
}
)");
  EXPECT_FALSE(m.hasSyntaxErrors) << notices(m);
  ASSERT_EQ(handlers(m).size(), 1u);
  EXPECT_EQ(handlers(m)[0].rfind("main::(lambda at ", 0), 0u) << handlers(m)[0];
  EXPECT_EQ(perInvocation(m, "client"), (std::vector<std::string>{"Aws::DynamoDB::DynamoDBClient[AWSClient]"}));
}

TEST(CppFrontend, LambdaStoredInAVariableAndStdFunction) {
  Module m = lowerHandler(R"(
invocation_response direct(invocation_request const& req) { return invocation_response::success("", ""); }
int main() {
  auto handler = [](invocation_request const& req) {
    return invocation_response::success("", "");
  };
  run_handler(handler);
  std::function<invocation_response(invocation_request const&)> f = direct;
  run_handler(f);
}
)");
  EXPECT_FALSE(m.hasSyntaxErrors) << notices(m);
  const auto hs = handlers(m);
  ASSERT_EQ(hs.size(), 2u);
  EXPECT_EQ(hs[0], "direct");
  EXPECT_EQ(hs[1].rfind("main::(lambda at ", 0), 0u);
}

TEST(CppFrontend, ForwardingLambdaMakesItsCalleeTheHandler) {
  Module m = lowerHandler(R"(
static std::string load(std::string const& key) {
  Aws::SSM::SSMClient ssm;
  auto outcome = ssm.GetParameter(Aws::SSM::Model::GetParameterRequest().WithName(key));
  return outcome.GetResult().GetParameter().GetValue();
}
static invocation_response handle(invocation_request const& req, int retries) {
  auto value = load(req.payload);
  return invocation_response::success(value, "text/plain");
}
int main() {
  run_handler([](invocation_request const& req) { return handle(req, 3); });
}
)");
  EXPECT_FALSE(m.hasSyntaxErrors) << notices(m);
  const auto hs = handlers(m);
  ASSERT_EQ(hs.size(), 2u);
  EXPECT_EQ(hs[0], "handle");
  EXPECT_EQ(m.functions[functionNamed(m, "handle")].handlerReason,
            "called by the lambda passed to aws::lambda_runtime::run_handler");
  // load() is reached from the handler: per invocation, through calls[].target.
  EXPECT_EQ(perInvocation(m, "client"), (std::vector<std::string>{"Aws::SSM::SSMClient[AWSClient]"}));
  EXPECT_EQ(perInvocation(m, "config-fetch"),
            (std::vector<std::string>{"Aws::SSM::SSMClient::GetParameter"}));
  const InvocationAnalysis inv(m);
  EXPECT_EQ(inv.callPath(functionNamed(m, "load")).size(), 1u);
}

TEST(CppFrontend, FunctionObjectIsTheHandler) {
  Module m = lowerHandler(R"(
struct Handler {
  invocation_response operator()(invocation_request const& req) const {
    PGconn* conn = PQconnectdb("dbname=app");
    return invocation_response::success("", "");
  }
};
int main() {
  run_handler(Handler{});
  Handler h;
  run_handler(h);
}
)");
  EXPECT_FALSE(m.hasSyntaxErrors) << notices(m);
  EXPECT_EQ(handlers(m), (std::vector<std::string>{"Handler::operator()"}));
  EXPECT_EQ(m.functions[functionNamed(m, "Handler::operator()")].handlerReason,
            "function object passed to aws::lambda_runtime::run_handler");
  EXPECT_EQ(perInvocation(m, "connection"), (std::vector<std::string>{"PQconnectdb"}));
}

TEST(CppFrontend, CanonicalNamesThroughAliasesAutoAndPointers) {
  Module m = lowerHandler(R"(
namespace store = Aws::S3;
using Ssm = Aws::SSM::SSMClient;
typedef Aws::SecretsManager::SecretsManagerClient Secrets;
struct MyS3 : public Aws::S3::S3Client { using S3Client::S3Client; };
invocation_response handle(invocation_request const& req) {
  store::S3Client a;
  auto b = std::make_shared<Ssm>();
  std::unique_ptr<Secrets> c(new Secrets());
  auto d = std::make_unique<MyS3>();
  auto e = Aws::DynamoDB::DynamoDBClient();
  auto value = b->GetParameter(Aws::SSM::Model::GetParameterRequest());
  auto& secrets = *c;
  secrets.GetSecretValue(Aws::SecretsManager::Model::GetSecretValueRequest());
  auto http = Aws::Http::CreateHttpClient(Aws::Client::ClientConfiguration());
  MYSQL* my = mysql_init(nullptr);
  mysql_real_connect(my, "h", "u", "p", "db", 3306, nullptr, 0);
  return invocation_response::success("", "");
}
int main() { run_handler(handle); }
)");
  EXPECT_FALSE(m.hasSyntaxErrors) << notices(m);
  EXPECT_EQ(perInvocation(m, "client"),
            (std::vector<std::string>{"Aws::S3::S3Client[AWSClient]", "Aws::SSM::SSMClient[AWSClient]",
                                      "Aws::SecretsManager::SecretsManagerClient[AWSClient]",
                                      "Aws::S3::S3Client[AWSClient]", "Aws::DynamoDB::DynamoDBClient[AWSClient]"}));
  EXPECT_EQ(perInvocation(m, "config-fetch"),
            (std::vector<std::string>{"Aws::SSM::SSMClient::GetParameter",
                                      "Aws::SecretsManager::SecretsManagerClient::GetSecretValue"}));
  EXPECT_EQ(perInvocation(m, "connection"),
            (std::vector<std::string>{"Aws::Http::CreateHttpClient", "mysql_real_connect"}));
  const Call* made = findCall(m, "Aws::SSM::SSMClient[AWSClient]");
  ASSERT_NE(made, nullptr);
  EXPECT_EQ(m.text(made->calleeRange), "std::make_shared<Ssm>");
  const Call* newed = findCall(m, "Aws::SecretsManager::SecretsManagerClient[AWSClient]");
  ASSERT_NE(newed, nullptr);
  EXPECT_EQ(m.text(newed->range), "new Secrets()");
  EXPECT_EQ(m.text(newed->calleeRange), "Secrets");
}

TEST(CppFrontend, ClientBuiltInMainAndCapturedIsClean) {
  // The shape of aws-lambda-cpp's own examples.
  Module m = lowerHandler(R"(
static invocation_response handler(invocation_request const& req, Aws::S3::S3Client const& client) {
  return invocation_response::success("", "");
}
int main() {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  {
    Aws::Client::ClientConfiguration config;
    config.region = "eu-west-1";
    Aws::S3::S3Client client(config);
    auto handler_fn = [&client](invocation_request const& req) { return handler(req, client); };
    run_handler(handler_fn);
  }
  Aws::ShutdownAPI(options);
  return 0;
}
)");
  EXPECT_FALSE(m.hasSyntaxErrors) << notices(m);
  const auto hs = handlers(m);
  ASSERT_EQ(hs.size(), 2u);
  EXPECT_EQ(hs[0], "handler");
  EXPECT_TRUE(perInvocation(m, "client").empty());
  EXPECT_TRUE(perInvocation(m, "connection").empty());
  const Call* c = findCall(m, "Aws::S3::S3Client[AWSClient]");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(m.functions[c->function].qualifiedName, "main");
}

TEST(CppFrontend, FunctionLocalStaticIsLazyAndBranchesAreConditional) {
  Module m = lowerHandler(R"(
invocation_response handle(invocation_request const& req) {
  static Aws::S3::S3Client cached;
  if (req.payload.empty()) {
    Aws::DynamoDB::DynamoDBClient db;
  }
  Aws::SSM::SSMClient ssm;
  return invocation_response::success("", "");
}
int main() { run_handler(handle); }
)");
  EXPECT_FALSE(m.hasSyntaxErrors) << notices(m);
  const Call* cached = findCall(m, "Aws::S3::S3Client[AWSClient]");
  ASSERT_NE(cached, nullptr);
  EXPECT_TRUE(cached->lazy);
  const Call* db = findCall(m, "Aws::DynamoDB::DynamoDBClient[AWSClient]");
  ASSERT_NE(db, nullptr);
  EXPECT_FALSE(db->unconditional);
  const Call* ssm = findCall(m, "Aws::SSM::SSMClient[AWSClient]");
  ASSERT_NE(ssm, nullptr);
  EXPECT_TRUE(ssm->unconditional);
  ASSERT_GE(ssm->statement, 0);
  const Statement& st = m.statements[ssm->statement];
  EXPECT_EQ(st.assignedName, "ssm");
  EXPECT_TRUE(st.inFunctionBody);
  EXPECT_EQ(st.call, int(ssm - m.calls.data()));
  EXPECT_EQ(m.text(st.lines), "  Aws::SSM::SSMClient ssm;\n");
  EXPECT_EQ(perInvocation(m, "client"),
            (std::vector<std::string>{"Aws::DynamoDB::DynamoDBClient[AWSClient]", "Aws::SSM::SSMClient[AWSClient]"}));
}

TEST(CppFrontend, MissingHeaderIsANoticeNotACrash) {
  Module m = lowerText("#include <aws/no-such/Header.h>\nint main() {}\n");
  EXPECT_TRUE(m.hasSyntaxErrors);
  const std::string n = notices(m);
  EXPECT_NE(n.find("'aws/no-such/Header.h' file not found"), std::string::npos) << n;
  EXPECT_NE(n.find("-p BUILD_DIR"), std::string::npos) << n;
}

TEST(CppFrontend, SyntaxErrorsAreNotices) {
  Module m = lowerText("int main( {\n  return 0\n}\n");
  EXPECT_TRUE(m.hasSyntaxErrors);
  ASSERT_FALSE(m.notices.empty());
  EXPECT_TRUE(m.notices.front().position.has_value());
  EXPECT_EQ(m.notices.front().path, kPath);
}

TEST(CppFrontend, BadArgumentsAndMissingDatabaseAreNotices) {
  Module bad = lowerText("int main() {}\n", {"--no-such-flag-for-clang"});
  EXPECT_TRUE(bad.hasSyntaxErrors);
  EXPECT_NE(notices(bad).find("no-such-flag"), std::string::npos) << notices(bad);

  FrontendOptions o(Catalogue::builtin());
  o.compileDatabaseDir = "/nonexistent/build";
  Module none = lower(Language::Cpp, std::make_shared<SourceFile>(kPath, "int main() {}\n"), o);
  EXPECT_TRUE(none.hasSyntaxErrors);
  EXPECT_NE(notices(none).find("compile database"), std::string::npos) << notices(none);
}

#endif // LAMBDA_LINT_CPP
