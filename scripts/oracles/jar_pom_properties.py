#!/usr/bin/env python3
"""Test oracle: the Maven coordinates recorded in Java archives, read with Python's zipfile.

For each archive named on the command line prints `ARCHIVE<TAB>group:artifact<TAB>version` per
`META-INF/maven/<group>/<artifact>/pom.properties` entry (sorted), or `ARCHIVE<TAB>error` when
the archive cannot be read.
"""
import sys
import zipfile

for path in sys.argv[1:]:
    try:
        with zipfile.ZipFile(path) as z:
            rows = []
            for name in z.namelist():
                parts = name.split("/")
                if len(parts) != 5 or parts[:2] != ["META-INF", "maven"] or parts[4] != "pom.properties":
                    continue
                values = {}
                for line in z.read(name).decode("utf-8", "replace").splitlines():
                    line = line.strip()
                    if not line or line[0] in "#!":
                        continue
                    key, sep, value = line.partition("=")
                    if sep:
                        values[key.strip()] = value.strip()
                if all(values.get(k) for k in ("groupId", "artifactId", "version")):
                    rows.append(f"{values['groupId']}:{values['artifactId']}\t{values['version']}")
            for row in sorted(rows):
                print(f"{path}\t{row}")
    except (zipfile.BadZipFile, OSError):
        print(f"{path}\terror")
