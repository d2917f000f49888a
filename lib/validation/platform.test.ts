import { describe, expect, it } from "vitest";
import { MAX_PATTERN_WILDCARDS, NamespaceNameOrPattern } from "@/lib/validation/platform";

describe("NamespaceNameOrPattern", () => {
  it.each([
    ["payments", true],
    ["payments-*", true],
    ["team-??-*", true],
    ["*a*b*c", true],
    ["*a*a*a*a*a*a*a*", false],
    ["a".repeat(63), true],
    ["a".repeat(64), false],
    ["Payments_", false],
  ])("%s → %s", (value, ok) => {
    expect(NamespaceNameOrPattern.safeParse(value).success).toBe(ok);
  });

  it("says how many wildcards a pattern may have", () => {
    const result = NamespaceNameOrPattern.safeParse("*".repeat(MAX_PATTERN_WILDCARDS + 1));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(`at most ${MAX_PATTERN_WILDCARDS} wildcards`);
  });
});
