#!/usr/bin/env bash
# Renders every overlay of k8s/ with kustomize and validates each document against the Kubernetes,
# CloudNativePG and Prometheus-operator schemas (npm packages pinned by k8s/tools/package-lock.json).
# The policy assertions and the strict unknown-field checks are tests: tests/Complaints.Api.Tests/Deployment.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v kubectl >/dev/null || { echo "kubectl is needed to render k8s/ (kubectl kustomize)" >&2; exit 1; }
# npm ci (exactly the lockfile) unless node_modules was installed from this very lockfile already.
if ! cmp -s k8s/tools/package-lock.json k8s/tools/node_modules/.installed-from-lock 2>/dev/null; then
  (cd k8s/tools && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1 && cp package-lock.json node_modules/.installed-from-lock) \
    || { echo "npm ci in k8s/tools failed" >&2; exit 1; }
fi
status=0
for overlay in k8s/overlays/*/; do
  name=$(basename "$overlay")
  if out=$(kubectl kustomize "$overlay" | node k8s/tools/validate.mjs); then
    echo "k8s/overlays/$name: $(tail -n 1 <<<"$out")"
  else
    echo "$out" | grep -v '^OK' >&2
    echo "k8s/overlays/$name: INVALID" >&2
    status=1
  fi
done
exit $status
