"""`make bench`: every benchmark part, one after another, against the release build.

Each folder bench/<part>/ with a run.py is a part (render, numerics, ...); run.py takes
`--marketcast PATH` and prints its own table. Parts run in name order, sequentially, so
they do not compete for cores. Never run by the tests.

usage: python3 bench/run.py [--marketcast PATH] [--only PART ...] [--skip PART ...]
"""
import argparse
import datetime
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{datetime.date.today().isoformat()}, {os.cpu_count()} cores (nproc), {model}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--marketcast", default=os.path.join(REPO, ".build", "release", "marketcast"))
    parser.add_argument("--only", nargs="*", help="run only these parts, e.g. render")
    parser.add_argument("--skip", nargs="*", default=[], help="leave out these parts (the Makefile runs accuracy last)")
    args = parser.parse_args()
    parts = sorted(name for name in os.listdir(HERE)
                   if os.path.isfile(os.path.join(HERE, name, "run.py"))
                   and (not args.only or name in args.only) and name not in args.skip)
    print(f"marketcast benchmarks: {machine()}")
    failed = []
    for part in parts:
        print(f"\n== {part}", flush=True)
        status = subprocess.run([sys.executable, os.path.join(HERE, part, "run.py"), "--marketcast", args.marketcast],
                                cwd=REPO).returncode
        if status != 0:
            failed.append(part)
    if failed:
        sys.exit(f"benchmark parts failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
