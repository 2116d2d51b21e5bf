"""Drives LibreOffice Calc headless over UNO, as an officer without the add-in would use it.

Reads a JSON job list on stdin; for each job it opens the workbook, types each text into its cell as
if typed on the keyboard, forces a full recalculation, reads the cells asked for, and saves the
workbook as .xlsx. Writes the cells read, as JSON, on stdout.

Run with Debian's python3 (python3-uno): python3 calc.py PROFILE_DIR PIPE_NAME < jobs.json
"""
import json
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(office, pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    # Wait for the office to listen, for as long as it runs: a busy machine may take its time.
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if office.poll() is not None:
                raise SystemExit(f"LibreOffice exited with code {office.returncode} before it listened")
            time.sleep(0.2)


def cell_of(doc, sheet, address):
    return doc.Sheets.getByName(sheet).getCellRangeByName(address)


def run(jobs, desktop):
    results = []
    for job in jobs:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["file"]), "_blank", 0, (prop("Hidden", True),))
        try:
            for t in job["typed"]:
                cell_of(doc, t["sheet"], t["cell"]).setFormula(t["text"])
            doc.calculateAll()
            cells = []
            for r in job["read"]:
                c = cell_of(doc, r["sheet"], r["cell"])
                cells.append(
                    {
                        "sheet": r["sheet"],
                        "cell": r["cell"],
                        "string": c.getString(),
                        "value": c.getValue(),
                        "error": c.getError(),
                        "formula": c.getFormula(),
                    }
                )
            doc.storeToURL(uno.systemPathToFileUrl(job["out"]), (prop("FilterName", "Calc Office Open XML"),))
            results.append({"cells": cells})
        finally:
            doc.close(True)
    return results


def drive(run):
    """Starts a headless LibreOffice, runs run(jobs, desktop) on the jobs read from stdin, writes its results."""
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
    drive(run)
