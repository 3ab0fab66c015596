#pragma once
#include <string>

std::string uploadImage(std::string const& payload);
