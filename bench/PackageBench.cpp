// Times the deployment-package reader on a folder or a .zip: lambda-lint-package-bench PATH
// prints files, bytes and the milliseconds readFolder/readZip and analyzePackage take; with
// --list, also the notices, the largest contributors, the runtime SDKs and the dev artifacts.
#include "package/Package.h"

#include <chrono>
#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  const bool list = argc == 3 && std::string(argv[1]) == "--list";
  if (argc != 2 && !list) {
    std::fprintf(stderr, "usage: lambda-lint-package-bench [--list] DIR|ZIP\n");
    return 2;
  }
  const std::string path = argv[argc - 1];
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  const ll::Package p = path.ends_with(".zip") ? ll::readZip(path) : ll::readFolder(path);
  const auto t1 = Clock::now();
  const ll::PackageAnalysis a = ll::analyzePackage(p);
  const auto t2 = Clock::now();
  auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::printf("files %llu bytes %llu read_ms %.1f analyze_ms %.1f total_ms %.1f contributors %zu notices %zu\n",
              static_cast<unsigned long long>(p.files), static_cast<unsigned long long>(p.unzippedBytes),
              ms(t1 - t0), ms(t2 - t1), ms(t2 - t0), a.contributors.size(), p.notices.size());
  if (list) {
    for (const ll::Notice& n : p.notices) std::printf("notice %s: %s\n", n.path.c_str(), n.message.c_str());
    for (size_t i = 0; i < a.contributors.size() && i < 20; ++i)
      std::printf("contributor %-40s %-6s %10s %6llu files\n", a.contributors[i].name.c_str(),
                  a.contributors[i].ecosystem.c_str(), ll::formatBytes(a.contributors[i].bytes).c_str(),
                  static_cast<unsigned long long>(a.contributors[i].files));
    for (const ll::RuntimeSdk& s : a.runtimeSdks)
      std::printf("runtime-sdk %s %s%s\n", s.name.c_str(), ll::formatBytes(s.bytes).c_str(), s.v2 ? " (v2)" : "");
    for (const ll::DevArtifacts& d : a.devArtifacts) {
      std::printf("dev %-14s %10s %6llu files:", ll::artifactKindName(d.kind), ll::formatBytes(d.bytes).c_str(),
                  static_cast<unsigned long long>(d.files));
      for (const std::string& e : d.examples) std::printf(" %s", e.c_str());
      std::printf("\n");
    }
  }
  return p.readable ? 0 : 1;
}
