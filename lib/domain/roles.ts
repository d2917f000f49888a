import { Role, valuesOf } from "@/lib/dto/enums";

export type { Role };

export const ROLES: readonly Role[] = valuesOf(Role);

/**
 * Who may do what. The DAL checks these on every call; the UI only uses them to decide what to
 * offer. Auditors read everything and change nothing.
 */
export const PERMISSIONS = {
  "plan.read": ["ADMIN", "IR_MANAGER", "RESPONDER", "AUDITOR"],
  "plan.edit": ["IR_MANAGER"],
  "incidents.read": ["ADMIN", "IR_MANAGER", "RESPONDER", "AUDITOR"],
  "incidents.act": ["IR_MANAGER", "RESPONDER"],
  "sources.read": ["ADMIN", "IR_MANAGER", "RESPONDER", "AUDITOR"],
  "sources.manage": ["IR_MANAGER"],
  "playbooks.read": ["ADMIN", "IR_MANAGER", "RESPONDER", "AUDITOR"],
  "playbooks.edit": ["IR_MANAGER"],
  // Evidence: auditors read the register and custody, download and verify; only responders and
  // managers register evidence or record custody hand-overs. Admins see the register, not the bytes.
  "evidence.read": ["ADMIN", "IR_MANAGER", "RESPONDER", "AUDITOR"],
  "evidence.add": ["IR_MANAGER", "RESPONDER"],
  "evidence.custody": ["IR_MANAGER", "RESPONDER"],
  "evidence.access": ["IR_MANAGER", "RESPONDER", "AUDITOR"],
  "evidence.verify": ["IR_MANAGER", "RESPONDER", "AUDITOR"],
  "runs.read": ["ADMIN", "IR_MANAGER", "RESPONDER", "AUDITOR"],
  "runs.act": ["IR_MANAGER", "RESPONDER"],
  "exercises.read": ["ADMIN", "IR_MANAGER", "RESPONDER", "AUDITOR"],
  "exercises.edit": ["IR_MANAGER"],
  "exercises.export": ["ADMIN", "IR_MANAGER", "AUDITOR"],
  "audit.read": ["ADMIN", "IR_MANAGER", "AUDITOR"],
  "users.manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The signed-in user as the DAL sees it, re-read from the database on every request. */
export type Actor = { id: string; email: string; name: string; role: Role };
