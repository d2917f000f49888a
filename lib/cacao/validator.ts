import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { schemaProblems } from "@/lib/cacao/schema-errors";
import { VENDORED_CACAO_SCHEMAS } from "@/lib/cacao/schema-files";
import type { CacaoProblem } from "@/lib/cacao/types";

/** The `$id` of the root schema (schemas/playbook.json); every other file is reached from it by `$ref`. */
export const PLAYBOOK_SCHEMA_ID = "https://raw.githubusercontent.com/oasis-open/cacao-json-schemas/main/schemas/playbook.json";

export type CacaoValidator = {
  /** Schema problems of a parsed document, de-duplicated; empty when it is valid. */
  problems(document: unknown): CacaoProblem[];
  isEmail(value: string): boolean;
};

/**
 * Compiles the CACAO 2.0 playbook schema from a schema tree, each file registered under its own
 * `$id` so that the relative `$ref`s resolve locally and nothing is ever fetched.
 *
 * The files declare JSON Schema draft-07, so they are read as draft-07: `unevaluatedProperties`
 * (a 2019-09 keyword the files also use) is not a draft-07 keyword and is ignored, exactly as a
 * draft-07 validator such as Python's jsonschema Draft7Validator ignores it. `strict: false` lets
 * ajv accept those keywords without complaint. See docs/decisions/009-cacao-mapping.md.
 */
export function createCacaoValidator(schemas: Iterable<object>): CacaoValidator {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv);
  for (const schema of schemas) ajv.addSchema(schema);
  const validate = ajv.getSchema(PLAYBOOK_SCHEMA_ID) as ValidateFunction | undefined;
  if (!validate) throw new Error(`the CACAO schema tree has no ${PLAYBOOK_SCHEMA_ID}`);
  const email = ajv.compile({ type: "string", format: "email" });
  return {
    problems(document) {
      return validate(document) ? [] : schemaProblems(validate.errors ?? []);
    },
    isEmail: (value) => email(value),
  };
}

let vendored: CacaoValidator | undefined;

/** The validator over the schemas vendored in lib/cacao/schemas, compiled once per process. */
export function cacaoValidator(): CacaoValidator {
  vendored ??= createCacaoValidator(Object.values(VENDORED_CACAO_SCHEMAS));
  return vendored;
}
