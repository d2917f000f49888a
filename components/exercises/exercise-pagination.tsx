import { Pagination } from "@/components/ui/pagination";
import { toQueryString } from "@/lib/query-string";

/** "Showing 26–50 of 60" with previous/next links that keep the filters. */
export function ExercisePagination({
  filter,
  ...counts
}: {
  filter: Record<string, string | undefined>;
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}) {
  return (
    <Pagination
      label="Exercise pages"
      {...counts}
      hrefFor={(target) => `/exercises${toQueryString({ ...filter, page: target > 1 ? String(target) : undefined })}`}
    />
  );
}
