import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/dto/labels";
import { changeOwnPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const actor = await requireActor();
  const { changed } = await searchParams;
  return (
    <>
      <PageHeader title="Your account" description={`${actor.name} · ${actor.email} · ${ROLE_LABELS[actor.role]}`} />
      {changed === "1" ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Your password was changed. Every other session of your account has been signed out.
        </p>
      ) : null}
      <h2 className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">Change password</h2>
      <p className="mb-4 max-w-prose text-sm text-slate-600">
        Changing your password signs your account out everywhere else. Ask an admin to end your sessions if you lost a device while signed
        in.
      </p>
      <ChangePasswordForm action={changeOwnPasswordAction} email={actor.email} />
    </>
  );
}
