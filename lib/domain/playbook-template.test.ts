import { describe, expect, it } from "vitest";
import { PLACEHOLDER_VOCABULARY, placeholdersIn, renderTemplate, unknownPlaceholders } from "@/lib/domain/playbook-template";

describe("placeholdersIn / unknownPlaceholders", () => {
  it.each([
    ["no placeholders", "kubectl get pods", [], []],
    ["known names, first use order, once each", "{{namespace}}/{{pod}} in {{namespace}}", ["namespace", "pod"], []],
    ["whitespace inside the braces", "{{ image_digest }}", ["image_digest"], []],
    ["an unknown name", "{{namespace}} {{nonsense}}", ["namespace", "nonsense"], ["nonsense"]],
    ["an empty placeholder", "echo {{ }}", [""], [""]],
    ["a Kubernetes Go template is not one of ours", "-o go-template='{{.metadata.name}}'", [], []],
    ["nor are Go template keywords and builtins", `-o go-template='{{range .items}}{{printf "%s" .metadata.name}}{{"\\n"}}{{end}}'`, [], []],
    ["a Go template beside ours", "kubectl -n {{namespace}} get pods -o go-template='{{ $.kind }}'", ["namespace"], []],
    ["a name that only starts like a keyword is a placeholder", "{{endpoint}} {{ pod name }}", ["endpoint", "pod name"], ["endpoint", "pod name"]],
  ])("%s", (_name, text, used, unknown) => {
    expect(placeholdersIn(text)).toEqual(used);
    expect(unknownPlaceholders(text)).toEqual(unknown);
  });

  it("knows every name of the container context", () => {
    expect(unknownPlaceholders(PLACEHOLDER_VOCABULARY.map((n) => `{{${n}}}`).join(" "))).toEqual([]);
  });
});

describe("renderTemplate", () => {
  const context = { namespace: "payments", pod: "ledger-5f7c9d8b6-x2x9q", image_digest: "sha256:4f3c", node: null };

  it.each([
    ["fills known values", "kubectl -n {{namespace}} get pod {{pod}} -o yaml", "kubectl -n payments get pod ledger-5f7c9d8b6-x2x9q -o yaml"],
    ["tolerates whitespace in the braces", "crictl inspecti {{ image_digest }}", "crictl inspecti sha256:4f3c"],
    ["marks a value the incident lacks instead of leaving a gap", "kubectl cordon {{node}}", "kubectl cordon ‹node unknown›"],
    ["marks a name absent from the context", "{{container_id}}", "‹container_id unknown›"],
    ["leaves unknown names as written", "{{.metadata.name}} {{nonsense}}", "{{.metadata.name}} {{nonsense}}"],
  ])("%s", (_name, text, expected) => {
    expect(renderTemplate(text, context)).toBe(expected);
  });
});
