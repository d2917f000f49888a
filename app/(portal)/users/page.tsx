import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRow } from "@/components/users/user-row";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { listUsers } from "@/lib/dal/users";
import { toQueryString } from "@/lib/query-string";
import { UserListFilter } from "@/lib/validation/users";
import { changeUserRoleAction, createUserAction, endUserSessionsAction, resetUserPasswordAction, setUserActiveAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("users.manage");
  const filter = UserListFilter.parse(await searchParams);
  const { users, total, page, pages } = await listUsers(actor, filter);
  const actions = {
    changeRole: changeUserRoleAction,
    setActive: setUserActiveAction,
    resetPassword: resetUserPasswordAction,
    endSessions: endUserSessionsAction,
  };
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in to Bulkhead and with which role. Deactivating a user, resetting their password or ending their sessions signs them out on their next request; a new or reset password must be replaced at the next sign-in."
      />
      <h2 className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">New user</h2>
      <CreateUserForm action={createUserAction} />
      <form method="get" className="mt-6 flex flex-wrap items-end gap-2" aria-label="Filter users">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Search</span>
          <input
            name="q"
            defaultValue={filter.q}
            placeholder="name or email"
            className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Status</span>
          <select name="status" defaultValue={filter.status ?? ""} className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm">
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="inactive">Deactivated</option>
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
          Filter
        </button>
      </form>
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        {users.length === 0 ? (
          <EmptyState title="No users match">Clear the search to see everyone.</EmptyState>
        ) : (
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  User
                </th>
                <th scope="col" className="px-3 py-2">
                  Role
                </th>
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
                <th scope="col" className="px-3 py-2">
                  Last sign-in
                </th>
                <th scope="col" className="px-3 py-2">
                  Manage
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => (
                <UserRow key={user.id} user={user} isSelf={user.id === actor.id} actions={actions} />
              ))}
            </tbody>
          </table>
        )}
      </div>
      <nav aria-label="Pages of users" className="mt-3 flex items-center justify-between text-sm text-slate-600">
        <span>
          {total} user{total === 1 ? "" : "s"} · page {page} of {pages}
        </span>
        <span className="flex gap-2">
          {page > 1 ? (
            <Link href={`/users${toQueryString({ ...filter, page: String(page - 1) })}`} className={buttonClasses("secondary")}>
              Previous page
            </Link>
          ) : null}
          {page < pages ? (
            <Link href={`/users${toQueryString({ ...filter, page: String(page + 1) })}`} className={buttonClasses("secondary")}>
              Next page
            </Link>
          ) : null}
        </span>
      </nav>
    </>
  );
}
