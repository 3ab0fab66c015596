// The HTML report's treemap: the package as a tree of folders, squarified, each rectangle
// split by the kinds of what it holds.
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

namespace {


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

} // namespace

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

} // namespace ll::htmldetail
