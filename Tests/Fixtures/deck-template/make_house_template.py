#!/usr/bin/env python3
"""Makes house.potx, a small foreign PowerPoint template for marketcast's deck tests.

Made independently of marketcast, with python-pptx (its default template, which ships with
the package) and lxml, so that building on it tests marketcast against a master, layouts
and theme it did not write:
- the slide size set to 16:9 (12192000 x 6858000 EMU, 960 x 540 pt);
- the theme renamed "Firm House" with its own colours (dk1 1F2A44, accent1 C8102E firm
  red, accent2 00843D, accent3 F2A900, accent4 0085CA, accent5 6D2077, accent6 E35205) and
  fonts (Latin DejaVu Sans, East Asian Noto Serif CJK SC: both free, so LibreOffice on CI
  draws them);
- a firm band on the slide master (a full-width rectangle in accent1 at the top, named
  "Firm band") that every layout shows;
- saved as a template: the main part's content type is presentationml.template.main+xml.

Run: python3 make_house_template.py  (writes house.potx beside this script)
"""
import io
import os
import zipfile

from lxml import etree
from pptx import Presentation
from pptx.util import Emu

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
HERE = os.path.dirname(os.path.abspath(__file__))

presentation = Presentation()
presentation.slide_width = Emu(12192000)
presentation.slide_height = Emu(6858000)

buffer = io.BytesIO()
presentation.save(buffer)

colors = {"dk1": "1F2A44", "lt1": "FFFFFF", "dk2": "44546A", "lt2": "E7E6E6", "accent1": "C8102E",
          "accent2": "00843D", "accent3": "F2A900", "accent4": "0085CA", "accent5": "6D2077",
          "accent6": "E35205", "hlink": "0085CA", "folHlink": "6D2077"}


def retheme(data):
    root = etree.fromstring(data)
    root.set("name", "Firm House")
    scheme = root.find(f".//{{{A}}}clrScheme")
    scheme.set("name", "Firm House")
    for slot, value in colors.items():
        element = scheme.find(f"{{{A}}}{slot}")
        for child in list(element):
            element.remove(child)
        etree.SubElement(element, f"{{{A}}}srgbClr").set("val", value)
    for kind in ("majorFont", "minorFont"):
        font = root.find(f".//{{{A}}}{kind}")
        font.find(f"{{{A}}}latin").set("typeface", "DejaVu Sans")
        font.find(f"{{{A}}}ea").set("typeface", "Noto Serif CJK SC")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


BAND = f"""<p:sp xmlns:p="{P}" xmlns:a="{A}"><p:nvSpPr><p:cNvPr id="90" name="Firm band"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>
<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="12192000" cy="190500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
<a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>"""


def add_band(data):
    # The firm band drawn on the master, behind everything (first in its shape tree).
    root = etree.fromstring(data)
    tree = root.find(f".//{{{P}}}spTree")
    tree.insert(2, etree.fromstring(BAND))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


source = zipfile.ZipFile(buffer)
with zipfile.ZipFile(os.path.join(HERE, "house.potx"), "w", zipfile.ZIP_DEFLATED) as out:
    for item in source.infolist():
        data = source.read(item.filename)
        if item.filename.startswith("ppt/theme/"):
            data = retheme(data)
        if item.filename == "ppt/slideMasters/slideMaster1.xml":
            data = add_band(data)
        if item.filename == "[Content_Types].xml":
            data = data.replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
        info = zipfile.ZipInfo(item.filename, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        out.writestr(info, data)
