// --report FILE.html: one self-contained page per run. Everything is computed here and written
// inline as HTML and SVG: no script, no font, no image, no link, and a Content-Security-Policy
// that forbids fetching anything, so the page works offline and cannot leak a package's names.
// The output is deterministic (stable ordering, integer pixel positions, locale-independent
// numbers), which keeps it diffable and lets the headless-Chromium test check the picture.
#include "output/HtmlReport.h"

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

namespace ll {

namespace {

// ---------------------------------------------------------------------------------------------
// Text

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

// ---------------------------------------------------------------------------------------------
// Colours. Fixed values: the rendering test looks for them in the screenshot.

constexpr size_t kKindCount = 9;
static_assert(static_cast<size_t>(ArtifactKind::BuildLeftover) + 1 == kKindCount);

struct KindStyle {
  const char* colour;
  const char* label;
};

/// Indexed by ArtifactKind.
constexpr std::array<KindStyle, kKindCount> kKindStyles = {{
    {"#4e79a7", "code"},
    {"#f28e2b", "tests"},
    {"#76b7b2", "docs"},
    {"#9c755f", "VCS data"},
    {"#bab0ac", "caches"},
    {"#b07aa1", "TypeScript sources"},
    {"#ff9da7", "source maps"},
    {"#e15759", "dev tools"},
    {"#edc948", "build leftovers"},
}};

size_t kindIndex(ArtifactKind k) {
  const auto i = static_cast<size_t>(k);
  return i < kKindCount ? i : 0;
}

constexpr const char* kOkColour = "#3c9a5f";
constexpr const char* kOkLightColour = "#9fd1b0";
constexpr const char* kWarnColour = "#e8a33d";
constexpr const char* kWarnLightColour = "#f4d29e";
constexpr const char* kOverColour = "#d7301f";
constexpr const char* kOverLightColour = "#f0a095";
constexpr const char* kTrackColour = "#ececec";
constexpr const char* kQuotaLineColour = "#6a1b9a";
constexpr const char* kBudgetLineColour = "#1f1f1f";
constexpr const char* kFolderColour = "#d9d9d9";
constexpr const char* kOwnBarColour = "#a0cbe8";
constexpr const char* kDependencyBarColour = "#2f5d8a";
constexpr const char* kRuntimeSdkBarColour = "#17becf";

enum class QuotaState { Ok, Warn, Over };

QuotaState stateOf(uint64_t value, uint64_t quota, double budgetShare) {
  if (value > quota) return QuotaState::Over;
  if (static_cast<double>(value) > budgetShare * static_cast<double>(quota)) return QuotaState::Warn;
  return QuotaState::Ok;
}

const char* stateColour(QuotaState s, bool light = false) {
  switch (s) {
  case QuotaState::Ok: return light ? kOkLightColour : kOkColour;
  case QuotaState::Warn: return light ? kWarnLightColour : kWarnColour;
  case QuotaState::Over: return light ? kOverLightColour : kOverColour;
  }
  return kOkColour;
}

const char* stateName(QuotaState s) {
  switch (s) {
  case QuotaState::Ok: return "ok";
  case QuotaState::Warn: return "warn";
  case QuotaState::Over: return "over";
  }
  return "ok";
}

// ---------------------------------------------------------------------------------------------
// Geometry

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
};

/// A rectangle snapped to whole pixels: adjacent rectangles stay adjacent (each edge is rounded
/// on its own) and their insides have exactly the fill colour.
struct PixelRect {
  long x = 0, y = 0, w = 0, h = 0;
};

PixelRect snap(const Rect& r) {
  const long x0 = std::lround(r.x), y0 = std::lround(r.y);
  const long x1 = std::lround(r.x + r.w), y1 = std::lround(r.y + r.h);
  return {x0, y0, x1 - x0, y1 - y0};
}

/// Squarified treemap layout (Bruls, Huizing, van Wijk 2000) of `values`, sorted largest first
/// and positive, into `r`.
std::vector<Rect> squarify(const std::vector<double>& values, Rect r) {
  std::vector<Rect> out(values.size(), Rect{r.x, r.y, 0, 0});
  double total = 0;
  for (double v : values) total += v;
  if (total <= 0 || r.w <= 0 || r.h <= 0) return out;
  const double scale = r.w * r.h / total;
  size_t i = 0;
  while (i < values.size()) {
    const double side = std::min(r.w, r.h);
    if (side <= 0) break;
    size_t j = i;
    double rowSum = 0, rowMin = std::numeric_limits<double>::infinity(), rowMax = 0;
    double worst = std::numeric_limits<double>::infinity();
    while (j < values.size()) {
      const double a = values[j] * scale;
      const double s = rowSum + a, mn = std::min(rowMin, a), mx = std::max(rowMax, a);
      const double ratio = std::max(side * side * mx / (s * s), s * s / (side * side * mn));
      if (j > i && ratio > worst) break;
      rowSum = s;
      rowMin = mn;
      rowMax = mx;
      worst = ratio;
      ++j;
    }
    const bool last = j == values.size();
    if (r.w >= r.h) { // a column at the left
      const double colW = last ? r.w : rowSum / r.h;
      double y = r.y;
      for (size_t k = i; k < j; ++k) {
        const double h = k + 1 == j ? r.y + r.h - y : values[k] * scale / colW;
        out[k] = {r.x, y, colW, h};
        y += h;
      }
      r.x += colW;
      r.w -= colW;
    } else { // a row at the top
      const double rowH = last ? r.h : rowSum / r.w;
      double x = r.x;
      for (size_t k = i; k < j; ++k) {
        const double w = k + 1 == j ? r.x + r.w - x : values[k] * scale / rowH;
        out[k] = {x, r.y, w, rowH};
        x += w;
      }
      r.y += rowH;
      r.h -= rowH;
    }
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The package as a tree of folders

struct TreeNode {
  std::string name; // one or more path segments: chains of lone folders are merged
  std::string path; // from the package root
  bool folder = false;
  uint64_t bytes = 0;
  uint64_t files = 0;
  std::array<uint64_t, kKindCount> kindBytes{};
  std::map<std::string, std::unique_ptr<TreeNode>, std::less<>> children;

  /// Children with bytes, largest first (then by name).
  std::vector<const TreeNode*> sortedChildren() const {
    std::vector<const TreeNode*> v;
    v.reserve(children.size());
    for (const auto& [name, child] : children)
      if (child->bytes > 0) v.push_back(child.get());
    std::stable_sort(v.begin(), v.end(), [](const TreeNode* a, const TreeNode* b) { return a->bytes > b->bytes; });
    return v;
  }
};

/// Deeper paths keep their tail in one name: the treemap shows three levels (longer where lone
/// folders merge), and the tree's functions recurse, so a crafted path of thousands of
/// segments must not make the tree that deep.
constexpr size_t kMaxTreeDepth = 32;

void addEntry(TreeNode& root, std::string_view path, uint64_t size, ArtifactKind kind) {
  const size_t k = kindIndex(kind);
  TreeNode* node = &root;
  auto account = [&](TreeNode& n) {
    n.bytes += size;
    n.kindBytes.at(k) += size;
  };
  account(root);
  bool any = false;
  size_t pos = 0, depth = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos || ++depth == kMaxTreeDepth) slash = path.size();
    const std::string_view seg = path.substr(pos, slash - pos);
    const bool lastSegment = slash == path.size();
    pos = slash + 1;
    if (seg.empty() || seg == ".") {
      if (lastSegment) break;
      continue;
    }
    any = true;
    auto it = node->children.find(seg);
    if (it == node->children.end()) {
      auto child = std::make_unique<TreeNode>();
      child->name = std::string(seg);
      child->path = node->path.empty() ? child->name : node->path + "/" + child->name;
      it = node->children.emplace(child->name, std::move(child)).first;
    }
    node->folder = true;
    node = it->second.get();
    account(*node);
    if (lastSegment) break;
  }
  if (!any) return; // an empty name: counted in the total only
  // A name ending in '/' is a folder entry of a zip, not a file.
  if (!path.empty() && path.back() == '/') node->folder = true;
  else ++node->files;
}

uint64_t countFiles(TreeNode& n) {
  for (auto& [name, child] : n.children) n.files += countFiles(*child);
  return n.files;
}

/// node_modules/@scope/name reads as one package: "@scope/name" becomes a child of node_modules.
void hoistScopes(TreeNode& n) {
  for (auto& [name, child] : n.children) hoistScopes(*child);
  if (n.name != "node_modules") return;
  std::vector<std::string> scopes;
  for (const auto& [name, child] : n.children) {
    if (!child->folder || name.empty() || name.front() != '@') continue;
    uint64_t below = 0;
    for (const auto& [gname, g] : child->children) below += g->files;
    if (below == child->files) scopes.push_back(name); // no files directly in @scope/
  }
  for (const std::string& scope : scopes) {
    auto scopeNode = std::move(n.children.at(scope));
    n.children.erase(scope);
    for (auto& [gname, g] : scopeNode->children) {
      g->name = scope + "/" + g->name;
      std::string key = g->name;
      n.children.emplace(std::move(key), std::move(g));
    }
  }
}

/// A folder whose only content is one folder merges with it ("python/lib/python3.12/site-packages").
void mergeChains(TreeNode& n, bool isRoot) {
  if (!isRoot) {
    while (n.children.size() == 1 && n.children.begin()->second->folder &&
           n.files == n.children.begin()->second->files) {
      std::unique_ptr<TreeNode> only = std::move(n.children.begin()->second);
      n.children.clear();
      n.name += "/" + only->name;
      n.path = only->path;
      n.children = std::move(only->children);
    }
  }
  for (auto& [name, child] : n.children) mergeChains(*child, false);
}

// ---------------------------------------------------------------------------------------------
// Treemap

constexpr long kTreemapWidth = 1200;
constexpr long kTreemapHeight = 480;
constexpr int kTreemapDepth = 3;     // top-level folders, their children, and theirs as leaves
constexpr double kMinLeafArea = 1000; // px²: smaller items join "(N more)"
constexpr double kMinPieceArea = 64; // px²: smaller kind pieces join the largest piece
constexpr size_t kMaxChildren = 200; // per folder
constexpr size_t kMaxRects = 500;    // per treemap, so 30,000 files stay a small SVG
constexpr double kCharWidth = 6.6;   // estimated width of a character at 11 px
constexpr double kFolderHeader = 16;

class TreemapWriter {
public:
  TreemapWriter(std::ostream& os, uint64_t total) : os_(os), total_(total) {}

  /// Lays out the children of `n` in `inner`: the largest ones, then "(N more)" for the rest.
  void children(const TreeNode& n, Rect inner, int depth) {
    const std::vector<const TreeNode*> kids = n.sortedChildren();
    const size_t shown = visibleCount(n, kids, inner);
    std::vector<const TreeNode*> items(kids.begin(), kids.begin() + static_cast<std::ptrdiff_t>(shown));
    TreeNode other;
    if (shown < kids.size()) {
      other.name = "(" + grouped(kids.size() - shown) + " more)";
      other.path = n.path.empty() ? other.name : n.path + "/" + other.name;
      for (size_t i = shown; i < kids.size(); ++i) {
        other.bytes += kids[i]->bytes;
        other.files += kids[i]->files;
        for (size_t k = 0; k < kKindCount; ++k) other.kindBytes.at(k) += kids[i]->kindBytes.at(k);
      }
      items.push_back(&other);
    }
    // "(N more)" is not necessarily the smallest item; squarify wants them by size.
    std::stable_sort(items.begin(), items.end(), [](const TreeNode* a, const TreeNode* b) { return a->bytes > b->bytes; });
    std::vector<double> values;
    values.reserve(items.size());
    for (const TreeNode* c : items) values.push_back(static_cast<double>(c->bytes));
    const std::vector<Rect> rects = squarify(values, inner);
    for (size_t i = 0; i < items.size(); ++i) node(*items[i], rects[i], depth, items[i] == &other);
  }

private:
  /// How many of `kids` (largest first) get a rectangle of their own in `inner`: the ones large
  /// enough to see, as many as the rectangles left allow (a leaf may take two or three).
  size_t visibleCount(const TreeNode& n, const std::vector<const TreeNode*>& kids, Rect inner) const {
    const double scale = inner.w * inner.h / static_cast<double>(std::max<uint64_t>(n.bytes, 1));
    const size_t left = rects_ < kMaxRects ? kMaxRects - rects_ : 0;
    const size_t limit = std::min(kMaxChildren, std::max<size_t>(left / 2, 8));
    size_t shown = 0;
    while (shown < kids.size() && shown < limit &&
           static_cast<double>(kids[shown]->bytes) * scale >= kMinLeafArea)
      ++shown;
    if (shown + 1 == kids.size()) shown = kids.size(); // "(1 more)" says less than the item itself
    return shown;
  }

  void node(const TreeNode& n, Rect r, int depth, bool aggregate) {
    const PixelRect p = snap(r);
    if (p.w <= 0 || p.h <= 0) return;
    if (!aggregate && n.folder && !n.children.empty() && depth < kTreemapDepth && rects_ < kMaxRects && p.w >= 24 &&
        p.h >= 24) {
      const double header = p.h >= 48 && p.w >= 50 ? kFolderHeader : 2;
      const Rect inner{r.x + 2, r.y + header, std::max(0.0, r.w - 4), std::max(0.0, r.h - header - 2)};
      const std::vector<const TreeNode*> kids = n.sortedChildren();
      // A frame is worth drawing when a child gets a rectangle of its own, and says more than
      // the child alone (a folder holding a single file does not).
      const size_t shown = visibleCount(n, kids, inner);
      const bool loneFile = kids.size() == 1 && !kids[0]->folder && kids[0]->kindBytes == n.kindBytes;
      if (shown > 0 && !loneFile) {
        folder(n, p, header > 2);
        children(n, inner, depth + 1);
        return;
      }
    }
    leaf(n, r, aggregate);
  }

  void folder(const TreeNode& n, const PixelRect& p, bool withLabel) {
    ++rects_;
    os_ << "<g class='tm-dir'><rect x='" << p.x << "' y='" << p.y << "' width='" << p.w << "' height='"
        << p.h << "' fill='" << kFolderColour << "' stroke='#ffffff'><title>" << tooltip(n, "")
        << "</title></rect>";
    if (withLabel) label(p.x + 4, p.y + 12, p.w - 8, n.name, " " + formatBytes(n.bytes), "tm-dir-label");
    os_ << "</g>\n";
  }

  void leaf(const TreeNode& n, Rect r, bool aggregate) {
    // Pieces by artifact kind, largest first; the ones too small to see join the largest.
    std::vector<std::pair<size_t, uint64_t>> pieces;
    for (size_t k = 0; k < kKindCount; ++k)
      if (n.kindBytes.at(k) > 0) pieces.emplace_back(k, n.kindBytes.at(k));
    std::stable_sort(pieces.begin(), pieces.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (pieces.empty()) return;
    const double perByte = r.w * r.h / static_cast<double>(std::max<uint64_t>(n.bytes, 1));
    while (pieces.size() > 1 && (static_cast<double>(pieces.back().second) * perByte < kMinPieceArea ||
                                 rects_ + pieces.size() > kMaxRects)) {
      pieces.front().second += pieces.back().second;
      pieces.pop_back();
    }
    const PixelRect whole = snap(r);
    os_ << "<g class='tm-leaf'" << (aggregate ? " data-more='1'" : "") << ">";
    // Slices along the longer side, in order.
    double offset = 0;
    uint64_t sliced = 0;
    for (size_t i = 0; i < pieces.size(); ++i) {
      const double share = static_cast<double>(pieces[i].second) / static_cast<double>(std::max<uint64_t>(n.bytes, 1));
      sliced += pieces[i].second;
      Rect piece = r;
      const bool lastPiece = i + 1 == pieces.size();
      if (r.w >= r.h) {
        piece.x = r.x + offset;
        piece.w = lastPiece ? r.x + r.w - piece.x : r.w * share;
        offset += piece.w;
      } else {
        piece.y = r.y + offset;
        piece.h = lastPiece ? r.y + r.h - piece.y : r.h * share;
        offset += piece.h;
      }
      const PixelRect p = snap(piece);
      if (p.w <= 0 || p.h <= 0) continue;
      ++rects_;
      const size_t k = pieces[i].first;
      os_ << "<rect x='" << p.x << "' y='" << p.y << "' width='" << p.w << "' height='" << p.h << "' fill='"
          << kKindStyles.at(k).colour << "' stroke='#ffffff' data-kind='"
          << artifactKindName(static_cast<ArtifactKind>(k)) << "'><title>"
          << tooltip(n, pieces.size() > 1 ? kKindStyles.at(k).label : "") << "</title></rect>";
    }
    if (whole.w >= 30 && whole.h >= 15) {
      label(whole.x + 3, whole.y + 12, whole.w - 6, n.name, "", "tm-label");
      if (whole.h >= 30) label(whole.x + 3, whole.y + 25, whole.w - 6, formatBytes(n.bytes), "", "tm-size");
    }
    os_ << "</g>\n";
  }

  /// A text that fits in `width` pixels (estimated), cut with "…", or nothing.
  void label(long x, long y, long width, const std::string& text, const std::string& suffix, const char* cls) {
    const auto maxChars = static_cast<size_t>(std::max(0.0, static_cast<double>(width) / kCharWidth));
    if (maxChars < 3) return;
    const std::string clean = sanitize(text);
    std::string shown = truncateChars(clean, maxChars);
    const std::string cleanSuffix = sanitize(suffix);
    if (shown == clean && codePointCount(clean) + codePointCount(cleanSuffix) <= maxChars) shown += cleanSuffix;
    os_ << "<text x='" << x << "' y='" << y << "' class='" << cls << "'>" << escapeSanitized(shown) << "</text>";
  }

  std::string tooltip(const TreeNode& n, std::string_view part) const {
    std::string t = n.path.empty() ? std::string("(package)") : shortenMiddle(sanitize(n.path), 300);
    if (n.folder) t += "/";
    t += "\n" + formatBytes(n.bytes) + " (" + percent(share(n.bytes)) + " of the package), " + grouped(n.files) +
         (n.files == 1 ? " file" : " files");
    std::string kinds;
    for (size_t k = 0; k < kKindCount; ++k) {
      if (n.kindBytes.at(k) == 0 || n.kindBytes.at(k) == n.bytes) continue;
      kinds += kinds.empty() ? "\n" : ", ";
      kinds += std::string(kKindStyles.at(k).label) + " " + formatBytes(n.kindBytes.at(k));
    }
    t += kinds;
    if (!part.empty()) t += "\n(this part: " + std::string(part) + ")";
    return esc(t);
  }

  double share(uint64_t bytes) const {
    return total_ == 0 ? 0.0 : static_cast<double>(bytes) / static_cast<double>(total_);
  }

  std::ostream& os_;
  uint64_t total_;
  size_t rects_ = 0;
};

void writeTreemap(std::ostream& os, const Package& pkg, const PackageAnalysis* analysis, size_t index) {
  TreeNode root;
  root.folder = true;
  for (size_t i = 0; i < pkg.entries.size(); ++i) {
    const PackageEntry& e = pkg.entries[i];
    const ArtifactKind kind = analysis && i < analysis->kinds.size() ? analysis->kinds[i] : ArtifactKind::Code;
    addEntry(root, e.path, e.size, kind);
  }
  countFiles(root);
  hoistScopes(root);
  mergeChains(root, true);

  os << "<h3>Contents by folder</h3>\n";
  // The legend: the kinds this package holds, with their bytes.
  os << "<p class='legend' id='treemap-legend-" << index << "'>";
  for (size_t k = 0; k < kKindCount; ++k) {
    if (root.kindBytes.at(k) == 0 && k != 0) continue;
    os << "<span class='key'><span class='swatch' style='background:" << kKindStyles.at(k).colour
       << "'></span>" << kKindStyles.at(k).label << " " << bytesText(root.kindBytes.at(k)) << "</span> ";
  }
  os << "<span class='key'><span class='swatch' style='background:" << kFolderColour
     << "'></span>folder</span></p>\n";

  os << "<svg class='treemap' id='treemap-" << index << "' width='" << kTreemapWidth << "' height='"
     << kTreemapHeight << "' viewBox='0 0 " << kTreemapWidth << " " << kTreemapHeight
     << "' shape-rendering='crispEdges' role='img' aria-label='Treemap of the package by folder'>\n";
  if (root.bytes == 0) {
    os << "<rect x='0' y='0' width='" << kTreemapWidth << "' height='" << kTreemapHeight << "' fill='"
       << kTrackColour << "'/><text x='12' y='24' class='tm-label'>"
       << (pkg.entries.empty() ? "No files." : "Only empty files.") << "</text>\n";
  } else {
    TreemapWriter writer(os, root.bytes);
    writer.children(root, Rect{0, 0, static_cast<double>(kTreemapWidth), static_cast<double>(kTreemapHeight)}, 1);
  }
  os << "</svg>\n";
}

// ---------------------------------------------------------------------------------------------
// Quota bars

constexpr long kQuotaWidth = 1200;
constexpr long kQuotaTrackX = 200;
constexpr long kQuotaTrackWidth = 900;
constexpr long kQuotaRow = 50;

struct QuotaRow {
  std::string label;
  uint64_t own = 0;   // this package
  uint64_t extra = 0; // the layers, for a function's unzipped size
  std::string extraLabel;
  uint64_t quota = 0;
};

void writeQuotaBars(std::ostream& os, const std::vector<QuotaRow>& rows, double budgetShare, size_t index) {
  const long height = kQuotaRow * static_cast<long>(rows.size()) + 4;
  os << "<svg class='quota' id='quota-" << index << "' width='" << kQuotaWidth << "' height='" << height
     << "' viewBox='0 0 " << kQuotaWidth << " " << height << "' shape-rendering='crispEdges'>\n";
  long y = 0;
  for (const QuotaRow& row : rows) {
    const uint64_t value = row.own + row.extra;
    const QuotaState state = stateOf(value, row.quota, budgetShare);
    const double budget = budgetShare * static_cast<double>(row.quota);
    // The axis ends at the quota, or a little past the value when it is over.
    const double axis = std::max(static_cast<double>(row.quota), static_cast<double>(value) * 1.04);
    auto at = [&](double bytes) {
      return std::lround(static_cast<double>(kQuotaTrackX) + static_cast<double>(kQuotaTrackWidth) * bytes / axis);
    };
    const long textY = y + 14, barY = y + 22, barH = 18;
    os << "<g class='quota-row' data-state='" << stateName(state) << "'>";
    os << "<text x='" << kQuotaTrackX - 10 << "' y='" << barY + 13 << "' text-anchor='end' class='q-label'>"
       << esc(row.label) << "</text>";
    std::string text = formatBytes(row.own);
    if (row.extra > 0) text += " + " + formatBytes(row.extra) + " " + row.extraLabel + " = " + formatBytes(value);
    text += " of " + formatBytes(row.quota) + " (" +
            percent(static_cast<double>(value) / static_cast<double>(std::max<uint64_t>(row.quota, 1))) + ")";
    text += state == QuotaState::Over   ? ": over the quota"
            : state == QuotaState::Warn ? ": over the " + percent(budgetShare) + " budget"
                                        : ": within the " + percent(budgetShare) + " budget";
    os << "<text x='" << kQuotaTrackX << "' y='" << textY << "' class='q-value q-" << stateName(state) << "'>"
       << esc(text) << "</text>";
    os << "<rect x='" << kQuotaTrackX << "' y='" << barY << "' width='" << kQuotaTrackWidth << "' height='"
       << barH << "' fill='" << kTrackColour << "'/>";
    const long x0 = kQuotaTrackX, x1 = at(static_cast<double>(row.own)), x2 = at(static_cast<double>(value));
    if (x1 > x0)
      os << "<rect class='q-own' x='" << x0 << "' y='" << barY << "' width='" << x1 - x0 << "' height='"
         << barH << "' fill='" << stateColour(state) << "'><title>"
         << esc(row.label + ": " + formatBytes(row.own)) << "</title></rect>";
    if (x2 > x1)
      os << "<rect class='q-extra' x='" << x1 << "' y='" << barY << "' width='" << x2 - x1 << "' height='"
         << barH << "' fill='" << stateColour(state, true) << "'><title>"
         << esc(row.extraLabel + ": " + formatBytes(row.extra)) << "</title></rect>";
    // The budget (dashed) and the quota (solid), a little taller than the bar.
    const long bx = at(budget), qx = at(static_cast<double>(row.quota));
    os << "<line class='q-budget' x1='" << bx << "' y1='" << barY - 3 << "' x2='" << bx << "' y2='"
       << barY + barH + 3 << "' stroke='" << kBudgetLineColour
       << "' stroke-width='2' stroke-dasharray='4 2'><title>"
       << esc("budget: " + percent(budgetShare) + " of " + formatBytes(row.quota) + " = " +
              formatBytes(static_cast<uint64_t>(budget)))
       << "</title></line>";
    os << "<rect class='q-quota' x='" << qx - 1 << "' y='" << barY - 4 << "' width='3' height='" << barH + 8
       << "' fill='" << kQuotaLineColour << "'><title>"
       << esc("quota: " + formatBytes(row.quota) + " (" + grouped(row.quota) + " bytes)") << "</title></rect>";
    os << "</g>\n";
    y += kQuotaRow;
  }
  os << "</svg>\n";
}

// ---------------------------------------------------------------------------------------------
// Bar chart of the largest contributors

constexpr size_t kTopContributors = 15;
constexpr long kBarsWidth = 1200;
constexpr long kBarsX = 250;
constexpr long kBarsLength = 600;
constexpr long kBarsRow = 24;
constexpr long kBarsTop = 22;

enum class BarKind { Own, Dependency, RuntimeSdk, DevArtifact };

struct Bar {
  const Contributor* contributor = nullptr;
  BarKind kind = BarKind::Dependency;
  ArtifactKind devKind = ArtifactKind::DevTool;
};

/// Whether `example` (a path the analysis gives for some dev artifacts) is the contributor
/// `name` as a whole: the same top-level name, or the name inside a dependency folder
/// (node_modules/typescript, python/lib/python3.12/site-packages/pytest).
bool isContributorPath(std::string_view example, std::string_view name) {
  while (!example.empty() && example.back() == '/') example.remove_suffix(1);
  if (name.empty() || example == name) return !name.empty();
  if (example.size() <= name.size() + 1 || !example.ends_with(name) ||
      example[example.size() - name.size() - 1] != '/')
    return false;
  std::string_view parent = example.substr(0, example.size() - name.size() - 1);
  parent = parent.substr(parent.rfind('/') + 1);
  return parent == "node_modules" || parent == "site-packages" || parent == "dist-packages" || parent == "python" ||
         parent == "vendor";
}

Bar classify(const Contributor& c, const PackageAnalysis& a) {
  Bar bar{&c, c.ecosystem.empty() ? BarKind::Own : BarKind::Dependency, ArtifactKind::DevTool};
  for (const RuntimeSdk& sdk : a.runtimeSdks)
    if (sdk.name == c.name && (sdk.ecosystem == c.ecosystem || c.ecosystem.empty())) {
      bar.kind = BarKind::RuntimeSdk;
      return bar;
    }
  // A contributor that the analysis lists as a whole among the dev artifacts (a dev tool such as
  // typescript or pytest, a tests/ or docs/ folder of the function's own).
  for (const DevArtifacts& d : a.devArtifacts)
    for (const std::string& example : d.examples)
      if (isContributorPath(example, c.name)) {
        bar.kind = BarKind::DevArtifact;
        bar.devKind = d.kind;
        return bar;
      }
  return bar;
}

const char* barColour(const Bar& b) {
  switch (b.kind) {
  case BarKind::Own: return kOwnBarColour;
  case BarKind::Dependency: return kDependencyBarColour;
  case BarKind::RuntimeSdk: return kRuntimeSdkBarColour;
  case BarKind::DevArtifact: return kKindStyles.at(kindIndex(b.devKind)).colour;
  }
  return kDependencyBarColour;
}

void writeBarChart(std::ostream& os, const Package& pkg, const PackageAnalysis& a, uint64_t unzippedQuota,
                   double budgetShare, size_t index) {
  os << "<h3>Largest contributors</h3>\n";
  if (a.contributors.empty()) {
    os << "<p class='empty'>No contributors.</p>\n";
    return;
  }
  std::vector<Bar> bars;
  for (const Contributor& c : a.contributors) {
    if (bars.size() == kTopContributors) break;
    bars.push_back(classify(c, a));
  }
  // Legend: the kinds of bar shown.
  std::array<bool, 4> seen{};
  std::vector<ArtifactKind> devKinds;
  for (const Bar& b : bars) {
    seen.at(static_cast<size_t>(b.kind)) = true;
    if (b.kind == BarKind::DevArtifact && std::find(devKinds.begin(), devKinds.end(), b.devKind) == devKinds.end())
      devKinds.push_back(b.devKind);
  }
  os << "<p class='legend' id='bars-legend-" << index << "'>";
  auto key = [&](const char* colour, const std::string& text) {
    os << "<span class='key'><span class='swatch' style='background:" << colour << "'></span>" << esc(text)
       << "</span> ";
  };
  if (seen[0]) key(kOwnBarColour, "the function's own files");
  if (seen[1]) key(kDependencyBarColour, "dependency");
  if (seen[2]) key(kRuntimeSdkBarColour, "runtime SDK (the Lambda runtime provides it)");
  for (ArtifactKind k : devKinds)
    key(kKindStyles.at(kindIndex(k)).colour, std::string("not needed at run time: ") + kKindStyles.at(kindIndex(k)).label);
  os << "<span class='key'>shares: of the package, of the unzipped quota</span></p>\n";

  uint64_t largest = 0;
  for (const Bar& b : bars) largest = std::max(largest, b.contributor->bytes);
  const double budget = budgetShare * static_cast<double>(unzippedQuota);
  // The budget and the quota are drawn when they fall near the bars; far past them they would
  // squash every bar into a sliver.
  double axis = static_cast<double>(std::max<uint64_t>(largest, 1));
  const bool drawBudget = budget <= axis * 1.25;
  const bool drawQuota = static_cast<double>(unzippedQuota) <= axis * 1.25;
  if (drawQuota) axis = std::max(axis, static_cast<double>(unzippedQuota));
  else if (drawBudget) axis = std::max(axis, budget);
  const uint64_t total = pkg.unzippedBytes;

  const long height = kBarsTop + kBarsRow * static_cast<long>(bars.size()) + 6;
  os << "<svg class='bars' id='bars-" << index << "' width='" << kBarsWidth << "' height='" << height
     << "' viewBox='0 0 " << kBarsWidth << " " << height << "' shape-rendering='crispEdges'>\n";
  os << "<text x='" << kBarsX << "' y='14' class='b-axis'>0</text>";
  os << "<text x='" << kBarsX + kBarsLength << "' y='14' text-anchor='end' class='b-axis'>"
     << bytesText(static_cast<uint64_t>(axis)) << "</text>\n";
  long y = kBarsTop;
  for (const Bar& b : bars) {
    const Contributor& c = *b.contributor;
    const long barY = y + 3, barH = kBarsRow - 6;
    const long len = std::max<long>(
        1, std::lround(static_cast<double>(kBarsLength) * static_cast<double>(c.bytes) / axis));
    const double share = total == 0 ? 0.0 : static_cast<double>(c.bytes) / static_cast<double>(total);
    const double quotaShare = static_cast<double>(c.bytes) / static_cast<double>(std::max<uint64_t>(unzippedQuota, 1));
    const char* tag = b.kind == BarKind::RuntimeSdk    ? " · runtime SDK"
                      : b.kind == BarKind::DevArtifact ? " · not needed at run time"
                                                       : "";
    const char* kind = b.kind == BarKind::Own          ? "own"
                       : b.kind == BarKind::Dependency ? "dependency"
                       : b.kind == BarKind::RuntimeSdk ? "runtime-sdk"
                                                       : artifactKindName(b.devKind);
    os << "<g class='bar' data-kind='" << kind << "' data-bytes='" << c.bytes << "'>";
    const auto nameChars = static_cast<size_t>(static_cast<double>(kBarsX - 16) / kCharWidth);
    os << "<text x='" << kBarsX - 8 << "' y='" << barY + 13 << "' text-anchor='end' class='b-name'>"
       << escapeSanitized(truncateChars(sanitize(c.name), nameChars)) << "</text>";
    os << "<rect x='" << kBarsX << "' y='" << barY << "' width='" << len << "' height='" << barH << "' fill='"
       << barColour(b) << "'><title>"
       << esc(c.name + (c.ecosystem.empty() ? std::string() : " (" + c.ecosystem + ")") + "\n" + formatBytes(c.bytes) +
              ", " + grouped(c.files) + (c.files == 1 ? " file" : " files") + ", " + formatBytes(c.compressed) +
              " compressed")
       << "</title></rect>";
    os << "<text x='" << kBarsX + len + 8 << "' y='" << barY + 13 << "' class='b-value'>"
       << esc(formatBytes(c.bytes) + " · " + percent(share) + " · " + percent(quotaShare) + tag) << "</text></g>\n";
    y += kBarsRow;
  }
  auto vline = [&](double bytes, const char* cls, const char* colour, const std::string& what) {
    const long x = std::lround(static_cast<double>(kBarsX) + static_cast<double>(kBarsLength) * bytes / axis);
    os << "<rect class='" << cls << "' x='" << x - 1 << "' y='" << kBarsTop - 4 << "' width='2' height='"
       << height - kBarsTop << "' fill='" << colour << "'><title>" << esc(what) << "</title></rect>";
  };
  if (drawBudget)
    vline(budget, "b-budget", kBudgetLineColour,
          "budget: " + percent(budgetShare) + " of the unzipped quota = " + formatBytes(static_cast<uint64_t>(budget)));
  if (drawQuota)
    vline(static_cast<double>(unzippedQuota), "b-quota", kQuotaLineColour, "unzipped quota: " + formatBytes(unzippedQuota));
  os << "</svg>\n";
  if (!drawQuota)
    os << "<p class='note'>The unzipped quota, " << bytesText(unzippedQuota) << ", is "
       << fixed(static_cast<double>(unzippedQuota) / static_cast<double>(std::max<uint64_t>(largest, 1)), 1)
       << " times the largest contributor: not drawn to this scale.</p>\n";
}

// ---------------------------------------------------------------------------------------------
// The page

constexpr std::string_view kStyle = R"(
body{margin:0;background:#fff;color:#1a1a1a;font:13px/1.45 sans-serif}
main{width:1200px;margin:0 auto;padding:12px 0 32px}
h1{font-size:20px;margin:4px 0 2px}
h2{font-size:16px;margin:0 0 2px;overflow-wrap:anywhere}
h3{font-size:14px;margin:14px 0 4px}
p{margin:2px 0}
.summary{color:#444}
section.package{border-top:2px solid #d0d0d0;margin-top:18px;padding-top:10px}
.facts{color:#333}
.kind{display:inline-block;padding:0 6px;border-radius:3px;background:#e6e6e6;font-size:12px;margin-right:6px}
svg{display:block}
svg text{font:11px sans-serif;fill:#1a1a1a}
svg text.tm-dir-label{font-weight:bold}
svg text.tm-label,svg text.tm-size{fill:#111}
svg text.q-over{fill:#a0150b;font-weight:bold}
svg text.q-warn{fill:#8a5a00;font-weight:bold}
.legend{margin:2px 0 6px}
.key{margin-right:14px;white-space:nowrap}
.swatch{display:inline-block;width:12px;height:12px;vertical-align:-2px;margin-right:4px;border:1px solid #888}
.note{color:#555;font-size:12px}
ul.findings{list-style:none;padding:0;margin:4px 0}
ul.findings li{margin:4px 0;padding:4px 8px;border-left:4px solid #888;background:#f6f6f6;white-space:pre-wrap;overflow-wrap:anywhere}
ul.findings li.error{border-color:#d7301f}
ul.findings li.warning{border-color:#e8a33d}
ul.findings li.note{border-color:#4e79a7}
.level{font-weight:bold;margin-right:6px}
code{font:12px monospace}
)";

void writeFindings(std::ostream& os, const PackageReportItem& item) {
  os << "<h3>Findings</h3>\n";
  std::vector<const Finding*> findings;
  for (const Finding* f : item.findings)
    if (f) findings.push_back(f);
  if (findings.empty()) {
    os << "<p class='empty'>No findings.</p>\n";
    return;
  }
  os << "<ul class='findings'>\n";
  for (const Finding* f : findings) {
    os << "<li class='" << levelName(f->level) << "'><span class='level'>" << levelName(f->level)
       << "</span><code>" << esc(f->rule) << "</code> " << esc(f->message);
    for (const Fix& fix : f->fixes)
      if (!fix.description.empty()) os << "\n<span class='fix'>fix: " << esc(fix.description) << "</span>";
    os << "</li>\n";
  }
  os << "</ul>\n";
}

void writePackage(std::ostream& os, const PackageReportItem& item, const PackageReport& report, size_t index) {
  const Package& pkg = *item.package;
  const bool zip = pkg.source == Package::Source::Zip;
  os << "<section class='package' id='pkg-" << index << "'>\n";
  os << "<h2><span class='kind'>" << (pkg.layer ? "layer" : "function") << "</span>" << esc(pkg.path) << "</h2>\n";
  os << "<p class='facts'>" << (zip ? "zip archive" : "folder");
  if (!pkg.ecosystem.empty()) os << " · " << esc(pkg.ecosystem);
  if (zip) os << " · " << bytesText(pkg.archiveBytes) << " zipped";
  os << " · " << bytesText(pkg.unzippedBytes) << " unzipped";
  if (zip && pkg.archiveBytes > 0)
    os << " · ratio " << fixed(static_cast<double>(pkg.unzippedBytes) / static_cast<double>(pkg.archiveBytes), 2);
  os << " · " << grouped(pkg.files) << (pkg.files == 1 ? " file" : " files") << "</p>\n";
  if (!pkg.readable) os << "<p class='note'>The package could not be read.</p>\n";
  else if (!pkg.complete) os << "<p class='note'>Parts of the package could not be read: the figures are a lower bound.</p>\n";
  if (!pkg.notices.empty()) {
    os << "<ul class='findings notices'>\n";
    for (const Notice& n : pkg.notices)
      os << "<li class='" << levelName(n.level) << "'><span class='level'>" << levelName(n.level) << "</span>"
         << esc(n.path.empty() ? n.message : n.path + ": " + n.message) << "</li>\n";
    os << "</ul>\n";
  }

  if (pkg.readable) {
    os << "<h3>Quotas</h3>\n";
    std::vector<QuotaRow> rows;
    if (pkg.layer) rows.push_back({"unzipped (this layer)", pkg.unzippedBytes, 0, "", kUnzippedQuotaBytes});
    else
      rows.push_back({report.layersUnzippedBytes > 0 ? "unzipped, with the layers" : "unzipped", pkg.unzippedBytes,
                      report.layersUnzippedBytes, "layers", kUnzippedQuotaBytes});
    if (zip) rows.push_back({"zipped (direct upload)", pkg.archiveBytes, 0, "", kZippedQuotaBytes});
    writeQuotaBars(os, rows, report.budgetShare, index);
    writeTreemap(os, pkg, item.analysis, index);
    if (item.analysis) writeBarChart(os, pkg, *item.analysis, kUnzippedQuotaBytes, report.budgetShare, index);
  }
  writeFindings(os, item);
  os << "</section>\n";
}

} // namespace

void writeHtmlReport(std::ostream& os, const PackageReport& report) {
  os << "<!doctype html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        R"(<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">)"
        "\n"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>\n";
  if (!report.generator.empty()) os << "<meta name='generator' content='" << esc(report.generator) << "'>\n";
  os << "<title>lambda-lint: deployment packages</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<main>\n";
  os << "<h1>Deployment packages</h1>\n<p class='summary'>" << grouped(report.packages.size())
     << (report.packages.size() == 1 ? " package" : " packages") << " · quotas: " << bytesText(kUnzippedQuotaBytes)
     << " unzipped with the layers, " << bytesText(kZippedQuotaBytes) << " zipped for direct upload · budget "
     << esc(percent(report.budgetShare)) << " of each";
  if (report.layersUnzippedBytes > 0)
    os << " · the layers add " << bytesText(report.layersUnzippedBytes) << " to each function";
  if (!report.generator.empty()) os << " · " << esc(report.generator);
  os << "</p>\n";
  size_t index = 0;
  for (const PackageReportItem& item : report.packages) {
    ++index;
    if (item.package) writePackage(os, item, report, index);
  }
  os << "</main>\n</body>\n</html>\n";
}

} // namespace ll
