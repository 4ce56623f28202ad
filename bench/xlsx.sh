#!/usr/bin/env bash
# Reading XLSX (issue 6, target 2): time and peak memory of `convert` on the export of a
# 20,000- and a 100,000-function team, against the CSV route on the same team. Release build.
# Target (100,000 rows): peak RSS under ten times the input file's size; MB here are MiB (/usr/bin/time's KiB / 1024).
# Usage: bench/xlsx.sh [runs]   (needs hyperfine and /usr/bin/time; writes to bench/out/)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
out=bench/out
bin=.build/release/teamplotter
mkdir -p "$out"
# Output goes to a scratch file, never -o /dev/null (a device is written into, but keep clear of it).
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
swift build -c release --product teamplotter >/dev/null
for n in 20000 100000; do
    size=$((n / 1000))k
    [ -f "$out/ws-$size.csv" ] || python3 bench/generate.py worksheet "$n" "$out/ws-$size.csv"
    [ -f "$out/ws-$size.xlsx" ] || "$bin" export "$out/ws-$size.csv" -o "$out/ws-$size.xlsx"
done
for size in 20k 100k; do
    # The XLSX route must give the same team document as the CSV route.
    "$bin" convert "$out/ws-$size.csv" -o "$out/ws-$size.csv.json"
    "$bin" convert "$out/ws-$size.xlsx" -o "$out/ws-$size.xlsx.json"
    cmp "$out/ws-$size.csv.json" "$out/ws-$size.xlsx.json" && echo "ws-$size: XLSX and CSV give the same document"
    hyperfine --runs "$runs" --warmup 1 \
        "$bin convert $out/ws-$size.xlsx -o $scratch/x.json" "$bin convert $out/ws-$size.csv -o $scratch/c.json"
    for input in "$out/ws-$size.xlsx" "$out/ws-$size.csv"; do
        /usr/bin/time -v "$bin" convert "$input" -o "$scratch/t.json" 2>&1 >/dev/null |
            awk -v f="$input" -v s="$(stat -c %s "$input")" \
                '/Maximum resident/ {r = $6*1024/s; printf "%s: peak RSS %d MB, file %.1f MB, ratio %.1f (%s)\n", f, $6/1024, s/1048576, r, r < 10 ? "under 10" : "10 or more"}'
    done
done
