#pragma once
// Test stub (declarations only): sql::Connection is declared in cppconn/driver.h.
#include "driver.h"
