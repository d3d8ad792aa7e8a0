#!/usr/bin/env python3
"""Edits a marketcast deck the way an analyst does between quarters, with python-pptx.

Usage: edit_like_analyst.py IN.pptx OUT.pptx

On the slide whose chart is named "market-size":
- "Edit Data": the chart's data replaced (python-pptx `replace_data`, what PowerPoint's
  Edit Data does to the sheet), with every value changed and a year 2099E added;
- the title retyped to "分析师的标题";
- the unit label moved 30 pt right and 6 pt down;
- a text box "Analyst note" added, saying "分析师批注：与客户沟通后保留";
- the source note "source-note 1" deleted (a shape the data decide: the CAGR arrows, once
  groups the analyst could delete, are the chart's own lines, rewritten with its data).
Prints the moved shape's new position (EMU) as "moved unit 1 to X Y".
"""
import sys

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.util import Pt

source, target = sys.argv[1], sys.argv[2]
presentation = Presentation(source)
slide = next(s for s in presentation.slides if any(shape.name == "market-size" for shape in s.shapes))
frame = next(shape for shape in slide.shapes if shape.name == "market-size")
chart = frame.chart
plot = chart.plots[0]
categories = list(plot.categories) + ["2099E"]
data = CategoryChartData()
data.categories = categories
for series in chart.series:
    values = [None if v is None else v * 1.5 for v in series.values] + [99999.0]
    data.add_series(series.name, values)
chart.replace_data(data)
slide.shapes.title.text = "分析师的标题"
unit = next(shape for shape in slide.shapes if shape.name == "unit 1")
unit.left += Pt(30)
unit.top += Pt(6)
box = slide.shapes.add_textbox(Pt(560), Pt(110), Pt(220), Pt(20))
box.name = "Analyst note"
box.text_frame.text = "分析师批注：与客户沟通后保留"
note = next(shape for shape in slide.shapes if shape.name == "source-note 1")
note._element.getparent().remove(note._element)
presentation.save(target)
print(f"moved unit 1 to {unit.left} {unit.top}")
