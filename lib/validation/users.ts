import { z } from "zod";
import { Id, Version } from "@/lib/validation/record-ref";
import { ROLES } from "@/lib/domain/roles";
import { Email } from "@/lib/validation/auth";

export const RoleInput = z.enum(ROLES, { error: "Choose a role" });

const Password = z.string().min(12, "Use at least 12 characters").max(256, "Use at most 256 characters");

export const CreateUserInput = z.object({
  email: Email,
  name: z.string().trim().min(1, "Enter a name").max(120),
  role: RoleInput,
  password: Password,
});

const Versioned = z.object({
  id: Id,
  version: Version,
});

export const ChangeRoleInput = Versioned.extend({ role: RoleInput });
export const SetActiveInput = Versioned.extend({ active: z.enum(["true", "false"]).transform((v) => v === "true") });
export const ResetPasswordInput = Versioned.extend({ password: Password });
export const EndSessionsInput = Versioned;

export const UserListFilter = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  role: RoleInput.optional().catch(undefined),
  status: z.enum(["active", "inactive"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
