import { describe, expect, it } from "vitest";
import { neutraliseCsvCell } from "@/lib/domain/exercises/csv";

describe("CSV cell neutralisation", () => {
  const cases: [string | number | null | Date, string][] = [
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r@x", "'\r@x"],
    ["plain text", "plain text"],
    ["a=b", "a=b"],
    ["", ""],
    [null, ""],
    [-5, "-5"],
    [42, "42"],
    [new Date("2026-12-03T10:00:00Z"), "2026-12-03T10:00:00.000Z"],
  ];
  it.each(cases)("%j → %j", (input, output) => {
    expect(neutraliseCsvCell(input)).toBe(output);
  });
});
