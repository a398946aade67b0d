#!/usr/bin/env python3
"""Prints every distinct version string of an OSV export zip, one per line, sorted.

Usage: osv_versions.py ZIP [ECOSYSTEM_PREFIX]
       osv_versions.py --alpine-secdb DIR    (the `secfixes` versions of every secdb JSON under DIR)
       osv_versions.py --dpkg-installed      (the versions of this machine's installed Debian packages)

Collects `affected[].versions` and the `introduced`/`fixed`/`last_affected`/`limit` events of
non-GIT ranges (GIT events are commit hashes); `introduced: "0"` is skipped. With a prefix,
only affected entries whose `package.ecosystem` starts with it are read.
"""
import json
import os
import subprocess
import sys
import zipfile


def dpkg_installed_versions():
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}\\n"], capture_output=True, text=True, check=True).stdout
    return sorted({line.strip() for line in out.splitlines() if line.strip()})


def secdb_versions(directory):
    found = set()
    for root, _, files in os.walk(directory):
        for name in files:
            if name.endswith(".json"):
                with open(os.path.join(root, name)) as handle:
                    for package in json.load(handle).get("packages") or []:
                        found.update((package.get("pkg", {}).get("secfixes") or {}).keys())
    return sorted(v for v in found if isinstance(v, str) and "\t" not in v and v.strip())


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
    if sys.argv[1] == "--dpkg-installed":
        print("\n".join(dpkg_installed_versions()))
        sys.exit(0)
    if sys.argv[1] == "--alpine-secdb":
        print("\n".join(secdb_versions(sys.argv[2])))
        sys.exit(0)
    print("\n".join(versions(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")))
