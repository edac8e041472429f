#!/usr/bin/env bash
# Builds a server the tests run (PgBouncer, Redis or Valkey) from a source tarball whose sha256 is checked BEFORE
# anything is extracted or built, and prints the binary's path. Used by the test harness (a local source cache or the
# official release download, test/support/server-binary.ts) and by the workflows, with the versions and checksums
# pinned in test/support/server-sources.ts (test/server-sources.test.ts compares them); docs/testing-servers.md.
#
#   build-server.sh PRODUCT VERSION SOURCE SHA256 [PREFIX]
#     PRODUCT  pgbouncer | redis | valkey
#     SOURCE   https:// URL (downloaded with curl), file:// URL or a local path
#     SHA256   the pinned 64-hex checksum of SOURCE
#     PREFIX   default ${TMPDIR:-/tmp}/lightwave-PRODUCT-VERSION; the binary lands in PREFIX/bin (mode 0755: the
#              tests run servers as an unprivileged user, so the default lies outside any home directory)
# Idempotent: when PREFIX/bin already holds the binary reporting VERSION, only its path is printed.
# Exit codes: 2 bad arguments (no pinned checksum), 3 checksum mismatch (nothing extracted), 1 anything else.
set -euo pipefail

product="${1:?product}" version="${2:?version}" source="${3:?source}" sha256="${4:-}"
prefix="${5:-${TMPDIR:-/tmp}/lightwave-$product-$version}"
fail() { echo "build-server: $product $version: $*" >&2; exit "${code:-1}"; }

case "$product" in
  pgbouncer) binary=pgbouncer version_args=(-V) needs=(gcc make pkg-config) ;;
  redis) binary=redis-server version_args=(--version) needs=(gcc make) ;;
  valkey) binary=valkey-server version_args=(--version) needs=(gcc make) ;;
  *) code=2 fail "unknown product (pgbouncer, redis, valkey)" ;;
esac
[[ "$sha256" =~ ^[0-9a-f]{64}$ ]] ||
  code=2 fail "refused: no pinned sha256 for $source (got '${sha256}'); see test/support/server-sources.ts"

reports_version() { [ -x "$1" ] && "$1" "${version_args[@]}" 2>/dev/null | grep -qE "(PgBouncer |v=)${version//./\\.}( |$)"; }
bin="$prefix/bin/$binary"
if reports_version "$bin"; then echo "$bin"; exit 0; fi

missing=()
for tool in "${needs[@]}"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ "$product" = pgbouncer ]; then
  [ -f /usr/include/event2/event.h ] || missing+=(libevent-dev)
  [ -f /usr/include/openssl/ssl.h ] || missing+=(libssl-dev)
fi
[[ "$source" =~ ^https?:// ]] && ! command -v curl >/dev/null && missing+=(curl)
[ ${#missing[@]} -eq 0 ] || fail "missing ${missing[*]} (Debian: apt-get install -y ${missing[*]})"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarball="$work/source.tar.gz"
case "$source" in
  http://* | https://*) curl -fsSL --retry 3 --connect-timeout 20 -o "$tarball" "$source" || fail "download of $source failed" ;;
  file://*) cp "${source#file://}" "$tarball" || fail "cannot read $source" ;;
  *) cp "$source" "$tarball" || fail "cannot read $source" ;;
esac

actual="$(sha256sum "$tarball" | cut -d' ' -f1)"
[ "$actual" = "$sha256" ] ||
  code=3 fail "refused $source: its sha256 is $actual, but $sha256 is pinned; nothing was extracted or built"

mkdir "$work/src"
tar xzf "$tarball" -C "$work/src" --strip-components=1
cd "$work/src"
case "$product" in
  # c-ares and udns are optional (DNS of [databases] hosts); the tests use IP addresses.
  pgbouncer) build() { ./configure --prefix="$prefix" --without-cares --without-udns && make -j"$(nproc)" pgbouncer; } ;;
  # TLS is off in the cluster (ClusterIP inside the namespace), so the build needs no OpenSSL headers.
  redis | valkey) build() { make -j"$(nproc)" BUILD_TLS=no USE_SYSTEMD=no && cp "src/$binary" .; } ;;
esac
build >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; fail "build failed"; }
reports_version "./$binary" ||
  fail "the build does not report version $version: $("./$binary" "${version_args[@]}" 2>&1 | head -1)"
mkdir -p "$prefix/bin"
install -m 0755 "$binary" "$bin"
chmod 0755 "$prefix" "$prefix/bin"
echo "$bin"
