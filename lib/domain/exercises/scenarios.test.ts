import { describe, expect, it } from "vitest";
import { techniqueById } from "@/lib/domain/attack";
import { SCENARIO_LIBRARY, scenarioByKey } from "@/lib/domain/exercises/scenarios";

describe("scenario library", () => {
  it("has the five container scenarios of issue 12, with unique keys and titles", () => {
    expect(SCENARIO_LIBRARY.map((s) => s.title)).toEqual([
      "Cryptominer in a production namespace",
      "Compromised image pulled by digest",
      "Container escape through a privileged pod",
      "Leaked service-account token",
      "Ransomware on a persistent volume",
    ]);
    expect(new Set(SCENARIO_LIBRARY.map((s) => s.key)).size).toBe(5);
    expect(scenarioByKey("leaked-service-account-token")?.incidentType).toBe("CREDENTIAL_ACCESS");
  });

  it("names only ATT&CK for Containers techniques", () => {
    for (const s of SCENARIO_LIBRARY) for (const id of s.attackTechniques) expect(techniqueById(id), `${s.key}: ${id}`).toBeDefined();
  });
});
