#!/usr/bin/env bash
# Installs the Debian packages the integration tests run for real:
# - PostgreSQL 15 (server, psql, pgbench) and openssl (the local server's TLS certificate);
# - what scripts/build-server.sh needs to build the PgBouncer and Redis/Valkey versions the platform ships from a
#   checksummed source tarball (curl, gcc, make, pkg-config, libevent-dev, libssl-dev), and Debian's PgBouncer and
#   redis-server, which the harness takes when their version is the shipped one and falls back to, loudly, when not
#   (docs/testing-servers.md);
# - prometheus (promtool for the alert rules),
#   prometheus-postgres-exporter (the monitoring role), rclone (the media copy job), docker-compose (validates the
#   local development compose file; no daemon is needed for `config`); jq (the review-comment test filters comments
#   the way `gh api --jq` does); python3-django and python3-psycopg2 (the Django consumer test).
# Idempotent; skips apt entirely when all are already there. The terraform CLI and the AWS provider mirror are
# not Debian packages: they come with the machine image (the offline-plan tests say so loudly when absent).
set -euo pipefail

missing=()
need_binary() { command -v "$1" >/dev/null 2>&1 || [ -x "$2" ] || missing+=("$3"); }

[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15)
need_binary pgbouncer /usr/sbin/pgbouncer pgbouncer
need_binary openssl /usr/bin/openssl openssl
need_binary curl /usr/bin/curl curl
need_binary gcc /usr/bin/gcc gcc
need_binary make /usr/bin/make make
need_binary pkg-config /usr/bin/pkg-config pkg-config
[ -f /usr/include/event2/event.h ] || missing+=(libevent-dev)
[ -f /usr/include/openssl/ssl.h ] || missing+=(libssl-dev)
need_binary redis-server /usr/bin/redis-server redis-server
need_binary promtool /usr/bin/promtool prometheus
need_binary prometheus-postgres-exporter /usr/bin/prometheus-postgres-exporter prometheus-postgres-exporter
need_binary rclone /usr/bin/rclone rclone
need_binary docker-compose /usr/bin/docker-compose docker-compose
need_binary jq /usr/bin/jq jq
[ -d /usr/lib/python3/dist-packages/django ] || missing+=(python3-django)
[ -d /usr/lib/python3/dist-packages/psycopg2 ] || missing+=(python3-psycopg2)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all installed"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system packages: installing ${missing[*]}"
$sudo apt-get update -q
# Debian starts services on install where an init system runs; the tests start their own private instances.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
# Stop whatever the packages started (no-op in containers without an init system).
for service in postgresql pgbouncer redis-server prometheus prometheus-postgres-exporter; do
  $sudo service "$service" stop >/dev/null 2>&1 || true
done
