import { z } from "zod";

// How every form, action and query names a record: declared once, so a limit changes in one place.

/** A record's id as it is sent back (a cuid, or the seed's readable ids). */
export const Id = z.string().trim().min(1).max(64);

/** The version a form was loaded at: a stale one is refused as a conflict, never overwritten (STYLE rule 6). */
export const Version = z.coerce.number().int().min(0);
