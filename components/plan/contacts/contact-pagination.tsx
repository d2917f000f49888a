import { Pagination } from "@/components/ui/pagination";
import { toQueryString } from "@/lib/query-string";
import type { ContactListFilterValue } from "@/lib/validation/contacts";

/** "Showing 26–30 of 30" with previous/next links that keep the filters. */
export function ContactPagination({
  filter,
  ...counts
}: {
  filter: ContactListFilterValue;
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}) {
  return (
    <Pagination
      label="Contact pages"
      {...counts}
      hrefFor={(target) =>
        `/plan/contacts${toQueryString({ ...filter, status: filter.status === "all" ? undefined : filter.status, page: target > 1 ? String(target) : undefined })}`
      }
    />
  );
}
