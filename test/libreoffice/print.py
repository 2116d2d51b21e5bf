"""Prints workbooks and documents to PDF with LibreOffice over UNO, as an officer printing them would.

Reads a JSON job list on stdin; for each job it opens the file (.xlsx or .docx), exports it to PDF as
it opens, and, for a workbook, measures every row of the sheets asked for: its text, the height the
file gives it, and the height LibreOffice finds the text needs (its optimal height), both in points.
Writes the measurements, as JSON, on stdout.

Run with Debian's python3 (python3-uno): python3 print.py PROFILE_DIR PIPE_NAME < jobs.json
"""
import os
import sys

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calc import drive, prop  # noqa: E402

HUNDREDTHS_MM_PER_POINT = 2540 / 72


def measure(doc, sheet_name):
    sheet = doc.Sheets.getByName(sheet_name)
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last = cursor.RangeAddress.EndRow
    last_column = cursor.RangeAddress.EndColumn
    rows = []
    for r in range(last + 1):
        text = "".join(sheet.getCellByPosition(c, r).getString() for c in range(last_column + 1))
        row = sheet.Rows.getByIndex(r)
        given = row.Height / HUNDREDTHS_MM_PER_POINT
        row.OptimalHeight = True
        needed = row.Height / HUNDREDTHS_MM_PER_POINT
        rows.append({"row": r + 1, "text": text, "given": given, "needed": needed})
    return rows


def run(jobs, desktop):
    results = []
    for job in jobs:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["file"]), "_blank", 0, (prop("Hidden", True),))
        try:
            writer = job["file"].endswith(".docx")
            pdf_filter = "writer_pdf_Export" if writer else "calc_pdf_Export"
            doc.storeToURL(uno.systemPathToFileUrl(job["pdf"]), (prop("FilterName", pdf_filter),))
            sheets = {} if writer else {name: measure(doc, name) for name in job.get("sheets", [])}
            results.append({"sheets": sheets})
        finally:
            doc.close(True)
    return results


if __name__ == "__main__":
    drive(run)
