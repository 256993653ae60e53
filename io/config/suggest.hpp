#pragma once
// "Did you mean ...?" suggestions for misspelt keys, options and names (Levenshtein distance).

#include <string>
#include <string_view>
#include <vector>

namespace polder::io {

/// Edit distance between two strings (insertions, deletions, substitutions).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, or "" if none is close enough to be a plausible typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "" — ready to append to an error message.
std::string suggestion_suffix(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace polder::io
