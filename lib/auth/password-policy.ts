import COMMON_PASSWORDS from "@/lib/auth/common-passwords.json";

// What a new password must be (NIST SP 800-63B §5.1.1.2: a length minimum, no composition rules,
// and a check against passwords known to be common). The list is the 5,000 most common passwords
// of zxcvbn 4.4.2's frequency list (MIT, see common-passwords.LICENSE), lower-cased as it ships.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const COMMON = new Set<string>(COMMON_PASSWORDS);

/** The password without the digits and symbols people put around a word ("Password2024!" → "password"). */
function core(lower: string): string {
  let start = 0;
  let end = lower.length;
  const decoration = (c: string) => !/\p{L}/u.test(c);
  while (start < end && decoration(lower[start]!)) start++;
  while (end > start && decoration(lower[end - 1]!)) end--;
  return lower.slice(start, end);
}

/** Made of one short piece repeated ("abcabcabcabc", "aaaaaaaaaaaa", "passwordpassword"). */
function isRepetition(lower: string): boolean {
  for (let period = 1; period <= lower.length / 2; period++) {
    if (lower.length % period === 0 && lower.slice(0, period).repeat(lower.length / period) === lower) return true;
  }
  return false;
}

/**
 * Why `password` may not be used, or null when it may. `context` names the account, whose email
 * and name must not be the password's substance.
 */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  const word = core(lower);
  if (word.length === 0) return "Use more than digits and symbols";
  // The letters alone catch "letmein-letmein" and "p@ssw0rd"-style separators between listed words.
  const letters = lower.replace(/\P{L}/gu, "");
  if ([lower, word, letters].some((form) => COMMON.has(form) || isRepetition(form))) {
    return "This password is too common or too easy to guess; choose another";
  }
  const personal = [context.email?.split("@")[0], context.name, "bulkhead"]
    .map((part) => part?.toLowerCase().replace(/\s+/g, ""))
    .filter((part): part is string => !!part && part.length >= 4);
  if (personal.some((part) => word.replace(/\s+/g, "") === part || (part.length >= 6 && lower.includes(part)))) {
    return "Do not build the password from your name, your email address or the product's name";
  }
  return null;
}
