// Bayesian calibrations in a run store (schema version 3, docs/store.md): the calibration row,
// and each generation written whole in one transaction, so that a killed calibration finds its
// last whole generation and resumes after it.
#include "liangzhu/store/run_store.hpp"
#include "liangzhu/store/store_reader.hpp"
#include "store/schema_sql.hpp"
#include "store/sqlite_handle.hpp"
#include "store/store_error.hpp"
#include "store/store_state.hpp"
#include "store/utc_clock.hpp"

namespace liangzhu::store {

using detail::statement;
using detail::transaction;

std::int64_t run_store::begin_calibration(const calibration_info& info) {
  const std::scoped_lock lock{state_->mutex};
  auto& db = state_->db;
  transaction tx(db);
  statement insert(db,
                   "INSERT INTO calibrations (name, algorithm, experiment_path, experiment_text, "
                   "experiment_hash, created_at, status) VALUES (?, ?, ?, ?, ?, ?, 'running')");
  insert
      .bind_all(info.name, info.algorithm, info.experiment_path, info.experiment_text,
                info.experiment_hash, info.created_at.empty() ? detail::utc_now() : info.created_at)
      .run();
  const std::int64_t id = db.last_insert_rowid();
  tx.commit();
  return id;
}

void run_store::write_calibration_generation(std::int64_t calibration,
                                             const calibration_generation& g) {
  const std::scoped_lock lock{state_->mutex};
  auto& db = state_->db;
  transaction tx(db);
  for (const char* table :
       {"calibration_values", "calibration_particles", "calibration_generations"}) {
    statement clear(
        db, std::string("DELETE FROM ") + table + " WHERE calibration_id = ? AND generation = ?");
    clear.bind_all(calibration, g.generation).run();
  }
  statement generation(db,
                       "INSERT INTO calibration_generations (calibration_id, generation, "
                       "tolerance, simulations) VALUES (?, ?, ?, ?)");
  generation.bind_all(calibration, g.generation, g.tolerance, g.simulations).run();
  statement particle(db,
                     "INSERT INTO calibration_particles (calibration_id, generation, particle, "
                     "proposal, weight, distance) VALUES (?, ?, ?, ?, ?, ?)");
  statement value(db,
                  "INSERT INTO calibration_values (calibration_id, generation, particle, kind, "
                  "name, value) VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < g.particles.size(); ++i) {
    const auto& p = g.particles[i];
    const auto index = static_cast<std::int64_t>(i);
    particle.bind_all(calibration, g.generation, index, p.proposal, p.weight, p.distance).run();
    for (const auto& [name, v] : p.parameters)
      value.bind_all(calibration, g.generation, index, std::string_view("parameter"), name, v)
          .run();
    for (const auto& [name, v] : p.simulated)
      value.bind_all(calibration, g.generation, index, std::string_view("simulated"), name, v)
          .run();
  }
  tx.commit();
}

void run_store::finish_calibration(std::int64_t calibration, run_status status,
                                   const std::string& stop_reason) {
  const std::scoped_lock lock{state_->mutex};
  auto& db = state_->db;
  detail::write_making_room(db, [&] {
    transaction tx(db);
    statement update(db,
                     "UPDATE calibrations SET status = ?, stop_reason = ?, ended_at = ? "
                     "WHERE calibration_id = ?");
    update.bind_all(to_string(status), stop_reason, detail::utc_now(), calibration).run();
    if (db.changes() == 0)
      throw detail::store_error(db.path(), "no calibration " + std::to_string(calibration));
    tx.commit();
  });
}

namespace {

constexpr const char* select_calibrations =
    "SELECT calibration_id, name, algorithm, experiment_path, experiment_text, experiment_hash, "
    "created_at, ended_at, status, stop_reason FROM calibrations ";

std::vector<calibration_info> read_calibrations(detail::database& db, const std::string& where,
                                                std::optional<std::string_view> hash) {
  std::vector<calibration_info> rows;
  if (!detail::has_table(db, "calibrations")) return rows;
  statement select(db, select_calibrations + where);
  if (hash) select.bind_all(*hash);
  while (select.step()) {
    calibration_info c;
    c.calibration_id = select.column_int(0);
    c.name = select.column_text(1);
    c.algorithm = select.column_text(2);
    c.experiment_path = select.column_text(3);
    c.experiment_text = select.column_text(4);
    c.experiment_hash = select.column_text(5);
    c.created_at = select.column_text(6);
    c.ended_at = select.column_text(7);
    c.status = parse_run_status(select.column_text(8)).value_or(run_status::failed);
    c.stop_reason = select.column_text(9);
    rows.push_back(std::move(c));
  }
  return rows;
}

}  // namespace

std::vector<calibration_info> store_reader::list_calibrations() const {
  return read_calibrations(db(), "ORDER BY calibration_id", std::nullopt);
}

std::optional<calibration_info> store_reader::find_calibration_by_hash(
    std::string_view experiment_hash) const {
  auto rows = read_calibrations(db(), "WHERE experiment_hash = ? ORDER BY calibration_id DESC",
                                experiment_hash);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<calibration_generation> store_reader::read_calibration_generations(
    std::int64_t calibration) const {
  std::vector<calibration_generation> out;
  if (!detail::has_table(db(), "calibrations")) return out;
  statement generations(db(),
                        "SELECT generation, tolerance, simulations FROM calibration_generations "
                        "WHERE calibration_id = ? ORDER BY generation");
  generations.bind_all(calibration);
  while (generations.step())
    out.push_back({generations.column_int(0),
                   generations.column_optional_real(1),
                   generations.column_int(2),
                   {}});
  statement particles(db(),
                      "SELECT proposal, weight, distance FROM calibration_particles "
                      "WHERE calibration_id = ? AND generation = ? ORDER BY particle");
  statement values(db(),
                   "SELECT particle, kind, name, value FROM calibration_values "
                   "WHERE calibration_id = ? AND generation = ? ORDER BY rowid");
  for (auto& g : out) {
    particles.bind_all(calibration, g.generation);
    while (particles.step())
      g.particles.push_back({particles.column_int(0),
                             particles.column_real(1),
                             particles.column_optional_real(2),
                             {},
                             {}});
    values.bind_all(calibration, g.generation);
    while (values.step()) {
      const auto index = static_cast<std::size_t>(values.column_int(0));
      if (index >= g.particles.size())
        throw detail::store_error(db().path(),
                                  "calibration_values names a particle its generation lacks");
      auto& p = g.particles[index];
      if (values.column_text(1) == "parameter")
        p.parameters.emplace_back(values.column_text(2), values.column_real(3));
      else
        p.simulated.emplace_back(values.column_text(2), values.column_optional_real(3));
    }
  }
  return out;
}

}  // namespace liangzhu::store
