import { z } from "zod";

export const ChangeOwnPasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1024),
    newPassword: z.string().min(12, "Use at least 12 characters").max(256, "Use at most 256 characters"),
    confirmPassword: z.string().max(1024),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "Does not match the new password",
  });
