import { z } from "zod";

export const Email = z.string().trim().toLowerCase().max(320).pipe(z.email("Enter a valid email address"));

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1, "Enter your password").max(1024),
});
