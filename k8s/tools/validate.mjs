// Validates every document of a kustomize build against the Kubernetes, CloudNativePG and Prometheus-operator
// schemas (types, enums, required fields). A kind without a bundled schema fails: nothing goes unchecked.
// Unknown fields of built-in kinds are caught by the strict parse in tests/Complaints.Api.Tests/Deployment.
// Usage: kubectl kustomize k8s/overlays/prod | node k8s/tools/validate.mjs   (after npm ci in k8s/tools)
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const text = process.argv[2] ? readFileSync(process.argv[2], "utf8") : readFileSync(0, "utf8");
let errors = 0, n = 0;
for (const doc of parseAllDocuments(text)) {
  if (doc.errors.length) { errors++; console.log(`FAIL  YAML: ${doc.errors[0].message}`); continue; }
  const obj = doc.toJS();
  if (!obj) continue;
  n++;
  const id = `${obj.apiVersion} ${obj.kind} ${obj.metadata?.name}`;
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : [null, obj.apiVersion];
  const candidates = [
    group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`,
    `@kubernetes-models/cloudnative-pg/${obj.apiVersion}`,
    `@kubernetes-models/prometheus-operator/${obj.apiVersion}`,
  ];
  let Cls;
  for (const m of candidates) {
    try { Cls = (await import(m))[obj.kind]; } catch { }
    if (Cls) break;
  }
  if (!Cls) { errors++; console.log(`FAIL  ${id}: no schema bundled for this kind`); continue; }
  try { new Cls(obj).validate(); console.log(`OK    ${id}`); }
  catch (e) { errors++; console.log(`FAIL  ${id}: ${e.message}`); }
}
console.log(`${n} documents, ${errors} invalid`);
process.exit(errors || n === 0 ? 1 : 0);
