import { describe, expect, it } from "vitest";
import { playbookToCacao, cacaoFilename, type ExportablePlaybook } from "@/lib/cacao/export";
import { BULKHEAD_EXTENSION_ID } from "@/lib/cacao/extension";
import { playbookCacaoId, uuidV5 } from "@/lib/cacao/ids";
import { readCacaoDocument } from "@/lib/cacao/read-document";
import { seedPlaybooksForExport } from "@/lib/cacao/seed-playbooks";
import { semanticProblems } from "@/lib/cacao/semantic";
import { PLAYBOOKS } from "@/prisma/seed-data/playbooks";
import { cacaoValidator } from "@/lib/cacao/validator";

const seeded = seedPlaybooksForExport();
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

describe("uuidV5", () => {
  it("matches the RFC 4122 name-based UUID for a known name and namespace", () => {
    // The DNS namespace and "www.example.com", as every uuid v5 implementation computes it.
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("gives one playbook the same CACAO id every time and different playbooks different ids", () => {
    expect(playbookCacaoId("abc")).toBe(playbookCacaoId("abc"));
    expect(playbookCacaoId("abc")).not.toBe(playbookCacaoId("abd"));
    expect(playbookCacaoId("abc")).toMatch(new RegExp(`^playbook--${UUID}$`));
  });
});

describe("playbookToCacao", () => {
  it("covers every playbook the demo seed writes", () => {
    expect(seeded.map((p) => p.title)).toEqual(PLAYBOOKS.map((p) => p.title));
    expect(seeded.map((p) => p.incidentType)).toEqual(expect.arrayContaining(["SHELL_IN_CONTAINER", "CRYPTOMINING", "CONTAINER_ESCAPE"]));
  });

  it.each(seeded.map((p) => [p.title, p] as const))("exports %s as a document valid against the vendored schemas", (_title, playbook) => {
    const document = playbookToCacao(playbook);
    expect(cacaoValidator().problems(document)).toEqual([]);
    expect(semanticProblems(document, cacaoValidator().isEmail)).toEqual([]);
    // And the same bytes read back through the importer's whole pipeline.
    expect(readCacaoDocument(JSON.stringify(document)).ok).toBe(true);
  });

  it("builds start → one manual action per step in order → end, each with a role agent and the phase kept", () => {
    const playbook = seeded[0]!;
    const doc = playbookToCacao(playbook);
    expect(doc).toMatchObject({
      type: "playbook",
      spec_version: "cacao-2.0",
      id: playbookCacaoId(playbook.id),
      name: playbook.title,
      description: playbook.description,
    });
    expect(doc.created).toBe("2025-01-06T09:00:00.000Z");
    expect(doc.modified).toBe("2025-01-19T15:30:00.000Z");
    expect(doc.created_by).toMatch(new RegExp(`^identity--${UUID}$`));
    expect(doc.playbook_types).toEqual(expect.arrayContaining(["investigation", "mitigation"]));
    expect(doc.labels).toEqual([
      "bulkhead",
      "incident-type:shell-in-container",
      ...playbook.attackTechniques.map((t) => `mitre-attack:${t}`),
    ]);
    expect(doc.external_references).toContainEqual({
      name: "ATT&CK T1609: Container Administration Command",
      source: "MITRE ATT&CK",
      url: "https://attack.mitre.org/techniques/T1609",
      external_id: "T1609",
    });

    let id = doc.workflow[doc.workflow_start]!.on_completion!;
    expect(doc.workflow[doc.workflow_start]!.type).toBe("start");
    for (const step of playbook.steps) {
      const action = doc.workflow[id]!;
      expect(action.type).toBe("action");
      expect(action.name).toMatch(/^\[(Preparation|Detection & Analysis|Containment|Eradication|Recovery|Post-Incident)\] /);
      expect(action.name!.endsWith(step.title)).toBe(true);
      expect(action.commands).toEqual([expect.objectContaining({ type: "manual", command: step.instructions })]);
      expect(action.step_extensions![BULKHEAD_EXTENSION_ID]).toEqual({
        phase: step.phase,
        responsible_role: step.responsibleRole,
        evidence_expected: step.evidenceExpected,
        expected_minutes: step.expectedMinutes,
      });
      const agent = doc.agent_definitions![action.agent!]!;
      expect(agent.type).toBe("group");
      expect(action.description).toContain(`Responsible: ${agent.name}.`);
      id = action.on_completion!;
    }
    expect(doc.workflow[id]!.type).toBe("end");
    expect(Object.keys(doc.workflow)).toHaveLength(playbook.steps.length + 2);
    expect(doc.extension_definitions![BULKHEAD_EXTENSION_ID]).toMatchObject({ type: "extension-definition", version: "1.0.0" });
  });

  it("is deterministic: the same version exports to the same document", () => {
    expect(JSON.stringify(playbookToCacao(seeded[1]!))).toBe(JSON.stringify(playbookToCacao(seeded[1]!)));
  });

  it("exports a draft without steps, role or techniques as start → end, still valid", () => {
    const draft: ExportablePlaybook = {
      ...seeded[2]!,
      attackTechniques: [],
      description: null,
      version: {
        id: "v2",
        number: 2,
        status: "DRAFT",
        publishedAt: null,
        publishedById: null,
        updatedAt: new Date("2024-12-01T00:00:00.000Z"),
      },
      steps: [],
    };
    const doc = playbookToCacao(draft);
    expect(cacaoValidator().problems(doc)).toEqual([]);
    expect(doc.workflow[doc.workflow_start]!.on_completion).toMatch(/^end--/);
    // modified is never earlier than created, even if the version row is older than the playbook's.
    expect(doc.modified).toBe(doc.created);
    expect(doc.description).toBe(draft.title);
    expect(doc.external_references).toBeUndefined();
  });

  it("gives steps without a role the responders' group", () => {
    const playbook = { ...seeded[0]!, steps: [{ ...seeded[0]!.steps[0]!, responsibleRole: null }] };
    const doc = playbookToCacao(playbook);
    const action = Object.values(doc.workflow).find((s) => s.type === "action")!;
    expect(doc.agent_definitions![action.agent!]).toMatchObject({ type: "group", name: "Incident responders" });
    expect(cacaoValidator().problems(doc)).toEqual([]);
  });

  it("names the file after the title and version", () => {
    expect(cacaoFilename({ title: "Interactive shell in a production container!", version: { number: 3 } })).toBe(
      "bulkhead-interactive-shell-in-a-production-container-v3.cacao.json",
    );
    expect(cacaoFilename({ title: "«»", version: { number: 1 } })).toBe("bulkhead-playbook-v1.cacao.json");
  });
});

describe("export → import round trip", () => {
  it.each(seeded.map((p) => [p.title, p] as const))(
    "keeps every step of %s: order, phase, title, instructions, role, evidence, minutes",
    (_title, playbook) => {
      const read = readCacaoDocument(JSON.stringify(playbookToCacao(playbook), null, 2));
      if (!read.ok) throw new Error(read.problems.join("\n"));
      expect(read.playbook).toEqual({
        title: playbook.title,
        description: playbook.description,
        incidentType: playbook.incidentType,
        attackTechniques: playbook.attackTechniques,
        steps: playbook.steps.map(({ phase, title, instructions, responsibleRole, evidenceExpected, expectedMinutes }) => ({
          phase,
          title,
          instructions,
          responsibleRole,
          evidenceExpected,
          expectedMinutes,
        })),
      });
    },
  );
});
