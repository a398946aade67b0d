#!/usr/bin/env python3
"""Writes a container image from a JSON spec, for tests that need layers no image tool would
write (names climbing out with `..`, files through symlinks, hardlinks outside the layer).

usage: make_image.py SPEC.json OUT (docker-archive | oci | oci-tar)
SPEC: {"layers": [[{"name": ..., "type": "file|dir|symlink|hardlink", "data": ..., "link": ...}, ...], ...],
       "gzip": bool, "corrupt_layer": index (flip a byte of that blob after digests are taken)}
"""
import gzip, hashlib, io, json, os, sys, tarfile

def layer_tar(members):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for m in members:
            info = tarfile.TarInfo(m["name"])
            kind = m.get("type", "file")
            data = m.get("data", "").encode()
            if kind == "dir":
                info.type = tarfile.DIRTYPE
                info.mode = 0o755
                tar.addfile(info)
            elif kind == "symlink":
                info.type, info.linkname = tarfile.SYMTYPE, m["link"]
                tar.addfile(info)
            elif kind == "hardlink":
                info.type, info.linkname = tarfile.LNKTYPE, m["link"]
                tar.addfile(info)
            else:
                info.size, info.mode = len(data), 0o644
                tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()

def sha(b):
    return hashlib.sha256(b).hexdigest()

def main():
    spec = json.load(open(sys.argv[1]))
    out, fmt = sys.argv[2], sys.argv[3]
    tars = [layer_tar(l) for l in spec["layers"]]
    blobs = [gzip.compress(t, mtime=0) if spec.get("gzip") else t for t in tars]
    config = json.dumps({
        "architecture": "amd64", "os": "linux",
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + sha(t) for t in tars]},
        "history": [{"created_by": "step %d" % i} for i in range(len(tars))],
    }).encode()
    digests = [sha(b) for b in blobs]
    if "corrupt_layer" in spec:
        i = spec["corrupt_layer"]
        b = bytearray(blobs[i]); b[-600] ^= 0x01; blobs[i] = bytes(b)
    files = {}
    if fmt == "docker-archive":
        files["%s.json" % sha(config)] = config
        for d, b in zip(digests, blobs):
            files["%s/layer.tar" % d] = b
        files["manifest.json"] = json.dumps([{"Config": "%s.json" % sha(config), "RepoTags": ["test/image:1"],
                                              "Layers": ["%s/layer.tar" % d for d in digests]}]).encode()
    else:
        media = "application/vnd.oci.image.layer.v1.tar" + ("+gzip" if spec.get("gzip") else "")
        manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:" + sha(config), "size": len(config)},
            "layers": [{"mediaType": media, "digest": "sha256:" + d, "size": len(b)} for d, b in zip(digests, blobs)]}).encode()
        files["oci-layout"] = b'{"imageLayoutVersion":"1.0.0"}'
        files["index.json"] = json.dumps({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": "sha256:" + sha(manifest), "size": len(manifest), "annotations": {"org.opencontainers.image.ref.name": "1"}}]}).encode()
        for blob in [config, manifest] + blobs:
            files["blobs/sha256/" + sha(blob)] = blob
        if "corrupt_layer" in spec:  # the corrupt blob keeps its original name
            del files["blobs/sha256/" + sha(blobs[spec["corrupt_layer"]])]
            files["blobs/sha256/" + digests[spec["corrupt_layer"]]] = blobs[spec["corrupt_layer"]]
    if fmt == "oci":
        for name, data in files.items():
            path = os.path.join(out, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, "wb").write(data)
    else:
        with tarfile.open(out, "w") as tar:
            for name, data in sorted(files.items()):
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))

main()
