import type { ContainerRuntime, EvidenceKind } from "@/lib/dto/enums";
import { checkKubernetesName, type NameKind } from "@/lib/domain/kubernetes-names";
import { shellQuote } from "@/lib/domain/template-encoding";

/**
 * The commands a responder runs to collect evidence from an incident's container, for the
 * runtime of its cluster. Every value here came from an alert, which whoever controls the
 * container writes: each is checked against Kubernetes' own name rules first (a value that is not
 * a name is refused, listed, and every command that needed it is left out), and what passes is
 * still shell-quoted, so no value can become a second word, let alone a second command.
 *
 * Output files are named from the incident key only, never from an alert value, and every command
 * comes with the hash to take before the file is uploaded, so the register can check that what
 * arrived is what was collected.
 */

export type CollectionTarget = {
  incidentKey: string;
  runtime: ContainerRuntime | null;
  cluster: string | null;
  namespace: string | null;
  pod: string | null;
  containerName: string | null;
  containerId: string | null;
  node: string | null;
  workload: string | null;
  image: string | null;
  imageDigest: string | null;
  /** When the node's journal is worth reading from (an hour before the first alert); null: the last day. */
  since: Date | null;
  /** No alert for longer than containers are expected to live: the container has probably been replaced. */
  probablyGone: boolean;
};

export type CollectionCommand = {
  id: string;
  title: string;
  kind: EvidenceKind;
  /** Where it runs: with kubectl access to the cluster, or in a shell on the node that ran the container. */
  where: "workstation" | "node";
  command: string;
  /** The file it writes, as the hash command names it. */
  output: string;
  hashCommand: string;
  /** Only a running container can answer it (checkpoints, copies, current logs). */
  needsRunningContainer: boolean;
  note?: string;
};

export type CollectionPlan = {
  commands: CollectionCommand[];
  /** Alert values that are not valid names, and why: left out of every command. */
  refused: { field: string; reason: string }[];
  /** Evidence a command would collect but the alerts lack what it needs (a digest, a container id…). */
  unavailable: { what: string; why: string }[];
  /** What can still be had once the container is gone, and what went with it. */
  stillObtainable: string[];
  lost: string[];
};

const FIELDS: { key: keyof CollectionTarget; kind: NameKind; label: string }[] = [
  { key: "cluster", kind: "cluster", label: "cluster" },
  { key: "namespace", kind: "namespace", label: "namespace" },
  { key: "pod", kind: "pod", label: "pod" },
  { key: "containerName", kind: "container_name", label: "container name" },
  { key: "containerId", kind: "container_id", label: "container id" },
  { key: "node", kind: "node", label: "node" },
  { key: "workload", kind: "workload", label: "workload" },
  { key: "image", kind: "image", label: "image" },
  { key: "imageDigest", kind: "image_digest", label: "image digest" },
];

/** An incident key as the portal writes it; anything else (it never is) names files `incident-…`. */
const INCIDENT_KEY = /^[A-Z]{1,10}-\d{1,10}$/;

type Names = {
  cluster: string | null;
  namespace: string | null;
  pod: string | null;
  container: string | null;
  id: string | null;
  node: string | null;
  workload: string | null;
  /** `repository@sha256:…`: the image exactly as it ran. */
  imageByDigest: string | null;
};

/** The repository part of a reference: no tag, no digest (a `:` before the last `/` is a port). */
function repositoryOf(image: string): string {
  const at = image.indexOf("@");
  const noDigest = at >= 0 ? image.slice(0, at) : image;
  const colon = noDigest.lastIndexOf(":");
  return colon > noDigest.lastIndexOf("/") ? noDigest.slice(0, colon) : noDigest;
}

function digestOf(image: string): string | null {
  const at = image.indexOf("@");
  return at >= 0 ? image.slice(at + 1) : null;
}

function checkedNames(target: CollectionTarget, refused: CollectionPlan["refused"]): Names {
  const ok: Partial<Record<keyof CollectionTarget, string>> = {};
  for (const f of FIELDS) {
    const value = target[f.key];
    if (typeof value !== "string" || value === "") continue;
    const check = checkKubernetesName(f.kind, value);
    if (check.ok) ok[f.key] = value;
    else refused.push({ field: f.label, reason: `the value from the alerts ${check.reason}` });
  }
  const digest = ok.imageDigest ?? (ok.image ? digestOf(ok.image) : null);
  return {
    cluster: ok.cluster ?? null,
    namespace: ok.namespace ?? null,
    pod: ok.pod ?? null,
    container: ok.containerName ?? null,
    // Falco reports `host` for events outside any container: nothing to collect from a runtime.
    id: ok.containerId && ok.containerId !== "host" ? ok.containerId.toLowerCase() : null,
    node: ok.node ?? null,
    workload: ok.workload ?? null,
    imageByDigest: ok.image && digest ? `${repositoryOf(ok.image)}@${digest}` : null,
  };
}

/** journalctl's absolute form, in UTC so the node's time zone does not matter. */
function journalSince(since: Date | null): string {
  if (!since) return "-24h";
  return `${since.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const q = shellQuote;

const hash = (file: string) => `sha256sum ${q(file)}`;

export function planCollection(target: CollectionTarget): CollectionPlan {
  const refused: CollectionPlan["refused"] = [];
  const unavailable: CollectionPlan["unavailable"] = [];
  const n = checkedNames(target, refused);
  const key = INCIDENT_KEY.test(target.incidentKey) ? target.incidentKey : "incident";
  const commands: CollectionCommand[] = [];
  const add = (c: Omit<CollectionCommand, "hashCommand" | "needsRunningContainer"> & Partial<CollectionCommand>) =>
    commands.push({ needsRunningContainer: false, hashCommand: hash(c.output), ...c });
  const onCluster = n.cluster ? ` (cluster ${n.cluster})` : "";

  // --- kubectl, from a workstation with access to the cluster -------------------------------
  if (n.namespace && n.workload) {
    const out = `${key}-workload.yaml`;
    add({
      id: "kubectl-workload-manifest",
      title: `Workload manifest of ${n.workload}${onCluster}`,
      kind: "MANIFEST",
      where: "workstation",
      // The alert names the workload, not its kind; a field selector on the name finds it whatever it is.
      command: `kubectl get deployments,statefulsets,daemonsets,replicasets,jobs,cronjobs --namespace ${q(n.namespace)} --field-selector ${q(`metadata.name=${n.workload}`)} --output yaml > ${q(out)}`,
      output: out,
      note: "The workload outlives its containers: this is how the container was meant to run.",
    });
  }
  if (n.namespace && n.pod) {
    const podOut = `${key}-pod.yaml`;
    add({
      id: "kubectl-pod-manifest",
      title: `Pod manifest of ${n.pod}${onCluster}`,
      kind: "MANIFEST",
      where: "workstation",
      command: `kubectl get pod ${q(n.pod)} --namespace ${q(n.namespace)} --output yaml > ${q(podOut)}`,
      output: podOut,
      note: "Includes the status: restarts, the image digest each container runs, the node it was scheduled on.",
    });
    if (n.container) {
      const logs = `${key}-logs.txt`;
      add({
        id: "kubectl-logs",
        title: `Logs of container ${n.container}`,
        kind: "LOGS",
        where: "workstation",
        command: `kubectl logs ${q(n.pod)} --namespace ${q(n.namespace)} --container ${q(n.container)} --timestamps > ${q(logs)}`,
        output: logs,
        needsRunningContainer: true,
      });
      const previous = `${key}-logs-previous.txt`;
      add({
        id: "kubectl-logs-previous",
        title: `Logs of container ${n.container} before its last restart`,
        kind: "LOGS",
        where: "workstation",
        command: `kubectl logs ${q(n.pod)} --namespace ${q(n.namespace)} --container ${q(n.container)} --previous --timestamps > ${q(previous)}`,
        output: previous,
        note: "A container killed or crashed after the attack is restarted in the same pod: its earlier instance's logs are kept until the pod goes.",
      });
    } else unavailable.push({ what: "Container logs", why: "the alerts name no container in the pod" });
    const events = `${key}-events.yaml`;
    add({
      id: "kubectl-events",
      title: `Kubernetes events of pod ${n.pod}`,
      kind: "KUBERNETES_EVENTS",
      where: "workstation",
      command: `kubectl get events --namespace ${q(n.namespace)} --field-selector ${q(`involvedObject.name=${n.pod}`)} --output yaml > ${q(events)}`,
      output: events,
      note: "The API server keeps events for an hour by default: collect them first.",
    });
    if (n.container) {
      const dir = `${key}-tmp`;
      add({
        id: "kubectl-cp",
        title: `Copy /tmp out of container ${n.container}`,
        kind: "CONTAINER_EXPORT",
        where: "workstation",
        command: `kubectl cp ${q(`${n.namespace}/${n.pod}:/tmp`)} ${q(dir)} --container ${q(n.container)} && tar --create --file ${q(`${dir}.tar`)} ${q(dir)}`,
        output: `${dir}.tar`,
        needsRunningContainer: true,
        note: "Change /tmp to the path the alert names. kubectl cp runs tar inside the container, whose binaries an attacker may have replaced: prefer a checkpoint or the node's copy when the container is compromised.",
      });
    }
  } else if (n.namespace) {
    const events = `${key}-events.yaml`;
    add({
      id: "kubectl-events",
      title: `Kubernetes events in namespace ${n.namespace}`,
      kind: "KUBERNETES_EVENTS",
      where: "workstation",
      command: `kubectl get events --namespace ${q(n.namespace)} --output yaml > ${q(events)}`,
      output: events,
      note: "The alerts name no pod, so these are all of the namespace's events. The API server keeps them for an hour by default.",
    });
    unavailable.push({ what: "Pod manifest and container logs", why: "the alerts name no pod" });
  } else unavailable.push({ what: "Manifests, logs and Kubernetes events", why: "the alerts name no namespace" });

  // --- the kubelet's checkpoint API, on the node --------------------------------------------
  if (n.namespace && n.pod && n.container) {
    const path = `/checkpoint/${n.namespace}/${n.pod}/${n.container}`;
    add({
      id: "kubelet-checkpoint",
      title: `Checkpoint the running container ${n.container} through the kubelet${n.node ? ` on ${n.node}` : ""}`,
      kind: "CHECKPOINT",
      where: "node",
      command: `curl --silent --show-error --fail --request POST --cacert /etc/kubernetes/pki/ca.crt --cert /etc/kubernetes/pki/apiserver-kubelet-client.crt --key /etc/kubernetes/pki/apiserver-kubelet-client.key ${q(`https://localhost:10250${path}`)}`,
      output: `/var/lib/kubelet/checkpoints/checkpoint-${n.pod}_${n.namespace}-${n.container}-*.tar`,
      hashCommand: `sha256sum /var/lib/kubelet/checkpoints/${q(`checkpoint-${n.pod}_${n.namespace}-${n.container}-`)}*.tar`,
      needsRunningContainer: true,
      note: "Memory, processes and the writable layer, without stopping the container (Kubernetes ≥ 1.30, or the ContainerCheckpoint feature gate; CRI-O, or containerd ≥ 2.0). The certificate paths are kubeadm's; use your cluster's kubelet client certificate.",
    });
  }

  // --- the runtime, on the node -------------------------------------------------------------
  const onNode = n.node ? ` on node ${n.node}` : "";
  if (n.id) {
    const id = n.id;
    if (target.runtime === "CONTAINERD" || target.runtime === "CRI_O") {
      const inspect = `${key}-crictl-inspect.json`;
      add({
        id: "crictl-inspect",
        title: `Runtime record of container ${id}${onNode}`,
        kind: "NODE_ARTEFACT",
        where: "node",
        command: `crictl inspect ${q(id)} > ${q(inspect)}`,
        output: inspect,
        note: "Its mounts, the process, the image it runs and its state; kept until the container is removed.",
      });
      const logs = `${key}-crictl-logs.txt`;
      add({
        id: "crictl-logs",
        title: `Logs of container ${id} from the runtime${onNode}`,
        kind: "LOGS",
        where: "node",
        command: `crictl logs --timestamps ${q(id)} > ${q(logs)} 2>&1`,
        output: logs,
      });
      const checkpoint = `/var/tmp/${key}-checkpoint.tar`;
      add({
        id: "crictl-checkpoint",
        title: `Checkpoint the running container ${id}${onNode}`,
        kind: "CHECKPOINT",
        where: "node",
        command: `crictl checkpoint --export=${q(checkpoint)} ${q(id)}`,
        output: checkpoint,
        needsRunningContainer: true,
        note: "Memory, processes and the writable layer, for the runtimes that implement CRI checkpoints (CRI-O; containerd ≥ 2.0).",
      });
    }
    if (target.runtime === "CONTAINERD") {
      // ctr wants the full id; Falco reports the 12-character prefix, which crictl resolves.
      const full = id.length === 64 ? q(id) : `"$(crictl inspect --output go-template --template '{{.status.id}}' ${q(id)})"`;
      const diff = `/var/tmp/${key}-diff.tar.gz`;
      add({
        id: "ctr-snapshot-diff",
        title: `What container ${id} changed in its filesystem${onNode}`,
        kind: "FILESYSTEM_DIFF",
        where: "node",
        command: `digest="$(ctr --namespace k8s.io snapshots diff ${full})" && ctr --namespace k8s.io content get "$digest" > ${q(diff)}`,
        output: diff,
        note: "The container's writable layer as a layer archive against its image, from containerd's snapshot of it; kept until the container is removed.",
      });
      if (n.imageByDigest) {
        const image = `/var/tmp/${key}-image.tar`;
        add({
          id: "ctr-image-export",
          title: `Export the image as the node has it`,
          kind: "IMAGE",
          where: "node",
          command: `ctr --namespace k8s.io images export ${q(image)} ${q(n.imageByDigest)}`,
          output: image,
          note: "The copy of the image on the node: compare it with the registry's if the node may have been tampered with.",
        });
      }
    }
    if (target.runtime === "DOCKER") {
      const inspect = `${key}-docker-inspect.json`;
      add({
        id: "docker-inspect",
        title: `Runtime record of container ${id}${onNode}`,
        kind: "NODE_ARTEFACT",
        where: "node",
        command: `docker inspect ${q(id)} > ${q(inspect)}`,
        output: inspect,
      });
      const diff = `${key}-docker-diff.txt`;
      add({
        id: "docker-diff",
        title: `Files container ${id} added, changed or deleted${onNode}`,
        kind: "FILESYSTEM_DIFF",
        where: "node",
        command: `docker diff ${q(id)} > ${q(diff)}`,
        output: diff,
      });
      const exported = `/var/tmp/${key}-container.tar`;
      add({
        id: "docker-export",
        title: `Export the filesystem of container ${id}${onNode}`,
        kind: "CONTAINER_EXPORT",
        where: "node",
        command: `docker export --output ${q(exported)} ${q(id)}`,
        output: exported,
        note: "Works on a stopped container too, until it is removed.",
      });
      const logs = `${key}-docker-logs.txt`;
      add({
        id: "docker-logs",
        title: `Logs of container ${id} from the runtime${onNode}`,
        kind: "LOGS",
        where: "node",
        command: `docker logs --timestamps ${q(id)} > ${q(logs)} 2>&1`,
        output: logs,
      });
      const name = `${key}-checkpoint`;
      add({
        id: "docker-checkpoint",
        title: `Checkpoint the running container ${id}${onNode}`,
        kind: "CHECKPOINT",
        where: "node",
        command: `docker checkpoint create --leave-running --checkpoint-dir /var/tmp ${q(id)} ${q(name)} && tar --create --file ${q(`/var/tmp/${name}.tar`)} --directory /var/tmp ${q(name)}`,
        output: `/var/tmp/${name}.tar`,
        needsRunningContainer: true,
        note: "Needs Docker's experimental features and CRIU on the node.",
      });
      if (n.imageByDigest) {
        const image = `/var/tmp/${key}-image.tar`;
        add({
          id: "docker-save",
          title: `Save the image as the node has it`,
          kind: "IMAGE",
          where: "node",
          command: `docker save --output ${q(image)} ${q(n.imageByDigest)}`,
          output: image,
        });
      }
    }
    if (target.runtime === null)
      unavailable.push({
        what: "Runtime commands (crictl, ctr, docker)",
        why: "the cluster is not in the plan's platform, so its container runtime is unknown",
      });
  } else unavailable.push({ what: "Runtime commands (inspect, logs, checkpoint, filesystem)", why: "the alerts carry no container id" });

  const journal = `${key}-node-journal.txt`;
  const units =
    target.runtime === "DOCKER" ? ["kubelet", "docker"] : target.runtime === "CRI_O" ? ["kubelet", "crio"] : ["kubelet", "containerd"];
  add({
    id: "journalctl",
    title: `The node's kubelet and runtime journal${onNode}`,
    kind: "NODE_ARTEFACT",
    where: "node",
    command: `journalctl ${units.map((u) => `--unit ${u}`).join(" ")} --since ${q(journalSince(target.since))} --utc --output short-iso > ${q(journal)}`,
    output: journal,
    note: "What the node saw of the container's start, exits and restarts; outlives the container.",
  });

  // --- the image by digest, from the registry -----------------------------------------------
  if (n.imageByDigest) {
    const oci = `${key}-image-oci.tar`;
    add({
      id: "skopeo-copy",
      title: "The image exactly as it ran, from the registry (skopeo)",
      kind: "IMAGE",
      where: "workstation",
      command: `skopeo copy ${q(`docker://${n.imageByDigest}`)} ${q(`oci-archive:${oci}`)}`,
      output: oci,
      note: "By digest, so a tag moved since cannot substitute another image.",
    });
    const tarball = `${key}-image.tar`;
    add({
      id: "crane-pull",
      title: "The image exactly as it ran, from the registry (crane)",
      kind: "IMAGE",
      where: "workstation",
      command: `crane pull ${q(n.imageByDigest)} ${q(tarball)}`,
      output: tarball,
    });
  } else unavailable.push({ what: "The image by digest", why: "the alerts carry no image digest (a tag can have moved since)" });

  return {
    commands,
    refused,
    unavailable,
    stillObtainable: [
      "the image, by digest, from the registry",
      "the workload's manifest",
      "the node's kubelet and runtime journal",
      "Kubernetes events, for about an hour",
      "the alert stream: seal the alert record",
    ],
    lost: ["the container's filesystem (its writable layer)", "its memory and running processes", "its open network connections"],
  };
}
