#!/usr/bin/env python3
"""Checks a deck written by `marketcast run --update` over edit_like_analyst.py's edits.

Usage: check_update.py UPDATED.pptx FRESH.pptx DECK_UPDATE_TXT UNIT_LEFT UNIT_TOP

UPDATED is the analyst's deck with the new edition written in; FRESH is the same edition
written without --update (what the data say). Read with python-pptx, not marketcast:
- the analyst's edits survive: the retyped title, the added text box, the unit label where
  it was moved (UNIT_LEFT, UNIT_TOP in EMU, with this edition's text), the deleted source
  note stays deleted and deck-update.txt says so;
- the data are the new edition's: the market-size chart's categories and values (the
  added 2099E is gone), its estimate hatch, its error bars, and its CAGR arrows (line
  series, their formulas and cached heights) equal FRESH's; no CAGR group is on the slide.
Prints one line per failure and "update: N passed, M failed"; exits 1 on failure.
"""
import sys

from lxml import etree
from pptx import Presentation

NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
passed = failed = 0


def check(condition, message):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + message)


def market_slide(presentation):
    return next(s for s in presentation.slides if any(shape.name == "market-size" for shape in s.shapes))


def shape(slide, name):
    return next((s for s in slide.shapes if s.name == name), None)


def group_text(group):
    return "".join(t.text or "" for t in group._element.iter("{%s}t" % NS["a"]))


def error_bars(chart):
    space = chart.part._element
    out = []
    for cache in space.iterfind(".//c:errBars/*/c:numRef/c:numCache", NS):
        out.append(sorted((int(pt.get("idx")), float(pt.findtext("c:v", namespaces=NS))) for pt in cache.iterfind("c:pt", NS)))
    return out


def hatched(chart, i):
    series = chart.part._element.find(".//c:ser", NS)
    point = etree.XPath(f"c:dPt[c:idx/@val={i}]/c:spPr", namespaces=NS)(series)
    fill = point[0] if point else series.find("c:spPr", NS)
    return fill is not None and fill.find("a:pattFill", NS) is not None


def arrows(chart):
    # The CAGR arrows: line series headed "CAGR 箭头 n" ("CAGR arrow n"), each with its
    # header, its cells' reference and its cached points.
    out = []
    for ser in chart.part._element.iterfind(".//c:lineChart/c:ser", NS):
        name = ser.findtext("c:tx//c:v", namespaces=NS) or ""
        if name.startswith(("CAGR 箭头", "CAGR arrow")):
            cache = ser.find("c:val/c:numRef/c:numCache", NS)
            out.append((name, ser.findtext("c:val/c:numRef/c:f", namespaces=NS),
                        sorted((int(pt.get("idx")), pt.findtext("c:v", namespaces=NS)) for pt in cache.iterfind("c:pt", NS))))
    return out


def main():
    updated_path, fresh_path, listing_path, left, top = sys.argv[1:6]
    updated, fresh = market_slide(Presentation(updated_path)), market_slide(Presentation(fresh_path))
    listing = open(listing_path, encoding="utf-8").read()

    # The analyst's edits.
    check(updated.shapes.title.text == "分析师的标题", f"the analyst's title is gone: {updated.shapes.title.text!r}")
    note = shape(updated, "Analyst note")
    check(note is not None and note.text_frame.text == "分析师批注：与客户沟通后保留", "the analyst's text box is gone")
    unit, fresh_unit = shape(updated, "unit 1"), shape(fresh, "unit 1")
    check(unit is not None and (unit.left, unit.top) == (int(left), int(top)),
          f"the moved unit label is at {(unit.left, unit.top) if unit else None}, not where the analyst put it")
    check(unit is not None and unit.text_frame.text == fresh_unit.text_frame.text, "the unit label's text is not this edition's")
    check(shape(updated, "source-note 1") is None, "the deleted source note came back")
    check("source-note 1 is not in the deck" in listing, "deck-update.txt does not list the deleted source note")
    check("kept the title «分析师的标题»" in listing, "deck-update.txt does not say the title was kept")

    # The new edition's data.
    chart, fresh_chart = shape(updated, "market-size").chart, shape(fresh, "market-size").chart
    check(list(chart.plots[0].categories) == list(fresh_chart.plots[0].categories),
          f"categories {list(chart.plots[0].categories)} are not this edition's {list(fresh_chart.plots[0].categories)}")
    check(list(chart.plots[0].series[0].values) == list(fresh_chart.plots[0].series[0].values), "values are not this edition's")
    categories = list(fresh_chart.plots[0].categories)
    for i, category in enumerate(categories):
        check(hatched(chart, i) == category.endswith("E"), f"{category}: hatch does not follow the E years")
    check(error_bars(chart) == error_bars(fresh_chart) and error_bars(chart) != [], "error bars are not this edition's")
    # The CAGR arrows are the chart's: this edition's, and no group of shapes.
    check(arrows(chart) == arrows(fresh_chart) and arrows(chart) != [],
          f"the CAGR arrows {arrows(chart)} are not this edition's {arrows(fresh_chart)}")
    check(not any(" CAGR " in s.name for s in updated.shapes), "a CAGR group is on the updated slide")
    print(f"update: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
