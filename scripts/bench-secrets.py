#!/usr/bin/env python3
"""Secret-scanning throughput: Strata vs detect-secrets on the same trees, same run.

  python3 scripts/bench-secrets.py [--mb 64 | --tree DIR] [--ds-mb 16] [--repeat 3]
                                   [--strata .build/release/strata] [--detect-secrets .venv/bin/detect-secrets]
                                   [--no-detect-secrets] [--regen]

`--mb N` generates (once, cached by size) a deterministic tree under bench-out/secrets-tree that mixes
source files (Python, JS, Go, YAML, JSON, .env, Terraform), a few minified single-line bundles,
lock-file-like JSON full of hashes, binary files, and about one planted secret per 50 KB.
`--tree DIR` scans an existing directory instead (a real corpus such as /usr/share).

detect-secrets is about three orders of magnitude slower, so it runs on a subset: the first files of
the tree in walk order up to `--ds-mb` MB, hard-linked into bench-out/secrets-subset. Strata is timed
on the same subset in the same run, so the speed ratio compares like with like. Sizes count every
regular file's bytes (what a scanner is offered), binaries included. Figures go to stdout as Markdown."""
import argparse, json, os, pathlib, random, resource, shutil, statistics, subprocess, sys, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts/secret-rules"))
import gen_rules as G  # noqa: E402

WORDS = ("self value name data items config path request response client server handler token password "
         "secret key user id list map filter reduce return import from class def func const let var if else for "
         "while try except raise yield async await nil true false none error context logger timeout retry").split()
GENERATOR_VERSION = 1


def line(rng, kind):
    w = lambda: rng.choice(WORDS)
    if kind == "py":
        return f"    {w()}_{w()} = {w()}.{w()}({w()}, {rng.randint(0, 999)})  # {w()} {w()}"
    if kind == "js":
        return f"  const {w()}{w().title()} = await {w()}.{w()}('{w()}/{w()}', {{ {w()}: {rng.randint(0, 99)} }});"
    if kind == "go":
        return f"\t{w()}, err := {w()}.{w().title()}(ctx, {w()})\n\tif err != nil {{ return nil, err }}"
    if kind == "yaml":
        return f"  {w()}_{w()}: {w()}-{rng.randint(0, 99)}"
    if kind == "json":
        return f'  "{rng.choice(WORDS[:6])}_sha": "{"".join(rng.choice(G.CS["hex"]) for _ in range(40))}",'
    if kind == "tf":
        return f'  {w()} = "{w()}-{w()}"'
    return f"{w().upper()}_{w().upper()}={w()}"


def planted(rng):
    r = rng.choice([r for r in G.RULES if r["tok"] and not r["forms"]])
    return f'{r["id"].replace("-", "_")} = "{G.gen(r["tok"], rng)}"'


def build(tree, mb):
    shutil.rmtree(tree, ignore_errors=True)
    rng = random.Random(42)
    total, n, planted_count = 0, 0, 0
    kinds = ["py", "js", "go", "yaml", "json", "tf", "env"]
    while total < mb << 20:
        n += 1
        d = tree / f"pkg{n % 37}" / f"mod{n % 11}"
        d.mkdir(parents=True, exist_ok=True)
        if n % 97 == 0:  # minified bundle, one line
            body = ";".join(line(rng, "js").strip() for _ in range(8000))
            p = d / f"bundle{n}.min.js"
        elif n % 53 == 0:  # binary
            p = d / f"blob{n}.bin"
            data = rng.randbytes(64 << 10)
            p.write_bytes(data)
            total += len(data)
            continue
        else:
            k = rng.choice(kinds)
            lines = [line(rng, k) for _ in range(rng.randint(50, 600))]
            p = d / f"file{n}.{k}"
            body = "\n".join(lines)
        size = len(body)
        count = size // (50 << 10) + (1 if rng.random() < (size % (50 << 10)) / (50 << 10) else 0)
        for _ in range(count):
            pos = body.find("\n", rng.randrange(len(body)))
            if pos > 0:
                body = body[:pos] + "\n" + planted(rng) + body[pos:]
            else:  # one-line bundle
                pos = body.find(";", rng.randrange(len(body)))
                pos = pos if pos > 0 else len(body)
                body = body[:pos] + ";" + planted(rng) + ";" + body[pos:]
            planted_count += 1
        p.write_text(body)
        total += len(body)
    return planted_count


def generated(mb, regen):
    """The cached tree for `mb`, rebuilt when the size or generator changed."""
    tree = ROOT / "bench-out/secrets-tree"
    stamp = ROOT / "bench-out/secrets-tree.json"
    want = {"mb": mb, "version": GENERATOR_VERSION}
    if not regen and stamp.exists() and tree.exists():
        have = json.loads(stamp.read_text())
        if {k: have.get(k) for k in want} == want:
            return tree, have["planted"]
    planted_count = build(tree, mb)
    stamp.write_text(json.dumps(dict(want, planted=planted_count)))
    return tree, planted_count


def regular_files(tree):
    """Regular files in sorted walk order (symlinks not followed), with sizes."""
    out = []
    for d, dirs, files in os.walk(tree):
        dirs[:] = sorted(x for x in dirs if x != ".git")
        for f in sorted(files):
            p = os.path.join(d, f)
            try:
                st = os.lstat(p)
            except OSError:
                continue
            if os.path.isfile(p) and not os.path.islink(p) and os.access(p, os.R_OK):
                out.append((p, st.st_size))
    return out


def subset(tree, files, mb):
    """Hard links (copies across file systems) of the first files up to `mb` MB."""
    dest = ROOT / "bench-out/secrets-subset"
    shutil.rmtree(dest, ignore_errors=True)
    total = 0
    for p, size in files:
        if total >= mb << 20:
            break
        target = dest / os.path.relpath(p, tree)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(p, target)
        except OSError:
            shutil.copyfile(p, target)
        total += size
    return dest, total


def timed(cmd, **kw):
    """Wall time and CPU time (user + system of the child), so that a busy machine can be told apart."""
    r0, t = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, **kw)
    wall, r1 = time.monotonic() - t, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return (wall, cpu), out


def strata(binary, tree, pin):
    cmd = [binary, "fs", str(tree), "--scanners", "secret", "--format", "json", "--quiet"]
    if pin:
        cmd = ["taskset", "-c", "0"] + cmd
    t, out = timed(cmd)
    if out.returncode not in (0, 1):
        sys.exit(f"strata failed ({out.returncode}): {out.stderr[-2000:]}")
    return t, sum(len(r.get("Findings") or []) for r in json.loads(out.stdout).get("Results") or [])


def detect_secrets(binary, tree):
    t, out = timed([binary, "scan", "--all-files", "."], cwd=tree)
    return t, sum(len(v) for v in json.loads(out.stdout)["results"].values())


def load():
    return "load average " + ", ".join(f"{x:.1f}" for x in os.getloadavg())


def rate(x):
    return f"{x:.0f}" if x >= 10 else f"{x:.2g}"


def row(label, mb, times, findings):
    walls, cpus = [w for w, _ in times], [c for _, c in times]
    med, cpu = statistics.median(walls), statistics.median(cpus)
    each = ", ".join(f"{w:.2f}" for w in walls)
    return (f"| {label} | {each} | {med:.2f} | **{rate(mb / med)}** (best {rate(mb / min(walls))}) "
            f"| {cpu:.2f} | {rate(mb / cpu)} | {findings} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=64)
    ap.add_argument("--tree", help="scan this directory instead of a generated tree")
    ap.add_argument("--ds-mb", type=int, default=16, help="size of the subset detect-secrets runs on")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--regen", action="store_true")
    ap.add_argument("--no-detect-secrets", action="store_true")
    ap.add_argument("--no-single-core", action="store_true")
    ap.add_argument("--strata", default=str(ROOT / ".build/release/strata"))
    ap.add_argument("--compare", help="another strata binary (an earlier build) to time on the same tree")
    ap.add_argument("--detect-secrets", default=str(ROOT / ".venv/bin/detect-secrets"))
    a = ap.parse_args()
    if a.tree:
        tree, note = pathlib.Path(a.tree).resolve(), "a real corpus"
    else:
        tree, planted = generated(a.mb, a.regen)
        note = f"generated, {planted} planted secrets"
    files = regular_files(tree)
    mb = sum(s for _, s in files) / (1 << 20)
    print(f"Tree `{tree}` ({note}): {len(files)} regular files, {mb:.1f} MB; `nproc` = {os.cpu_count()}; {load()} at start.\n")
    print("| what | wall, each run (s) | median wall (s) | MB/s (wall) | median CPU (s) | MB per CPU-second | findings |")
    print("|---|---|---|---|---|---|---|")
    jobs = [("strata, all cores", False)] + ([] if a.no_single_core else [("strata, one core (`taskset -c 0`)", True)])
    for label, pin in jobs:
        runs = [strata(a.strata, tree, pin) for _ in range(a.repeat)]
        print(row(f"{label}, whole tree", mb, [t for t, _ in runs], runs[0][1]), flush=True)
    if a.compare:
        runs = [strata(a.compare, tree, False) for _ in range(a.repeat)]
        print(row(f"`{a.compare}`, all cores, whole tree", mb, [t for t, _ in runs], runs[0][1]), flush=True)
    if os.path.exists(a.detect_secrets) and not a.no_detect_secrets:
        sub, size = subset(tree, files, a.ds_mb)
        smb = size / (1 << 20)
        runs = [strata(a.strata, sub, False) for _ in range(a.repeat)]
        print(row(f"strata, all cores, {smb:.1f} MB subset", smb, [t for t, _ in runs], runs[0][1]), flush=True)
        t, nf = detect_secrets(a.detect_secrets, sub)
        print(row(f"detect-secrets 1.5.0 scan --all-files, same {smb:.1f} MB subset", smb, [t], nf))
        s = statistics.median(w for (w, _), _ in runs)
        c = statistics.median(c for (_, c), _ in runs)
        print(f"\nOn the same subset Strata is **{t[0] / s:.0f}×** faster than detect-secrets in wall time "
              f"and uses {t[1] / c:.0f}× less CPU (medians).")
    print(f"\n{load()} at the end.")


if __name__ == "__main__":
    main()
