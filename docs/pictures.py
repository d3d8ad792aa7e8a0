"""Refreshes the README's pictures from a finished run: python3 docs/pictures.py output/2026Q4

Only for the documentation (the product never uses Python or PIL): each chart's 1920x1080
PNG is downscaled to 960 px wide with a Lanczos filter and saved, optimised, under docs/,
so the repository stays small. docs/deck-market-size.png puts the market-size PNG beside
the same slide of report.pptx as LibreOffice draws it (converted headless), so a reader
sees what the deck looks like outside PowerPoint.
"""
import os
import subprocess
import sys
import tempfile
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
    return deck_picture(Path(sys.argv[1]), docs)


def market_size_slide(deck: Path) -> int:
    """The 1-based number of the slide whose native chart is named market-size."""
    from pptx import Presentation  # installed by make test's test-deps
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        if any(shape.has_chart and shape.name == "market-size" for shape in slide.shapes):
            return number
    raise SystemExit(f"{deck}: no slide holds the market-size chart")


def deck_picture(run: Path, docs: Path) -> int:
    """The PNG above LibreOffice's rendering of the same slide, each 960 px wide."""
    slide = market_size_slide(run / "report.pptx")
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", work, str(run / "report.pptx")],
                       check=True, capture_output=True, env=dict(os.environ, HOME=work))
        subprocess.run(["pdftoppm", "-png", "-r", "96", "-f", str(slide), "-l", str(slide), "-singlefile",
                        str(Path(work) / "report.pdf"), str(Path(work) / "slide")], check=True)
        with Image.open(run / "charts" / "market-size.png") as png, Image.open(Path(work) / "slide.png") as converted:
            height = round(png.height * WIDTH / png.width)
            sheet = Image.new("RGB", (WIDTH, 2 * height + 8), (200, 200, 200))
            sheet.paste(png.convert("RGB").resize((WIDTH, height), Image.LANCZOS), (0, 0))
            sheet.paste(converted.convert("RGB").resize((WIDTH, height), Image.LANCZOS), (0, height + 8))
    target = docs / "deck-market-size.png"
    sheet.save(target, optimize=True)
    print(f"{target.relative_to(docs.parent)}: {WIDTH}x{2 * height + 8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
