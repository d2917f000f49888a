"use server";

import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { runAction, toActionError, type ActionState } from "@/lib/action-result";
import { signIn } from "@/lib/auth/config";
import { requirePasswordChanger } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/dal/account";
import { ChangeOwnPasswordInput } from "@/lib/validation/account";

/**
 * Also the only action an account with a one-time password may call (requirePasswordChanger,
 * not requireActor). The change ends every session of the account, this one included, so this
 * browser signs in again with the new password and lands on the account page.
 */
export async function changeOwnPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { actor } = await requirePasswordChanger();
  const parsed = ChangeOwnPasswordInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toActionError(parsed.error, "changeOwnPassword");
  const result = await runAction("changeOwnPassword", async () => {
    await changeOwnPassword(actor, parsed.data);
    return { message: "Password changed." };
  });
  if (!result.ok) return result;
  try {
    await signIn("credentials", { email: actor.email, password: parsed.data.newPassword, redirectTo: "/account?changed=1" });
  } catch (error) {
    // Throttled or refused: the password did change; signing in by hand is all that is left.
    if (error instanceof CredentialsSignin) redirect("/login");
    throw error;
  }
  return result;
}
