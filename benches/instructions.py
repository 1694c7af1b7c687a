#!/usr/bin/env python3
"""Instructions per render, counted by valgrind (exact and repeatable).

    python3 benches/instructions.py

Builds the `ratios` bench binary, runs each variant under
`valgrind --tool=cachegrind --cache-sim=no` with two repeat counts, and
prints (instructions(N2) - instructions(N1)) / (N2 - N1): the cost of one
render, without process start-up and set-up. Then the ratios that the
performance targets are stated in.

    python3 benches/instructions.py --metrics

does the same for the `metrics` bench: the instructions of one response
counted by code (features `metrics` and `tracing`), with and without a
Prometheus recorder, and of the increment alone.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = [
    "apierror standard",
    "handwritten standard",
    "json! standard",
    "apierror standard interpolated",
    "handwritten standard interpolated",
    "apierror problem",
    "apierror problem in the call",
    "handwritten problem",
    "http-api-problem",
    "apierror tagged",
    "handwritten tagged",
    "apierror websocket",
    "handwritten websocket",
    "apierror openai",
    "handwritten openai",
    "apierror google",
    "handwritten google",
    "apierror standard context",
    "handwritten standard context",
    "floor standard",
    "floor standard context",
    "apierror standard translated",
    "handwritten standard translated",
]
RATIOS = [
    ("apierror standard", "handwritten standard", "<= 0.3"),
    ("apierror standard", "json! standard", "<= 0.25 (4x fewer)"),
    ("apierror standard interpolated", "handwritten standard", "-"),
    ("apierror standard interpolated", "handwritten standard interpolated", "<= 0.7"),
    ("apierror problem", "handwritten problem", "<= 0.3"),
    ("apierror problem in the call", "handwritten problem", "<= 0.3"),
    ("apierror problem", "http-api-problem", "-"),
    ("apierror tagged", "handwritten tagged", "<= 0.3"),
    ("apierror websocket", "handwritten websocket", "<= 0.3"),
    ("apierror openai", "handwritten openai", "<= 0.3"),
    ("apierror google", "handwritten google", "<= 0.3"),
    ("apierror standard context", "handwritten standard context", "<= 0.3"),
    ("apierror standard", "floor standard", "<= 2.0"),
    ("apierror standard context", "floor standard context", "<= 2.0"),
    ("apierror standard translated", "handwritten standard translated", "-"),
]
N1, N2 = 1_000, 11_000


METRICS_VARIANTS = [
    "to_response",
    "axum response",
    "axum response, prometheus",
    "axum response, prometheus, registered",
    "record, no recorder",
    "record, prometheus",
    "record, prometheus, registered",
]


def binary(bench: str = "ratios") -> str:
    build = subprocess.run(
        ["cargo", "bench", "-p", "apierror-benches", "--bench", bench, "--no-run", "--message-format=json"],
        cwd=ROOT, capture_output=True, text=True,
    )
    if build.returncode != 0:
        sys.exit(build.stderr)
    for line in build.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message["target"]["name"] == bench and message.get("executable"):
            return message["executable"]
    sys.exit(f"no {bench} bench binary found")


def count(exe: str, variant: str, repeats: int, tool: list[str], pattern: str) -> int:
    """The instruction count valgrind (`tool` and its options) prints for
    `repeats` renders of `variant`."""
    run = subprocess.run(
        ["valgrind", *tool, exe, "--repeat", variant, str(repeats)],
        capture_output=True, text=True,
    )
    if run.returncode != 0:
        sys.exit(run.stderr)
    found = re.search(pattern, run.stderr)
    if not found:
        sys.exit("no instruction count in valgrind's output:\n" + run.stderr)
    return int(found.group(1).replace(",", ""))


def instructions(exe: str, variant: str, repeats: int) -> int:
    """Every instruction of the run (cachegrind)."""
    tool = ["--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    return count(exe, variant, repeats, tool, r"I\s+refs:\s+([\d,]+)")


def measured_instructions(exe: str, variant: str, repeats: int) -> int:
    """The instructions inside the bench's `measured` loop only: the set-up
    before it (a recorder's clock calibration) varies from run to run."""
    tool = ["--tool=callgrind", "--callgrind-out-file=/dev/null", "--toggle-collect=*measured*"]
    return count(exe, variant, repeats, tool, r"Collected\s*:\s*([\d,]+)")


def metrics() -> None:
    exe = binary("metrics")
    per_response = {}
    print(f"{'variant':<40} {'instructions/response':>22}")
    for variant in METRICS_VARIANTS:
        low, high = measured_instructions(exe, variant, N1), measured_instructions(exe, variant, N2)
        per_response[variant] = (high - low) / (N2 - N1)
        print(f"{variant:<40} {per_response[variant]:>22.1f}")
    base = per_response["axum response"]
    for variant in ["axum response, prometheus", "axum response, prometheus, registered"]:
        added = per_response[variant] - base
        print(f"\n{variant}: {added:+.1f} instructions over a response with no recorder "
              f"({added / base:+.1%})", end="")
    print()


def main() -> None:
    if "--metrics" in sys.argv[1:]:
        metrics()
        return
    exe = binary()
    per_render = {}
    print(f"{'variant':<32} {'instructions/render':>20}")
    for variant in VARIANTS:
        low, high = instructions(exe, variant, N1), instructions(exe, variant, N2)
        per_render[variant] = (high - low) / (N2 - N1)
        print(f"{variant:<32} {per_render[variant]:>20.1f}")
    print(f"\n{'ratio':<64} {'value':>7}  target")
    for a, b, target in RATIOS:
        ratio = per_render[a] / per_render[b]
        verdict = ""
        if target.startswith("<="):
            verdict = "met" if ratio <= float(target.split()[1]) else "MISSED"
        print(f"{a + ' / ' + b:<64} {ratio:>7.3f}  {target} {verdict}")


if __name__ == "__main__":
    main()
