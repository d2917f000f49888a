import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "@/lib/env";

/**
 * Where evidence bytes live. Content-addressed: an item's key is the sha256 of its bytes, so the
 * same content uploaded twice is stored once, and no name a user gave ever reaches the file
 * system. Staging is separate from committing so that nothing is kept of an upload that was
 * refused, cut off or not registered. An S3-compatible store implements the same four operations
 * (stage to a multipart upload, commit with a conditional copy to the hash key, open with GET).
 */
export interface EvidenceStore {
  /** Receives a stream while hashing it; refuses (and keeps nothing) past `maxBytes`. */
  stage(source: Readable, maxBytes: number): Promise<StagedContent>;
  /** The stored bytes of a key, or null when there are none. */
  open(key: string): Promise<{ size: number; stream: () => Readable } | null>;
}

export type StagedContent = {
  sha256: string;
  size: number;
  /** Keeps the bytes under their hash; `stored: false` when that content was already there. */
  commit(): Promise<{ key: string; stored: boolean }>;
  /** Forgets the staged bytes (idempotent; a no-op once committed). */
  discard(): Promise<void>;
};

/** The upload went past the limit; nothing of it was kept. */
export class ContentTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`larger than ${maxBytes} bytes`);
    this.name = "ContentTooLargeError";
  }
}

const KEY = /^[0-9a-f]{64}$/;

/** Hashes and counts what flows through, and stops the stream past the limit. */
function hashingCounter(maxBytes: number) {
  const hash = createHash("sha256");
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new ContentTooLargeError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { transform, result: () => ({ size, sha256: hash.digest("hex") }) };
}

/**
 * The file system store under BULKHEAD_EVIDENCE_DIR: `staging/<random>` while receiving,
 * `sha256/<first two hex digits>/<hash>` once committed, read-only. Both are in one directory
 * tree, so a commit is a hard link (which never replaces a file already there) on one file system.
 */
export class FileEvidenceStore implements EvidenceStore {
  constructor(private readonly root: string) {}

  private contentPath(key: string): string {
    if (!KEY.test(key)) throw new Error("an evidence key is a sha256 in hex");
    return path.join(this.root, "sha256", key.slice(0, 2), key);
  }

  async stage(source: Readable, maxBytes: number): Promise<StagedContent> {
    const staging = path.join(this.root, "staging");
    await fs.mkdir(staging, { recursive: true });
    const file = path.join(staging, randomUUID());
    const counter = hashingCounter(maxBytes);
    try {
      // `flush`: fsync before close, so evidence answered "201 Created" survives a power cut.
      await pipeline(
        source,
        counter.transform,
        createWriteStream(file, { flags: "wx", mode: 0o600, flush: true, highWaterMark: 1024 * 1024 }),
      );
    } catch (error) {
      await fs.rm(file, { force: true });
      throw error;
    }
    const { sha256, size } = counter.result();
    let settled = false;
    return {
      sha256,
      size,
      commit: async () => {
        const target = this.contentPath(sha256);
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.chmod(file, 0o444);
        let stored = true;
        try {
          await fs.link(file, target);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
          stored = false;
        }
        settled = true;
        await fs.rm(file, { force: true });
        return { key: sha256, stored };
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await fs.rm(file, { force: true });
      },
    };
  }

  async open(key: string): Promise<{ size: number; stream: () => ReadStream } | null> {
    const target = this.contentPath(key);
    const stat = await fs.stat(target).catch(() => null);
    if (!stat?.isFile()) return null;
    return { size: stat.size, stream: () => createReadStream(target, { highWaterMark: 1024 * 1024 }) };
  }
}

/** The sha256 of a stream, in hex: what verification compares with the registered hash. */
export async function sha256OfStream(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    hash.update(chunk);
  }
  return { sha256: hash.digest("hex"), size };
}

let store: EvidenceStore | undefined;

export function evidenceStore(): EvidenceStore {
  store ??= new FileEvidenceStore(path.resolve(env().BULKHEAD_EVIDENCE_DIR));
  return store;
}
