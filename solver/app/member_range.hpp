#pragma once
// `polder run --members A-B`: a range of ensemble members run by one job of a job array, which keeps
// their records for a gathering `--resume` run (docs/uncertainty.md, "Job arrays").

#include <cstdint>
#include <string>

namespace polder::app {

/// Members first .. last, both included.
struct MemberRange {
  std::int64_t first = 0;
  std::int64_t last = 0;
  std::int64_t count() const { return last - first + 1; }
};

/// Reads "A-B" or "A" (= "A-A") for an ensemble of `member_count` members. Throws ConfigError naming
/// --members for text that is not that, an empty range (B < A) or one outside 0 .. member_count - 1.
MemberRange parse_member_range(const std::string& text, std::int64_t member_count);

}  // namespace polder::app
