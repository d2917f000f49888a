import { describe, expect, it } from "vitest";
import { parseFalcoBody } from "@/lib/domain/falco/parse-body";
import { hostEvent, shellEvent } from "@/tests/support/falco-events";

describe("parseFalcoBody", () => {
  const one = JSON.stringify(shellEvent());
  const cases: [string, string, { events: number; errors: number[] } | RegExp][] = [
    ["one JSON event", one, { events: 1, errors: [] }],
    ["one pretty-printed event", JSON.stringify(shellEvent(), null, 2), { events: 1, errors: [] }],
    ["a JSON array", JSON.stringify([shellEvent(), hostEvent()]), { events: 2, errors: [] }],
    ["a JSON array with whitespace before it", `\n  ${JSON.stringify([shellEvent()])}`, { events: 1, errors: [] }],
    ["NDJSON with a trailing newline", `${one}\n${JSON.stringify(hostEvent())}\n`, { events: 2, errors: [] }],
    ["NDJSON with CRLF and blank lines", `${one}\r\n\r\n${one}\r\n`, { events: 2, errors: [] }],
    ["NDJSON with a bad line", `${one}\n{"rule": \n${one}`, { events: 2, errors: [1] }],
    ["an empty body", "", /empty/],
    ["only whitespace", " \n\t ", /empty/],
    ["an empty array", "[]", /empty JSON array/],
    ["a broken array", `[${one},`, /starts with '\[' but is not valid JSON at line 1/],
    ["not JSON", "hello falco", /not valid JSON at line 1, column 1/],
    ["a JSON string", '"an event"', /JSON but not an event/],
    ["a JSON number", "42", /JSON but not an event/],
    ["NDJSON where no line parses", "nope\nnot either", /nor newline-delimited JSON/],
  ];
  it.each(cases)("%s", (_name, body, expected) => {
    const parsed = parseFalcoBody(body);
    if (expected instanceof RegExp) {
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(expected);
      return;
    }
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.entries).toHaveLength(expected.events + expected.errors.length);
    expect(parsed.entries.filter((e) => "error" in e).map((e) => e.index)).toEqual(expected.errors);
    expect(parsed.entries.map((e) => e.index)).toEqual(parsed.entries.map((_e, i) => i));
  });

  it("names the physical line of a bad NDJSON line", () => {
    const parsed = parseFalcoBody(`${one}\n\n{oops}\n`);
    expect(parsed.ok && parsed.entries[1]).toEqual({
      index: 1,
      error: expect.stringMatching(/^line 3 is not valid JSON at line 1, column 2/),
    });
  });

  it("keeps array elements that are not objects for the per-event check", () => {
    const parsed = parseFalcoBody(`[${one}, 7]`);
    expect(parsed.ok && parsed.entries[1]).toEqual({ index: 1, value: 7 });
  });
});
