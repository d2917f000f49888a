import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { techniqueById } from "@/lib/domain/attack";
import { verifyChainSegment } from "@/lib/domain/audit-chain";
import { correlationKeyOf } from "@/lib/domain/correlation/key";
import { dedupKeyOf } from "@/lib/domain/falco/dedup";
import { normalizeFalcoEvent, type NormalizedEvent } from "@/lib/domain/falco/normalize";
import { orderSteps, placeholderProblems } from "@/lib/domain/playbook-steps";
import { PlanRoleKind } from "@/lib/generated/prisma/enums";
import { appTables, resetAllTables, testDb } from "@/tests/support/db";
import { expectExerciseStory } from "@/tests/support/exercise-story";
import { seedDemo } from "./seed";
import { decodeRawEvent } from "@/lib/domain/falco/raw-event";

const TOKEN = "bh_integration-test-token-0123456789ab";
const VOCABULARY = new Set([
  "cluster",
  "namespace",
  "pod",
  "container_id",
  "container_name",
  "image",
  "image_digest",
  "node",
  "workload",
  "incident_key",
  "primary_owner",
  "secondary_owner",
]);

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await appTables()) {
    const [row] = await testDb().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

beforeEach(resetAllTables);

describe("the demo seed", () => {
  it("seeds a complete, consistent demo", async () => {
    const db = testDb();
    const result = await seedDemo(db, { ingestToken: TOKEN });
    expect(result).toEqual({
      seeded: true,
      ingestToken: TOKEN,
      users: [
        { email: "admin@bulkhead.local", role: "ADMIN" },
        { email: "manager@bulkhead.local", role: "IR_MANAGER" },
        { email: "responder@bulkhead.local", role: "RESPONDER" },
        { email: "auditor@bulkhead.local", role: "AUDITOR" },
      ],
    });

    const users = await db.user.findMany({ include: { contact: true } });
    expect(users).toHaveLength(4);
    for (const u of users) expect(await verifyPassword(u.passwordHash, "bulkhead-demo")).toBe(true);
    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect(byEmail.get("manager@bulkhead.local")?.contact).not.toBeNull();
    expect(byEmail.get("responder@bulkhead.local")?.contact).not.toBeNull();
    const managerId = byEmail.get("manager@bulkhead.local")?.id;

    // people and the plan
    const contacts = await db.contact.findMany({ include: { ownerships: true } });
    expect(contacts.length).toBeGreaterThanOrEqual(12);
    const stale = contacts.filter((c) => c.lastReviewedAt && Date.now() - c.lastReviewedAt.getTime() > 90 * 86_400_000);
    expect(stale.length).toBeGreaterThanOrEqual(2);
    const inactive = contacts.filter((c) => !c.active);
    expect(inactive).toHaveLength(1);
    const gap = inactive[0]!.ownerships;
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatchObject({ role: "SECONDARY", clusterId: null, workloadId: null });
    expect(gap[0]!.namespaceId).not.toBeNull();

    const roles = await db.planRole.findMany({ include: { members: true } });
    expect(roles.map((r) => r.kind).sort()).toEqual(Object.values(PlanRoleKind).sort());
    for (const r of roles) expect(r.members.length, r.kind).toBeGreaterThan(0);

    const policies = await db.escalationPolicy.findMany({
      include: { tiers: { include: { targets: true }, orderBy: { position: "asc" } } },
    });
    expect(policies.map((p) => p.severity).sort()).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
    for (const p of policies) {
      expect(p.tiers.map((t) => t.position)).toEqual(p.tiers.map((_, i) => i + 1));
      for (const t of p.tiers) expect(t.targets.length).toBeGreaterThan(0);
    }

    // Two revisions, each published after the tabletop finding it fixes; the second is in force.
    const revisions = await db.planRevision.findMany({ orderBy: { number: "asc" } });
    expect(revisions.map((r) => [r.number, r.status, r.publishedById])).toEqual([
      [1, "PUBLISHED", managerId],
      [2, "PUBLISHED", managerId],
    ]);
    expect(revisions[0]!.publishedAt!.getTime()).toBeLessThan(revisions[1]!.publishedAt!.getTime());
    const inForce = revisions[1]!;
    expect(Date.now() - inForce.publishedAt!.getTime()).toBeLessThan(365 * 86_400_000);
    for (const revision of revisions) {
      const sections = revision.sections as { key: string; title: string; body: string }[];
      expect(sections.map((s) => s.key)).toEqual(["scope", "severity", "communication", "evidence", "containment"]);
      for (const s of sections) expect(s.body.length).toBeGreaterThan(500);
    }

    // assets and ownership
    const clusters = await db.cluster.findMany({ include: { ownerships: true } });
    expect(clusters.map((c) => c.name).sort()).toEqual(["prod-eu", "prod-us", "staging"]);
    for (const c of clusters) {
      const primaries = c.ownerships.filter((o) => o.role === "PRIMARY");
      const secondaries = c.ownerships.filter((o) => o.role === "SECONDARY");
      expect(primaries, c.name).toHaveLength(1);
      expect(secondaries.length, c.name).toBeGreaterThan(0);
      expect(secondaries.map((o) => o.contactId)).not.toContain(primaries[0]!.contactId);
      expect(
        c.ownerships.some((o) => o.role === "SECURITY"),
        c.name,
      ).toBe(true);
    }
    const namespaces = await db.namespace.findMany({ include: { ownerships: true, cluster: true } });
    expect(namespaces.length).toBeGreaterThanOrEqual(10);
    expect(namespaces.some((n) => n.isPattern)).toBe(true);
    const inheriting = namespaces.filter((n) => n.ownerships.length === 0);
    expect(inheriting.length).toBeGreaterThan(0);
    for (const n of namespaces.filter((ns) => ns.ownerships.length > 0)) {
      const label = `${n.cluster.name}/${n.name}`;
      const primaries = n.ownerships.filter((o) => o.role === "PRIMARY");
      const secondaries = n.ownerships.filter((o) => o.role === "SECONDARY");
      expect(primaries, label).toHaveLength(1);
      expect(secondaries.length, label).toBeGreaterThan(0);
      expect(
        secondaries.map((o) => o.contactId),
        label,
      ).not.toContain(primaries[0]!.contactId);
    }

    // playbooks
    const playbooks = await db.playbook.findMany({ include: { versions: { include: { steps: true } } } });
    expect(playbooks.map((p) => p.incidentType).sort()).toEqual([
      "CONTAINER_ESCAPE",
      "CREDENTIAL_ACCESS",
      "CRYPTOMINING",
      "MALICIOUS_IMAGE",
      "RANSOMWARE",
      "SHELL_IN_CONTAINER",
    ]);
    for (const p of playbooks) {
      // The cryptomining playbook has a second version, the first tabletop's fix; the rest have one.
      const versions = [...p.versions].sort((a, b) => a.number - b.number);
      expect(versions.map((v) => v.number)).toEqual(p.incidentType === "CRYPTOMINING" ? [1, 2] : [1]);
      expect(p.retiredAt).toBeNull();
      for (const id of p.attackTechniques) expect(techniqueById(id), `${p.title}: ${id}`).toBeDefined();
      for (const [i, version] of versions.entries()) {
        expect(version.status).toBe("PUBLISHED");
        if (i > 0) expect(version.publishedAt!.getTime()).toBeGreaterThan(versions[i - 1]!.publishedAt!.getTime());
        expect(version.steps.length).toBeGreaterThanOrEqual(6);
        expect(version.steps.length).toBeLessThanOrEqual(9);
        // Stored in run order: positions 1..n follow the response phases, as the library edits them.
        const steps = [...version.steps].sort((a, b) => a.position - b.position);
        expect(steps.map((s) => s.position)).toEqual(steps.map((_, i) => i + 1));
        expect(
          orderSteps(steps).map((s) => s.id),
          p.title,
        ).toEqual(steps.map((s) => s.id));
        expect(placeholderProblems(steps), p.title).toEqual([]);
        // Preserve before you kill: every playbook collects the manifest, previous logs and the image by digest.
        const all = steps.map((s) => s.instructions).join("\n");
        for (const must of ["-o yaml", "--previous", "{{image_digest}}"]) expect(all, `${p.title}: ${must}`).toContain(must);
        expect(new Set(steps.map((s) => s.phase)), p.title).toEqual(
          new Set(["DETECTION_ANALYSIS", "CONTAINMENT", "ERADICATION", "RECOVERY", "POST_INCIDENT"]),
        );
        for (const step of version.steps) {
          const text = `${step.title}\n${step.instructions}`;
          const used = [...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => m[1]!);
          for (const name of used) expect(VOCABULARY.has(name), `${p.title} / ${step.title}: {{${name}}}`).toBe(true);
          // No malformed or nested braces left over once the placeholders are taken out.
          expect(text.replace(/\{\{[a-z_]+\}\}/g, "")).not.toMatch(/\{\{|\}\}/);
          expect(step.responsibleRole).not.toBeNull();
          expect(step.expectedMinutes).toBeGreaterThan(0);
        }
      }
    }

    // detection and incidents
    const source = await db.detectionSource.findUniqueOrThrow({ where: { name: "falcosidekick-prod-eu" } });
    expect(source).toMatchObject({ kind: "FALCOSIDEKICK", defaultCluster: "prod-eu", minIncidentPriority: "WARNING" });
    expect(source.tokenHash).toBe(sha256(TOKEN));
    expect(source.tokenPrefix).toBe(TOKEN.slice(0, 8));

    const incidents = await db.incident.findMany({
      include: { alerts: true, owners: true, timeline: true },
      orderBy: { number: "asc" },
    });
    expect(incidents.map((i) => i.status)).toEqual(["CLOSED", "CONTAINED", "TRIAGED"]);
    expect(source.alertCount).toBe(incidents.reduce((n, i) => n + i.alerts.length, 0));
    for (const incident of incidents) {
      expect(incident.alerts.length, incident.title).toBeGreaterThan(0);
      expect(incident.alertCount).toBe(incident.alerts.length);
      expect(incident.correlationKey).toBe(correlationKeyOf(incident));
      expect(incident.clusterId).not.toBeNull();
      expect(incident.namespaceId).not.toBeNull();
      expect(incident.planRevisionId).toBe(inForce.id);
      expect(incident.suggestedPlaybookId).not.toBeNull();
      expect(incident.owners.filter((o) => o.role === "PRIMARY")).toHaveLength(1);
      expect(incident.owners.some((o) => o.role === "SECONDARY")).toBe(true);
      const kinds = new Set(incident.timeline.map((t) => t.kind));
      for (const kind of ["ALERT", "OWNERS", "STATUS_CHANGE"] as const) expect(kinds.has(kind), kind).toBe(true);
      for (const alert of incident.alerts) {
        const raw = JSON.parse(decodeRawEvent(alert.raw)) as { rule: string; output_fields: Record<string, unknown> };
        const normalized = normalizeFalcoEvent(raw);
        expect(normalized.ok).toBe(true);
        expect(alert.dedupKey).toBe(dedupKeyOf((normalized as { ok: true; event: NormalizedEvent }).event));
        // Each seeded alert correlates into its incident, as ingest would have put it there.
        expect(correlationKeyOf(alert)).toBe(incident.correlationKey);
        expect(raw.rule).toBe(alert.rule);
        expect(raw.output_fields["k8s.ns.name"]).toBe(alert.namespace);
        expect(raw.output_fields["container.id"]).toBe(alert.containerId);
        expect(alert.containerId).toMatch(/^[0-9a-f]{12}$/);
        expect(alert.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(alert.tags.some((t) => /^T\d{4}/.test(t) || t.startsWith("TA"))).toBe(true);
        expect(alert.tags.some((t) => t.startsWith("mitre_"))).toBe(true);
      }
    }
    expect(incidents[0]!.resolvedAt).not.toBeNull();
    expect(incidents[1]!.containedAt).not.toBeNull();
    expect(incidents[2]!.triagedAt).not.toBeNull();

    // a live run: one active run, on the open shell incident, with steps in every state
    const runs = await db.playbookRun.findMany({
      include: { steps: { orderBy: { position: "asc" } }, incident: true, playbookVersion: { include: { steps: true } } },
    });
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run).toMatchObject({ status: "ACTIVE", completedAt: null });
    expect(run!.incident).toMatchObject({ status: "TRIAGED", type: "SHELL_IN_CONTAINER" });
    expect(run!.playbookVersion.playbookId).toBe(run!.incident!.suggestedPlaybookId);
    expect(run!.playbookVersion.status).toBe("PUBLISHED");
    expect(new Set(run!.steps.map((s) => s.status))).toEqual(new Set(["TODO", "IN_PROGRESS", "DONE", "SKIPPED", "BLOCKED"]));
    expect(run!.steps.map((s) => s.playbookStepId).sort()).toEqual(run!.playbookVersion.steps.map((s) => s.id).sort());
    expect((run!.context as { incident_key?: string }).incident_key).toBe(`INC-${String(run!.incident!.number).padStart(4, "0")}`);
    for (const step of run!.steps) {
      expect(step.instructions, step.title).not.toMatch(/\{\{|\}\}/);
      if (step.status === "SKIPPED" || step.status === "BLOCKED") expect(step.reason, step.title).toBeTruthy();
      if (step.status === "DONE") expect(step.finishedAt, step.title).not.toBeNull();
      if (step.status === "IN_PROGRESS") expect(step.assigneeId, step.title).not.toBeNull();
      if (step.status !== "TODO") expect(step.updatedById, step.title).not.toBeNull();
      if (step.finishedAt) expect(step.finishedAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect(await db.timelineEntry.count({ where: { incidentId: run!.incidentId!, kind: "RUN" } })).toBe(1);

    // exercises: eighteen months of one scenario (prisma/seed-data/exercise-story.ts)
    await expectExerciseStory(db, { managerId: managerId! });

    // the audit chain
    const audit = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(audit.some((a) => a.action === "demo.seeded" && a.actorEmail === "seed" && a.targetType === "Database")).toBe(true);
    expect(verifyChainSegment(audit, null)).toEqual({ ok: true, checked: audit.length });
    expect(JSON.stringify(audit.map((a) => a.after))).not.toContain(TOKEN.slice(8));
  });

  it("never runs against a database that already has users", async () => {
    const db = testDb();
    expect((await seedDemo(db, { ingestToken: TOKEN })).seeded).toBe(true);
    const before = await rowCounts();
    const again = await seedDemo(db, { ingestToken: "bh_another-token-that-must-not-appear" });
    expect(again).toMatchObject({ seeded: false, reason: expect.stringContaining("already has 4 users") });
    expect(await rowCounts()).toEqual(before);
    expect(await db.detectionSource.count({ where: { tokenHash: sha256("bh_another-token-that-must-not-appear") } })).toBe(0);
  });

  it("makes a random bh_ token when none is given", async () => {
    const db = testDb();
    const result = await seedDemo(db, {});
    if (!result.seeded) throw new Error(result.reason);
    expect(result.ingestToken).toMatch(/^bh_[\w-]{32}$/);
    const source = await db.detectionSource.findFirstOrThrow();
    expect(source.tokenHash).toBe(sha256(result.ingestToken));
    expect(source.tokenPrefix).toBe(result.ingestToken.slice(0, 8));
  });

  it("leaves nothing behind when it fails part-way", async () => {
    const db = testDb();
    // No users, so the seed starts; the clashing contact email makes it fail after users exist.
    await db.contact.create({ data: { name: "Dana W.", email: "dana.whitfield@example.com" } });
    await expect(seedDemo(db, { ingestToken: TOKEN })).rejects.toThrow();
    const counts = await rowCounts();
    expect(counts).toMatchObject({ User: 0, Contact: 1, Cluster: 0, PlanRevision: 0, AuditEvent: 0, Alert: 0 });
  });
});
