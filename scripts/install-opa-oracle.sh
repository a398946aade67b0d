#!/usr/bin/env bash
# Installs the OPA oracle (OPA v1.20.2 as a Go shared library) for the Rego differential
# fuzzer, idempotently, into <repo>/.cache/opa-bridge (or $OPA_ORACLE_LIB when set).
# Calls the shared installer in place; nothing from ../shared is copied into the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${OPA_ORACLE_LIB:-$PWD/.cache/opa-bridge}"
exec ../shared/tools/opa-oracle/install.sh "$dest"
