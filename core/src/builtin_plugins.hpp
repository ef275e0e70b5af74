#pragma once
#include <vector>

#include "incidentkit/plugin_abi.h"

namespace ik {
struct BuiltinPlugin {
  const char* name;  // "ik_dates"
  ik_plugin_init_fn init;
};
// The plugins compiled into the core, in pipeline order (generated at configure time).
const std::vector<BuiltinPlugin>& builtin_plugins();
}  // namespace ik
