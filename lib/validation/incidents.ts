import { z } from "zod";
import { Version } from "@/lib/validation/record-ref";
import { SEVERITIES } from "@/lib/domain/escalation";
import { INCIDENT_LIFECYCLE } from "@/lib/domain/incident-status";

/** A query value given once, repeated (`status=OPEN&status=TRIAGED`) or comma-separated; empty means "any". */
function manyOf<T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.preprocess(
    (raw) => {
      if (raw === undefined || raw === null) return undefined;
      const list = [raw]
        .flat()
        .flatMap((v) => String(v).split(","))
        .map((v) => v.trim().toUpperCase())
        .filter(Boolean);
      return list.length ? [...new Set(list)] : undefined;
    },
    z.array(z.enum(values, { error: `${label} must be one of ${values.join(", ")}` })).optional(),
  );
}

const Text = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date (`2026-11-28`, taken as a UTC day) or an ISO date-time; `endOfDay` moves a bare date to the next midnight. */
function Instant(endOfDay: boolean) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .refine((v) => !Number.isNaN(Date.parse(v)), "Use a date like 2026-11-28 or an ISO time")
      .transform((v) => {
        const date = new Date(v);
        if (endOfDay && DATE_ONLY.test(v)) date.setUTCDate(date.getUTCDate() + 1);
        return date;
      })
      .optional(),
  );
}

/**
 * The incident list's filters, shared by the page (GET form) and `GET /api/incidents`. `to` is
 * exclusive; a bare date means "through the end of that UTC day". `cursor` is the opaque keyset
 * position the previous page handed out.
 */
export const IncidentListFilter = z
  .object({
    status: manyOf(INCIDENT_LIFECYCLE, "status"),
    severity: manyOf(SEVERITIES, "severity"),
    cluster: Text(120),
    namespace: Text(120),
    /** A contact id or email: incidents where that contact is an owner. */
    owner: Text(200),
    q: Text(200),
    from: Instant(false),
    to: Instant(true),
    cursor: Text(200),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { message: "`from` must be before `to`", path: ["to"] });

export type IncidentListFilterInput = z.output<typeof IncidentListFilter>;

/** `INC-0042`, `inc-42` or `42`. */
export const IncidentKeyInput = z
  .string()
  .trim()
  .regex(/^(INC-)?\d{1,9}$/i, "Not an incident key")
  .transform((v) => Number(v.replace(/^INC-/i, "")));

const IncidentRef = z.object({
  key: z.string().trim().min(1).max(20),
  version: Version,
});

const Note = z.string().trim().max(4000, "Keep a note under 4,000 characters");

export const TransitionIncidentInput = IncidentRef.extend({
  to: z.enum(INCIDENT_LIFECYCLE, { error: "Choose the next status" }),
  note: z.preprocess((v) => (v === "" || v === null ? undefined : v), Note.optional()),
});

export const AssignCommanderInput = IncidentRef.extend({
  /** Empty clears the commander. */
  commanderId: z.preprocess((v) => (v === "" || v === null ? null : v), z.string().max(64).nullable()),
});

export const AddIncidentNoteInput = z.object({
  key: z.string().trim().min(1).max(20),
  note: Note.min(1, "Write the note first"),
});
