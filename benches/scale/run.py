#!/usr/bin/env python3
"""Compile-time cost of catalogs at scale.

Part 1 ("compose"): a catalog of MODULES error types of CODES codes each
(`M01-0001` ... ; every third variant has a `u32` and a `String` details
field and a `{field}` placeholder), built two ways:

  modules   the module types alone
  composed  the same module types plus one service type composing them all
            with `#[api_error(transparent)]` variants: the derive checks in
            constant evaluation that no code repeats across the composition

Two builds of each are timed: a full build of the crate alone
(CARGO_INCREMENTAL=0, after `cargo clean -p`), and an incremental rebuild
after editing one message of one module (what a developer does all day).
The ratio composed/modules is what composing (the service type's derive and
its uniqueness check) adds; target <= 1.10x for both builds.

Part 2 ("decode"): one enum of DECODE_N variants, two thirds of them with
details fields (a `u32`; a `u32`, a `String` and a placeholder), built
without and with `#[api_error(decode)]`; full builds (CARGO_INCREMENTAL=0).
Targets: decode <= 1.2x the time and <= 1.15x the compiler's peak memory
without it.

Every figure is the median of --runs runs after a warm-up, the ways
interleaved; a ratio is the median of the per-run ratios. Wall time from
time.perf_counter() around `cargo build`; CPU time (user + sys of cargo and
rustc) and peak resident memory (the largest process) from wait4().

    python3 benches/scale/run.py                 # 50 x 400 codes, 10 000 decode variants, 3 runs
    python3 benches/scale/run.py --quick         # 10 x 100 codes, 1 000 variants, 1 run
    python3 benches/scale/run.py --only decode --decode-n 3000
    python3 benches/scale/run.py --out scale.md  # also write the tables as Markdown

The generated crates live in target/scale-bench/ (git-ignored) and depend on
this repository's working tree by path, with a copy of its Cargo.lock; after
the first build everything runs --offline.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
COMPOSE_TARGET = 1.10
DECODE_TARGET = 1.2
DECODE_MEMORY_TARGET = 1.15


def log(text: str = "") -> None:
    print(text, flush=True)


def variant(i: int, code: str, message_edit: str = "") -> str:
    """One variant: i % 3 == 0 gets two details fields and a placeholder."""
    if i % 3 == 0:
        return (
            f'    #[code("{code}")]\n'
            f"    #[status(409)]\n"
            f'    #[message("Variant {i}{message_edit} needs {{requested}} on {{node}}")]\n'
            f"    V{i} {{ requested: u32, node: String }},\n"
        )
    return f'    #[code("{code}")]\n    #[message("Variant {i}{message_edit} failed")]\n    V{i},\n'


def module_source(m: int, codes: int, edited: tuple[int, int, str]) -> str:
    out = [
        f"/// Module {m}.\n#[derive(Debug, ApiError)]\n"
        f'#[api_error(pattern = "M{m:02}-####", status = 400)]\npub enum Module{m} {{\n'
    ]
    for c in range(1, codes + 1):
        edit = edited[2] if (m, c) == edited[:2] else ""
        out.append(variant(c, f"M{m:02}-{c:04}", edit))
    out.append("}\n\n")
    return "".join(out)


def compose_source(way: str, modules: int, codes: int, edit: str) -> str:
    edited = (max(1, modules // 2), 5, edit)
    out = ["use apierror::ApiError;\n\n"]
    out += [module_source(m, codes, edited) for m in range(1, modules + 1)]
    if way == "composed":
        out.append("/// The service: every module.\n#[derive(Debug, ApiError)]\npub enum Service {\n")
        out += [f"    #[api_error(transparent)]\n    Module{m}(Module{m}),\n" for m in range(1, modules + 1)]
        out.append("}\n")
    return "".join(out)


def decode_source(way: str, n: int) -> str:
    attr = '#[api_error(pattern = "E-#####", status = 400, decode)]' if way == "decode" else (
        '#[api_error(pattern = "E-#####", status = 400)]'
    )
    out = [f"use apierror::ApiError;\n\n#[derive(Debug, ApiError)]\n{attr}\npub enum Big {{\n"]
    out += [decode_variant(i, f"E-{i:05}") for i in range(1, n + 1)]
    out.append("}\n")
    return "".join(out)


def decode_variant(i: int, code: str) -> str:
    """Two thirds with details: i % 3 == 1 one field, == 2 two and a placeholder."""
    if i % 3 == 1:
        return f'    #[code("{code}")]\n    #[message("Variant {i} failed")]\n    V{i} {{ id: u32 }},\n'
    return variant(i + 1, code).replace(f"V{i + 1}", f"V{i}").replace(f"Variant {i + 1}", f"Variant {i}")


class Crate:
    def __init__(self, scratch: Path, name: str, source):
        self.name = name
        self.package = f"scale_{name}"
        self.dir = scratch / name
        self.source = source  # edit text -> lib.rs
        (self.dir / "src").mkdir(parents=True, exist_ok=True)
        (self.dir / "Cargo.toml").write_text(
            f'[package]\nname = "{self.package}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
            f'[dependencies]\napierror = {{ path = "{ROOT.as_posix()}" }}\n\n[workspace]\n'
        )
        shutil.copy(ROOT / "Cargo.lock", self.dir / "Cargo.lock")
        self.write("")

    def write(self, edit: str) -> None:
        (self.dir / "src" / "lib.rs").write_text(self.source(edit))


def run(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """Wall s, CPU s (user + sys) and peak RSS (MiB) of one cargo command."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    out, err = process.communicate()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(args)} failed in {cwd}:\n{err.decode()[-4000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def env_for(target: Path, incremental: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARGO_TARGET_DIR")}
    env["CARGO_TARGET_DIR"] = str(target)
    env["CARGO_INCREMENTAL"] = "1" if incremental else "0"
    return env


def full(crate: Crate, target: Path) -> tuple[float, float, int]:
    env = env_for(target, False)
    run(["cargo", "clean", "-q", "--offline", "-p", crate.package], crate.dir, env)
    return run(["cargo", "build", "-q", "--offline"], crate.dir, env)


def edit(crate: Crate, target: Path, counter: list[int]) -> tuple[float, float, int]:
    counter[0] += 1
    crate.write(f" (edit {counter[0]})")
    return run(["cargo", "build", "-q", "--offline"], crate.dir, env_for(target, True))


def measure(ways: list[Crate], step, runs: int) -> dict[str, list[tuple[float, float, int]]]:
    results: dict[str, list[tuple[float, float, int]]] = {c.name: [] for c in ways}
    for r in range(runs + 1):
        for crate in ways:
            sample = step(crate)
            if r > 0:  # run 0 warms up
                results[crate.name].append(sample)
    return results


def fmt_range(values: list[float], digits: int = 2) -> str:
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def table(title: str, results, base: str, other: str, target: float, memory_target: float | None = None) -> list[str]:
    lines = [
        f"### {title}",
        "",
        f"| way | wall s (median, min-max) | CPU s (median) | peak RSS MiB |",
        "|---|---:|---:|---:|",
    ]
    for name in (base, other):
        samples = results[name]
        lines.append(
            f"| {name} | {fmt_range([s[0] for s in samples])} | "
            f"{statistics.median(s[1] for s in samples):.2f} | {max(s[2] for s in samples)} |"
        )
    wall = [o[0] / b[0] for o, b in zip(results[other], results[base])]
    cpu = [o[1] / b[1] for o, b in zip(results[other], results[base])]
    verdict = "met" if statistics.median(wall) <= target else "MISSED"
    memory = max(s[2] for s in results[other]) / max(s[2] for s in results[base])
    memory_verdict = ""
    if memory_target is not None:
        memory_verdict = f": {'met' if memory <= memory_target else 'MISSED'} (target <= {memory_target}x)"
    lines.append(
        f"| {other}/{base} | **{fmt_range(wall)}x: {verdict}** (target <= {target}x) | "
        f"{statistics.median(cpu):.2f}x | {memory:.2f}x{memory_verdict} |"
    )
    lines.append("")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modules", type=int, default=50)
    parser.add_argument("--codes", type=int, default=400)
    parser.add_argument("--decode-n", type=int, default=10_000)
    parser.add_argument("--only", choices=["compose", "decode"])
    parser.add_argument("--out")
    parser.add_argument("--scratch", default=str(ROOT / "target" / "scale-bench"))
    a = parser.parse_args()
    if a.quick:
        a.runs, a.modules, a.codes, a.decode_n = 1, 10, 100, 1000
    scratch = Path(a.scratch)
    target = scratch / "target"
    began = time.time()
    lines = [
        f"- {subprocess.run(['rustc', '-V'], capture_output=True, text=True).stdout.strip()}; "
        f"{os.cpu_count()} CPUs; load average at start {os.getloadavg()[0]:.2f}",
        f"- {a.runs} runs after a warm-up, ways interleaved",
    ]
    if a.only in (None, "compose"):
        m, c = a.modules, a.codes
        ways = [
            Crate(scratch, way, lambda e, way=way: compose_source(way, m, c, e))
            for way in ("modules", "composed")
        ]
        log(f"compose: {m} types x {c} codes = {m * c} codes")
        for crate in ways:  # dependencies, once
            run(["cargo", "build", "-q"], crate.dir, env_for(target, True))
        results = measure(ways, lambda cr: full(cr, target), a.runs)
        lines += table(f"{m * c} codes in {m} types: full build of the crate (CARGO_INCREMENTAL=0)",
                       results, "modules", "composed", COMPOSE_TARGET)
        counter = [0]
        results = measure(ways, lambda cr: edit(cr, target, counter), a.runs)
        lines += table(f"{m * c} codes in {m} types: incremental rebuild after editing one message",
                       results, "modules", "composed", COMPOSE_TARGET)
    if a.only in (None, "decode"):
        n = a.decode_n
        ways = [Crate(scratch, f"{way}{n}", lambda e, way=way: decode_source(way, n)) for way in ("plain", "decode")]
        log(f"decode: one enum of {n} variants")
        for crate in ways:
            run(["cargo", "build", "-q"], crate.dir, env_for(target, True))
        results = measure(ways, lambda cr: full(cr, target), a.runs)
        lines += table(f"One enum of {n} variants, without and with decode: full build (CARGO_INCREMENTAL=0)",
                       results, f"plain{n}", f"decode{n}", DECODE_TARGET, DECODE_MEMORY_TARGET)
    lines.insert(2, f"- Benchmark time: {(time.time() - began) / 60:.1f} min (python3 benches/scale/run.py {' '.join(sys.argv[1:])})")
    text = "\n".join(lines)
    log(text)
    if a.out:
        Path(a.out).write_text(text + "\n")


if __name__ == "__main__":
    main()
