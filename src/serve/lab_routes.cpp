// The lab's API: a set-up as a scenario file, ensembles of it against its scenario under common
// random numbers (an experiment of the store, as `liangzhu compare` makes one), and the queue
// (what runs, what waits, pause and resume). Every request is checked in full before anything is
// written.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <string>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/job.hpp"
#include "liangzhu/experiment/output_names.hpp"
#include "liangzhu/experiment/plan.hpp"
#include "liangzhu/io/experiment.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "liangzhu/report/ensemble_data.hpp"
#include "liangzhu/store/atomic_file.hpp"
#include "serve/http_error.hpp"
#include "serve/lab_setup.hpp"
#include "serve/server_context.hpp"

namespace liangzhu::serve::detail {
namespace {

using nlohmann::json;

/// Most replicates an ensemble may ask for (each scenario runs this many times).
constexpr long max_replicates = 100;
/// The master seed of the lab's ensembles: `liangzhu compare`'s default, so that the CLI's
/// comparison of the downloaded file with its scenario is the lab's, run for run.
constexpr std::uint64_t lab_master_seed = 1;

/// Where the lab keeps the set-ups its ensembles run: a folder beside the store, one file per
/// set-up named by its hash, so an experiment's scenario stays readable after the server ends.
std::filesystem::path setup_file(const server_context& ctx, const io::scenario& resolved,
                                 const std::string& text) {
  const auto& store = ctx.options.store;
  const auto folder = store.parent_path() / (store.stem().string() + "-lab");
  const auto file = folder / fmt::format("setup-{}.toml", resolved.hash());
  try {
    std::filesystem::create_directories(folder);
    if (!std::filesystem::exists(file)) {
      store::atomic_file out(file);
      out.stream() << text;
      out.commit();
    }
  } catch (const std::filesystem::filesystem_error& e) {
    throw http_error(500, fmt::format("the lab cannot keep its set-up: {}", e.what()));
  } catch (const io_error& e) {
    throw http_error(500, fmt::format("the lab cannot keep its set-up: {}", e.what()));
  }
  return file;
}

long replicates_of(const json& body) {
  const long replicates = field<long>(body, "replicates", 5);
  if (replicates < 2 || replicates > max_replicates)
    throw http_error(
        400, fmt::format("'replicates' must be a whole number from 2 to {}", max_replicates));
  return replicates;
}

/// The ensemble of a set-up: replicate r of the scenario as it is and of the set-up with seed r.
ensemble_job parse_ensemble(const server_context& ctx, const json& body) {
  const lab_setup setup = parse_setup(body);
  // The run's length holds for both scenarios (as compare's --ticks), and the seed is the
  // replicate's: neither is a change to compare.
  const bool changes =
      !setup.policies.empty() || std::ranges::any_of(setup.overrides, [](const std::string& o) {
        return !o.starts_with("ticks=") && !o.starts_with("seed=") && !o.starts_with("name=");
      });
  if (!changes)
    throw http_error(400,
                     "the set-up changes nothing: change a value or add a policy to compare "
                     "it with its scenario");
  const io::scenario resolved = load_setup(ctx.catalog, setup);
  (void)model::read_parameters(resolved);  // the model's own checks, as `liangzhu validate`
  const auto file = setup_file(ctx, resolved, setup_toml(ctx.catalog, setup));
  const auto reference = std::filesystem::absolute(ctx.catalog.find(setup.scenario).file);
  io::experiment_spec spec;
  spec.name = fmt::format("lab: {} vs {}", resolved.string("name"), setup.scenario);
  spec.scenario = reference.string();
  spec.scenario_origin = {"dashboard", 0, 0};
  spec.replicates = replicates_of(body);
  // With posterior draws, pairs of replicates share a draw: the spread splits into the
  // parameters' share and luck's (docs/experiments.md, "Parameter uncertainty").
  if (field<bool>(body, "posterior", false)) {
    if (ctx.options.posterior.empty())
      throw http_error(400, "this server has no posterior: start it with --posterior FILE");
    if (spec.replicates % 2 != 0)
      throw http_error(400, "with posterior draws 'replicates' must be even (two seeds per draw)");
    spec.posterior = io::posterior_settings{
        ctx.options.posterior.string(), {"dashboard", 0, 0}, spec.replicates / 2, 2};
  }
  spec.master_seed = lab_master_seed;
  spec.ticks = resolved.integer("ticks");
  spec.outputs = experiment::headline_outputs();
  spec.output_origins.assign(spec.outputs.size(), {"dashboard", 0, 0});
  io::experiment_factor f;
  f.key = "scenario";
  f.origin = {"dashboard", 0, 0};
  f.values = {io::param_value(reference.string()), io::param_value(file.string())};
  spec.factors.push_back(f);
  spec.text = fmt::format("# liangzhu serve: {} against {}\n", file.string(), setup.scenario);
  const auto as_is = [](const std::string& argument, const io::value_origin&) {
    return std::filesystem::path(argument);
  };
  try {
    ensemble_job job{experiment::plan_experiment(spec, as_is, store::sweep_kind::compare),
                     field<std::string>(body, "label", "")};
    experiment::check_memory(job.plan, ensemble_settings(ctx.options.max_memory_bytes));
    if (job.label.size() > 200) throw http_error(400, "'label' is longer than 200 characters");
    if (job.label.empty()) job.label = spec.name;
    return job;
  } catch (const resource_error& e) {
    throw http_error(413, e.what());
  } catch (const input_error& e) {
    throw http_error(400, e.what());
  }
}

json ensemble_json(const ensemble_progress& p) {
  return {{"ensemble_id", p.ensemble_id},
          {"status", p.status},
          {"done", p.done},
          {"total", p.total},
          {"label", p.label},
          {"message", p.message},
          {"data", fmt::format("/api/ensembles/{}/data", p.ensemble_id)}};
}

std::int64_t id_in(const httplib::Request& req) {
  const std::string text = req.matches[1].str();
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size())
    throw http_error(404, fmt::format("there is no ensemble {}", text));
  return id;
}

ensemble_progress ensemble_of(const server_context& ctx, const httplib::Request& req) {
  const std::int64_t id = id_in(req);
  const auto p = ctx.queue.ensemble(id);
  if (!p) throw http_error(404, fmt::format("there is no ensemble {} of this server", id));
  return *p;
}

/// The scenario a request opens: {"toml": the text of a scenario file} or {"run": a run id}.
io::scenario opened_scenario(const server_context& ctx, const json& body) {
  constexpr std::size_t max_toml = 60 * 1024;  // the body limit is 64 KiB
  std::string text, source;
  if (const auto toml = body.find("toml"); toml != body.end() && toml->is_string()) {
    text = toml->get<std::string>();
    source = "<the file opened>";
    if (text.size() > max_toml) throw http_error(413, "the scenario file is too long to open");
  } else if (const auto run = body.find("run"); run != body.end() && run->is_number_integer()) {
    const auto info = ctx.store.reader().find_run(run->get<std::int64_t>());
    if (!info) throw http_error(404, fmt::format("there is no run {} in the store", run->dump()));
    text = info->scenario_text;
    source = fmt::format("<run {}>", info->run_id);
  } else {
    throw http_error(400, "the request needs 'toml' (a scenario file's text) or 'run' (a run id)");
  }
  try {
    return io::parse_scenario(text, source, model::scenario_schema());
  } catch (const input_error& e) {
    throw http_error(400, e.what());
  }
}

json queue_json(const server_context& ctx) {
  json items = json::array();
  for (const auto& e : ctx.queue.entries())
    items.push_back({{"kind", e.kind}, {"id", e.id}, {"label", e.label}});
  return {{"paused", ctx.queue.paused()}, {"items", std::move(items)}};
}

}  // namespace

void add_lab_routes(route_table& routes, server_context& ctx) {
  routes.post("/api/setup/toml", guarded([&ctx](const auto& req, auto& res) {
                const lab_setup setup = parse_setup(parse_body(req));
                const io::scenario resolved = load_setup(ctx.catalog, setup);
                (void)model::read_parameters(resolved);
                res.set_header(
                    "Content-Disposition",
                    fmt::format("attachment; filename=\"{}.toml\"", resolved.string("name")));
                res.set_content(setup_toml(ctx.catalog, setup), "application/toml");
              }));
  routes.post("/api/setup/open", guarded([&ctx](const auto& req, auto& res) {
                send_json(res, open_setup(ctx.catalog, opened_scenario(ctx, parse_body(req))));
              }));
  routes.post("/api/ensembles", guarded([&ctx](const auto& req, auto& res) {
                ensemble_job job = parse_ensemble(ctx, parse_body(req));
                const auto p = ctx.queue.submit(std::move(job));
                if (!p) throw queue_full(ctx);
                send_json(res, ensemble_json(*p), 202);
              }));
  routes.get(R"(/api/ensembles/(\d+))", guarded([&ctx](const auto& req, auto& res) {
               send_json(res, ensemble_json(ensemble_of(ctx, req)));
             }));
  routes.get(R"(/api/ensembles/(\d+)/data)", guarded([&ctx](const auto& req, auto& res) {
               const auto p = ensemble_of(ctx, req);
               send_json(res, report::ensemble_report_data(ctx.store.reader(), p.ensemble_id, {}));
             }));
  routes.post(R"(/api/ensembles/(\d+)/cancel)", guarded([&ctx](const auto& req, auto& res) {
                const auto p = ensemble_of(ctx, req);
                if (!ctx.queue.cancel_ensemble(p.ensemble_id))
                  throw http_error(
                      409, fmt::format("ensemble {} is not waiting or running", p.ensemble_id));
                send_json(res, ensemble_json(ctx.queue.ensemble(p.ensemble_id).value()), 202);
              }));
  routes.get(
      "/api/lab", guarded([&ctx](const auto&, auto& res) {
        const auto& posterior = ctx.options.posterior;
        send_json(res, {{"posterior",
                         posterior.empty() ? json(nullptr) : json(posterior.filename().string())}});
      }));
  routes.get("/api/queue",
             guarded([&ctx](const auto&, auto& res) { send_json(res, queue_json(ctx)); }));
  routes.post("/api/queue/pause", guarded([&ctx](const auto&, auto& res) {
                ctx.queue.set_paused(true);
                send_json(res, queue_json(ctx));
              }));
  routes.post("/api/queue/resume", guarded([&ctx](const auto&, auto& res) {
                ctx.queue.set_paused(false);
                send_json(res, queue_json(ctx));
              }));
}

}  // namespace liangzhu::serve::detail
