import type { Root, Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/**
 * Encoding a value for the place in a step's Markdown where a placeholder stands. Instructions are
 * what responders copy into a shell, and the values come from alerts, which whoever controls the
 * container writes. So a value is encoded for the boundary it crosses:
 *
 * - **code** (a fenced or indented code block, an inline code span): one POSIX shell word. A value
 *   of only `[A-Za-z0-9._:/@=,+-]` goes in as it is; one that also has spaces or non-ASCII letters
 *   is single-quoted; a value with any shell metacharacter (`;|&$\`'"<>(){}[]*?!#~\`, a newline …)
 *   is refused. Refusing rather than quoting keeps the word inert even where the template's author
 *   put the placeholder inside quotes of their own (`"{{pod}}"`, `'{{pod}}'`), and a value without
 *   a backtick or a newline can never end the code span or the fence.
 * - **prose**: Markdown text. Every ASCII punctuation character is backslash-escaped (CommonMark
 *   §2.4), so no link, image, HTML, emphasis, table cell or autolink can start or end inside it;
 *   runs of whitespace become one space, so it cannot start a block.
 * - **strict** (inside a link, an image, a definition or raw HTML, or a placeholder that straddles
 *   two contexts): only URL-unreserved characters `[A-Za-z0-9._~-]`; anything else is refused.
 *
 * Parsing is micromark's (CommonMark + GFM, the parser react-markdown renders with), linear in the
 * text.
 */

export type PlaceholderContext = "code" | "prose" | "strict";

export type Encoded = { ok: true; text: string } | { ok: false; reason: string };

/** Control, format (bidi overrides, zero-width), private-use characters and lone surrogates: never shown or copied as a value. */
const UNSAFE_CHARACTER = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;
/** Characters that are one shell word as they stand, wherever the word is. */
const SHELL_INERT = /^[\w.:/@=,+-]+$/;
/** Characters the shell gives a meaning to, in any quoting (plus `'`, which ends the quoting we add). */
const SHELL_META = /[`$\\'"<>;&|(){}[\]*?!#~^]/;
const URL_UNRESERVED = /^[\w.~-]+$/;
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
/** Longer values are not names or people; cut nothing, refuse. */
export const MAX_VALUE_LENGTH = 300;

/** Whitespace runs (including line and paragraph separators) become one space, ends trimmed. */
function collapseWhitespace(value: string): string {
  return value.split(/\s+/u).filter(Boolean).join(" ");
}

/** The checks that hold in every context; null when the value may be shown. */
export function generalRefusal(value: string): string | null {
  if (value.length > MAX_VALUE_LENGTH) return `is ${value.length} characters; a context value has at most ${MAX_VALUE_LENGTH}`;
  const collapsed = collapseWhitespace(value);
  if (collapsed === "") return "is blank";
  if (UNSAFE_CHARACTER.test(collapsed)) return "has control or invisible formatting characters";
  return null;
}

/** Why a value cannot go into a command, or null when it can. */
export function shellRefusal(value: string): string | null {
  return SHELL_META.test(value) ? "has shell metacharacters" : null;
}

export function encodeShellWord(value: string): Encoded {
  const general = generalRefusal(value);
  if (general) return { ok: false, reason: general };
  const word = collapseWhitespace(value);
  const meta = shellRefusal(word);
  if (meta) return { ok: false, reason: meta };
  return { ok: true, text: SHELL_INERT.test(word) ? word : `'${word}'` };
}

/**
 * Any string as one POSIX shell word: as it stands when every character is inert, else in single
 * quotes, each `'` written as `'\''`. For values already checked to be names (the evidence
 * collection commands), where refusing is done by the name rules and quoting is the second wall.
 */
export function shellQuote(value: string): string {
  if (value !== "" && SHELL_INERT.test(value)) return value;
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * GFM finds autolink literals (`www.`, `http://`, `mailto:`, `name@domain`) in the text after
 * escapes are resolved (mdast-util-gfm-autolink-literal), so a backslash does not stop them. An
 * invisible word joiner (U+2060) before the `@`, the `:` and a `.` after `w` (or at the start,
 * beside the template's text) does: none of those patterns matches across it.
 */
const WORD_JOINER = "\u2060";

function breakAutolinks(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "@" || c === ":" || (c === "." && (i === 0 || text[i - 1] === "w" || text[i - 1] === "W"))) out += WORD_JOINER;
    out += c;
  }
  return out;
}

export function encodeMarkdownText(value: string): Encoded {
  const general = generalRefusal(value);
  if (general) return { ok: false, reason: general };
  return { ok: true, text: breakAutolinks(collapseWhitespace(value)).replace(ASCII_PUNCTUATION, "\\$&") };
}

export function encodeStrict(value: string): Encoded {
  const general = generalRefusal(value);
  if (general) return { ok: false, reason: general };
  return URL_UNRESERVED.test(value)
    ? { ok: true, text: value }
    : { ok: false, reason: "is not a plain word, so it is not put into a link or HTML" };
}

export function encodeFor(context: PlaceholderContext, value: string): Encoded {
  return context === "code" ? encodeShellWord(value) : context === "prose" ? encodeMarkdownText(value) : encodeStrict(value);
}

/** Parses Markdown the way the portal renders it (CommonMark + GFM). */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

type Span = { start: number; end: number; context: PlaceholderContext };

const STRICT_NODES = new Set(["link", "linkReference", "image", "imageReference", "definition", "html", "footnoteReference"]);

/** The code, strict and (by default) prose spans of a Markdown text, innermost last. */
function contextSpans(tree: Root): Span[] {
  const spans: Span[] = [];
  const visit = (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      if (node.type === "code" || node.type === "inlineCode") spans.push({ start, end, context: "code" });
      else if (STRICT_NODES.has(node.type)) spans.push({ start, end, context: "strict" });
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return spans;
}

/**
 * A function telling the context of a placeholder at `[start, end)` of `text`: the innermost span
 * containing both ends; a placeholder whose ends lie in different spans is strict.
 */
export function placeholderContexts(text: string): (start: number, end: number) => PlaceholderContext {
  const spans = contextSpans(parseMarkdown(text));
  const innermost = (offset: number): Span | null => {
    let found: Span | null = null;
    // Spans are pushed parent first, so the last containing one is the innermost.
    for (const span of spans) if (span.start <= offset && offset < span.end) found = span;
    return found;
  };
  return (start, end) => {
    const first = innermost(start);
    const last = innermost(end - 1);
    if (first !== last) return "strict";
    return first?.context ?? "prose";
  };
}
