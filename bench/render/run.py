"""Benchmark of issue 5's rendering, marketcast against matplotlib, side by side (never
run by the tests).

(1) Four chart kinds (market-size bars with CAGR arrows, a line chart, horizontal bars,
    the rank-stability heatmap)
    from charts.json, each laid out and encoded to memory N times in one process after
    one untimed warm-up: `marketcast-bench render` against matplotlib_charts.py (same
    data, page size, font, CJK font embedded in PDFs). Prints seconds per chart and the
    ratio matplotlib / marketcast per chart and format (goal: >= 5).
(2) The full report: `marketcast run` as a whole process (fits, charts, report.pdf).
(3) PNG encoders on marketcast's 1920x1080 market-size chart: cairo's writer, zlib and
    libpng at several settings (png_encoders.c), the measurement behind PNGEncoder.

usage: python3 bench/render/run.py [--marketcast PATH] [--count N] [--quick]
The marketcast binary defaults to the release build (.build/release/marketcast).
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CHARTS = ["market-size", "line", "horizontal-bars", "heatmap"]
FORMATS = ["png", "svg", "pdf"]
GOAL = 5.0


def ensure_matplotlib():
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print("matplotlib missing: pip install matplotlib", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "matplotlib"], check=True)


def parse(line):
    fields = dict(part.split("=", 1) for part in line.split())
    return float(fields["seconds_per_chart"]), int(fields["bytes"])


def run_line(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr}")
    return parse(out.stdout.strip().splitlines()[-1])


def charts(binary, count, folder):
    print("(1) one chart laid out and encoded in process, seconds per chart (median of N after a warm-up)")
    print(f"    {'chart':<16}{'format':<7}{'marketcast':>11}{'matplotlib':>11}{'ratio':>8}  goal >= {GOAL:g}x")
    worst = None
    for chart in CHARTS:
        for fmt in FORMATS:
            ours = run_line([binary, "render", "--chart", chart, "--format", fmt, "--count", str(count),
                             "--spec", os.path.join(HERE, "charts.json"),
                             "--out", os.path.join(folder, f"marketcast-{chart}.{fmt}")])
            # matplotlib's CJK TrueType PDF embedding takes seconds a chart: fewer repeats.
            their_count = max(1, count // 10) if fmt == "pdf" else max(2, count // 2)
            theirs = run_line([sys.executable, os.path.join(HERE, "matplotlib_charts.py"), chart, fmt,
                               str(their_count), os.path.join(folder, f"matplotlib-{chart}.{fmt}")])
            ratio = theirs[0] / ours[0]
            worst = ratio if worst is None else min(worst, ratio)
            verdict = "ok" if ratio >= GOAL else "BELOW GOAL"
            print(f"    {chart:<16}{fmt:<7}{ours[0]:>11.4f}{theirs[0]:>11.4f}{ratio:>7.1f}x  {verdict}", flush=True)
    print(f"    smallest ratio: {worst:.1f}x; renders kept in {folder}")


def full_report(binary, folder):
    out = os.path.join(folder, "report")
    start = time.perf_counter()
    run = subprocess.run([binary, "run", "--config", os.path.join(REPO, "report.yaml"), "--out", out, "--quiet"],
                         capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        print(f"(2) marketcast run failed:\n{run.stderr}")
        return
    files = sum(len(names) for _, _, names in os.walk(out))
    print(f"(2) full report, whole process (fits, every chart in png/svg/pdf, report.pdf): "
          f"{seconds:.2f} s, {files} files")


def png_encoders(folder):
    png = os.path.join(folder, "marketcast-market-size.png")
    compiler = shutil.which("cc")
    if not compiler or not os.path.exists(png):
        print("(3) skipped: needs cc and the market-size PNG from (1)")
        return
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "cairo", "libpng", "zlib"],
                           capture_output=True, text=True)
    if flags.returncode != 0:
        print("(3) skipped: pkg-config finds no cairo, libpng or zlib")
        return
    extra = subprocess.run(["pkg-config", "--cflags", "--libs", "libdeflate"], capture_output=True, text=True)
    # libdeflate (libdeflate-dev) is optional: measured when installed, as the next candidate.
    optional = ["-DHAVE_LIBDEFLATE"] + extra.stdout.split() if extra.returncode == 0 else []
    binary = os.path.join(folder, "png_encoders")
    subprocess.run([compiler, "-O2", os.path.join(HERE, "png_encoders.c"), "-o", binary]
                   + flags.stdout.split() + optional, check=True)
    print("(3) PNG encoders on marketcast's 1920x1080 market-size chart, ms per encode (fastest of 10):")
    out = subprocess.run([binary, png], capture_output=True, text=True, check=True)
    for line in out.stdout.splitlines()[1:]:
        print("   " + line)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--marketcast", default=os.path.join(REPO, ".build", "release", "marketcast"))
    parser.add_argument("--count", type=int, default=20, help="renders per chart and format on marketcast's side")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no encoder table")
    args = parser.parse_args()
    if not os.path.exists(args.marketcast):
        sys.exit(f"{args.marketcast} not found: run `swift build -c release` (make bench does)")
    ensure_matplotlib()
    import matplotlib
    count = 4 if args.quick else args.count
    print(f"render benchmark: marketcast {args.marketcast}, matplotlib {matplotlib.__version__}, "
          f"python {sys.version.split()[0]}")
    folder = os.path.join(REPO, "bench", "out", "render")
    os.makedirs(folder, exist_ok=True)
    # The timing command lives in the benchmark executable beside marketcast.
    charts(os.path.join(os.path.dirname(args.marketcast), "marketcast-bench"), count, folder)
    full_report(args.marketcast, folder)
    if not args.quick:
        png_encoders(folder)


if __name__ == "__main__":
    main()
