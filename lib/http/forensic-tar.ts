import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import tar from "tar-stream";
import type { ForensicPackageData } from "@/lib/dal/evidence/forensic-package";
import { forensicManifest, packagedPath, sha256Sums, type PackageEntry, type PackedFile } from "@/lib/domain/evidence/forensic-package";

/**
 * Writes the forensic package as a tar stream (tar-stream, a kept tar library), one file at a
 * time and never more than a chunk in memory: the evidence files, `custody.json`,
 * `timeline.json`, `manifest.json`, and last `SHA256SUMS`. For evidence files SHA256SUMS states
 * the *registered* hash, so `sha256sum -c` fails on an item whose stored bytes were altered; the
 * manifest says which ones (the hash of what was actually packed is computed on the way).
 */
export function forensicTar(data: ForensicPackageData): Readable {
  const pack = tar.pack();
  const mtime = data.packagedAt;
  const top = data.incidentKey;
  const entries: PackageEntry[] = [];
  const packed: PackedFile[] = [];

  const addText = async (name: string, text: string) => {
    const body = Buffer.from(text, "utf8");
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name, size: body.length, mtime, mode: 0o444 }, body, (e) => (e ? reject(e) : resolve())),
    );
    entries.push({ path: name, sha256: createHash("sha256").update(body).digest("hex"), size: body.length });
  };

  const write = async () => {
    for (const file of data.files) {
      const name = packagedPath(top, file.item);
      const hash = createHash("sha256");
      // tar-stream's entries are streamx writables: written by hand, waiting for drain, not piped.
      let finished!: Promise<void>;
      const entry = await new Promise<ReturnType<typeof pack.entry>>((resolve) => {
        let done: (error?: Error | null) => void = () => undefined;
        finished = new Promise<void>((ok, fail) => (done = (e) => (e ? fail(e) : ok())));
        resolve(pack.entry({ name, size: file.size, mtime, mode: 0o444 }, (e) => done(e)));
      });
      for await (const chunk of file.stream() as AsyncIterable<Buffer>) {
        hash.update(chunk);
        if (!entry.write(chunk)) await new Promise((resolve) => entry.once("drain", resolve));
      }
      entry.end();
      await finished;
      const observed = hash.digest("hex");
      entries.push({ path: name, sha256: file.item.sha256, size: file.size });
      packed.push({ number: file.item.number, path: name, registered: file.item.sha256, packed: observed });
    }
    const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
    await addText(`${top}/custody.json`, json({ incident: top, items: data.items }));
    await addText(`${top}/timeline.json`, json({ incident: top, ...data.timeline }));
    const manifest = forensicManifest({ ...data, packed, entries });
    await addText(`${top}/manifest.json`, json(manifest));
    await addText(`${top}/SHA256SUMS`, sha256Sums(top, entries));
    pack.finalize();
  };
  write().catch((error: unknown) => pack.destroy(error instanceof Error ? error : new Error(String(error))));
  // A Node stream of the streamx one (tar-stream's), for Readable.toWeb.
  return Readable.from(pack as AsyncIterable<Buffer>);
}
