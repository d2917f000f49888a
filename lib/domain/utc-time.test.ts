import { describe, expect, it } from "vitest";
import { utcText } from "./utc-time";

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
