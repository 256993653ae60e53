#include "solver/app/member_range.hpp"

#include <charconv>
#include <string_view>
#include <system_error>

#include "solver/core/error.hpp"

namespace polder::app {
namespace {

/// The whole of `text` as a non-negative integer, or false.
bool read_index(std::string_view text, std::int64_t& out) {
  if (text.empty() || text.front() == '+' || text.front() == '-') return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

}  // namespace

MemberRange parse_member_range(const std::string& text, std::int64_t member_count) {
  const std::string_view all(text);
  const auto dash = all.find('-');
  MemberRange r;
  const bool ok = dash == std::string_view::npos
                      ? read_index(all, r.first)
                      : read_index(all.substr(0, dash), r.first) && read_index(all.substr(dash + 1), r.last);
  if (!ok) throw ConfigError(cat("--members '", text, "': expected a range of member indices A-B (or one index A)"));
  if (dash == std::string_view::npos) r.last = r.first;
  if (r.last < r.first)
    throw ConfigError(cat("--members ", text, ": an empty range (", r.last, " is below ", r.first, ")"));
  if (r.last >= member_count)
    throw ConfigError(
        cat("--members ", text, ": the ensemble has members 0-", member_count - 1, " (", member_count, " members)"));
  return r;
}

}  // namespace polder::app
