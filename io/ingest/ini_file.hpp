#pragma once
// A small INI reader for ingest configs and class-mapping tables: `[section]` headers, `key = value`
// lines, `#` or `;` comments (whole-line or after a value). Every entry keeps its line number so
// errors can point at it. Parsing only: what the keys mean is the caller's business.

#include <string>
#include <vector>

namespace polder::io::ingest {

struct IniEntry {
  std::string section;  ///< "" before the first header
  std::string key;
  std::string value;
  int line = 0;
};

class IniFile {
 public:
  /// Reads `path`; throws ConfigError if it cannot be read or a line is malformed.
  static IniFile read(const std::string& path);

  const std::string& path() const { return m_path; }
  const std::vector<IniEntry>& entries() const { return m_entries; }
  /// Section names in file order, each once.
  const std::vector<std::string>& sections() const { return m_sections; }
  /// "file:line" for messages.
  std::string where(const IniEntry& e) const;

 private:
  std::string m_path;
  std::vector<IniEntry> m_entries;
  std::vector<std::string> m_sections;
};

}  // namespace polder::io::ingest
