#pragma once
// A finished ensemble member kept on disk, so that a killed ensemble resumes (`polder run --resume`)
// without running it again: its row of the ensemble table (the values it used of the sampled
// quantities, its net emissions per year and category, its totals) and an identity text of everything
// that decides those numbers. A record is read back only if its identity is this run's for that
// member, so a resumed ensemble equals an uninterrupted one bit for bit: the row is the same doubles.
//
// Records are `<run.checkpoint_dir>/members/member_<k>.h5`, written by the member's group root under a
// temporary name and renamed when complete (a crash leaves no record that looks whole).

#include <cstdint>
#include <optional>
#include <string>

#include "io/config/ensemble_config.hpp"
#include "solver/engine/ensemble_runner.hpp"
#include "solver/engine/simulation.hpp"

namespace polder::engine {

std::string member_record_path(const std::string& checkpoint_dir, std::int64_t member);

/// What decides member k's results: the program revision, the input and climate digests, the entry's
/// effective config (without the keys that only name outputs), its measures, the member's parameter
/// values, its draw and the ensemble's sampling keys.
std::string member_identity(const RunIdentity& run, const MemberSetup& setup, std::int64_t member,
                            const io::EnsembleConfig& ensemble);

/// Writes row `row` of `t` as the record of member t.members[row]. Throws OutputError if it cannot.
void write_member_record(const std::string& path, const std::string& identity, const EnsembleTables& t,
                         std::size_t row);

/// Appends member `member`'s record to `t` (whose years and parameters give the expected shapes) and
/// returns true; false if there is no record. Throws InputError naming the file if the record is of
/// another run (identity) or damaged.
bool read_member_record(const std::string& path, const std::string& identity, std::int64_t member, EnsembleTables& t);

}  // namespace polder::engine
