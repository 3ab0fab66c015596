#include "output/Repository.h"

#include "core/Strings.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

namespace ll {

namespace fs = std::filesystem;

fs::path absoluteNormal(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  abs = abs.lexically_normal();
  if (!abs.has_filename() && abs != abs.root_path()) abs = abs.parent_path();
  return abs;
}

std::optional<fs::path> relativeInside(const fs::path& path, const fs::path& root) {
  fs::path rel = path.lexically_relative(root);
  if (rel.empty() || rel == ".") return std::nullopt;
  if (*rel.begin() == "..") return std::nullopt;
  return rel;
}

namespace {

/// `p` lexically normal and without a trailing separator (`a/b/../` is `a`).
fs::path normalDir(const fs::path& p) {
  fs::path n = p.lexically_normal();
  if (!n.has_filename() && n != n.root_path() && !n.empty()) n = n.parent_path();
  return n;
}

/// What git keeps in its small files (HEAD, refs, .git files, config) is far below this; a
/// larger file is not one of them.
constexpr std::uintmax_t kMaxSmallFile = 1 << 20;

std::optional<std::string> readSmallFile(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec || size > kMaxSmallFile) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

bool isObjectId(std::string_view s) {
  return (s.size() == 40 || s.size() == 64) &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

/// A ref name that is safe to read as a path below a git folder.
bool isRefName(std::string_view ref) {
  if (ref.empty() || ref.front() == '/' || ref.find('\0') != std::string_view::npos) return false;
  const fs::path path{std::string(ref)};
  return std::ranges::none_of(path, [](const fs::path& part) { return part == ".." || part == "."; });
}

/// The git folder a `.git` entry names: the folder itself, or the `gitdir:` of a `.git` file
/// (linked work trees, submodules). Only folders that hold a HEAD count.
std::optional<fs::path> gitDirOf(const fs::path& dotGit) {
  std::error_code ec;
  fs::path dir;
  if (fs::is_directory(dotGit, ec)) {
    dir = dotGit;
  } else if (fs::is_regular_file(dotGit, ec)) {
    auto text = readSmallFile(dotGit);
    if (!text) return std::nullopt;
    std::string_view line = trim(*text);
    if (line.substr(0, 7) != "gitdir:") return std::nullopt;
    fs::path target(std::string(trim(line.substr(7))));
    dir = target.is_absolute() ? target : dotGit.parent_path() / target;
  } else {
    return std::nullopt;
  }
  dir = normalDir(dir);
  if (!fs::is_regular_file(dir / "HEAD", ec)) return std::nullopt;
  return dir;
}

/// The commit `ref` resolves to through loose refs (this work tree's, then the shared ones),
/// symbolic refs and packed-refs; empty when it does not resolve (an unborn branch, a ref
/// storage this does not read).
std::string resolveRef(const GitRepository& repo, const std::string& ref, int depth = 0) {
  if (depth > 5 || !isRefName(ref)) return {};
  for (const fs::path* dir : {&repo.gitDir, &repo.commonDir}) {
    auto text = readSmallFile(*dir / ref);
    if (!text) continue;
    std::string_view value = trim(*text);
    if (value.substr(0, 4) == "ref:") return resolveRef(repo, std::string(trim(value.substr(4))), depth + 1);
    if (isObjectId(value)) return lower(value);
    return {};
  }
  std::ifstream packed(repo.commonDir / "packed-refs");
  for (std::string line; std::getline(packed, line);) {
    if (line.empty() || line[0] == '#' || line[0] == '^') continue;
    std::string_view entry = trim(line);
    auto space = entry.find(' ');
    if (space == std::string_view::npos) continue;
    if (trim(entry.substr(space + 1)) == ref && isObjectId(entry.substr(0, space)))
      return lower(entry.substr(0, space));
  }
  return {};
}

/// The few entries of a git config file this needs, as "section.subsection.key" (section and
/// key lower-cased, the subsection as written) to values, in file order.
std::multimap<std::string, std::string> parseGitConfig(std::string_view text) {
  std::multimap<std::string, std::string> out;
  std::string section;
  size_t i = 0;
  const auto atEnd = [&] { return i >= text.size(); };
  const auto skipBlanks = [&] {
    while (!atEnd() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) ++i;
  };
  const auto skipLine = [&] {
    while (!atEnd() && text[i] != '\n') ++i;
    if (!atEnd()) ++i;
  };
  while (!atEnd()) {
    skipBlanks();
    if (atEnd()) break;
    char c = text[i];
    if (c == '\n') {
      ++i;
      continue;
    }
    if (c == '#' || c == ';') {
      skipLine();
      continue;
    }
    if (c == '[') {
      ++i;
      std::string name;
      while (!atEnd() && text[i] != ']' && text[i] != '"' && text[i] != ' ' && text[i] != '\n') name += text[i++];
      skipBlanks();
      std::string sub;
      bool quoted = false;
      if (!atEnd() && text[i] == '"') {
        quoted = true;
        ++i;
        while (!atEnd() && text[i] != '"' && text[i] != '\n') {
          if (text[i] == '\\' && i + 1 < text.size()) ++i;
          sub += text[i++];
        }
        if (!atEnd() && text[i] == '"') ++i;
      }
      while (!atEnd() && text[i] != ']' && text[i] != '\n') ++i;
      if (atEnd() || text[i] != ']') {
        section.clear(); // a broken header: ignore what follows until the next one
        skipLine();
        continue;
      }
      ++i;
      if (quoted) {
        section = lower(name) + "." + sub;
      } else {
        // [section.subsection], the old spelling: all of it is case-insensitive.
        section = lower(name);
      }
      continue; // a key may follow on the same line
    }
    // name [= value]
    std::string key;
    while (!atEnd() && (std::isalnum(static_cast<unsigned char>(text[i])) != 0 || text[i] == '-')) key += text[i++];
    if (key.empty()) {
      skipLine();
      continue;
    }
    skipBlanks();
    std::string value;
    if (!atEnd() && text[i] == '=') {
      ++i;
      skipBlanks();
      bool inQuotes = false;
      std::string pendingSpace;
      while (!atEnd()) {
        char v = text[i];
        if (v == '\n') break;
        if (!inQuotes && (v == '#' || v == ';')) break;
        if (v == '\\' && i + 1 < text.size()) {
          char e = text[i + 1];
          i += 2;
          if (e == '\n') continue; // a continued line
          if (e == '\r' && i < text.size() && text[i] == '\n') {
            ++i;
            continue;
          }
          value += pendingSpace;
          pendingSpace.clear();
          value += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'b' ? '\b' : e;
          continue;
        }
        ++i;
        if (v == '"') {
          inQuotes = !inQuotes;
          continue;
        }
        if (!inQuotes && (v == ' ' || v == '\t' || v == '\r')) {
          pendingSpace += v; // kept only when more of the value follows
          continue;
        }
        value += pendingSpace;
        pendingSpace.clear();
        value += v;
      }
    }
    skipLine();
    if (!section.empty()) out.emplace(section + "." + lower(key), value);
  }
  return out;
}

/// The first value of `name` in `config`, or empty.
std::string configValue(const std::multimap<std::string, std::string>& config, const std::string& name) {
  auto it = config.find(name);
  return it == config.end() ? std::string() : it->second;
}

/// `url` rewritten by the longest matching `url.<base>.insteadOf` prefix, as git does.
std::string applyInsteadOf(const std::multimap<std::string, std::string>& config, const std::string& url) {
  size_t best = 0;
  std::string result = url;
  for (const auto& [name, value] : config) {
    constexpr std::string_view suffix = ".insteadof";
    if (name.rfind("url.", 0) != 0 || name.size() <= 4 + suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    if (value.empty() || value.size() <= best || url.rfind(value, 0) != 0) continue;
    best = value.size();
    result = name.substr(4, name.size() - 4 - suffix.size()) + url.substr(value.size());
  }
  return result;
}

void readRemote(GitRepository& repo) {
  auto text = readSmallFile(repo.commonDir / "config");
  if (!text) return;
  const auto config = parseGitConfig(*text);
  std::vector<std::string> remotes; // names with a url, in file order
  for (const auto& [name, value] : config) {
    constexpr std::string_view suffix = ".url";
    if (name.rfind("remote.", 0) != 0 || name.size() <= 7 + suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0 || value.empty())
      continue;
    std::string remote = name.substr(7, name.size() - 7 - suffix.size());
    if (std::find(remotes.begin(), remotes.end(), remote) == remotes.end()) remotes.push_back(remote);
  }
  if (remotes.empty()) return;
  // origin; else the remote the checked-out branch tracks; else the only one.
  std::string chosen;
  if (std::find(remotes.begin(), remotes.end(), "origin") != remotes.end()) {
    chosen = "origin";
  } else if (!repo.branch.empty()) {
    std::string tracked = configValue(config, "branch." + repo.branch + ".remote");
    if (std::find(remotes.begin(), remotes.end(), tracked) != remotes.end()) chosen = tracked;
  }
  if (chosen.empty() && remotes.size() == 1) chosen = remotes.front();
  if (chosen.empty()) return;
  repo.remoteName = chosen;
  repo.remoteUrl = applyInsteadOf(config, configValue(config, "remote." + chosen + ".url"));
}

} // namespace

std::optional<GitRepository> findGitRepository(const fs::path& start) {
  std::error_code ec;
  fs::path dir = absoluteNormal(start);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (;;) {
    if (auto gitDir = gitDirOf(dir / ".git")) {
      GitRepository repo;
      repo.workTree = dir;
      repo.gitDir = *gitDir;
      repo.commonDir = *gitDir;
      if (auto common = readSmallFile(*gitDir / "commondir")) {
        fs::path c(std::string(trim(*common)));
        repo.commonDir = normalDir(c.is_absolute() ? c : *gitDir / c);
      }
      if (auto head = readSmallFile(repo.gitDir / "HEAD")) {
        std::string_view value = trim(*head);
        if (value.substr(0, 4) == "ref:") {
          std::string ref(trim(value.substr(4)));
          if (ref.rfind("refs/heads/", 0) == 0) repo.branch = ref.substr(11);
          repo.head = resolveRef(repo, ref);
        } else if (isObjectId(value)) {
          repo.head = lower(value); // detached
        }
      }
      readRemote(repo);
      return repo;
    }
    if (!dir.has_relative_path()) return std::nullopt; // the root
    dir = dir.parent_path();
  }
}

std::string webUrlOfRemote(std::string_view url) {
  std::string_view u = trim(url);
  std::string scheme, authority, path;
  const auto sep = u.find("://");
  const bool hasScheme =
      sep != std::string_view::npos && sep > 0 && std::isalpha(static_cast<unsigned char>(u[0])) != 0 &&
      std::all_of(u.begin(), u.begin() + static_cast<std::ptrdiff_t>(sep), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' || c == '.';
      });
  bool keepPort = false;
  if (hasScheme) {
    scheme = lower(u.substr(0, sep));
    std::string_view rest = u.substr(sep + 3);
    const auto slash = rest.find('/');
    authority = std::string(rest.substr(0, slash));
    path = slash == std::string_view::npos ? std::string() : std::string(rest.substr(slash));
    if (scheme == "http" || scheme == "https") {
      keepPort = true;
    } else if (scheme == "ssh" || scheme == "git" || scheme == "git+ssh" || scheme == "ssh+git") {
      scheme = "https";
    } else {
      return {}; // file://, and transports that name no web host
    }
  } else {
    // scp-like syntax, [user@]host:path, when no '/' comes before the ':' (else a local path).
    const auto colon = u.find(':');
    const auto slash = u.find('/');
    if (colon == std::string_view::npos || (slash != std::string_view::npos && slash < colon)) return {};
    authority = std::string(u.substr(0, colon));
    path = std::string(u.substr(colon + 1));
    if (path.empty() || path.front() != '/') path.insert(path.begin(), '/');
    scheme = "https";
  }
  if (auto at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1); // credentials
  if (!keepPort) {
    // host:port or [v6]:port; the port of another protocol means nothing over https.
    const auto close = authority.rfind(']');
    const auto colon = authority.rfind(':');
    if (colon != std::string::npos && (close == std::string::npos || colon > close)) authority.erase(colon);
  }
  authority = lower(authority);
  if (authority.size() < 2) return {}; // none, or a drive letter (C:\repo)
  if (auto cut = path.find_first_of("?#"); cut != std::string::npos) path.erase(cut);
  while (!path.empty() && path.back() == '/') path.pop_back();
  if (path.size() >= 4 && path.compare(path.size() - 4, 4, ".git") == 0) path.erase(path.size() - 4);
  while (!path.empty() && path.back() == '/') path.pop_back();
  if (path.empty()) return {};
  return scheme + "://" + authority + path;
}

ProjectInfo discoverProject(const std::vector<std::string>& paths) {
  ProjectInfo info;
  std::error_code ec;
  const fs::path cwd = absoluteNormal(fs::current_path(ec));
  info.git = findGitRepository(cwd);
  for (size_t i = 0; !info.git && i < paths.size(); ++i) info.git = findGitRepository(paths[i]);
  info.root = info.git ? info.git->workTree : cwd;
  return info;
}

} // namespace ll
