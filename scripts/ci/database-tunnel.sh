#!/usr/bin/env bash
# Opens the SSM port-forward from this runner to the environment's database (docs/deploy.md, "Reaching the database") and
# hands the master password to later steps as a masked PGPASSWORD. Needs: terraform initialised in the stack
# directory, the plan or deploy role's credentials, the AWS CLI with the session-manager plugin, and the
# LIGHTWAVE_* settings (scripts/ci-settings.ts). Without a database in the state yet, it says so and does nothing.
set -euo pipefail
stack_dir="${LIGHTWAVE_STACK_DIR:?}"
local_port="${LIGHTWAVE_DATABASE_LOCAL_PORT:?}"

address="$(terraform -chdir="$stack_dir" output -raw database_address 2>/dev/null || true)"
if [ -z "$address" ]; then
  echo "::notice::${LIGHTWAVE_ENVIRONMENT:-?}: no database in the state yet, so no tunnel (first deploy: see docs/first-deploy.md)"
  exit 0
fi
secret_arn="$(terraform -chdir="$stack_dir" output -raw database_master_secret_arn)"
remote_port="$(terraform -chdir="$stack_dir" output -raw database_port)"

password="$(aws secretsmanager get-secret-value --secret-id "$secret_arn" --query SecretString --output text | jq -r .password)"
echo "::add-mask::$password"
echo "PGPASSWORD=$password" >> "$GITHUB_ENV"

log="${RUNNER_TEMP:-/tmp}/database-tunnel.log"
# The environment's own document (bootstrap stack): it fixes the port and accepts only the RDS endpoint as host.
nohup aws ssm start-session --target "${LIGHTWAVE_TUNNEL_INSTANCE_ID:?}" \
  --document-name "${LIGHTWAVE_TUNNEL_DOCUMENT:?}" \
  --parameters "host=$address,localPortNumber=$local_port" > "$log" 2>&1 &

for _ in $(seq 1 30); do
  if (exec 3<> "/dev/tcp/127.0.0.1/$local_port") 2> /dev/null; then
    echo "tunnel open: 127.0.0.1:$local_port -> $address:$remote_port"
    exit 0
  fi
  sleep 2
done
echo "::error::the tunnel to $address did not open within 60 s"
cat "$log"
exit 1
