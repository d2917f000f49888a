import { z } from "zod";
import { Id, Version } from "@/lib/validation/record-ref";
import { Email } from "@/lib/validation/auth";

/** An optional form text: blank means "none" and is stored as null. */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));

const ContactFields = z.object({
  name: z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters"),
  email: Email,
  // Phone numbers are dialled by people, so any format a person writes is kept as written.
  phone: optionalText(40, "Use at most 40 characters").refine(
    (v) => v === null || /^[0-9+()\-.\s/x]+$/i.test(v),
    "Use digits, spaces and + ( ) - . only",
  ),
  team: optionalText(80, "Use at most 80 characters"),
  title: optionalText(120, "Use at most 120 characters"),
  notes: optionalText(2000, "Use at most 2000 characters"),
  /** The user account this person signs in with, if any; blank unlinks. */
  userId: optionalText(64, "Choose a user from the list"),
});

const Versioned = z.object({
  id: Id,
  version: Version,
});

export const CreateContactInput = ContactFields;
export const UpdateContactInput = Versioned.extend(ContactFields.shape);
export const SetContactActiveInput = Versioned.extend({ active: z.enum(["true", "false"]).transform((v) => v === "true") });
/** Versioned: confirming the details means confirming the ones on screen, not someone's newer edit. */
export const MarkContactReviewedInput = Versioned;

export const CONTACT_PAGE_SIZE = 25;

/** Query-string filters of the contact list; anything malformed falls back to the default. */
export const ContactListFilter = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  team: z
    .string()
    .trim()
    .max(80)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  /** "1": only contacts never reviewed or reviewed more than REVIEW_STALE_DAYS ago. */
  stale: z.enum(["1"]).optional().catch(undefined),
  status: z.enum(["active", "inactive", "all"]).default("all").catch("all"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export type ContactListFilterValue = z.output<typeof ContactListFilter>;
export type ContactFieldsValue = z.output<typeof ContactFields>;
