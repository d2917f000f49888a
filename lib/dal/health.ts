import "server-only";
import { db } from "@/lib/db";

/** True when the database answers within the timeout. */
export async function databaseIsUp(timeoutMs = 2_000): Promise<boolean> {
  const probe = db().$queryRaw`SELECT 1`.then(() => true);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([probe, timeout]).catch(() => false);
}
