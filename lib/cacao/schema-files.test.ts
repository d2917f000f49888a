import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VENDORED_CACAO_SCHEMAS } from "@/lib/cacao/schema-files";
import { PLAYBOOK_SCHEMA_ID } from "@/lib/cacao/validator";

const folder = path.join(import.meta.dirname, "schemas");
const BASE = "https://raw.githubusercontent.com/oasis-open/cacao-json-schemas/main/schemas/";

function jsonFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? jsonFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.name.endsWith(".json")
        ? [`${prefix}${entry.name}`]
        : [],
  );
}

describe("the vendored CACAO schema tree", () => {
  it("registers every file of the folder, all 51, and nothing else", () => {
    const files = jsonFiles(folder).sort();
    expect(files).toHaveLength(51);
    expect(Object.keys(VENDORED_CACAO_SCHEMAS).sort()).toEqual(files);
  });

  it("keeps each file's own $id, which matches its place in the tree", () => {
    for (const [file, schema] of Object.entries(VENDORED_CACAO_SCHEMAS)) {
      expect((schema as { $id?: string }).$id).toBe(`${BASE}${file}`);
    }
    expect(VENDORED_CACAO_SCHEMAS["playbook.json"]).toMatchObject({ $id: PLAYBOOK_SCHEMA_ID });
  });

  it("carries the Apache-2.0 license and a notice naming the source repository and commit", () => {
    expect(readFileSync(path.join(folder, "LICENSE"), "utf8")).toContain("Apache License");
    const notice = readFileSync(path.join(folder, "NOTICE.md"), "utf8");
    expect(notice).toContain("oasis-open/cacao-json-schemas");
    expect(notice).toContain("72853294a18b7d42af84fe1cc410ac70b1366c3b");
    expect(existsSync(path.join(folder, "playbook.json"))).toBe(true);
  });
});
