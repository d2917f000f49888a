-- The exercise history charts (docs/decisions/023): findings per quarter recorded, action items
-- closed in a window of quarters.
CREATE INDEX "Finding_createdAt_idx" ON "Finding"("createdAt");
CREATE INDEX "ActionItem_status_closedAt_idx" ON "ActionItem"("status", "closedAt");
