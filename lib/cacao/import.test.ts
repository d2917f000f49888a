import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCacaoDocument } from "@/lib/cacao/read-document";
import { splitPhasePrefix } from "@/lib/cacao/phases";

// Project-written fixtures modelled on the genuine OASIS and SOARCA examples (same fields, same
// shapes); npm test never reads ../shared.
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

function imported(name: string) {
  const read = readCacaoDocument(fixture(name));
  if (!read.ok) throw new Error(`${read.message}\n${read.problems.join("\n")}`);
  return read.playbook;
}

describe("cacaoToPlaybook on a playbook written elsewhere (no Bulkhead extension)", () => {
  const playbook = imported("manual-triage.json");

  it("takes title, description, incident type from its label and ATT&CK techniques from labels and references", () => {
    expect(playbook.title).toBe("Triage a suspicious container image");
    expect(playbook.description).toBe("Manual triage written by a partner team, without Bulkhead's extension.");
    expect(playbook.incidentType).toBe("MALICIOUS_IMAGE");
    expect(playbook.attackTechniques).toEqual(["T1525", "T1610", "T1078.003"]);
  });

  it("maps each action in workflow order, the phase from the name prefix or the default, the role from the agent's name", () => {
    expect(playbook.steps.map((s) => [s.phase, s.title, s.responsibleRole])).toEqual([
      ["DETECTION_ANALYSIS", "Record the image digest", "SECURITY_LEAD"],
      ["DETECTION_ANALYSIS", "Ask the image owner", null],
      ["CONTAINMENT", "Block the digest at admission", "SECURITY_LEAD"],
    ]);
  });

  it("keeps the author's description and manual command as instructions, and turns a timeout into expected minutes", () => {
    expect(playbook.steps[0]!.instructions).toBe(
      "Find the digest the pod actually runs.\n\nRun `kubectl get pod -o jsonpath='{.status.containerStatuses[*].imageID}'` and write the digest down.",
    );
    expect(playbook.steps[0]!.expectedMinutes).toBe(15);
    expect(playbook.steps[1]!.expectedMinutes).toBeNull();
    expect(playbook.steps[0]!.evidenceExpected).toBeNull();
  });

  it("decodes command_b64", () => {
    expect(playbook.steps[1]!.instructions).toBe('Call the owner of the repository.\n\nAsk: "did you push this tag?"');
  });

  it("shows other command types in a code block under their type", () => {
    expect(playbook.steps[2]!.instructions).toBe(
      "**bash** command: Add the digest to the deny list\n\n```bash\nkubectl annotate ns payments bulkhead.io/deny-digest=sha256:abc --overwrite\n```",
    );
  });

  it("leaves the incident type open when the document names none", () => {
    expect(imported("branching.json").incidentType).toBeNull();
  });
});

describe("flattening a workflow with parallel, if, while, switch and on_failure steps", () => {
  const steps = imported("branching.json").steps;

  it("lists every reachable action once: parallel branches one after another, the join after both, true before false", () => {
    expect(steps.map((s) => s.title)).toEqual([
      "Snapshot the pod",
      "Hash the snapshot",
      "Save the logs",
      "Register the evidence",
      "Isolate the pod",
      "Note that the pod is gone",
      "Check for beacons",
      "Page the commander",
      "Phone the deputy",
      "Mail the owners",
    ]);
  });

  it("says in the instructions where each branch came from", () => {
    const by = (title: string) => steps.find((s) => s.title === title)!.instructions;
    expect(by("Snapshot the pod")).toMatch(/^> \*\*Parallel branch 1 of 2\*\* of "Collect at once"/);
    expect(by("Save the logs")).toMatch(/^> \*\*Parallel branch 2 of 2\*\*/);
    expect(by("Hash the snapshot")).toBe("Do: Hash the snapshot.");
    expect(by("Isolate the pod")).toContain("**Only if** `[pod:status = 'Running']` is true (if-condition \"Still running?\")");
    expect(by("Note that the pod is gone")).toContain("is false");
    expect(by("Check for beacons")).toContain("**Repeat while** `[network:beacon = true]` is true");
    expect(by("Page the commander")).toContain("**Only when** `__severity__:value` is `high`");
    expect(by("Mail the owners")).toContain("**Only when no other case matches**");
    expect(by("Phone the deputy")).toContain('**Only if step "Page the commander" fails.**');
  });

  it("shows an http-api command and its base64 content decoded", () => {
    expect(steps[2]!.instructions).toContain(
      '**http-api** command\n\n```http\nPOST https://logs.example.org/export HTTP/1.1\n```\n\nContent:\n\n```json\n{"pod": "web-1"}\n```',
    );
  });

  it("gives every step the default phase and no role when nothing says otherwise", () => {
    expect(new Set(steps.map((s) => s.phase))).toEqual(new Set(["DETECTION_ANALYSIS"]));
    expect(steps.every((s) => s.responsibleRole === null)).toBe(true);
  });
});

describe("splitPhasePrefix", () => {
  it("reads the exported prefixes and close variants, and leaves other brackets in the title", () => {
    expect(splitPhasePrefix("[Detection & Analysis] Find the shell")).toEqual({ phase: "DETECTION_ANALYSIS", title: "Find the shell" });
    expect(splitPhasePrefix("[detection and analysis] x")).toEqual({ phase: "DETECTION_ANALYSIS", title: "x" });
    expect(splitPhasePrefix("[POST_INCIDENT] Lessons")).toEqual({ phase: "POST_INCIDENT", title: "Lessons" });
    expect(splitPhasePrefix("[WIP] Draft step")).toEqual({ phase: null, title: "[WIP] Draft step" });
    expect(splitPhasePrefix("No prefix")).toEqual({ phase: null, title: "No prefix" });
  });
});

describe("cacaoToPlaybook keeps an imported draft within what the editor accepts", () => {
  const read = (edit: (doc: Record<string, unknown> & { workflow: Record<string, Record<string, unknown>> }) => void) => {
    const doc = JSON.parse(fixture("manual-triage.json")) as Record<string, unknown> & {
      workflow: Record<string, Record<string, unknown>>;
    };
    edit(doc);
    const result = readCacaoDocument(JSON.stringify(doc));
    if (!result.ok) throw new Error(`${result.message}\n${result.problems.join("\n")}`);
    return result.playbook;
  };

  it("caps a timeout beyond a day at 24 hours, pads too-short titles, and drops techniques outside ATT&CK for Containers", () => {
    const playbook = read((doc) => {
      doc.name = "IR";
      doc.labels = ["mitre-attack:T1525", "mitre-attack:T1566"];
      delete doc.external_references;
      const first = Object.values(doc.workflow).find((s) => s.type === "action")!;
      first.timeout = 10 * 24 * 60 * 60 * 1000;
      first.name = "Go";
    });
    expect(playbook.title).toBe("Imported CACAO playbook: IR");
    expect(playbook.attackTechniques).toEqual(["T1525"]);
    expect(playbook.steps[0]!.expectedMinutes).toBe(1_440);
    expect(playbook.steps[0]!.title).toBe("Step 1: Go");
  });
});
