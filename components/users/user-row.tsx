"use client";

import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { LocalTime } from "@/components/ui/local-time";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLE_OPTIONS, type FormAction, type UserDto } from "@/components/users/types";
import { Cell } from "@/components/ui/data-table";

export function UserRow({
  user,
  isSelf,
  actions,
}: {
  user: UserDto;
  isSelf: boolean;
  actions: { changeRole: FormAction; setActive: FormAction; resetPassword: FormAction; endSessions: FormAction };
}) {
  const [roleState, roleAction] = useActionState(actions.changeRole, null);
  const [activeState, activeAction] = useActionState(actions.setActive, null);
  const [passwordState, passwordAction] = useActionState(actions.resetPassword, null);
  const [sessionsState, sessionsAction] = useActionState(actions.endSessions, null);
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);
  const hidden = (
    <>
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
    </>
  );
  return (
    <tr className="align-top" data-testid={`user-${user.email}`}>
      <Cell>
        <span className="font-medium">{user.name}</span>
        <span className="block text-xs text-slate-500">{user.email}</span>
      </Cell>
      <Cell>
        <form action={roleAction} className="flex gap-2">
          {hidden}
          <label className="sr-only" htmlFor={`role-${user.id}`}>
            Role of {user.email}
          </label>
          <select id={`role-${user.id}`} name="role" defaultValue={user.role} className={inputClasses}>
            {ROLE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <SubmitButton variant="secondary">Change</SubmitButton>
        </form>
        <FormMessage state={roleState} />
      </Cell>
      <Cell className="space-y-1">
        {user.active ? <Badge tone="good">active</Badge> : <Badge tone="bad">deactivated</Badge>}
        {user.mustChangePassword ? (
          <span className="block">
            <Badge tone="warn">must change password</Badge>
          </span>
        ) : null}
      </Cell>
      <Cell className="text-xs whitespace-nowrap">{user.lastSignInAt ? <LocalTime value={user.lastSignInAt} /> : "never"}</Cell>
      <Cell className="space-y-2">
        {isSelf ? (
          <span className="text-xs text-slate-500">This is you</span>
        ) : confirming ? (
          <form action={activeAction} className="flex flex-wrap items-center gap-2" onSubmit={() => setConfirming(false)}>
            {hidden}
            <input type="hidden" name="active" value={user.active ? "false" : "true"} />
            <span className="text-xs">{user.active ? "Deactivate and sign them out?" : "Let them sign in again?"}</span>
            <SubmitButton variant={user.active ? "danger" : "primary"}>{user.active ? "Yes, deactivate" : "Yes, reactivate"}</SubmitButton>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {user.active ? "Deactivate…" : "Reactivate…"}
          </Button>
        )}
        <FormMessage state={activeState} />
        {resetting ? (
          <form action={passwordAction} className="flex flex-wrap items-center gap-2" onSubmit={() => setResetting(false)}>
            {hidden}
            <label className="sr-only" htmlFor={`password-${user.id}`}>
              New password for {user.email}
            </label>
            <input
              id={`password-${user.id}`}
              name="password"
              type="password"
              autoComplete="new-password"
              placeholder="New password (12+)"
              required
              minLength={12}
              className={inputClasses}
            />
            <SubmitButton>Reset</SubmitButton>
            <Button variant="ghost" onClick={() => setResetting(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          <Button variant="ghost" onClick={() => setResetting(true)}>
            Reset password…
          </Button>
        )}
        <FormMessage state={passwordState} />
        {isSelf ? null : (
          <form action={sessionsAction}>
            {hidden}
            <SubmitButton variant="ghost">End sessions</SubmitButton>
          </form>
        )}
        <FormMessage state={sessionsState} />
      </Cell>
    </tr>
  );
}
