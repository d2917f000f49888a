import os from "node:os";

// Memory settings of the embedded PostgreSQL, sized for the machine instead of PostgreSQL's
// defaults (128 MB shared_buffers, 4 MB work_mem), which at a million alerts leave ~530 MB of alert
// indexes to be read from the page cache and re-read on every ingest flush. The usual guidance
// for a dedicated server: shared_buffers about a quarter of RAM, effective_cache_size about half
// (a planner hint, nothing is allocated). Capped, because the embedded server shares the machine
// with the app (and, in tests, with other throwaway servers; shared memory is only touched as it
// is used).

const MB = 1024 * 1024;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export type PostgresMemory = { sharedBuffersMb: number; effectiveCacheSizeMb: number; workMemMb: number; maintenanceWorkMemMb: number };

export function postgresMemory(totalBytes = os.totalmem()): PostgresMemory {
  const totalMb = Math.floor(totalBytes / MB);
  return {
    sharedBuffersMb: clamp(Math.floor(totalMb / 4), 128, 2048),
    effectiveCacheSizeMb: clamp(Math.floor(totalMb / 2), 256, 16_384),
    // Per sort or hash node of a query: generous, but 200 connections × a few nodes must still fit.
    workMemMb: clamp(Math.floor(totalMb / 1024), 4, 32),
    maintenanceWorkMemMb: clamp(Math.floor(totalMb / 32), 64, 512),
  };
}

/** The settings as `postgres -c name=value` flags. */
export function postgresMemoryFlags(memory = postgresMemory()): string[] {
  return [
    ["shared_buffers", memory.sharedBuffersMb],
    ["effective_cache_size", memory.effectiveCacheSizeMb],
    ["work_mem", memory.workMemMb],
    ["maintenance_work_mem", memory.maintenanceWorkMemMb],
  ].flatMap(([name, mb]) => ["-c", `${name}=${mb}MB`]);
}
