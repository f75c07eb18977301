"""Add up the results of every test suite into one line: N passed, N failed.

A suite that produced no result file counts as one failure, so a runner that
crashed cannot pass unnoticed.
"""

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def lint(path):
    return (1, 0) if path.read_text().strip() == "pass" else (0, 1)


def jest(path):
    data = json.loads(path.read_text())
    failed = data["numFailedTests"] + data.get("numRuntimeErrorTestSuites", 0)
    return data["numPassedTests"], failed


def pytest(path):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    total = sum(int(s.get("tests", 0)) for s in suites)
    failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    return total - failed - skipped, failed


def galata(path):
    data = json.loads(path.read_text())
    stats = data["stats"]
    passed = stats["expected"] + stats.get("flaky", 0)
    failed = stats["unexpected"]
    # A run that could not start (e.g. its web server's port is taken)
    # reports errors and no tests: that is a failure, not a pass.
    if data.get("errors") or passed + failed == 0:
        failed += 1
    return passed, failed


SUITES = [
    ("lint", "lint.txt", lint),
    ("jest", "jest.json", jest),
    ("pytest", "pytest.xml", pytest),
    ("galata", "galata.json", galata),
]


def main(results):
    passed = failed = 0
    for name, filename, read in SUITES:
        path = results / filename
        try:
            p, f = read(path)
        except (OSError, ValueError, KeyError, ET.ParseError) as error:
            print(f"{name}: no usable results ({error.__class__.__name__}); counted as 1 failure")
            p, f = 0, 1
        print(f"{name}: {p} passed, {f} failed")
        passed += p
        failed += f
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
