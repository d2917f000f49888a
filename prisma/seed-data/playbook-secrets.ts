import { md, QUARANTINE_POLICY, sh, type PlaybookSeed } from "./playbook-format";

// A stolen token is used from somewhere else, so containing the pod does not contain the incident:
// this playbook preserves the pod and the API audit trail, then rotates the service account and
// every secret the pod could read, and follows the credentials to where they were used.
export const SECRETS_EXFILTRATION_PLAYBOOK: PlaybookSeed = {
  key: "secrets",
  title: "Secrets or service-account token exfiltration",
  incidentType: "CREDENTIAL_ACCESS",
  description:
    "Something in a container read credentials it should not (Falco: Read sensitive file untrusted, Contact K8S API Server From Container, Find AWS Credentials, Read environment variable from /proc files) and may have sent them out. Assume every credential the pod could reach is in someone else's hands.",
  attackTechniques: ["T1552.007", "T1528", "T1552.001", "T1550.001", "T1078"],
  changeNote: "First version, after the tabletop on a leaked CI service-account token.",
  steps: [
    {
      phase: "DETECTION_ANALYSIS",
      title: "List every credential the pod could reach",
      responsibleRole: "SECURITY_LEAD",
      expectedMinutes: 20,
      evidenceExpected: "The pod's service account, its effective permissions, mounted and environment secrets, cloud identity",
      instructions: md(
        "The blast radius is what the pod could read, not only what the alert shows it read. Collect:",
        sh(
          "SA=$(kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.serviceAccountName}')",
          "kubectl auth can-i --list -n {{namespace}} --as=system:serviceaccount:{{namespace}}:$SA > {{incident_key}}-sa-permissions.txt",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.volumes[*].secret.secretName}'",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.containers[*].envFrom}'",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.containers[*].env[*].valueFrom.secretKeyRef.name}'",
          "kubectl get serviceaccount $SA -n {{namespace}} -o jsonpath='{.metadata.annotations}'",
        ),
        "The last line shows a cloud identity bound to the account (EKS IRSA `eks.amazonaws.com/role-arn`, GKE `iam.gke.io/gcp-service-account`, AKS workload identity `azure.workload.identity/client-id`). If the account may `get` or `list` secrets in {{namespace}}, every secret there is in scope.",
      ),
    },
    {
      phase: "DETECTION_ANALYSIS",
      title: "Preserve the pod, its logs and the API audit trail",
      responsibleRole: "DEPUTY_COMMANDER",
      expectedMinutes: 20,
      evidenceExpected: "Pod manifest, image digest, current and previous logs, API server and cloud audit entries for the service account",
      instructions: md(
        "Preserve before you kill: the pod's manifest and logs, and the record of what its identity did.",
        sh(
          "kubectl get pod {{pod}} -n {{namespace}} -o yaml > {{incident_key}}-pod.yaml",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.status.containerStatuses[*].imageID}'",
          "kubectl logs {{pod}} -n {{namespace}} -c {{container_name}} --timestamps > {{incident_key}}-logs.txt",
          "kubectl logs {{pod}} -n {{namespace}} -c {{container_name}} --previous --timestamps > {{incident_key}}-logs-previous.txt",
          "sha256sum {{incident_key}}-*",
        ),
        "Export the API server audit entries whose `user.username` is `system:serviceaccount:{{namespace}}:<service-account>` from 24 hours before the first alert until now (EKS: CloudWatch `kube-apiserver-audit`; GKE: Cloud Logging; AKS: `kube-audit`), and the cloud audit log for the bound cloud role (CloudTrail `AssumeRoleWithWebIdentity`, GCP `serviceAccountTokenCreator` use). Audit logs expire: export them now. Record the image as `{{image}}@{{image_digest}}`.",
      ),
    },
    {
      phase: "CONTAINMENT",
      title: "Cut the pod's network with a deny-all NetworkPolicy",
      responsibleRole: "DEVOPS_PRIMARY",
      expectedMinutes: 10,
      evidenceExpected: "The applied NetworkPolicy manifest",
      instructions: md(
        "Stop further reads and sends from the pod while it stays available for analysis:",
        sh("kubectl label pod {{pod}} -n {{namespace}} bulkhead.io/quarantine=true"),
        QUARANTINE_POLICY,
        "Policies add up: check `kubectl get networkpolicy -n {{namespace}}` for others that select this pod and allow egress. This does not contain the stolen credentials — they work from anywhere; the next two steps do.",
        "Tell {{primary_owner}} (primary owner of {{namespace}}) now; if they do not answer within 15 minutes, {{secondary_owner}}.",
      ),
    },
    {
      phase: "CONTAINMENT",
      title: "Rotate the service-account token",
      responsibleRole: "SECURITY_LEAD",
      expectedMinutes: 20,
      evidenceExpected: "Before/after UID of the service account; deleted legacy token secrets",
      instructions: md(
        "Projected tokens are bound to the pod and the service account and cannot be revoked one by one. Every token issued for the account dies when the account is deleted, because its UID changes:",
        sh(
          "kubectl get serviceaccount $SA -n {{namespace}} -o yaml > {{incident_key}}-serviceaccount.yaml",
          "kubectl get secrets -n {{namespace}} --field-selector type=kubernetes.io/service-account-token",
          "kubectl delete secret <legacy-token-secret> -n {{namespace}}   # long-lived tokens, if any",
          "kubectl delete serviceaccount $SA -n {{namespace}}",
          "kubectl apply -f {{incident_key}}-serviceaccount.yaml   # after removing uid, resourceVersion and creationTimestamp",
        ),
        "Pods still running with the old token fail their API calls until restarted, including the quarantined {{pod}} — that is intended. Remove any RoleBinding that gave the account more than the workload needs before it is restarted.",
      ),
    },
    {
      phase: "CONTAINMENT",
      title: "Rotate every secret and cloud credential in scope",
      responsibleRole: "SECURITY_LEAD",
      expectedMinutes: 45,
      evidenceExpected: "The list of rotated credentials with who rotated each and when",
      instructions: md(
        "For each credential found in the first step, rotate it **at its source** (the database, the SaaS API, the cloud provider), then update the Kubernetes Secret, then restart what uses it. Changing only the Secret leaves the stolen value valid.",
        '- AWS IRSA role: revoke active sessions (IAM console, "Revoke active sessions" adds a deny on older `aws:TokenIssueTime`).\n- GCP service account: disable and replace any keys; review `iam.serviceAccountTokenCreator` grants.\n- Registry pull secrets: rotate the robot account; a pull credential can often push.',
        sh("kubectl rollout restart deployment/{{workload}} -n {{namespace}}"),
        "Keep a list in the evidence register: credential, owner, rotated by, at. The incident is not contained until every line is done.",
      ),
    },
    {
      phase: "ERADICATION",
      title: "Follow the stolen credentials to where they were used",
      responsibleRole: "SECURITY_LEAD",
      expectedMinutes: 60,
      evidenceExpected: "Audit entries of use from outside the cluster, and the way into the container",
      instructions: md(
        "In the exported audit logs, look for the service account's username with a `sourceIPs` outside the pod CIDR of {{cluster}}, or a user agent other than the workload's own client: that is the token in use elsewhere. List what it read (`verb` get/list/watch on `secrets`, `configmaps`) and created (`pods`, `rolebindings` — T1098.006 follows T1528).",
        "Then find how the attacker read the credential in the first place — an application vulnerability, a shell (see the shell-in-container playbook), or a compromised image. Alerts for container `{{container_id}}` on {{node}} show the process that opened the token file.",
      ),
    },
    {
      phase: "RECOVERY",
      title: "Restore the workload with least privilege",
      responsibleRole: "DEVOPS_PRIMARY",
      expectedMinutes: 30,
      instructions: md(
        "Before bringing the workload back to full service:",
        "- `automountServiceAccountToken: false` on the pod spec if the application never calls the API;\n- otherwise a Role with only the verbs it needs, and a projected token with a short `expirationSeconds`;\n- secrets from an external store (CSI Secrets Store, External Secrets) instead of environment variables.",
        sh(
          "kubectl rollout status deployment/{{workload}} -n {{namespace}}",
          "kubectl delete pod {{pod}} -n {{namespace}}   # once its evidence is registered",
        ),
        "Watch Bulkhead and the audit log for the old credentials being tried for 7 days: each attempt is a lead.",
      ),
    },
    {
      phase: "POST_INCIDENT",
      title: "Review, notify and fix the exposure",
      responsibleRole: "INCIDENT_COMMANDER",
      expectedMinutes: 60,
      instructions: md(
        "Within five working days, with {{primary_owner}}, {{secondary_owner}}, the security lead and legal counsel:",
        "- did the credentials give access to personal or customer data? Legal decides on notification duties and their deadlines;\n- how long are API server audit logs kept in {{cluster}}, and was it long enough;\n- which workloads still mount tokens they do not use.",
        "Record findings and action items against {{incident_key}}.",
      ),
    },
  ],
};
