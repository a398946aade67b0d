#!/usr/bin/env python3
"""Validate JSON documents against a JSON Schema (test oracle for Strata's reports).

usage: validate_json_schema.py SCHEMA DOC...
Prints one line per document: "ok PATH" or "invalid PATH: <first errors>"; exit 1 if any is
invalid. Relative $refs resolve against the schema's folder, never over the network.
"""
import json
import pathlib
import sys

import jsonschema
from referencing import Registry, Resource


def registry_for(schema_path: pathlib.Path) -> Registry:
    resources = []
    for sibling in schema_path.parent.glob("*.json"):
        doc = json.loads(sibling.read_text())
        try:
            resource = Resource.from_contents(doc)
        except Exception:
            from referencing.jsonschema import DRAFT7
            resource = DRAFT7.create_resource(doc)
        resources.append((sibling.name, resource))
        for key in ("$id", "id"):
            if isinstance(doc.get(key), str):
                resources.append((doc[key], resource))
    return Registry().with_resources(resources)


def main() -> int:
    schema_path = pathlib.Path(sys.argv[1])
    schema = json.loads(schema_path.read_text())
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, registry=registry_for(schema_path), format_checker=cls.FORMAT_CHECKER)
    bad = 0
    for doc_path in sys.argv[2:]:
        doc = json.loads(pathlib.Path(doc_path).read_text())
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errors:
            bad += 1
            shown = "; ".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in errors[:5])
            print(f"invalid {doc_path}: {shown}")
        else:
            print(f"ok {doc_path}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
