"use server";

import { signOut } from "@/lib/auth/config";

/** Auth.js's signOut event (lib/auth/config.ts) ends the session on the server and audits it. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
