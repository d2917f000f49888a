import { describe, expect, it } from "vitest";
import { forensicManifest, packagedPath, safeExtension, sha256Sums } from "@/lib/domain/evidence/forensic-package";
import type { EvidenceDto } from "@/lib/dto/evidence";

const HASH = "0123456789abcdef".repeat(4);

describe("safeExtension", () => {
  it.each([
    ["capture.pcap", ".pcap"],
    ["rootfs.TAR.GZ", ".tar.gz"],
    ["checkpoint-web_default-api-2026.tar", ".tar"],
    ["no-extension", ".bin"],
    [null, ".bin"],
    ["../../etc/passwd", ".bin"],
    ["evil.sh\n.txt", ".txt"],
    ["a.verylongextension", ".bin"],
  ])("takes %j as %j", (name, ext) => {
    expect(safeExtension(name)).toBe(ext);
  });
});

describe("packagedPath", () => {
  it("builds the path from the key, number, kind and hash, never the uploaded name", () => {
    const path = packagedPath("INC-0042", { number: 3, kind: "FILESYSTEM_DIFF", sha256: HASH, fileName: "../../../root/.ssh/x.tar" });
    expect(path).toBe("INC-0042/evidence/E3-filesystem-diff-0123456789ab.tar");
  });
});

describe("sha256Sums", () => {
  it("writes what sha256sum -c reads, relative to the package's top directory", () => {
    expect(
      sha256Sums("INC-0042", [
        { path: "INC-0042/evidence/E1-logs-0123456789ab.txt", sha256: HASH, size: 10 },
        { path: "INC-0042/custody.json", sha256: "f".repeat(64), size: 2 },
      ]),
    ).toBe(`${HASH}  evidence/E1-logs-0123456789ab.txt\n${"f".repeat(64)}  custody.json\n`);
  });
});

describe("forensicManifest", () => {
  const item = (over: Partial<EvidenceDto>): EvidenceDto => ({
    id: "e1",
    number: 1,
    incidentKey: "INC-0042",
    kind: "LOGS",
    description: "kubectl logs --previous",
    containerId: "0123456789ab",
    podName: "payments-api-7d9f-abcde",
    nodeName: "ip-10-0-1-12",
    imageDigest: null,
    stored: true,
    storageLocation: null,
    fileName: "api.log",
    sha256: HASH,
    sizeBytes: 10,
    collectedBy: "Riley Responder",
    collectedAt: new Date("2026-12-04T10:00:00Z"),
    createdBy: "Riley Responder",
    createdAt: new Date("2026-12-04T10:00:00Z"),
    runStepId: null,
    custody: [],
    state: { status: "IN_CUSTODY", holder: "Riley Responder", lastVerification: null, everMismatched: false },
    ...over,
  });
  const path = "INC-0042/evidence/E1-logs-0123456789ab.log";
  const manifest = forensicManifest({
    incidentKey: "INC-0042",
    packagedAt: new Date("2026-12-04T12:00:00Z"),
    packagedBy: { name: "Avery Auditor", email: "auditor@bulkhead.local" },
    auditHead: { seq: "42", hash: "f".repeat(64) },
    items: [
      item({}),
      item({ id: "e2", number: 2, stored: false, fileName: null, storageLocation: "s3://ir/INC-0042/image.tar" }),
      item({ id: "e3", number: 3, kind: "MEMORY", sha256: "e".repeat(64) }),
      item({ id: "e4", number: 4 }),
    ],
    packed: [
      { number: 1, path, registered: HASH, packed: HASH },
      { number: 3, path: "INC-0042/evidence/E3-memory-eeeeeeeeeeee.log", registered: "e".repeat(64), packed: "d".repeat(64) },
    ],
    entries: [{ path, sha256: HASH, size: 10 }],
  });

  it("says where each packed item is and whether its bytes still match", () => {
    expect(manifest).toMatchObject({
      format: "bulkhead.forensic-package/v1",
      incident: "INC-0042",
      packagedAt: "2026-12-04T12:00:00.000Z",
    });
    expect(manifest.items[0]).toMatchObject({
      number: 1,
      path: "evidence/E1-logs-0123456789ab.log",
      packedSha256: HASH,
      intact: true,
      note: null,
      container: { containerId: "0123456789ab", pod: "payments-api-7d9f-abcde", node: "ip-10-0-1-12", imageDigest: null },
    });
    expect(manifest.items[2]).toMatchObject({ number: 3, intact: false, packedSha256: "d".repeat(64) });
  });

  it("says why an item has no bytes in the package", () => {
    expect(manifest.items[1]).toMatchObject({ path: null, intact: null, note: expect.stringMatching(/Kept outside Bulkhead/) });
    expect(manifest.items[3]).toMatchObject({ path: null, intact: null, note: "The stored file is missing." });
  });

  it("lists the files relative to the package's top directory", () => {
    expect(manifest.files).toEqual([{ path: "evidence/E1-logs-0123456789ab.log", sha256: HASH, size: 10 }]);
  });
});
