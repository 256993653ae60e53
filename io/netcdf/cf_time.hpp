#pragma once
// CF time coordinates: days since 1850-01-01 in the proleptic Gregorian calendar.

#include <cstdint>

namespace polder::io {

/// Days from 1970-01-01 to the civil date (year, month 1-12, day 1-31), proleptic Gregorian: the
/// year is counted from March so the leap day falls at the end, then whole 400-year eras of 146 097
/// days, years of 365 days plus the leap days, and the days of the months since March (153 days per
/// five months).
constexpr std::int64_t days_since_1970(std::int32_t year, std::int32_t month, std::int32_t day) {
  const std::int64_t y = month <= 2 ? year - 1 : year;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t year_of_era = y - era * 400;
  const std::int64_t month_from_march = month > 2 ? month - 3 : month + 9;
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

constexpr std::int64_t days_since_1850(std::int32_t year, std::int32_t month, std::int32_t day) {
  return days_since_1970(year, month, day) - days_since_1970(1850, 1, 1);
}

static_assert(days_since_1970(1970, 1, 1) == 0);
static_assert(days_since_1970(2000, 3, 1) == 11017);
static_assert(days_since_1970(1969, 12, 31) == -1);

}  // namespace polder::io
