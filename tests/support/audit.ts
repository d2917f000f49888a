import { appendAuditEvent } from "@/lib/dal/audit";
import type { Actor } from "@/lib/domain/roles";
import { testDb } from "@/tests/support/db";

/** `n` audit events by `actor`, each in its own transaction as the app writes them: the chain the audit tests cut and edit. */
export async function appendTestEvents(actor: Actor, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await testDb().$transaction((tx) => appendAuditEvent(tx, { actor, action: "test.event", targetId: String(i), after: { i } }));
  }
}
