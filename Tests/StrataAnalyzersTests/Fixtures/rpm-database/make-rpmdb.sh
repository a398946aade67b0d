#!/usr/bin/env bash
# Rebuilds var/lib/rpm/rpmdb.sqlite: a real RPM 4.18 SQLite database holding header-only
# packages built by rpmbuild (no files), registered with `rpm -i --justdb`. 40 small packages
# spread the Packages table over several B-tree pages; `bigdoc` has a 20 kB description so
# its header spills into overflow pages; `openssl` builds a subpackage `openssl-libs`, so
# SOURCERPM differs from the name; `shadow-utils` has an epoch.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
spec() { # name epoch version release arch extra-description
  cat > "$work/$1.spec" <<SPEC
Name: $1
${2:+Epoch: $2}
Version: $3
Release: $4
Summary: fixture package $1
License: MIT
BuildArch: $5
%description
$6
%files
SPEC
}
spec bash "" 5.1.8 9.el9 x86_64 "The GNU Bourne Again shell."
spec shadow-utils 2 4.9 8.el9 x86_64 "Utilities for managing accounts and shadow password files."
spec tzdata "" 2024a 1.el9 noarch "Timezone data."
spec bigdoc "" 1.0 1.el9 noarch "$(for i in $(seq 1 400); do echo "Line $i of a long description that makes the header larger than a page."; done)"
for i in $(seq 1 35); do spec "filler$i" "" "1.$i" "1.el9" x86_64 "Filler $i"; done
cat > "$work/openssl.spec" <<'SPEC'
Name: openssl
Epoch: 1
Version: 3.0.7
Release: 27.el9
Summary: Utilities from the general purpose cryptography library with TLS implementation
License: ASL 2.0
BuildArch: x86_64
%description
The OpenSSL toolkit.
%package libs
Summary: A general purpose cryptography library with TLS implementation
%description libs
OpenSSL libraries.
%files
%files libs
SPEC
for s in "$work"/*.spec; do
  rpmbuild --quiet --define "_topdir $work/top" --define "_build_id_links none" -bb "$s" >/dev/null 2>&1
done
rm -rf "$here/var/lib/rpm" && mkdir -p "$here/var/lib/rpm"
rpm --initdb --dbpath "$work/db"
rpm -i --justdb --nodeps --noscripts --ignorearch --ignoreos --dbpath "$work/db" "$work"/top/RPMS/*/*.rpm
sqlite3 "$work/db/rpmdb.sqlite" "PRAGMA journal_mode=DELETE; VACUUM;" >/dev/null
cp "$work/db/rpmdb.sqlite" "$here/var/lib/rpm/rpmdb.sqlite"
rpm -qa --dbpath "$work/db" --qf '%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE} %{ARCH} %{SOURCERPM}\n' | sort > "$here/expected.txt"
