#!/usr/bin/env python3
"""Detection-quality harness for the secret scanner.

  python3 scripts/secret-rules/eval.py [--strata .build/release/strata] [--detect-secrets .venv/bin/detect-secrets]

1. Writes a labeled corpus to Benchmarks/secrets-eval/corpus (deterministic): for every rule,
   two positives with fresh random tokens (seed "eval:<id>", not the rule's own examples) in
   varied file formats, plus hard negatives: UUIDs, hashes, digests, base64 blobs, public keys
   and certificates, documentation placeholders, environment references, identifiers.
2. Runs `strata fs CORPUS --scanners secret --format json` and, when available,
   `detect-secrets scan --all-files CORPUS`, on the same files.
3. Scores per line: a labeled positive is a TP when a finding of its family starts within its
   lines; any finding on a negative line is an FP. Family = rule id up to the first dash.
   detect-secrets has other plugin names, so it is scored on "any detection" per line; Strata's
   "any detection" figure is given beside it.
4. Writes docs/detection-quality.md and prints the summary.
"""
import argparse, collections, json, os, pathlib, random, shutil, subprocess, sys, time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import gen_rules as G  # noqa: E402

CORPUS = ROOT / "Benchmarks/secrets-eval/corpus"
GITLEAKS = ROOT.parent / "shared/reference/secrets/gitleaks-examples.json"
GL_CORPUS = ROOT / ".build/secrets-eval-gitleaks"  # generated from shared data, not committed
GL_TEMPLATES = ["python - double quote", "yaml - singleline - unquoted", "ini - unquoted1", "json - string", "java"]
FORMATS = {  # ext: line template for name/value
    "env": "{N}={v}", "yaml": "{n}: {v}", "json": '  "{n}": "{v}",', "py": '{n} = "{v}"',
    "js": "const {n} = '{v}';", "tf": '  {n} = "{v}"', "sh": 'export {N}="{v}"', "properties": "{n}={v}",
    "xml": "  <{n}>{v}</{n}>",
}


def family(rule_id):
    return rule_id.split("-")[0]


def positives():
    out = []  # (ext, text_lines, family)
    exts = list(FORMATS)
    i = 0
    for r in G.RULES:
        rng = random.Random("eval:" + r["id"])
        if not r["tok"]:
            trues, _ = G.examples(r)
            for t in trues[:1]:
                out.append(("txt", t.replace("\\n", "\n") if r["id"] != "gcp-service-account-private-key" else t, r["id"]))
            continue
        forms = r["forms"]
        for k in range(2):
            v = G.gen(r["tok"], rng)
            if forms:  # the rule needs its own context (a provider word, a URL, a header)
                line = forms[k % len(forms)].replace("{name}", r["id"].upper().replace("-", "_")).replace("{t}", v)
                ext = "txt"
            else:
                ext = exts[i % len(exts)]
                i += 1
                name = ["token", "value", "credential", "key", "auth"][(i + k) % 5]
                line = FORMATS[ext].format(n=name, N=name.upper(), v=v)
            out.append((ext, line, r["id"]))
    return out


def negatives():
    rng = random.Random("eval:negatives")
    h = lambda n, cs="hex": "".join(rng.choice(G.CS[cs]) for _ in range(n))
    uu = lambda: f"{h(8)}-{h(4)}-4{h(3)}-a{h(3)}-{h(12)}"
    neg = collections.defaultdict(list)
    for _ in range(40):
        neg["uuid"] += [f'request_id = "{uu()}"', f"trace: {uu()}", f'"correlationId": "{uu()}"']
        neg["hash"] += [f"commit {h(40)}", f'sha256 = "{h(64)}"', f"md5sum: {h(32)}", f'etag: "{h(32)}"',
                        f"image: registry.acme.io/app@sha256:{h(64)}", '"integrity": "sha512-' + h(86, "b64") + '=="']
        neg["base64"] += [f'data = "{h(120, "b64")}=="', f"  icon: data:image/png;base64,{h(200, 'b64')}",
                          f'cert_fingerprint = "{h(44, "b64")}"']
        neg["identifier"] += [f"def handle{h(12, 'alpha')}Request(self): pass", f"const ROUTE_{h(10, 'upper')} = '/api/v1/items';",
                              f"import {{ {h(14, 'alpha')} }} from './components';", f"version: 1.{rng.randint(0, 40)}.{rng.randint(0, 99)}",
                              f"color: #{h(6)};", f"ip = 10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"]
    neg["placeholder"] += [
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "STRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
        "SLACK_WEBHOOK=https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX",
        'password = "changeme"', "password: <your-password>", 'api_key = "YOUR_API_KEY"', "token: ${GITHUB_TOKEN}",
        'DATABASE_URL="postgres://user:password@localhost:5432/app"', "DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app",
        "export OPENAI_API_KEY=sk-...", 'secret = "{{ .Values.secret }}"', "client_secret: REPLACE_ME_WITH_SECRET",
        "Authorization: Bearer $TOKEN", "mongodb://localhost:27017/test", "https://user@github.com/acme/app.git",
        'password = os.environ["DB_PASSWORD"]', "password = getpass.getpass()", "token = request.headers.get('X-Token')",
        "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
        'private_key = "/etc/ssl/private/server.key"', "PASSWORD_MIN_LENGTH = 12", 'secret_name = "prod-db-credentials"',
        "api_key_header = 'X-Api-Key'", "AKIA + 16 characters is the AWS key id format", "sk_test_ prefixes are for test mode",
    ]
    for _ in range(10):
        neg["public-key"] += [f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{h(43, 'b64')} deploy@ci",
                              "-----BEGIN CERTIFICATE-----\n" + "\n".join(h(64, "b64") for _ in range(6)) + "\n-----END CERTIFICATE-----",
                              "-----BEGIN PUBLIC KEY-----\n" + "\n".join(h(64, "b64") for _ in range(4)) + "\n-----END PUBLIC KEY-----"]
        neg["prose"] += ["The token bucket algorithm limits the request rate per client.",
                         "Rotate the password every ninety days and keep the secret in the vault.",
                         "Set api_key in the settings page; never commit it to the repository."]
    return neg


def write_corpus():
    shutil.rmtree(CORPUS, ignore_errors=True)
    CORPUS.mkdir(parents=True)
    files = collections.defaultdict(list)  # name -> [(text, label)]
    for ext, text, rid in positives():
        files[f"pos/{family(rid)}.{ext}"].append((text, rid))
    for cat, items in negatives().items():
        for k, text in enumerate(items):
            ext = ["txt", "yaml", "py", "env"][k % 4]
            files[f"neg/{cat}.{ext}"].append((text, None))
    labels = []
    for name, entries in sorted(files.items()):
        path = CORPUS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        lines, line = [], 1
        for text, rid in entries:
            n = text.count("\n") + 1
            labels.append({"file": name, "start": line, "end": line + n - 1, "rule": rid,
                           "family": family(rid) if rid else None})
            lines.append(text)
            lines.append("")
            line += n + 1
        path.write_text("\n".join(lines), encoding="utf-8")
    (CORPUS.parent / "labels.jsonl").write_text("".join(json.dumps(l) + "\n" for l in labels))
    return labels


def write_gitleaks_corpus():
    """Upstream gitleaks examples (MIT, shared/reference) as an independent set: literal and file
    examples, and sample_secrets placed in five of the upstream templates. Templates with random
    parts are skipped (they need a regex-driven generator)."""
    if not GITLEAKS.exists():
        return None
    data = json.loads(GITLEAKS.read_text())
    tmpl = data["sample_secrets_templates"]
    shutil.rmtree(GL_CORPUS, ignore_errors=True)
    GL_CORPUS.mkdir(parents=True)
    labels = []
    for rule in data["rules"]:
        fam = rule["rule_id"].split("-")[0]
        for polarity, key in (("pos", "true_positives"), ("neg", "false_positives")):
            texts = []
            for ex in rule[key]:
                if ex["kind"] in ("literal", "file"):
                    texts.append(ex["text"])
                elif ex["kind"] == "sample_secrets" and "secret" in ex:
                    ident = ex["identifier"]
                    for t in GL_TEMPLATES:
                        texts.append(tmpl[t].replace("{i}", ident).replace("{I}", ident.upper()).replace("{s}", ex["secret"]))
            if not texts:
                continue
            name = f"{polarity}/{rule['rule_id']}.txt"
            (GL_CORPUS / polarity).mkdir(exist_ok=True)
            lines, line = [], 1
            for t in texts:
                n = t.count("\n") + 1
                labels.append({"file": name, "start": line, "end": line + n - 1,
                               "rule": rule["rule_id"] if polarity == "pos" else None,
                               "family": fam if polarity == "pos" else None, "gl_family": fam})
                lines += [t, ""]
                line += n + 1
            (GL_CORPUS / name).write_text("\n".join(lines), encoding="utf-8")
    return labels


def run_strata(binary, corpus=CORPUS):
    t = time.time()
    out = subprocess.run([binary, "fs", str(corpus), "--scanners", "secret", "--format", "json", "--quiet"],
                         capture_output=True, text=True)
    report = json.loads(out.stdout)
    hits = []
    for res in report.get("Results", []):
        for f in res["Findings"]:
            hits.append((f["Location"]["Path"], f["Location"]["StartLine"], family(f["RuleID"])))
    return hits, time.time() - t


def run_detect_secrets(binary, corpus=CORPUS):
    t = time.time()
    out = subprocess.run([binary, "scan", "--all-files", "."], capture_output=True, text=True, cwd=corpus)
    data = json.loads(out.stdout)
    hits = [(path, r["line_number"], r["type"]) for path, rs in data["results"].items() for r in rs]
    return hits, time.time() - t


def score(labels, hits, by_family):
    index = collections.defaultdict(list)
    for lab in labels:
        index[lab["file"]].append(lab)

    def label_of(path, line):
        for lab in index.get(path, []):
            if lab["start"] <= line <= lab["end"]:
                return lab
        return None

    fam = collections.defaultdict(lambda: collections.Counter())
    anyc = collections.Counter()
    found = collections.defaultdict(set)  # label idx -> families found
    fp_lines = set()
    for path, line, hfam in hits:
        lab = label_of(path, line)
        if lab is None or lab["family"] is None:
            if (path, line) not in fp_lines:
                fp_lines.add((path, line))
                anyc["fp"] += 1
            if by_family:
                fam[hfam]["fp"] += 1
            continue
        found[id(lab)].add(hfam)
    for lab in labels:
        if lab["family"] is None:
            continue
        got = found.get(id(lab), set())
        anyc["tp" if got else "fn"] += 1
        if by_family:
            if lab["family"] in got:
                fam[lab["family"]]["tp"] += 1
            else:
                fam[lab["family"]]["fn"] += 1
            for other in got - {lab["family"]}:
                fam[other]["fp"] += 1
    return fam, anyc


def prf(c):
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--strata", default=str(ROOT / ".build/release/strata"))
    ap.add_argument("--detect-secrets", default=str(ROOT / ".venv/bin/detect-secrets"))
    ap.add_argument("--out", default=str(ROOT / "docs/detection-quality.md"))
    a = ap.parse_args()
    labels = write_corpus()
    npos = sum(1 for l in labels if l["family"])
    nneg = len(labels) - npos
    hits, st = run_strata(a.strata)
    fam, sany = score(labels, hits, True)
    ds = None
    if os.path.exists(a.detect_secrets):
        dhits, dt = run_detect_secrets(a.detect_secrets)
        _, dany = score(labels, dhits, False)
        ds = (dany, dt)
    md = ["# Secret detection quality", "",
          "Generated by `python3 scripts/secret-rules/eval.py` (corpus: `Benchmarks/secrets-eval/corpus`, labels:",
          "`Benchmarks/secrets-eval/labels.jsonl`). The positives are our own synthetic tokens of each format (fresh",
          "seeds, not the rules' examples) in varied file formats; the negatives are hard negatives (UUIDs, hashes,",
          "digests, base64 blobs, public keys and certificates, documentation placeholders, environment references,",
          "identifiers, prose). Synthetic positives measure format coverage, not real-world recall: see the caveats below.",
          "", f"Corpus: {npos} labeled positives, {nneg} hard negatives.", "",
          "## Overall (line level, any detection)", "",
          "| tool | TP | FP | FN | precision | recall | F1 | time (s) |", "|---|---|---|---|---|---|---|---|"]
    p, r, f = prf(sany)
    md.append(f"| strata | {sany['tp']} | {sany['fp']} | {sany['fn']} | {p:.3f} | {r:.3f} | {f:.3f} | {st:.2f} |")
    if ds:
        p, r, f = prf(ds[0])
        md.append(f"| detect-secrets 1.5.0 | {ds[0]['tp']} | {ds[0]['fp']} | {ds[0]['fn']} | {p:.3f} | {r:.3f} | {f:.3f} | {ds[1]:.2f} |")
    else:
        md.append("| detect-secrets | not installed | | | | | | |")
    md += ["", "## Strata per rule family (the finding's family must match the label's)", "",
           "| family | TP | FP | FN | precision | recall | F1 |", "|---|---|---|---|---|---|---|"]
    tot = collections.Counter()
    for name in sorted(fam):
        c = fam[name]
        tot.update(c)
        p, r, f = prf(c)
        md.append(f"| {name} | {c['tp']} | {c['fp']} | {c['fn']} | {p:.3f} | {r:.3f} | {f:.3f} |")
    p, r, f = prf(tot)
    md.append(f"| **all (micro)** | {tot['tp']} | {tot['fp']} | {tot['fn']} | {p:.3f} | {r:.3f} | {f:.3f} |")
    macro = [prf(fam[n])[2] for n in fam]
    md += ["", f"Macro-average F1 over {len(fam)} families: {sum(macro) / len(macro):.3f}.", "",
           "## Caveats", "",
           "- The positives come from the same format knowledge as the rules, so recall here is an upper bound;",
           "  a real-world benchmark (CredData, see `../shared/reference/secrets/README.md`) needs network access.",
           "- detect-secrets is scored on any detection per line, with its default plugins and filters; many of",
           "  our formats have no detect-secrets plugin, which lowers its recall by design, not by defect.", ""]
    gl = write_gitleaks_corpus()
    if gl:
        npos = sum(1 for l in gl if l["family"])
        md += ["## Independent set: upstream gitleaks examples", "",
               "The true and false examples of gitleaks' own rules (`../shared/reference/secrets/gitleaks-examples.json`,",
               "MIT; literal and file examples, `sample_secrets` in five upstream templates; generated into",
               "`.build/secrets-eval-gitleaks`, not committed). Written for gitleaks' rules, so they are a fair test of",
               "format coverage; many true examples are low-entropy placeholders (`QQQQ…`, `abcdef…`) that our entropy",
               "gates and placeholder allowlist reject on purpose. Line level, any detection:", "",
               f"Examples: {npos} true, {len(gl) - npos} false.", "",
               "| tool | TP | FP | FN | precision | recall | F1 | time (s) |", "|---|---|---|---|---|---|---|---|"]
        h, t = run_strata(a.strata, GL_CORPUS)
        _, c = score(gl, [(x[0], x[1], x[2]) for x in h], False)
        p, r, f = prf(c)
        md.append(f"| strata | {c['tp']} | {c['fp']} | {c['fn']} | {p:.3f} | {r:.3f} | {f:.3f} | {t:.2f} |")
        if os.path.exists(a.detect_secrets):
            h, t = run_detect_secrets(a.detect_secrets, GL_CORPUS)
            _, c = score(gl, h, False)
            p, r, f = prf(c)
            md.append(f"| detect-secrets 1.5.0 | {c['tp']} | {c['fp']} | {c['fn']} | {p:.3f} | {r:.3f} | {f:.3f} | {t:.2f} |")
        missed = collections.Counter()
        hitset = {(x[0], x[1]) for x in run_strata(a.strata, GL_CORPUS)[0]}
        for lab in gl:
            if lab["family"] and not any((lab["file"], ln) in hitset for ln in range(lab["start"], lab["end"] + 1)):
                missed[lab["gl_family"]] += 1
        md += ["", "Upstream families with the most missed true examples (strata): " +
               ", ".join(f"{k} ({v})" for k, v in missed.most_common(12)) + ".", ""]
    pathlib.Path(a.out).write_text("\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main()
