-- An alert's event is stored once, compressed (docs/decisions/024).
-- The merged field map repeated the raw event's fields; the normalised columns are read from the
-- raw event at ingest, and the raw event is what the alert page shows.
ALTER TABLE "Alert" DROP COLUMN "outputFields";

-- No query reads alerts by rule or by container id across incidents: the timeline's per-rule
-- counts use (incidentId, rule, eventTime), the dossier (incidentId, eventTime).
DROP INDEX "Alert_containerId_idx";
DROP INDEX "Alert_rule_idx";

-- The raw event is compressed by the app (lib/domain/falco/raw-event.ts): a Falco event is
-- 0.5–2 kB, and PostgreSQL compresses nothing in a row under its fixed 2 kB threshold. Rows
-- written before keep their JSON as it was, behind the "plain" format byte 0.
ALTER TABLE "Alert" ALTER COLUMN "raw" TYPE bytea USING '\x00'::bytea || convert_to("raw"::text, 'UTF8');

-- A row still past the threshold (a long output line) is compressed until 256 bytes of inline values
-- are left, not just under 2 kB; with lz4 where the server has it, otherwise the built-in pglz.
ALTER TABLE "Alert" SET (toast_tuple_target = 256);
DO $$
BEGIN
  ALTER TABLE "Alert" ALTER COLUMN "output" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not built into this PostgreSQL server; long outputs are compressed with pglz';
END
$$;
