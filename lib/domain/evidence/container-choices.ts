import type { DossierEntry } from "@/lib/domain/container-dossier";
import { checkKubernetesName, type NameKind } from "@/lib/domain/kubernetes-names";

/** A container the evidence form offers, with only values that are valid names (alert text is hostile). */
export type ContainerChoice = {
  label: string;
  containerId: string | null;
  podName: string | null;
  nodeName: string | null;
  imageDigest: string | null;
};

const valid = (kind: NameKind, value: string | null | undefined) => (value && checkKubernetesName(kind, value).ok ? value : null);

/** The dossier's containers as choices for "the container it came from", most recently active first. */
export function containerChoices(containers: readonly DossierEntry[]): ContainerChoice[] {
  return containers
    .map((c) => {
      const choice = {
        containerId: valid("container_id", c.kind === "container" ? c.id : null),
        podName: valid("pod", c.pods[0]),
        nodeName: valid("node", c.nodes[0]),
        imageDigest: valid("image_digest", c.images.find((i) => i.digest)?.digest),
      };
      const name = valid("container_name", c.containerNames[0]);
      const label = [name, choice.podName && `in ${choice.podName}`, choice.containerId && `(${choice.containerId})`]
        .filter(Boolean)
        .join(" ");
      return { label: label || "a container whose names are not valid Kubernetes names", ...choice };
    })
    .filter((c) => c.containerId || c.podName);
}
