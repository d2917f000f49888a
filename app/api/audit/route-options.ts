/** What the audit routes say to a request without a session (the DAL decides which roles may read). */
export const AUDIT_ROUTE = { signIn: "Sign in as an auditor, IR manager or admin." };
