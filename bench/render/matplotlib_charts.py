"""The three benchmark charts drawn with matplotlib, as an analyst would write them by
hand: same data (charts.json), same page (960x540 pt; PNG at 1920x1080), same font
(Noto Sans CJK SC, embedded in PDFs as TrueType, pdf.fonttype 42), same sizes and
colours as marketcast's standard theme, and the same elements (titles, unit, legend,
value labels, intervals, CAGR arrows, milestone, gap label, source note).

Usage: python3 matplotlib_charts.py CHART FORMAT COUNT [OUT]
prints one line like marketcast-bench render does."""
import io
import json
import math
import os
import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402

FONT = "Noto Sans CJK SC"
PAGE_IN = (960 / 72, 540 / 72)  # points to inches
PNG_DPI = 1920 / PAGE_IN[0]       # 1920x1080 px
ACTUAL, ESTIMATE, HATCH = "#004488", "#9EB8D2", "#26609A"
ACCENT, TEXT, SECONDARY, NOTE, GRID = "#BB5566", "#222222", "#555555", "#6B6B6B", "#E3E3E3"

matplotlib.rcParams.update({
    "font.family": FONT,
    "pdf.fonttype": 42,   # TrueType, embedded: what marketcast's PDFs carry
    "svg.fonttype": "path",
    "svg.hashsalt": "marketcast-bench",
    "axes.unicode_minus": False,
    "hatch.color": HATCH,
    "hatch.linewidth": 1.2,
})

SPEC_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "charts.json")


def page(title, subtitle, unit):
    fig = plt.figure(figsize=PAGE_IN)
    fig.text(36 / 960, 1 - 28 / 540, title, fontsize=22, fontweight="bold", color=TEXT, va="top")
    top = 28 + 30
    if subtitle:
        fig.text(36 / 960, 1 - top / 540, subtitle, fontsize=13, color=SECONDARY, va="top")
        top += 20
    fig.text(36 / 960, 1 - (top + 6) / 540, unit, fontsize=11, color=SECONDARY, va="top")
    return fig


def note(fig, text):
    fig.text(36 / 960, 22 / 540, text, fontsize=9, color=NOTE, va="bottom", wrap=True)


def market_size(spec):
    fig = page(spec["title"], spec.get("subtitle"), spec["unit"])
    ax = fig.add_axes([50 / 960, 70 / 540, 870 / 960, 340 / 540])
    bars = spec["bars"]
    xs = range(len(bars))
    for x, b in zip(xs, bars):
        if b.get("estimate"):
            ax.bar(x, b["value"], width=0.6, color=ESTIMATE, hatch="///", edgecolor=HATCH, linewidth=0.8)
            ax.errorbar(x, b["value"], yerr=[[b["value"] - b["lower"]], [b["upper"] - b["value"]]],
                        color="#333333", capsize=6, linewidth=1.2)
        else:
            ax.bar(x, b["value"], width=0.6, color=ACTUAL)
        top = b.get("upper", b["value"])
        ax.text(x, top * 1.015, f"{b['value']:,.0f}", ha="center", va="bottom", fontsize=13, color=TEXT)
    highest = max(b.get("upper", b["value"]) for b in bars)
    arrow_y = highest * 1.22
    for span in spec["cagr"]:
        start, end = span["from"], span["to"]
        # Arrows start and end just above each bar's value label.
        left_top = bars[start].get("upper", bars[start]["value"]) + highest * 0.09
        right_top = bars[end].get("upper", bars[end]["value"]) + highest * 0.09
        ax.plot([start, start, end], [left_top, arrow_y, arrow_y], color=SECONDARY, linewidth=1.2,
                linestyle=(0, (4, 3)))
        ax.add_patch(FancyArrowPatch((end, arrow_y), (end, right_top), arrowstyle="-|>", mutation_scale=12,
                                     color=SECONDARY, linewidth=1.2, linestyle=(0, (4, 3))))
        ax.text((start + end) / 2, arrow_y, f"CAGR {span['rate'] * 100:.1f}%", ha="center", va="center",
                fontsize=11.5, fontweight="bold", color="white",
                bbox=dict(boxstyle="round,pad=0.35", facecolor=ACCENT, edgecolor="none"))
    ax.set_xticks(list(xs), [b["label"] for b in bars], fontsize=12, color=TEXT)
    ax.set_ylim(0, highest * 1.32)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(SECONDARY)
    ax.tick_params(axis="x", length=0)
    handles = [plt.Rectangle((0, 0), 1, 1, color=ACTUAL),
               plt.Rectangle((0, 0), 1, 1, facecolor=ESTIMATE, hatch="///", edgecolor=HATCH)]
    fig.legend(handles, ["实际值", "预测值（E）"], loc="upper right", bbox_to_anchor=(1 - 36 / 960, 1 - 96 / 540),
               ncol=2, frameon=False, fontsize=11)
    note(fig, spec["note"])
    return fig


def line(spec):
    fig = page(spec["title"], spec.get("subtitle"), spec["unit"])
    ax = fig.add_axes([70 / 960, 70 / 540, 850 / 960, 350 / 540])
    values = [math.nan if v is None else v for v in spec["values"]]
    xs = list(range(len(values)))
    ax.plot(xs, values, color=ACTUAL, linewidth=2, marker="o", markersize=6, markerfacecolor="white",
            markeredgewidth=1.5)
    ax.set_xticks(xs, spec["categories"], fontsize=12, color=TEXT)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.tick_params(axis="y", labelsize=12, colors=TEXT, length=0)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    top = max(v for v in values if not math.isnan(v))
    ax.set_ylim(0, top * 1.15)
    for x, v in zip(xs, values):
        if math.isnan(v):
            ax.text(x, top * 0.03, "无数据", ha="center", fontsize=11, color=NOTE)
    milestone = spec.get("milestone")
    if milestone:
        i = milestone["index"]
        ax.axvline(i, color=ACCENT, linestyle=":", linewidth=1.2)
        ax.plot([i], [values[i]], marker="o", markersize=11, markerfacecolor="none", markeredgecolor=ACCENT,
                markeredgewidth=1.5)
        ax.text(i + 0.1, top * 1.1, milestone["label"], fontsize=11, color=ACCENT, va="center")
    note(fig, spec["note"])
    return fig


def horizontal_bars(spec):
    fig = page(spec["title"], spec.get("subtitle"), spec["unit"])
    ax = fig.add_axes([150 / 960, 50 / 540, 760 / 960, 380 / 540])
    rows = spec["rows"]
    ys = list(range(len(rows)))[::-1]
    for y, row in zip(ys, rows):
        colour = ACCENT if row.get("highlight") else ACTUAL
        ax.barh(y, row["value"], height=0.55, color=colour)
        ax.text(row["value"] + 0.8, y, f"{row['value']:.1f}", va="center", fontsize=13, fontweight="bold",
                color=colour)
    ax.set_yticks(ys, [row["label"] for row in rows], fontsize=12, color=TEXT)
    ax.set_xticks([])
    ax.set_xlim(0, max(r["value"] for r in rows) * 1.08)
    ax.tick_params(axis="y", length=0)
    for side in ("bottom", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color(SECONDARY)
    note(fig, spec["note"])
    return fig


def heatmap(spec):
    fig = page(spec["title"], spec.get("subtitle"), spec["unit"])
    ax = fig.add_axes([110 / 960, 40 / 540, 810 / 960, 380 / 540])
    probabilities = spec["probabilities"]
    cmap = matplotlib.colors.LinearSegmentedColormap.from_list("blues", ["#FFFFFF", "#DCE6F0", ACTUAL])
    ax.imshow(probabilities, cmap=cmap, vmin=0, vmax=1, aspect="auto")
    threshold = spec["threshold"]
    for r, row in enumerate(probabilities):
        for c, p in enumerate(row):
            if p >= threshold:
                ax.text(c, r, f"{p * 100:.0f}%", ha="center", va="center", fontsize=11,
                        color="white" if p > 0.5 else TEXT)
    ax.set_xticks(range(len(spec["columns"])), spec["columns"], fontsize=11, color=SECONDARY)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(spec["rows"])), spec["rows"], fontsize=12, color=TEXT)
    ax.tick_params(length=0)
    ax.set_xticks([x - 0.5 for x in range(1, len(spec["columns"]))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(spec["rows"]))], minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    for side in ax.spines.values():
        side.set_visible(False)
    note(fig, spec["note"])
    return fig


CHARTS = {"market-size": market_size, "line": line, "horizontal-bars": horizontal_bars, "heatmap": heatmap}


def render(chart, fmt, spec):
    fig = CHARTS[chart](spec[chart])
    buffer = io.BytesIO()
    options = {"dpi": PNG_DPI} if fmt == "png" else {}
    # Fixed metadata, so PDF and SVG carry no date (as marketcast's do not).
    metadata = {"CreationDate": None} if fmt == "pdf" else ({"Date": None} if fmt == "svg" else None)
    fig.savefig(buffer, format=fmt, metadata=metadata, **options)
    plt.close(fig)
    return buffer.getvalue()


def main():
    chart, fmt, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    out = sys.argv[4] if len(sys.argv) > 4 else None
    with open(SPEC_PATH, encoding="utf-8") as f:
        spec = json.load(f)
    data = render(chart, fmt, spec)  # untimed: font loading and caches, as on marketcast's side
    times = []
    for _ in range(count):
        start = time.perf_counter()
        data = render(chart, fmt, spec)
        times.append(time.perf_counter() - start)
    if out:
        with open(out, "wb") as f:
            f.write(data)
    print(f"chart={chart} format={fmt} count={count} seconds_per_chart={statistics.median(times):.6f} bytes={len(data)}")


if __name__ == "__main__":
    main()
