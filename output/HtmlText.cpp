// The HTML report's text: well-formed, escaped, shortened, and locale-independent numbers.
#include "output/HtmlSupport.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ll::htmldetail {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

/// `s` as well-formed UTF-8 that HTML accepts as text: invalid or overlong sequences,
/// surrogates, control characters (other than tab and newline) and noncharacters become U+FFFD.
std::string sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if ((b < 0x20 && b != '\t' && b != '\n') || b == 0x7F) out += kReplacement;
      else out += static_cast<char>(b);
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
      cp = b & 0x1Fu;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      cp = b & 0x0Fu;
      if (b == 0xE0) lo = 0xA0; // overlong
      if (b == 0xED) hi = 0x9F; // surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      cp = b & 0x07u;
      if (b == 0xF0) lo = 0x90; // overlong
      if (b == 0xF4) hi = 0x8F; // past U+10FFFF
    }
    bool ok = len != 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      const unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
      if (c < min || c > max) ok = false;
      else cp = (cp << 6) | (c & 0x3Fu);
    }
    if (!ok) {
      out += kReplacement; // one replacement per bad byte
      ++i;
      continue;
    }
    const bool control = cp >= 0x80 && cp <= 0x9F;
    const bool nonchar = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEu) == 0xFFFEu;
    if (control || nonchar) out += kReplacement;
    else out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

/// Escapes already sanitized text for element content and quoted attribute values.
std::string escapeSanitized(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

std::string esc(std::string_view s) { return escapeSanitized(sanitize(s)); }

/// The first `maxChars` code points of sanitized text, with "…" when cut.
std::string truncateChars(const std::string& s, size_t maxChars) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0u) == 0x80u) continue;
    if (chars == maxChars) {
      if (maxChars == 0) return {};
      // Cut before the last kept code point to make room for the ellipsis.
      size_t cut = i - 1;
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0u) == 0x80u) --cut;
      return s.substr(0, cut) + "\xE2\x80\xA6";
    }
    ++chars;
  }
  return s;
}

/// Sanitized text of at most `maxChars` code points: a long one keeps its start and its end
/// ("node_modules/…/index.js"), so tooltips stay short whatever the names.
std::string shortenMiddle(const std::string& s, size_t maxChars) {
  const uint32_t chars = codePointCount(s);
  if (chars <= maxChars || maxChars < 8) return s;
  const size_t head = maxChars / 3, tail = maxChars - head - 1;
  // Byte offsets of the code point boundaries that keep `head` and `tail` code points.
  size_t headEnd = s.size(), seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0u) == 0x80u) continue;
    if (seen == head) {
      headEnd = i;
      break;
    }
    ++seen;
  }
  size_t tailBegin = s.size(), kept = 0;
  while (tailBegin > 0 && kept < tail) {
    --tailBegin;
    if ((static_cast<unsigned char>(s[tailBegin]) & 0xC0u) != 0x80u) ++kept;
  }
  return s.substr(0, headEnd) + "\xE2\x80\xA6" + s.substr(tailBegin);
}

/// Fixed-point decimal, independent of the C locale.
std::string fixed(double v, int decimals) {
  std::array<char, 64> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, decimals);
  if (ec != std::errc()) return "?";
  return {buf.data(), end};
}

std::string percent(double share) { return fixed(share * 100.0, share < 0.1 ? 1 : 0) + " %"; }

/// 12,345
std::string grouped(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string bytesText(uint64_t bytes) { return esc(formatBytes(bytes)); }

} // namespace ll::htmldetail
