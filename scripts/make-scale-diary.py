#!/usr/bin/env python3
"""Writes a Letterboxd diary.csv of ROWS rows over FILMS films (default ROWS/10), deterministically.
Used by scripts/bench.sh.   Usage: scripts/make-scale-diary.py OUT [ROWS [FILMS]]"""
import datetime, sys

out, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
films = int(sys.argv[3]) if len(sys.argv) > 3 else max(1, rows // 10)
base = datetime.date(2000, 1, 1)
with open(out, "w", newline="") as f:
    f.write("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n")
    for j in range(rows):
        i = j % films + 1
        day = (base + datetime.timedelta(days=(j * 37) % 9000)).isoformat()
        f.write(f"{day},Diary Film {i:06d},{1920 + i % 100},https://boxd.it/d{j},{(j % 10 + 1) / 2},"
                f"{'Yes' if j >= films else ''},,{day}\r\n")
print(f"{out}: {rows} rows over {films} films")
