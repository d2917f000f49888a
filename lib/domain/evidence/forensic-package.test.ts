import { describe, expect, it } from "vitest";
import { packagedPath, safeExtension, sha256Sums } from "@/lib/domain/evidence/forensic-package";

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
