#!/usr/bin/env bash
# Fails if any C++ file differs from .clang-format (prints the files and the fix command).
set -euo pipefail
cd "$(dirname "$0")/.."
bad=()
while IFS= read -r f; do
  clang-format --style=file --dry-run --Werror "$f" > /dev/null 2>&1 || bad+=("$f")
done < <(git ls-files '*.cpp' '*.hpp' '*.cc' 2>/dev/null || find solver io tests bench -name '*.[ch]pp' -o -name '*.cc')
if [ ${#bad[@]} -gt 0 ]; then
  printf 'clang-format: %s\n' "${bad[@]}"
  echo "fix with: clang-format -i --style=file <files>"
  exit 1
fi
echo "clang-format: all files formatted"
