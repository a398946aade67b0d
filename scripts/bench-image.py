#!/usr/bin/env python3
"""`strata image` against `strata rootfs` on the same files, same run.

  python3 scripts/bench-image.py [--rootfs .cache/debian-bookworm-minbase] [--repeat 3]
                                 [--strata .build/release/strata]

Builds (once, under bench-out/image) an OCI layout with umoci whose base layer is the debootstrap
root filesystem that scripts/test makes, plus a small layer with a secret and a whiteout layer, and
a docker-archive of the same image with skopeo. Then it times, in one run:
  - GNU tar unpacking the base layer (`tar -xzf`), the baseline for unpacking;
  - `strata rootfs ROOT --scanners secret` on the already unpacked tree;
  - `strata image LAYOUT --scanners secret` and `--scanners vuln,secret` (unpack, check digests,
    scan every layer, squash), on the OCI layout and on the docker-archive.
Figures go to stdout as Markdown; ratios are against `strata rootfs` on the same tree."""
import argparse, json, os, pathlib, shutil, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def timed(cmd, repeat, before=None, env=None):
    walls, cpus, out = [], [], None
    for _ in range(repeat):
        if before:
            before()
        t0 = time.perf_counter()
        r0 = os.times()
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        if p.returncode not in (0, 1):
            sys.exit(f"{cmd}: exit {p.returncode}: {p.stderr.decode()[:500]}")
        r1 = os.times()
        walls.append(time.perf_counter() - t0)
        cpus.append((r1.children_user - r0.children_user) + (r1.children_system - r0.children_system))
        out = p.stdout
    return walls, statistics.median(cpus), out


def build(rootfs, out):
    layout = out / "layout"
    if (out / "done").exists():
        return layout, out / "docker.tar"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    run(["umoci", "init", "--layout", str(layout)])
    run(["umoci", "new", "--image", f"{layout}:t"])
    run(["umoci", "insert", "--image", f"{layout}:t", str(rootfs), "/"])
    app = out / "src/app"
    app.mkdir(parents=True)
    (app / ".env").write_text('github_token = "ghp_R7kq2Lw9XzP4mN8vB3cT6yH1jF5dS0aQeU2i"\n')
    run(["umoci", "insert", "--image", f"{layout}:t", str(app), "/app"])
    run(["umoci", "insert", "--image", f"{layout}:t", "--whiteout", "/app/.env"])
    run(["skopeo", "copy", f"oci:{layout}:t", f"docker-archive:{out / 'docker.tar'}:bench/debian:t"])
    (out / "done").write_text("1")
    return layout, out / "docker.tar"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rootfs", default=str(ROOT / ".cache/debian-bookworm-minbase"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--strata", default=str(ROOT / ".build/release/strata"))
    a = ap.parse_args()
    rootfs = pathlib.Path(a.rootfs)
    if not (rootfs / "var/lib/dpkg/status").exists():
        sys.exit(f"{rootfs} is not a root filesystem: run scripts/test first (it makes it with debootstrap)")
    layout, archive = build(rootfs, ROOT / "bench-out/image")
    index = json.loads((layout / "index.json").read_text())
    manifest = json.loads((layout / "blobs/sha256" / index["manifests"][0]["digest"][7:]).read_text())
    base = layout / "blobs/sha256" / manifest["layers"][0]["digest"][7:]
    size = sum(f.stat().st_size for f in rootfs.rglob("*") if f.is_file() and not f.is_symlink())
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="bench-image-"))
    clear = lambda: (shutil.rmtree(scratch), scratch.mkdir())
    rows = []
    w, c, _ = timed(["tar", "-xzf", str(base), "-C", str(scratch)], a.repeat, before=clear)
    rows.append(("GNU tar -xzf, base layer only (unpack, no scan)", w, c, None))
    s = a.strata
    common = ["--format", "json", "--quiet"]
    w0, c0, out = timed([s, "rootfs", str(rootfs), "--scanners", "secret"] + common, a.repeat)
    rows.append(("strata rootfs, secrets, unpacked tree", w0, c0, out))
    # The unpack writes every file of every layer; on this VM's ext4 that is mostly kernel time,
    # so the same runs are repeated with the work directory on tmpfs (TMPDIR=/dev/shm).
    places = [("$TMPDIR=/tmp", None)]
    if os.path.isdir("/dev/shm"):
        places.append(("$TMPDIR=/dev/shm", dict(os.environ, TMPDIR="/dev/shm")))
    db = scratch.parent / (scratch.name + "-db")
    advisory = db / "TEST-DEB-1.json"
    db.mkdir()
    advisory.write_text(json.dumps({"id": "TEST-DEB-1", "summary": "bench advisory", "affected": [
        {"package": {"ecosystem": "Debian:12", "name": "bash"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "99"}]}]}]}))
    run([s, "db", "import", "--cache-dir", str(db / "cache"), str(advisory)])
    for where, env in places:
        for label, target in (("OCI layout", layout), ("docker-archive", archive)):
            w, c, out = timed([s, "image", str(target), "--scanners", "secret"] + common, a.repeat, env=env)
            rows.append((f"strata image, secrets, {label}, {where}", w, c, out))
        w, c, out = timed([s, "image", str(layout), "--scanners", "vuln,secret", "--cache-dir", str(db / "cache")] + common, a.repeat, env=env)
        rows.append((f"strata image, packages + secrets, OCI layout, {where}", w, c, out))
    shutil.rmtree(db)
    shutil.rmtree(scratch)
    base_wall = statistics.median(w0)
    print(f"Image: debootstrap bookworm minbase ({size / 1e6:.0f} MB in regular files, base layer "
          f"{base.stat().st_size / 1e6:.0f} MB gzip) + a secret layer + a whiteout layer; `nproc` = {os.cpu_count()}.\n")
    print("CPU is user + system time of the process; most of `strata image`'s on /tmp is the kernel's (file creation and removal).\n")
    print("| what | wall, each run (s) | median wall (s) | vs strata rootfs | median CPU (s) | findings |")
    print("|---|---|---|---|---|---|")
    for label, walls, cpu, out in rows:
        found = "—"
        if out:
            doc = json.loads(out)
            found = sum(len(r.get("Findings") or []) for r in doc.get("Results") or [])
        med = statistics.median(walls)
        print(f"| {label} | {', '.join(f'{x:.2f}' for x in walls)} | {med:.2f} | {med / base_wall:.2f}× | {cpu:.2f} | {found} |")


main()
