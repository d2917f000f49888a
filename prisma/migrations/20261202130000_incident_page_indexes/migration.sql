-- The incident page and list read a bounded amount whatever the incident's or the history's size.

-- The timeline reads an incident's non-alert entries (notes, status changes, runs…) without walking
-- past its alert entries, of which old data has one per alert.
CREATE INDEX "TimelineEntry_incidentId_kind_at_idx" ON "TimelineEntry"("incidentId", "kind", "at");

-- The timeline's alert summary (how many alerts of which rule, first and last time) is an
-- index-only scan instead of a read of every alert row of the incident.
CREATE INDEX "Alert_incidentId_rule_eventTime_idx" ON "Alert"("incidentId", "rule", "eventTime");

-- Title search (`ILIKE '%…%'`) through trigrams instead of a sequential scan of every incident.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Incident_title_idx" ON "Incident" USING GIN ("title" gin_trgm_ops);
