import type { EvidenceKind } from "@/lib/dto/enums";
import type { EvidenceDto } from "@/lib/dto/evidence";

/**
 * The forensic package of an incident: a tar of its evidence files, `custody.json`,
 * `timeline.json`, `manifest.json` and `SHA256SUMS` (the format `sha256sum -c` reads: the hash,
 * two spaces, the path). Paths in the archive are built from the incident key, the item's number,
 * its kind and its hash — never from a name a user gave (that is metadata in the manifest), so
 * unpacking the package cannot write outside its directory whatever was uploaded.
 */
export const FORENSIC_PACKAGE_FORMAT = "bulkhead.forensic-package/v1";

export type PackagedItem = { number: number; kind: EvidenceKind; sha256: string; fileName: string | null };

/** A short, safe extension taken from the uploaded name (`.pcap`, `.tar.gz`), or `.bin`. */
export function safeExtension(fileName: string | null): string {
  const match = /(?:\.[a-z0-9]{1,8}){1,2}$/i.exec(fileName ?? "");
  return match ? match[0].toLowerCase() : ".bin";
}

/** Where an item's bytes are in the package: `evidence/E3-checkpoint-<first 12 hex of sha256>.tar`. */
export function packagedPath(incidentKey: string, item: PackagedItem): string {
  const kind = item.kind.toLowerCase().replace(/_/g, "-");
  return `${incidentKey}/evidence/E${item.number}-${kind}-${item.sha256.slice(0, 12)}${safeExtension(item.fileName)}`;
}

export type PackageEntry = { path: string; sha256: string; size: number };

/** `SHA256SUMS` for the entries, paths relative to the directory the file is in (the package's top directory). */
export function sha256Sums(incidentKey: string, entries: readonly PackageEntry[]): string {
  const prefix = `${incidentKey}/`;
  return entries.map((e) => `${e.sha256}  ${e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path}\n`).join("");
}

/** An evidence file as it went into the package: the hash registered, and the hash of the bytes actually packed. */
export type PackedFile = { number: number; path: string; registered: string; packed: string };

export type ManifestInput = {
  incidentKey: string;
  packagedAt: Date;
  packagedBy: { name: string; email: string };
  auditHead: { seq: string; hash: string } | null;
  items: readonly EvidenceDto[];
  packed: readonly PackedFile[];
  /** Every file in the package before the manifest, as SHA256SUMS lists them. */
  entries: readonly PackageEntry[];
};

/**
 * `manifest.json`: every registered item with where it is in the package and whether the bytes
 * packed still hash to what was registered (`intact`); items without bytes say why (kept
 * elsewhere, or missing from the store). Paths are relative to the package's top directory.
 */
export function forensicManifest(input: ManifestInput) {
  const top = `${input.incidentKey}/`;
  const relative = (p: string) => (p.startsWith(top) ? p.slice(top.length) : p);
  const packedOf = new Map(input.packed.map((p) => [p.number, p]));
  return {
    format: FORENSIC_PACKAGE_FORMAT,
    incident: input.incidentKey,
    packagedAt: input.packagedAt.toISOString(),
    packagedBy: input.packagedBy,
    auditHead: input.auditHead,
    items: input.items.map((i) => {
      const p = packedOf.get(i.number);
      return {
        number: i.number,
        kind: i.kind,
        description: i.description,
        sha256: i.sha256,
        sizeBytes: i.sizeBytes,
        fileName: i.fileName,
        storageLocation: i.storageLocation,
        collectedBy: i.collectedBy,
        collectedAt: i.collectedAt,
        container: { containerId: i.containerId, pod: i.podName, node: i.nodeName, imageDigest: i.imageDigest },
        path: p ? relative(p.path) : null,
        packedSha256: p?.packed ?? null,
        intact: p ? p.packed === p.registered : null,
        note: p ? null : i.stored ? "The stored file is missing." : "Kept outside Bulkhead: see storageLocation.",
      };
    }),
    files: input.entries.map((e) => ({ ...e, path: relative(e.path) })),
  };
}
