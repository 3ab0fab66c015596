#pragma once
// Test stub of the aws-lambda-cpp runtime API (declarations only).
#include <chrono>
#include <functional>
#include <string>

namespace aws {
namespace lambda_runtime {

struct invocation_request {
  std::string payload;
  std::string request_id;
  std::string xray_trace_id;
  std::string client_context;
  std::string cognito_identity;
  std::string function_arn;
  std::chrono::time_point<std::chrono::system_clock> deadline;
  std::chrono::milliseconds get_time_remaining() const;
};

class invocation_response {
public:
  static invocation_response success(std::string const& payload, std::string const& content_type);
  static invocation_response failure(std::string const& error_message,
                                     std::string const& error_type);
  bool is_success() const;
  std::string const& get_payload() const;
  std::string const& get_content_type() const;

private:
  invocation_response() = default;
  std::string m_payload;
  std::string m_content_type;
  bool m_success = false;
};

struct run_params {
  int max_retries = 3;
};

void run_handler(std::function<invocation_response(invocation_request const&)> const& handler);
void run_handler(std::function<invocation_response(invocation_request const&)> const& handler,
                 run_params const& params);

} // namespace lambda_runtime
} // namespace aws
