#pragma once
// What the files of package/ share (a private header): the readers' notices and tallies of odd
// names, the totals of a package read, and small helpers on entry names.
#include "package/Package.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ll::packagedetail {

/// Notices of one sort given in full; the rest are counted in one closing notice.
constexpr size_t kMaxNoticesPerSort = 10;
/// Names listed in a notice about many entries, and example paths of a DevArtifacts.
constexpr size_t kMaxExamples = 5;

std::string errorText(int err);
std::string quoted(std::string_view s);
std::string_view extension(std::string_view name); // ".js", "" (a leading dot is not one)
bool hasControlCharacter(std::string_view s);

/// Notices the readers give: the first few of each sort in full, then one that counts the rest.
class NoticeList {
public:
  explicit NoticeList(std::vector<Notice>& out) : out_(out) {}
  NoticeList(const NoticeList&) = delete;
  NoticeList& operator=(const NoticeList&) = delete;
  NoticeList(NoticeList&&) = delete;
  NoticeList& operator=(NoticeList&&) = delete;
  ~NoticeList() {
    for (const auto& [sort, tally] : sorts_) {
      if (tally.count <= kMaxNoticesPerSort) continue;
      Notice n;
      n.level = tally.level;
      n.path = tally.path;
      n.message = "... and " + std::to_string(tally.count - kMaxNoticesPerSort) + " more " + sort;
      out_.push_back(std::move(n));
    }
  }

  /// `sort` names the kind of notice in the closing count ("unreadable files").
  void add(const std::string& sort, Level level, const std::string& path, std::string message) {
    Tally& t = sorts_[sort];
    if (t.count++ == 0) {
      t.level = level;
      t.path = path;
    }
    if (t.count > kMaxNoticesPerSort) return;
    Notice n;
    n.level = level;
    n.path = path;
    n.message = std::move(message);
    out_.push_back(std::move(n));
  }

private:
  struct Tally {
    size_t count = 0;
    Level level = Level::Note;
    std::string path;
  };
  std::vector<Notice>& out_;
  std::map<std::string, Tally> sorts_;
};

/// Entry names of one sort of oddity: counted, with the first few kept for the message.
struct NameTally {
  size_t count = 0;
  std::vector<std::string> examples;
  void add(std::string_view name) {
    if (count++ < kMaxExamples) examples.emplace_back(name);
  }
  std::string list() const {
    std::string s;
    for (const std::string& e : examples) s += (s.empty() ? "" : ", ") + quoted(e);
    if (count > examples.size()) s += ", ...";
    return s;
  }
};

/// The totals and the ecosystem of a package whose entries are read.
void finishTotals(Package& p);
/// `p`, marked unreadable with an error notice.
Package unreadable(Package& p, std::string message);

} // namespace ll::packagedetail
