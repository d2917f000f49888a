import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's minimum parameters (19 MiB, 2 passes): ~30 ms here, so sign-in stays
// fast while offline guessing stays expensive.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A valid hash to verify against when the account does not exist, so timing does not reveal it. */
export const DUMMY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$qp2McODpRU5JPyRK19jm3Q$Ghwt2B+f5J4peP9J1hvoTlctPtmG1NjhUPbgaOQRslw";
