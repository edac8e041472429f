#!/usr/bin/env bash
# Plans the environment in LIGHTWAVE_STACK_DIR against its real state and writes, into the directory given:
#   <env>.json      `terraform show -json` of the plan, sensitive values redacted (scripts/redact-plan.ts): what the
#                   review report and the drift report read, and the only form that leaves the runner
#   <env>.exitcode  0 = no changes, 2 = changes (terraform plan -detailed-exitcode)
# The plan takes no state lock (-lock=false): the plan role only reads, so a pull request can never hold off a deploy;
# a plan that overlaps an apply may read the state before or after it, never a partial one (S3 writes whole objects),
# and its plan file is never applied (deploys plan again).
set -euo pipefail
out_dir="${1:?usage: plan.sh <output directory>}"
env_name="${LIGHTWAVE_ENVIRONMENT:?}"
stack_dir="${LIGHTWAVE_STACK_DIR:?}"
mkdir -p "$out_dir"

status=0
terraform -chdir="$stack_dir" plan -input=false -no-color -lock=false -detailed-exitcode -out=tfplan || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
  echo "::error::terraform plan of $env_name failed (exit $status)"
  exit "$status"
fi
raw="$(mktemp)"
trap 'rm -f "$raw" "$stack_dir/tfplan"' EXIT
terraform -chdir="$stack_dir" show -json tfplan > "$raw"
node dist/scripts/redact-plan.js "$raw" "$out_dir/$env_name.json"
echo "$status" > "$out_dir/$env_name.exitcode"
