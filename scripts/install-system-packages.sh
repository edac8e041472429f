#!/usr/bin/env bash
# Installs the Debian packages the integration tests run for real: PostgreSQL 15 (server, psql, pgbench), PgBouncer,
# and openssl (the local server's TLS certificate).
# Idempotent; skips apt entirely when all are already there. The terraform CLI and the AWS provider mirror are
# not Debian packages: they come with the machine image (the offline-plan tests say so loudly when absent).
set -euo pipefail

missing=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15)
command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: postgresql-15, pgbouncer and openssl already installed"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system packages: installing ${missing[*]}"
$sudo apt-get update -q
# Debian starts services on install where an init system runs; the tests start their own private instances.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
