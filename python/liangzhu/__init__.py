"""liangzhu: an agent-based simulator of an AI innovation hub (Liangzhu, Hangzhou), in Python.

Three lines::

    import liangzhu
    run = liangzhu.run(liangzhu.Scenario.load("baseline").set("hub.liangzhu.noncompete.max_months", 6))
    run.series.query("series == 'tigers_total'")

Scenarios are loaded and checked by the same code as the ``liangzhu`` command (errors are
:class:`InputError` with ``file``, ``line``, ``column`` and ``key``); :func:`run` simulates in this
process with the GIL released and gives tidy pandas DataFrames, bit for bit the values ``liangzhu
run`` stores for the same scenario and seed; :func:`open_store` reads what the command wrote;
:func:`compare`, :func:`sweep`, :func:`sensitivity` and :func:`calibrate` run the command's
experiments into a store and return their results as DataFrames. docs/python.md has the whole
guide.
"""

from __future__ import annotations

import datetime as _datetime
import math as _math
import os as _os
import subprocess as _subprocess
import sys as _sys
import tempfile as _tempfile
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as _np
import pandas as _pd

from . import _paths

# The compiled module finds shipped scenarios by name through this (the CLI's own rule).
_os.environ.setdefault("LIANGZHU_SCENARIO_DIR", _paths.scenario_dir)

from ._liangzhu import (  # noqa: E402  (after the scenario folder is known)
    InputError,
    LiangzhuError,
    StoreError,
    __version__,
    _compare_paired,
    _run,
    _Scenario,
    _Store,
    git_revision,
)
from ._liangzhu import shipped_scenarios as _shipped_scenarios  # noqa: E402

__all__ = [
    "Scenario",
    "Run",
    "Store",
    "ExperimentResult",
    "CalibrationResult",
    "run",
    "open_store",
    "compare",
    "sweep",
    "sensitivity",
    "calibrate",
    "scenarios",
    "LiangzhuError",
    "InputError",
    "StoreError",
    "__version__",
]

PathLike = Union[str, "_os.PathLike[str]"]


def _toml_value(value: Any) -> str:
    """A Python value as the TOML text ``--set`` takes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, _np.integer)):
        return str(int(value))
    if isinstance(value, (float, _np.floating)):
        if not _math.isfinite(float(value)):
            raise InputError(f"{value!r} is not a finite number")
        return repr(float(value))
    if isinstance(value, _datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}"'
    raise InputError(f"{value!r} ({type(value).__name__}) is not a scenario value: use a number, "
                     "a bool, a string or a datetime.date")


def scenarios() -> _pd.DataFrame:
    """The shipped scenarios: name, file and description (what ``liangzhu scenarios`` lists)."""
    return _pd.DataFrame(_shipped_scenarios(), columns=["name", "file", "description"])


class Scenario:
    """A scenario: a file or shipped name, with changes made in Python.

    Every change is checked at once by the CLI's own rules (type, range, unit, did-you-mean), so
    an error surfaces where it is made as :class:`InputError`.
    """

    def __init__(self, name_or_path: PathLike) -> None:
        self._spec = _Scenario(_os.fspath(name_or_path))

    @classmethod
    def load(cls, name_or_path: PathLike) -> "Scenario":
        """A shipped scenario's name ("baseline") or a scenario file's path."""
        return cls(name_or_path)

    def set(self, key: str, value: Any) -> "Scenario":
        """Changes one key for the whole run (like ``--set KEY=VALUE``); returns the scenario."""
        self._spec.set(key, _toml_value(value))
        return self

    def policy(self, date: Union[str, _datetime.date], key: str, value: Any,
               hub: Optional[str] = None) -> "Scenario":
        """Changes hub key ``key`` to ``value`` from the week that contains ``date`` (a
        ``[[hub.<name>.policy]]`` entry); ``hub`` defaults to the scenario's first hub."""
        when = date.isoformat() if isinstance(date, _datetime.date) else str(date)
        self._spec.policy(hub or self.hubs[0], when, key, _toml_value(value))
        return self

    def validate(self) -> Dict[str, Any]:
        """Checks the scenario as ``liangzhu validate`` does: its file, name, number of
        parameters, hubs and the memory a run would need (bytes)."""
        return dict(self._spec.validate())

    def __getitem__(self, key: str) -> Any:
        return self._spec.value(key)

    def values(self) -> _pd.DataFrame:
        """Every resolved value (defaults, ``extends`` and changes applied): key and value."""
        return _pd.DataFrame(self._spec.values(), columns=["key", "value"])

    def to_toml(self) -> str:
        """The scenario with its changes as a TOML file that ``liangzhu validate`` accepts and
        ``liangzhu run`` runs to the same results."""
        return self._spec.to_toml()

    def save(self, path: PathLike) -> None:
        """Writes :meth:`to_toml` to ``path``."""
        with open(path, "w", encoding="utf-8") as out:
            out.write(self.to_toml())

    @property
    def name(self) -> str:
        """The scenario's one name (its ``name`` key, else its file's stem), as stores show it."""
        return str(self.validate()["name"])

    @property
    def hubs(self) -> List[str]:
        return list(self._spec.validate()["hubs"])

    @property
    def changes(self) -> List[str]:
        """The changes made in Python, as ``--set`` and policy texts."""
        policies = [f"policy {d}: hub.{h}.{k}={v}" for h, d, k, v in self._spec.policies]
        return list(self._spec.overrides) + policies

    def __repr__(self) -> str:
        changes = f", {len(self.changes)} changes" if self.changes else ""
        return f"Scenario({self._spec.argument!r}{changes})"


def _as_scenario(scenario: Union[Scenario, PathLike]) -> Scenario:
    return scenario if isinstance(scenario, Scenario) else Scenario(scenario)


def _units_frame(names: Sequence[str], units: Sequence[str], descriptions: Sequence[str]) -> _pd.DataFrame:
    return _pd.DataFrame({"name": list(names), "unit": list(units), "description": list(descriptions)})


def _summary_frame(rows: Iterable[Tuple[Any, ...]]) -> _pd.DataFrame:
    frame = _pd.DataFrame(list(rows), columns=["hub", "name", "value", "text", "unit", "description"])
    frame["value"] = frame["value"].astype("float64")
    frame.attrs["units"] = dict(zip(frame["name"], frame["unit"]))
    return frame


def _long_series(tick: _np.ndarray, date: Sequence[str], hub: Sequence[str], names: Sequence[str],
                 units: Sequence[str], values: _np.ndarray) -> _pd.DataFrame:
    """One row per (tick, hub, series): the tidy form, units in ``attrs["units"]``."""
    rows, columns = values.shape
    frame = _pd.DataFrame({
        "tick": _np.repeat(_np.asarray(tick), columns),
        "date": _pd.to_datetime(_np.repeat(_np.asarray(date, dtype=object), columns)),
        "hub": _pd.Categorical(_np.repeat(_np.asarray(hub, dtype=object), columns)),
        "series": _pd.Categorical(_np.tile(_np.asarray(names, dtype=object), rows), categories=list(names)),
        "value": values.reshape(-1),
    })
    frame.attrs["units"] = dict(zip(names, units))
    return frame


def _wide_series(tick: _np.ndarray, date: Sequence[str], hub: Sequence[str], names: Sequence[str],
                 units: Sequence[str], values: _np.ndarray) -> _pd.DataFrame:
    frame = _pd.DataFrame(values, columns=list(names), copy=False)
    frame.insert(0, "hub", _pd.Categorical(list(hub)))
    frame.insert(0, "date", _pd.to_datetime(list(date)))
    frame.insert(0, "tick", _np.asarray(tick))
    frame.attrs["units"] = dict(zip(names, units))
    return frame


class Run:
    """A finished run: its outputs as tidy DataFrames.

    ``series`` (one row per week, hub and series), ``series_wide`` (one column per series),
    ``summary`` (the end-of-run figures), ``events``, ``snapshots`` and ``units``. ``values`` is
    the (rows x series) float64 array the simulation filled, without a copy.
    """

    def __init__(self, raw: Dict[str, Any]) -> None:
        self._raw = raw
        self.seed: int = int(raw["seed"])
        self.scenario_name: str = raw["scenario_name"]
        self.scenario_file: str = raw["scenario_file"]
        self.hubs: List[str] = list(raw["hubs"])
        self.dates: List[str] = list(raw["dates"])
        self.values: _np.ndarray = raw["values"]

    def _row_columns(self) -> Tuple[_np.ndarray, List[str], List[str]]:
        ticks = self._raw["row_tick"]
        dates = [self.dates[t] for t in ticks]
        hubs = [self.hubs[h] for h in self._raw["row_hub"]]
        return ticks, dates, hubs

    @property
    def series(self) -> _pd.DataFrame:
        ticks, dates, hubs = self._row_columns()
        return _long_series(ticks, dates, hubs, self._raw["series_names"], self._raw["series_units"], self.values)

    @property
    def series_wide(self) -> _pd.DataFrame:
        ticks, dates, hubs = self._row_columns()
        return _wide_series(ticks, dates, hubs, self._raw["series_names"], self._raw["series_units"], self.values)

    @property
    def summary(self) -> _pd.DataFrame:
        return _summary_frame(self._raw["summary"])

    @property
    def units(self) -> _pd.DataFrame:
        """Every series' unit and meaning (docs/outputs.md)."""
        return _units_frame(self._raw["series_names"], self._raw["series_units"], self._raw["series_descriptions"])

    @property
    def events(self) -> _pd.DataFrame:
        kinds = self._raw["event_kinds"]
        ticks = self._raw["event_tick"]
        return _pd.DataFrame({
            "tick": ticks,
            "date": _pd.to_datetime([self.dates[t] for t in ticks]),
            "hub": _pd.Categorical([self.hubs[h] for h in self._raw["event_hub"]]),
            "kind": _pd.Categorical([kinds[k] for k in self._raw["event_kind"]]),
            "subject": self._raw["event_subject"],
            "value": self._raw["event_value"],
        })

    @property
    def snapshots(self) -> Dict[Tuple[int, str], _pd.DataFrame]:
        """Per-agent tables taken every ``snapshot_every`` weeks, by (tick, kind)."""
        return {(int(tick), kind): _pd.DataFrame(values, columns=list(columns))
                for tick, kind, columns, values in self._raw["snapshots"]}

    def figure(self, name: str, hub: Optional[str] = None) -> float:
        """One summary figure of a hub (the first by default), or a whole-run figure."""
        frame = self.summary
        hub = self.hubs[0] if hub is None else hub
        match = frame[(frame["name"] == name) & (frame["hub"].isin([hub, ""]))]
        if match.empty:
            raise InputError(f"no summary figure {name!r} for hub {hub!r}")
        return float(match["value"].iloc[0])

    def __repr__(self) -> str:
        return f"Run({self.scenario_name!r}, seed={self.seed}, {len(self.dates) - 1} weeks, hubs={self.hubs})"


class _Progress:
    """A one-line progress bar on stderr, redrawn in place (a terminal and Jupyter both honour
    the carriage return)."""

    def __init__(self) -> None:
        self.last = -1

    def __call__(self, tick: int, total: int, date: str) -> None:
        percent = 100 * tick // max(1, total)
        if percent == self.last and tick != total:
            return
        self.last = percent
        done = percent // 5
        _sys.stderr.write(f"\r[{'#' * done}{'.' * (20 - done)}] {percent:3d}%  week {tick}/{total}  {date}")
        if tick == total:
            _sys.stderr.write("\n")
        _sys.stderr.flush()


def _in_a_notebook() -> bool:
    shell = _sys.modules.get("IPython")
    try:
        return shell is not None and shell.get_ipython() is not None  # type: ignore[attr-defined]
    except Exception:  # pragma: no cover - an IPython without a shell
        return False


def run(scenario: Union[Scenario, PathLike], seed: Optional[int] = None, ticks: Optional[int] = None,
        threads: int = 1, snapshot_every: int = 0,
        progress: Union[bool, Callable[[int, int, str], None], None] = None,
        histories: Optional[PathLike] = None) -> Run:
    """Simulates ``scenario`` in this process and returns its outputs.

    ``seed`` and ``ticks`` override the scenario's; ``threads`` (<= 0: all cores) never changes
    the results. The GIL is released while the model steps; Ctrl-C stops it between two weeks
    (KeyboardInterrupt). ``progress``: True for a progress bar on stderr, False for none, a
    callable ``(tick, total, date)``, or None for a bar in a terminal or a notebook.
    ``histories``: a directory keeping the 2015-2025 histories (``start_from``) runs begin from,
    shared with later processes and the command line's ``--histories``; runs of one process
    share them in memory anyway. Results are the same either way.
    """
    if progress is None:
        progress = _sys.stderr.isatty() or _in_a_notebook()
    callback = _Progress() if progress is True else (progress or None)
    raw = _run(_as_scenario(scenario)._spec, seed, ticks, threads, snapshot_every, callback,
               _os.fspath(histories) if histories is not None else "")
    return Run(raw)


class Store:
    """A run store written by the ``liangzhu`` command (or by :func:`compare`...), read-only."""

    def __init__(self, path: PathLike) -> None:
        self._store = _Store(_os.fspath(path))
        self.path = _os.fspath(path)

    def runs(self) -> _pd.DataFrame:
        """One row per run: id, scenario, seed, status, weeks, label, overrides..."""
        return _pd.DataFrame(self._store.runs())

    def parameters(self, run: Optional[int] = None) -> _pd.DataFrame:
        """The resolved parameters of one run (or of every run), as text in TOML form."""
        ids = [run] if run is not None else list(self.runs()["run_id"])
        rows = [(i, key, value) for i in ids for key, value in self._store.parameters(int(i))]
        return _pd.DataFrame(rows, columns=["run_id", "key", "value"])

    def series(self, run: int, wide: bool = False) -> _pd.DataFrame:
        """A run's weekly series, tidy (one row per week, hub and series) or wide."""
        raw = self._store.series(int(run))
        build = _wide_series if wide else _long_series
        return build(raw["tick"], raw["date"], raw["hub"], raw["series_names"], raw["series_units"], raw["values"])

    def summary(self, run: Optional[int] = None) -> _pd.DataFrame:
        """The end-of-run figures of one run (or of every run, with a run_id column)."""
        if run is not None:
            return _summary_frame(self._store.summary(int(run)))
        frames = []
        for i in self.runs()["run_id"]:
            frame = _summary_frame(self._store.summary(int(i)))
            frame.insert(0, "run_id", int(i))
            frames.append(frame)
        return _pd.concat(frames, ignore_index=True) if frames else _summary_frame([])

    def events(self, run: int) -> _pd.DataFrame:
        raw = self._store.events(int(run))
        return _pd.DataFrame({"tick": raw["tick"], "hub": raw["hub"], "kind": raw["kind"],
                              "subject": raw["subject"], "value": raw["value"]})

    def experiments(self) -> _pd.DataFrame:
        """The sweeps, compares and sensitivity analyses the store holds."""
        return _pd.DataFrame(self._store.experiments())

    def experiment(self, experiment_id: int) -> "ExperimentResult":
        """An experiment's points, runs and per-point results."""
        return ExperimentResult(self, int(experiment_id), "")

    def __repr__(self) -> str:
        return f"Store({self.path!r})"


def open_store(path: PathLike) -> Store:
    """Opens a run store for reading (a missing or foreign file raises :class:`StoreError` or
    :class:`InputError`)."""
    return Store(path)


class ExperimentResult:
    """What an experiment left in its store: ``points`` (one row per point, a column per factor),
    ``runs`` (point, replicate, seed, run id, status), ``results`` (per point and output: n,
    mean, sd and the 95% confidence interval), ``sensitivity`` (a sensitivity analysis' indices:
    output, parameter, measure, value and bounds) and ``summaries`` (every replicate's figures).
    ``text`` is what the command printed."""

    def __init__(self, store: Store, experiment_id: int, text: str) -> None:
        self.store = store
        self.experiment_id = experiment_id
        self.text = text
        raw = store._store.experiment(experiment_id)
        coordinates = _pd.DataFrame(raw["points"], columns=["point", "key", "value"])
        self.points = (coordinates.pivot(index="point", columns="key", values="value").reset_index()
                       if not coordinates.empty else _pd.DataFrame(columns=["point"]))
        self.points.columns.name = None
        self.runs = _pd.DataFrame(raw["runs"], columns=["point", "replicate", "seed", "run_id", "status"])
        self.results = _pd.DataFrame(raw["results"], columns=["point", "output", "n", "mean", "sd", "ci_low", "ci_high"])
        # A sensitivity analysis: Sobol S1/ST or Morris mu_star/sigma per output and parameter.
        self.sensitivity = _pd.DataFrame(raw["sensitivity"],
                                         columns=["output", "parameter", "measure", "value", "ci_low", "ci_high"])

    def summaries(self, outputs: Optional[Sequence[str]] = None) -> _pd.DataFrame:
        """Each replicate's summary figures (its first hub's, or whole-run ones), one row per run
        and output: point, replicate, run_id, hub, output, value."""
        frames = []
        for _, r in self.runs.iterrows():
            figures = self.store.summary(int(r["run_id"]))
            if outputs is not None:
                figures = figures[figures["name"].isin(list(outputs))]
            figures = figures.assign(point=int(r["point"]), replicate=int(r["replicate"]), run_id=int(r["run_id"]))
            frames.append(figures[["point", "replicate", "run_id", "hub", "name", "value"]])
        return _pd.concat(frames, ignore_index=True).rename(columns={"name": "output"}) if frames else _pd.DataFrame()

    def differences(self, reference: int = 0) -> _pd.DataFrame:
        """Each point against ``reference`` replicate by replicate (common random numbers), as
        ``liangzhu compare`` prints it: per point and output the mean paired difference, its 95%
        interval and the paired t-test's p-value."""
        values = self.results[["output"]].drop_duplicates()["output"].tolist()
        per_run = self.summaries(values)
        hubs = per_run.groupby("output")["hub"].first()
        rows = []
        for output in values:
            first_hub = hubs.get(output, "")
            own = per_run[(per_run["output"] == output) & (per_run["hub"] == first_hub)]
            base = own[own["point"] == reference].set_index("replicate")["value"]
            for point in sorted(own["point"].unique()):
                if point == reference:
                    continue
                other = own[own["point"] == point].set_index("replicate")["value"]
                a = [float(base.get(r, _np.nan)) for r in sorted(base.index)]
                b = [float(other.get(r, _np.nan)) for r in sorted(base.index)]
                mean, low, high, p = _compare_paired(a, b)
                rows.append((point, output, mean, low, high, p))
        return _pd.DataFrame(rows, columns=["point", "output", "difference", "ci_low", "ci_high", "p_value"])

    def __repr__(self) -> str:
        return f"ExperimentResult(experiment {self.experiment_id} of {self.store.path!r})"


def _executable() -> str:
    return _os.environ.get("LIANGZHU_EXECUTABLE", _paths.executable)


def _command(arguments: List[str], quiet: bool) -> str:
    """Runs the ``liangzhu`` command; its stdout, or its error as InputError (exit 2) or
    StoreError (exit 3)."""
    done = _subprocess.run([_executable(), *arguments], capture_output=True, text=True)
    if not quiet and done.stderr:
        _sys.stderr.write(done.stderr)
    if done.returncode == 2:
        raise InputError(done.stderr.strip().removeprefix("liangzhu: error: "))
    if done.returncode == 3:
        raise StoreError(done.stderr.strip().removeprefix("liangzhu: error: "))
    if done.returncode != 0:
        raise LiangzhuError(f"liangzhu {arguments[0]} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def _store_for(out: Optional[PathLike]) -> str:
    if out is not None:
        return _os.fspath(out)
    folder = _tempfile.mkdtemp(prefix="liangzhu-")
    return _os.path.join(folder, "runs.db")


def _scenario_argument(scenario: Union[Scenario, PathLike], folder: str, index: int) -> str:
    """A scenario as the command takes it: a Scenario with changes is saved as a file."""
    if isinstance(scenario, Scenario):
        if not scenario.changes:
            return scenario._spec.argument
        path = _os.path.join(folder, f"{scenario.name}.toml")
        if _os.path.exists(path):
            path = _os.path.join(folder, f"{scenario.name}-{index}.toml")
        scenario.save(path)
        return path
    return _os.fspath(scenario)


def _latest_experiment(store: Store) -> int:
    return int(store.experiments()["experiment_id"].max())


def compare(scenarios: Sequence[Union[Scenario, PathLike]], outputs: Optional[Sequence[str]] = None,
            replicates: int = 10, seed: Optional[int] = None, ticks: Optional[int] = None,
            out: Optional[PathLike] = None, jobs: Optional[int] = None,
            posterior: Optional[PathLike] = None, draws: Optional[int] = None,
            quiet: bool = True) -> ExperimentResult:
    """``liangzhu compare``: the scenarios side by side under common random numbers, into the
    store ``out`` (a new temporary one by default). ``.results`` holds each scenario's means and
    intervals, ``.differences()`` the paired differences from the first, ``.text`` the table the
    command printed. Scenarios with Python changes are saved beside the store first."""
    store_path = _store_for(out)
    folder = _os.path.dirname(_os.path.abspath(store_path))
    arguments = ["compare", *[_scenario_argument(s, folder, i) for i, s in enumerate(scenarios)],
                 "--replicates", str(replicates), "--out", store_path]
    for output in outputs or []:
        arguments += ["--output", output]
    for flag, value in (("--seed", seed), ("--ticks", ticks), ("--jobs", jobs), ("--posterior", posterior),
                        ("--draws", draws)):
        if value is not None:
            arguments += [flag, _os.fspath(value) if isinstance(value, _os.PathLike) else str(value)]
    text = _command(arguments, quiet)
    store = open_store(store_path)
    return ExperimentResult(store, _latest_experiment(store), text)


def sweep(experiment: PathLike, out: Optional[PathLike] = None, jobs: Optional[int] = None,
          ticks: Optional[int] = None, replicates: Optional[int] = None, quiet: bool = True) -> ExperimentResult:
    """``liangzhu sweep EXPERIMENT``: every point and replicate of an experiment file."""
    store_path = _store_for(out)
    arguments = ["sweep", _os.fspath(experiment), "--out", store_path]
    for flag, value in (("--jobs", jobs), ("--ticks", ticks), ("--replicates", replicates)):
        if value is not None:
            arguments += [flag, str(value)]
    text = _command(arguments, quiet)
    store = open_store(store_path)
    return ExperimentResult(store, _latest_experiment(store), text)


def sensitivity(experiment: PathLike, method: str = "sobol", out: Optional[PathLike] = None,
                jobs: Optional[int] = None, ticks: Optional[int] = None, quiet: bool = True) -> ExperimentResult:
    """``liangzhu sensitivity EXPERIMENT``: Sobol indices or Morris screening; ``.text`` has the
    ranked tables the command printed and the store its ``sensitivity_indices``."""
    store_path = _store_for(out)
    arguments = ["sensitivity", _os.fspath(experiment), "--method", method, "--out", store_path]
    for flag, value in (("--jobs", jobs), ("--ticks", ticks)):
        if value is not None:
            arguments += [flag, str(value)]
    text = _command(arguments, quiet)
    store = open_store(store_path)
    return ExperimentResult(store, _latest_experiment(store), text)


class CalibrationResult:
    """What ``liangzhu calibrate`` found: ``scenario`` (the fit, or the posterior mean, as a
    :class:`Scenario`), ``posterior`` (ABC-SMC: the last generation's particles, weights and
    distances; None for BOBYQA), ``store`` and ``text`` (what the command printed)."""

    def __init__(self, scenario: Scenario, posterior: Optional[_pd.DataFrame], store: Store, text: str) -> None:
        self.scenario = scenario
        self.posterior = posterior
        self.store = store
        self.text = text

    def __repr__(self) -> str:
        kind = "posterior" if self.posterior is not None else "point fit"
        return f"CalibrationResult({kind}, store {self.store.path!r})"


def calibrate(experiment: PathLike, out: Optional[PathLike] = None, jobs: Optional[int] = None,
              quiet: bool = True) -> CalibrationResult:
    """``liangzhu calibrate EXPERIMENT`` into the store ``out``: BOBYQA's fit or ABC-SMC's
    posterior (``algorithm = "abc-smc"`` in the file's ``[calibration]``)."""
    import tomllib

    store_path = _store_for(out)
    folder = _os.path.dirname(_os.path.abspath(store_path))
    fitted = _os.path.join(folder, "calibrated.toml")
    arguments = ["calibrate", _os.fspath(experiment), "--out", store_path, "--write-scenario", fitted]
    if jobs is not None:
        arguments += ["--jobs", str(jobs)]
    with open(experiment, "rb") as file:
        algorithm = tomllib.load(file).get("calibration", {}).get("algorithm", "bobyqa")
    posterior_file = _os.path.join(folder, "posterior.csv")
    if algorithm == "abc-smc":
        arguments += ["--write-posterior", posterior_file]
    text = _command(arguments, quiet)
    posterior = _pd.read_csv(posterior_file, comment="#") if algorithm == "abc-smc" else None
    return CalibrationResult(Scenario(fitted), posterior, open_store(store_path), text)
