#!/usr/bin/env python3
"""Independent oracles for Strata's version schemes (used by StrataVersioningTests).

Usage: compare_versions.py SCHEME < pairs

Each input line is two fields separated by a tab. For ordering schemes the fields are two
versions and the output line is -1, 0 or 1 (ordering of the first against the second). For
`npm-range` the fields are a range and a version and the output is 1 (satisfies) or 0; for
`maven-canonical` the first field is a version and the output is `=` and Maven's canonical form.
A field the oracle rejects gives `error <reason>`. One output line per input line, in order.
"""
import functools
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def sign(n):
    return (n > 0) - (n < 0)


def ordered(parse):
    def compare(a, b):
        x, y = parse(a), parse(b)
        return (x > y) - (x < y)
    return compare


def pep440():
    from packaging.version import Version
    return ordered(Version)


def debian():
    from debian.debian_support import Version
    return ordered(Version)


def univers(name, strip_v=False):
    def make():
        from univers import versions
        cls = getattr(versions, name)

        def parse(s):
            if not cls.is_valid(s):
                raise ValueError("invalid for univers " + name)
            return cls(s)
        return ordered(parse)
    return make


def semver_lib(strip_v=False):
    def make():
        import semver

        def compare(a, b):
            if strip_v:
                a, b = a[1:] if a.startswith("v") else a, b[1:] if b.startswith("v") else b
            return sign(semver.Version.parse(a).compare(semver.Version.parse(b)))
        return compare
    return make


def external(command):
    """A batch oracle in another language: pairs on stdin, one answer per line on stdout."""
    def run(lines):
        env = dict(os.environ)
        env["NODE_PATH"] = os.pathsep.join(p for p in (env.get("NODE_PATH"), "/usr/share/nodejs", "/usr/lib/nodejs") if p)
        result = subprocess.run(command, input="".join(lines), capture_output=True, text=True, check=True, env=env)
        return [line for line in result.stdout.splitlines() if line.strip()]
    return run


def first_field(render):
    """An oracle over the first field only: `=` + render(version)."""
    def make():
        return lambda a, _b: "=" + render()(a)
    return make


def pep440_canonical():
    from packaging.version import Version
    return lambda v: str(Version(v))


def debian_parts():
    from debian.debian_support import Version

    def parts(v):
        version = Version(v)
        return "%s|%s|%s" % (version.epoch or "0", version.upstream_version, version.debian_revision or "")
    return parts


IN_PROCESS = {
    "pep440-canonical": first_field(pep440_canonical),
    "debian-parts": first_field(debian_parts),
    "pep440": pep440,
    "debian": debian,
    "rpm": univers("RpmVersion"),
    "apk": univers("AlpineLinuxVersion"),
    "maven": univers("MavenVersion"),
    "nuget": univers("NugetVersion"),
    "semver": semver_lib(),
    "cargo": semver_lib(),
    "go": semver_lib(strip_v=True),
}

RPM_LUA = ("%{lua: for line in io.lines() do "
           "local a, b = line:match('^([^\\t]*)\\t(.*)$'); io.write(rpm.vercmp(a, b), '\\n') end}")

EXTERNAL = {
    "dpkg": None,  # one dpkg process per pair; see dpkg_pairs
    "rpm-lib": external(["rpm", "--eval", RPM_LUA]),
    "npm": external(["node", os.path.join(HERE, "npm_oracle.js"), "compare"]),
    "npm-range": external(["node", os.path.join(HERE, "npm_oracle.js"), "satisfies"]),
    "rubygems": external(["ruby", os.path.join(HERE, "gem_oracle.rb")]),
    "composer": external(["php", os.path.join(HERE, "composer_oracle.php")]),
    "composer-normalize": external(["php", os.path.join(HERE, "composer_oracle.php"), "normalize"]),
}


MAVEN_JAR = "/usr/share/java/maven-artifact-3.x.jar"  # Debian's libmaven3-core-java (Maven 3.8.7)


def maven_pairs(lines):
    """Maven's own ComparableVersion: its main() prints `a op b` for consecutive arguments."""
    pairs = [line.rstrip("\n").split("\t", 1) for line in lines]
    out = []
    for start in range(0, len(pairs), 2000):
        chunk = pairs[start:start + 2000]
        args = [v for pair in chunk for v in pair]
        result = subprocess.run(["java", "-cp", MAVEN_JAR, "org.apache.maven.artifact.versioning.ComparableVersion"] + args,
                                capture_output=True, text=True, check=True)
        comparisons = [line.split() for line in result.stdout.splitlines() if line.startswith("   ")]
        ops = {"<": "-1", "==": "0", ">": "1"}
        for index, (a, b) in enumerate(chunk):
            fields = comparisons[2 * index]
            if len(fields) != 3 or fields[0] != a or fields[2] != b:
                out.append("error unexpected output " + " ".join(fields))
            else:
                out.append(ops[fields[1]])
    return out


def maven_canonical(lines):
    """`=` + Maven's canonical form of the first field of each line (the second is ignored)."""
    versions = [line.rstrip("\n").split("\t", 1)[0] for line in lines]
    out = []
    for start in range(0, len(versions), 2000):
        chunk = versions[start:start + 2000]
        result = subprocess.run(["java", "-cp", MAVEN_JAR, "org.apache.maven.artifact.versioning.ComparableVersion"] + chunk,
                                capture_output=True, text=True, check=True)
        parsed = [line.split(". ", 1)[1] for line in result.stdout.splitlines() if line[:1].isdigit() and ". " in line]
        for version, line in zip(chunk, parsed):
            shown, _, rest = line.partition(" -> ")
            out.append("=" + rest.split("; tokens: ")[0] if shown == version else "error unexpected output " + line)
    return out


def dpkg_pairs(lines):
    out = []
    for line in lines:
        a, b = line.rstrip("\n").split("\t", 1)
        answer = None
        for op, value in (("lt", -1), ("eq", 0), ("gt", 1)):
            r = subprocess.run(["dpkg", "--compare-versions", a, op, b], capture_output=True)
            if r.stderr:
                answer = "error " + r.stderr.decode().strip().replace("\n", " ")
                break
            if r.returncode == 0:
                answer = str(value)
                break
        out.append(answer or "error no answer")
    return out


def main():
    try:
        run_oracle()
    except FileNotFoundError as e:
        sys.exit(f"oracle tool not found ({e.filename}): install the apt packages in scripts/apt-packages.txt")
    except ImportError as e:
        sys.exit(f"oracle module missing ({e.name}): pip install -r scripts/oracle-requirements.txt")


def run_oracle():
    scheme = sys.argv[1]
    lines = [line for line in sys.stdin if line.strip("\n")]
    if scheme == "dpkg":
        print("\n".join(dpkg_pairs(lines)))
        return
    if scheme == "maven-canonical":
        print("\n".join(maven_canonical(lines)))
        return
    if scheme == "maven-real":
        print("\n".join(maven_pairs(lines)))
        return
    if scheme in EXTERNAL:
        print("\n".join(EXTERNAL[scheme](lines)))
        return
    compare = IN_PROCESS[scheme]()
    for line in lines:
        a, b = line.rstrip("\n").split("\t", 1)
        try:
            print(compare(a, b))
        except Exception as e:  # noqa: BLE001 - the oracle's rejection is an answer
            print("error " + type(e).__name__ + " " + str(e).replace("\n", " ")[:200])


if __name__ == "__main__":
    main()
