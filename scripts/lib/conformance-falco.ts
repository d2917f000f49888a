// Falco conformance (issue 4), registered by scripts/conformance.ts: the genuine events and rule
// files in $BULKHEAD_FIXTURES/falco against Bulkhead's parser, classifier and ingest.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { attackFromTags, incidentTypeFor } from "../../lib/domain/falco/classify";
import { dedupKeyOf } from "../../lib/domain/falco/dedup";
import { normalizeFalcoEvent, type NormalizedEvent } from "../../lib/domain/falco/normalize";
import { parseFalcoBody, type BodyEntry } from "../../lib/domain/falco/parse-body";
import { applyMigrations } from "./migrate";
import { startEmbeddedPostgres } from "./postgres";

export type ConformanceCheck = { name: string; run: () => Promise<void | string> };

/** The one genuine event that must be refused: its `time` ends in `Z+2`. */
const ODD_TIME = "blog-falcosidekick-test-event-odd-time.json";
const RULE_FILES = ["falco_rules.yaml", "falco-incubating_rules.yaml", "falco-sandbox_rules.yaml"];
const DEFAULT_CLUSTER = "conformance";

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

type Genuine = { file: string; text: string; value: Record<string, unknown> };

async function genuineEvents(fixtures: string): Promise<Genuine[]> {
  const dir = path.join(fixtures, "falco/events");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(dir, file), "utf8");
      return { file, text, value: JSON.parse(text) as Record<string, unknown> };
    }),
  );
}

/** Each file as the route reads a body: the parser's one entry, normalised. */
function normaliseFile(g: Genuine): { ok: true; event: NormalizedEvent } | { ok: false; error: string } {
  const parsed = parseFalcoBody(g.text);
  assert(parsed.ok, `${g.file}: body refused: ${parsed.ok ? "" : parsed.error}`);
  assert(parsed.entries.length === 1, `${g.file}: expected one event, parsed ${parsed.entries.length}`);
  const entry = parsed.entries[0]!;
  if ("error" in entry) return { ok: false, error: entry.error };
  return normalizeFalcoEvent(entry.value, { defaultCluster: DEFAULT_CLUSTER });
}

const present = (v: unknown): v is string | number => v !== null && v !== undefined && v !== "" && v !== "<NA>";

/** Every piece of container/Kubernetes context the event carries must survive normalisation. */
function checkContext(g: Genuine, e: NormalizedEvent): void {
  const f = (g.value.output_fields ?? {}) as Record<string, unknown>;
  const a = e.alert;
  const same = (label: string, expected: unknown, actual: unknown) =>
    assert(actual === expected, `${g.file}: ${label} is ${JSON.stringify(actual)}, the event says ${JSON.stringify(expected)}`);
  if (present(f["k8s.ns.name"])) same("namespace", f["k8s.ns.name"], a.namespace);
  else if (present(f["ka.target.namespace"])) same("namespace", f["ka.target.namespace"], a.namespace);
  if (present(f["k8s.pod.name"])) same("pod", f["k8s.pod.name"], a.podName);
  if (f["ka.target.resource"] === "pods" && present(f["ka.target.name"])) same("pod", f["ka.target.name"], a.podName);
  if (a.podName) assert(a.workload, `${g.file}: pod ${a.podName} has no workload`);
  if (f["container.id"] === "host") assert(e.hostEvent && a.containerId === null, `${g.file}: a host event kept a container id`);
  else if (present(f["container.id"])) same("container id", String(f["container.id"]).slice(0, 12), a.containerId);
  if (present(f["container.image.repository"])) same("image repository", f["container.image.repository"], a.imageRepository);
  if (present(f["container.image.tag"])) same("image tag", f["container.image.tag"], a.imageTag);
  if (present(f["proc.name"])) same("process", f["proc.name"], a.processName);
  if (present(f["proc.cmdline"])) same("command line", f["proc.cmdline"], a.processCmdline);
  if (present(f["user.name"])) same("user", f["user.name"], a.userName);
  else if (present(f["ka.user.name"])) same("user", f["ka.user.name"], a.userName);
  if (typeof f["fd.name"] === "string" && f["fd.name"].startsWith("/")) same("file", f["fd.name"], a.fileName);
  if (typeof f["fd.name"] === "string" && f["fd.name"].includes("->")) same("connection", f["fd.name"], a.connection);
  if (present(g.value.hostname)) same("hostname", g.value.hostname, a.hostname);
  if (g.value.source === "syscalls") same("source", "syscall", a.eventSource);
  for (const [key, value] of Object.entries(f))
    if (value === null || value === "<NA>") assert(!(key in e.fields), `${g.file}: kept ${key}: ${String(value)}`);
  same("event time", new Date(String(g.value.time)).toISOString(), a.eventTime.toISOString());
  assert(a.raw === g.value || JSON.stringify(a.raw) === JSON.stringify(g.value), `${g.file}: raw event changed`);
  same("cluster", (f.cluster as string) ?? (f["k8s.cluster.name"] as string) ?? DEFAULT_CLUSTER, a.cluster);
}

/** `- rule: Name` and its one-line `tags: [...]`, as Falco's rule files write them. */
function rulesOf(yaml: string): { rule: string; tags: string[] }[] {
  const rules: { rule: string; tags: string[] }[] = [];
  for (const line of yaml.split("\n")) {
    const rule = /^- rule:(.+)$/.exec(line);
    if (rule && rule[1]!.trim()) rules.push({ rule: rule[1]!.trim().replace(/^(["'])(.*)\1$/, "$2"), tags: [] });
    const tags = /^\s+tags:\s*\[(.*)\]\s*$/.exec(line);
    if (tags && rules.length)
      rules[rules.length - 1]!.tags = tags[1]!
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean);
  }
  return rules;
}

async function ingestTwice(genuine: Genuine[]): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "bulkhead-conformance-pg-"));
  const server = await startEmbeddedPostgres({
    dataDir,
    database: `bulkhead_conformance_${randomBytes(4).toString("hex")}`,
    persistent: false,
  });
  try {
    await applyMigrations(server.url);
    // lib/env.ts reads configuration on first use, which is below.
    process.env.DATABASE_URL = server.url;
    const { createPrismaClient, db } = await import("../../lib/db");
    const { ingestFalcoEvents } = await import("../../lib/dal/ingest");
    const token = `bh_${randomBytes(24).toString("base64url")}`;
    const prisma = createPrismaClient(server.url, 2);
    try {
      await prisma.detectionSource.create({
        data: {
          name: "conformance",
          kind: "FALCOSIDEKICK",
          tokenHash: createHash("sha256").update(token).digest("hex"),
          tokenPrefix: token.slice(0, 8),
          defaultCluster: DEFAULT_CLUSTER,
        },
      });
      const entries: BodyEntry[] = genuine.map((g, index) => ({ index, value: g.value }));
      const odd = genuine.findIndex((g) => g.file === ODD_TIME);
      const first = await ingestFalcoEvents(token, entries);
      assert(first.accepted === genuine.length - 1 && first.duplicates === 0, `first pass: ${JSON.stringify(first)}`);
      assert(first.rejected.length === 1 && first.rejected[0]!.index === odd, `first pass rejected ${JSON.stringify(first.rejected)}`);
      const again = await ingestFalcoEvents(token, entries);
      assert(
        again.accepted === 0 && again.duplicates === genuine.length - 1 && again.rejected.length === 1,
        `replay: ${JSON.stringify(again)}`,
      );
      const stored = await prisma.alert.findMany({ select: { rule: true, namespace: true, podName: true, containerId: true } });
      assert(stored.length === genuine.length - 1, `${stored.length} alerts stored`);
      const withContext = stored.filter((a) => a.namespace || a.containerId).length;
      return `${first.accepted} accepted, ${first.rejected.length} rejected (${ODD_TIME}); replay: ${again.duplicates} duplicates; ${withContext} stored with namespace or container; incidents ${first.incidents.join(", ") || "none"}`;
    } finally {
      await prisma.$disconnect();
      await db().$disconnect();
    }
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function falcoChecks(fixtures: string): ConformanceCheck[] {
  return [
    {
      name: "Falco events: every genuine event normalises; the one with an invalid time is refused with a clear reason",
      async run() {
        const genuine = await genuineEvents(fixtures);
        assert(genuine.length >= 12, `expected the 12 genuine events, found ${genuine.length}`);
        for (const g of genuine) {
          const result = normaliseFile(g);
          if (g.file === ODD_TIME) {
            assert(!result.ok, `${g.file}: accepted an invalid RFC 3339 time`);
            assert(
              /^time is not valid RFC 3339: "2021-04-13T20:58:00\.746609046Z\+2"$/.test(result.error),
              `${g.file}: unclear reason: ${result.error}`,
            );
          } else {
            assert(result.ok, `${g.file}: ${result.ok ? "" : result.error}`);
          }
        }
        return `${genuine.length - 1} accepted, ${ODD_TIME} refused`;
      },
    },
    {
      name: "Falco events: each keeps its container and Kubernetes context, and a replay has the same dedup key",
      async run() {
        const genuine = await genuineEvents(fixtures);
        const keys = new Set<string>();
        for (const g of genuine.filter((x) => x.file !== ODD_TIME)) {
          const result = normaliseFile(g);
          assert(result.ok, `${g.file}: ${result.ok ? "" : result.error}`);
          checkContext(g, result.event);
          const replay = normalizeFalcoEvent(JSON.parse(g.text), { defaultCluster: "other" });
          assert(replay.ok && dedupKeyOf(replay.event) === dedupKeyOf(result.event), `${g.file}: replay changes the dedup key`);
          keys.add(dedupKeyOf(result.event));
          if (g.value.output === "Falco metrics snapshot")
            assert(!result.event.security, `${g.file}: a metrics snapshot counted as a security alert`);
        }
        assert(keys.size === genuine.length - 1, "two different genuine events share a dedup key");
      },
    },
    {
      name: "Falco rules: every rule in the three rule files classifies to an incident type; every mitre_* tag is a known tactic",
      async run() {
        const distribution = new Map<string, number>();
        let total = 0;
        for (const file of RULE_FILES) {
          const rules = rulesOf(await readFile(path.join(fixtures, "falco", file), "utf8"));
          assert(rules.length > 0, `${file}: no rules found`);
          for (const { rule, tags } of rules) {
            const type = incidentTypeFor(rule, tags);
            distribution.set(type, (distribution.get(type) ?? 0) + 1);
            total += 1;
            const unknown = tags.filter((t) => /^mitre_/i.test(t) && attackFromTags([t]).tactics.length === 0);
            assert(unknown.length === 0, `${file}: "${rule}" has unknown tactic tags ${unknown.join(", ")}`);
          }
        }
        return `${total} rules: ${[...distribution.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([t, n]) => `${t} ${n}`)
          .join(", ")}`;
      },
    },
    {
      name: "Falco ingest: the genuine events through ingestFalcoEvents on a throwaway database, twice (11 accepted, 1 refused, then only duplicates)",
      async run() {
        return ingestTwice(await genuineEvents(fixtures));
      },
    },
  ];
}
