import type { EvidenceKind } from "@/lib/dto/enums";

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
