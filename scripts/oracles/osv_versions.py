#!/usr/bin/env python3
"""Prints every distinct version string of an OSV export zip, one per line, sorted.

Usage: osv_versions.py ZIP [ECOSYSTEM_PREFIX]

Collects `affected[].versions` and the `introduced`/`fixed`/`last_affected`/`limit` events of
non-GIT ranges (GIT events are commit hashes); `introduced: "0"` is skipped. With a prefix,
only affected entries whose `package.ecosystem` starts with it are read.
"""
import json
import sys
import zipfile


def versions(path, prefix):
    found = set()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.endswith(".json"):
                continue
            advisory = json.loads(archive.read(name))
            for affected in advisory.get("affected", []):
                if not affected.get("package", {}).get("ecosystem", "").startswith(prefix):
                    continue
                found.update(v for v in affected.get("versions", []) if isinstance(v, str))
                for r in affected.get("ranges", []):
                    if r.get("type") == "GIT":
                        continue
                    for event in r.get("events", []):
                        for key in ("introduced", "fixed", "last_affected", "limit"):
                            value = event.get(key)
                            if isinstance(value, str) and value != "0":
                                found.add(value)
    return sorted(v for v in found if "\t" not in v and "\n" not in v and v.strip())


if __name__ == "__main__":
    print("\n".join(versions(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")))
