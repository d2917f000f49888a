import { z } from "zod";

const ZONE = /(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A form's time: a `datetime-local` value (read as UTC unless it carries a zone; forms that know
 * the viewer's zone send an instant) or a full ISO time; with `dateOnly`, a bare date too (midnight UTC).
 */
export function DateTimeInput({ dateOnly = false } = {}) {
  const shape = dateOnly
    ? /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$/;
  return z
    .string()
    .trim()
    .regex(shape, "Enter a date and time")
    .transform((value) => new Date(ZONE.test(value) || !value.includes("T") ? value : `${value}Z`))
    .refine((date) => !Number.isNaN(date.getTime()), "Enter a valid date and time");
}
