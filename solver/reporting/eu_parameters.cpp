#include "solver/reporting/eu_parameters.hpp"

#include <cctype>

namespace polder::reporting {

bool source_is_unverified(const std::string& source) {
  std::string head;
  for (const char c : source.substr(0, 12)) head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head.rfind("assumption", 0) == 0 || head.rfind("unverified", 0) == 0;
}

}  // namespace polder::reporting
