#!/usr/bin/env python3
"""Compile-time benchmark of `#[derive(ApiError)]`.

Part 1 ("crates"): for each N, three generated crates define the same error
enum of N variants (variant i has i % 3 named fields, u32 / String; every
other variant with fields has a `{field}` placeholder in its message, the
u32 and the String field in turn):

  apierror     #[derive(Debug, ApiError)] with #[code], #[status], #[message]
  both         #[derive(Debug, thiserror::Error, ApiError)]: thiserror's
               #[error] and ApiError's attributes on one enum (the
               documented way to use the two together), #[message] the
               same text as #[error]
  both_own     the same, each #[message] a text of its own (the #[error]
               text and a period): the public message is then not
               thiserror's Display, and the derive writes it (part 3 only)
  thiserror    #[derive(Debug, thiserror::Error)] with #[error] plus
               hand-written code() / status() / message() matches that
               return `&'static str` (the message template: the same work as
               ApiError's descriptor lookups, no `format!`)
  handwritten  #[derive(Debug)] only: hand-written Display, Error and the
               same three matches

and three rebuilds of each are timed: after `touch src/lib.rs` and after
editing one message (incremental on, the dev-profile default), and a full
rebuild of the crate alone with CARGO_INCREMENTAL=0 after `cargo clean -p`.

Part 2 ("derive"): the cold build, with its dependencies, of a crate that
depends only on `apierror-derive` (this repository, by path) or only on
`thiserror-impl` (crates.io, the version in Cargo.lock), after `cargo clean`,
with `-j 2`. CARGO_INCREMENTAL=0 for both, as a crates.io dependency is
never built incrementally.

Part 3 ("instructions", run with --only instructions): the instructions
rustc executes to build each generated crate of part 1 from scratch
(CARGO_INCREMENTAL=0, the derives included), counted by valgrind's
callgrind: one run each, repeatable to a few parts per million, whatever
else the machine does. The rustc command is the one cargo runs (read from
`cargo build -v`), run again under valgrind; about 1.5 min per crate at
N = 1000 on this machine.

    python3 benches/compile/run.py --only instructions --ns 1000

Every figure of parts 1 and 2 is the median of --runs runs after one warm-up, the ways
interleaved (A, B, C, A, B, C, ...); a ratio is the median of the per-run
ratios. Wall time is measured with time.perf_counter() around `cargo build`,
CPU time (user + sys of cargo and every rustc) from getrusage(RUSAGE_CHILDREN).

Everything is generated in a scratch directory (default target/compile-bench/
of this repository, which is git-ignored). The generated crates get a copy of
this repository's Cargo.lock, so they build the exact dependency versions the
repository is tested with; after a first `cargo fetch` every build runs with
--offline.

    python3 benches/compile/run.py                      # N = 100, 500, 1000; 5 runs; both parts
    python3 benches/compile/run.py --quick              # N = 100, 2 runs: checks that the script works
    python3 benches/compile/run.py --out bench.md       # also write the tables as Markdown
    python3 benches/compile/run.py --only crates --ns 500 --runs 7
    python3 benches/compile/run.py --rev HEAD           # apierror as committed, not the working tree

By default the generated crates depend on this repository's working tree,
uncommitted changes included (the report says so). With --rev, apierror is
taken from a commit instead, extracted with `git archive` into the scratch
directory: results then do not depend on edits made during the run, and two
revisions can be compared.

Run it on an otherwise idle machine: a run whose cargo output shows a
dependency being rebuilt (the repository edited meanwhile) or a wait for a
cargo lock is discarded and repeated.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import resource
import statistics
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WAYS = ("apierror", "both", "thiserror", "handwritten")
STATUSES = (400, 404, 409, 422, 500)
ENUM = "BenchError"
# Variant 0's message; the "edit" scenario switches between the two.
EDIT_TEXTS = ("The first operation failed", "The first operation failed again")
SCENARIOS = {
    "touch": "touch src/lib.rs (incremental)",
    "edit": "edit one message (incremental)",
    "full": "full rebuild, CARGO_INCREMENTAL=0",
}
DERIVES = ("apierror-derive", "thiserror-impl")
# Targets by N: apierror against thiserror, and `both` (thiserror plus
# ApiError on one enum) against thiserror. Below N = 1000 a fixed cost
# weighs more.
def targets(n: int) -> tuple[float, float]:
    return (1.10, 1.35) if n >= 1000 else (1.25, 1.45)
DERIVE_TARGET = 1.2
# A discarded run (dependency rebuilt, lock wait) is repeated at most this often.
RETRIES = 3
# Environment that would change what is measured; removed for every cargo call.
SCRUBBED_ENV = (
    "CARGO_INCREMENTAL",
    "CARGO_BUILD_INCREMENTAL",
    "CARGO_PROFILE_DEV_INCREMENTAL",
    "RUSTC_WRAPPER",
    "RUSTC_WORKSPACE_WRAPPER",
    "CARGO_BUILD_RUSTC_WRAPPER",
    "CARGO_BUILD_RUSTC_WORKSPACE_WRAPPER",
    "CARGO_TARGET_DIR",
    "CARGO_BUILD_TARGET_DIR",
    "CARGO_BUILD_JOBS",
)


class Failure(Exception):
    """A fatal problem, reported without a traceback."""


def log(text: str = "") -> None:
    print(text, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# The generated enum
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    index: int
    fields: tuple[tuple[str, str], ...]  # (name, Rust type)
    text: str  # the message as a format string, e.g. "Operation 4 failed for {id}"
    placeholder: str | None  # the field the message interpolates

    @property
    def name(self) -> str:
        return f"Variant{self.index:04}"

    @property
    def code(self) -> str:
        return f"E-{self.index:04}"

    @property
    def status(self) -> int:
        return STATUSES[self.index % len(STATUSES)]

    def sample_values(self) -> dict[str, str]:
        """The field values of the sample value built by the check program."""
        return {"id": str(self.index), "name": f"s{self.index}"}

    def sample_rust(self) -> str:
        if not self.fields:
            return f"{ENUM}::{self.name}"
        values = {"id": str(self.index), "name": f'String::from("s{self.index}")'}
        inits = ", ".join(f"{f}: {values[f]}" for f, _ in self.fields)
        return f"{ENUM}::{self.name} {{ {inits} }}"

    def expected_message(self) -> str:
        return self.text.format(**self.sample_values())

    def declaration(self) -> str:
        if not self.fields:
            return f"{self.name},"
        fields = ", ".join(f"{f}: {t}" for f, t in self.fields)
        return f"{self.name} {{ {fields} }},"

    def pattern(self, bind: str | None = None) -> str:
        """A match pattern, binding the field `bind` if given."""
        if not self.fields:
            return f"Self::{self.name}"
        if bind is None:
            return f"Self::{self.name} {{ .. }}"
        rest = ", .." if len(self.fields) > 1 else ""
        return f"Self::{self.name} {{ {bind}{rest} }}"


def variants(n: int, edit: int = 0) -> list[Variant]:
    out = []
    with_fields = 0
    for i in range(n):
        fields = (("id", "u32"), ("name", "String"))[: i % 3]
        placeholder = None
        if fields:
            # Every other variant with fields. As variants with one and two
            # fields alternate, these are the two-field ones: interpolate
            # their u32 and their String field in turn.
            if with_fields % 2 == 1:
                placeholder = fields[(with_fields // 2) % 2][0]
            with_fields += 1
        text = EDIT_TEXTS[edit] if i == 0 else f"Operation {i} failed"
        if placeholder:
            text += f" for {{{placeholder}}}"
        out.append(Variant(i, fields, text, placeholder))
    return out


def public_text(way: str, v: Variant) -> str:
    """The variant's #[message]: its #[error] text, or for `both_own` a text
    of its own."""
    return v.text + "." if way == "both_own" else v.text


def rust_str(text: str) -> str:
    return json.dumps(text)  # the generated texts need no escapes beyond JSON's


def toml_str(text: str) -> str:
    return json.dumps(text)


def hand_written_methods(vs: list[Variant]) -> list[str]:
    """code(), status() and message(): what users write next to thiserror."""
    lines = [f"impl {ENUM} {{", "    pub fn code(&self) -> &'static str {", "        match self {"]
    lines += [f"            {v.pattern()} => {rust_str(v.code)}," for v in vs]
    lines += ["        }", "    }", "", "    pub fn status(&self) -> u16 {", "        match self {"]
    lines += [f"            {v.pattern()} => {v.status}," for v in vs]
    lines += ["        }", "    }", "", "    pub fn message(&self) -> &'static str {", "        match self {"]
    lines += [f"            {v.pattern()} => {rust_str(v.text)}," for v in vs]
    lines += ["        }", "    }", "}"]
    return lines


def lib_source(way: str, vs: list[Variant]) -> str:
    head = f"//! Generated by benches/compile/run.py: {len(vs)} variants, the {way} way.\n"
    lines: list[str] = []
    if way == "apierror":
        lines += ["use apierror::ApiError;", "", "#[derive(Debug, ApiError)]", f"pub enum {ENUM} {{"]
        for v in vs:
            lines += [
                f"    #[code({rust_str(v.code)})]",
                f"    #[status({v.status})]",
                f"    #[message({rust_str(v.text)})]",
                f"    {v.declaration()}",
            ]
        lines.append("}")
    elif way in ("both", "both_own"):
        lines += [
            "use apierror::ApiError;",
            "",
            "#[derive(Debug, thiserror::Error, ApiError)]",
            f"pub enum {ENUM} {{",
        ]
        for v in vs:
            lines += [
                f"    #[error({rust_str(v.text)})]",
                f"    #[code({rust_str(v.code)})]",
                f"    #[status({v.status})]",
                f"    #[message({rust_str(public_text(way, v))})]",
                f"    {v.declaration()}",
            ]
        lines.append("}")
    elif way == "thiserror":
        lines += ["#[derive(Debug, thiserror::Error)]", f"pub enum {ENUM} {{"]
        for v in vs:
            lines += [f"    #[error({rust_str(v.text)})]", f"    {v.declaration()}"]
        lines += ["}", ""]
        lines += hand_written_methods(vs)
    elif way == "handwritten":
        lines += ["#[derive(Debug)]", f"pub enum {ENUM} {{"]
        lines += [f"    {v.declaration()}" for v in vs]
        lines += [
            "}",
            "",
            f"impl std::fmt::Display for {ENUM} {{",
            "    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {",
            "        match self {",
        ]
        for v in vs:
            if v.placeholder:
                lines.append(f"            {v.pattern(v.placeholder)} => write!(f, {rust_str(v.text)}),")
            else:
                lines.append(f"            {v.pattern()} => f.write_str({rust_str(v.text)}),")
        lines += ["        }", "    }", "}", "", f"impl std::error::Error for {ENUM} {{}}", ""]
        lines += hand_written_methods(vs)
    else:
        raise ValueError(way)
    return head + "\n" + "\n".join(lines) + "\n"


def check_source(way: str, package: str, vs: list[Variant]) -> str:
    """examples/check.rs: prints every variant's code, status, message and
    Display text (and the catalog, for apierror), compared with
    expected_check_output(). `cargo build` does not build examples."""
    lines = [f"use {package}::{ENUM};"]
    if way in ("apierror", "both", "both_own"):
        lines += ["use apierror::ApiError;", "", f"fn status(e: &{ENUM}) -> u16 {{ e.status().as_u16() }}"]
    else:
        lines += ["", f"fn status(e: &{ENUM}) -> u16 {{ e.status() }}"]
    lines += ["", "fn main() {", "    let values = vec!["]
    lines += [f"        {v.sample_rust()}," for v in vs]
    lines += [
        "    ];",
        "    for e in &values {",
        '        println!("value\\t{}\\t{}\\t{}\\t{}", e.code(), status(e), e.message(), e);',
        "    }",
    ]
    if way in ("apierror", "both", "both_own"):
        lines += [
            f'    println!("catalog\\t{{}}", {ENUM}::CATALOG.len());',
            f"    for d in {ENUM}::CATALOG.iter() {{",
            '        println!("entry\\t{}\\t{}\\t{}", d.code(), d.status().as_u16(), d.template());',
            "    }",
        ]
    lines.append("}")
    return "\n".join(lines) + "\n"


def expected_check_output(way: str, vs: list[Variant]) -> list[str]:
    # ApiError's message() is the value's message; the hand-written
    # baselines return the template.
    def message(v: Variant) -> str:
        if way == "both_own":
            return v.expected_message() + "."
        return v.expected_message() if way in ("apierror", "both") else v.text

    out = [f"value\t{v.code}\t{v.status}\t{message(v)}\t{v.expected_message()}" for v in vs]
    if way in ("apierror", "both", "both_own"):
        out.append(f"catalog\t{len(vs)}")
        out += [f"entry\t{v.code}\t{v.status}\t{public_text(way, v)}" for v in vs]
    return out


# --------------------------------------------------------------------------
# Files, lock files
# --------------------------------------------------------------------------


def write_if_changed(path: Path, text: str) -> bool:
    """Writes `text` unless the file already holds it (keeps mtimes, and so
    avoids needless rebuilds). Returns whether the file was written."""
    if path.exists() and path.read_text() == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)
    return True


def read_lock(path: Path) -> list[dict[str, str]]:
    """The [[package]] entries of a Cargo.lock: name, version, source."""
    packages: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in path.read_text().splitlines():
        if line.strip() == "[[package]]":
            current = {}
            packages.append(current)
        elif line.startswith("["):
            current = None
        elif current is not None:
            m = re.match(r'^(name|version|source) = "(.*)"$', line)
            if m:
                current[m.group(1)] = m.group(2)
    return packages


class Repo:
    def __init__(self, root: Path):
        self.root = root
        self.lock_path = root / "Cargo.lock"
        if not (root / "Cargo.toml").is_file() or not self.lock_path.is_file():
            raise Failure(f"{root} has no Cargo.toml or Cargo.lock; is the script inside the apierror repository?")
        # Read once: the repository may change while the benchmark runs.
        self.lock_text = self.lock_path.read_text()
        self.lock = read_lock(self.lock_path)
        self.locked = {(p["name"], p.get("version")) for p in self.lock}

    def version(self, name: str) -> str:
        versions = sorted({p["version"] for p in self.lock if p["name"] == name and "source" in p})
        if len(versions) != 1:
            raise Failure(f"expected one version of {name} from crates.io in {self.lock_path}, found {versions or 'none'}")
        return versions[0]

    def check_no_drift(self, crate_dir: Path) -> None:
        """Every registry package of a generated crate's lock file is one
        of the repository's lock file."""
        drift = sorted(
            f"{p['name']} {p.get('version')}"
            for p in read_lock(crate_dir / "Cargo.lock")
            if "source" in p and (p["name"], p.get("version")) not in self.locked
        )
        if drift:
            raise Failure(f"{crate_dir}: dependencies not in {self.lock_path}: {', '.join(drift)}")


# --------------------------------------------------------------------------
# Running cargo
# --------------------------------------------------------------------------


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + sys seconds of cargo and its children
    compiled: list[str]  # "name version" of every package cargo compiled
    stderr: str
    stdout: str


def cargo_env(target_dir: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env.update(
        CARGO_TARGET_DIR=str(target_dir),
        CARGO_TERM_COLOR="never",
        CARGO_TERM_PROGRESS_WHEN="never",
    )
    env.update(extra or {})
    return env


def cargo(args: list[str], cwd: Path, env: dict[str, str]) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        ["cargo", *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise Failure(
            f"`cargo {' '.join(args)}` failed (exit {proc.returncode}) in {cwd}\n"
            f"--- stdout ---\n{proc.stdout}--- stderr ---\n{proc.stderr}"
        )
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    compiled = [f"{m[0]} {m[1]}" for m in re.findall(r"^\s*Compiling (\S+) v(\S+)", proc.stderr, re.M)]
    return Run(wall, cpu, compiled, proc.stderr, proc.stdout)


def fetch(crate_dir: Path, env: dict[str, str]) -> None:
    """Resolves and downloads the crate's dependencies: offline if the
    local registry cache has them all, else from crates.io."""
    try:
        cargo(["fetch", "--offline"], crate_dir, env)
    except Failure as offline:
        log(f"  {crate_dir.name}: offline fetch failed, fetching from crates.io")
        try:
            cargo(["fetch"], crate_dir, env)
        except Failure as online:
            raise Failure(f"{online}\n(the offline attempt said:)\n{offline}") from None


def discard_reason(run: Run, expected: set[str]) -> str | None:
    """Why a measured run does not measure what it should, if it does not."""
    if "Blocking waiting for file lock" in run.stderr:
        return "cargo waited for a file lock held by another cargo process"
    compiled = {c.split()[0] for c in run.compiled}
    extra = compiled - expected
    if extra:
        return f"cargo also rebuilt {', '.join(sorted(extra))} (was the repository edited meanwhile?)"
    return None


@dataclass
class Unit:
    """One thing measured: a generated crate and how to rebuild it."""

    key: str  # "apierror", "thiserror", "handwritten", "apierror-derive", ...
    package: str
    dir: Path
    target_dir: Path
    build_args: list[str]


def measure(
    label: str,
    units: list[Unit],
    runs: int,
    prepare,
    extra_env: dict[str, str],
    expected,
) -> dict[str, list[Run]]:
    """One warm-up, then `runs` measured runs of every unit, interleaved.
    `prepare(unit)` runs before every build; `expected(unit, warmup_run)` is
    the set of package names a measured build must compile, no more, no less:
    a run that compiles more (or waited for a lock) is discarded and repeated,
    one that compiles less is an error."""
    results: dict[str, list[Run]] = {u.key: [] for u in units}
    warmups: dict[str, Run] = {}
    for rep in range(runs + 1):
        for u in units:
            env = cargo_env(u.target_dir, extra_env)
            for _attempt in range(RETRIES + 1):
                prepare(u)
                run = cargo(u.build_args, u.dir, env)
                if rep == 0:
                    break
                want = expected(u, warmups[u.key])
                compiled = {c.split()[0] for c in run.compiled}
                if not want <= compiled:
                    raise Failure(
                        f"{label} {u.key}: cargo did not rebuild {', '.join(sorted(want - compiled))}; "
                        f"the run measures nothing.\n{run.stderr}"
                    )
                reason = discard_reason(run, want)
                if reason is None:
                    break
                log(f"  {label} {u.key}: run discarded: {reason}")
            else:
                raise Failure(f"{label} {u.key}: {RETRIES + 1} runs in a row discarded; is the machine idle?")
            what = "warm-up" if rep == 0 else f"run {rep}/{runs}"
            log(f"  {label:<18} {u.key:<16} {what:<9} {run.wall:7.3f} s  (cpu {run.cpu:7.3f} s)")
            if rep == 0:
                warmups[u.key] = run
            else:
                results[u.key].append(run)
    return results


# --------------------------------------------------------------------------
# Part 1: the three ways
# --------------------------------------------------------------------------


class BenchCrate:
    def __init__(self, repo: Repo, scratch: Path, n: int, way: str):
        self.repo = repo
        self.n = n
        self.way = way
        self.package = f"bench_{way}_n{n}"
        self.dir = scratch / "crates" / f"n{n}" / way
        self.target_dir = scratch / "crates" / "target"  # shared by every generated crate
        self.edit = 0
        self.unit = Unit(way, self.package, self.dir, self.target_dir, ["build", "--offline"])

    def manifest(self) -> str:
        deps = {
            "apierror": f"apierror = {{ path = {toml_str(str(self.repo.root))} }}",
            "both": f"apierror = {{ path = {toml_str(str(self.repo.root))} }}\n"
            f"thiserror = {toml_str('=' + self.repo.version('thiserror'))}",
            "both_own": f"apierror = {{ path = {toml_str(str(self.repo.root))} }}\n"
            f"thiserror = {toml_str('=' + self.repo.version('thiserror'))}",
            "thiserror": f"thiserror = {toml_str('=' + self.repo.version('thiserror'))}",
            "handwritten": "",
        }[self.way]
        return (
            "# Generated by benches/compile/run.py.\n"
            "[package]\n"
            f'name = "{self.package}"\n'
            'version = "0.0.0"\n'
            'edition = "2021"\n'
            "publish = false\n"
            "\n[dependencies]\n"
            f"{deps}\n"
            "\n# Not part of the apierror workspace.\n"
            "[workspace]\n"
        )

    def write(self) -> None:
        vs = variants(self.n, self.edit)
        write_if_changed(self.dir / "Cargo.toml", self.manifest())
        write_if_changed(self.dir / "Cargo.lock", self.repo.lock_text)
        write_if_changed(self.dir / "src" / "lib.rs", lib_source(self.way, vs))
        write_if_changed(self.dir / "examples" / "check.rs", check_source(self.way, self.package, vs))

    def set_edit(self, edit: int) -> None:
        self.edit = edit
        if not write_if_changed(self.dir / "src" / "lib.rs", lib_source(self.way, variants(self.n, edit))):
            raise Failure(f"{self.dir}: editing variant 0's message did not change src/lib.rs")

    def setup(self) -> None:
        """Writes the crate, fetches, builds it and checks what it defines."""
        self.edit = 0
        self.write()
        env = cargo_env(self.target_dir)
        fetch(self.dir, env)
        self.repo.check_no_drift(self.dir)
        run = cargo(["build", "--offline"], self.dir, env)
        log(f"  n={self.n} {self.way:<12} built in {run.wall:.1f} s ({len(run.compiled)} packages compiled)")
        got = cargo(["run", "--offline", "--quiet", "--example", "check"], self.dir, env).stdout.splitlines()
        want = expected_check_output(self.way, variants(self.n, 0))
        if got != want:
            diff = next((i for i, (g, w) in enumerate(zip(got, want)) if g != w), min(len(got), len(want)))
            raise Failure(
                f"{self.dir}: the generated enum does not behave as generated: line {diff + 1} is\n"
                f"  {got[diff] if diff < len(got) else '<missing>'!r}, expected\n"
                f"  {want[diff] if diff < len(want) else '<nothing>'!r}"
            )


def bench_crates(repo: Repo, scratch: Path, ns: list[int], runs: int) -> list[dict]:
    rows = []
    for n in ns:
        log(f"\n== N = {n}: generating, building and checking the three crates")
        crates = {way: BenchCrate(repo, scratch, n, way) for way in WAYS}
        for c in crates.values():
            c.setup()
        units = [c.unit for c in crates.values()]
        only_self = lambda u, warmup: {u.package}  # noqa: E731

        def touch(u: Unit) -> None:
            os.utime(u.dir / "src" / "lib.rs")

        def edit(u: Unit) -> None:
            c = crates[u.key]
            c.set_edit(1 - c.edit)

        def clean(u: Unit) -> None:
            cargo(["clean", "--offline", "-p", u.package], u.dir, cargo_env(u.target_dir))

        plans = [
            ("touch", touch, {}),
            ("edit", edit, {}),
            ("full", clean, {"CARGO_INCREMENTAL": "0"}),
        ]
        for scenario, prepare, env in plans:
            log(f"-- N = {n}, {SCENARIOS[scenario]}")
            results = measure(f"n={n} {scenario}", units, runs, prepare, env, only_self)
            rows.append({"n": n, "scenario": scenario, "results": results})
        # Leave the sources as generated (variant 0 with its first text).
        for c in crates.values():
            if c.edit:
                c.set_edit(0)
    return rows


# --------------------------------------------------------------------------
# Part 2: the derive crates, cold
# --------------------------------------------------------------------------


def bench_instructions(repo: Repo, scratch: Path, ns: list[int]) -> list[dict]:
    """Part 3: rustc's instruction count for a full build of each crate."""
    if shutil.which("valgrind") is None:
        raise Failure("--only instructions needs valgrind (apt-get install valgrind)")
    rows = []
    for n in ns:
        log(f"\n== N = {n}: instructions of a full build, under callgrind")
        counts = {}
        for way in ("apierror", "both", "both_own", "thiserror"):
            c = BenchCrate(repo, scratch, n, way)
            c.setup()
            env = cargo_env(c.target_dir, {"CARGO_INCREMENTAL": "0"})
            cargo(["clean", "--offline", "-p", c.package], c.dir, env)
            run = cargo(["build", "--offline", "-v"], c.dir, env)
            lines = [m for m in re.findall(r"Running `(.*)`", run.stderr) if f"--crate-name {c.package}" in m]
            if not lines:
                raise Failure(f"{c.dir}: no rustc command for {c.package} in `cargo build -v`")
            proc = subprocess.run(
                f"valgrind --tool=callgrind --callgrind-out-file=/dev/null {lines[-1]}",
                shell=True,
                cwd=c.dir,
                env=env,
                capture_output=True,
                text=True,
            )
            found = re.search(r"Collected : (\d+)", proc.stderr)
            if proc.returncode != 0 or not found:
                raise Failure(f"{c.dir}: rustc under valgrind failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
            counts[way] = int(found.group(1))
            log(f"  n={n} {way:<10} {counts[way] / 1e9:.3f} G instructions")
        rows.append({"n": n, "counts": counts})
    return rows


def instructions_table(rows: list[dict]) -> tuple[str, list[str], list[list[str]]]:
    body = []
    for row in rows:
        c = row["counts"]
        a, b = c["apierror"] / c["thiserror"], c["both"] / c["thiserror"]
        o = c["both_own"] / c["thiserror"]
        body.append(
            [
                str(row["n"]),
                f"{c['apierror'] / 1e9:.3f}",
                f"{c['both'] / 1e9:.3f}",
                f"{c['both_own'] / 1e9:.3f}",
                f"{c['thiserror'] / 1e9:.3f}",
                f"{a:.2f}x {verdict(a, targets(row['n'])[0])}",
                f"{b:.2f}x {verdict(b, targets(row['n'])[1])}",
                f"{o:.2f}x {verdict(o, targets(row['n'])[1])}",
            ]
        )
    return (
        "Full build of one enum of N variants: rustc instructions (G), callgrind",
        "One run each (instruction counts repeat); targets: apierror/thiserror <= 1.10x, "
        "both/thiserror and both_own/thiserror <= 1.35x (N >= 1000; below: 1.25x, 1.45x). "
        "both_own: each #[message] differs from its #[error].",
        ["N", "apierror", "both", "both_own", "thiserror", "apierror/thiserror", "both/thiserror", "both_own/thiserror"],
        body,
    )


def bench_derive(repo: Repo, scratch: Path, runs: int, jobs: int) -> dict:
    log("\n== the derive crates, cold builds with their dependencies")
    units = []
    for key in DERIVES:
        short = key.split("-")[0]
        package = f"bench_derive_{short}"
        crate_dir = scratch / "derive" / key
        if key == "apierror-derive":
            dep = f"apierror-derive = {{ path = {toml_str(str(repo.root / 'apierror-derive'))} }}"
            lib = "pub use apierror_derive::ApiError;\n"
        else:
            dep = f"thiserror-impl = {toml_str('=' + repo.version('thiserror-impl'))}"
            lib = "pub use thiserror_impl::Error;\n"
        write_if_changed(
            crate_dir / "Cargo.toml",
            "# Generated by benches/compile/run.py.\n[package]\n"
            f'name = "{package}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
            f"[dependencies]\n{dep}\n\n[workspace]\n",
        )
        write_if_changed(crate_dir / "Cargo.lock", repo.lock_text)
        write_if_changed(crate_dir / "src" / "lib.rs", f"//! Generated by benches/compile/run.py.\n{lib}")
        target_dir = crate_dir / "target"  # its own: `cargo clean` empties it
        fetch(crate_dir, cargo_env(target_dir))
        repo.check_no_drift(crate_dir)
        units.append(Unit(key, package, crate_dir, target_dir, ["build", "--offline", "-j", str(jobs)]))

    def clean(u: Unit) -> None:
        cargo(["clean", "--offline"], u.dir, cargo_env(u.target_dir))

    # A cold build compiles what the warm-up compiled.
    same_as_warmup = lambda u, warmup: {c.split()[0] for c in warmup.compiled}  # noqa: E731
    results = measure("derive cold", units, runs, clean, {"CARGO_INCREMENTAL": "0"}, same_as_warmup)
    compiled = {}
    for u in units:
        # The warm-up's list is the last run's list too (checked above).
        compiled[u.key] = sorted(c for c in results[u.key][-1].compiled)
    return {"results": results, "compiled": compiled, "jobs": jobs}


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def ratio(a: list[Run], b: list[Run], attr: str) -> float:
    return median([getattr(x, attr) / getattr(y, attr) for x, y in zip(a, b)])


def verdict(r: float, target: float) -> str:
    return "ok" if r <= target else "OVER"


def crates_tables(rows: list[dict], runs: int) -> list[tuple[str, list[str], list[list[str]]]]:
    tables = []
    for attr, what in (("wall", "wall-clock seconds"), ("cpu", "CPU seconds (user + sys)")):
        header = ["N", "scenario", "apierror", "both", "thiserror", "handwritten", "apierror/thiserror", "both/thiserror"]
        body = []
        for row in rows:
            res = row["results"]
            r = ratio(res["apierror"], res["thiserror"], attr)
            b = ratio(res["both"], res["thiserror"], attr)
            body.append(
                [str(row["n"]), SCENARIOS[row["scenario"]]]
                + [f"{median([getattr(x, attr) for x in res[w]]):.3f}" for w in WAYS]
                + [
                    f"{r:.2f}x {verdict(r, targets(row['n'])[0])}",
                    f"{b:.2f}x {verdict(b, targets(row['n'])[1])}",
                ]
            )
        title = f"Rebuilding one enum of N variants: {what}"
        note = (
            f"Median of {runs} runs; a ratio is the median of the per-run ratios; targets: "
            "apierror/thiserror <= 1.10x, both/thiserror <= 1.35x (N >= 1000; below: 1.25x, 1.45x)."
        )
        tables.append((title, note, header, body))
    return tables


def derive_table(d: dict, runs: int) -> tuple[str, list[str], list[list[str]]]:
    res = d["results"]
    header = ["derive crate", "wall s", "CPU s", "packages compiled"]
    body = []
    for key in DERIVES:
        body.append(
            [
                key,
                f"{median([x.wall for x in res[key]]):.3f}",
                f"{median([x.cpu for x in res[key]]):.3f}",
                ", ".join(d["compiled"][key]),
            ]
        )
    rw = ratio(res["apierror-derive"], res["thiserror-impl"], "wall")
    rc = ratio(res["apierror-derive"], res["thiserror-impl"], "cpu")
    body.append(
        [
            "apierror-derive / thiserror-impl",
            f"{rw:.2f}x {verdict(rw, DERIVE_TARGET)}",
            f"{rc:.2f}x {verdict(rc, DERIVE_TARGET)}",
            "",
        ]
    )
    title = "Cold build of the derive crate with its dependencies"
    note = (
        f"A crate depending only on it: `cargo clean`, then `cargo build -j {d['jobs']}` with CARGO_INCREMENTAL=0. "
        f"Median of {runs} runs; the ratio is the median of the per-run ratios, target <= {DERIVE_TARGET}x."
    )
    return title, note, header, body


def text_table(title: str, note: str, header: list[str], body: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    numeric = [all(re.match(r"^[\d.]+x?( \w+)?$", r[i]) for r in body if r[i]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)).rstrip()

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([title, note, "", line(header), sep, *(line(r) for r in body)])


def markdown_table(title: str, note: str, header: list[str], body: list[list[str]]) -> str:
    numeric = [all(re.match(r"^[\d.]+x?( \w+)?$", r[i]) for r in body if r[i]) for i in range(len(header))]
    out = [f"### {title}", "", note, "", "| " + " | ".join(header) + " |"]
    out.append("|" + "|".join("---:" if num else "---" for num in numeric) + "|")
    out += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(out)


def command_output(args: list[str], cwd: Path | None = None) -> str:
    try:
        return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def environment(repo: Repo, runs: int | None, rev: str | None) -> list[str]:
    if rev:
        source = f"apierror at {rev} (git archive of {ROOT})"
    else:
        head = command_output(["git", "rev-parse", "--short", "HEAD"], ROOT)
        dirty = uncommitted_changes()
        state = f" + uncommitted changes to {len(dirty)} files" if dirty else ""
        source = f"apierror from the working tree of {ROOT}: {head}{state}"
    scrubbed = [k for k in SCRUBBED_ENV if k in os.environ and k not in ("CARGO_TARGET_DIR", "CARGO_BUILD_TARGET_DIR")]
    lines = [
        source,
        f"{command_output(['rustc', '--version'])}; {command_output(['cargo', '--version'])}",
        f"{os.cpu_count()} CPUs; load average at start {os.getloadavg()[0]:.2f}; "
        f"{runs} runs after 1 warm-up, interleaved" if runs else "one callgrind run per crate",
    ]
    if scrubbed:
        lines.append(f"ignored from the environment: {', '.join(scrubbed)}")
    if os.environ.get("RUSTFLAGS"):
        lines.append(f"RUSTFLAGS={os.environ['RUSTFLAGS']}")
    return lines


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Compile-time benchmark of #[derive(ApiError)] against thiserror and hand-written code.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Progress goes to stderr, the tables to stdout.",
    )
    p.add_argument("--ns", help="comma-separated variant counts (default 100,500,1000; --quick: 100)")
    p.add_argument("--runs", type=int, help="measured runs per figure, after one warm-up (default 5; --quick: 2)")
    p.add_argument("--quick", action="store_true", help="N=100 and 2 runs: to test the script, not to measure")
    p.add_argument(
        "--only",
        choices=("crates", "derive", "instructions"),
        help="run only one part (instructions: only with this option)",
    )
    p.add_argument("--out", type=Path, help="also write the tables as Markdown to this file")
    p.add_argument("--rev", help="benchmark apierror as committed at this git revision, not the working tree")
    p.add_argument("--jobs", type=int, default=2, help="cargo -j for the derive cold builds (default 2)")
    p.add_argument(
        "--dir", type=Path, help="scratch directory (default target/compile-bench/ of the repository)"
    )
    args = p.parse_args(argv)
    try:
        ns = args.ns or ("100" if args.quick else "100,500,1000")
        args.ns = [int(x) for x in ns.split(",") if x.strip()]
    except ValueError:
        p.error(f"--ns: expected comma-separated integers, got {args.ns!r}")
    if not args.ns or any(n < 1 or n > 9999 for n in args.ns):
        p.error("--ns: every N must lie in 1..=9999 (codes are E-0000 to E-9999)")
    if args.runs is None:
        args.runs = 2 if args.quick else 5
    if args.runs < 1:
        p.error("--runs must be at least 1")
    if args.jobs < 1:
        p.error("--jobs must be at least 1")
    return args


def scratch_dir(arg: Path | None) -> Path:
    scratch = (arg if arg is not None else ROOT / "target" / "compile-bench").resolve()
    target = (ROOT / "target").resolve()
    inside_repo = scratch == ROOT or ROOT in scratch.parents
    if inside_repo and not (scratch == target or target in scratch.parents):
        raise Failure(f"--dir {scratch}: inside the repository but not under {target}; the repository must stay clean")
    if scratch in ROOT.parents:
        raise Failure(f"--dir {scratch}: contains the repository")
    return scratch


def uncommitted_changes() -> list[str]:
    """Tracked or untracked files of the repository that differ from HEAD,
    benches/ excluded."""
    out = command_output(["git", "status", "--porcelain"], ROOT)
    if out == "unknown":
        return []
    paths = [line[3:] for line in out.splitlines() if line[3:]]
    return [p for p in paths if not p.startswith("benches/")]


def checkout(rev: str, scratch: Path) -> tuple[str, Path]:
    """Extracts the repository at `rev` into the scratch directory (once) and
    returns the short hash and the directory."""
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as e:
        raise Failure(f"--rev {rev}: not a commit of {ROOT} ({getattr(e, 'stderr', e)})".strip()) from None
    short = sha[:12]
    dest = scratch / "rev" / short / "src"
    if not (dest / "Cargo.toml").is_file():
        archive = subprocess.run(["git", "archive", "--format=tar", sha], cwd=ROOT, capture_output=True)
        if archive.returncode != 0:
            raise Failure(f"git archive {sha} failed:\n{archive.stderr.decode(errors='replace')}")
        tmp = dest.with_name("src.tmp")
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir(parents=True)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        os.replace(tmp, dest)
    return short, dest


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    try:
        scratch = scratch_dir(args.dir)
        scratch.mkdir(parents=True, exist_ok=True)
        if args.rev:
            short, source = checkout(args.rev, scratch)
            work = scratch / "rev" / short  # its own crates and target directories
            rev = f"{args.rev} = {short}" if args.rev != short else short
        else:
            source, work, rev = ROOT, scratch, None
        repo = Repo(source)
        env_lines = environment(repo, None if args.only == "instructions" else args.runs, rev)
        log("apierror compile-time benchmark")
        for line in env_lines:
            log(f"  {line}")
        log(f"  scratch directory: {work}")
        if not rev and uncommitted_changes():
            log("  note: the working tree has uncommitted changes, which are measured too; --rev HEAD measures the commit")
        if args.runs < 5 and not args.quick and args.only != "instructions":
            log("  note: fewer than 5 runs per figure")
        counted = bench_instructions(repo, work, args.ns) if args.only == "instructions" else []
        rows = bench_crates(repo, work, args.ns, args.runs) if args.only in (None, "crates") else []
        derive = bench_derive(repo, work, args.runs, args.jobs) if args.only in (None, "derive") else None
    except Failure as e:
        log(f"\nerror: {e}")
        return 1
    except KeyboardInterrupt:
        log("\ninterrupted")
        return 130

    tables = crates_tables(rows, args.runs) if rows else []
    if counted:
        tables.append(instructions_table(counted))
    if derive:
        tables.append(derive_table(derive, args.runs))
    elapsed = time.perf_counter() - started
    notes = [
        "apierror: #[derive(Debug, ApiError)]; both: #[derive(Debug, thiserror::Error, ApiError)] on one enum, "
        "#[message] the #[error] text (both_own, instructions only: a text of its own); "
        "thiserror: #[derive(Debug, thiserror::Error)] + hand-written code()/status()/message() returning "
        "&'static str; handwritten: #[derive(Debug)] + hand-written Display, Error and the same methods.",
        f"Benchmark time: {elapsed / 60:.1f} min (python3 benches/compile/run.py {' '.join(argv)}).".replace(" )", ")"),
    ]
    text = "\n\n".join([*(text_table(*t) for t in tables), "\n".join(env_lines + notes)])
    print("\n" + text)
    if args.out:
        md = ["## Compile times", "", *(f"- {line}" for line in env_lines + notes), ""]
        md += ["\n\n".join(markdown_table(*t) for t in tables), ""]
        args.out.write_text("\n".join(md))
        log(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
