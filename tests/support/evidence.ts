// Shared by the evidence integration tests: multipart bodies built as streams (so a 200 MB upload
// is never in the test's memory either), and deterministic content whose sha256 the test knows.
import { createHash, randomBytes } from "node:crypto";

export const BOUNDARY = "----bulkhead-test-boundary-7MA4YWxkTrZu0gW";

export type UploadSpec = {
  fields?: Record<string, string>;
  fileName?: string;
  /** Bytes of content, produced in 1 MiB pieces. */
  size: number;
  /** Error the stream after this many content bytes (a client that goes away mid-upload). */
  abortAfter?: number;
  /** A seed: the same seed and size give the same bytes. */
  seed?: number;
};

/** A 1 MiB block per seed, repeated with the piece's index written into it so no two pieces are equal. */
function piece(seed: number, index: number, length: number): Buffer {
  const block = Buffer.alloc(length);
  const base = createHash("sha256").update(`seed:${seed}`).digest();
  for (let i = 0; i < length; i += 32) base.copy(block, i, 0, Math.min(32, length - i));
  block.writeUInt32BE(index >>> 0, 0);
  return block;
}

const MiB = 1024 * 1024;

/** The sha256 and bytes count of what `multipartBody` sends as the file for this spec. */
export function expectedContent(spec: UploadSpec): { sha256: string; size: number } {
  const hash = createHash("sha256");
  for (let offset = 0, i = 0; offset < spec.size; offset += MiB, i++)
    hash.update(piece(spec.seed ?? 1, i, Math.min(MiB, spec.size - offset)));
  return { sha256: hash.digest("hex"), size: spec.size };
}

export function multipartBody(spec: UploadSpec): ReadableStream<Uint8Array> {
  const head =
    Object.entries(spec.fields ?? {})
      .map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("") +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${spec.fileName ?? "evidence.bin"}"\r\n` +
    "Content-Type: application/octet-stream\r\n\r\n";
  let offset = 0;
  let index = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(Buffer.from(head));
        return;
      }
      if (spec.abortAfter !== undefined && offset >= spec.abortAfter) {
        controller.error(new Error("client went away"));
        return;
      }
      if (offset >= spec.size) {
        controller.enqueue(Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
        controller.close();
        return;
      }
      const length = Math.min(MiB, spec.size - offset);
      controller.enqueue(piece(spec.seed ?? 1, index++, length));
      offset += length;
    },
  });
}

export function uploadRequest(url: string, spec: UploadSpec, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method: "POST",
    body: multipartBody(spec),
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    duplex: "half",
  } as RequestInit);
}

/** Random bytes as a small file body, for tests that need content nobody else uploads. */
export const uniqueSeed = () => randomBytes(4).readUInt32BE(0);
