import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission } from "@/lib/domain/roles";

describe("permissions", () => {
  it("lets auditors read everything and change nothing", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      // An export is a read of the whole record, taken away as a file; downloading evidence and
      // re-hashing it change nothing but add to its chain of custody (ACCESSED, VERIFIED).
      const isRead =
        permission.endsWith(".read") || permission.endsWith(".export") || ["evidence.access", "evidence.verify"].includes(permission);
      expect(can("AUDITOR", permission), permission).toBe(isRead);
    }
  });

  it("lets auditors, managers and admins export exercises, not responders", () => {
    expect(ROLES.filter((role) => can(role, "exercises.export"))).toEqual(["ADMIN", "IR_MANAGER", "AUDITOR"]);
  });

  it("lets responders and managers register evidence and record custody; auditors download and verify it", () => {
    expect(ROLES.filter((role) => can(role, "evidence.add"))).toEqual(["IR_MANAGER", "RESPONDER"]);
    expect(ROLES.filter((role) => can(role, "evidence.custody"))).toEqual(["IR_MANAGER", "RESPONDER"]);
    expect(ROLES.filter((role) => can(role, "evidence.access"))).toEqual(["IR_MANAGER", "RESPONDER", "AUDITOR"]);
    expect(ROLES.filter((role) => can(role, "evidence.verify"))).toEqual(["IR_MANAGER", "RESPONDER", "AUDITOR"]);
  });

  it("keeps user management to admins", () => {
    expect(ROLES.filter((role) => can(role, "users.manage"))).toEqual(["ADMIN"]);
  });

  it("lets managers edit the plan, playbooks and exercises, and responders act on incidents and runs", () => {
    expect(ROLES.filter((role) => can(role, "plan.edit"))).toEqual(["IR_MANAGER"]);
    expect(ROLES.filter((role) => can(role, "incidents.act"))).toEqual(["IR_MANAGER", "RESPONDER"]);
    expect(ROLES.filter((role) => can(role, "runs.act"))).toEqual(["IR_MANAGER", "RESPONDER"]);
    expect(ROLES.filter((role) => can(role, "audit.read"))).toEqual(["ADMIN", "IR_MANAGER", "AUDITOR"]);
  });
});
