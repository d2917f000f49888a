// Where the plan pages show things, as the plan specs find them, and signing in on a page's own
// request context.
import type { Locator, Page } from "@playwright/test";
import { signInWithRequest, type TestUser } from "./fixtures";

export const ownershipRow = (page: Page, key: string) => page.getByTestId(`ownership-row-${key}`);
/** The people in one owner cell of a matrix row. */
export const owners = (row: Locator, role: "primary" | "secondary" | "security") => row.getByTestId(role).getByRole("listitem");
export const scoreRegion = (page: Page) => page.getByRole("region", { name: "Readiness score" });
export const gapsRegion = (page: Page) => page.getByRole("region", { name: "Gaps" });
export const checkRow = (page: Page, label: string) => page.getByRole("region", { name: "Checks" }).getByRole("row", { name: label });

export async function signIn(page: Page, user: TestUser) {
  await signInWithRequest(page.request, user.email, user.password);
}
