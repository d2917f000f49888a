import { z } from "zod";
import { MAX_CACAO_CHARS } from "@/lib/cacao/read-document";
import { INCIDENT_TYPE_LABELS } from "@/lib/dto/labels";
import { INCIDENT_TYPES } from "@/lib/domain/playbook-labels";
import { Id } from "@/lib/validation/record-ref";
import { IncidentType } from "@/lib/generated/prisma/enums";

// The zod inputs of the CACAO import action and export route (kept with the CACAO code rather than
// in lib/validation/playbooks.ts, which belongs to the playbook library).

/** The import form: the pasted or uploaded document, and the incident type to use if it names none. */
export const CacaoImportInput = z.object({
  document: z
    .string({ error: "Paste or upload a CACAO 2.0 playbook." })
    .trim()
    .min(1, "Paste or upload a CACAO 2.0 playbook.")
    .max(
      MAX_CACAO_CHARS,
      `That is more than ${MAX_CACAO_CHARS.toLocaleString("en")} characters; Bulkhead imports playbooks up to that size.`,
    ),
  incidentType: z.enum(IncidentType, { error: "Choose an incident type." }).default("OTHER"),
});

/** `GET /api/playbooks/<id>/cacao[?version=N]` */
/** The playbook id in `/api/playbooks/<id>/cacao`. */
export const CacaoExportParams = z.object({ id: Id });

/** `?version=N`; absent or empty means the latest published version. */
export const CacaoExportQuery = z.object({
  version: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: "version must be a version number such as ?version=2" })
      .int("version must be a whole number such as ?version=2")
      .min(1, "version must be 1 or more")
      .optional(),
  ),
});

/** The incident types the import form offers, in the library's order and words; OTHER (the default) is last. */
export const INCIDENT_TYPE_CHOICES: readonly { value: IncidentType; label: string }[] = INCIDENT_TYPES.map((value) => ({
  value,
  label: INCIDENT_TYPE_LABELS[value],
}));
