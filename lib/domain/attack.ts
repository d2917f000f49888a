import techniques from "@/lib/data/attack/containers-techniques.json";
import tactics from "@/lib/data/attack/tactics.json";

export type AttackTechnique = { id: string; name: string; tactics: string[]; description: string; url: string };
export type AttackTactic = { id: string; shortname: string; name: string; url: string };

/** ATT&CK for Containers techniques (see lib/data/attack/README.md). */
export const CONTAINER_TECHNIQUES: readonly AttackTechnique[] = techniques;
/** The Enterprise tactics in matrix order. */
export const TACTICS: readonly AttackTactic[] = tactics;

const byId = new Map(CONTAINER_TECHNIQUES.map((t) => [t.id, t]));

export function techniqueById(id: string): AttackTechnique | undefined {
  return byId.get(id.toUpperCase());
}
