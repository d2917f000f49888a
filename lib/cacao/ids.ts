import { createHash } from "node:crypto";

/**
 * Bulkhead's UUID namespace for CACAO identifiers (generated once; never change it, or every
 * exported playbook gets a new id and consumers see a different playbook).
 */
export const BULKHEAD_CACAO_NAMESPACE = "2ddad125-4b5a-4342-b813-abfe92ac7272";

/** RFC 4122 section 4.3 name-based UUID, version 5 (SHA-1). */
export function uuidV5(name: string, namespace: string = BULKHEAD_CACAO_NAMESPACE): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A CACAO identifier `<object-type>--<UUID>` (CACAO 2.0 section 10.10), the same for the same name. */
export function cacaoId(objectType: string, name: string): string {
  return `${objectType}--${uuidV5(`${objectType}:${name}`)}`;
}

/** All versions of one playbook share its CACAO id; `modified` tells the versions apart (section 3.1). */
export function playbookCacaoId(playbookId: string): string {
  return cacaoId("playbook", playbookId);
}
