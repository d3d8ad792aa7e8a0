"""The batch's market-size bar charts drawn with matplotlib, one PNG per series, as an
analyst's script would: same numbers (read from marketcast's charts/<id>.csv, so both
sides draw identical bars), same page (960x540 pt, PNG 1920x1080), same font (Noto Sans
CJK SC), and the same elements: title, unit, legend, value labels, hatched estimates
with interval whiskers, two CAGR arrows, source note. Every figure is closed after
saving, as a careful script does.

Usage: python3 matplotlib_batch.py CHARTS_DIR OUT_DIR"""
import csv
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

FONT = "Noto Sans CJK SC"
PAGE_IN = (960 / 72, 540 / 72)
PNG_DPI = 1920 / PAGE_IN[0]
ACTUAL, ESTIMATE, HATCH, ACCENT = "#004488", "#9EB8D2", "#26609A", "#BB5566"
TEXT, SECONDARY, NOTE = "#222222", "#555555", "#6B6B6B"
matplotlib.rcParams.update({"font.family": FONT, "axes.unicode_minus": False,
                            "hatch.color": HATCH, "hatch.linewidth": 1.2})


def read(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def cagr(a, b, years):
    return (b / a) ** (1 / years) - 1


def chart(series_id, rows, out):
    values = [float(r["value"]) for r in rows]
    estimate = [r["status"] == "estimate" for r in rows]
    fig = plt.figure(figsize=PAGE_IN)
    first, last = rows[0]["year"], rows[-1]["label"]
    fig.text(36 / 960, 1 - 28 / 540, f"{series_id}，{first}–{last}", fontsize=22, fontweight="bold",
             color=TEXT, va="top")
    fig.text(36 / 960, 1 - 64 / 540, f"单位：{rows[0]['unit']}", fontsize=11, color=SECONDARY, va="top")
    ax = fig.add_axes([50 / 960, 70 / 540, 870 / 960, 340 / 540])
    x = range(len(rows))
    ax.bar(x, values, width=0.6, color=[ESTIMATE if e else ACTUAL for e in estimate],
           hatch=None, edgecolor="none")
    for i, e in enumerate(estimate):
        if e:
            ax.bar([i], [values[i]], width=0.6, color=ESTIMATE, hatch="//", edgecolor=HATCH, linewidth=0)
            lower, upper = float(rows[i]["lower"] or values[i]), float(rows[i]["upper"] or values[i])
            ax.errorbar([i], [values[i]], yerr=[[values[i] - lower], [upper - values[i]]], color=SECONDARY,
                        capsize=4, linewidth=1)
    top = max(float(r["upper"] or r["value"]) for r in rows)
    for i, v in enumerate(values):
        above = float(rows[i]["upper"] or v)  # above the whisker, as marketcast places it
        ax.text(i, above + top * 0.02, f"{v:,.0f}", ha="center", va="bottom", fontsize=11, color=TEXT)
    split = max(i for i, e in enumerate(estimate) if not e)
    for a, b, level in [(0, split, 1.18), (split, len(rows) - 1, 1.30)]:
        if b > a:
            rate = cagr(values[a], values[b], int(rows[b]["year"]) - int(rows[a]["year"]))
            y = top * level
            ax.annotate("", xy=(b, y), xytext=(a, y),
                        arrowprops=dict(arrowstyle="->", color=ACCENT, linewidth=1.5))
            ax.text((a + b) / 2, y + top * 0.02, f"CAGR {rate * 100:.1f}%", ha="center", fontsize=12,
                    color=ACCENT, bbox=dict(facecolor="white", edgecolor=ACCENT, boxstyle="round"))
    ax.set_ylim(0, top * 1.45)
    ax.set_xticks(list(x), [r["label"] for r in rows], fontsize=11)
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.legend(handles=[plt.Rectangle((0, 0), 1, 1, color=ACTUAL), plt.Rectangle((0, 0), 1, 1, color=ESTIMATE, hatch="//")],
              labels=["实际值", "预测值（E）"], loc="upper right", bbox_to_anchor=(1, 1.18), ncol=2, frameon=False)
    fig.text(36 / 960, 22 / 540, "来源：synthetic。注：E 为 marketcast 预测值。", fontsize=9, color=NOTE, va="bottom")
    fig.savefig(out, dpi=PNG_DPI)
    plt.close(fig)


def main():
    charts, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for name in sorted(n for n in os.listdir(charts) if n.endswith(".csv")):
        chart(name[:-4], read(os.path.join(charts, name)), os.path.join(out, name[:-4] + ".png"))


if __name__ == "__main__":
    main()
