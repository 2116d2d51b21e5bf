"""Prints workbooks and documents to PDF with LibreOffice over UNO, as an officer printing them would.

Reads a JSON job list on stdin; for each job it opens the file (.xlsx or .docx), exports it to PDF as
it opens, and, for a workbook, measures every row of the sheets asked for: its text, the height the
file gives it, and the height LibreOffice finds the text needs (its optimal height), both in points.
Writes the measurements, as JSON, on stdout.

Run with Debian's python3 (python3-uno): python3 print.py PROFILE_DIR PIPE_NAME < jobs.json
"""
import json
import os
import subprocess
import sys

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calc import connect, prop  # noqa: E402

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


def main():
    profile, pipe = sys.argv[1], sys.argv[2]
    jobs = json.load(sys.stdin)
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ctx = connect(office, pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        results = run(jobs, desktop)
        json.dump(results, sys.stdout, ensure_ascii=False)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        if office.poll() is None:
            office.terminate()
        office.wait()


if __name__ == "__main__":
    main()
