"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { toActionError, type ActionState } from "@/lib/action-result";
import { SignInInput } from "@/lib/validation/auth";
import { env } from "@/lib/env";

/** Only same-site paths: an open redirect after sign-in would make a phishing link credible. */
function safeCallbackUrl(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = SignInInput.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return toActionError(parsed.error, "signIn");
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return {
        ok: false,
        message:
          error.code === "throttled"
            ? `Too many failed attempts from here. Wait a little before the next one: each further failure doubles the wait, up to ${env().BULKHEAD_SIGNIN_MAX_DELAY_MINUTES} minutes.`
            : "Wrong email or password.",
      };
    }
    if (error instanceof AuthError) return { ok: false, message: "Sign-in failed. Please try again." };
    // signIn redirects by throwing; let that through.
    throw error;
  }
  return null;
}
