#!/usr/bin/env python3
"""An independent reading of a marketcast deck (report.pptx or batch.pptx).

Usage: check_deck.py RUN_FOLDER DECK_NAME [--no-libreoffice] [--expect-theme NAME]

The deck is read back with python-pptx and openpyxl, not with marketcast's own code:
- every native chart: its cached series values equal the embedded workbook's cells; every
  number in the workbook is a number of the chart's CSV (charts/<chart id>.csv), except
  formula cells (interval distances, band widths, CAGRs, label texts, CAGR arrows and the
  pills' heights), which must equal their formula, recomputed here (`evaluate`);
- labels read from cells (the CAGR pills, a bound's words): every cached label is its
  cell's text, every CAGR cell's formula recomputes (in Python, from the workbook's cached
  values) to the value it caches, and every label text formula gives the text it caches;
- market-size charts: categories are the CSV's labels (forecast years with E), values and
  interval ends equal the CSV, forecast points are pattern-filled, labels carry a number
  format;
- CAGR arrows (line series of the chart): one formula, of every bar with its label's
  rise, over the span the arrow's CAGR reads, above every bar, with an arrowhead, no
  markers, no label but the head and no legend entry; each pill's height is its arrow's;
  and after an edit like "Edit Data" (the last two E years raised above the arrows, every
  formula recomputed) each arrow sits its room above each raised bar's label, its pill on
  it;
- openxml-audit (a port of the Open XML SDK validator) finds no error in the deck or in
  any embedded workbook;
- every slide is built on a layout and has its title in the title placeholder
  (python-pptx `shapes.title`), first in reading order; footer, date and slide number are
  placeholders, the number a `slidenum` field;
- colours are theme references: every colour is an `a:schemeClr`, and the runs name the
  theme's fonts (+mj/+mn), so changing the theme recolours and re-fonts the deck;
- every chart, table and group (diagram, annotation) has alt text (`descr`);
- every slide has speaker notes naming its inputs with their SHA-256;
- "Edit Data" (python-pptx replace_data with every value changed): the error bars still
  read columns of the rewritten sheet, holding the new distances;
- with --expect-theme: the slides' master is a template's whose theme has that name;
- LibreOffice Calc opens every workbook with CAGR arrows after that edit and computes every
  formula as the checks above do (so they are plain spreadsheet formulas);
- LibreOffice converts the deck to PDF headless and draws every slide; the PDF's text holds every chart slide's
  title, the E years and the CAGR labels, and Noto Sans CJK is embedded.
Prints one line per failure and a closing "N passed, M failed" line; exits 1 on failure.
"""
import csv
import io
import math
import os
import re
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from lxml import etree
from pptx import Presentation

NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
passed = 0
failed = 0


def check(condition, message):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + message)


def close(a, b):
    return a == b or (a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-9))


def csv_numbers(rows):
    numbers = []
    for row in rows:
        for cell in row.values():
            try:
                numbers.append(float(cell))
            except (TypeError, ValueError):
                pass
    return numbers


def column_of(reference):
    # Sheet1!$B$2:$B$10 -> "B"
    match = re.search(r"!\$([A-Z]+)\$", reference or "")
    return match.group(1) if match else None


def check_chart(shape, run_folder):
    chart_id = shape.name
    csv_path = os.path.join(run_folder, "charts", chart_id + ".csv")
    check(os.path.exists(csv_path), f"{chart_id}: the chart has no charts/{chart_id}.csv")
    if not os.path.exists(csv_path):
        return
    with open(csv_path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    chart = shape.chart
    # A chart may draw its CSV's numbers in a display unit (English pages show CNY bn for
    # a CSV in 亿元): one power of ten for the whole chart, found from the first value.
    blob = chart.part.chart_workbook.xlsx_part.blob
    values_book = openpyxl.load_workbook(io.BytesIO(blob), data_only=True).active
    formula_book = openpyxl.load_workbook(io.BytesIO(blob), data_only=False).active
    plain = [cell.value for row in formula_book.iter_rows(min_row=2) for cell in row
             if isinstance(cell.value, (int, float))]
    scale = display_scale(rows, plain)
    numbers = [n * scale for n in csv_numbers(rows)]
    space = chart.part._element  # the c:chartSpace element

    # Cached values against the workbook, series by series.
    for ser in space.iterfind(".//c:ser", NS):
        for ref_path, cache_path in ((".//c:val/c:numRef", "c:numCache"), (".//c:yVal/c:numRef", "c:numCache"),
                                     (".//c:xVal/c:numRef", "c:numCache"), (".//c:bubbleSize/c:numRef", "c:numCache"),
                                     (".//c:plus/c:numRef", "c:numCache"), (".//c:minus/c:numRef", "c:numCache")):
            for num_ref in ser.iterfind(ref_path, NS):
                column = column_of(num_ref.findtext("c:f", namespaces=NS))
                cache = num_ref.find(cache_path, NS)
                count = int(cache.find("c:ptCount", NS).get("val"))
                cached = [None] * count
                for pt in cache.iterfind("c:pt", NS):
                    cached[int(pt.get("idx"))] = float(pt.findtext("c:v", namespaces=NS))
                book = [values_book[f"{column}{row + 2}"].value for row in range(count)]
                check(all(close(a, b) for a, b in zip(cached, book)),
                      f"{chart_id}: cached values {cached} differ from workbook column {column} {book}")

    # Every plain number in the workbook is one of the CSV's; formulas give their values,
    # computed here from the cells.
    for row in formula_book.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                check_formula(chart_id, cell, values_book)
            elif isinstance(cell.value, (int, float)):
                check(any(close(cell.value, n) for n in numbers),
                      f"{chart_id}: workbook {cell.coordinate} = {cell.value} is no number of {chart_id}.csv")
    check_cell_labels(chart_id, space, values_book)
    arrows = check_arrows(chart_id, space, formula_book, values_book)
    if arrows:
        check_arrows_follow_edit(chart_id, space, formula_book, values_book, arrows)
        EDITED.append((chart_id, blob, edit_data(space, values_book, arrows)))

    # A pinned value axis says why in the workbook; an unpinned one has no maximum.
    if chart.chart_type is not None and space.find(".//c:bubbleChart", NS) is None:
        pinned = space.find(".//c:valAx/c:scaling/c:max", NS) is not None
        header = [cell.value for cell in formula_book[1]]
        check(pinned == (header[-1] in ("说明", "Note")),
              f"{chart_id}: the axis is {'pinned' if pinned else 'free'} but the workbook's last column is {header[-1]!r}")

    if rows and "label" in rows[0] and "value" in rows[0]:
        # Publisher forecasts are diamonds beside the bars (shapes), not chart values.
        check_market_size(chart_id, chart, space, [r for r in rows if r["status"] in ("actual", "estimate")], values_book,
                          scale)


def excel_text(value, code):
    # Excel's TEXT(value, code) for the codes the deck writes: "#,##0", "#,##0.0", "#,##0.0%"
    # (grouped, a fixed number of decimals, rounded half away from zero as Excel does).
    from decimal import Decimal, ROUND_HALF_UP
    match = re.fullmatch(r"#,##0(?:\.(0+))?(%?)", code)
    if match is None:
        return None
    decimals = len(match.group(1) or "")
    number = Decimal(repr(float(value))) * (100 if match.group(2) else 1)
    rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{rounded:,.{decimals}f}" + match.group(2)


def evaluate(formula, value):
    # The formulas the deck writes, computed from `value(reference)` (a cell's number or
    # text, None when blank), as Excel and LibreOffice compute them: whisker and band
    # distances, the CAGR of two bars, the labels' texts, a CAGR arrow's height (the MAX of
    # cells plus a number, where a blank is 0, of ranges, whose blanks are skipped, and of
    # numbers, plus its room) and a pill's height (its arrow's cell). Returns None for any
    # other formula.
    distance = re.fullmatch(r"=MAX\(0,([A-Z]+\d+)-([A-Z]+\d+)\)", formula)
    growth = re.fullmatch(r"=\(([A-Z]+\d+)/([A-Z]+\d+)\)\^\(1/(\d+)\)-1", formula)
    text = re.fullmatch(r'=(?:"((?:[^"]|"")*)"|([A-Z]+\d+))&TEXT\(([A-Z]+\d+),"((?:[^"]|"")*)"\)', formula)
    arrow = re.fullmatch(r"=MAX\(([^()]*)\)([+-][0-9.eE+-]+)", formula)
    reference = re.fullmatch(r"=([A-Z]+\d+)", formula)
    if distance:
        a, b = value(distance.group(1)), value(distance.group(2))
        return None if a is None or b is None else max(0.0, a - b)
    if growth:
        last, first = value(growth.group(1)), value(growth.group(2))
        if not (isinstance(last, (int, float)) and isinstance(first, (int, float)) and first > 0 and last > 0):
            return None
        return (last / first) ** (1 / int(growth.group(3))) - 1
    if text:
        words = text.group(1).replace('""', '"') if text.group(1) is not None else value(text.group(2))
        formatted = excel_text(value(text.group(3)), text.group(4).replace('""', '"'))
        return None if not isinstance(words, str) or formatted is None else words + formatted
    if arrow:
        numbers = []
        for argument in arrow.group(1).split(","):
            span = re.fullmatch(r"\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)", argument)
            term = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)([+-][0-9.eE+-]+)?", argument)
            if term:
                cell = value(f"{term.group(1)}{term.group(2)}")
                if term.group(3) is not None:
                    numbers.append((cell if isinstance(cell, (int, float)) else 0.0) + float(term.group(3)))
                elif isinstance(cell, (int, float)):
                    numbers.append(cell)
            elif span and span.group(1) == span.group(3):
                cells = [value(f"{span.group(1)}{row}") for row in range(int(span.group(2)), int(span.group(4)) + 1)]
                numbers += [c for c in cells if isinstance(c, (int, float))]
            elif re.fullmatch(r"[0-9.eE+-]+", argument):
                numbers.append(float(argument))
            else:
                return None
        return max(numbers, default=0.0) + float(arrow.group(2))
    if reference:
        return value(reference.group(1))
    return None


def check_formula(chart_id, cell, values_book):
    # Every formula recomputed from the cached values of the cells it reads gives the
    # value it caches.
    cached = values_book[cell.coordinate].value
    computed = evaluate(cell.value, lambda reference: values_book[reference].value)
    if isinstance(computed, str) or isinstance(cached, str):
        check(cached == computed, f"{chart_id}: {cell.coordinate} caches {cached!r}, its formula {cell.value} gives {computed!r}")
    else:
        check(computed is not None and close(cached, computed),
              f"{chart_id}: {cell.coordinate} caches {cached}, its formula {cell.value} gives {computed}")


ARROW_HEADER = re.compile(r"CAGR (?:箭头|arrow) (\d+)")


def series_column(ser):
    return column_of(ser.findtext("c:val/c:numRef/c:f", namespaces=NS))


def check_arrows(chart_id, space, formula_book, values_book):
    # The CAGR arrows: line series whose header is "CAGR 箭头 n" ("CAGR arrow n").
    header = {cell.column_letter: cell.value for cell in formula_book[1]}
    formulas = {cell.coordinate: cell.value for row in formula_book.iter_rows(min_row=2) for cell in row
                if isinstance(cell.value, str) and cell.value.startswith("=")}
    arrows = [ser for ser in space.iterfind(".//c:lineChart/c:ser", NS)
              if ARROW_HEADER.match(header.get(series_column(ser)) or "")]
    # Every CAGR pill has its arrow in the chart.
    pills = [column for column, title in header.items() if title in ("CAGR 标签", "CAGR label")]
    pill_count = sum(1 for column in pills for row in range(2, formula_book.max_row + 1)
                     if formula_book[f"{column}{row}"].value is not None)
    check(len(arrows) == pill_count, f"{chart_id}: {pill_count} CAGR pills, {len(arrows)} arrows in the chart")
    if not arrows:
        return []
    check(space.find(".//c:dispBlanksAs", NS).get("val") == "gap", f"{chart_id}: blanks are not gaps")
    legend = space.find(".//c:legend", NS)
    bars = space.find(".//c:barChart/c:ser", NS)
    values = series_column(bars)
    found = []
    for ser in arrows:
        column = series_column(ser)
        rows = sorted(int(re.sub(r"[A-Z]+", "", ref)) for ref in formulas if re.fullmatch(column + r"\d+", ref))
        check(rows != [] and rows == list(range(rows[0], rows[-1] + 1)),
              f"{chart_id}: arrow {column} has a blank between its ends: rows {rows}")
        check(len({formulas[f"{column}{row}"] for row in rows}) == 1, f"{chart_id}: arrow {column}'s rows hold other formulas")
        # Over the span its pill's CAGR reads: the pill's height is a reference to the arrow.
        pills = [ref for ref, formula in formulas.items() if re.fullmatch(r"=" + column + r"\d+", formula)]
        check(len(pills) == 1, f"{chart_id}: arrow {column} carries {len(pills)} pills")
        for pill in pills:
            row = re.sub(r"[A-Z]+", "", pill)
            rates = [ref for ref, formula in formulas.items() if ref.endswith(row) and ref[:-len(row)].isalpha()
                     and re.fullmatch(r"=\(([A-Z]+\d+)/([A-Z]+\d+)\)\^\(1/\d+\)-1", formula)]
            for rate in rates:
                last, first = re.fullmatch(r"=\(([A-Z]+)(\d+)/([A-Z]+)(\d+)\).*", formulas[rate]).group(2, 4)
                check((int(first), int(last)) == (rows[0], rows[-1]),
                      f"{chart_id}: arrow {column} runs over rows {rows[0]}–{rows[-1]}, its CAGR {rate} reads {first}–{last}")
        # Each bar's row is in the MAX, with its label's rise: a bar raised in "Edit Data"
        # lifts the arrow with its label.
        terms = dict(re.findall(r"\$" + values + r"\$(\d+)\+([0-9.eE+-]+)", formulas[f"{column}{rows[0]}"]))
        bar_rows = [str(row) for row in range(2, formula_book.max_row + 1)
                    if formula_book[f"{values}{row}"].value is not None or row in rows]
        check(all(row in terms and float(terms[row]) > 0 for row in bar_rows),
              f"{chart_id}: arrow {column}'s formula lacks a bar with its label's rise: {formulas[f'{column}{rows[0]}']}")
        height = values_book[f"{column}{rows[0]}"].value
        tops = [c.value for row in values_book.iter_rows(min_row=2) for c in row
                if c.column_letter == values and isinstance(c.value, (int, float))]
        check(height > max(tops, default=0), f"{chart_id}: arrow {column} at {height} is not above the bars")
        maximum = space.find(".//c:valAx/c:scaling/c:max", NS)
        check(maximum is None or height < float(maximum.get("val")), f"{chart_id}: arrow {column} is above the pinned axis")
        # Drawn as an arrow: a line with a head, no markers, the ▶ as its one label, at its end.
        line = ser.find("c:spPr/a:ln", NS)
        check(line is not None and line.find("a:solidFill", NS) is not None
              and line.find("a:tailEnd", NS) is not None and line.find("a:tailEnd", NS).get("type") == "triangle",
              f"{chart_id}: arrow {column} is no line with an arrowhead")
        check(ser.find("c:marker/c:symbol", NS).get("val") == "none", f"{chart_id}: arrow {column} has markers")
        labels = ser.findall("c:dLbls/c:dLbl", NS)
        check(len(labels) == 1 and int(labels[0].find("c:idx", NS).get("val")) == rows[-1] - 2
              and "".join(t.text for t in labels[0].iter("{%s}t" % NS["a"])) == "▶"
              and ser.find("c:dLbls/c:showVal", NS).get("val") == "0",
              f"{chart_id}: arrow {column} has labels other than its head at its end")
        if legend is not None:
            index = ser.find("c:idx", NS).get("val")
            check(any(e.find("c:idx", NS).get("val") == index and e.find("c:delete", NS).get("val") == "1"
                      for e in legend.iterfind("c:legendEntry", NS)), f"{chart_id}: arrow {column} is in the legend")
        found.append((column, rows, pills[0] if pills else None))
    return found


def edit_data(space, values_book, arrows):
    # "Edit Data" on a chart with CAGR arrows: the last two E years (a chart of actuals: its
    # last two years) raised above the arrows. Returns {cell: new value}.
    categories = {int(pt.get("idx")): pt.findtext("c:v", namespaces=NS)
                  for pt in space.find(".//c:barChart/c:ser/c:cat//c:strCache", NS).iterfind("c:pt", NS)}
    values = series_column(space.find(".//c:barChart/c:ser", NS))
    cell = lambda reference: values_book[reference].value
    years = [i + 2 for i, label in sorted(categories.items()) if isinstance(cell(f"{values}{i + 2}"), (int, float))]
    estimates = [row for row in years if categories[row - 2].endswith("E")]
    edited = (estimates if len(estimates) >= 2 else years)[-2:]
    raised = max(cell(f"{column}{rows[0]}") for column, rows, _ in arrows) * 1.25
    return {f"{values}{row}": raised * (1 + 0.1 * k) for k, row in enumerate(edited)}


def recompute(formulas, state):
    # Every formula recomputed from `state` (in sheet order, until nothing changes), as a
    # spreadsheet does after an edit; `state` is updated in place.
    for _ in range(len(formulas) + 1):
        changed = False
        for ref, formula in formulas.items():
            new = evaluate(formula, lambda r: state.get(r))
            if new != state.get(ref):
                state[ref], changed = new, True
        if not changed:
            break


def check_arrows_follow_edit(chart_id, space, formula_book, values_book, arrows):
    # After "Edit Data" (edit_data), recomputed: the arrows rise, their room above each
    # raised bar's label, and the pills stay on them.
    values = series_column(space.find(".//c:barChart/c:ser", NS))
    state = {c.coordinate: c.value for row in values_book.iter_rows() for c in row}
    formulas = {c.coordinate: c.value for row in formula_book.iter_rows(min_row=2) for c in row
                if isinstance(c.value, str) and c.value.startswith("=")}
    before = {column: state[f"{column}{rows[0]}"] for column, rows, _ in arrows}
    edits = edit_data(space, values_book, arrows)
    check(len(edits) == 2, f"{chart_id}: no two years to edit")
    edited = [int(re.sub(r"[A-Z]+", "", ref)) for ref in edits]
    state.update(edits)
    recompute(formulas, state)
    tallest = max(v for ref, v in state.items() if re.fullmatch(values + r"\d+", ref) and isinstance(v, (int, float)))
    for column, rows, pill in arrows:
        end = state[f"{column}{rows[-1]}"]
        check(end > state[f"{values}{rows[-1]}"] and end > tallest,
              f"{chart_id}: after Edit Data arrow {column} ends at {end}, not above the bars (tallest {tallest})")
        # Each raised bar's label (its value and its rise) stays the arrow's room below it,
        # and the arrow rose.
        formula = formulas[f"{column}{rows[0]}"]
        room = float(re.search(r"\)([+-][0-9.eE+-]+)$", formula).group(1))
        rises = dict(re.findall(r"\$" + values + r"\$(\d+)\+([0-9.eE+-]+)", formula))
        for row in edited:
            label_top = state[f"{values}{row}"] + float(rises.get(str(row), "nan"))
            check(room > 0 and end >= label_top + room - 1e-9,
                  f"{chart_id}: after Edit Data arrow {column} at {end} is not {room} above row {row}'s label at {label_top}")
        check(end > before[column], f"{chart_id}: after Edit Data arrow {column} stays at {end}")
        check(pill is None or close(state[pill], end), f"{chart_id}: after Edit Data the pill {pill} is off its arrow {column}")


# Workbooks of charts with CAGR arrows and their "Edit Data" edits, for LibreOffice Calc.
EDITED = []


def check_calc_recomputes(edited):
    # LibreOffice Calc opens each edited workbook (the edits written with openpyxl, which
    # keeps no cached value for any formula, so Calc computes them all) and saves it as CSV:
    # every formula cell must hold what `evaluate` computes, so the formulas are plain
    # spreadsheet formulas and the evaluator the checks above rely on is Calc's arithmetic.
    with tempfile.TemporaryDirectory() as work:
        expected = {}
        for k, (chart_id, blob, edits) in enumerate(edited):
            book = openpyxl.load_workbook(io.BytesIO(blob))
            sheet = book.active
            for ref, value in edits.items():
                sheet[ref] = value
            path = os.path.join(work, f"edited{k}.xlsx")
            book.save(path)
            state = {c.coordinate: c.value for row in sheet.iter_rows() for c in row
                     if not (isinstance(c.value, str) and c.value.startswith("="))}
            formulas = {c.coordinate: c.value for row in sheet.iter_rows(min_row=2) for c in row
                        if isinstance(c.value, str) and c.value.startswith("=")}
            recompute(formulas, state)
            expected[path] = (chart_id, {ref: state[ref] for ref in formulas})
        env = dict(os.environ, HOME=work)
        # UTF-8, raw values (not as shown), so a number is its digits.
        result = subprocess.run(["soffice", "--headless", "--norestore", "--convert-to",
                                 "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false",
                                 "--outdir", work] + list(expected), capture_output=True, text=True, env=env, timeout=600)
        for path, (chart_id, cells) in expected.items():
            out = os.path.splitext(path)[0] + ".csv"
            check(os.path.exists(out), f"{chart_id}: LibreOffice Calc did not open the edited workbook (is "
                  f"libreoffice-calc installed?): {result.stdout} {result.stderr}")
            if not os.path.exists(out):
                continue
            with open(out, encoding="utf-8") as handle:
                rows = list(csv.reader(handle))
            for ref, value in cells.items():
                column = openpyxl.utils.column_index_from_string(re.sub(r"\d+", "", ref))
                row = int(re.sub(r"[A-Z]+", "", ref))
                text = rows[row - 1][column - 1] if row <= len(rows) and column <= len(rows[row - 1]) else ""
                if isinstance(value, str):
                    same = text == value
                else:
                    try:
                        calc = float(text[:-1]) / 100 if text.endswith("%") else float(text)
                        same = value is not None and math.isclose(calc, value, rel_tol=1e-9, abs_tol=1e-9)
                    except ValueError:
                        same = False
                check(same, f"{chart_id}: after Edit Data LibreOffice Calc computes {ref} as {text!r}, the checks {value!r}")


def check_cell_labels(chart_id, space, values_book):
    # Labels "from cells" (the CAGR pills, a bound's "超过"): each label's cached text is
    # its cell's text, and each point with a cached text has a label showing the cell.
    C15 = "{http://schemas.microsoft.com/office/drawing/2012/chart}"
    for ser in space.iterfind(".//c:ser", NS):
        for labels in ser.iter(C15 + "datalabelsRange"):
            column = column_of(labels.findtext(C15 + "f"))
            cache = labels.find(C15 + "dlblRangeCache")
            for pt in cache.iterfind("c:pt", NS):
                row = int(pt.get("idx")) + 2
                text = pt.findtext("c:v", namespaces=NS)
                check(values_book[f"{column}{row}"].value == text,
                      f"{chart_id}: a label caches {text!r}, its cell {column}{row} holds {values_book[f'{column}{row}'].value!r}")
                label = next((d for d in ser.iterfind("c:dLbls/c:dLbl", NS)
                              if d.find("c:idx", NS).get("val") == pt.get("idx")), None)
                field = None if label is None else label.find(".//a:fld", NS)
                shows = None if label is None else label.find(f".//{C15}showDataLabelsRange")
                check(field is not None and field.get("type") == "CELLRANGE" and shows is not None and shows.get("val") == "1",
                      f"{chart_id}: point {pt.get('idx')} has a cached label {text!r} but no label showing its cell")


def hatched(space, i):
    # A point's fill: its own c:dPt when it has one, else the series' (the estimate pattern
    # when the forecasts end the series, so that a year added later is hatched too).
    series = space.find(".//c:ser", NS)
    point = etree.XPath(f"c:dPt[c:idx/@val={i}]/c:spPr", namespaces=NS)(series)
    fill = point[0] if point else series.find("c:spPr", NS)
    return fill is not None and fill.find("a:pattFill", NS) is not None


def display_scale(rows, workbook_numbers):
    # The power of ten under which most workbook numbers are CSV numbers; every one of them
    # must then be (checked by the caller).
    source = csv_numbers(rows)
    def matches(scale):
        return sum(any(close(w, n * scale) for n in source) for w in workbook_numbers)
    return max((10.0 ** k for k in range(-6, 7)), key=lambda scale: (matches(scale), scale == 1.0))


def check_market_size(chart_id, chart, space, rows, book, scale):
    plot = chart.plots[0]
    categories = list(plot.categories)
    labels = [row["label"] for row in rows]
    check([c for c in categories if c in labels] == labels,
          f"{chart_id}: categories {categories} do not hold the CSV's labels {labels} in order")
    series = plot.series[0]
    values = list(series.values)
    for row in rows:
        if row["label"] not in categories:
            continue
        i = categories.index(row["label"])
        check(close(values[i], float(row["value"]) * scale),
              f"{chart_id}: {row['label']} is {values[i]}, the CSV says {row['value']} (× {scale})")
        if row["status"] == "estimate":
            check(row["label"].endswith("E"), f"{chart_id}: forecast year {row['label']} has no E")
            check(hatched(space, i), f"{chart_id}: forecast point {row['label']} is not pattern-filled")
        elif row["status"] == "actual":
            check(not hatched(space, i), f"{chart_id}: actual point {row['label']} is pattern-filled")
        if row.get("lower"):
            header = [cell.value for cell in book[1]]
            lower = header.index(next(h for h in header if h and ("区间下限" in h or "interval lower" in h)))
            upper = header.index(next(h for h in header if h and ("区间上限" in h or "interval upper" in h)))
            check(close(book.cell(row=i + 2, column=lower + 1).value, float(row["lower"]) * scale),
                  f"{chart_id}: {row['label']} lower differs from the CSV")
            check(close(book.cell(row=i + 2, column=upper + 1).value, float(row["upper"]) * scale),
                  f"{chart_id}: {row['label']} upper differs from the CSV")
    labels = series.data_labels
    check(labels.show_value and labels.number_format not in ("", "General") and not labels.number_format_is_linked,
          f"{chart_id}: data labels carry no number format of their own")


def check_edit_data(deck):
    # "Edit Data" as python-pptx does it (replace_data rewrites the sheet with the chart's
    # series only): every chart's error bars must still read columns the new sheet has,
    # holding the new distances.
    from pptx.chart.data import CategoryChartData
    presentation = Presentation(deck)
    for slide in presentation.slides:
        for shape in slide.shapes:
            if not shape.has_chart or shape.chart.part._element.find(".//c:errBars", NS) is None:
                continue
            chart = shape.chart
            if chart.part._element.find(".//c:bubbleChart", NS) is not None:
                continue
            data = CategoryChartData()
            data.categories = list(chart.plots[0].categories)
            scaled = {}
            for series in chart.series:
                scaled[series.name] = [None if v is None else v * 1.5 for v in series.values]
                data.add_series(series.name, scaled[series.name])
            chart.replace_data(data)
            book = openpyxl.load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob)).active
            for bars in chart.part._element.iterfind(".//c:errBars", NS):
                for tag in ("c:plus", "c:minus"):
                    reference = bars.find(f"{tag}/c:numRef/c:f", NS).text
                    column = column_of(reference)
                    header = book[f"{column}1"].value
                    values = [book[f"{column}{row + 2}"].value for row in range(len(data.categories))]
                    check(header in scaled and all(close(a, b) for a, b in zip(values, scaled.get(header, []))),
                          f"{shape.name}: after Edit Data the error bars read {reference}, which holds {header!r} {values}")


def audit(path, label):
    result = subprocess.run([sys.executable, "-m", "openxml_audit", "-m", "0", path], capture_output=True, text=True)
    text = result.stdout + result.stderr
    errors = re.search(r"Errors:\s*(\d+)", text)
    check(errors is not None and errors.group(1) == "0", f"openxml-audit on {label}:\n{text.strip()}")


def check_libreoffice(deck, titles, slide_count):
    with tempfile.TemporaryDirectory() as work:
        env = dict(os.environ, HOME=work)
        result = subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, deck],
                                capture_output=True, text=True, env=env, timeout=600)
        pdf = os.path.join(work, os.path.splitext(os.path.basename(deck))[0] + ".pdf")
        check(os.path.exists(pdf), f"LibreOffice did not convert the deck: {result.stdout} {result.stderr}")
        if not os.path.exists(pdf):
            return
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = re.search(r"Pages:\s+(\d+)", info)
        check(pages is not None and int(pages.group(1)) == slide_count,
              f"LibreOffice drew {pages.group(1) if pages else 'no'} pages for {slide_count} slides")
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        squeezed = re.sub(r"\s+", "", text)
        for title in titles:
            check(re.sub(r"\s+", "", title) in squeezed, f"LibreOffice's PDF lacks the title {title!r}")
        # The theme's East Asian font (the deck names no other) is embedded.
        with zipfile.ZipFile(deck) as archive:
            presentation = Presentation(deck)
            theme = presentation.slide_master.part.part_related_by(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme")
            ea = etree.fromstring(theme.blob).find(".//a:minorFont/a:ea", NS).get("typeface")
        family = re.sub(r"\s+(SC|TC|HK|JP|KR)$", "", ea).replace(" ", "").lower()
        fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
        embedded = [line for line in fonts.lower().splitlines() if family in line.replace(" ", "") and " yes " in line]
        check(embedded != [], f"the theme's East Asian font {ea} is not embedded:\n{fonts}")
        return squeezed


P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def check_structure(presentation, deck):
    for number, slide in enumerate(presentation.slides, 1):
        title = slide.shapes.title
        check(title is not None and title.text_frame.text.strip() != "", f"slide {number} has no title in its title placeholder")
        if title is not None:
            check(slide.shapes[0].shape_id == title.shape_id, f"slide {number}: the title is not first in reading order")
        check(slide.slide_layout is not None and slide.slide_layout.name != "", f"slide {number} has no layout")
        kinds = {shape.placeholder_format.type for shape in slide.placeholders}
        from pptx.enum.shapes import PP_PLACEHOLDER
        for kind in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.SLIDE_NUMBER):
            check(kind in kinds, f"slide {number} has no {kind} placeholder")
        fields = slide._element.findall(".//a:fld", NS)
        check(any(f.get("type") == "slidenum" for f in fields), f"slide {number}: the slide number is no field")
        for shape in slide.shapes:
            if shape.shape_type is not None and (shape.has_chart or shape.has_table or shape.shape_type == 6):
                descr = shape._element.find(".//" + P + "cNvPr").get("descr")
                check(bool(descr), f"slide {number}: {shape.name} has no alt text")
        check(slide.has_notes_slide, f"slide {number} has no speaker notes")
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame.text
            check(re.search(r"\b[0-9a-f]{64}\b", notes) is not None, f"slide {number}: the notes name no input's SHA-256")
    with zipfile.ZipFile(deck) as archive:
        scheme = literal = 0
        theme_fonts = named_fonts = 0
        for name in archive.namelist():
            if re.match(r"ppt/(slides|charts)/[^/]+\.xml$", name):
                text = archive.read(name).decode("utf-8")
                scheme += text.count("<a:schemeClr")
                literal += text.count("<a:srgbClr")
                theme_fonts += len(re.findall(r'typeface="\+m[jn]-', text))
                named_fonts += len(re.findall(r'<a:(?:latin|ea) typeface="[^+]', text))
        check(scheme > 0 and literal == 0, f"colours are literal: {scheme} theme references, {literal} RGB values")
        check(theme_fonts > 0 and named_fonts == 0, f"runs name fonts directly ({named_fonts}) instead of theme fonts")


def main():
    run_folder, deck_name = sys.argv[1], sys.argv[2]
    deck = os.path.join(run_folder, deck_name)
    presentation = Presentation(deck)
    check_structure(presentation, deck)
    titles = []
    charts = 0
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.has_chart:
                charts += 1
                check_chart(shape, run_folder)
                titles.append(slide.shapes.title.text_frame.text if slide.shapes.title is not None else "")
    check(charts > 0, "the deck has no native chart")
    check_edit_data(deck)
    audit(deck, deck_name)
    with zipfile.ZipFile(deck) as archive, tempfile.TemporaryDirectory() as work:
        for name in archive.namelist():
            if name.endswith(".xlsx"):
                path = os.path.join(work, os.path.basename(name))
                with open(path, "wb") as out:
                    out.write(archive.read(name))
                audit(path, name)
    if "--expect-theme" in sys.argv:
        expected = sys.argv[sys.argv.index("--expect-theme") + 1]
        master = presentation.slide_master
        theme = master.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme")
        name = etree.fromstring(theme.blob).get("name")
        check(name == expected, f"the master's theme is {name!r}, not the template's {expected!r}")
        for number, slide in enumerate(presentation.slides, 1):
            check(slide.slide_layout.slide_master.part is master.part, f"slide {number} is not on the template's master")
    if "--no-libreoffice" not in sys.argv:
        check(EDITED != [] or deck_name != "report.pptx", "the report's deck has no chart with CAGR arrows")
        check_calc_recomputes(EDITED)
        squeezed = check_libreoffice(deck, titles, len(presentation.slides))
        if squeezed is not None and deck_name == "report.pptx":
            check(re.search(r"20\d\dE", squeezed) is not None, "LibreOffice's PDF shows no E year")
            check("CAGR" in squeezed, "LibreOffice's PDF shows no CAGR label")
    print(f"deck: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
