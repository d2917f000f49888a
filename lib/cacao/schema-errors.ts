import type { ErrorObject } from "ajv";
import type { CacaoProblem } from "@/lib/cacao/types";

/**
 * Turns ajv's errors into what a person can fix, one line per place. With `allErrors`, every
 * failing branch of an anyOf/oneOf reports, then the anyOf itself ("must match a schema in anyOf"),
 * and an if/then adds 'must match "then" schema' on top of the then-branch's own errors. Those
 * summaries say nothing the branch errors do not, so they go whenever a more precise error exists
 * at or below the same place; the rest are phrased in CACAO's words and merged per place.
 */
export function schemaProblems(errors: readonly ErrorObject[]): CacaoProblem[] {
  const summary = (e: ErrorObject) => e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "if" || e.keyword === "allOf";
  const precise = errors.filter((e) => !summary(e));
  const kept = errors.filter(
    (e) => !summary(e) || !precise.some((p) => p.instancePath === e.instancePath || p.instancePath.startsWith(`${e.instancePath}/`)),
  );
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of kept) byPath.set(pathOf(error), [...(byPath.get(pathOf(error)) ?? []), error]);
  return [...byPath.entries()].map(([path, group]) => ({ path, message: [...new Set(messagesOf(group))].join("; ") }));
}

/**
 * One place's errors, the alternatives of an anyOf/oneOf folded together: a wrong JSON type makes
 * the value-level alternatives moot (CACAO's open vocabularies are anyOf [any string, the listed
 * values]), and several "<type>--<UUID>" patterns become one list of the identifier types allowed.
 */
function messagesOf(group: ErrorObject[]): string[] {
  const wrongType = group.some((e) => e.keyword === "type");
  const relevant = wrongType ? group.filter((e) => e.keyword !== "enum" && e.keyword !== "const" && e.keyword !== "pattern") : group;
  const identifierTypes = relevant.flatMap((e) =>
    e.keyword === "pattern" ? (/^\^?([a-z][a-z0-9-]*)--\[0-9a-fA-F\]\{8\}/.exec(String(e.params.pattern))?.slice(1, 2) ?? []) : [],
  );
  if (identifierTypes.length < 2) return relevant.map(messageOf);
  const others = relevant.filter((e) => e.keyword !== "pattern" || !/--\[0-9a-fA-F\]\{8\}/.test(String(e.params.pattern)));
  const value = relevant.find((e) => e.keyword === "pattern")!.data;
  return [
    `must be an identifier "<type>--<UUID>" whose type is one of ${identifierTypes.join(", ")} (got ${quoted(value)})`,
    ...others.map(messageOf),
  ];
}

/** A missing property is reported where it should be, not on its parent. */
function pathOf(error: ErrorObject): string {
  if (error.keyword === "required") return `${error.instancePath}/${escapePointer(String(error.params.missingProperty))}`;
  return error.instancePath;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function messageOf(error: ErrorObject): string {
  const schema = error.schemaPath;
  switch (error.keyword) {
    case "required":
      return "is required";
    case "pattern":
      if (/identifier\.json/.test(schema) || /identifier/.test(String(error.parentSchema?.title ?? ""))) {
        return `must be a CACAO identifier "<object-type>--<UUID>" (got ${quoted(error.data)})`;
      }
      if (/timestamp\.json/.test(schema))
        return `must be an RFC 3339 UTC timestamp such as 2024-01-31T09:30:00.000Z (got ${quoted(error.data)})`;
      return `must match ${String(error.params.pattern)} (got ${quoted(error.data)})`;
    case "enum":
      return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")} (got ${quoted(error.data)})`;
    case "const":
      return `must be ${JSON.stringify(error.params.allowedValue)} (got ${quoted(error.data)})`;
    case "type":
      return `must be ${article(String(error.params.type))}`;
    case "not": {
      const present = forbiddenProperties(error.schema).filter((name) => Object.hasOwn((error.data ?? {}) as object, name));
      return present.length
        ? `a "${typeOfStep(error)}" step must not have ${present.join(" or ")} (CACAO 2.0 section 4)`
        : `has a combination of properties the CACAO schema forbids here`;
    }
    case "minItems":
      return `must have at least ${String(error.params.limit)} item${error.params.limit === 1 ? "" : "s"}`;
    case "minProperties":
      return `must have at least ${String(error.params.limit)} entr${error.params.limit === 1 ? "y" : "ies"}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

/** The property names a `not: {required}` or `not: {anyOf: [{required}…]}` schema forbids. */
function forbiddenProperties(schema: unknown): string[] {
  const node = (schema ?? {}) as { required?: unknown; anyOf?: unknown };
  const own = Array.isArray(node.required) ? node.required.map(String) : [];
  const nested = Array.isArray(node.anyOf) ? node.anyOf.flatMap(forbiddenProperties) : [];
  return [...own, ...nested];
}

function typeOfStep(error: ErrorObject): string {
  const data = error.data as { type?: unknown } | null;
  return typeof data?.type === "string" ? data.type : "workflow";
}

function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
