"""The Python package against the command: the same scenario and seed give the same values bit for
bit, errors carry where they were made, and stores and experiments read back as DataFrames."""

import os
import signal
import subprocess
import threading
import time

import numpy as np
import pandas as pd
import pytest

import liangzhu

SOURCE = os.environ.get("LIANGZHU_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SMALL = os.path.join(SOURCE, "tests", "model", "data", "small.toml")


def cli(*arguments, cwd=None):
    done = subprocess.run([liangzhu._executable(), *arguments], capture_output=True, text=True, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_run_is_bit_for_bit_the_run_the_command_stores(tmp_path):
    store_file = tmp_path / "runs.db"
    cli("run", SMALL, "--seed", "5", "--ticks", "40", "--out", str(store_file), "-q")
    mine = liangzhu.run(SMALL, seed=5, ticks=40, progress=False)
    store = liangzhu.open_store(store_file)
    stored = store.series(1, wide=True)
    names = list(mine.series_wide.columns[3:])
    assert names == list(stored.columns[3:])
    assert np.array_equal(stored[names].to_numpy(), mine.values)  # exactly, not approximately
    a = mine.summary.set_index(["hub", "name"])["value"]
    b = store.summary(1).set_index(["hub", "name"])["value"]
    assert a.equals(b)


def test_results_do_not_depend_on_threads():
    one = liangzhu.run(SMALL, seed=3, ticks=30, threads=1, progress=False)
    two = liangzhu.run(SMALL, seed=3, ticks=30, threads=2, progress=False)
    assert np.array_equal(one.values, two.values)


def test_a_history_kept_on_disk_gives_the_run_that_simulated_it(tmp_path):
    from_history = os.path.join(SOURCE, "tests", "model", "data", "small_from_history.toml")
    histories = tmp_path / "histories"
    first = liangzhu.run(from_history, seed=4, ticks=10, progress=False, histories=histories)
    kept = list(histories.glob("*.history"))
    assert len(kept) == 1  # the history, simulated once and written
    again = liangzhu.run(from_history, seed=4, ticks=10, progress=False, histories=histories)
    plain = liangzhu.run(from_history, seed=4, ticks=10, progress=False)
    assert np.array_equal(first.values, again.values)
    assert np.array_equal(first.values, plain.values)
    assert list(histories.glob("*.history")) == kept


def test_series_are_tidy_with_units():
    run = liangzhu.run(SMALL, seed=1, ticks=20, progress=False)
    series = run.series
    assert list(series.columns) == ["tick", "date", "hub", "series", "value"]
    assert series["value"].dtype == np.float64
    assert str(series["date"].dtype).startswith("datetime64")
    hubs = len(run.hubs)
    assert len(series) == 20 * hubs * len(run.units)
    assert series.attrs["units"]["tigers_total"] == "startups"
    assert run.units.set_index("name").loc["poached_weekly", "unit"] == "engineers per week"
    assert run.values.flags["C_CONTIGUOUS"] and run.values.base is not None  # the run's own buffer
    assert run.figure("startups_founded") >= 0
    assert set(run.events.columns) == {"tick", "date", "hub", "kind", "subject", "value"}


def test_a_bad_scenario_raises_where_the_command_would_say():
    with pytest.raises(liangzhu.InputError) as missing:
        liangzhu.Scenario.load("baselin")
    assert "did you mean" in str(missing.value) and "baseline" in str(missing.value)
    scenario = liangzhu.Scenario.load(SMALL)
    with pytest.raises(liangzhu.InputError) as typo:
        scenario.set("hub.test.noncompete.max_monts", 6)
    assert typo.value.key.endswith("max_monts") and "max_months" in str(typo.value)
    with pytest.raises(liangzhu.InputError) as out_of_range:
        scenario.set("hub.test.noncompete.enforceable", 3)
    assert out_of_range.value.file == "--set"
    assert isinstance(out_of_range.value, ValueError)
    assert scenario.changes == []  # a refused change is not kept
    with pytest.raises(liangzhu.InputError) as bad_policy:
        scenario.policy("2025-03-01", "noncompete.enforceable", -1)
    assert bad_policy.value.file == "<policies added in Python>" and bad_policy.value.line > 0
    with pytest.raises(liangzhu.InputError):
        scenario.policy("2040-01-01", "noncompete.enforceable", 0.5)  # after the run ends


def test_changes_and_policies_change_the_run_and_round_trip_through_toml(tmp_path):
    scenario = (liangzhu.Scenario.load(SMALL)
                .set("hub.test.founding.ideas_per_year", 0.004)
                .policy("2025-04-01", "government.local.subsidy_per_startup_cny", 0))
    assert scenario["hub.test.founding.ideas_per_year"] == 0.004
    assert len(scenario.changes) == 2
    base = liangzhu.run(SMALL, seed=2, ticks=30, progress=False)
    changed = liangzhu.run(scenario, seed=2, ticks=30, progress=False)
    assert not np.array_equal(base.values, changed.values)
    path = tmp_path / "changed.toml"
    scenario.save(path)
    assert "ok:" in cli("validate", str(path))
    cli("run", str(path), "--seed", "2", "--ticks", "30", "--out", str(tmp_path / "r.db"), "-q")
    stored = liangzhu.open_store(tmp_path / "r.db").series(1, wide=True)
    assert np.array_equal(stored.iloc[:, 3:].to_numpy(), changed.values)


def test_ctrl_c_stops_a_run_between_weeks():
    def interrupt(tick, total, date):
        if tick == 5:
            signal.raise_signal(signal.SIGINT)

    with pytest.raises(KeyboardInterrupt):
        liangzhu.run(SMALL, seed=1, ticks=200, progress=interrupt)


def test_the_gil_is_released_while_the_model_steps():
    ticks = []
    stop = threading.Event()

    def count():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    started = time.perf_counter()
    liangzhu.run(SMALL, seed=1, ticks=300, progress=False)
    ended = time.perf_counter()
    stop.set()
    counter.join()
    during = [t for t in ticks if started < t < ended]
    # A held GIL would let the counter run only between weeks (a switch every 5 ms at best).
    assert len(during) >= max(3, int((ended - started) / 0.01)), (len(during), ended - started)


def test_a_store_reads_as_dataframes_and_refuses_what_is_not_one(tmp_path):
    cli("run", SMALL, "--seed", "4", "--ticks", "20", "--out", str(tmp_path / "r.db"), "-q",
        "--set", "hub.test.noncompete.max_months=6")
    store = liangzhu.open_store(tmp_path / "r.db")
    runs = store.runs()
    assert runs.loc[0, "status"] == "complete" and runs.loc[0, "overrides"] == ["hub.test.noncompete.max_months=6"]
    parameters = store.parameters(1).set_index("key")["value"]
    assert parameters["hub.test.noncompete.max_months"] == "6.0"
    assert len(store.events(1)) > 0
    with pytest.raises(liangzhu.InputError):
        store.series(99)
    (tmp_path / "notes.db").write_text("not a store, only text long enough to be looked at\n")
    with pytest.raises(liangzhu.StoreError):
        liangzhu.open_store(tmp_path / "notes.db")
    with pytest.raises(liangzhu.InputError):
        liangzhu.open_store(tmp_path / "missing.db")


def test_compare_returns_what_the_command_prints(tmp_path):
    rich = liangzhu.Scenario.load(SMALL).set("hub.test.government.local.subsidy_per_startup_cny", 5e6)
    result = liangzhu.compare([SMALL, rich], outputs=["government_spending_cny", "startups_founded"],
                              replicates=3, ticks=40, out=tmp_path / "c.db")
    assert "common random numbers" in result.text
    assert len(result.runs) == 6 and set(result.runs["status"]) == {"complete"}
    means = result.results.set_index(["point", "output"])["mean"]
    assert means[(1, "government_spending_cny")] > means[(0, "government_spending_cny")]
    differences = result.differences().set_index("output")
    assert differences.loc["government_spending_cny", "difference"] > 0
    assert differences.loc["startups_founded", "difference"] == 0  # same luck, same startups
    assert set(result.points.columns) == {"point", "scenario"}
    with pytest.raises(liangzhu.InputError):
        liangzhu.compare([SMALL, rich], outputs=["no_such_figure"], replicates=2, out=tmp_path / "d.db")


def test_help_says_what_each_function_does():
    for function in (liangzhu.run, liangzhu.open_store, liangzhu.compare, liangzhu.Scenario.policy):
        assert function.__doc__ and len(function.__doc__) > 60
    assert liangzhu.__version__
    assert "baseline" in set(liangzhu.scenarios()["name"])


def experiment_file(tmp_path, extra=""):
    path = tmp_path / "experiment.toml"
    path.write_text(
        f'name = "py_grid"\nscenario = "{SMALL}"\nreplicates = 2\nmaster_seed = 7\nticks = 20\n'
        'outputs = ["startups_founded", "government_spending_cny"]\n'
        '[[vary]]\nkey = "hub.test.government.local.subsidy_per_startup_cny"\nfrom = 0\nto = 3000000\nsteps = 2\n'
        '[[vary]]\nkey = "hub.test.noncompete.max_months"\nfrom = 0\nto = 24\nsteps = 2\n' + extra)
    return path


def test_sweep_and_sensitivity_return_the_stored_results(tmp_path):
    swept = liangzhu.sweep(experiment_file(tmp_path), out=tmp_path / "s.db")
    assert len(swept.points) == 4 and {"point"} < set(swept.points.columns)
    assert len(swept.runs) == 8
    assert set(swept.results["output"]) == {"startups_founded", "government_spending_cny"}
    screened = liangzhu.sensitivity(experiment_file(tmp_path, "[sensitivity]\ntrajectories = 3\n"),
                                    method="morris", out=tmp_path / "m.db")
    assert set(screened.sensitivity["measure"]) >= {"mu_star", "sigma"}
    assert set(screened.sensitivity["parameter"]) == {"hub.test.government.local.subsidy_per_startup_cny",
                                                       "hub.test.noncompete.max_months"}
    assert "mu_star" in screened.text or "mu*" in screened.text


def test_calibrate_returns_the_posterior_and_its_mean_as_a_scenario(tmp_path):
    experiment = tmp_path / "abc.toml"
    experiment.write_text(
        f'scenario = "{SMALL}"\nreplicates = 1\nticks = 8\n'
        '[[vary]]\nkey = "hub.test.talent.engineers"\nlow = 1000\nhigh = 6000\n'
        '[[target]]\noutput = "engineers"\ndate = 2025-02-01\nvalue = 4000\nscale = 100\n'
        '[calibration]\nalgorithm = "abc-smc"\nparticles = 16\ngenerations = 2\n')
    result = liangzhu.calibrate(experiment, out=tmp_path / "c.db")
    assert result.posterior is not None and len(result.posterior) == 16
    assert "hub.test.talent.engineers" in result.posterior.columns
    mean = result.scenario["hub.test.talent.engineers"]
    assert 1000 <= mean <= 6000
