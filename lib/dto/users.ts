import type { Role } from "@/lib/dto/enums";

/** A user account as the /users page lists and edits it. Never carries the password hash. */
export type UserDto = {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  /** Raised to end every session of the user at once (sign-out everywhere, deactivation). */
  sessionEpoch: number;
  lastSignInAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
