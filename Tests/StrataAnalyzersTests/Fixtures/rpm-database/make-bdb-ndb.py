#!/usr/bin/env python3
"""Derives the BerkeleyDB and ndb fixtures from var/lib/rpm/rpmdb.sqlite (written by RPM itself,
see make-rpmdb.sh): the same header blobs under the same header numbers.

- var/lib/rpm/Packages: a BerkeleyDB hash database written by `db5.3_load` (Debian db5.3-util),
  keys the 4-byte little-endian header numbers, values the blobs, as rpm's bdb backend stores
  them. Debian's rpm reads it back with `--define '_db_backend bdb_ro'` (the tests do).
- usr/lib/sysimage/rpm/Packages.db: rpm's ndb layout (Debian's rpm has no ndb backend, so this
  writer follows rpm's lib/backend/ndb format): a 32-byte `RpmP` header, one page of `Slot`
  entries, and `BlbS` blobs in 16-byte blocks, little-endian.

Usage: make-bdb-ndb.py [PAGESIZE]   (writes both files beside this script)
"""
import os
import sqlite3
import struct
import subprocess
import sys
import zlib

here = os.path.dirname(os.path.abspath(__file__))
rows = sqlite3.connect(os.path.join(here, "var/lib/rpm/rpmdb.sqlite")).execute(
    "SELECT hnum, blob FROM Packages ORDER BY hnum").fetchall()


def write_bdb(path, page_size):
    dump = ["VERSION=3", "format=bytevalue", "type=hash", f"db_pagesize={page_size}", "HEADER=END"]
    for hnum, blob in rows:
        dump += [" " + struct.pack("<I", hnum).hex(), " " + bytes(blob).hex()]
    dump.append("DATA=END")
    if os.path.exists(path):
        os.remove(path)
    subprocess.run(["db5.3_load", "-f", "/dev/stdin", path], input=("\n".join(dump) + "\n").encode(), check=True)


def write_ndb(path):
    page = 4096
    slots = bytearray(page)
    slots[0:32] = b"RpmP" + struct.pack("<III", 0, 1, 1) + bytes(16)
    for at in range(32, page, 16):
        slots[at:at + 4] = b"Slot"
    blobs = bytearray()
    for i, (hnum, blob) in enumerate(rows):
        blob = bytes(blob)
        block = (page + len(blobs)) // 16
        body = b"BlbS" + struct.pack("<III", hnum, zlib.adler32(blob), len(blob)) + blob
        body += struct.pack("<II", zlib.adler32(blob), len(blob)) + b"BlbE"
        body += bytes(-len(body) % 16)
        slots[32 + 16 * i:48 + 16 * i] = b"Slot" + struct.pack("<III", hnum, block, len(body) // 16)
        blobs += body
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        out.write(bytes(slots) + bytes(blobs) + bytes(-len(blobs) % page))


if __name__ == "__main__":
    target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "var/lib/rpm/Packages")
    write_bdb(target, int(sys.argv[1]) if len(sys.argv) > 1 else 4096)
    if len(sys.argv) <= 2:
        write_ndb(os.path.join(here, "usr/lib/sysimage/rpm/Packages.db"))
