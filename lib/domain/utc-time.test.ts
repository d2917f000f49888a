import { describe, expect, it } from "vitest";
import { utcDayRange, utcText } from "./utc-time";

describe("utcText", () => {
  const at = new Date("2025-03-04T14:02:09.123Z");
  it.each([
    ["clock", "14:02 UTC"],
    ["minute", "2025-03-04 14:02 UTC"],
    ["second", "2025-03-04 14:02:09 UTC"],
  ] as const)("%s", (precision, text) => {
    expect(utcText(at, precision)).toBe(text);
  });

  it("is the same whatever the process's zone says", () => {
    // An instant given with an offset is still written in UTC.
    expect(utcText(new Date("2025-03-04T23:30:00+09:00"))).toBe("2025-03-04 14:30 UTC");
  });
});

describe("utcDayRange", () => {
  it("includes both days, whole", () => {
    expect(utcDayRange("2026-01-01", "2026-01-31")).toEqual({
      gte: new Date("2026-01-01T00:00:00Z"),
      lt: new Date("2026-02-01T00:00:00Z"),
    });
  });
  it("leaves an open end open", () => {
    expect(utcDayRange(undefined, "2026-03-01")).toEqual({ gte: undefined, lt: new Date("2026-03-02T00:00:00Z") });
    expect(utcDayRange()).toEqual({ gte: undefined, lt: undefined });
  });
});
