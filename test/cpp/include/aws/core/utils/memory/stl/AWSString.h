#pragma once
// Test stub: the SDK's string, vector and smart-pointer helpers (declarations only).
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace Aws {

using String = std::string;
template <typename T> using Vector = std::vector<T>;

/// Like the SDK's Aws::MakeShared: allocation tag first, then the constructor arguments.
template <typename T, typename... Args>
std::shared_ptr<T> MakeShared(const char* allocationTag, Args&&... args);

template <typename T, typename... Args> T* New(const char* allocationTag, Args&&... args);

} // namespace Aws
