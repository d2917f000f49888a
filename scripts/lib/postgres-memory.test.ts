import { describe, expect, it } from "vitest";
import { postgresMemory, postgresMemoryFlags } from "./postgres-memory";

const GB = 1024 ** 3;

describe("postgresMemory", () => {
  it("gives a quarter of RAM to shared_buffers and half as the cache hint, within bounds", () => {
    expect(postgresMemory(4 * GB)).toEqual({ sharedBuffersMb: 1024, effectiveCacheSizeMb: 2048, workMemMb: 4, maintenanceWorkMemMb: 128 });
    expect(postgresMemory(24 * GB)).toEqual({
      sharedBuffersMb: 2048,
      effectiveCacheSizeMb: 12_288,
      workMemMb: 24,
      maintenanceWorkMemMb: 512,
    });
    // Never below PostgreSQL's own defaults on a tiny machine, never all of a big one.
    expect(postgresMemory(0.25 * GB)).toMatchObject({ sharedBuffersMb: 128, workMemMb: 4 });
    expect(postgresMemory(512 * GB)).toEqual({
      sharedBuffersMb: 2048,
      effectiveCacheSizeMb: 16_384,
      workMemMb: 32,
      maintenanceWorkMemMb: 512,
    });
  });

  it("writes them as postgres -c flags", () => {
    expect(postgresMemoryFlags(postgresMemory(4 * GB))).toEqual([
      "-c",
      "shared_buffers=1024MB",
      "-c",
      "effective_cache_size=2048MB",
      "-c",
      "work_mem=4MB",
      "-c",
      "maintenance_work_mem=128MB",
    ]);
  });
});
