#pragma once
// Typed errors. A user error (bad config, bad input, bad usage, an output that cannot be written) exits
// with code 2 and a message that names the file, key, variable or cell; an internal error exits with
// code 1. POLDER_VERIFY is always
// on; POLDER_ASSERT only in debug builds (the MFEM split).

#include <sstream>
#include <stdexcept>
#include <string>

namespace polder {

/// Bad command line or configuration (unknown key, wrong type, inverted range).
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad input data (missing file or variable, wrong CRS, out-of-range values).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An output that cannot be written (folder not writable, disk full, quota, file-size limit). No file is
/// left under the output's name; exit code 2 like the user errors, since the fix is on the user's side.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A broken invariant inside Polder: a bug, not a user mistake.
class InternalError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

namespace detail {
[[noreturn]] void fail_internal(const char* cond, const char* file, int line, const std::string& msg);
}  // namespace detail

/// Builds a message from stream-able parts: cat("cell ", id, " at x=", x).
template <typename... Parts>
std::string cat(const Parts&... parts) {
  std::ostringstream os;
  (os << ... << parts);
  return os.str();
}

}  // namespace polder

#define POLDER_VERIFY(cond, ...)                                                                         \
  do {                                                                                                   \
    if (!(cond)) ::polder::detail::fail_internal(#cond, __FILE__, __LINE__, ::polder::cat(__VA_ARGS__)); \
  } while (false)

#ifdef NDEBUG
#define POLDER_ASSERT(cond, ...) ((void)0)
#else
#define POLDER_ASSERT(cond, ...) POLDER_VERIFY(cond, __VA_ARGS__)
#endif
