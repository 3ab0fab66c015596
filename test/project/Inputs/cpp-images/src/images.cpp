#include "images.h"

#include "storage.h"

std::string uploadImage(std::string const& payload) {
  const std::string key = "images/" + std::to_string(payload.size());
  storage::putObject(key, payload);
  storage::Bucket bucket("thumbnails");
  bucket.put(key, payload);
  return key;
}
