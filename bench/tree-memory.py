#!/usr/bin/env python3
"""Peak memory of a command and every process it starts, for bench/pdf.

GNU time's "maximum resident set size" is that of the largest single process, which
under-counts a program that works in several processes (Chromium's browser, renderer, GPU
and utility processes). This runs COMMAND, samples its whole process tree every 5 ms and
prints the peak of the summed proportional set size (PSS: a shared page counted once,
split among the processes that map it), in MB. Linux only (/proc/PID/smaps_rollup).

Usage: bench/tree-memory.py COMMAND [ARG]...
"""

import os
import subprocess
import sys
import time


def children(pid):
    """The direct children of `pid`, from every thread's children list."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found.extend(int(c) for c in f.read().split())
    except OSError:
        pass
    return found


def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree(root):
    pending, seen = [root], []
    while pending:
        pid = pending.pop()
        seen.append(pid)
        pending.extend(children(pid))
    return seen


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    process = subprocess.Popen(
        sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peak, most = 0, 1
    while process.poll() is None:
        pids = tree(process.pid)
        most = max(most, len(pids))
        peak = max(peak, sum(pss_kb(pid) for pid in pids))
        time.sleep(0.005)
    print(f"{peak / 1024:.0f}")
    if process.returncode != 0:
        print(f"tree-memory: the command exited with {process.returncode}", file=sys.stderr)
    elif most == 1 and len(sys.argv) > 1 and "chrom" in sys.argv[1]:
        print("tree-memory: no child process was ever seen", file=sys.stderr)
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())
