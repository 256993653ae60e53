#include "io/report/atomic_output.hpp"

#include <unistd.h>

#include <filesystem>

#include "solver/core/error.hpp"

namespace polder::io::report {
namespace fs = std::filesystem;

namespace {
std::string temp_name(const std::string& final_path) { return final_path + ".partial-" + std::to_string(::getpid()); }
}  // namespace

AtomicFile::AtomicFile(std::string final_path) : m_final(std::move(final_path)), m_temp(temp_name(m_final)) {
  if (fs::is_directory(m_final)) throw InputError(cat("'", m_final, "' is a folder, not a file to write"));
  const fs::path parent = fs::path(m_final).parent_path();
  if (!parent.empty() && !fs::is_directory(parent))
    throw InputError(cat("cannot write '", m_final, "': folder '", parent.string(), "' does not exist"));
}

AtomicFile::~AtomicFile() {
  if (m_done) return;
  std::error_code ec;
  fs::remove(m_temp, ec);
}

void AtomicFile::commit() {
  std::error_code ec;
  fs::rename(m_temp, m_final, ec);
  if (ec) throw InputError(cat("cannot write '", m_final, "': ", ec.message()));
  m_done = true;
}

AtomicFolder::AtomicFolder(std::string final_path) : m_final(std::move(final_path)), m_temp(temp_name(m_final)) {
  while (m_final.size() > 1 && m_final.back() == '/') m_final.pop_back();
  m_temp = temp_name(m_final);
  if (fs::exists(m_final)) {
    if (!fs::is_directory(m_final)) throw InputError(cat("'", m_final, "' exists and is not a folder"));
    for (const auto& e : fs::directory_iterator(m_final))
      if (!e.is_regular_file() || e.path().extension() != ".csv")
        throw InputError(cat("'", m_final, "' exists and holds ", e.path().filename().string(),
                             ", which is not a CSV file of a report: choose an empty or new folder"));
  }
  const fs::path parent = fs::path(m_final).parent_path();
  if (!parent.empty() && !fs::is_directory(parent))
    throw InputError(cat("cannot write '", m_final, "': folder '", parent.string(), "' does not exist"));
  std::error_code ec;
  fs::remove_all(m_temp, ec);
  fs::create_directory(m_temp, ec);
  if (ec) throw InputError(cat("cannot create folder '", m_temp, "': ", ec.message()));
}

AtomicFolder::~AtomicFolder() {
  if (m_done) return;
  std::error_code ec;
  fs::remove_all(m_temp, ec);
}

void AtomicFolder::commit() {
  std::error_code ec;
  const std::string old = m_final + ".old-" + std::to_string(::getpid());
  const bool replace = fs::exists(m_final);
  if (replace) fs::rename(m_final, old, ec);
  if (!ec) fs::rename(m_temp, m_final, ec);
  if (ec) throw InputError(cat("cannot write folder '", m_final, "': ", ec.message()));
  if (replace) fs::remove_all(old, ec);
  m_done = true;
}

}  // namespace polder::io::report
