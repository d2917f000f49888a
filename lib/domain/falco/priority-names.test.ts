import { describe, expect, it } from "vitest";
import { parsePriority } from "@/lib/domain/falco/priority-names";

describe("parsePriority", () => {
  it.each([
    ["Critical", "CRITICAL"],
    ["critical", "CRITICAL"],
    ["EMERGENCY", "EMERGENCY"],
    ["Informational", "INFORMATIONAL"],
    ["Info", "INFORMATIONAL"],
    ["INFO", "INFORMATIONAL"],
    ["Warning", "WARNING"],
    ["debug", "DEBUG"],
    [" Notice ", "NOTICE"],
    ["severe", null],
  ])("%s → %s", (text, priority) => expect(parsePriority(text)).toBe(priority));
});
