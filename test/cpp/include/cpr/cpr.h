#pragma once
// Test stub of cpr (declarations only).
#include <map>
#include <string>

namespace cpr {

class Url {
public:
  Url(const char* url);
  Url(std::string url);
};

class Header : public std::map<std::string, std::string> {
public:
  using std::map<std::string, std::string>::map;
};

class Body {
public:
  Body(const char* body);
  Body(std::string body);
};

struct Response {
  long status_code = 0;
  std::string text;
};

class Session {
public:
  Session();
  Session(const Session&) = delete;
  Session(Session&&) noexcept;
  ~Session();

  void SetUrl(const Url& url);
  void SetHeader(const Header& header);
  void SetBody(const Body& body);
  Response Get();
  Response Post();
};

template <typename... Ts> Response Get(Ts&&... ts);
template <typename... Ts> Response Post(Ts&&... ts);

} // namespace cpr
