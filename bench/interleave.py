#!/usr/bin/env python3
"""Times commands round-robin: one run of each in turn, ROUNDS times, so that a slow spell of a
shared machine falls on all of them alike. Prints each command's median and minimum wall time
and, for every command after the first, the median of its per-round ratio to the first one.

    bench/interleave.py [--rounds 40] [--warmup 3] -- "command A" "command B" ...

hyperfine runs one command's runs back to back; on a machine whose speed drifts by ±10 % over a
minute that moves a ratio of two commands more than the difference being measured.
"""
import shlex
import statistics
import subprocess
import sys
import time


def main(argv):
    rounds, warmup = 40, 3
    if "--" not in argv:
        sys.exit(__doc__)
    options, commands = argv[:argv.index("--")], argv[argv.index("--") + 1:]
    for name, value in zip(options[::2], options[1::2]):
        if name == "--rounds":
            rounds = int(value)
        elif name == "--warmup":
            warmup = int(value)
        else:
            sys.exit(f"unknown option {name}")
    if not commands:
        sys.exit(__doc__)
    argvs = [shlex.split(command) for command in commands]

    def run(args):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - start

    for _ in range(warmup):
        for args in argvs:
            run(args)
    times = [[] for _ in argvs]
    for _ in range(rounds):
        for index, args in enumerate(argvs):
            times[index].append(run(args))
    print(f"{rounds} rounds, {warmup} warm-up rounds")
    for index, command in enumerate(commands):
        line = f"{statistics.median(times[index]) * 1000:8.1f} ms median {min(times[index]) * 1000:8.1f} ms min"
        if index > 0:
            ratios = [mine / first for mine, first in zip(times[index], times[0])]
            line += f"   ratio to the first: median {statistics.median(ratios):.3f}"
        print(line, " ", command)


if __name__ == "__main__":
    main(sys.argv[1:])
