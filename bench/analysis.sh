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

# One product per call: with two --product flags SwiftPM builds only the last.
swift build -c release --product teamplotter >/dev/null
swift build -c release --product TeamplotterBench >/dev/null
bin=.build/release/teamplotter
# Output goes to scratch files: the figures include writing it, as a user's run would.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The machine may be shared: the load before the run says how far to trust its figures.
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "== Analysis in process (median of repeated runs, ratio to the previous size)"
.build/release/TeamplotterBench --sizes "${SIZES:-1000,10000,100000,1000000}" --roles 24,200 | tee bench/out/analysis.txt
# In one process a 100k run reuses the memory its last run freed, while glibc hands the larger
# blocks of a 1M run back to the kernel, which then clears fresh pages for every run. Two ways of
# giving both sizes the same memory: glibc told to keep what is freed, and a fresh process per run.
echo "== The same with glibc keeping freed memory (GLIBC_TUNABLES)"
GLIBC_TUNABLES=glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=68719476736 \
  .build/release/TeamplotterBench --sizes 100000,1000000 --roles 24,200 | tee bench/out/analysis-kept-memory.txt
echo "== One fresh process per run (bench/cold.py)"
for roles in 24 200; do python3 bench/cold.py .build/release/TeamplotterBench --roles $roles; done | tee bench/out/analysis-cold.txt

echo "== Whole command on a 100,000-row worksheet vs Python's csv module parsing the same file"
[ -f bench/out/ws-100k.csv ] || python3 bench/generate.py worksheet 100000 bench/out/ws-100k.csv
hyperfine --warmup 1 --runs "${RUNS:-10}" --export-markdown bench/out/import.md \
  "$bin analyse bench/out/ws-100k.csv -o $scratch/a.txt" \
  "$bin analyse bench/out/ws-100k.csv --format json -o $scratch/a.json" \
  "$bin convert bench/out/ws-100k.csv -o $scratch/c.json" \
  "python3 -c \"import csv; f=open('bench/out/ws-100k.csv', encoding='utf-8-sig', newline=''); sum(1 for _ in csv.reader(f, delimiter=';'))\""

echo "== The same comparison round-robin (one run of each in turn), with the per-round ratio to Python"
python3 bench/interleave.py --rounds "${ROUNDS:-30}" -- \
  "python3 -c \"import csv; f=open('bench/out/ws-100k.csv', encoding='utf-8-sig', newline=''); sum(1 for _ in csv.reader(f, delimiter=';'))\"" \
  "$bin analyse bench/out/ws-100k.csv -o $scratch/a.txt" | tee bench/out/interleaved.txt

echo "== Peak memory of the import (file size for comparison)"
ls -l bench/out/ws-100k.csv | awk '{print "file bytes:", $5}'
for command in convert analyse; do
  echo "$command:"
  /usr/bin/time -v "$bin" $command bench/out/ws-100k.csv -o "$scratch/out" 2>&1 | grep -E "Maximum resident|Elapsed"
done

echo "== Plot and report of a 1,000-function team with needs (target 5)"
[ -f bench/out/doc-1k.json ] || python3 bench/generate.py document 1000 24 bench/out/doc-1k.json
.build/release/TeamplotterBench --render bench/out/doc-1k.json | tee bench/out/render.txt
hyperfine --warmup 2 --runs "${RUNS:-10}" -N --export-markdown bench/out/render.md \
  "$bin --version" \
  "$bin analyse bench/out/doc-1k.json -o $scratch/a.txt" \
  "$bin plot bench/out/doc-1k.json -o $scratch/p.svg" \
  "$bin report bench/out/doc-1k.json -o $scratch/r.html"
