#!/usr/bin/env python3
"""Prints the non-withdrawn advisories of an OSV export zip as JSON lines:
{"id": ..., "aliases": [...], "affected": [...]} — only the advisories with an `affected` entry
whose package name, compared case-insensitively with runs of `-`, `_`, `.` folded (a loose
prefilter; the Swift test applies its own exact rule), is one of NAMES.

Usage: osv_affected.py ZIP NAME...
"""
import json
import re
import sys
import zipfile


def loose(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def main():
    path, names = sys.argv[1], {loose(n) for n in sys.argv[2:]}
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if not member.endswith(".json"):
                continue
            advisory = json.loads(archive.read(member))
            if advisory.get("withdrawn"):
                continue
            affected = [a for a in advisory.get("affected", []) if loose(a.get("package", {}).get("name", "")) in names]
            if affected:
                print(json.dumps({"id": advisory["id"], "aliases": advisory.get("aliases", []), "affected": affected}))


if __name__ == "__main__":
    main()
