import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requirePasswordChanger } from "@/lib/auth/session";
import { changeOwnPasswordAction } from "@/app/(portal)/account/actions";
import { signOutAction } from "@/app/(portal)/actions";

export const metadata: Metadata = { title: "Change your password" };

/**
 * Outside the portal's layout on purpose: an account with a one-time password is sent here from
 * every portal page (lib/auth/session.ts) and can do nothing else until it has chosen its own.
 */
export default async function ChangePasswordPage() {
  const { actor, mustChangePassword } = await requirePasswordChanger();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-xs font-semibold tracking-widest text-sky-700 uppercase">Bulkhead</p>
        <h1 className="mt-1 text-xl font-semibold">Change your password</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">
          {mustChangePassword
            ? `${actor.email} was given a one-time password. Choose your own before you continue.`
            : `Signed in as ${actor.email}.`}
        </p>
        <ChangePasswordForm action={changeOwnPasswordAction} email={actor.email} />
        <form action={signOutAction} className="mt-4">
          <button type="submit" className="text-sm text-slate-600 underline">
            Sign out instead
          </button>
        </form>
      </div>
    </main>
  );
}
