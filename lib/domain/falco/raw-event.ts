import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { JsonValue } from "@/lib/domain/falco/event-fields";

/**
 * How an alert's raw event is stored (docs/decisions/024): once, compressed. A Falco event is
 * 0.5–2 kB of JSON, under the size PostgreSQL compresses on its own, so the app compresses it:
 * raw DEFLATE with a preset dictionary of what Falco events repeat (field names, rule texts,
 * output phrasing), which roughly halves a typical event again compared with DEFLATE alone.
 *
 * The first byte names the format, so what is stored stays readable when the dictionary changes:
 * a new dictionary is a new format byte, and the old one is kept for the rows written with it.
 */
export const RAW_EVENT_FORMAT = { PLAIN: 0, DEFLATE_V1: 1 } as const;

// Most likely last: DEFLATE reaches the dictionary's end with the shortest distances.
const DICTIONARY_V1 = Buffer.from(
  [
    '"k8s_audit","k8smeta.ns.name":"","k8smeta.pod.name":"","ka.user.name":"","ka.target.resource":"","ka.target.namespace":"","ka.target.name":"","ka.verb":"","ka.uri":"/api/v1/namespaces/',
    '"container.image.digest":"sha256:","proc.exepath":"/bin/bash","proc.tty":34816,"user.loginuid":-1,"user.uid":0,"proc.sid":1,"proc.vpgid":1,"evt.arg.flags":"EXE_WRITABLE","fd.name":"/etc/shadow","evt.type":"execve","evt.source":"syscall",',
    " Sensitive file opened for reading by non-trusted program Read sensitive file untrusted Drop and execute new binary in container Contact K8S API Server From Container Outbound Connection to C2 Servers Detect crypto miners using the Stratum protocol Launch Privileged Container Run shell untrusted Redirect STDOUT/STDIN to Network Connection in Container ",
    " A shell was spawned in a container with an attached terminal (evt_type=execve user=root user_uid=0 user_loginuid=-1 process=bash proc_exepath=/bin/bash parent=runc command=bash -i terminal=34816 exe_flags=EXE_WRITABLE container_id= container_image= container_image_tag= container_name= k8s_ns= k8s_pod_name=)",
    '"tags":["container","mitre_execution","shell","T1059","maturity_stable","host","mitre_credential_access","filesystem","network","process"],',
    '{"hostname":"","output":"","output_fields":{"container.id":"","container.image.repository":"","container.image.tag":"","container.name":"","evt.time":1,"k8s.ns.name":"","k8s.pod.name":"","proc.cmdline":"","proc.name":"","proc.pname":"","user.name":"root"},"priority":"Notice","rule":"Terminal shell in container","source":"syscall","tags":[],"time":"","uuid":""}',
  ].join(""),
);

/** The event as stored: format byte, then the JSON text compressed. */
export function encodeRawEvent(event: Record<string, JsonValue>): Uint8Array<ArrayBuffer> {
  const text = Buffer.from(JSON.stringify(event), "utf8");
  const body = deflateRawSync(text, { dictionary: DICTIONARY_V1 });
  const stored = new Uint8Array(body.length + 1);
  stored[0] = RAW_EVENT_FORMAT.DEFLATE_V1;
  stored.set(body, 1);
  return stored;
}

/** `encodeRawEvent` as base64, the way a JSON document of rows carries bytes into SQL (`decode(…, 'base64')`). */
export function encodeRawEventBase64(event: Record<string, JsonValue>): string {
  const stored = encodeRawEvent(event);
  return Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength).toString("base64");
}

/** The stored event's JSON text. Throws on a format it does not know (a row from a newer version). */
export function decodeRawEvent(stored: Uint8Array): string {
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const body = bytes.subarray(1);
  switch (bytes[0]) {
    case RAW_EVENT_FORMAT.PLAIN:
      return body.toString("utf8");
    case RAW_EVENT_FORMAT.DEFLATE_V1:
      return inflateRawSync(body, { dictionary: DICTIONARY_V1 }).toString("utf8");
    default:
      throw new Error(`Unknown raw event format ${String(bytes[0])}`);
  }
}

/** The event's JSON indented for reading, four spaces a level as PostgreSQL's jsonb_pretty did before the event was stored as bytes. */
export function prettyRawEvent(text: string): string {
  return JSON.stringify(JSON.parse(text), null, 4);
}
