import { describe, expect, it } from "vitest";
import type { ExerciseStatus } from "@/lib/generated/prisma/enums";
import { decideStatusChange } from "@/lib/domain/exercises/status";

describe("exercise status machine", () => {
  const cases: [ExerciseStatus, ExerciseStatus, string | null, boolean][] = [
    ["PLANNED", "IN_PROGRESS", null, true],
    ["IN_PROGRESS", "COMPLETED", null, true],
    ["PLANNED", "CANCELLED", "Red team unavailable", true],
    ["IN_PROGRESS", "CANCELLED", "Real incident took everyone", true],
    ["PLANNED", "COMPLETED", null, false],
    ["IN_PROGRESS", "PLANNED", null, false],
    ["COMPLETED", "IN_PROGRESS", null, false],
    ["COMPLETED", "CANCELLED", "too late", false],
    ["CANCELLED", "PLANNED", null, false],
    ["PLANNED", "PLANNED", null, false],
    ["PLANNED", "CANCELLED", null, false],
    ["PLANNED", "CANCELLED", "   ", false],
  ];
  it.each(cases)("%s → %s (reason %j): allowed %s", (from, to, reason, allowed) => {
    expect(decideStatusChange(from, to, reason).ok).toBe(allowed);
  });

  it("keeps the trimmed cancel reason and drops it otherwise", () => {
    expect(decideStatusChange("PLANNED", "CANCELLED", "  Moved to Q3 ")).toEqual({
      ok: true,
      next: "CANCELLED",
      cancelReason: "Moved to Q3",
    });
    expect(decideStatusChange("PLANNED", "IN_PROGRESS", "ignored")).toEqual({ ok: true, next: "IN_PROGRESS", cancelReason: null });
  });

  it("asks for the reason on the reason field and says a final record is final", () => {
    expect(decideStatusChange("PLANNED", "CANCELLED", "")).toMatchObject({ ok: false, field: "cancelReason" });
    expect(decideStatusChange("COMPLETED", "IN_PROGRESS")).toMatchObject({ ok: false, message: expect.stringContaining("final") });
    expect(decideStatusChange("PLANNED", "CANCELLED", "x".repeat(2001))).toMatchObject({ ok: false, field: "cancelReason" });
  });
});
