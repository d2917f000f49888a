import { describe, expect, it } from "vitest";
import { parseRfc3339 } from "@/lib/domain/falco/time";

describe("parseRfc3339", () => {
  const cases: [string, string | null][] = [
    ["2023-05-25T13:44:05.478445995Z", "1685022245478445995"],
    ["2023-05-25T13:44:05.478445Z", "1685022245478445000"],
    ["2023-05-25T13:44:05Z", "1685022245000000000"],
    ["2023-05-25t13:44:05.1z", "1685022245100000000"],
    ["2023-05-25T15:44:05.478445995+02:00", "1685022245478445995"],
    ["2023-05-25T13:44:05.4784459951234Z", "1685022245478445995"],
    ["2021-04-13T20:58:00.746609046Z+2", null],
    ["2021-04-13 20:58:00Z", null],
    ["2021-04-13T20:58:00", null],
    ["2021-02-29T00:00:00Z", null],
    ["2021-13-01T00:00:00Z", null],
    ["2021-01-01T24:00:00Z", null],
    ["2021-01-01T00:00:00+2", null],
    ["", null],
  ];
  it.each(cases)("%s", (text, nanos) => {
    expect(parseRfc3339(text)?.nanos ?? null).toBe(nanos);
  });

  it("gives the database a millisecond Date", () => {
    expect(parseRfc3339("2023-05-25T13:44:05.478445995Z")?.date.toISOString()).toBe("2023-05-25T13:44:05.478Z");
  });
});
