#include "solver/core/error.hpp"

namespace polder::detail {

void fail_internal(const char* cond, const char* file, int line, const std::string& msg) {
  throw InternalError(cat("internal check failed: ", cond, " at ", file, ":", line, msg.empty() ? "" : ": ", msg));
}

}  // namespace polder::detail
