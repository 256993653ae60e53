#pragma once
// The fuzz input as a file, for readers that take a path: written once per input to a private file
// in /dev/shm (memory), removed by the destructor.

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

namespace polder::fuzz {

class FuzzFile {
 public:
  FuzzFile(const std::uint8_t* data, std::size_t size, const char* suffix)
      : m_path("/dev/shm/polder-fuzz-" + std::to_string(::getpid()) + suffix) {
    std::FILE* f = std::fopen(m_path.c_str(), "wb");
    if (f == nullptr) __builtin_trap();
    if (size > 0 && std::fwrite(data, 1, size, f) != size) __builtin_trap();
    std::fclose(f);
  }
  FuzzFile(const FuzzFile&) = delete;
  FuzzFile& operator=(const FuzzFile&) = delete;
  ~FuzzFile() { std::remove(m_path.c_str()); }
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

}  // namespace polder::fuzz
