"""`make bench`, batch part: 532 synthetic market-size series (seeded, so every machine
draws the same charts) through `marketcast batch`, PNG only and all formats, against the
same 532 bar charts with CAGR arrows drawn by matplotlib (bench/batch/matplotlib_batch.py,
reading marketcast's chart CSVs so both draw the same numbers). Prints wall time, the
ratio and each side's peak resident memory, and marketcast's peak for a tenth of the
series, to show memory does not grow with the batch. Never run by the tests.

marketcast's time includes loading, fitting and forecasting every series; matplotlib's
only the drawing.

Times `marketcast batch` as a user runs it: no --model, so the default (auto) unless
--model is given here. Goal: matplotlib / marketcast ≥ 10× (PNG).

usage: python3 bench/batch/run_batch_bench.py [--marketcast PATH] [--count 532] [--model NAME]
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
GOAL = 10.0  # matplotlib / marketcast, PNG

# Runs a command in a fresh process and prints its children's peak RSS (KiB) on stderr's
# last line: RUSAGE_CHILDREN of a process with exactly one child is that child's peak.
MEASURE = ("import resource, subprocess, sys\n"
           "status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, status)\n")


def measured(command):
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", MEASURE] + command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    try:
        peak_kib, status = result.stdout.split()
    except ValueError:
        sys.exit(f"measuring {command[0]} failed:\n{result.stdout}\n{result.stderr}")
    if status != "0":
        sys.exit(f"{' '.join(command)} exited with {status}:\n{result.stderr}")
    return seconds, int(peak_kib) / 1024


def ensure_matplotlib():
    """Installs matplotlib from PyPI when missing, as bench/render/run.py does, so this
    script also runs on its own."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print("matplotlib missing: pip install matplotlib", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "matplotlib"], check=True)


def write_series(folder, count, seed=532):
    """`count` series like datasets/china-ai-market-size.csv: 5 to 10 consecutive actual
    years ending 2020–2024, a start between 10 and 10,000 亿元 and 5–40 % growth with noise."""
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    for index in range(count):
        years = rng.randint(5, 10)
        end = rng.randint(2020, 2024)
        value = rng.uniform(10, 10_000)
        growth = rng.uniform(0.05, 0.40)
        lines = ["year,value,unit,status,source"]
        for year in range(end - years + 1, end + 1):
            lines.append(f"{year},{value:.1f},亿元,actual,synthetic series {index} (seed {seed})")
            value *= 1 + growth + rng.gauss(0, 0.03)
        with open(os.path.join(folder, f"vertical-{index:03d}.csv"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--marketcast", default=os.path.join(REPO, ".build", "release", "marketcast"))
    parser.add_argument("--count", type=int, default=532)
    parser.add_argument("--model", help="pass this --model to batch (default: none, batch's own default, auto)")
    args = parser.parse_args()
    if not os.path.isfile(args.marketcast):
        sys.exit(f"{args.marketcast} not found: run `swift build -c release` first (make bench does)")

    ensure_matplotlib()
    work = tempfile.mkdtemp(prefix="marketcast-bench-batch-")
    try:
        series = os.path.join(work, "series")
        write_series(series, args.count)
        small = os.path.join(work, "small")
        write_series(small, max(1, args.count // 10))
        batch = [args.marketcast, "batch", "--quiet"] + (["--model", args.model] if args.model else [])
        rows = []
        t_png, m_png = measured(batch + [series, "--out", os.path.join(work, "png"), "--formats", "png"])
        rows.append((f"marketcast batch, PNG ({args.count})", t_png, m_png))
        t_all, m_all = measured(batch + [series, "--out", os.path.join(work, "all"), "--formats", "png,svg,pdf"])
        rows.append((f"marketcast batch, PNG+SVG+PDF ({args.count})", t_all, m_all))
        # What a user gets by default: every chart format and batch.pptx.
        t_default, m_default = measured(batch + [series, "--out", os.path.join(work, "default")])
        rows.append((f"marketcast batch, default: all + pptx ({args.count})", t_default, m_default))
        t_small, m_small = measured(batch + [small, "--out", os.path.join(work, "small-out"), "--formats", "png"])
        rows.append((f"marketcast batch, PNG ({max(1, args.count // 10)})", t_small, m_small))
        charts = os.path.join(work, "png", "series", "charts")
        t_mpl, m_mpl = measured([sys.executable, os.path.join(HERE, "matplotlib_batch.py"), charts,
                                 os.path.join(work, "matplotlib")])
        rows.append((f"matplotlib, PNG ({args.count})", t_mpl, m_mpl))

        print(f"{'':44} {'seconds':>8} {'ms/chart':>9} {'peak MB':>8}")
        for name, seconds, peak in rows:
            count = max(1, args.count // 10) if "(" + str(max(1, args.count // 10)) + ")" in name else args.count
            print(f"{name:44} {seconds:8.1f} {seconds * 1000 / count:9.1f} {peak:8.0f}")
        ratio = t_mpl / t_png
        print(f"matplotlib / marketcast (PNG): {ratio:.1f}x, goal ≥ {GOAL:.0f}x: {'met' if ratio >= GOAL else 'MISSED'}  "
              f"(model: {args.model or 'default'}; cores: {os.cpu_count()}; marketcast uses all, matplotlib one)")
        print(f"marketcast peak memory, {args.count} vs {max(1, args.count // 10)} series: {m_png:.0f} MB vs {m_small:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
