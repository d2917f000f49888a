import type { Tx } from "@/lib/db";
import type { ActionItemStatus, ExerciseKind, FindingCategory, FindingSeverity, FindingStatus } from "@/lib/generated/prisma/client";
import { later, type Clock, type Span } from "./clock";
import type { ContactKey, People } from "./people";
import type { SeededPlaybooks } from "./playbooks";

// Tabletop first, purple team after, on the same scenario (DESIGN.md step 5). The tabletop's HIGH
// finding was closed by plan revision 1; one action item is left overdue on purpose.

const SCENARIO = "Cryptominer in a production namespace";

type ActionItemSeed = {
  title: string;
  owner: ContactKey;
  /** Negative: in the past. */
  dueIn: Span;
  status: ActionItemStatus;
  closedAgo?: Span;
  closedByPlanRevision?: boolean;
};

type FindingSeed = {
  title: string;
  category: FindingCategory;
  severity: FindingSeverity;
  status: FindingStatus;
  description: string;
  recommendation: string;
  actionItems: ActionItemSeed[];
};

type ExerciseSeed = {
  kind: ExerciseKind;
  title: string;
  conductedAgo: Span;
  facilitator: string;
  /** A third-party facilitator's organisation. */
  facilitatorOrganisation: string | null;
  attackTechniques: string[];
  outcome: string;
  participants: { contact: ContactKey; part: string }[];
  findings: FindingSeed[];
};

const TABLETOP: ExerciseSeed = {
  kind: "TABLETOP",
  title: "Tabletop: cryptominer in a production namespace",
  conductedAgo: { days: 152, hours: 3 },
  facilitator: "Dana Whitfield",
  facilitatorOrganisation: null,
  attackTechniques: ["T1190", "T1496.001", "T1610"],
  outcome:
    "Walked through a miner found in data-pipeline on prod-eu via an exposed Airflow webserver. The team reached containment in 95 minutes against a 60-minute target. Inject 3 (owner unreachable) stalled containment for 25 minutes because nobody was sure who may isolate a production namespace; in inject 4 the pod was deleted before anyone had preserved it. Three findings.",
  participants: [
    { contact: "dana", part: "facilitator" },
    { contact: "helen", part: "incident commander" },
    { contact: "marco", part: "security lead" },
    { contact: "priya", part: "cluster owner, prod-eu" },
    { contact: "sofia", part: "namespace primary owner, data-pipeline" },
    { contact: "kenji", part: "namespace secondary owner, data-pipeline" },
    { contact: "rebecca", part: "legal" },
    { contact: "owen", part: "communications" },
  ],
  findings: [
    {
      title: "Nobody was authorised to isolate a production namespace",
      category: "PLAN",
      severity: "HIGH",
      status: "RESOLVED",
      description:
        "With the namespace owner unreachable, the team waited 25 minutes before applying a NetworkPolicy. The plan did not say who may contain what on the container platform.",
      recommendation:
        "Add a containment authority section to the plan: who may apply a deny-all NetworkPolicy, cordon a node, scale a workload to zero or delete a pod, and what the commander may do when owners do not answer.",
      actionItems: [
        {
          title: "Write and publish the containment authority section of the IR plan",
          owner: "dana",
          dueIn: { days: -60 },
          status: "DONE",
          closedAgo: { days: 62 },
          closedByPlanRevision: true,
        },
      ],
    },
    {
      title: "Checkpointing before containment is untested on prod-us",
      category: "TOOLING",
      severity: "MEDIUM",
      status: "OPEN",
      description:
        "The evidence step asks for `crictl checkpoint`. It works on prod-eu (containerd 2 on Bottlerocket) but prod-us node pools run containerd 1.7 on COS, where it fails, and nobody had tried the fallback (filesystem diff from the upper directory).",
      recommendation:
        "Enable container checkpointing on the prod-us node pools, or document and rehearse the filesystem-diff fallback there.",
      actionItems: [
        {
          title: "Enable and test container checkpointing on prod-us node pools",
          owner: "priya",
          dueIn: { days: -30 },
          status: "OPEN",
        },
      ],
    },
    {
      title: "No status page wording for a data platform security incident",
      category: "COMMUNICATION",
      severity: "LOW",
      status: "ACCEPTED",
      description: "Communications drafted the customer statement from scratch during the exercise.",
      recommendation: "Prepare a holding statement for delayed reports and exports caused by a security incident.",
      actionItems: [],
    },
  ],
};

const PURPLE_TEAM: ExerciseSeed = {
  kind: "PURPLE_TEAM",
  title: "Purple team: cryptominer in a production namespace",
  conductedAgo: { days: 55, hours: 5 },
  facilitator: "Redline Security (external red team)",
  facilitatorOrganisation: "Redline Security",
  attackTechniques: ["T1190", "T1496.001", "T1036.005", "T1610"],
  outcome:
    "The red team ran a renamed XMRig build against a lab pool from a canary namespace on prod-eu. Falco flagged the dropped binary within 4 seconds and the pool-port rule fired; containment took 38 minutes under the new containment authority, with a checkpoint taken first. Mining over TLS through a proxy on port 443 went unnoticed for the 30-minute window.",
  participants: [
    { contact: "dana", part: "incident commander" },
    { contact: "marco", part: "blue team lead" },
    { contact: "priya", part: "cluster owner, prod-eu" },
    { contact: "sofia", part: "namespace primary owner, data-pipeline" },
    { contact: "tomas", part: "observer, Platform SRE" },
  ],
  findings: [
    {
      title: "Mining over TLS on port 443 was not detected",
      category: "DETECTION",
      severity: "MEDIUM",
      status: "OPEN",
      description:
        "With the pool behind a TLS proxy on 443, neither the Stratum rule (no `stratum+tcp` in the command line) nor the pool-port rule matched. Only the CPU alert from monitoring hinted at it, 22 minutes in.",
      recommendation:
        "Default-deny egress for data-pipeline with an allow-list, and a Falco rule for connections from data-pipeline pods to destinations outside it.",
      actionItems: [
        { title: "Default-deny egress with allow-list for data-pipeline", owner: "sofia", dueIn: { days: 21 }, status: "IN_PROGRESS" },
      ],
    },
    {
      title: "First executive update came 40 minutes after the SEV1 declaration",
      category: "COMMUNICATION",
      severity: "LOW",
      status: "OPEN",
      description: "The plan asks for executive updates every 30 minutes at SEV1; the first one went out at 40.",
      recommendation: "Add an executive update template to the communication section and a reminder in the incident view.",
      actionItems: [{ title: "Executive update template for SEV1", owner: "owen", dueIn: { days: 14 }, status: "OPEN" }],
    },
  ],
};

export async function seedExercises(
  tx: Tx,
  clock: Clock,
  refs: { people: People; playbooks: SeededPlaybooks; planRevisionId: string },
): Promise<{ tabletopId: string; purpleTeamId: string }> {
  const tabletopId = await seedExercise(tx, clock, TABLETOP, refs, { planRevisionId: null, prerequisiteId: null });
  const purpleTeamId = await seedExercise(tx, clock, PURPLE_TEAM, refs, {
    planRevisionId: refs.planRevisionId,
    prerequisiteId: tabletopId,
  });
  return { tabletopId, purpleTeamId };
}

async function seedExercise(
  tx: Tx,
  clock: Clock,
  seed: ExerciseSeed,
  refs: { people: People; playbooks: SeededPlaybooks; planRevisionId: string },
  links: { planRevisionId: string | null; prerequisiteId: string | null },
): Promise<string> {
  const { contacts, users } = refs.people;
  const conductedAt = clock.ago(seed.conductedAgo);
  const exercise = await tx.exercise.create({
    data: {
      kind: seed.kind,
      title: seed.title,
      scenario: SCENARIO,
      scheduledAt: conductedAt,
      conductedAt,
      facilitator: seed.facilitator,
      facilitatorOrganisation: seed.facilitatorOrganisation,
      attackTechniques: seed.attackTechniques,
      status: "COMPLETED",
      outcome: seed.outcome,
      // The tabletop predates the first plan revision kept in Bulkhead.
      planRevisionId: links.planRevisionId,
      prerequisiteId: links.prerequisiteId,
      createdById: users.manager.id,
      createdAt: later(conductedAt, { days: -21 }),
      participants: { create: seed.participants.map((p) => ({ contactId: contacts[p.contact], part: p.part })) },
      playbooks: { create: [{ playbookVersionId: refs.playbooks.cryptomining.versionId }] },
    },
    select: { id: true },
  });

  const findingsAt = later(conductedAt, { days: 2 });
  for (const f of seed.findings) {
    await tx.finding.create({
      data: {
        exerciseId: exercise.id,
        title: f.title,
        category: f.category,
        severity: f.severity,
        status: f.status,
        description: f.description,
        recommendation: f.recommendation,
        createdAt: findingsAt,
        actionItems: {
          create: f.actionItems.map((a) => ({
            title: a.title,
            ownerId: contacts[a.owner],
            dueAt: later(clock.now, a.dueIn),
            status: a.status,
            closedAt: a.closedAgo ? clock.ago(a.closedAgo) : null,
            closedByPlanRevisionId: a.closedByPlanRevision ? refs.planRevisionId : null,
            createdAt: findingsAt,
          })),
        },
      },
    });
  }
  return exercise.id;
}
