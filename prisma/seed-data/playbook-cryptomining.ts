import { md, sh, yaml, type PlaybookSeed, type StepSeed } from "./playbook-format";

// Miners are usually deployed by hand through an exposed dashboard or a leaked credential, and
// come back if the pod is merely deleted: this playbook cuts the pool connection first and keeps
// the workload definition (and the node) for the investigation. This is version 2; version 1
// deleted the pods and took no checkpoint (the first cryptominer tabletop's finding, below).
const CURRENT: PlaybookSeed = {
  key: "cryptomining",
  title: "Cryptominer in a container",
  incidentType: "CRYPTOMINING",
  description:
    "A container is mining cryptocurrency (Falco: Detect crypto miners using the Stratum protocol, Detect outbound connections to common miner pool ports, Drop and execute new binary in container). Mining is the payload; the incident is the access that put it there.",
  attackTechniques: ["T1496", "T1496.001", "T1190", "T1610", "T1552"],
  changeNote:
    "Version 2: scale the workload to zero instead of deleting its pods, and checkpoint the container and copy the miner binary before containment (first cryptominer tabletop: the deleted pod came straight back and the evidence went with it).",
  createdAgo: { days: 436 },
  publishedAgo: { days: 425 },
  steps: [
    {
      phase: "DETECTION_ANALYSIS",
      title: "Confirm the miner and its pool connection",
      responsibleRole: "SECURITY_LEAD",
      expectedMinutes: 10,
      evidenceExpected: "CPU usage and the open connections of the miner process",
      instructions: md(
        "Sustained CPU at the container's limit plus a connection to a pool port (3333, 4444, 5555, 7777, 14444, 45700) or a `stratum+tcp://` argument is conclusive. Confirm without exec'ing into the container:",
        sh(
          "kubectl top pod {{pod}} -n {{namespace}} --containers",
          "kubectl debug node/{{node}} -it --image=registry.example.com/sec/ir-toolbox:2.3 --profile=sysadmin",
          "# inside the debug pod: find the container's PID, then its sockets",
          "PID=$(chroot /host crictl inspect {{container_id}} | jq -r '.info.pid')",
          "nsenter -t $PID -n ss -tnp",
          "ls -l /proc/$PID/exe; sha256sum /proc/$PID/exe",
        ),
        "Note the pool address and wallet from the command line in the Falco alert (`proc.cmdline`).",
      ),
    },
    {
      phase: "DETECTION_ANALYSIS",
      title: "Preserve the container before containment",
      responsibleRole: "DEPUTY_COMMANDER",
      expectedMinutes: 20,
      evidenceExpected: "Pod manifest, image digest, logs (current and --previous), checkpoint archive, miner binary hash",
      instructions: md(
        "Preserve before you kill: once the pod is gone, so are the dropped binary and the process tree.",
        sh(
          "kubectl get pod {{pod}} -n {{namespace}} -o yaml > {{incident_key}}-pod.yaml",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.status.containerStatuses[*].imageID}'",
          "kubectl logs {{pod}} -n {{namespace}} -c {{container_name}} --timestamps > {{incident_key}}-logs.txt",
          "kubectl logs {{pod}} -n {{namespace}} -c {{container_name}} --previous --timestamps > {{incident_key}}-logs-previous.txt",
          "# on {{node}}, from the debug pod:",
          "chroot /host crictl checkpoint --export=/var/lib/bulkhead/{{incident_key}}-{{container_id}}.tar {{container_id}}",
          "cp /proc/$PID/exe /host/var/lib/bulkhead/{{incident_key}}-miner.bin",
          "sha256sum /host/var/lib/bulkhead/{{incident_key}}-*",
        ),
        "Record the image as `{{image}}@{{image_digest}}`. Register each artefact in Bulkhead with its hash.",
      ),
    },
    {
      phase: "CONTAINMENT",
      title: "Cut the pool connection with a deny-all NetworkPolicy",
      responsibleRole: "DEVOPS_PRIMARY",
      expectedMinutes: 10,
      evidenceExpected: "The applied NetworkPolicy manifest",
      instructions: md(
        "Miners often run in every replica, so isolate the whole workload. Use the selector labels of **{{workload}}** (check with `kubectl get pods -n {{namespace}} --show-labels`):",
        yaml(
          "apiVersion: networking.k8s.io/v1",
          "kind: NetworkPolicy",
          "metadata:",
          "  name: bulkhead-quarantine-workload",
          "  namespace: {{namespace}}",
          "  annotations:",
          '    bulkhead.io/incident: "{{incident_key}}"',
          "spec:",
          "  podSelector:",
          "    matchLabels:",
          "      app.kubernetes.io/name: {{workload}}",
          "  policyTypes:",
          "    - Ingress",
          "    - Egress",
        ),
        "Policies add up, so an existing allow-egress policy for these pods still lets traffic out: list them with `kubectl get networkpolicy -n {{namespace}}` and suspend any that select the workload. Confirm the pool connection is gone with `ss -tnp` from the previous step.",
        "Tell {{primary_owner}} now; the namespace's secondary owner is {{secondary_owner}}.",
      ),
    },
    {
      phase: "CONTAINMENT",
      title: "Cordon {{node}} and keep it",
      responsibleRole: "DEVOPS_PRIMARY",
      expectedMinutes: 5,
      instructions: md(
        "Stop new pods landing on the node and stop the autoscaler from terminating it with the evidence:",
        sh("kubectl cordon {{node}}", "kubectl annotate node {{node}} cluster-autoscaler.kubernetes.io/scale-down-disabled=true"),
        "On EKS also protect the instance from scale-in (`aws autoscaling set-instance-protection --protected-from-scale-in`); on GKE, exclude it from node auto-repair while it is held. Do not drain yet.",
      ),
    },
    {
      phase: "CONTAINMENT",
      title: "Scale {{workload}} to zero instead of deleting pods",
      responsibleRole: "INCIDENT_COMMANDER",
      expectedMinutes: 5,
      instructions: md(
        "Deleting a miner pod only makes the controller start another from the same specification. Scale the workload down after evidence collection (incident commander or the namespace's owner decides):",
        sh(
          "kubectl get deployment,statefulset -n {{namespace}} {{workload}}",
          "kubectl scale statefulset/{{workload}} -n {{namespace}} --replicas=0   # or deployment/{{workload}}",
          "kubectl get cronjobs,jobs,daemonsets -A --sort-by=.metadata.creationTimestamp | tail -20",
        ),
        "Miners spread: look for recently created DaemonSets, Jobs or CronJobs in any namespace and suspend them too.",
      ),
    },
    {
      phase: "ERADICATION",
      title: "Find the way in",
      responsibleRole: "SECURITY_LEAD",
      expectedMinutes: 60,
      evidenceExpected: "Timeline of the initial access with the API audit log and application log excerpts",
      instructions: md(
        "The usual routes, most likely first:",
        "1. An exposed dashboard that runs code (Airflow, Jupyter, Ray, Argo): check Services of type LoadBalancer and Ingresses in {{namespace}} and the dashboard's own audit log.\n2. A vulnerable public application (T1190): correlate application logs with the first alert.\n3. A leaked kubeconfig or CI credential: API audit log for pods created or exec'd in {{namespace}} by unusual identities.\n4. A malicious or tampered image (T1610): does `{{image}}@{{image_digest}}` contain the miner? Compare its layers with the registry's signed build.",
        sh(
          "kubectl get svc,ingress -n {{namespace}} -o wide",
          "kubectl get pods -A -o wide --sort-by=.metadata.creationTimestamp | tail -30",
        ),
      ),
    },
    {
      phase: "ERADICATION",
      title: "Rotate every credential the pod could reach",
      responsibleRole: "SECURITY_LEAD",
      expectedMinutes: 30,
      evidenceExpected: "List of rotated credentials with times",
      instructions: md(
        "Assume the attacker read everything mounted into **{{container_name}}** (T1552): the service-account token, mounted Secrets, environment variables, and the cloud role the pod assumes.",
        sh(
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.serviceAccountName}'",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.volumes[*].secret.secretName}'",
          "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.spec.containers[*].envFrom}'",
        ),
        "Recreate the service account (bound tokens die with it), rotate the Secrets at their source, and revoke active sessions of the cloud role. Data Platform pods often hold warehouse credentials: rotate those with the data owners.",
      ),
    },
    {
      phase: "RECOVERY",
      title: "Rebuild from a trusted image and restore",
      responsibleRole: "DEVOPS_PRIMARY",
      expectedMinutes: 60,
      instructions: md(
        "Close the entry point first, then rebuild from source in CI, scan and sign the image, and deploy it by digest. Block the old digest at admission so nothing can start it again.",
        sh(
          "cosign verify --key cosign.pub registry.example.com/<repository>@<new-digest>",
          "kubectl scale statefulset/{{workload}} -n {{namespace}} --replicas=<previous>",
        ),
        "Replace the quarantine policy with an egress allow-list for the workload before removing it. Drain and replace {{node}} once its evidence is registered. Watch CPU and Falco alerts on {{cluster}} for 48 hours.",
      ),
    },
    {
      phase: "POST_INCIDENT",
      title: "Review, cost and follow-up",
      responsibleRole: "INCIDENT_COMMANDER",
      expectedMinutes: 60,
      instructions: md(
        "Hold the review with {{primary_owner}}, {{secondary_owner}} and the security lead within five working days. Include the compute cost of the mining (cloud bill for the affected node group), how the miner got in, how long it ran before the first alert, and whether egress controls would have stopped it.",
        "Record findings and action items against {{incident_key}}.",
      ),
    },
  ],
};

const PRESERVE_TITLE = "Preserve the container before containment";
const SCALE_TITLE = "Scale {{workload}} to zero instead of deleting pods";
/** Version 1's step that the first tabletop found wanting: the playbook finding points at it by title. */
export const CRYPTOMINING_V1_DELETE_STEP_TITLE = "Delete the miner pods";

// Version 1 differs in two steps: it kept the pod's record but no checkpoint or binary, and it
// deleted the pods, which the controller replaced at once.
const VERSION_1_STEPS: Readonly<Record<string, StepSeed>> = {
  [PRESERVE_TITLE]: {
    phase: "DETECTION_ANALYSIS",
    title: "Keep the pod's record",
    responsibleRole: "DEPUTY_COMMANDER",
    expectedMinutes: 10,
    evidenceExpected: "Pod manifest, image digest, logs (current and --previous)",
    instructions: md(
      "Keep what Kubernetes knows about the pod:",
      sh(
        "kubectl get pod {{pod}} -n {{namespace}} -o yaml > {{incident_key}}-pod.yaml",
        "kubectl get pod {{pod}} -n {{namespace}} -o jsonpath='{.status.containerStatuses[*].imageID}'",
        "kubectl logs {{pod}} -n {{namespace}} -c {{container_name}} --timestamps > {{incident_key}}-logs.txt",
        "kubectl logs {{pod}} -n {{namespace}} -c {{container_name}} --previous --timestamps > {{incident_key}}-logs-previous.txt",
      ),
      "Record the image as `{{image}}@{{image_digest}}`.",
    ),
  },
  [SCALE_TITLE]: {
    phase: "CONTAINMENT",
    title: CRYPTOMINING_V1_DELETE_STEP_TITLE,
    responsibleRole: "DEVOPS_PRIMARY",
    expectedMinutes: 5,
    instructions: md(
      "Once the pool connection is cut, remove the mining pods:",
      sh("kubectl delete pod {{pod}} -n {{namespace}}", "kubectl get pods -n {{namespace}} -o wide"),
      "Check that no other pod of {{workload}} is mining.",
    ),
  },
};

export const CRYPTOMINING_PLAYBOOK: PlaybookSeed = {
  ...CURRENT,
  earlierVersions: [
    {
      changeNote: "First version. Reviewed with Data Platform after the miner found on a staging Jupyter pod.",
      createdAgo: { days: 560 },
      publishedAgo: { days: 545 },
      steps: CURRENT.steps.map((step) => VERSION_1_STEPS[step.title] ?? step),
    },
  ],
};
