"""Refreshes the README's pictures from a finished run: python3 docs/pictures.py output/2026Q4

Only for the documentation (the product never uses Python or PIL): each chart's 1920x1080
PNG is downscaled to 960 px wide with a Lanczos filter and saved, optimised, under docs/,
so the repository stays small.
"""
import sys
from pathlib import Path

from PIL import Image

# chart id -> picture name under docs/, in the order the README shows them.
PICTURES = ["market-size", "large-model-market", "scenarios", "chatgpt-visits", "penetration-matrix"]
WIDTH = 960


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    charts = Path(sys.argv[1]) / "charts"
    docs = Path(__file__).resolve().parent
    for chart in PICTURES:
        source = charts / f"{chart}.png"
        if not source.exists():
            print(f"{source}: not found; run marketcast first (make docs does)", file=sys.stderr)
            return 1
        with Image.open(source) as image:
            height = round(image.height * WIDTH / image.width)
            small = image.convert("RGB").resize((WIDTH, height), Image.LANCZOS)
        target = docs / f"{chart}.png"
        small.save(target, optimize=True)
        print(f"{target.relative_to(docs.parent)}: {WIDTH}x{height}, {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
