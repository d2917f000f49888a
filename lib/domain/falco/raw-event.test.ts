import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/domain/falco/event-fields";
import { decodeRawEvent, encodeRawEvent, encodeRawEventBase64, prettyRawEvent, RAW_EVENT_FORMAT } from "@/lib/domain/falco/raw-event";
import { hostEvent, kubeAuditExecEvent, metricsSnapshot, minerEvent, nullFieldsEvent, shellEvent } from "@/tests/support/falco-events";

const events = { shellEvent, minerEvent, hostEvent, kubeAuditExecEvent, nullFieldsEvent, metricsSnapshot };

describe("the stored raw event", () => {
  it.each(Object.entries(events))("gives back %s exactly as JSON", (_, make) => {
    const event = make() as Record<string, JsonValue>;
    const stored = encodeRawEvent(event);
    expect(stored[0]).toBe(RAW_EVENT_FORMAT.DEFLATE_V1);
    expect(JSON.parse(decodeRawEvent(stored))).toEqual(event);
    expect(decodeRawEvent(stored)).toBe(JSON.stringify(event));
  });

  it("stores a typical event in under half its JSON, and smaller than DEFLATE without the dictionary", () => {
    for (const make of [shellEvent, minerEvent, kubeAuditExecEvent]) {
      const text = JSON.stringify(make());
      const stored = encodeRawEvent(JSON.parse(text) as Record<string, JsonValue>).length;
      expect(stored).toBeLessThan(text.length / 2);
      expect(stored).toBeLessThan(deflateRawSync(text).length * 0.8);
    }
  });

  it("gives back any JSON object, NUL characters and lone surrogates included", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: "binary" }), fc.jsonValue()), (event) => {
        const value = event as Record<string, JsonValue>;
        expect(decodeRawEvent(encodeRawEvent(value))).toBe(JSON.stringify(value));
      }),
    );
    const hostile = { output: "printf \u0000", "proc.cmdline": "\ud800 alone" };
    expect(JSON.parse(decodeRawEvent(encodeRawEvent(hostile)))).toEqual(hostile);
  });

  it("reads rows stored before compression (format 0: the JSON as it was)", () => {
    const text = '{"rule": "Terminal shell in container", "output": "A shell"}';
    const plain = new Uint8Array([RAW_EVENT_FORMAT.PLAIN, ...Buffer.from(text, "utf8")]);
    expect(decodeRawEvent(plain)).toBe(text);
    expect(() => decodeRawEvent(new Uint8Array([9, 1, 2]))).toThrow(/Unknown raw event format 9/);
  });

  it("carries the same bytes as base64, and pretty-prints as the alert page shows it", () => {
    const event = shellEvent() as Record<string, JsonValue>;
    expect(Buffer.from(encodeRawEventBase64(event), "base64")).toEqual(Buffer.from(encodeRawEvent(event)));
    expect(prettyRawEvent(JSON.stringify({ rule: "r", tags: ["a"] }))).toBe('{\n    "rule": "r",\n    "tags": [\n        "a"\n    ]\n}');
  });
});
