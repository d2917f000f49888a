"use server";

import { signOut } from "@/lib/auth/config";
import { getActor } from "@/lib/auth/session";
import { recordSignOut } from "@/lib/dal/sign-out";

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await recordSignOut(actor);
  await signOut({ redirectTo: "/login" });
}
