"""The duplicate matching alone (``directory.duplicates.find_pairs``, pure Python, no database)
on 3,200 demo-shaped organizations, before and after blocking by postal code.

    .venv/bin/python bench/duplicates_matching.py

The records are built from the demo's own name patterns, places, postal codes and streets
(``directory/demo.py``, read as text: no Django needed), each with an enterprise number, a
phone and an address. "before" is the matching of commit abaaa0b (every name against every
other), read with ``git show``; "after" is the current one. The whole page is measured by
``bench/duplicates.py`` (build its network on PostgreSQL: SQLite's indexer refuses the
3,200-organization rebuild query).
"""

import ast
import random
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from directory.duplicates import Candidate, address_key, find_pairs, phone_key  # noqa: E402


def demo_lists() -> dict:
    source = (ROOT / "directory" / "demo.py").read_text()
    names: dict = {}
    for name, closing in (("KINDS", "\n]\n"), ("PLACES", "\n]\n"), ("STREETS", "\n}\n")):
        start = source.index(f"{name} = ") + len(f"{name} = ")
        names[name] = ast.literal_eval(source[start : source.index(closing, start) + 2])
    return names


def records(count: int = 3200, seed: int = 2026) -> list[Candidate]:
    lists, rng = demo_lists(), random.Random(seed)
    kinds, places, streets = lists["KINDS"], lists["PLACES"], lists["STREETS"]
    codes = list(streets)
    out = []
    for i in range(count):
        kind = kinds[1 + i % (len(kinds) - 1)]
        place = places[(i * 3 + rng.randrange(len(places))) % len(places)]
        code = codes[(i * 7 + rng.randrange(3)) % len(codes)]
        name = kind[2].format(q=place, of_m="", m="", m_nl="") + f" ({code})"
        street = f"{rng.choice(streets[code])} {rng.randint(1, 250)}"
        out.append(
            Candidate(
                i,
                name,
                enterprise_number=f"0{4_000_000 + i:09d}",
                phones={phone_key(f"02 {rng.randrange(10**6, 10**7)}")},
                addresses={address_key(street, code)},
            )
        )
    return out


def before_module():
    source = subprocess.run(
        ["git", "show", "abaaa0b:directory/duplicates.py"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    module = types.ModuleType("directory.duplicates_before")
    module.__package__ = "directory"
    # The repository's own older code, from git: not outside input.
    exec(compile(source, "duplicates_before.py", "exec"), module.__dict__)  # noqa: S102
    return module


def main():
    data = records()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        pairs = find_pairs(data)
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"after:  {len(data)} records, p50 {statistics.median(times):.1f} ms "
        f"(max {max(times):.1f}), {len(pairs)} pairs"
    )
    old = before_module()
    old_data = [
        old.Candidate(r.id, r.name, r.enterprise_number, r.phones, r.addresses) for r in data
    ]
    start = time.perf_counter()
    old_pairs = old.find_pairs(old_data)
    print(
        f"before: {len(data)} records, {(time.perf_counter() - start) * 1000:.1f} ms, "
        f"{len(old_pairs)} pairs"
    )


if __name__ == "__main__":
    main()
