-- Live events carry the changed record for browsers, so each instance reads it once with the event.
ALTER TABLE "LiveEvent" ADD COLUMN "data" JSONB;

-- Per-source activity ("alerts in the last 24 h") reads a range instead of every alert of a source.
DROP INDEX "Alert_sourceId_idx";
CREATE INDEX "Alert_sourceId_receivedAt_idx" ON "Alert"("sourceId", "receivedAt");
