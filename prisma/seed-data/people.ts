import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import type { Clock } from "./clock";
import { seedPlanRoles } from "./plan-roles";

export const DEMO_PASSWORD = "bulkhead-demo";

export type UserKey = "admin" | "manager" | "responder" | "auditor";

/** The demo sign-ins promised by DESIGN.md. */
export const DEMO_USERS: readonly { key: UserKey; email: string; name: string; role: Role }[] = [
  { key: "admin", email: "admin@bulkhead.local", name: "Tomás Oliveira", role: "ADMIN" },
  { key: "manager", email: "manager@bulkhead.local", name: "Dana Whitfield", role: "IR_MANAGER" },
  { key: "responder", email: "responder@bulkhead.local", name: "Marco Reyes", role: "RESPONDER" },
  { key: "auditor", email: "auditor@bulkhead.local", name: "Nadia Kowalski", role: "AUDITOR" },
];

export type ContactKey =
  "dana" | "marco" | "helen" | "priya" | "tomas" | "aisha" | "jonas" | "chloe" | "ravi" | "sofia" | "kenji" | "rebecca" | "owen" | "miriam";

type ContactSeed = {
  key: ContactKey;
  name: string;
  email: string;
  phone: string;
  team: string;
  title: string;
  notes?: string;
  active?: boolean;
  user?: UserKey;
  /** Days since the contact details were last confirmed; over 90 counts as stale. */
  reviewedDaysAgo: number;
};

// Phone numbers come from the ranges reserved for fiction (UK 020 7946 0xxx, US 555-01xx).
const CONTACTS: readonly ContactSeed[] = [
  {
    key: "dana",
    name: "Dana Whitfield",
    email: "dana.whitfield@example.com",
    phone: "+44 20 7946 0112",
    team: "Security Operations",
    title: "Incident Response Manager",
    user: "manager",
    reviewedDaysAgo: 12,
  },
  {
    key: "marco",
    name: "Marco Reyes",
    email: "marco.reyes@example.com",
    phone: "+44 20 7946 0187",
    team: "Security Operations",
    title: "Senior Security Engineer, Detection & Response",
    user: "responder",
    reviewedDaysAgo: 12,
  },
  {
    key: "helen",
    name: "Helen Okafor",
    email: "helen.okafor@example.com",
    phone: "+44 20 7946 0140",
    team: "Security Operations",
    title: "Head of Security Operations",
    reviewedDaysAgo: 19,
  },
  {
    key: "priya",
    name: "Priya Raman",
    email: "priya.raman@example.com",
    phone: "+44 20 7946 0233",
    team: "Platform SRE",
    title: "Staff Site Reliability Engineer",
    reviewedDaysAgo: 8,
  },
  {
    key: "tomas",
    name: "Tomás Oliveira",
    email: "tomas.oliveira@example.com",
    phone: "+44 20 7946 0251",
    team: "Platform SRE",
    title: "Site Reliability Engineer",
    notes: "Administers Bulkhead itself.",
    user: "admin",
    reviewedDaysAgo: 8,
  },
  {
    key: "aisha",
    name: "Aisha Bello",
    email: "aisha.bello@example.com",
    phone: "+44 20 7946 0318",
    team: "Payments DevOps",
    title: "Lead DevOps Engineer, Payments",
    notes: "PCI DSS system owner for the payments namespaces.",
    reviewedDaysAgo: 27,
  },
  {
    key: "jonas",
    name: "Jonas Becker",
    email: "jonas.becker@example.com",
    phone: "+49 30 901820 44",
    team: "Payments DevOps",
    title: "DevOps Engineer, Payments",
    reviewedDaysAgo: 27,
  },
  {
    key: "chloe",
    name: "Chloé Martin",
    email: "chloe.martin@example.com",
    phone: "+33 1 99 00 27 41",
    team: "Checkout DevOps",
    title: "DevOps Engineer, Checkout",
    reviewedDaysAgo: 41,
  },
  {
    key: "ravi",
    name: "Ravi Menon",
    email: "ravi.menon@example.com",
    phone: "+1 202-555-0143",
    team: "Checkout DevOps",
    title: "Senior DevOps Engineer, Checkout",
    notes: "Based in Washington DC; covers prod-us out of EU hours.",
    reviewedDaysAgo: 118,
  },
  {
    key: "sofia",
    name: "Sofia Lindqvist",
    email: "sofia.lindqvist@example.com",
    phone: "+46 8 465 007 12",
    team: "Data Platform",
    title: "Data Platform Engineering Lead",
    reviewedDaysAgo: 33,
  },
  {
    key: "kenji",
    name: "Kenji Watanabe",
    email: "kenji.watanabe@example.com",
    phone: "+44 20 7946 0377",
    team: "Data Platform",
    title: "Data Platform Engineer",
    notes: "Left the company. Still listed as secondary owner of prod-eu/data-pipeline until a replacement is named.",
    active: false,
    reviewedDaysAgo: 151,
  },
  {
    key: "rebecca",
    name: "Rebecca Stein",
    email: "rebecca.stein@example.com",
    phone: "+44 20 7946 0405",
    team: "Legal",
    title: "Senior Counsel, Privacy & Security",
    notes: "Decides on GDPR Art. 33 and card-brand notifications.",
    reviewedDaysAgo: 55,
  },
  {
    key: "owen",
    name: "Owen Gallagher",
    email: "owen.gallagher@example.com",
    phone: "+44 20 7946 0466",
    team: "Communications",
    title: "Head of Communications",
    notes: "Owns the status page and customer statements.",
    reviewedDaysAgo: 203,
  },
  {
    key: "miriam",
    name: "Miriam Hassan",
    email: "miriam.hassan@example.com",
    phone: "+44 20 7946 0501",
    team: "Executive",
    title: "Chief Technology Officer",
    reviewedDaysAgo: 61,
  },
];

export type People = {
  users: Record<UserKey, { id: string; email: string; name: string; role: Role }>;
  contacts: Record<ContactKey, string>;
  contactNames: Record<ContactKey, string>;
};

export async function seedPeople(tx: Tx, clock: Clock, passwordHashes: Record<UserKey, string>): Promise<People> {
  const users = {} as People["users"];
  for (const u of DEMO_USERS) {
    const row = await tx.user.create({
      data: { email: u.email, name: u.name, role: u.role, passwordHash: passwordHashes[u.key] },
      select: { id: true, email: true, name: true, role: true },
    });
    users[u.key] = row;
  }

  const contacts = {} as People["contacts"];
  const contactNames = {} as People["contactNames"];
  for (const c of CONTACTS) {
    const row = await tx.contact.create({
      data: {
        name: c.name,
        email: c.email,
        phone: c.phone,
        team: c.team,
        title: c.title,
        notes: c.notes ?? null,
        active: c.active ?? true,
        userId: c.user ? users[c.user].id : null,
        lastReviewedAt: clock.ago({ days: c.reviewedDaysAgo }),
      },
      select: { id: true },
    });
    contacts[c.key] = row.id;
    contactNames[c.key] = c.name;
  }

  await seedPlanRoles(tx, contacts);

  return { users, contacts, contactNames };
}
