"""Forecasting at scale: M3 yearly copied a hundredfold (64,500 series, each copy's ids
suffixed), `marketcast forecast` with the default model (auto, 95% intervals) against
statsforecast's AutoETS and AutoTheta on the same series and horizon, each as a whole
process on every core, with its peak resident memory. Goals (issue 18): marketcast ≤ 5 s and
≤ 200 MB, ≥ 30× statsforecast AutoETS. Part of `make bench`; never run by the tests.

Times are the median of --runs runs (one warm-up first for marketcast); statsforecast runs
once per model (minutes each; it compiles with numba on its first call, which is part of
what a user waits for). Without statsforecast installed its rows say so.

usage: python3 bench/scale/run.py [--marketcast PATH] [--copies 100] [--runs 3] [--skip-statsforecast]
"""
import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TRAIN = os.path.join(REPO, "reference", "m3-yearly", "train.csv")
HORIZON = 6
GOAL_SECONDS, GOAL_MB, GOAL_RATIO = 5.0, 200.0, 30.0

# Runs a command and prints its peak resident memory (KiB) from the child's rusage, so each
# measurement is one process's own peak, not the largest child of this script so far.
PEAK = ("import resource, subprocess, sys\n"
        "status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(status)\n")

STATSFORECAST = """
import sys
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoETS, AutoTheta
data = pd.read_csv(sys.argv[1]).rename(columns={"series": "unique_id", "year": "ds", "value": "y"})
model = {"AutoETS": AutoETS(season_length=1), "AutoTheta": AutoTheta(season_length=1)}[sys.argv[2]]
forecasts = StatsForecast(models=[model], freq=1, n_jobs=-1).forecast(df=data, h=int(sys.argv[3]), level=[95])
forecasts.to_csv(sys.argv[4], index=False)
"""


def copied(folder, copies):
    path = os.path.join(folder, f"m3x{copies}.csv")
    with open(TRAIN, encoding="utf-8", newline="") as source:
        header, *rows = list(csv.reader(source))
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for copy in range(copies):
            writer.writerows([f"{row[0]}_{copy}"] + row[1:] for row in rows)
    return path, len({row[0] for row in rows}) * copies


def measure(command):
    """Wall seconds and peak MB of one whole-process run; None when it fails."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PEAK] + command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        return None
    return seconds, int(result.stdout.strip().splitlines()[-1]) / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--marketcast", default=os.path.join(REPO, ".build", "release", "marketcast"))
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-statsforecast", action="store_true")
    args = parser.parse_args()
    if not os.path.isfile(args.marketcast):
        sys.exit(f"{args.marketcast} not found: run `swift build -c release` first (make bench does)")
    with tempfile.TemporaryDirectory(prefix="marketcast-scale-") as work:
        data, count = copied(work, args.copies)
        print(f"M3 yearly ×{args.copies}: {count:,} series, horizon {HORIZON}, 95% intervals, "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start", flush=True)
        ours_command = [args.marketcast, "forecast", data, "--horizon", str(HORIZON), "--quiet",
                        "--out", os.path.join(work, "marketcast.csv")]
        measure(ours_command)  # warm-up: the file system cache, as for every later run
        runs = [measure(ours_command) for _ in range(args.runs)]
        if any(run is None for run in runs):
            sys.exit("marketcast forecast failed")
        seconds = statistics.median(run[0] for run in runs)
        peak = max(run[1] for run in runs)
        print(f"  marketcast forecast (auto): {seconds:.2f} s (median of {args.runs}), peak {peak:.0f} MB")
        goals = [(f"marketcast ≤ {GOAL_SECONDS:.0f} s", seconds <= GOAL_SECONDS),
                 (f"marketcast ≤ {GOAL_MB:.0f} MB", peak <= GOAL_MB)]
        if args.skip_statsforecast:
            print("  statsforecast: skipped (--skip-statsforecast)")
        elif subprocess.run([sys.executable, "-c", "import statsforecast"], capture_output=True).returncode != 0:
            print("  statsforecast: not installed (make bench-deps installs it)")
        else:
            for model in ("AutoETS", "AutoTheta"):
                theirs = measure([sys.executable, "-c", STATSFORECAST, data, model, str(HORIZON),
                                  os.path.join(work, f"{model}.csv")])
                if theirs is None:
                    print(f"  statsforecast {model}: failed")
                    continue
                ratio = theirs[0] / seconds
                print(f"  statsforecast {model}: {theirs[0]:.1f} s, peak {theirs[1]:.0f} MB (one process; "
                      f"its workers' memory is not counted); statsforecast / marketcast = {ratio:.1f}×")
                if model == "AutoETS":
                    goals.append((f"statsforecast AutoETS / marketcast ≥ {GOAL_RATIO:.0f}×", ratio >= GOAL_RATIO))
        for name, met in goals:
            print(f"  goal {name}: {'met' if met else 'MISSED'}")
        return 0 if all(met for _, met in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
