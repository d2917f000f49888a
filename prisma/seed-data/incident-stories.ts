import { DEBUG_ON_CHECKOUT } from "./incident-debug-checkout";
import type { IncidentSeed } from "./incident-format";
import { MINER_IN_AIRFLOW } from "./incident-miner-airflow";
import { SHELL_IN_PAYMENTS } from "./incident-shell-payments";

// The demo's incidents, one story a file. Oldest first: incident numbers follow creation order.
export const INCIDENTS: readonly IncidentSeed[] = [DEBUG_ON_CHECKOUT, MINER_IN_AIRFLOW, SHELL_IN_PAYMENTS];
