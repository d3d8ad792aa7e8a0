#!/usr/bin/env python3
"""Runs the XCTest bundle in two processes at once, for `make test` on two cores.

`swift test` runs every test class one after another in one process, and most of the
slow tests wait on a subprocess or use one core, so half the machine sits idle. This
lists the bundle's test classes, deals them to WORKERS processes by their measured time
(Tests/test-times.tsv, longest first onto the least loaded worker), runs the bundle once
per worker with its classes as the filter, and prints each worker's whole output, then one
closing line `N passed, N failed`. ReportTests stays in one worker: its classes share pages
built once per process (ShippedReportPages).

  python3 Tests/parallel_tests.py BUNDLE            run
  python3 Tests/parallel_tests.py --record LOG      rewrite Tests/test-times.tsv from a run's output
"""
import os
import re
import subprocess
import sys
import tempfile

WORKERS = int(os.environ.get("TEST_WORKERS", "2"))
HERE = os.path.dirname(os.path.abspath(__file__))
TIMES = os.path.join(HERE, "test-times.tsv")
# Modules whose classes share per-process state and so run in one worker.
KEEP_TOGETHER = {"ReportTests"}
SUITE_DONE = re.compile(r"Test Suite '([^']+)' (?:passed|failed) at .*")
EXECUTED = re.compile(r"Executed (\d+) tests?, with (\d+) failures? \((\d+) unexpected\) in ([\d.]+)")


def list_classes(bundle):
    out = subprocess.run([bundle, "--list-tests"], capture_output=True, text=True, check=True).stdout
    classes = []
    for line in out.splitlines():
        match = re.match(r"^(\w+)\.(\w+)/\w+$", line.strip())
        if match and f"{match[1]}.{match[2]}" not in classes:
            classes.append(f"{match[1]}.{match[2]}")
    return classes


def read_times():
    times = {}
    if os.path.exists(TIMES):
        for line in open(TIMES, encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and not line.startswith("#"):
                times[parts[0]] = float(parts[1])
    return times


def units(classes, times):
    """The scheduling units: a kept-together module as one unit, every other class alone."""
    grouped = {}
    for name in classes:
        module, cls = name.split(".")
        key = module if module in KEEP_TOGETHER else name
        grouped.setdefault(key, []).append(name)
    return [(sum(times.get(c.split(".")[1], 1.0) for c in members), members) for members in grouped.values()]


def deal(classes, times):
    loads = [[0.0, []] for _ in range(WORKERS)]
    for weight, members in sorted(units(classes, times), key=lambda u: -u[0]):
        target = min(loads, key=lambda load: load[0])
        target[0] += weight
        target[1].extend(members)
    return [members for _, members in loads if members]


def run(bundle):
    classes = list_classes(bundle)
    if not classes:
        print("no test classes found in", bundle)
        return 1
    batches = deal(classes, read_times())
    logs, processes = [], []
    for batch in batches:
        log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        processes.append(subprocess.Popen([bundle, ",".join(batch)], stdout=log, stderr=subprocess.STDOUT))
        logs.append(log)
    executed = failed = 0
    status = 0
    for process, log in zip(processes, logs):
        code = process.wait()
        log.seek(0)
        text = log.read()
        sys.stdout.write(text)
        # The last "Executed" line of a worker is its whole selection's total.
        totals = EXECUTED.findall(text)
        if totals:
            executed += int(totals[-1][0])
            failed += int(totals[-1][1])
        if code != 0:
            status = 1
            if not totals or int(totals[-1][1]) == 0:
                failed += 1  # a crash: the worker stopped before its totals
                print(f"a test worker ended with status {code} before finishing")
    print(f"{executed - min(failed, executed)} passed, {failed} failed")
    return status


def record(log_path):
    times = {}
    current = None
    for line in open(log_path, encoding="utf-8", errors="replace"):
        done = SUITE_DONE.search(line)
        if done:
            current = done[1]
            continue
        totals = EXECUTED.search(line)
        if totals and current and "." not in current and current not in ("All tests", "Selected tests"):
            times[current] = float(totals[4])
            current = None
    with open(TIMES, "w", encoding="utf-8") as out:
        out.write("# seconds per test class, from a full run (python3 Tests/parallel_tests.py --record LOG)\n")
        for name in sorted(times):
            out.write(f"{name}\t{times[name]:.1f}\n")
    print(f"recorded {len(times)} classes into {TIMES}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--record":
        sys.exit(record(sys.argv[2]))
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(run(sys.argv[1]))
