import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { CHANGE_PASSWORD_PATH, getActor, mustChangePassword } from "@/lib/auth/session";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getActor()) redirect("/");
  if (await mustChangePassword()) redirect(CHANGE_PASSWORD_PATH);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-xs font-semibold tracking-widest text-sky-700 uppercase">Bulkhead</p>
        <h1 className="mt-1 text-xl font-semibold">Sign in</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">Incident response for containerized platforms.</p>
        <LoginForm action={signInAction} callbackUrl={typeof callbackUrl === "string" ? callbackUrl : "/"} />
      </div>
    </main>
  );
}
