"use server";

import { runAction, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { changeUserRole, createUser, endUserSessions, resetUserPassword, setUserActive } from "@/lib/dal/users";
import { ChangeRoleInput, CreateUserInput, EndSessionsInput, ResetPasswordInput, SetActiveInput } from "@/lib/validation/users";

/** Every account change shows on the users page. */
const USER_PAGES = ["/users"];

export async function createUserAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("createUser", async () => {
    const user = await createUser(actor, CreateUserInput.parse(Object.fromEntries(formData)));
    return {
      message: `Created ${user.email}. Share the password with them through a separate channel; they choose their own at first sign-in.`,
      revalidate: USER_PAGES,
    };
  });
}

export async function changeUserRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("changeUserRole", async () => {
    const user = await changeUserRole(actor, ChangeRoleInput.parse(Object.fromEntries(formData)));
    return { message: `${user.email} is now ${user.role.replace("_", " ").toLowerCase()}.`, revalidate: USER_PAGES };
  });
}

export async function setUserActiveAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("setUserActive", async () => {
    const user = await setUserActive(actor, SetActiveInput.parse(Object.fromEntries(formData)));
    return { message: `${user.email} ${user.active ? "can sign in again" : "is deactivated and signed out"}.`, revalidate: USER_PAGES };
  });
}

export async function resetUserPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("resetUserPassword", async () => {
    const user = await resetUserPassword(actor, ResetPasswordInput.parse(Object.fromEntries(formData)));
    return {
      message: `Password reset for ${user.email}; their open sessions are signed out, and they choose a new password at their next sign-in.`,
      revalidate: USER_PAGES,
    };
  });
}

export async function endUserSessionsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("endUserSessions", async () => {
    const user = await endUserSessions(actor, EndSessionsInput.parse(Object.fromEntries(formData)));
    return { message: `${user.email} is signed out everywhere; the account is unchanged.`, revalidate: USER_PAGES };
  });
}
