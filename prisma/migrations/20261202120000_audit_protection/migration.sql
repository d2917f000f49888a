-- The audit record the database itself protects (docs/decisions/012-audit-protection.md).

-- Signed checkpoints of the chain's head. The private key that signs them is not in the database.
CREATE TABLE "AuditCheckpoint" (
    "id" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "keyId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AuditCheckpoint_seq_key" ON "AuditCheckpoint"("seq");

-- Append-only, for every role, the tables' owner included. The only way past it is a session with
-- session_replication_role = replica (superusers only), which the test harness uses to empty tables
-- between tests (tests/support/db.ts); or the owner dropping the trigger, which is DDL anyone
-- reviewing the database sees. The app's role also lacks the privileges (scripts/lib/db-roles.ts).
CREATE FUNCTION "bulkhead_audit_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on "%" refused: the audit record is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'See docs/decisions/012-audit-protection.md.';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "bulkhead_audit_append_only"();
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "bulkhead_audit_append_only"();

CREATE TRIGGER "AuditCheckpoint_append_only"
  BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION "bulkhead_audit_append_only"();
CREATE TRIGGER "AuditCheckpoint_no_truncate"
  BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "bulkhead_audit_append_only"();
