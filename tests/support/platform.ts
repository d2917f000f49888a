// The platform the ownership and namespace-import tests start from: six contacts (Kenji inactive)
// and a manager; prod-eu with a full owner set is one call away.
import { createCluster } from "@/lib/dal/platform";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

export type PlatformPeople = Record<"priya" | "tomas" | "helen" | "aisha" | "jonas" | "kenji", string>;

export async function contact(name: string, active = true): Promise<string> {
  const email = `${name.toLowerCase().replace(" ", ".")}@example.com`;
  return (await testDb().contact.create({ data: { name, email, active }, select: { id: true } })).id;
}

/** Empties the platform's tables and makes the manager and the six contacts. */
export async function resetPlatform(): Promise<{ manager: Actor; c: PlatformPeople }> {
  await resetTables("AuditEvent", "Ownership", "Workload", "Namespace", "Cluster", "Contact", "User");
  const manager = await makeActor("IR_MANAGER");
  const c = {
    priya: await contact("Priya Raman"),
    tomas: await contact("Tomas Oliveira"),
    helen: await contact("Helen Okafor"),
    aisha: await contact("Aisha Bello"),
    jonas: await contact("Jonas Becker"),
    kenji: await contact("Kenji Watanabe", false),
  };
  return { manager, c };
}

/** prod-eu with Priya primary, Tomas secondary and Helen security. */
export function prodEu(manager: Actor, c: PlatformPeople) {
  return createCluster(manager, {
    name: "prod-eu",
    provider: "EKS",
    runtime: "CONTAINERD",
    environment: "PRODUCTION",
    criticality: "CRITICAL",
    description: null,
    primary: [c.priya],
    secondary: [c.tomas],
    security: [c.helen],
  });
}

/** What `kubectl get namespaces -o json` prints for these namespaces. */
export function kubectl(names: string[], labels: Record<string, Record<string, string>> = {}): string {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "List",
    metadata: { resourceVersion: "" },
    items: names.map((name) => ({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name, labels: labels[name] },
      status: { phase: "Active" },
    })),
  });
}
