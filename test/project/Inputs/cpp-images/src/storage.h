#pragma once
#include <string>

namespace storage {
class Bucket {
public:
  explicit Bucket(std::string name);
  bool put(std::string const& key, std::string const& body);

private:
  std::string name_;
};
bool putObject(std::string const& key, std::string const& body);
} // namespace storage
