#!/usr/bin/env python3
"""The hidden public items of a crate: what users can name but the
documentation does not show (`#[doc(hidden)]`, or reached only through a
hidden module or re-export), read from rustdoc's JSON output.

    python3 scripts/hidden_items.py apierror-core [--list]

Counts each item once (by rustdoc id) whatever the number of paths to it:
modules' items, re-exports (a re-export of an item defined elsewhere counts
its target), inherent associated items (methods, constants) and public
fields of public types. Two groups: deprecated aliases (`#[deprecated]`,
kept for one release) and the rest (the derive's protocol and plumbing).
rustdoc's JSON output is unstable: RUSTC_BOOTSTRAP lets a stable toolchain
write it, for this count only.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    package = sys.argv[1] if len(sys.argv) > 1 else "apierror-core"
    crate = package.replace("-", "_")
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "doc-json"
    env = dict(os.environ, RUSTC_BOOTSTRAP="1", CARGO_TARGET_DIR=str(target))
    subprocess.run(
        ["cargo", "rustdoc", "--quiet", "-p", package, "--all-features", "--",
         "-Z", "unstable-options", "--output-format", "json", "--document-hidden-items"],
        cwd=ROOT, env=env, check=True,
    )
    doc = json.loads((target / "doc" / f"{crate}.json").read_text())
    index = doc["index"]

    def item(i):
        return index.get(str(i))

    def hidden_attr(it) -> bool:
        return any("doc(hidden)" in str(a) for a in it.get("attrs", []))

    found: dict[str, tuple[str, bool, bool]] = {}  # id -> (path, hidden, deprecated)

    def note(it, path: str, hidden: bool) -> None:
        key = str(it["id"])
        dep = it.get("deprecation") is not None
        if key not in found or (found[key][1] and not hidden):
            found[key] = (path, hidden, dep)

    seen_modules: set[tuple[str, bool]] = set()

    def visit(i, path: str, hidden: bool, name: str | None = None) -> None:
        it = item(i)
        if it is None or it.get("crate_id") != 0:
            return  # another crate's item (re-exported dependencies)
        if it.get("visibility") != "public" and "use" not in it["inner"]:
            return
        hidden = hidden or hidden_attr(it)
        kind, inner = next(iter(it["inner"].items()))
        name = name or it.get("name") or "?"
        here = f"{path}::{name}" if path else name
        if kind == "use":
            use = inner
            target_id = use.get("id")
            if target_id is None:
                return
            if use.get("is_glob"):
                target = item(target_id)
                if target and "module" in target["inner"]:
                    for child in target["inner"]["module"]["items"]:
                        visit(child, path, hidden)
                return
            visit(target_id, path, hidden, use["name"])
            return
        if kind == "module":
            key = (str(it["id"]), hidden)
            if key in seen_modules:
                return
            seen_modules.add(key)
            if it["id"] != doc["root"]:
                note(it, here, hidden)
            for child in inner["items"]:
                visit(child, here if it["id"] != doc["root"] else "", hidden)
            return
        if kind == "impl":
            return
        note(it, here, hidden)
        # Fields and inherent associated items of types.
        fields = []
        if kind == "struct":
            k = inner["kind"]
            if "plain" in k:
                fields = k["plain"]["fields"]
            elif "tuple" in k:
                fields = [f for f in k["tuple"] if f is not None]
        for f in fields:
            fi = item(f)
            if fi and fi.get("visibility") == "public":
                note(fi, f"{here}.{fi.get('name')}", hidden or hidden_attr(fi))
        for impl_id in inner.get("impls", []) if isinstance(inner, dict) else []:
            impl = item(impl_id)
            if not impl or impl["inner"]["impl"].get("trait") is not None:
                continue
            for a in impl["inner"]["impl"]["items"]:
                ai = item(a)
                if ai and ai.get("visibility") == "public":
                    note(ai, f"{here}::{ai.get('name')}", hidden or hidden_attr(ai))

    visit(doc["root"], "", False)
    hidden = sorted((p, dep) for p, h, dep in found.values() if h)
    aliases = [p for p, dep in hidden if dep]
    plumbing = [p for p, dep in hidden if not dep]
    if "--list" in sys.argv:
        print("-- deprecated aliases"); print("\n".join(aliases))
        print("-- protocol and plumbing"); print("\n".join(plumbing))
    print(f"{package}: {len(hidden)} hidden items: {len(plumbing)} protocol and plumbing, "
          f"{len(aliases)} deprecated aliases")


if __name__ == "__main__":
    main()
