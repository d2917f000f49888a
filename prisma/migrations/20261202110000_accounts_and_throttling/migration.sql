-- A one-time password (npm run admin:create) must be changed before the account can do anything else.
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;

-- Sign-in throttling is now keyed by (account, client address) and by address with progressive
-- delays (docs/decisions/011); counters under the old keys mean nothing to it.
DELETE FROM "SignInThrottle";
