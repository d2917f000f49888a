import { describe, expect, it } from "vitest";
import { changedFields } from "@/lib/domain/record-history";

describe("changed fields of an audited change", () => {
  it("names the fields whose values differ, not bookkeeping", () => {
    expect(
      changedFields(
        { title: "Q1", status: "PLANNED", version: 1, updatedAt: "2026-01-01", outcome: null },
        { title: "Q1 tabletop", status: "PLANNED", version: 2, updatedAt: "2026-01-02", outcome: "Went well" },
      ),
    ).toEqual(["outcome", "title"]);
  });
  it("ignores key order and compares nested values", () => {
    expect(changedFields({ scope: [{ a: 1, b: 2 }] }, { scope: [{ b: 2, a: 1 }] })).toEqual([]);
    expect(changedFields({ scope: [{ a: 1 }] }, { scope: [{ a: 2 }] })).toEqual(["scope"]);
  });
  it("treats a Date and its ISO text as the same value", () => {
    const at = new Date("2026-03-01T10:00:00Z");
    expect(changedFields({ dueAt: at }, { dueAt: at.toISOString() })).toEqual([]);
  });
  it("counts a field added or removed", () => {
    expect(changedFields({ a: 1 }, { a: 1, b: 2 })).toEqual(["b"]);
  });
  it("says nothing for a creation or a missing snapshot", () => {
    expect(changedFields(null, { a: 1 })).toEqual([]);
    expect(changedFields([1], [2])).toEqual([]);
  });
});
