// The auditors' exercise history (issue 12 item 5): an auditor follows the link from the exercise
// list to the charts, and the numbers under each chart add up with what this test recorded. The
// rows go into the quarter before last (UTC), which nothing else in the suite writes to; what the
// demo seed put there is counted first, so the test checks what its own rows added.
import type pg from "pg";
import { expect, test, uniqueSuffix } from "./fixtures";

/** The UTC calendar quarter `back` quarters before the current one: its label and bounds. */
function quarterBefore(now: Date, back: number) {
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - back;
  const [year, quarter] = [Math.floor(index / 4), (index % 4) + 1];
  return {
    label: `${year} Q${quarter}`,
    start: new Date(Date.UTC(year, (quarter - 1) * 3, 1)),
    end: new Date(Date.UTC(year, quarter * 3, 1)),
  };
}

const DAY = 86_400_000;

async function counts(db: pg.Pool, start: string, end: string) {
  const { rows } = await db.query<Record<string, number>>(
    `SELECT
       (SELECT count(*) FROM "Exercise" WHERE "status" = 'COMPLETED' AND "kind" = 'TABLETOP'
           AND coalesce("conductedAt", "scheduledAt") >= $1::timestamp AND coalesce("conductedAt", "scheduledAt") < $2::timestamp)::int AS "tabletop",
       (SELECT count(*) FROM "Exercise" WHERE "status" = 'COMPLETED' AND "kind" = 'PURPLE_TEAM'
           AND coalesce("conductedAt", "scheduledAt") >= $1::timestamp AND coalesce("conductedAt", "scheduledAt") < $2::timestamp)::int AS "purpleTeam",
       (SELECT count(*) FROM "Finding" WHERE "severity" = 'CRITICAL' AND "createdAt" >= $1::timestamp AND "createdAt" < $2::timestamp)::int AS "critical",
       (SELECT count(*) FROM "Finding" WHERE "severity" = 'HIGH' AND "createdAt" >= $1::timestamp AND "createdAt" < $2::timestamp)::int AS "high",
       (SELECT count(*) FROM "Finding" WHERE "createdAt" >= $1::timestamp AND "createdAt" < $2::timestamp)::int AS "findings",
       (SELECT count(*) FROM "ActionItem" WHERE "status" IN ('DONE', 'WONT_FIX')
           AND "closedAt" >= $1::timestamp AND "closedAt" < $2::timestamp)::int AS "closed"`,
    [start, end],
  );
  return rows[0]!;
}

test("an auditor follows the link to the history charts and reads the numbers behind them", async ({ page, db, createUser, signInAs }) => {
  const quarter = quarterBefore(new Date(), 2);
  // Timestamps go in as UTC text: the columns are `timestamp` holding UTC.
  const inQuarter = (days: number) => new Date(quarter.start.getTime() + days * DAY).toISOString();
  const [start, end] = [quarter.start.toISOString(), quarter.end.toISOString()];
  const before = await counts(db, start, end);

  const suffix = uniqueSuffix();
  const exercise = async (kind: string, status: string) => {
    const id = `history-${kind.toLowerCase()}-${uniqueSuffix()}`;
    await db.query(
      `INSERT INTO "Exercise" ("id", "kind", "title", "scenario", "facilitator", "attackTechniques", "status", "scheduledAt", "conductedAt", "updatedAt")
       VALUES ($1, $2::"ExerciseKind", $3, 'History scenario', 'Dana Whitfield', '{}', $4::"ExerciseStatus", $5::timestamp, $6::timestamp, now())`,
      [id, kind, `History ${kind} ${suffix}`, status, inQuarter(10), status === "COMPLETED" ? inQuarter(10) : null],
    );
    return id;
  };
  const tabletop = await exercise("TABLETOP", "COMPLETED");
  await exercise("TABLETOP", "COMPLETED");
  await exercise("PURPLE_TEAM", "COMPLETED");
  await exercise("PURPLE_TEAM", "PLANNED"); // not held: not counted
  for (const severity of ["CRITICAL", "HIGH", "HIGH"]) {
    const findingId = `history-finding-${uniqueSuffix()}`;
    await db.query(
      `INSERT INTO "Finding" ("id", "exerciseId", "title", "category", "severity", "recommendation", "status", "createdAt", "updatedAt")
       VALUES ($1, $2, 'History finding', 'OTHER', $3::"FindingSeverity", 'Fix it', 'RESOLVED', $4::timestamp, now())`,
      [findingId, tabletop, severity, inQuarter(11)],
    );
    await db.query(
      `INSERT INTO "ActionItem" ("id", "findingId", "title", "status", "createdAt", "closedAt", "updatedAt")
       VALUES ($1, $2, 'History item', 'DONE', $3::timestamp, $4::timestamp, now())`,
      [`history-item-${uniqueSuffix()}`, findingId, inQuarter(11), inQuarter(20)],
    );
  }

  const auditor = await createUser({ role: "AUDITOR" });
  await signInAs(page, auditor.email, auditor.password);
  await page.goto("/exercises");
  await page.getByRole("link", { name: "History charts" }).click();
  await expect(page).toHaveURL(/\/exercises\/history$/);
  await expect(page.getByRole("heading", { level: 1, name: "Exercise history" })).toBeVisible();
  for (const heading of ["Exercises held per quarter", "Findings by severity over time", "Time to close action items"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }

  /** The cells of one quarter's row in the data table under a chart, opened as a reader opens it. */
  const cellsOf = async (chart: string, table: string) => {
    const region = page.getByRole("region", { name: chart });
    await expect(region.locator(".recharts-surface").first(), `${chart} is drawn`).toBeVisible();
    await region.getByText("Show the numbers").click();
    const numbers = region.getByRole("table", { name: table });
    await expect(numbers, `${chart}: its numbers open under it`).toBeVisible();
    const row = numbers.getByRole("row").filter({ has: page.getByRole("rowheader", { name: quarter.label, exact: true }) });
    return row.getByRole("cell");
  };

  const tabletops = before.tabletop! + 2;
  const purpleTeams = before.purpleTeam! + 1;
  await expect(await cellsOf("Exercises held per quarter", "Completed exercises per quarter by type")).toHaveText([
    String(tabletops),
    String(purpleTeams),
    String(tabletops + purpleTeams),
  ]);

  // Low, Medium, High, Critical, Total.
  const findings = await cellsOf("Findings by severity over time", "Findings recorded per quarter by severity");
  await expect(findings.nth(2)).toHaveText(String(before.high! + 2));
  await expect(findings.nth(3)).toHaveText(String(before.critical! + 1));
  await expect(findings.nth(4)).toHaveText(String(before.findings! + 3));

  // Median days to close, Closed: three more items closed in the quarter.
  const closed = await cellsOf("Time to close action items", "Action items closed per quarter and the median days to close");
  await expect(closed.nth(1)).toHaveText(String(before.closed! + 3));
  if (before.closed === 0) await expect(closed.nth(0)).toHaveText("9");
});
