import { md, QUARANTINE_POLICY, sh, type PlaybookSeed } from "./playbook-format";

export const SHELL_IN_CONTAINER_PLAYBOOK: PlaybookSeed = {
  key: "shell",
  title: "Interactive shell in a production container",
  incidentType: "SHELL_IN_CONTAINER",
  description:
    "Someone opened a terminal inside a running container (Falco: Terminal shell in container). Production images never need an interactive shell, so until a change ticket explains it, treat it as hands-on-keyboard access with the pod's service account.",
  attackTechniques: ["T1609", "T1059.013", "T1613", "T1552.007"],
  changeNote: "First version, written after the payments-api exec drill with Payments DevOps.",
  steps: [
    {
      phase: "DETECTION_ANALYSIS",
      title: "Find who opened the shell and from where",
      responsibleRole: "SECURITY_LEAD",
      expectedMinutes: 15,
      evidenceExpected: "API server audit log entries for the exec (user, source IP, user agent, time)",
      instructions: md(
        "An interactive shell arrives through the API server as a `pods/exec` (or `pods/attach`) request, so the audit log names the identity that opened it. Search it for exec requests against **{{pod}}** in **{{namespace}}** on **{{cluster}}** in the 30 minutes before the first alert.",
        "- EKS: CloudWatch Logs Insights on the cluster's `kube-apiserver-audit` log group.\n- GKE: Cloud Logging, `protoPayload.resourceName` ending in `pods/{{pod}}/exec`.\n- AKS: the `kube-audit` diagnostic category in Log Analytics.",
        sh(
          "# which subjects may exec into pods here?",
          "kubectl get rolebindings -n {{namespace}} -o wide",
          "kubectl get clusterrolebindings -o wide | grep -Ei 'cluster-admin|admin|edit'",
        ),
        "Check the change calendar. If an approved change explains the exec, record the ticket and downgrade to SEV4. Otherwise continue: the shell ran with the pod's service account and everything mounted into **{{container_name}}**.",
      ),
    },
    {
      phase: "DETECTION_ANALYSIS",
      title: "Preserve the pod before anything changes",
      responsibleRole: "DEPUTY_COMMANDER",
      expectedMinutes: 15,
      evidenceExpected: "Pod manifest, image digest, current and previous container logs, all with SHA-256",
      instructions: md(
        "Preserve before you kill. Collect in this order, from a workstation with cluster access:",
        sh(
          "kubectl get pod {{pod}} -n {{namespace}} -o yaml > {{incident_key}}-pod.yaml",
          "kubectl describe pod {{pod}} -n {{namespace}} > {{incident_key}}-describe.txt",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.status.containerStatuses[*].imageID}'",
          "kubectl logs {{pod}} -n {{namespace}} -c {{container_name}} --timestamps > {{incident_key}}-logs.txt",
          "kubectl logs {{pod}} -n {{namespace}} -c {{container_name}} --previous --timestamps > {{incident_key}}-logs-previous.txt",
          "sha256sum {{incident_key}}-*",
        ),
        "`--previous` fails when the container has not restarted; note that in the evidence record rather than skipping it silently. Record the image by digest — `{{image}}@{{image_digest}}` — not by tag. Register every file in Bulkhead as evidence against {{incident_key}}.",
      ),
    },
    {
      phase: "CONTAINMENT",
      title: "Quarantine the pod with a deny-all NetworkPolicy",
      responsibleRole: "DEVOPS_PRIMARY",
      expectedMinutes: 10,
      evidenceExpected: "The applied NetworkPolicy manifest",
      instructions: md(
        "Any responder on the incident may do this. Label the pod, then apply the policy:",
        sh("kubectl label pod {{pod}} -n {{namespace}} bulkhead.io/quarantine=true"),
        QUARANTINE_POLICY,
        "NetworkPolicies add up: if another policy in {{namespace}} selects this pod and allows traffic, that traffic is still allowed. Check `kubectl get networkpolicy -n {{namespace}}`; the next step removes the pod from those selectors. The cluster must enforce NetworkPolicy (EKS: VPC CNI network policy agent; GKE: Dataplane V2).",
        "Tell {{primary_owner}} (primary owner of {{namespace}}) within 15 minutes; if they do not answer, {{secondary_owner}}.",
      ),
    },
    {
      phase: "CONTAINMENT",
      title: "Take the pod out of service without deleting it",
      responsibleRole: "INCIDENT_COMMANDER",
      expectedMinutes: 10,
      instructions: md(
        "Deleting the pod loses its memory and writable layer, and the controller would start an identical one. Instead, remove the labels that **{{workload}}** selects on: the pod leaves the Service endpoints and the ReplicaSet, which starts a clean replacement, while the quarantined pod keeps running for analysis.",
        sh(
          "kubectl get deployment {{workload}} -n {{namespace}} -o jsonpath='{.spec.selector.matchLabels}'",
          "# remove each selector label, e.g. app.kubernetes.io/name:",
          "kubectl label pod {{pod}} -n {{namespace}} app.kubernetes.io/name-",
        ),
        "If the image itself is suspect, a replacement would run the same code: scale down instead, with the owners' agreement — `kubectl scale deployment/{{workload}} -n {{namespace}} --replicas=0`.",
      ),
    },
    {
      phase: "CONTAINMENT",
      title: "Revoke the identity that opened the shell and the pod's service account token",
      responsibleRole: "SECURITY_LEAD",
      expectedMinutes: 20,
      evidenceExpected: "List of revoked bindings and rotated credentials",
      instructions: md(
        "Remove the RoleBinding or credential found in step 1. Then assume the shell read the pod's projected service-account token (`/var/run/secrets/kubernetes.io/serviceaccount/token`) and anything else mounted in the container.",
        sh(
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.serviceAccountName}'",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.volumes[*].secret.secretName}'",
          "kubectl auth can-i --list -n {{namespace}} --as=system:serviceaccount:{{namespace}}:<service-account>",
        ),
        "Bound tokens cannot be revoked one by one: they die with the pod they are bound to, or with the service account. Recreating the service account invalidates every token issued for it. Rotate mounted secrets and any cloud role the account assumes (IRSA / Workload Identity).",
      ),
    },
    {
      phase: "ERADICATION",
      title: "Establish what the shell did",
      responsibleRole: "SECURITY_LEAD",
      expectedMinutes: 45,
      evidenceExpected: "Container checkpoint or filesystem diff, and the Falco alert history for the container",
      instructions: md(
        "Read every alert in this incident for container `{{container_id}}`: the alert stream is the record of the process tree. Then checkpoint the container from its node, {{node}}:",
        sh(
          "kubectl debug node/{{node}} -it --image=registry.example.com/sec/ir-toolbox:2.3 --profile=sysadmin",
          "# inside the debug pod:",
          "chroot /host crictl inspect {{container_id}} | head -50",
          "chroot /host crictl checkpoint --export=/var/lib/bulkhead/{{incident_key}}-{{container_id}}.tar {{container_id}}",
          "sha256sum /host/var/lib/bulkhead/{{incident_key}}-{{container_id}}.tar",
        ),
        "Compare the container's files with the image (`crictl inspect` gives the rootfs; files present there but not in `{{image}}@{{image_digest}}` were written at run time). Look for API calls made with the pod's token in the audit log (`user.username` = the service account) — listing secrets or pods is discovery (T1613) and credential access (T1552.007).",
      ),
    },
    {
      phase: "RECOVERY",
      title: "Restore service from the trusted image",
      responsibleRole: "DEVOPS_PRIMARY",
      expectedMinutes: 30,
      instructions: md(
        "Once eradication is signed off, make sure the running replicas come from the trusted digest and delete the quarantined pod (its evidence is registered):",
        sh(
          "kubectl rollout restart deployment/{{workload}} -n {{namespace}}",
          "kubectl rollout status deployment/{{workload}} -n {{namespace}}",
          'kubectl get pods -n {{namespace}} -o jsonpath=\'{range .items[*]}{.metadata.name}{"\\t"}{.status.containerStatuses[0].imageID}{"\\n"}{end}\'',
          "kubectl delete pod {{pod}} -n {{namespace}}",
        ),
        "Keep the quarantine NetworkPolicy in place; with no pod carrying the label it selects nothing. Watch Bulkhead for new alerts on {{workload}} for 24 hours.",
      ),
    },
    {
      phase: "POST_INCIDENT",
      title: "Close the access path and review",
      responsibleRole: "INCIDENT_COMMANDER",
      expectedMinutes: 60,
      instructions: md(
        "Within five working days, hold the review with {{primary_owner}}, {{secondary_owner}} and the security lead. Decide:",
        "- who keeps `pods/exec` in {{namespace}} (production exec should be break-glass only, audited);\n- whether the image needs a shell at all (distroless images remove it);\n- whether Falco's rule caught it early enough, and what would have caught it earlier.",
        "Record findings and action items against {{incident_key}}; changes to the plan or this playbook go through a new revision.",
      ),
    },
  ],
};
