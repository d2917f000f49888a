import { describe, expect, it } from "vitest";
import { CONTAINER_TECHNIQUES, TACTICS, techniqueById } from "@/lib/domain/attack";

describe("ATT&CK for Containers data", () => {
  it("holds the 48 container techniques and 14 tactics", () => {
    expect(CONTAINER_TECHNIQUES).toHaveLength(48);
    expect(TACTICS).toHaveLength(14);
  });

  it("names every technique's tactics from the tactic list", () => {
    const known = new Set(TACTICS.map((t) => t.shortname));
    for (const technique of CONTAINER_TECHNIQUES) {
      expect(technique.tactics.length, technique.id).toBeGreaterThan(0);
      for (const tactic of technique.tactics) expect(known.has(tactic), `${technique.id} ${tactic}`).toBe(true);
    }
  });

  it("finds container techniques by id, case-insensitively", () => {
    expect(techniqueById("T1610")?.name).toBe("Deploy Container");
    expect(techniqueById("t1611")?.name).toBe("Escape to Host");
    expect(techniqueById("T9999")).toBeUndefined();
  });
});
