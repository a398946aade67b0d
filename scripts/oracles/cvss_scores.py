#!/usr/bin/env python3
"""Test oracle: CVSS base scores from the `cvss` package (PyPI), one vector per stdin line.

Prints `VECTOR<TAB>SCORE` per line, or `VECTOR<TAB>error` when the package rejects it.
"""
import sys

from cvss import CVSS2, CVSS3, CVSS4

for line in sys.stdin:
    vector = line.strip()
    if not vector:
        continue
    try:
        if vector.startswith("CVSS:4"):
            score = CVSS4(vector).base_score
        elif vector.startswith("CVSS:3"):
            score = CVSS3(vector).scores()[0]
        else:
            score = CVSS2(vector).scores()[0]
        print(f"{vector}\t{score}")
    except Exception:  # the oracle's verdict that the vector is invalid
        print(f"{vector}\terror")
