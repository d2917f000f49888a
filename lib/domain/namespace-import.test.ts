import { describe, expect, it } from "vitest";
import { jsonErrorPosition } from "@/lib/domain/json-error-position";
import {
  contactsMatching,
  importPlanHasChanges,
  parseNamespaceList,
  planNamespaceImport,
  prefillOwners,
  type ContactForMatch,
} from "@/lib/domain/namespace-import";

/** Shaped like `kubectl get namespaces -o json` prints it (a v1 List of Namespace objects). */
function kubectlOutput(namespaces: { name: string; labels?: Record<string, string> }[], kind = "List"): string {
  return JSON.stringify(
    {
      apiVersion: "v1",
      items: namespaces.map((ns) => ({
        apiVersion: "v1",
        kind: "Namespace",
        metadata: {
          creationTimestamp: "2025-01-14T09:12:44Z",
          labels: { "kubernetes.io/metadata.name": ns.name, ...ns.labels },
          name: ns.name,
          resourceVersion: "4411",
          uid: "0b6f3a52-27a8-4f55-9d4e-6b1c3d2a9e10",
        },
        spec: { finalizers: ["kubernetes"] },
        status: { phase: "Active" },
      })),
      kind,
      metadata: { resourceVersion: "" },
    },
    null,
    4,
  );
}

const contacts: ContactForMatch[] = [
  { id: "aisha", name: "Aisha Bello", email: "aisha.bello@example.com", active: true },
  { id: "jonas", name: "Jonas Becker", email: "jonas.becker@example.com", active: true },
  { id: "chloe", name: "Chloé Martin", email: "chloe.martin@example.com", active: true },
  { id: "kenji", name: "Kenji Watanabe", email: "kenji.watanabe@example.com", active: false },
  { id: "sam1", name: "Sam Lee", email: "sam.lee@example.com", active: true },
  { id: "sam2", name: "Sam Lee", email: "slee@example.org", active: true },
];

describe("parsing kubectl output", () => {
  it("reads kubectl's List, the API's NamespaceList and a single Namespace", () => {
    const list = parseNamespaceList(kubectlOutput([{ name: "payments", labels: { team: "payments" } }, { name: "default" }]));
    expect(list).toEqual({
      ok: true,
      namespaces: [
        { name: "payments", labels: { "kubernetes.io/metadata.name": "payments", team: "payments" } },
        { name: "default", labels: { "kubernetes.io/metadata.name": "default" } },
      ],
    });
    expect(parseNamespaceList(kubectlOutput([{ name: "a" }], "NamespaceList")).ok).toBe(true);
    const single = parseNamespaceList(JSON.stringify({ apiVersion: "v1", kind: "Namespace", metadata: { name: "solo" } }));
    expect(single).toEqual({ ok: true, namespaces: [{ name: "solo", labels: {} }] });
  });

  it("explains bad JSON with where it broke", () => {
    const result = parseNamespaceList('{\n  "apiVersion": "v1",\n  "items": [,]\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^This is not valid JSON at line 3, column \d+: /);
  });

  it("names the foreign kind it got instead", () => {
    const pods = JSON.stringify({ apiVersion: "v1", kind: "PodList", items: [] });
    expect(parseNamespaceList(pods)).toEqual({
      ok: false,
      error: "This is a PodList, expected the output of kubectl get namespaces -o json.",
    });
    const listOfPods = JSON.stringify({
      apiVersion: "v1",
      kind: "List",
      items: [{ apiVersion: "v1", kind: "Pod", metadata: { name: "x" } }],
    });
    expect(parseNamespaceList(listOfPods)).toMatchObject({ ok: false, error: expect.stringMatching(/^This is a List of Pod objects/) });
    expect(parseNamespaceList("[1,2]")).toMatchObject({ ok: false, error: expect.stringMatching(/^This is a JSON array/) });
    expect(parseNamespaceList('{"hello":"world"}')).toMatchObject({ ok: false, error: expect.stringMatching(/no Kubernetes kind/) });
    expect(parseNamespaceList(JSON.stringify({ apiVersion: "apps/v1", kind: "NamespaceList", items: [] }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Expected apiVersion v1/),
    });
  });

  it("recognises table and YAML output", () => {
    expect(parseNamespaceList("NAME              STATUS   AGE\ndefault           Active   41d")).toMatchObject({
      error: expect.stringMatching(/table output.*-o json/),
    });
    expect(parseNamespaceList("apiVersion: v1\nitems: []\nkind: List")).toMatchObject({ error: expect.stringMatching(/YAML/) });
  });

  it("refuses empty input, empty lists, bad names and duplicates", () => {
    expect(parseNamespaceList("   ")).toMatchObject({ ok: false, error: expect.stringMatching(/Nothing to import/) });
    expect(parseNamespaceList(kubectlOutput([]))).toMatchObject({ ok: false, error: expect.stringMatching(/has no namespaces/) });
    expect(parseNamespaceList(kubectlOutput([{ name: "ok" }, { name: "Bad_Name" }]))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^items\[1\]\.metadata\.name \('Bad_Name'\): not a valid namespace name/),
    });
    expect(parseNamespaceList(kubectlOutput([{ name: "a" }, { name: "a" }]))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/appears twice/),
    });
  });
});

describe("owner pre-fill from labels", () => {
  it("matches by email local part, name or email, ignoring case and accents", () => {
    expect(contactsMatching("aisha.bello", contacts).map((c) => c.id)).toEqual(["aisha"]);
    expect(contactsMatching("Chloe_Martin", contacts).map((c) => c.id)).toEqual(["chloe"]);
    expect(contactsMatching("JONAS.BECKER@example.com", contacts).map((c) => c.id)).toEqual(["jonas"]);
    expect(contactsMatching("payments", contacts)).toEqual([]);
  });

  it("applies only a complete set of two different active people", () => {
    const full = prefillOwners({ "bulkhead.io/primary-owner": "aisha.bello", "bulkhead.io/secondary-owner": "jonas.becker" }, contacts);
    expect(full).toMatchObject({ applies: true, primary: { id: "aisha", label: "bulkhead.io/primary-owner" }, secondary: { id: "jonas" } });

    const onlyPrimary = prefillOwners({ owner: "chloe.martin", team: "checkout" }, contacts);
    expect(onlyPrimary).toMatchObject({ applies: false, primary: { id: "chloe", label: "owner" }, secondary: null });
    expect(onlyPrimary.notes[0]).toMatch(/only a suggestion/);

    const same = prefillOwners({ owner: "aisha.bello", "bulkhead.io/secondary-owner": "aisha-bello" }, contacts);
    expect(same.applies).toBe(false);
  });

  it("explains inactive, ambiguous and unknown names", () => {
    const r = prefillOwners(
      { "bulkhead.io/primary-owner": "kenji.watanabe", owner: "sam-lee", "app.kubernetes.io/owner": "nobody" },
      contacts,
    );
    expect(r.primary).toBeNull();
    expect(r.notes).toEqual([
      "bulkhead.io/primary-owner=kenji.watanabe names Kenji Watanabe, who is inactive.",
      "owner=sam-lee matches 2 contacts (Sam Lee, Sam Lee); set the owner by hand.",
      "app.kubernetes.io/owner=nobody matches no contact.",
    ]);
  });
});

describe("the plan of an import", () => {
  const existing = [
    { name: "payments", isPattern: false, labels: { team: "payments" }, hasOwnDevOpsOwners: true },
    { name: "payments-*", isPattern: true, labels: null, hasOwnDevOpsOwners: true },
    { name: "checkout", isPattern: false, labels: { team: "checkout" }, hasOwnDevOpsOwners: false },
    { name: "legacy", isPattern: false, labels: null, hasOwnDevOpsOwners: false },
  ];

  it("adds, updates labels, keeps the unchanged and reports (never deletes) the missing", () => {
    const plan = planNamespaceImport(
      existing,
      [
        { name: "payments", labels: { team: "payments" } },
        { name: "checkout", labels: { team: "checkout", tier: "web" } },
        { name: "search", labels: { owner: "chloe.martin", "bulkhead.io/secondary-owner": "jonas.becker" } },
      ],
      contacts,
    );
    expect(plan.unchanged).toEqual(["payments"]);
    expect(plan.update).toEqual([
      {
        name: "checkout",
        labelChanges: [{ key: "tier", before: null, after: "web" }],
        labels: { team: "checkout", tier: "web" },
        prefill: null,
      },
    ]);
    expect(plan.add).toHaveLength(1);
    expect(plan.add[0]).toMatchObject({ name: "search", prefill: { applies: true, primary: { id: "chloe" }, secondary: { id: "jonas" } } });
    expect(plan.notInList).toEqual(["legacy"]);
    expect(importPlanHasChanges(plan)).toBe(true);
  });

  it("pre-fills an existing namespace without owners even when its labels are unchanged, and never one with owners", () => {
    const labels = { owner: "aisha.bello", "bulkhead.io/secondary-owner": "jonas.becker" };
    const plan = planNamespaceImport(
      [
        { name: "orphan", isPattern: false, labels, hasOwnDevOpsOwners: false },
        { name: "owned", isPattern: false, labels, hasOwnDevOpsOwners: true },
      ],
      [
        { name: "orphan", labels },
        { name: "owned", labels },
      ],
      contacts,
    );
    expect(plan.update.map((u) => u.name)).toEqual(["orphan"]);
    expect(plan.unchanged).toEqual(["owned"]);
  });

  it("has no changes the second time the same list is applied", () => {
    const after = [{ name: "payments", isPattern: false, labels: { team: "payments" }, hasOwnDevOpsOwners: true }];
    const plan = planNamespaceImport(after, [{ name: "payments", labels: { team: "payments" } }], contacts);
    expect(importPlanHasChanges(plan)).toBe(false);
  });
});

describe("JSON error positions", () => {
  it("points at the first offending token, or the end of cut-off text", () => {
    expect(jsonErrorPosition('{"a": [1, 2,]}')).toBe(12);
    // A bad word or a bad escape is pointed at where its token starts.
    expect(jsonErrorPosition('{"a": tru}')).toBe(6);
    expect(jsonErrorPosition('{"a": "x\\q"}')).toBe(6);
    expect(jsonErrorPosition('{"a": 1} x')).toBe(9);
    expect(jsonErrorPosition('{"items": [')).toBe(11);
    expect(jsonErrorPosition('{"a": [1, {"b": null}], "c": -1.5e3, "d": "\\u00e9"}')).toBeNull();
    expect(jsonErrorPosition('{"a": 1 /* note */}')).toBe(8);
    expect(jsonErrorPosition("[".repeat(5_000))).toBe(5_000);
    // Deeper than the stack allows: no position, and no crash.
    expect(jsonErrorPosition("[".repeat(500_000))).toBeNull();
    const cut = parseNamespaceList(kubectlOutput([{ name: "a" }]).slice(0, 40));
    expect(cut).toMatchObject({ ok: false, error: expect.stringMatching(/ends too early/) });
  });
});
