import "server-only";
import { randomBytes } from "node:crypto";

// Ids for rows that SQL inserts in bulk (alerts, timeline entries, audit events of the ingest
// flush), in the shape of the cuids Prisma gives other rows: time, a per-process counter and tag,
// and random bytes. The random bytes come from a buffer refilled in blocks, since one call to the
// system's generator per row costs more than the rest of the id.

let sequence = 0;
const processTag = randomBytes(4).toString("hex");
const BLOCK = 4_096;
let entropy = randomBytes(BLOCK);
let offset = 0;

function randomHex(bytes: number): string {
  if (offset + bytes > BLOCK) {
    entropy = randomBytes(BLOCK);
    offset = 0;
  }
  offset += bytes;
  return entropy.toString("hex", offset - bytes, offset);
}

/** A collision-resistant row id, unique within the process by its counter and across processes by its tag and random part. */
export function newRowId(): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `c${Date.now().toString(36)}${sequence.toString(36).padStart(4, "0")}${processTag}${randomHex(5)}`;
}
