#include "store/schema_sql.hpp"

#include <string>

#include "store/store_error.hpp"

namespace liangzhu::store::detail {
namespace {

// Every child table starts its key with run_id, so deleting a run cascades cheaply.
constexpr const char* schema_v1 = R"sql(
CREATE TABLE runs (
  run_id        INTEGER PRIMARY KEY,
  scenario_name TEXT NOT NULL DEFAULT '',
  scenario_path TEXT NOT NULL DEFAULT '',
  scenario_text TEXT NOT NULL DEFAULT '',
  scenario_hash TEXT NOT NULL DEFAULT '',
  seed          INTEGER NOT NULL,
  threads       INTEGER NOT NULL,
  version       TEXT NOT NULL DEFAULT '',
  git_revision  TEXT NOT NULL DEFAULT '',
  start_date    TEXT NOT NULL,
  days_per_tick INTEGER NOT NULL CHECK (days_per_tick > 0),
  ticks_total   INTEGER NOT NULL,
  ticks_done    INTEGER NOT NULL DEFAULT 0,
  started_at    TEXT NOT NULL,
  ended_at      TEXT,
  status        TEXT NOT NULL
                CHECK (status IN ('running', 'complete', 'interrupted', 'failed')),
  label         TEXT
);
CREATE TABLE parameters (
  run_id INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
  key    TEXT NOT NULL,
  value  TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
);
CREATE TABLE groups (
  run_id      INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
  group_index INTEGER NOT NULL,
  name        TEXT NOT NULL,
  PRIMARY KEY (run_id, group_index)
);
CREATE TABLE series_catalog (
  run_id       INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
  series_index INTEGER NOT NULL,
  name         TEXT NOT NULL,
  unit         TEXT NOT NULL DEFAULT '',
  description  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, series_index)
);
CREATE TABLE event_kinds (
  run_id      INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
  kind_index  INTEGER NOT NULL,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, kind_index)
);
-- Tick-major key: a batch appends to one end of the tree instead of dirtying a page per
-- (group, series), which made one-tick batches 7x slower (docs/store.md, "Performance").
CREATE TABLE series (
  run_id       INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
  tick         INTEGER NOT NULL,
  group_index  INTEGER NOT NULL,
  series_index INTEGER NOT NULL,
  value        REAL,
  PRIMARY KEY (run_id, tick, group_index, series_index)
) WITHOUT ROWID;
CREATE TABLE events (
  run_id      INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
  tick        INTEGER NOT NULL,
  group_index INTEGER NOT NULL,
  kind_index  INTEGER NOT NULL,
  subject     INTEGER NOT NULL,
  value       REAL
);
CREATE INDEX events_by_tick ON events (run_id, tick);
CREATE TABLE summary (
  run_id      INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
  group_name  TEXT NOT NULL DEFAULT '',
  name        TEXT NOT NULL,
  value       REAL,
  text        TEXT,
  unit        TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, group_name, name)
);
CREATE TABLE snapshot_columns (
  run_id    INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
  column_id INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  name      TEXT NOT NULL,
  PRIMARY KEY (run_id, column_id),
  UNIQUE (run_id, kind, name)
);
CREATE TABLE snapshot_cells (
  run_id    INTEGER NOT NULL,
  tick      INTEGER NOT NULL,
  column_id INTEGER NOT NULL,
  agent_row INTEGER NOT NULL,
  value     REAL,
  PRIMARY KEY (run_id, tick, column_id, agent_row),
  FOREIGN KEY (run_id, column_id) REFERENCES snapshot_columns ON DELETE CASCADE
) WITHOUT ROWID;
CREATE VIEW snapshots AS
  SELECT c.run_id, c.tick, k.kind, c.agent_row, k.name AS column_name, c.value
  FROM snapshot_cells AS c JOIN snapshot_columns AS k USING (run_id, column_id);
CREATE VIEW series_named AS
  SELECT s.run_id, s.tick, g.name AS group_name, c.name AS series_name, c.unit, s.value
  FROM series AS s
  JOIN groups AS g USING (run_id, group_index)
  JOIN series_catalog AS c USING (run_id, series_index);
CREATE VIEW events_named AS
  SELECT e.run_id, e.tick, g.name AS group_name, k.name AS kind_name, e.subject, e.value
  FROM events AS e
  JOIN groups AS g USING (run_id, group_index)
  JOIN event_kinds AS k USING (run_id, kind_index);
)sql";

// Version 2 adds experiments (sweeps, compares, sensitivity analyses). A sweep's runs are ordinary
// runs; sweep_runs ties each (point, replicate) to the run that holds it, so a resumed sweep
// knows what is done, and the results tables hold what was computed from those runs.
constexpr const char* schema_v2_additions = R"sql(
CREATE TABLE sweeps (
  sweep_id        INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('sweep', 'compare', 'sensitivity')),
  experiment_path TEXT NOT NULL DEFAULT '',
  experiment_text TEXT NOT NULL,
  experiment_hash TEXT NOT NULL,
  master_seed     INTEGER NOT NULL,
  points          INTEGER NOT NULL,
  replicates      INTEGER NOT NULL,
  created_at      TEXT NOT NULL,
  ended_at        TEXT,
  status          TEXT NOT NULL CHECK (status IN ('running', 'complete', 'interrupted', 'failed'))
);
CREATE TABLE sweep_points (
  sweep_id INTEGER NOT NULL REFERENCES sweeps ON DELETE CASCADE,
  point    INTEGER NOT NULL,
  key      TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (sweep_id, point, key)
);
CREATE TABLE sweep_runs (
  sweep_id  INTEGER NOT NULL REFERENCES sweeps ON DELETE CASCADE,
  point     INTEGER NOT NULL,
  replicate INTEGER NOT NULL,
  seed      INTEGER NOT NULL,
  run_id    INTEGER NOT NULL REFERENCES runs ON DELETE CASCADE,
  PRIMARY KEY (sweep_id, point, replicate)
);
CREATE TABLE sweep_results (
  sweep_id INTEGER NOT NULL REFERENCES sweeps ON DELETE CASCADE,
  point    INTEGER NOT NULL,
  output   TEXT NOT NULL,
  n        INTEGER NOT NULL,
  mean     REAL,
  sd       REAL,
  ci_low   REAL,
  ci_high  REAL,
  PRIMARY KEY (sweep_id, point, output)
);
CREATE TABLE sensitivity_indices (
  sweep_id  INTEGER NOT NULL REFERENCES sweeps ON DELETE CASCADE,
  output    TEXT NOT NULL,
  parameter TEXT NOT NULL,
  measure   TEXT NOT NULL,
  value     REAL,
  ci_low    REAL,
  ci_high   REAL,
  PRIMARY KEY (sweep_id, output, parameter, measure)
);
)sql";

// Version 3 adds parameter uncertainty: which posterior draw each replicate of an experiment took,
// and Bayesian calibrations with every generation of their particles (long form: one row per
// particle and parameter or simulated target), written as each generation completes so that a
// killed calibration resumes from its last whole generation.
constexpr const char* schema_v3_additions = R"sql(
CREATE TABLE sweep_draws (
  sweep_id  INTEGER NOT NULL REFERENCES sweeps ON DELETE CASCADE,
  replicate INTEGER NOT NULL,
  draw      INTEGER NOT NULL,
  particle  INTEGER NOT NULL,
  PRIMARY KEY (sweep_id, replicate)
);
CREATE TABLE calibrations (
  calibration_id  INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  algorithm       TEXT NOT NULL,
  experiment_path TEXT NOT NULL DEFAULT '',
  experiment_text TEXT NOT NULL,
  experiment_hash TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  ended_at        TEXT,
  status          TEXT NOT NULL CHECK (status IN ('running', 'complete', 'interrupted', 'failed')),
  stop_reason     TEXT NOT NULL DEFAULT ''
);
CREATE TABLE calibration_generations (
  calibration_id INTEGER NOT NULL REFERENCES calibrations ON DELETE CASCADE,
  generation     INTEGER NOT NULL,
  tolerance      REAL,
  simulations    INTEGER NOT NULL,
  PRIMARY KEY (calibration_id, generation)
);
CREATE TABLE calibration_particles (
  calibration_id INTEGER NOT NULL REFERENCES calibrations ON DELETE CASCADE,
  generation     INTEGER NOT NULL,
  particle       INTEGER NOT NULL,
  proposal       INTEGER NOT NULL,
  weight         REAL NOT NULL,
  distance       REAL,
  PRIMARY KEY (calibration_id, generation, particle)
);
CREATE TABLE calibration_values (
  calibration_id INTEGER NOT NULL REFERENCES calibrations ON DELETE CASCADE,
  generation     INTEGER NOT NULL,
  particle       INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('parameter', 'simulated')),
  name           TEXT NOT NULL,
  value          REAL,
  PRIMARY KEY (calibration_id, generation, particle, kind, name)
);
)sql";

int user_version(database& db) {
  statement query(db, "PRAGMA user_version");
  query.step();
  const auto version = static_cast<int>(query.column_int(0));
  query.reset();
  return version;
}

bool has_tables(database& db) {
  statement query(db, "SELECT count(*) FROM sqlite_schema");
  query.step();
  const bool any = query.column_int(0) > 0;
  query.reset();
  return any;
}

[[noreturn]] void refuse(const database& db, const std::string& why) {
  throw store_error(db.path(), why);
}

}  // namespace

void prepare_schema(database& db, bool writable) {
  const int version = user_version(db);
  if (version > schema_version) {
    refuse(db, "schema version " + std::to_string(version) +
                   " is newer than this liangzhu reads (" + std::to_string(schema_version) +
                   "); use a newer liangzhu");
  }
  if (version == schema_version) return;
  // An older store opened read-only is read as it is: readers find no table it lacks.
  if (version >= 1 && !writable) return;
  if (version == 0) {
    if (has_tables(db)) refuse(db, "an SQLite database, but not a liangzhu run store");
    if (!writable) refuse(db, "empty, not a liangzhu run store");
  }
  // One transaction creates what is missing and stamps the version (user_version is
  // transactional): a store is either fully created or upgraded and stamped, or untouched.
  transaction tx(db);
  if (version == 0) db.exec(schema_v1);
  if (version < 2) db.exec(schema_v2_additions);
  db.exec(schema_v3_additions);
  db.exec(("PRAGMA user_version = " + std::to_string(schema_version)).c_str());
  tx.commit();
}

void refuse_foreign(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec) || std::filesystem::file_size(file, ec) == 0)
    return;  // missing or empty: a new store; anything else fails to open with its own message
  database db(file, open_mode::immutable);
  if (user_version(db) == 0 && has_tables(db))
    refuse(db, "an SQLite database, but not a liangzhu run store");
}

bool has_table(database& db, const char* name) {
  statement query(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?");
  query.bind_all(std::string_view(name));
  query.step();
  const bool found = query.column_int(0) > 0;
  query.reset();
  return found;
}

}  // namespace liangzhu::store::detail
