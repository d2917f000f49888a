import { describe, expect, it } from "vitest";
import { DateTimeInput } from "@/lib/validation/date-time";

describe("DateTimeInput", () => {
  it.each([
    ["2026-12-01T10:00", "2026-12-01T10:00:00.000Z"],
    ["2026-12-01T10:00:30.5Z", "2026-12-01T10:00:30.500Z"],
    ["2026-12-01T10:00+01:00", "2026-12-01T09:00:00.000Z"],
  ])("reads %s as %s", (raw, iso) => {
    expect(DateTimeInput().parse(raw).toISOString()).toBe(iso);
  });

  it("takes a bare date only where asked to, as midnight UTC", () => {
    expect(DateTimeInput().safeParse("2026-12-01").success).toBe(false);
    expect(DateTimeInput({ dateOnly: true }).parse("2026-12-01").toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("refuses what is not a time", () => {
    expect(DateTimeInput().safeParse("next tuesday").success).toBe(false);
    expect(DateTimeInput().safeParse("2026-13-45T99:99").success).toBe(false);
  });
});
