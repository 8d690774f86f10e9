// A job's result as bytes, for sending it from an MPI worker to rank 0. The layout is private to
// one build of liangzhu (every rank runs the same executable), so it carries no version.
#include "liangzhu/engine/archive.hpp"
#include "liangzhu/experiment/job.hpp"

namespace liangzhu::experiment {
namespace {

using engine::archive_reader;
using engine::archive_writer;

void write_strings(archive_writer& out, const std::vector<std::string>& values) {
  out.write<std::uint64_t>(values.size());
  for (const auto& v : values) out.write_string(v);
}

/// Reads a count of items that take at least `min_bytes` each, refusing counts the remaining
/// bytes cannot hold (a damaged length must not become a huge allocation).
std::size_t read_count(archive_reader& in, std::size_t min_bytes) {
  const auto n = in.read<std::uint64_t>();
  if (n > in.remaining() / min_bytes) in.fail("item count beyond the end");
  return static_cast<std::size_t>(n);
}

std::vector<std::string> read_strings(archive_reader& in) {
  std::vector<std::string> values(read_count(in, sizeof(std::uint64_t)));  // a length each
  for (auto& v : values) v = in.read_string();
  return values;
}

void write_run(archive_writer& out, const store::run_info& r) {
  for (const auto* s : {&r.scenario_name, &r.scenario_path, &r.scenario_text, &r.scenario_hash,
                        &r.version, &r.git_revision, &r.start_date, &r.label})
    out.write_string(*s);
  out.write(r.seed);
  out.write(r.threads);
  out.write(r.days_per_tick);
  out.write(r.ticks_total);
}

store::run_info read_run(archive_reader& in) {
  store::run_info r;
  for (auto* s : {&r.scenario_name, &r.scenario_path, &r.scenario_text, &r.scenario_hash,
                  &r.version, &r.git_revision, &r.start_date, &r.label})
    *s = in.read_string();
  r.seed = in.read<std::uint64_t>();
  r.threads = in.read<int>();
  r.days_per_tick = in.read<int>();
  r.ticks_total = in.read<std::int64_t>();
  return r;
}

void write_outputs(archive_writer& out, const recorded_outputs& o) {
  write_strings(out, o.groups);
  out.write<std::uint64_t>(o.series.size());
  for (const auto& s : o.series) write_strings(out, {s.name, s.unit, s.description});
  out.write<std::uint64_t>(o.event_kinds.size());
  for (const auto& k : o.event_kinds) write_strings(out, {k.name, k.description});
  out.write<std::uint64_t>(o.rows.size());
  for (const auto& row : o.rows) {
    out.write(row.tick);
    out.write(row.group);
    out.write_vector(row.values);
  }
  out.write_vector(o.events);
}

recorded_outputs read_outputs(archive_reader& in) {
  recorded_outputs o;
  o.groups = read_strings(in);
  o.series.resize(read_count(in, 24));
  for (auto& s : o.series) {
    const auto fields = read_strings(in);
    if (fields.size() != 3) in.fail("bad series entry");
    s = {fields[0], fields[1], fields[2]};
  }
  o.event_kinds.resize(read_count(in, 16));
  for (auto& k : o.event_kinds) {
    const auto fields = read_strings(in);
    if (fields.size() != 2) in.fail("bad event kind entry");
    k = {fields[0], fields[1]};
  }
  o.rows.resize(read_count(in, 14));
  for (auto& row : o.rows) {
    row.tick = in.read<std::int32_t>();
    row.group = in.read<std::uint16_t>();
    in.read_vector(row.values);
  }
  in.read_vector(o.events);
  return o;
}

}  // namespace

std::vector<char> serialize(const job_result& result) {
  archive_writer out;
  out.write(result.task);
  write_run(out, result.run);
  out.write<std::uint64_t>(result.parameters.size());
  for (const auto& [key, value] : result.parameters) write_strings(out, {key, value});
  out.write<std::uint64_t>(result.summary.size());
  for (const auto& row : result.summary) {
    write_strings(out, {row.group, row.name, row.text, row.unit, row.description});
    out.write<std::uint8_t>(row.value.has_value() ? 1 : 0);
    out.write(row.value.value_or(0.0));
  }
  write_outputs(out, result.outputs);
  return out.bytes();
}

job_result deserialize(std::string_view bytes) {
  archive_reader in(bytes, "a job result from another MPI rank");
  job_result result;
  result.task = in.read<job>();
  result.run = read_run(in);
  result.parameters.resize(read_count(in, 16));
  for (auto& [key, value] : result.parameters) {
    const auto fields = read_strings(in);
    if (fields.size() != 2) in.fail("bad parameter entry");
    key = fields[0];
    value = fields[1];
  }
  result.summary.resize(read_count(in, 49));
  for (auto& row : result.summary) {
    const auto fields = read_strings(in);
    if (fields.size() != 5) in.fail("bad summary entry");
    row.group = fields[0];
    row.name = fields[1];
    row.text = fields[2];
    row.unit = fields[3];
    row.description = fields[4];
    const bool has_value = in.read<std::uint8_t>() != 0;
    const double value = in.read<double>();
    if (has_value) row.value = value;
  }
  result.outputs = read_outputs(in);
  if (in.remaining() != 0) in.fail("trailing bytes");
  return result;
}

}  // namespace liangzhu::experiment
