/** An audit event as the Audit page shows it. */
export type AuditEventDto = {
  seq: string;
  at: Date;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  outcome: "SUCCESS" | "DENIED" | "FAILURE";
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  hash: string;
};
