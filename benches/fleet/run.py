#!/usr/bin/env python3
"""How long `apierror-fleet check` and `diff` take on a large fleet.

Generates SERVICES JSON catalogs of CODES codes each, in the shape
`apierror::export::Export::json` writes (every code with two or three details
fields, a description, a message with a placeholder), and a second release
of them where one code in twenty changes (a status, a removed field, a
retyped field, a message, a code retired, a code added). Then times, with
the release binary:

  check   the first release: every code, retired code and range of the fleet
  diff    the first release against the second

Each figure is the best of --runs runs of the whole process (start, read
and parse every file, compare, print), wall time from time.perf_counter();
the target is 2 s for 200 catalogs of 100 codes on the 2-core development
machine.

    python3 benches/fleet/run.py            # 200 x 100 codes, release build, 5 runs
    python3 benches/fleet/run.py --quick    # 20 x 20 codes, the debug binary, 1 run (CI)
    python3 benches/fleet/run.py --bin path/to/apierror-fleet

The catalogs are written to <target>/fleet-bench/ (old/, new/).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_SECONDS = 2.0


def catalog(service: int, codes: int, release: int) -> dict:
    prefix = f"S{service:03d}"
    low = (service + 1) * 1000
    errors = []
    retired = [f"{prefix}-{low + codes + 1}"]
    for n in range(codes):
        code = f"{prefix}-{low + n}"
        status = [400, 404, 409, 422, 429, 503][n % 6]
        fields = [
            {"name": "resource_id", "type": "String", "description": "The resource asked for.",
             "json": "string", "nullable": False, "required": True},
            {"name": "limit", "type": "u32", "description": "",
             "json": "integer", "nullable": False, "required": True},
        ]
        if n % 3 == 0:
            fields.append({"name": "hint", "type": "Option<String>", "description": "",
                           "json": "string", "nullable": False, "required": False})
        message = f"Operation {n} on {{resource_id}} failed"
        changed = release == 2 and n % 20 == 7
        if changed:
            kind = (service + n // 20) % 5
            if kind == 0:
                status = 410
            elif kind == 1:
                fields.pop(1)
            elif kind == 2:
                fields[1] = dict(fields[1], type="String", json="string")
            elif kind == 3:
                message = f"Operation {n} failed for {{resource_id}}"
            else:
                retired.append(code)
                continue
        errors.append({
            "code": code, "status": status, "variant": f"Failure{n}", "type": f"Service{service}Error",
            "message": message, "description": f"Raised when operation {n} fails.",
            "category": None, "title": None, "kind": None, "fields": fields, "details": True,
            "retry_after": False, "grpc": "INVALID_ARGUMENT", "class": None, "doc_url": None,
            "causes": [], "example": None, "resolution": [], "commands": [], "solution": None,
            "sections": [],
        })
    if release == 2:
        errors.append(dict(errors[0], code=f"{prefix}-{low + codes}", variant="Added"))
    return {
        "type": f"Service{service}Error", "description": f"Errors of service {service}.",
        "pattern": f"S{service:03d}-####", "range": [low, low + 999], "categories": [],
        "retired": retired, "errors": errors, "doc_url": None, "class": None,
        "format": "standard", "domain": None, "appendices": [], "statuses": [],
    }


def write_fleet(directory: Path, services: int, codes: int, release: int) -> None:
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    for service in range(services):
        text = json.dumps(catalog(service, codes, release), indent=2)
        (directory / f"service-{service:03d}.json").write_text(text + "\n")


def best_of(runs: int, command: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    best = float("inf")
    result = None
    for _ in range(runs):
        began = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        best = min(best, time.perf_counter() - began)
        if result.returncode == 2:
            sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=200)
    parser.add_argument("--codes", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="20 x 20 codes, the debug binary, one run")
    parser.add_argument("--bin", type=Path, help="the apierror-fleet binary to time")
    args = parser.parse_args()
    if args.quick:
        args.services, args.codes, args.runs = 20, 20, 1

    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binary = args.bin
    if binary is None:
        profile = [] if args.quick else ["--release"]
        subprocess.run(["cargo", "build", "--quiet", "-p", "apierror-fleet", *profile], cwd=ROOT, check=True)
        binary = target / ("debug" if args.quick else "release") / "apierror-fleet"

    work = target / "fleet-bench"
    old, new = work / "old", work / "new"
    write_fleet(old, args.services, args.codes, 1)
    write_fleet(new, args.services, args.codes, 2)
    size = sum(f.stat().st_size for f in old.iterdir()) / 1e6
    print(f"{args.services} catalogs x {args.codes} codes ({size:.1f} MB of JSON), {binary}, best of {args.runs}")

    check_s, check = best_of(args.runs, [str(binary), "check", str(old)])
    assert check.returncode == 0, check.stdout
    assert check.stdout.startswith(f"{args.services} services, {args.services * args.codes} codes"), check.stdout
    diff_s, diff = best_of(args.runs, [str(binary), "diff", "--json", str(old), str(new)])
    assert diff.returncode == 1, diff.stderr
    report = json.loads(diff.stdout)
    kinds = {c["kind"] for c in report["changes"]}
    expected = {"status-changed", "field-removed", "field-retyped", "message-changed", "code-retired", "code-added"}
    assert kinds == expected, kinds

    slow = False
    for name, seconds in [("check", check_s), ("diff", diff_s)]:
        verdict = "ok" if seconds < TARGET_SECONDS else "OVER"
        slow |= seconds >= TARGET_SECONDS
        print(f"{name:<6} {seconds:6.3f} s   (target {TARGET_SECONDS:.0f} s: {verdict})")
    print(f"diff found {len(report['changes'])} changes, {report['breaking']} breaking")
    if slow and not args.quick:
        sys.exit(1)


if __name__ == "__main__":
    main()
