#!/usr/bin/env python3
"""Writes the clickstream sample's input data, deterministically (fixed seed, no clock).

The data imitates a page-view log as an Oozie/Pig shop would have it on HDFS: tab-separated,
one directory per day, with the usual dirt: empty fields, a malformed number, blank user ids.
Run it from anywhere; it rewrites samples/clickstream/data/ in place.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "data"
DAYS = ["2026-01-15"]
COUNTRIES = ["DE", "FR", "GB", "US", "BR", "IN", "JP", "NL", "ES", "PL"]
PAGES = ["/", "/search", "/cart", "/checkout", "/help", "/account"] + [f"/product/{n}" for n in range(1, 41)]
REFERRERS = ["", "google", "newsletter", "partner", "direct"]
FIRST = ["Ada", "Bo", "Chen", "Dara", "Eli", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena"]


def users(rng: random.Random, count: int = 300) -> list[str]:
    rows = []
    for n in range(1, count + 1):
        country = rng.choice(COUNTRIES) if n % 37 else ""  # a few users without a country
        rows.append(f"u{n:04d},{rng.choice(FIRST)} {n},{country},{rng.randint(2012, 2025)}")
    return rows


def page_views(rng: random.Random, day: str, count: int = 4000, user_ids: int = 320) -> list[str]:
    """`count` views by user ids 1..`user_ids` (the directory has fewer: the rest join nothing)."""
    start = {"2026-01-15": 1768435200}[day]  # 2026-01-15T00:00:00Z
    rows = []
    for _ in range(count):
        user = f"u{rng.randint(1, user_ids):04d}"  # ids above 300 have no directory entry
        ts = start + rng.randint(0, 86399)
        page = rng.choice(PAGES)
        duration = str(rng.randint(0, 120000))
        revenue = ""
        if page == "/checkout" and rng.random() < 0.7:
            revenue = f"{rng.randint(100, 50000) / 100:.2f}"
        roll = rng.random()
        if roll < 0.01:
            user = ""  # a logging bug upstream
        elif roll < 0.02:
            duration = "n/a"  # Pig reads it as null
        elif roll < 0.03:
            duration = ""
        rows.append("\t".join([user, str(ts), page, rng.choice(REFERRERS), duration, revenue]))
    rows.sort(key=lambda r: int(r.split("\t")[1]))
    return rows


def write(path: Path, rows: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def main() -> None:
    rng = random.Random(20260115)
    write(ROOT / "ref" / "users" / "users.csv", users(rng))
    for day in DAYS:
        write(ROOT / "raw" / "page_views" / day / "part-00000", page_views(rng, day))


if __name__ == "__main__":
    main()
