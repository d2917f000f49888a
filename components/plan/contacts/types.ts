export type { FormAction } from "@/lib/form-state";
export type { ContactUsage as ContactUsageView } from "@/lib/domain/contacts";

/** A contact as the contact pages render it (a plain object from the DAL's DTO). */
export type ContactView = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  team: string | null;
  title: string | null;
  notes: string | null;
  active: boolean;
  lastReviewedAt: Date | null;
  version: number;
  user: { id: string; email: string; name: string } | null;
};

export type LinkableUser = { id: string; email: string; name: string };

export type ContactFilterView = { q?: string; team?: string; stale?: "1"; status: "active" | "inactive" | "all"; page: number };
