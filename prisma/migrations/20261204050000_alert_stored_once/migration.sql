-- An alert's event is stored once (docs/decisions/024).
-- The merged field map repeated the raw event's fields; the normalised columns are read from the
-- raw event at ingest, and the raw event is what the alert page shows.
ALTER TABLE "Alert" DROP COLUMN "outputFields";

-- No query reads alerts by rule or by container id across incidents: the timeline's per-rule
-- counts use (incidentId, rule, eventTime), the dossier (incidentId, eventTime).
DROP INDEX "Alert_containerId_idx";
DROP INDEX "Alert_rule_idx";

-- A row past PostgreSQL's fixed 2 kB threshold (a large event) is compressed until it is under
-- 256 bytes of inline values rather than just under 2 kB. (Rows under the threshold, most Falco
-- events, are not compressed at all: the setting does not lower the threshold itself.)
ALTER TABLE "Alert" SET (toast_tuple_target = 256);

-- lz4 where the server has it (most packaged PostgreSQL builds); otherwise the built-in pglz.
DO $$
BEGIN
  ALTER TABLE "Alert" ALTER COLUMN "raw" SET COMPRESSION lz4, ALTER COLUMN "output" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not built into this PostgreSQL server; alerts are compressed with pglz';
END
$$;
