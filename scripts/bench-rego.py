#!/usr/bin/env python3
"""Rego evaluation speed: Strata vs OPA (the oracle bridge) vs regopy (rego-cpp), same files, same run.

  python3 scripts/bench-rego.py [--inputs 1000] [--runs 3] [--strata .build/release/strata]
                                [--regopy-python PY] [--workloads trivy-k8s,recursion,comprehension]

Workloads (written to bench-out/rego/<name>/, deterministic):
  trivy-k8s      the trivy-checks corpus' 161 builtin.kubernetes checks + lib/kubernetes over N generated
                 Kubernetes manifests; query: every check's deny set. Trivy's result.new is replaced, for all
                 three engines alike, by a Rego function (regopy and the bridge cannot take Swift builtins).
  recursion      walk() over deep nested documents, graph.reachable over a generated graph and a 60-rule
                 dependency chain (Rego forbids recursive rules; this is the recursion Rego has).
  comprehension  nested array/set/object comprehensions joining pods, services and policies in the input.

Each engine loads the policies once and evaluates the query once per input; the timed part is that loop
(median of --runs). OPA runs through tools/opa-oracle's ctypes bridge (each call JSON-encodes its input);
regopy through its Python API with a prebuilt bundle (each call converts its input). Strata is
`strata bench rego` (inputs parsed before timing). A digest (result elements summed over inputs) must
agree between engines, or the row says so. Figures go to stdout as a Markdown table."""
import argparse, json, os, pathlib, random, re, shutil, statistics, subprocess, sys, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench-out" / "rego"
TRIVY = SHARED / "corpora/rego/trivy-checks"

SHIM = """package benchshim
import rego.v1

# Stand-in for Trivy's result.new(msg, cause): the message and the cause's location fields.
result_new(msg, cause) := {"msg": msg, "startline": object.get(meta(cause), "startline", 0),
                           "endline": object.get(meta(cause), "endline", 0),
                           "filepath": object.get(meta(cause), "filepath", "")}

# Stand-in for Trivy's isManaged(x): true unless the metadata says otherwise.
is_managed(x) := object.get(meta(x), "managed", true)

meta(cause) := m if {
    is_object(cause)
    m := object.get(cause, "__defsec_metadata", cause)
} else := {}
"""

WRAPPER_K8S = """package bench
import rego.v1

deny contains [name, r.msg] if {
    some name
    some r in data.builtin.kubernetes[name].deny
}
"""

RECURSION = """package bench
import rego.v1

# walk(): every path to a leaf string that looks like an image reference.
images contains path if {
    walk(input.tree, [path, value])
    is_string(value)
    contains(value, ":")
}

# graph.reachable from the roots of the input graph.
reachable := graph.reachable(input.graph, input.roots)

# A dependency chain: r59 needs r58 … needs r0, each step a little work on the input.
""" + "\n".join(
    ["r0 := count(input.graph)"] + [f"r{i} := r{i-1} + count([k | input.graph[k]; startswith(k, \"n{i % 10}\")])" for i in range(1, 60)]
) + """

result := {"images": count(images), "reachable": count(reachable), "chain": r59}
"""

COMPREHENSION = """package bench
import rego.v1

# Services whose selector matches each pod's labels (a join).
exposure := {pod.name: [svc.name | some svc in input.services; matches(svc.selector, pod.labels)] | some pod in input.pods}

matches(selector, labels) if {
    count(selector) > 0
    every k, v in selector { labels[k] == v }
}

# Pods that no network policy selects.
isolated := {pod.name | some pod in input.pods; count([p | some p in input.policies; matches(p.podSelector, pod.labels)]) == 0}

# Images per namespace, distinct.
images := {ns: {c.image | some pod in input.pods; pod.namespace == ns; some c in pod.containers} |
           some ns in {p.namespace | some p in input.pods}}

result := {"exposed": count([n | s := exposure[n]; count(s) > 0]), "isolated": count(isolated),
           "images": sum([count(s) | s := images[_]])}
"""


def manifests(n, rng):
    """Deterministic Kubernetes objects: Pods, Deployments, DaemonSets, Jobs, Services, Roles, with varied
    security settings, so that many checks both pass and fail."""
    kinds = ["Pod", "Deployment", "DaemonSet", "StatefulSet", "Job", "CronJob", "Service", "Role", "ClusterRoleBinding"]
    images = ["nginx", "nginx:1.25", "docker.io/library/redis:7", "ghcr.io/acme/app@sha256:" + "a" * 64, "busybox:latest", "quay.io/x/y:2"]
    out = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        meta = {"name": f"obj-{i}", "namespace": rng.choice(["default", "prod", "kube-system", "team-a"]),
                "labels": {"app": f"app{i % 17}", "tier": rng.choice(["web", "db", "cache"])}}
        if kind in ("Service",):
            out.append({"apiVersion": "v1", "kind": kind, "metadata": meta,
                        "spec": {"type": rng.choice(["ClusterIP", "NodePort", "LoadBalancer"]), "ports": [{"port": 80}]}})
            continue
        if kind in ("Role", "ClusterRoleBinding"):
            rules = [{"apiGroups": ["*"] if rng.random() < 0.3 else [""], "resources": rng.choice([["secrets"], ["pods"], ["*"]]),
                      "verbs": rng.choice([["get"], ["*"], ["create", "update"]])}]
            body = {"rules": rules} if kind == "Role" else {
                "roleRef": {"kind": "ClusterRole", "name": rng.choice(["cluster-admin", "view"])},
                "subjects": [{"kind": "Group", "name": rng.choice(["system:masters", "system:authenticated", "devs"])}]}
            out.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": meta, **body})
            continue
        containers = []
        for c in range(rng.randint(1, 3)):
            sc = {}
            if rng.random() < 0.5: sc["privileged"] = rng.random() < 0.3
            if rng.random() < 0.5: sc["runAsNonRoot"] = rng.random() < 0.6
            if rng.random() < 0.4: sc["readOnlyRootFilesystem"] = rng.random() < 0.5
            if rng.random() < 0.4: sc["allowPrivilegeEscalation"] = rng.random() < 0.5
            if rng.random() < 0.3: sc["capabilities"] = {"add": rng.sample(["NET_ADMIN", "SYS_ADMIN", "NET_RAW", "SYS_MODULE"], 2), "drop": ["ALL"] if rng.random() < 0.5 else []}
            if rng.random() < 0.3: sc["runAsUser"] = rng.choice([0, 1000, 10001])
            res = {}
            if rng.random() < 0.6: res["limits"] = {"cpu": "500m", "memory": "256Mi"}
            if rng.random() < 0.6: res["requests"] = {"cpu": "100m", "memory": "128Mi"}
            cont = {"name": f"c{c}", "image": rng.choice(images), "securityContext": sc, "resources": res,
                    "ports": [{"containerPort": 8080, "hostPort": 8080}] if rng.random() < 0.2 else [],
                    "volumeMounts": [{"name": "data", "mountPath": "/data"}]}
            if rng.random() < 0.5: cont["livenessProbe"] = {"httpGet": {"path": "/", "port": 8080}}
            if rng.random() < 0.5: cont["readinessProbe"] = {"httpGet": {"path": "/", "port": 8080}}
            containers.append(cont)
        pod_spec = {"containers": containers, "hostNetwork": rng.random() < 0.1, "hostPID": rng.random() < 0.1,
                    "hostIPC": rng.random() < 0.05,
                    "volumes": [{"name": "data", "hostPath": {"path": rng.choice(["/var/run/docker.sock", "/data", "/etc"])}}
                                if rng.random() < 0.3 else {"name": "data", "emptyDir": {}}]}
        if rng.random() < 0.3: pod_spec["securityContext"] = {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}}
        if kind == "Pod":
            obj = {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": pod_spec}
        elif kind == "CronJob":
            obj = {"apiVersion": "batch/v1", "kind": kind, "metadata": meta,
                   "spec": {"schedule": "* * * * *", "jobTemplate": {"spec": {"template": {"metadata": {"labels": meta["labels"]}, "spec": pod_spec}}}}}
        else:
            group = "batch/v1" if kind == "Job" else "apps/v1"
            obj = {"apiVersion": group, "kind": kind, "metadata": meta,
                   "spec": {"replicas": 2, "selector": {"matchLabels": meta["labels"]},
                            "template": {"metadata": {"labels": meta["labels"]}, "spec": pod_spec}}}
        out.append(obj)
    return out


def recursion_inputs(n, rng):
    def tree(depth):
        if depth == 0:
            return rng.choice(["nginx:1.25", "plain", 42, True, "redis:7"])
        return {f"k{j}": tree(depth - 1) for j in range(rng.randint(1, 3))} if rng.random() < 0.7 else [tree(depth - 1) for _ in range(2)]
    out = []
    for _ in range(n):
        nodes = [f"n{j}" for j in range(120)]
        graph = {v: rng.sample(nodes, rng.randint(0, 3)) for v in nodes}
        out.append({"tree": tree(7), "graph": graph, "roots": rng.sample(nodes, 3)})
    return out


def comprehension_inputs(n, rng):
    out = []
    for _ in range(n):
        labels = lambda: {"app": f"a{rng.randint(0, 9)}", "tier": rng.choice(["web", "db"])}
        pods = [{"name": f"p{j}", "namespace": rng.choice(["a", "b", "c"]), "labels": labels(),
                 "containers": [{"image": f"img{rng.randint(0, 20)}"} for _ in range(2)]} for j in range(40)]
        services = [{"name": f"s{j}", "selector": {"app": f"a{rng.randint(0, 9)}"}} for j in range(15)]
        policies = [{"podSelector": labels()} for _ in range(8)]
        out.append({"pods": pods, "services": services, "policies": policies})
    return out


def prepare(name, n):
    rng = random.Random(20261201)
    d = OUT / name
    if d.exists():
        shutil.rmtree(d)
    (d / "policy").mkdir(parents=True)
    if name == "trivy-k8s":
        files = sorted(p for p in (TRIVY / "checks/kubernetes").glob("*.rego") if not p.name.endswith("_test.rego"))
        files += sorted(p for sub in ("kubernetes", "cloud") for p in (TRIVY / "lib" / sub).glob("*.rego")
                        if not p.name.endswith("_test.rego"))
        for p in files:
            src = p.read_text()
            if not re.search(r"^package builtin\.kubernetes|^package lib\.", src, re.M):
                continue
            src = src.replace("result.new(", "data.benchshim.result_new(").replace("isManaged(", "data.benchshim.is_managed(")
            (d / "policy" / f"{p.parent.name}_{p.name}").write_text(src)
        (d / "policy" / "zz_shim.rego").write_text(SHIM)
        (d / "policy" / "zz_bench.rego").write_text(WRAPPER_K8S)
        inputs, query = manifests(n, rng), "data.bench.deny"
    elif name == "recursion":
        (d / "policy" / "bench.rego").write_text(RECURSION)
        inputs, query = recursion_inputs(n, rng), "data.bench.result"
    else:
        (d / "policy" / "bench.rego").write_text(COMPREHENSION)
        inputs, query = comprehension_inputs(n, rng), "data.bench.result"
    with open(d / "inputs.jsonl", "w") as f:
        for x in inputs:
            f.write(json.dumps(x) + "\n")
    return d, query


def digest_of(value):
    if isinstance(value, (list, dict)):
        return len(value)
    return 1


def size_digest(results):
    return sum(results)


RUNNER = r'''
import json, sys, time, statistics, pathlib
engine, policy_dir, inputs_path, query, runs, oracle_dir = sys.argv[1:7]
runs = int(runs)
mods = [(p.name, p.read_text()) for p in sorted(pathlib.Path(policy_dir).glob("*.rego"))]
inputs = [json.loads(l) for l in open(inputs_path) if l.strip()]
def size(v):
    if isinstance(v, (list, dict)): return len(v)
    return 1
t0 = time.perf_counter()
if engine == "opa":
    sys.path.insert(0, oracle_dir)
    from opa_oracle import Engine, load_bridge
    e = Engine(load_bridge(None))
    for n, s in mods: e.add_policy(n, s)
    e.eval(query, inputs[0], has_input=True)  # compile the query once, as a server would
    def one(x):
        r = e.eval(query, x, has_input=True).get("result") or []
        return r[0]["expressions"][0]["value"] if r else None
else:
    from regopy import Interpreter, Input
    r = Interpreter()
    for n, s in mods: r.add_module(n, s)
    bundle = r.build(query)
    def one(x):
        r.set_input(Input(x))
        out = r.query_bundle(bundle)
        res = out.results if hasattr(out, "results") else []
        if not res: return None
        exprs = res[0].expressions if hasattr(res[0], "expressions") else res[0]["expressions"]
        v = exprs[0]
        return v.json() if hasattr(v, "json") else v
compile_s = time.perf_counter() - t0
times = []
for _ in range(runs):
    digest = undefined = errors = 0
    t = time.perf_counter()
    for x in inputs:
        try:
            v = one(x)
        except Exception as ex:
            errors += 1
            continue
        if v is None: undefined += 1
        else: digest += size(v)
    times.append(time.perf_counter() - t)
print(json.dumps({"engine": engine, "compile_seconds": compile_s, "eval_seconds_median": statistics.median(times),
                  "eval_seconds": times, "digest": digest, "undefined": undefined, "errors": errors, "inputs": len(inputs)}))
'''


def run_python(engine, py, d, query, runs):
    env = dict(os.environ)
    env.setdefault("OPA_ORACLE_LIB", str(ROOT / ".cache/opa-bridge"))
    p = subprocess.run([py, "-c", RUNNER, engine, str(d / "policy"), str(d / "inputs.jsonl"), query, str(runs),
                        str(SHARED / "tools/opa-oracle")], capture_output=True, text=True, env=env)
    if p.returncode != 0:
        return {"engine": engine, "failed": p.stderr.strip().splitlines()[-1:] or ["exit %d" % p.returncode]}
    return json.loads(p.stdout.strip().splitlines()[-1])


def run_strata(strata, d, query, runs):
    p = subprocess.run([strata, "bench", "rego", "-d", str(d / "policy"), "--inputs", str(d / "inputs.jsonl"),
                        "--query", query, "--runs", str(runs)], capture_output=True, text=True)
    if p.returncode != 0:
        return {"engine": "strata", "failed": [p.stderr.strip()[-300:]]}
    return json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--strata", default=str(ROOT / ".build/release/strata"))
    ap.add_argument("--opa-python", default=sys.executable)
    ap.add_argument("--regopy-python", default=str(ROOT / ".venv-bench/bin/python"))
    ap.add_argument("--workloads", default="trivy-k8s,recursion,comprehension")
    args = ap.parse_args()
    print(f"`python3 scripts/bench-rego.py --inputs {args.inputs} --runs {args.runs}` — load average "
          f"{os.getloadavg()[0]:.1f}, {os.cpu_count()} cores\n")
    print("| workload | engine | load+compile s | eval s (median) | ms/input | digest | undefined | errors | time vs Strata |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in args.workloads.split(","):
        d, query = prepare(name, args.inputs)
        rows = [run_strata(args.strata, d, query, args.runs),
                run_python("opa", args.opa_python, d, query, args.runs),
                run_python("regopy", args.regopy_python, d, query, args.runs)]
        base = rows[0].get("eval_seconds_median")
        for r in rows:
            if "failed" in r:
                print(f"| {name} | {r['engine']} | failed: {' '.join(r['failed'])[:200]} | | | | | | |")
                continue
            ratio = f"{r['eval_seconds_median'] / base:.2f}×" if base else "–"
            agree = "" if r["digest"] == rows[0].get("digest") else " (≠ Strata)"
            print(f"| {name} | {r['engine']} | {r['compile_seconds']:.2f} | {r['eval_seconds_median']:.3f} | "
                  f"{r['eval_seconds_median'] / max(1, r['inputs']) * 1000:.2f} | {r['digest']}{agree} | {r['undefined']} | {r['errors']} | {ratio} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
