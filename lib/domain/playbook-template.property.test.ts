import fc from "fast-check";
import type { Nodes } from "mdast";
import { describe, expect, it } from "vitest";
import { PLACEHOLDER_VOCABULARY, renderTemplate, type TemplateContext } from "@/lib/domain/playbook-template";
import { parseMarkdown } from "@/lib/domain/template-encoding";

/**
 * Whatever an alert sends, the rendered instructions have the template's shape: the same Markdown
 * tree (no new link, image, HTML, emphasis, code block or code-block end), and in every code node
 * no more command separators, substitutions, pipes, redirections or newlines than the template's.
 */

const TEMPLATES = [
  "Inspect the pod:\n\n```sh\nkubectl -n {{namespace}} get pod {{pod}} -o yaml\n```\n\nThen tell {{primary_owner}} (or {{secondary_owner}}).",
  "Run `crictl inspect {{container_id}}` on **{{node}}** and compare `{{image}}` with {{image_digest}}.",
  "Logs:\n\n    kubectl -n {{namespace}} logs {{pod}} -c {{container_name}}\n\nDone.",
  "- cluster {{cluster}}\n- workload _{{workload}}_\n\n| pod | node |\n|---|---|\n| {{pod}} | {{node}} |\n",
  "See [the runbook for {{workload}}](https://runbooks.example/{{namespace}}/{{workload}}) and <https://grafana.example/d/{{cluster}}>.",
  "```\nkubectl get pod \"{{pod}}\" -n '{{namespace}}' --context={{cluster}}\n```",
  "{{pod}}\n\n{{namespace}}\n===\n\n{{workload}}",
  "~~~bash\necho {{incident_key}}; kubectl cordon {{node}}\n~~~\n\n> {{primary_owner}} is on call for {{cluster}}/{{namespace}}\n\nhttp{{pod}} and {{image}}",
  "1. `{{pod}}`{{namespace}}`{{workload}}`\n2. *{{container_name}}*{{image}}",
  "<details>{{pod}}</details>\n\nText with `` `{{namespace}}` `` and {{image}}[^1]\n\n[^1]: {{node}}",
];

const HOSTILE = [
  ";",
  "|",
  "&&",
  "$(",
  "`",
  "``",
  "```",
  "~~~",
  "\n",
  "\r\n",
  "\r",
  "'",
  '"',
  "\\",
  "[x](https://evil.example)",
  "![i](https://evil.example/i.png)",
  "<img src=x onerror=alert(1)>",
  "<https://evil.example>",
  "https://evil.example/x.sh",
  "www.evil.example",
  "a@evil.example",
  "*",
  "_",
  "**",
  "~~",
  "#",
  "- ",
  "1. ",
  "> ",
  "    ",
  "\t",
  "&lt;",
  "&#96;",
  "\u202e",
  "\u0000",
  "\u00a0",
  "\u2028",
  "{{pod}}",
  "]",
  ")",
  "[",
  "(",
  "<",
  ">",
  "!",
  "=",
  "-",
  "---",
  "===",
  "sha256:",
  "web-7d9f8b6c5d-x2x9q",
  "payments",
  " ",
  "a",
  "Z",
  "é",
  "漢",
  "[^1]",
  "|---|",
  "\\`",
  "<!--",
  "-->",
];

const value = fc.oneof(
  fc.array(fc.constantFrom(...HOSTILE), { maxLength: 12 }).map((parts) => parts.join("")),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom("a", "-", ".", "0", " ", "`", ";", "\n", "|", "*", "_", "[", "]", "(", ")", "<", ">", ":", "/", "@", "'"),
    maxLength: 40,
  }),
);

const context: fc.Arbitrary<TemplateContext> = fc.record(
  Object.fromEntries(PLACEHOLDER_VOCABULARY.map((name) => [name, fc.option(value, { nil: null })])) as Record<
    (typeof PLACEHOLDER_VOCABULARY)[number],
    fc.Arbitrary<string | null>
  >,
);

/** What a run of a valid context renders: the template's own shape. */
const VALID: TemplateContext = {
  cluster: "prod-eu",
  namespace: "payments",
  pod: "web-7d9f8b6c5d-x2x9q",
  container_id: "0123456789ab",
  container_name: "api",
  image: "ghcr.io/acme/web:1.2",
  image_digest: `sha256:${"ab".repeat(32)}`,
  node: "ip-10-0-1-12",
  workload: "web",
  incident_key: "INC-0042",
  primary_owner: "Priya Patel",
  secondary_owner: "Sam Okafor or Lee Chen",
};

/** Emphasis a value may stop (punctuation at its edge changes CommonMark's flanking rules), never add. */
const EMPHASIS = new Set(["emphasis", "strong", "delete"]);

type Shape = {
  type: string;
  children?: Shape[];
  url?: string;
  lang?: string | null;
  meta?: string | null;
  danger?: Record<string, number>;
};

const DANGER = [";", "|", "&", "$", "`", "\n", "(", ")", "<", ">", "\\"];
const countOf = (text: string, needle: string) => text.split(needle).length - 1;

function countEmphasis(node: Nodes): number {
  return (
    (EMPHASIS.has(node.type) ? 1 : 0) + ("children" in node ? (node.children as Nodes[]).reduce((n, c) => n + countEmphasis(c), 0) : 0)
  );
}

/** Children with emphasis unwrapped and neighbouring texts merged. */
function childShapes(children: Nodes[]): Shape[] {
  const out: Shape[] = [];
  for (const child of children) {
    for (const s of EMPHASIS.has(child.type) ? childShapes((child as { children: Nodes[] }).children) : [shape(child)]) {
      if (s.type === "text" && out.at(-1)?.type === "text") continue;
      out.push(s);
    }
  }
  return out;
}

/** The tree without its words (and its emphasis): node types, and for code what a shell would act on. */
function shape(node: Nodes): Shape {
  const out: Shape = { type: node.type };
  if (node.type === "code" || node.type === "inlineCode") out.danger = Object.fromEntries(DANGER.map((c) => [c, countOf(node.value, c)]));
  if (node.type === "code") {
    out.lang = node.lang ?? null;
    out.meta = node.meta ?? null;
  }
  // The scheme and host of a link are the template's; only its path may hold a value.
  if ((node.type === "link" || node.type === "image" || node.type === "definition") && "url" in node)
    out.url = new URL(node.url, "relative:/").origin;
  if ("children" in node) out.children = childShapes(node.children as Nodes[]);
  return out;
}

describe("renderTemplate with hostile values", () => {
  it.each(TEMPLATES.map((t, i) => [i, t] as const))(
    "template %i keeps its shape for any value",
    (_i, template) => {
      const baseline = parseMarkdown(renderTemplate(template, VALID));
      const expected = shape(baseline);
      fc.assert(
        fc.property(context, (ctx) => {
          const rendered = parseMarkdown(renderTemplate(template, ctx));
          expect(shape(rendered)).toEqual(expected);
          expect(countEmphasis(rendered)).toBeLessThanOrEqual(countEmphasis(baseline));
        }),
        { numRuns: 300 },
      );
    },
    60_000,
  );

  it("renders the valid context as the template reads", () => {
    // The baseline itself: a run with valid names fills them in unchanged in code.
    expect(renderTemplate(TEMPLATES[0]!, VALID)).toContain("kubectl -n payments get pod web-7d9f8b6c5d-x2x9q -o yaml");
  });
});
