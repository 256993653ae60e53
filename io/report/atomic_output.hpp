#pragma once
// Output that appears whole or not at all: a file or folder is written under a temporary name next to
// its final one and renamed into place by commit(); if anything throws first, the destructor removes
// the temporary, so a failed report never leaves a partial workbook, CSV folder or HTML page.

#include <string>

namespace polder::io::report {

class AtomicFile {
 public:
  /// Refuses (InputError) a target that is an existing folder.
  explicit AtomicFile(std::string final_path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  /// Where to write.
  const std::string& temp_path() const { return m_temp; }
  /// Renames the temporary to the final name (replacing an older file of that name).
  void commit();

 private:
  std::string m_final;
  std::string m_temp;
  bool m_done = false;
};

class AtomicFolder {
 public:
  /// An existing target folder may hold only .csv files (an earlier report): it is replaced on commit.
  /// Anything else there (or a file of that name) is refused with an InputError.
  explicit AtomicFolder(std::string final_path);
  AtomicFolder(const AtomicFolder&) = delete;
  AtomicFolder& operator=(const AtomicFolder&) = delete;
  ~AtomicFolder();

  const std::string& temp_path() const { return m_temp; }
  void commit();

 private:
  std::string m_final;
  std::string m_temp;
  bool m_done = false;
};

}  // namespace polder::io::report
