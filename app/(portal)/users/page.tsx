import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRow } from "@/components/users/user-row";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/page";
import { listUsers, USER_PAGE_SIZE } from "@/lib/dal/users";
import type { Option } from "@/lib/dto/labels";
import { toQueryString } from "@/lib/query-string";
import { UserListFilter } from "@/lib/validation/users";
import { changeUserRoleAction, createUserAction, endUserSessionsAction, resetUserPasswordAction, setUserActiveAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

const USER_STATUS_FILTER: Option[] = [
  { value: "active", label: "Active" },
  { value: "inactive", label: "Deactivated" },
];

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
      <div className="mt-6">
        <FilterBar action="/users" label="Filter users" active={Boolean(filter.q || filter.status)}>
          <FilterInput label="Search" name="q" value={filter.q} placeholder="name or email" width="w-56" />
          <FilterSelect label="Status" name="status" value={filter.status} options={USER_STATUS_FILTER} />
        </FilterBar>
      </div>
      <div className="mt-3">
        {users.length === 0 ? (
          <EmptyState title="No users match">Clear the search to see everyone.</EmptyState>
        ) : (
          <DataTable columns={["User", "Role", "Status", "Last sign-in", "Manage"]}>
            {users.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === actor.id} actions={actions} />
            ))}
          </DataTable>
        )}
      </div>
      <Pagination
        label="Pages of users"
        total={total}
        page={page}
        pageSize={USER_PAGE_SIZE}
        pageCount={pages}
        hrefFor={(p) => `/users${toQueryString({ ...filter, page: String(p) })}`}
      />
    </>
  );
}
