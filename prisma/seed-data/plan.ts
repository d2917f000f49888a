import type { Tx } from "@/lib/db";
import type { Clock, Span } from "./clock";

export type PlanSection = { key: string; title: string; body: string };

/** Added in revision 2: the fix for the second cryptominer tabletop's finding about chat. */
const NEED_TO_KNOW =
  "**Need to know.** Indicators of compromise, pod names and image digests are shared in the incident channel only. Never paste secrets, tokens or customer data into chat; register them as evidence instead.";

// The text of the plan in force (revision 2). Written for this company's three clusters; the
// containment authority section is revision 1's fix for the HIGH finding of the first cryptominer
// tabletop, the "Need to know" paragraph revision 2's fix for the second tabletop's.
export const PLAN_SECTIONS: readonly PlanSection[] = [
  {
    key: "scope",
    title: "Scope",
    body: `This plan governs security incidents on the container platform: the Kubernetes clusters \`prod-eu\` (EKS, eu-west-1), \`prod-us\` (GKE, us-central1) and \`staging\` (AKS, westeurope), their worker nodes, the images in \`registry.example.com\`, and the CI/CD pipelines and service accounts that deploy to them.

An **incident** is any event that threatens the confidentiality, integrity or availability of a workload or its data: a runtime detection (Falco) that is not explained by an approved change, a leaked credential with cluster access, a compromised image, or abuse of cluster resources. Runtime alerts are the primary record — most of our containers live for minutes, so the alert stream in Bulkhead is often the only trace of what a container did.

Out of scope: corporate laptops and SaaS accounts (IT Security plan), and availability incidents with no security cause (SRE on-call runbook). If an availability incident turns out to have a security cause, the SRE incident lead hands over to the incident commander named here.

The plan follows the NIST SP 800-61 phases: preparation, detection and analysis, containment, eradication and recovery, post-incident activity. Every incident records the plan revision in force when it was declared.`,
  },
  {
    key: "severity",
    title: "Severity definitions",
    body: `Severity is set by the incident commander at triage and may be raised at any time; lowering it needs the security lead's agreement.

| Severity | Container platform examples | Response |
| --- | --- | --- |
| **SEV1** | Attacker code running in a production namespace with access to customer or card data; container escape to a production node; cluster-admin credentials exposed; cryptominer in production | Page now, around the clock. Bridge within 15 min. Executive and Legal within 30 min. Updates every 30 min. |
| **SEV2** | Interactive shell or unexplained binary in a production container; service-account token used from outside the cluster; compromised image deployed but not yet confirmed running | Page within 30 min, around the clock. Updates hourly. |
| **SEV3** | Policy violation in production with no sign of compromise (privileged debug pod, host mount, break-glass misuse); confirmed attack in \`staging\` | Business hours, owner acknowledges within 2 h. Daily update. |
| **SEV4** | Noisy or informational detection, hardening gap found by a scanner | Ticket to the owning team, reviewed weekly. |

When in doubt, pick the higher severity: an over-staffed bridge costs an hour, a missed SEV1 can cost the company.

Anything touching the \`payments\` or \`payments-*\` namespaces is in PCI DSS scope: treat a suspected compromise there as at least SEV2 until the security lead says otherwise.`,
  },
  {
    key: "communication",
    title: "Communication",
    body: `**Channels.** Each incident gets a private Slack channel named after its key (\`#inc-0042\`) and, from SEV2 up, a standing video bridge. The channel is for facts and decisions; the Bulkhead timeline is the record. If there is any sign that Slack or SSO is compromised, move to the out-of-band phone bridge listed on the printed contact sheet.

**Who is engaged.** The escalation policy for the incident's severity pages plan roles in tiers. DevOps owners come from the ownership table: the namespace's primary and secondary owner, or the cluster's when the namespace has none of its own. If a secondary owner does not acknowledge within the tier's wait, the next tier is paged — do not wait longer hoping they will appear.

**Cadence.** SEV1: updates every 30 minutes in the channel and hourly to the executive sponsor. SEV2: hourly. SEV3: daily. Updates follow the template: current status, impact, actions since last update, next steps, decisions needed.

**Outside the company.** Nothing is said to customers, partners, regulators or the press without Communications *and* Legal. Legal decides on GDPR Article 33 notification (72 hours from awareness) and card-brand reporting for payments data. Status page wording comes from Communications.

${NEED_TO_KNOW}`,
  },
  {
    key: "evidence",
    title: "Evidence handling",
    body: `**Preserve before you kill.** Deleting a pod destroys its writable layer, its process tree and its logs, and the controller starts a fresh copy from the same image. Collect first, then contain, unless the commander decides the damage of waiting is greater (record that decision in the timeline).

Order of collection, most volatile first:

1. **Pod spec and status** — \`kubectl get pod <pod> -n <namespace> -o yaml > pod.yaml\` and \`kubectl describe pod\`; record the node it runs on.
2. **Image by digest** — the tag can be moved, the digest cannot: \`kubectl get pod <pod> -n <namespace> -o jsonpath='{.status.containerStatuses[*].imageID}'\`. Pull and keep the image by digest.
3. **Logs** — current and previous container: \`kubectl logs <pod> -n <namespace> -c <container> --timestamps\` and the same with \`--previous\`.
4. **Checkpoint or export** — \`crictl checkpoint --export=/var/lib/bulkhead/<container>.tar <container-id>\` on the node (containerd 2 / CRI-O), or the kubelet checkpoint API where the \`ContainerCheckpoint\` feature gate is on. Without checkpoint support, capture the filesystem diff from the container's upper directory and \`/proc/<pid>\` details from a \`kubectl debug\` node session.
5. **Node** — keep the node: cordon it and set \`cluster-autoscaler.kubernetes.io/scale-down-disabled=true\` so the autoscaler does not terminate it with the evidence.

Do not \`kubectl exec\` into a suspect container to look around: it changes the evidence and may run attacker-controlled binaries. Use an ephemeral debug container or node-level tooling.

**Registering evidence.** Every artefact is hashed with SHA-256 when collected and registered in Bulkhead against the incident, with the container it came from. Files go to the evidence bucket (object lock, compliance mode). Each hand-over, access and verification is a chain-of-custody event; evidence is never deleted.`,
  },
  {
    key: "containment",
    title: "Containment authority",
    body: `Who may take which containment action on the container platform, without asking anyone else first. Every action is recorded in the incident timeline with who, when and why.

| Action | Who may do it | Conditions |
| --- | --- | --- |
| Apply a deny-all NetworkPolicy to the affected pods | Any responder on the incident | Tell the namespace's DevOps primary owner within 15 minutes |
| Cordon a node | Any responder on the incident | Also disable autoscaler scale-down for it |
| Scale a workload to zero | Incident commander, or the namespace's DevOps primary/secondary owner | After evidence steps 1–4; prefer this to deleting pods, the controller would recreate them |
| Delete a pod | Incident commander | Only after evidence collection, or with the reason recorded |
| Drain or replace a node | DevOps primary owner of the cluster | After the node's evidence is preserved |
| Revoke or rotate service-account tokens, cloud credentials, registry credentials | Security lead | Owners are told before rotation when the workload depends on them |
| Block an image digest at admission (Kyverno) | Security lead | Applies to all clusters |
| Take a production namespace or cluster offline | Executive sponsor, on the commander's recommendation | SEV1 only |

At SEV1, if the namespace's owners have not acknowledged within 15 minutes, the incident commander holds their authority for the incident.

Containment must not destroy evidence by accident: a deny-all NetworkPolicy and scaling to zero are preferred to deletion because they are reversible and leave the workload definition intact.`,
  },
];

/** Revision 1 is revision 2 without the "Need to know" paragraph. */
const REVISION_1_SECTIONS: readonly PlanSection[] = PLAN_SECTIONS.map((section) =>
  section.key === "communication" ? { ...section, body: section.body.replace(`\n\n${NEED_TO_KNOW}`, "") } : section,
);

type RevisionSeed = { sections: readonly PlanSection[]; changeNote: string; createdAgo: Span; publishedAgo: Span };

// Published after the tabletops whose findings they fix (prisma/seed-data/exercise-story.ts);
// earlier revisions stay PUBLISHED, the highest number is in force (lib/dal/plan-revisions.ts).
const REVISIONS: readonly RevisionSeed[] = [
  {
    sections: REVISION_1_SECTIONS,
    changeNote:
      "First revision kept in Bulkhead: moved over from the wiki plan v3.2 and adds the containment authority section (tabletop finding: nobody was authorised to isolate a production namespace).",
    createdAgo: { days: 455 },
    publishedAgo: { days: 440 },
  },
  {
    sections: PLAN_SECTIONS,
    changeNote:
      "Communication: need to know — indicators, pod names and digests stay in the incident channel, secrets never go into chat (second cryptominer tabletop finding: a wallet address and a warehouse credential were pasted into a team channel).",
    createdAgo: { days: 196 },
    publishedAgo: { days: 180 },
  },
];

export type SeededPlanRevision = { id: string; number: number; publishedAt: Date };

/** The published revisions, oldest first; the last is the one in force. */
export async function seedPlanRevisions(
  tx: Tx,
  clock: Clock,
  managerId: string,
): Promise<{ revisions: SeededPlanRevision[]; inForce: SeededPlanRevision }> {
  const revisions: SeededPlanRevision[] = [];
  for (const [i, r] of REVISIONS.entries()) {
    const publishedAt = clock.ago(r.publishedAgo);
    const revision = await tx.planRevision.create({
      data: {
        number: i + 1,
        status: "PUBLISHED",
        sections: r.sections,
        changeNote: r.changeNote,
        authorId: managerId,
        publishedById: managerId,
        publishedAt,
        createdAt: clock.ago(r.createdAgo),
        updatedAt: publishedAt,
      },
      select: { id: true },
    });
    revisions.push({ id: revision.id, number: i + 1, publishedAt });
  }
  const inForce = revisions.at(-1);
  if (!inForce) throw new Error("the demo plan has no revision");
  return { revisions, inForce };
}
