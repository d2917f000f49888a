import { md, QUARANTINE_POLICY, sh, type PlaybookSeed } from "./playbook-format";

// An escape moves the incident's scope from the pod to the node and everything on it, so the
// node is treated as the primary piece of evidence and is replaced, never cleaned.
export const CONTAINER_ESCAPE_PLAYBOOK: PlaybookSeed = {
  key: "escape",
  title: "Container escape to the node",
  incidentType: "CONTAINER_ESCAPE",
  description:
    "A container reached, or tried to reach, its host: a mount of the host disk from a privileged container, debugfs, a cgroup release_agent write, nsenter into PID 1 (Falco: Mount Launched in Privileged Container, Debugfs Launched in Privileged Container, Detect release_agent File Container Escapes). Treat the node and every pod on it as exposed.",
  attackTechniques: ["T1611", "T1610", "T1068", "T1552.007"],
  changeNote: "First version, aligned with the Pod Security Standards rollout on the production clusters.",
  steps: [
    {
      phase: "DETECTION_ANALYSIS",
      title: "Assess what the container was allowed to do",
      responsibleRole: "SECURITY_LEAD",
      expectedMinutes: 15,
      evidenceExpected: "The pod's security context and host access settings",
      instructions: md(
        "An escape needs a way out: privileged mode, host namespaces, hostPath mounts, dangerous capabilities, or a kernel bug. Read them from the live spec — including ephemeral containers added by `kubectl debug`:",
        sh(
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.hostPID} {.spec.hostNetwork} {.spec.hostIPC}'",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.containers[*].securityContext}'",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.ephemeralContainers[*].name} {.spec.ephemeralContainers[*].securityContext}'",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.volumes[*].hostPath.path}'",
        ),
        "Check the API audit log for who created the pod or added the ephemeral container **{{container_name}}**, and whether a change ticket covers it. A privileged `kubectl debug --profile=sysadmin` session by an on-call engineer is a policy violation (SEV3); anything unexplained is SEV1.",
      ),
    },
    {
      phase: "DETECTION_ANALYSIS",
      title: "Preserve the pod and the node",
      responsibleRole: "DEPUTY_COMMANDER",
      expectedMinutes: 30,
      evidenceExpected: "Pod manifest, image digest, logs incl. --previous, node journal, node root-volume snapshot ID",
      instructions: md(
        "Preserve before you kill, on both levels.",
        sh(
          "kubectl get pod {{pod}} -n {{namespace}} -o yaml > {{incident_key}}-pod.yaml",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.status.containerStatuses[*].imageID}'",
          "kubectl logs {{pod}} -n {{namespace}} -c {{container_name}} --timestamps > {{incident_key}}-logs.txt",
          "kubectl logs {{pod}} -n {{namespace}} -c {{container_name}} --previous --timestamps > {{incident_key}}-logs-previous.txt",
          "kubectl debug node/{{node}} -it --image=registry.example.com/sec/ir-toolbox:2.3 --profile=sysadmin",
          "# inside the debug pod:",
          "chroot /host journalctl -u kubelet -u containerd --since '-6h' > /host/var/lib/bulkhead/{{incident_key}}-journal.txt",
          "chroot /host crictl checkpoint --export=/var/lib/bulkhead/{{incident_key}}-{{container_id}}.tar {{container_id}}",
        ),
        "Snapshot the node's root volume in the cloud console or CLI (EBS snapshot / persistent disk snapshot) and record the snapshot ID. Record the image as `{{image}}@{{image_digest}}`.",
      ),
    },
    {
      phase: "CONTAINMENT",
      title: "Isolate {{node}}",
      responsibleRole: "DEVOPS_PRIMARY",
      expectedMinutes: 15,
      instructions: md(
        "Cordon the node and keep it from the autoscaler, then move the other workloads off it. Draining needs the cluster's DevOps primary owner ({{primary_owner}}); the suspect pod stays.",
        sh(
          "kubectl cordon {{node}}",
          "kubectl annotate node {{node}} cluster-autoscaler.kubernetes.io/scale-down-disabled=true",
          "kubectl label pod {{pod}} -n {{namespace}} bulkhead.io/quarantine=true",
          "kubectl drain {{node}} --ignore-daemonsets --delete-emptydir-data --pod-selector='bulkhead.io/quarantine!=true'",
        ),
        "Move the instance to the quarantine security group (or firewall tag) so it can reach nothing but the evidence bucket.",
      ),
    },
    {
      phase: "CONTAINMENT",
      title: "Quarantine the pod and stop {{workload}}",
      responsibleRole: "INCIDENT_COMMANDER",
      expectedMinutes: 10,
      evidenceExpected: "The applied NetworkPolicy manifest",
      instructions: md(
        "The pod already carries the quarantine label from the previous step; apply the deny-all policy:",
        QUARANTINE_POLICY,
        "If the escape came through the workload's own specification (privileged, hostPath), scale it to zero until the specification is fixed: `kubectl scale deployment/{{workload}} -n {{namespace}} --replicas=0`. Tell {{secondary_owner}} as well as {{primary_owner}}.",
      ),
    },
    {
      phase: "ERADICATION",
      title: "Rotate what the node could read",
      responsibleRole: "SECURITY_LEAD",
      expectedMinutes: 45,
      evidenceExpected: "List of rotated credentials",
      instructions: md(
        "From the host, every pod's projected service-account token on the node is readable under `/var/lib/kubelet/pods/*/volumes/kubernetes.io~projected/` (T1552.007), as are the kubelet's client certificate and the node's cloud role.",
        sh("kubectl get pods -A -o wide --field-selector spec.nodeName={{node}}"),
        "Recreate the service accounts of every pod that ran on {{node}} since the first alert, revoke sessions of the node's instance role, and rotate Secrets mounted into those pods. The node itself is not cleaned: it is replaced.",
      ),
    },
    {
      phase: "ERADICATION",
      title: "Replace the node",
      responsibleRole: "DEVOPS_PRIMARY",
      expectedMinutes: 30,
      instructions: md(
        "After the snapshot is registered as evidence, delete the node from the cluster and terminate the instance; the node group brings up a fresh one from the current image.",
        sh("kubectl delete node {{node}}"),
        "Check that no other node shows the same Falco alerts in Bulkhead for {{cluster}}.",
      ),
    },
    {
      phase: "RECOVERY",
      title: "Redeploy with a safe security context",
      responsibleRole: "DEVOPS_PRIMARY",
      expectedMinutes: 45,
      instructions: md(
        "Fix the specification that allowed the escape before scaling **{{workload}}** back up: no `privileged`, no host namespaces, no hostPath, `allowPrivilegeEscalation: false`, capabilities dropped. Enforce it for the namespace:",
        sh(
          "kubectl label namespace {{namespace}} pod-security.kubernetes.io/enforce=baseline --overwrite",
          "kubectl rollout restart deployment/{{workload}} -n {{namespace}}",
        ),
        "Deploy by digest and verify the running image IDs afterwards.",
      ),
    },
    {
      phase: "POST_INCIDENT",
      title: "Review and harden the platform",
      responsibleRole: "INCIDENT_COMMANDER",
      expectedMinutes: 60,
      instructions: md(
        "Review with {{primary_owner}}, {{secondary_owner}}, Platform SRE and the security lead. Cover: who can create privileged pods or ephemeral debug containers in production, whether `kubectl debug --profile=sysadmin` needs a break-glass role, and whether admission policy (Pod Security Admission, Kyverno) would have refused the pod.",
        "Record findings and action items against {{incident_key}}.",
      ),
    },
  ],
};
