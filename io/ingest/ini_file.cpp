#include "io/ingest/ini_file.hpp"

#include <algorithm>
#include <sstream>

#include "io/config/ini_text.hpp"

#include "solver/core/error.hpp"

namespace polder::io::ingest {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

/// Drops a comment: `#` or `;` at the start of the line or after whitespace.
std::string strip_comment(const std::string& line) {
  for (std::size_t i = 0; i < line.size(); ++i)
    if ((line[i] == '#' || line[i] == ';') && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
      return line.substr(0, i);
  return line;
}

}  // namespace

IniFile IniFile::read(const std::string& path) {
  std::istringstream in(read_ini_text(path, "ingest file", IniSyntax::own_parser));
  IniFile file;
  file.m_path = path;
  std::string section, raw;
  int line = 0;
  while (std::getline(in, raw)) {
    ++line;
    const std::string text = trim(strip_comment(raw));
    if (text.empty()) continue;
    if (text.front() == '[') {
      if (text.back() != ']' || text.size() < 3)
        throw ConfigError(cat(path, ":", line, ": malformed section header '", text, "'"));
      section = trim(text.substr(1, text.size() - 2));
      if (std::find(file.m_sections.begin(), file.m_sections.end(), section) != file.m_sections.end())
        throw ConfigError(cat(path, ":", line, ": section [", section, "] appears twice"));
      file.m_sections.push_back(section);
      continue;
    }
    const auto eq = text.find('=');
    if (eq == std::string::npos || trim(text.substr(0, eq)).empty())
      throw ConfigError(cat(path, ":", line, ": expected 'key = value', found '", text, "'"));
    const std::string key = trim(text.substr(0, eq));
    for (const auto& e : file.m_entries)
      if (e.section == section && e.key == key)
        throw ConfigError(cat(path, ":", line, ": key '", key, "' repeats line ", e.line,
                              section.empty() ? std::string() : cat(" in [", section, "]")));
    file.m_entries.push_back({section, key, trim(text.substr(eq + 1)), line});
  }
  return file;
}

std::string IniFile::where(const IniEntry& e) const { return cat(m_path, ":", e.line); }

}  // namespace polder::io::ingest
