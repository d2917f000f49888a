"use server";

import { revalidatePath } from "next/cache";
import { settle, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { changeUserRole, createUser, endUserSessions, resetUserPassword, setUserActive } from "@/lib/dal/users";
import { ChangeRoleInput, CreateUserInput, EndSessionsInput, ResetPasswordInput, SetActiveInput } from "@/lib/validation/users";

function revalidatedOnSuccess(result: ActionState): ActionState {
  if (result?.ok) revalidatePath("/users");
  return result;
}

export async function createUserAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("createUser", async () => {
    const user = await createUser(actor, CreateUserInput.parse(Object.fromEntries(formData)));
    return `Created ${user.email}. Share the password with them through a separate channel; they choose their own at first sign-in.`;
  });
  return revalidatedOnSuccess(result);
}

export async function changeUserRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("changeUserRole", async () => {
    const user = await changeUserRole(actor, ChangeRoleInput.parse(Object.fromEntries(formData)));
    return `${user.email} is now ${user.role.replace("_", " ").toLowerCase()}.`;
  });
  return revalidatedOnSuccess(result);
}

export async function setUserActiveAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("setUserActive", async () => {
    const user = await setUserActive(actor, SetActiveInput.parse(Object.fromEntries(formData)));
    return `${user.email} ${user.active ? "can sign in again" : "is deactivated and signed out"}.`;
  });
  return revalidatedOnSuccess(result);
}

export async function resetUserPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("resetUserPassword", async () => {
    const user = await resetUserPassword(actor, ResetPasswordInput.parse(Object.fromEntries(formData)));
    return `Password reset for ${user.email}; their open sessions are signed out, and they choose a new password at their next sign-in.`;
  });
  return revalidatedOnSuccess(result);
}

export async function endUserSessionsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("endUserSessions", async () => {
    const user = await endUserSessions(actor, EndSessionsInput.parse(Object.fromEntries(formData)));
    return `${user.email} is signed out everywhere; the account is unchanged.`;
  });
  return revalidatedOnSuccess(result);
}
