#!/usr/bin/env bash
# Analysis and import benchmarks (issue 6, targets 1 and 2). Needs hyperfine (Debian) and
# /usr/bin/time (Debian package `time`). Results go to bench/out/; figures are copied by hand
# into BENCHMARKS.md with the date and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out

for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install hyperfine time" >&2; exit 1; }
done

swift build -c release --product teamplotter --product TeamplotterBench >/dev/null
bin=.build/release/teamplotter

echo "== Analysis in process (median of repeated runs, ratio to the previous size)"
.build/release/TeamplotterBench --sizes "${SIZES:-1000,10000,100000,1000000}" --roles 24,200 | tee bench/out/analysis.txt

echo "== Whole command on a 100,000-row worksheet vs Python's csv module parsing the same file"
[ -f bench/out/ws-100k.csv ] || python3 bench/generate.py worksheet 100000 bench/out/ws-100k.csv
hyperfine --warmup 1 --runs "${RUNS:-10}" --export-markdown bench/out/import.md \
  "$bin analyse bench/out/ws-100k.csv -o /dev/null" \
  "$bin analyse bench/out/ws-100k.csv --format json -o /dev/null" \
  "$bin convert bench/out/ws-100k.csv -o /dev/null" \
  "python3 -c \"import csv; f=open('bench/out/ws-100k.csv', encoding='utf-8-sig', newline=''); sum(1 for _ in csv.reader(f, delimiter=';'))\""

echo "== Peak memory of the import (file size for comparison)"
ls -l bench/out/ws-100k.csv | awk '{print "file bytes:", $5}'
/usr/bin/time -v "$bin" convert bench/out/ws-100k.csv -o /dev/null 2>&1 | grep -E "Maximum resident|Elapsed"
