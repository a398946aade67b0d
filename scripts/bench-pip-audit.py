#!/usr/bin/env python3
"""Strata vs pip-audit on the same 1,000 pinned PyPI requirements, same OSV data, same run.

  python3 scripts/bench-pip-audit.py [--runs 3] [--strata .build/release/strata] [--pip-audit PATH]

pip-audit asks OSV's web API about each pin (`/v1/query`); this workplace has no network, so the script serves
that API on 127.0.0.1 from ../shared/vulndb/osv/PyPI.zip (the export Strata imports), matching with
`packaging` and OSV's ECOSYSTEM range rules, and points pip-audit at it with `--osv-url`. pip-audit runs with
`--no-deps --disable-pip` (pinned requirements, no resolver, no PyPI index). Strata imports the same zip into its
database first (not timed) and runs `strata fs` on a directory holding the same requirements.txt. Both are
timed as whole processes (median of --runs); the figures include pip-audit's 1,000 HTTP round trips to the
local server, which is how pip-audit always works. Findings are compared per (package, advisory id or alias)."""
import argparse, json, os, pathlib, statistics, subprocess, sys, tempfile, threading, time, zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from packaging.version import InvalidVersion, Version
from packaging.utils import canonicalize_name

ROOT = pathlib.Path(__file__).resolve().parent.parent
ZIP = ROOT.parent / "shared/vulndb/osv/PyPI.zip"


def load_index():
    index = {}
    with zipfile.ZipFile(ZIP) as z:
        for name in z.namelist():
            doc = json.loads(z.read(name))
            for a in doc.get("affected", []):
                pkg = a.get("package", {})
                if pkg.get("ecosystem") == "PyPI" and pkg.get("name"):
                    index.setdefault(canonicalize_name(pkg["name"]), []).append(doc)
    return index


def affected(doc, name, version):
    """OSV semantics for one PyPI version: explicit `versions`, or ECOSYSTEM ranges of introduced/fixed/last_affected."""
    try:
        v = Version(version)
    except InvalidVersion:
        return False
    for a in doc.get("affected", []):
        pkg = a.get("package", {})
        if pkg.get("ecosystem") != "PyPI" or canonicalize_name(pkg.get("name", "")) != name:
            continue
        if version in a.get("versions", []):
            return True
        for r in a.get("ranges", []):
            if r.get("type") != "ECOSYSTEM":
                continue
            events = []
            for e in r.get("events", []):
                (kind, value), = e.items()
                if kind == "limit":
                    continue
                events.append((Version("0") if value == "0" else Version(value), kind))
            hit = False
            for at, kind in sorted(events, key=lambda x: x[0]):
                if kind == "introduced" and v >= at:
                    hit = True
                elif kind == "fixed" and v >= at:
                    hit = False
                elif kind == "last_affected" and v > at:
                    hit = False
            if hit:
                return True
    return False


def serve(index):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            q = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            name = canonicalize_name(q["package"]["name"])
            vulns = [d for d in index.get(name, []) if affected(d, name, q["version"])]
            body = json.dumps({"vulns": vulns} if vulns else {}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def pins(path):
    chosen = {}
    with zipfile.ZipFile(ZIP) as z:
        for name in sorted(z.namelist()):
            doc = json.loads(z.read(name))
            for a in doc.get("affected", []):
                p, vs = a.get("package", {}).get("name"), a.get("versions", [])
                if p and vs and p.lower() not in chosen:
                    v = vs[len(vs) // 2]
                    try:
                        Version(v)  # pip-audit refuses the file on a pin that is not PEP 440
                    except InvalidVersion:
                        continue
                    chosen[p.lower()] = (p, v)
    rows = sorted(chosen.values())[:1000]
    path.write_text("".join(f"{p}=={v}\n" for p, v in rows))
    return len(rows)


def timed(cmd, env=None):
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    return time.perf_counter() - t, p


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--strata", default=str(ROOT / ".build/release/strata"))
    ap.add_argument("--pip-audit", default=str(ROOT / ".venv-bench/bin/pip-audit"))
    args = ap.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="strata-pip-audit-"))
    proj = work / "proj"
    proj.mkdir()
    n = pins(proj / "requirements.txt")
    index = load_index()
    server = serve(index)
    url = f"http://127.0.0.1:{server.server_port}/v1/query"
    cache = work / "strata-cache"
    subprocess.run([args.strata, "db", "import", "--cache-dir", str(cache), str(ZIP)], check=True, capture_output=True)

    strata_times, audit_times = [], []
    strata_out = audit_out = None
    for _ in range(args.runs):
        t, p = timed([args.strata, "fs", str(proj), "--scanners", "vuln", "--cache-dir", str(cache), "--format", "json",
                      "--output", str(work / "strata.json")])
        strata_times.append(t)
        strata_out = json.loads((work / "strata.json").read_text())
        t, p = timed([args.pip_audit, "-r", str(proj / "requirements.txt"), "--no-deps", "--disable-pip", "-s", "osv",
                      "--osv-url", url, "-f", "json", "--cache-dir", str(work / f"pa-cache-{len(audit_times)}"),
                      "--progress-spinner", "off"])
        audit_times.append(t)
        try:
            audit_out = json.loads(p.stdout)
        except json.JSONDecodeError:
            sys.exit(f"pip-audit failed: {p.stderr[-500:]}")
    server.shutdown()

    ours = set()
    for r in strata_out.get("Results", []):
        for f in r.get("Findings", []):
            pkg = canonicalize_name(f.get("Package", {}).get("Name", "") or f.get("PkgName", ""))
            ids = {f.get("ID")} | set(f.get("Aliases", []) or [])
            ours.add((pkg, frozenset(i for i in ids if i)))
    theirs = set()
    for d in audit_out.get("dependencies", []):
        for v in d.get("vulns", []):
            theirs.add((canonicalize_name(d["name"]), frozenset([v["id"], *v.get("aliases", [])])))

    def covered(a, b):
        return sum(1 for pkg, ids in a if any(p == pkg and ids & jds for p, jds in b))

    s, a = statistics.median(strata_times), statistics.median(audit_times)
    print(f"{n} pinned PyPI requirements, {args.runs} runs, load average {os.getloadavg()[0]:.1f}\n")
    print("| tool | median s (whole process) | findings |")
    print("| --- | ---: | ---: |")
    print(f"| strata fs --scanners vuln (local SQLite DB) | {s:.2f} | {len(ours)} |")
    print(f"| pip-audit --no-deps --disable-pip -s osv (OSV API on 127.0.0.1) | {a:.2f} | {len(theirs)} |")
    print(f"\npip-audit / strata time: {a / s:.1f}×. Strata findings also found by pip-audit: {covered(ours, theirs)} of "
          f"{len(ours)}; pip-audit findings also found by Strata: {covered(theirs, ours)} of {len(theirs)}.")


if __name__ == "__main__":
    main()
