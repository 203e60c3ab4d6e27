#!/usr/bin/env python3
"""Writes a Letterboxd diary.csv of ROWS rows over FILMS films (default ROWS/10), deterministically;
with PARTS > 1, as that many files (OUT.part1.csv…), each with the header, the rows in order.
import reads a file of at most 512 MiB: 10,000,000 rows (about 800 MB) are given as two files
to one import. Used by scripts/bench.sh.   Usage: scripts/make-scale-diary.py OUT [ROWS [FILMS [PARTS]]]"""
import datetime, os, sys

out, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
films = int(sys.argv[3]) if len(sys.argv) > 3 and int(sys.argv[3]) > 0 else max(1, rows // 10)
parts = int(sys.argv[4]) if len(sys.argv) > 4 else 1
base = datetime.date(2000, 1, 1)
per_part = -(-rows // parts)
stem = os.path.splitext(out)[0]
for part in range(parts):
    path = out if parts == 1 else f"{stem}.part{part + 1}.csv"
    with open(path, "w", newline="") as f:
        f.write("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n")
        for j in range(part * per_part, min(rows, (part + 1) * per_part)):
            i = j % films + 1
            day = (base + datetime.timedelta(days=(j * 37) % 9000)).isoformat()
            f.write(f"{day},Diary Film {i:06d},{1920 + i % 100},https://boxd.it/d{j},{(j % 10 + 1) / 2},"
                    f"{'Yes' if j >= films else ''},,{day}\r\n")
print(f"{out}: {rows} rows over {films} films" + (f", in {parts} files" if parts > 1 else ""))
