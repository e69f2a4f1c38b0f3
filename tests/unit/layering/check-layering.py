#!/usr/bin/env python3
"""core_layering: every quoted include in core/<module>/ names the module itself or one it may use.

The allow table is the one the build links by (core-modules.txt, written from each module's USES).
Checks: the table is acyclic; no include climbs out of a folder ("../"); every core folder is a module;
every "<module>/file.h" include is of the module itself or of one in the transitive closure of its USES.
Prints the module graph and each violation as file:line. With --expect-violations the exit code is
inverted, so the test can prove on a deliberately broken tree that the check does fail.
"""
import argparse
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
NOT_MODULES = {"guard"}  # core/guard holds the Widgets #error headers, not code


def read_table(path):
    table = {}
    for line in pathlib.Path(path).read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, uses = line.partition(":")
        table[name.strip()] = uses.split()
    return table


def find_cycle(table):
    state = {}

    def visit(m, trail):
        if state.get(m) == "open":
            return trail[trail.index(m):] + [m]
        if state.get(m) == "done":
            return None
        state[m] = "open"
        for d in table.get(m, []):
            cycle = visit(d, trail + [m])
            if cycle:
                return cycle
        state[m] = "done"
        return None

    for m in table:
        cycle = visit(m, [])
        if cycle:
            return cycle
    return None


def closure(table, m):
    seen, todo = set(), list(table.get(m, []))
    while todo:
        d = todo.pop()
        if d not in seen:
            seen.add(d)
            todo.extend(table.get(d, []))
    return seen


def check(table, core):
    problems = []
    for name, uses in table.items():
        for d in uses:
            if d not in table:
                problems.append(f"table: {name} uses '{d}', which is no module")
    cycle = find_cycle(table)
    if cycle:
        problems.append("table: cycle " + " -> ".join(cycle))
    for folder in sorted(p for p in core.iterdir() if p.is_dir() and p.name not in NOT_MODULES):
        if folder.name not in table:
            problems.append(f"{folder.name}/: a core folder that is no module (add it with xms_core_module)")
            continue
        allowed = closure(table, folder.name) | {folder.name}
        for src in sorted(folder.rglob("*")):
            if src.suffix not in (".h", ".cpp"):
                continue
            for number, line in enumerate(src.read_text(errors="replace").splitlines(), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = m.group(1)
                where = f"{src.relative_to(core)}:{number}"
                if target.startswith("../") or "/../" in target:
                    problems.append(f'{where}: includes "{target}" by a relative path out of its folder')
                    continue
                top = target.split("/", 1)[0] if "/" in target else None
                if top is None:
                    continue  # a header of the same folder
                if top not in table:
                    problems.append(f'{where}: includes "{target}", which is in no module')
                elif top not in allowed:
                    problems.append(f'{where}: {folder.name} includes "{target}", but {folder.name} may use only '
                                    + (", ".join(sorted(allowed - {folder.name})) or "no other module"))
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("table")
    ap.add_argument("core")
    ap.add_argument("--expect-violations", action="store_true")
    args = ap.parse_args()
    table = read_table(args.table)
    print("module graph (module: may use):")
    for name, uses in table.items():
        print(f"  {name}: {' '.join(uses) or '-'}")
    problems = check(table, pathlib.Path(args.core))
    for p in problems:
        print("VIOLATION " + p)
    print(f"{len(problems)} violation(s)")
    if args.expect_violations:
        return 0 if problems else 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
