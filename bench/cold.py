#!/usr/bin/env python3
"""Times the analysis the way a one-off command meets it: every run in a fresh process, so that
every size starts from memory the kernel has yet to hand over. TeamplotterBench's own repeated
runs measure the other case, a process that analyses again and again; there glibc hands the
memory of a run below its 32 MiB limits on to the next run, but returns the larger blocks of a
run of 1M functions to the kernel, so only the largest size pays for fresh pages each time.

    bench/cold.py BENCH [--sizes 1000,10000,100000,1000000] [--roles 24] [--rounds 11]

BENCH is the TeamplotterBench executable. Sizes run round-robin, one process each; the ratio is
the median of the per-round ratios to the previous size.
"""
import statistics
import subprocess
import sys


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    bench, options = argv[0], dict(zip(argv[1::2], argv[2::2]))
    unknown = set(options) - {"--sizes", "--roles", "--rounds"}
    if unknown or len(argv[1:]) % 2:
        sys.exit(__doc__)
    sizes = [int(size) for size in options.get("--sizes", "1000,10000,100000,1000000").split(",")]
    roles = options.get("--roles", "24")
    rounds = int(options.get("--rounds", "11"))

    def run(size):
        output = subprocess.run([bench, "--sizes", str(size), "--roles", roles, "--runs", "1"],
                                check=True, capture_output=True, text=True).stdout
        # The row of the size: functions, roles, runs, median ms, min ms, faults/run, ...
        row = next(line.split() for line in output.splitlines() if line.split()[:1] == [str(size)])
        return float(row[3]), int(row[5])

    times = [[] for _ in sizes]
    faults = [[] for _ in sizes]
    for _ in range(rounds):
        for index, size in enumerate(sizes):
            elapsed, faulted = run(size)
            times[index].append(elapsed)
            faults[index].append(faulted)
    print(f"{rounds} rounds, one fresh process per run, {roles} roles")
    print("functions  median ms  min ms  faults/run  ratio to 10x fewer (median of per-round ratios)")
    for index, size in enumerate(sizes):
        ratio = "-"
        if index > 0:
            ratio = f"{statistics.median(a / b for a, b in zip(times[index], times[index - 1])):.2f}"
        print(f"{size:9d}  {statistics.median(times[index]):9.2f}  {min(times[index]):6.2f}"
              f"  {int(statistics.median(faults[index])):10d}  {ratio}")


if __name__ == "__main__":
    main(sys.argv[1:])
