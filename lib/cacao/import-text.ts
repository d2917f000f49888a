import type { CacaoCommand, CacaoStep } from "@/lib/cacao/types";
import type { WalkResult } from "@/lib/cacao/workflow-graph";

/** A Markdown fence longer than any backtick run in the text, so the text cannot end it early. */
function fence(text: string, minimum: number): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(Math.max(minimum, longest + 1));
}

export function inlineCode(text: string): string {
  const f = fence(text, 1);
  return f.length > 1 ? `${f} ${text} ${f}` : `${f}${text}${f}`;
}

function codeBlock(text: string, language: string): string {
  const f = fence(text, 3);
  return `${f}${language}\n${text.replace(/\n$/, "")}\n${f}`;
}

function decodeBase64(text: string): string {
  return Buffer.from(text, "base64").toString("utf8");
}

const LANGUAGES: Record<string, string> = {
  bash: "bash",
  ssh: "bash",
  powershell: "powershell",
  "http-api": "http",
  kestrel: "text",
  yara: "yara",
  sigma: "yaml",
};

/**
 * A CACAO command as Markdown instructions. A manual command is instructions already, so its text
 * (or decoded command_b64) is used as is; any other type is something a machine would run, shown
 * in a code block under its type so that a responder can run it by hand or hand it to the tool.
 */
export function commandMarkdown(command: CacaoCommand): string {
  const text =
    typeof command.command === "string"
      ? command.command
      : typeof command.command_b64 === "string"
        ? decodeBase64(command.command_b64)
        : null;
  if (command.type === "manual" && text !== null) return command.description ? `${command.description}\n\n${text}` : text;
  const parts = [`**${command.type}** command${command.description ? `: ${command.description}` : ""}`];
  if (text !== null) parts.push(codeBlock(text, LANGUAGES[command.type] ?? "text"));
  const content =
    typeof command.content === "string"
      ? command.content
      : typeof command.content_b64 === "string"
        ? decodeBase64(command.content_b64)
        : null;
  if (content !== null) parts.push("Content:", codeBlock(content, "json"));
  if (text === null && content === null) {
    const rest = Object.fromEntries(Object.entries(command).filter(([k]) => k !== "type" && k !== "description"));
    parts.push(codeBlock(JSON.stringify(rest, null, 2), "json"));
  }
  return parts.join("\n\n");
}

const label = (id: string, step: CacaoStep) => (step.name ? `"${step.name}"` : id);

/**
 * What the flattened list loses, said on the step where it matters: the first step of a parallel
 * branch, of a condition's branch or a switch case, of a while loop's body, and a step that runs
 * only when another fails. Only action steps carry notes; a branch that starts with another
 * control step is described by that step's notes instead.
 */
export function flowNotes(workflow: Record<string, CacaoStep>, walk: WalkResult): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const add = (target: string | undefined, note: string) => {
    if (!target || !workflow[target] || !["action", "playbook-action"].includes(workflow[target].type)) return;
    notes.set(target, [...(notes.get(target) ?? []), `> ${note}`]);
  };
  for (const id of walk.preorder) {
    const step = workflow[id]!;
    const name = label(id, step);
    if (step.type === "parallel" && Array.isArray(step.next_steps)) {
      step.next_steps.forEach((to, i, all) =>
        add(
          to,
          `**Parallel branch ${i + 1} of ${all.length}** of ${name}: in the CACAO document these branches run at the same time; Bulkhead lists them one after another, branch by branch.`,
        ),
      );
    } else if (step.type === "if-condition") {
      add(step.on_true, `**Only if** ${inlineCode(step.condition ?? "")} is true (if-condition ${name}).`);
      add(step.on_false, `**Only if** ${inlineCode(step.condition ?? "")} is false (if-condition ${name}).`);
    } else if (step.type === "while-condition") {
      add(
        step.on_true,
        `**Repeat while** ${inlineCode(step.condition ?? "")} is true (while-condition ${name}): this step starts the loop; repeat it and the steps after it that lead back to the condition.`,
      );
    } else if (step.type === "switch-condition") {
      for (const [value, to] of Object.entries(step.cases ?? {})) {
        add(
          to,
          value === "default"
            ? `**Only when no other case matches** ${inlineCode(step.switch ?? "")} (switch-condition ${name}).`
            : `**Only when** ${inlineCode(step.switch ?? "")} is ${inlineCode(value)} (switch-condition ${name}).`,
        );
      }
    } else if (step.on_failure) {
      add(step.on_failure, `**Only if step ${name} fails.**`);
    }
  }
  return notes;
}
