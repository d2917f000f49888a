import { can, type Permission, type Role } from "@/lib/domain/roles";

/** The main navigation: each entry is offered only to roles that may read it (the DAL refuses the rest anyway). */
const NAVIGATION: { href: string; label: string; permission: Permission }[] = [
  { href: "/", label: "Dashboard", permission: "incidents.read" },
  { href: "/plan", label: "Plan", permission: "plan.read" },
  { href: "/incidents", label: "Incidents", permission: "incidents.read" },
  { href: "/playbooks", label: "Playbooks", permission: "playbooks.read" },
  { href: "/runs", label: "Runs", permission: "runs.read" },
  { href: "/exercises", label: "Exercises", permission: "exercises.read" },
  { href: "/sources", label: "Sources", permission: "sources.read" },
  { href: "/audit", label: "Audit", permission: "audit.read" },
  { href: "/users", label: "Users", permission: "users.manage" },
];

export function navigationFor(role: Role): { href: string; label: string }[] {
  return NAVIGATION.filter((item) => can(role, item.permission)).map(({ href, label }) => ({ href, label }));
}
