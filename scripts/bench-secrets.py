#!/usr/bin/env python3
"""Secret-scanning throughput: Strata vs detect-secrets on the same generated tree, same run.

  python3 scripts/bench-secrets.py [--mb 64] [--strata .build/release/strata] [--detect-secrets .venv/bin/detect-secrets]

The tree (bench-out/secrets-tree, deterministic) mixes source files (Python, JS, Go, YAML, JSON,
.env, Terraform), a few minified single-line bundles, lock-file-like JSON full of hashes, binary
files, and about one planted secret per 50 KB. Figures go to stdout as a Markdown table."""
import argparse, os, pathlib, random, shutil, subprocess, sys, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts/secret-rules"))
import gen_rules as G  # noqa: E402

WORDS = ("self value name data items config path request response client server handler token password "
         "secret key user id list map filter reduce return import from class def func const let var if else for "
         "while try except raise yield async await nil true false none error context logger timeout retry").split()


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


planted_count = [0]


def build(tree, mb):
    shutil.rmtree(tree, ignore_errors=True)
    rng = random.Random(42)
    total, n = 0, 0
    kinds = ["py", "js", "go", "yaml", "json", "tf", "env"]
    ext = {"py": "py", "js": "js", "go": "go", "yaml": "yaml", "json": "json", "tf": "tf", "env": "env"}
    while total < mb << 20:
        n += 1
        d = tree / f"pkg{n % 37}" / f"mod{n % 11}"
        d.mkdir(parents=True, exist_ok=True)
        if n % 97 == 0:  # minified bundle, one line
            body = ";".join(line(rng, "js").strip() for _ in range(8000))
            p = d / f"bundle{n}.min.js"
        elif n % 53 == 0:  # binary
            p = d / f"blob{n}.bin"
            data = bytes(rng.getrandbits(8) for _ in range(64 << 10))
            p.write_bytes(data)
            total += len(data)
            continue
        else:
            k = rng.choice(kinds)
            lines = [line(rng, k) for _ in range(rng.randint(50, 600))]
            p = d / f"file{n}.{ext[k]}"
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
            planted_count[0] += 1
        p.write_text(body)
        total += len(body)
    return total, n


def timed(cmd, **kw):
    t = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return time.time() - t, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=64)
    ap.add_argument("--no-detect-secrets", action="store_true")
    ap.add_argument("--strata", default=str(ROOT / ".build/release/strata"))
    ap.add_argument("--detect-secrets", default=str(ROOT / ".venv/bin/detect-secrets"))
    a = ap.parse_args()
    tree = ROOT / "bench-out/secrets-tree"
    size, files = build(tree, a.mb)
    mb = size / (1 << 20)
    rows = []
    for label, extra in (("strata fs --scanners secret (all cores)", []), ("strata fs --scanners secret, 1 file at a time", None)):
        cmd = [a.strata, "fs", str(tree), "--scanners", "secret", "--format", "json", "--quiet"]
        env = dict(os.environ)
        if extra is None:
            cmd = ["taskset", "-c", "0"] + cmd
        t, out = timed(cmd, env=env)
        import json
        nf = sum(len(r["Findings"]) for r in json.loads(out.stdout)["Results"])
        rows.append((label, t, nf))
    if os.path.exists(a.detect_secrets) and not a.no_detect_secrets:
        t, out = timed([a.detect_secrets, "scan", "--all-files", "."], cwd=tree)
        import json
        nf = sum(len(v) for v in json.loads(out.stdout)["results"].values())
        rows.append(("detect-secrets 1.5.0 scan --all-files", t, nf))
    print(f"Tree: {files} files, {mb:.1f} MB, {planted_count[0]} planted secrets, `nproc` = {os.cpu_count()}.\n")
    print("| tool | time (s) | MB/s | findings |\n|---|---|---|---|")
    for label, t, nf in rows:
        print(f"| {label} | {t:.2f} | {mb / t:.1f} | {nf} |")


if __name__ == "__main__":
    main()
