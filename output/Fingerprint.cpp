#include "output/Fingerprint.h"

#include "output/Repository.h"

#include <array>
#include <map>
#include <system_error>

namespace ll {

namespace fs = std::filesystem;

namespace {

uint64_t fnv1a(uint64_t h, std::string_view s) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string hex(uint64_t v, bool pad) {
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<size_t>(i)] = digits[v & 0xF];
  if (!pad) {
    const auto first = out.find_first_not_of('0');
    out.erase(0, first == std::string::npos ? 15 : first);
  }
  return out;
}

/// `text` as UTF-16 code units, the way Node.js decodes a UTF-8 stream: each maximal invalid
/// subsequence becomes one U+FFFD.
std::vector<uint16_t> utf16Units(std::string_view text) {
  std::vector<uint16_t> out;
  out.reserve(text.size());
  const size_t n = text.size();
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  for (size_t i = 0; i < n;) {
    const unsigned char b = byte(i);
    if (b < 0x80) {
      out.push_back(b);
      ++i;
      continue;
    }
    size_t need = 0;
    uint32_t cp = 0;
    unsigned char lo = 0x80, hi = 0xBF; // the allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      cp = b & 0x0F;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      cp = b & 0x07;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    size_t j = i + 1;
    bool ok = true;
    for (size_t k = 0; k < need; ++k, ++j) {
      const unsigned char lower = k == 0 ? lo : 0x80, upper = k == 0 ? hi : 0xBF;
      if (j >= n || byte(j) < lower || byte(j) > upper) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (byte(j) & 0x3F);
    }
    if (!ok) {
      out.push_back(0xFFFD);
      i = j; // the bytes that were valid so far form one maximal subpart
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<uint16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<uint16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<uint16_t>(cp));
    }
    i = j;
  }
  return out;
}

} // namespace

std::string fingerprintPath(const std::string& path, const fs::path& root) {
  const fs::path abs = absoluteNormal(path);
  auto rel = root.empty() ? std::nullopt : relativeInside(abs, absoluteNormal(root));
  return rel ? rel->generic_string() : abs.generic_string();
}

std::string fingerprint(const Finding& f, const fs::path& root) {
  std::string path;
  std::string text;
  if (f.file) {
    path = fingerprintPath(f.file->path(), root.empty() ? discoverProject({}).root : root);
    // Whitespace collapsed, so re-indenting or re-wrapping the code keeps the fingerprint.
    bool space = false;
    for (char c : f.file->slice(f.range)) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        space = !text.empty();
        continue;
      }
      if (space) text += ' ';
      space = false;
      text += c;
    }
  }
  uint64_t h = 0xcbf29ce484222325ULL;
  h = fnv1a(h, f.rule);
  h = fnv1a(h, std::string_view("\0", 1));
  h = fnv1a(h, path);
  h = fnv1a(h, std::string_view("\0", 1));
  h = fnv1a(h, text);
  return hex(h, /*pad=*/true);
}

std::vector<std::string> githubLineHashes(std::string_view text) {
  constexpr size_t kBlock = 100; // characters hashed from each line start
  constexpr uint64_t kBase = 37;
  constexpr uint16_t kEnd = 0xFFFF; // what ends the input
  uint64_t firstMod = 1;          // kBase^kBlock, the weight of the character leaving the window
  for (size_t i = 0; i < kBlock; ++i) firstMod *= kBase;

  std::array<uint32_t, kBlock> window{};
  std::array<int64_t, kBlock> lineAt{}; // the line that starts at this window slot, or -1
  lineAt.fill(-1);
  uint64_t hash = 0; // arithmetic modulo 2^64, as the uploader's 64-bit integers wrap
  size_t index = 0;
  int64_t line = 0;
  bool lineStart = true, prevCR = false;
  std::map<uint64_t, int> seen;
  std::vector<std::string> out;

  auto emit = [&] {
    const auto l = static_cast<size_t>(lineAt[index]);
    if (out.size() < l) out.resize(l);
    out[l - 1] = hex(hash, /*pad=*/false) + ":" + std::to_string(++seen[hash]);
    lineAt[index] = -1;
  };
  auto update = [&](uint32_t c) {
    const uint32_t leaving = window[index];
    window[index] = c;
    hash = kBase * hash + c - firstMod * leaving;
    index = (index + 1) % kBlock;
  };
  auto process = [&](uint32_t c) {
    if (c == ' ' || c == '\t' || (prevCR && c == '\n')) {
      prevCR = false;
      return;
    }
    prevCR = c == '\r';
    if (c == '\r') c = '\n';
    if (lineAt[index] != -1) emit();
    if (lineStart) {
      lineStart = false;
      lineAt[index] = ++line;
    }
    if (c == '\n') lineStart = true;
    update(c);
  };
  for (uint16_t u : utf16Units(text)) process(u);
  process(kEnd);
  for (size_t i = 0; i < kBlock; ++i) {
    if (lineAt[index] != -1) emit();
    update(0);
  }
  return out;
}

} // namespace ll
