// Indexes that the migrations create but Prisma's schema language cannot declare (partial
// indexes). The drift test (schema-drift.integration.test.ts) checks that each exists exactly as
// written here — `pg_get_indexdef` of the migrated database — and accepts no other index the
// schema does not describe.
export const SQL_ONLY_INDEXES: Record<string, string> = {
  /** One ACTIVE run per incident and playbook (lib/dal/run-start.ts turns a violation into a ConflictError). */
  PlaybookRun_one_active_per_incident_playbook: `CREATE UNIQUE INDEX "PlaybookRun_one_active_per_incident_playbook" ON public."PlaybookRun" USING btree ("incidentId", "playbookId") WHERE (status = 'ACTIVE'::"RunStatus")`,
  /** The open incidents of a correlation key, read by every ingest flush (lib/dal/ingest/correlation-statements.ts). */
  Incident_open_correlationKey_lastAlertAt: `CREATE INDEX "Incident_open_correlationKey_lastAlertAt" ON public."Incident" USING btree ("correlationKey", "lastAlertAt") WHERE (status <> 'CLOSED'::"IncidentStatus")`,
};
