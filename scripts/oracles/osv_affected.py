#!/usr/bin/env python3
"""Prints the non-withdrawn advisories of an OSV export zip as JSON lines:
{"id": ..., "aliases": [...], "affected": [...]} — only the advisories with an `affected` entry
whose package name, compared case-insensitively with runs of `-`, `_`, `.` folded (a loose
prefilter; the Swift test applies its own exact rule), is one of NAMES.

Usage: osv_affected.py ZIP NAME...
       osv_affected.py ZIP --distinct-ranges
           (every distinct (ecosystem, non-GIT range) once, as an advisory with one affected entry)
"""
import json
import re
import sys
import zipfile


def loose(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def distinct_ranges(path):
    seen = set()
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if not member.endswith(".json"):
                continue
            advisory = json.loads(archive.read(member))
            if advisory.get("withdrawn"):
                continue
            for affected in advisory.get("affected", []):
                ecosystem = affected.get("package", {}).get("ecosystem", "")
                for r in affected.get("ranges", []):
                    key = (ecosystem, json.dumps(r.get("events", []), sort_keys=True), r.get("type"))
                    if r.get("type") == "GIT" or key in seen:
                        continue
                    seen.add(key)
                    entry = {"package": {"ecosystem": ecosystem, "name": affected["package"].get("name", "")},
                             "ranges": [{"type": r["type"], "events": r["events"]}]}
                    print(json.dumps({"id": advisory["id"], "affected": [entry]}))


def main():
    path, names = sys.argv[1], {loose(n) for n in sys.argv[2:]}
    if sys.argv[2:] == ["--distinct-ranges"]:
        distinct_ranges(path)
        return
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
