import type { Tx } from "@/lib/db";
import type { ClusterProvider, ContainerRuntime, Criticality, Environment, WorkloadKind } from "@/lib/generated/prisma/client";
import type { ContactKey } from "./people";

export type ClusterKey = "prod-eu" | "prod-us" | "staging";

type Owners = { primary: ContactKey; secondaries: ContactKey[]; security?: ContactKey[] };

type ClusterSeed = {
  name: ClusterKey;
  provider: ClusterProvider;
  runtime: ContainerRuntime;
  environment: Environment;
  criticality: Criticality;
  description: string;
  owners: Owners & { security: ContactKey[] };
};

const CLUSTERS: readonly ClusterSeed[] = [
  {
    name: "prod-eu",
    provider: "EKS",
    runtime: "CONTAINERD",
    environment: "PRODUCTION",
    criticality: "CRITICAL",
    description: "EKS 1.31 in eu-west-1, Bottlerocket nodes across three AZs. Serves EU payments and checkout; PCI DSS in scope.",
    owners: { primary: "priya", secondaries: ["tomas"], security: ["helen", "marco"] },
  },
  {
    name: "prod-us",
    provider: "GKE",
    runtime: "CONTAINERD",
    environment: "PRODUCTION",
    criticality: "CRITICAL",
    description: "GKE Standard 1.31 in us-central1, Container-Optimized OS nodes. Serves North American checkout and payments.",
    owners: { primary: "tomas", secondaries: ["priya", "ravi"], security: ["marco"] },
  },
  {
    name: "staging",
    provider: "AKS",
    runtime: "CONTAINERD",
    environment: "STAGING",
    criticality: "MEDIUM",
    description: "AKS 1.31 in westeurope. Pre-production for all product teams; synthetic data only.",
    owners: { primary: "tomas", secondaries: ["jonas"], security: ["marco"] },
  },
];

type NamespaceSeed = {
  cluster: ClusterKey;
  name: string;
  isPattern?: boolean;
  labels: Record<string, string>;
  /** Absent: the namespace inherits its owners from the cluster. */
  owners?: Owners;
  workloads?: { name: string; kind: WorkloadKind }[];
};

const NAMESPACES: readonly NamespaceSeed[] = [
  {
    cluster: "prod-eu",
    name: "payments",
    labels: { team: "payments", "pci-dss": "in-scope", "pod-security.kubernetes.io/enforce": "restricted" },
    owners: { primary: "aisha", secondaries: ["jonas"] },
    workloads: [
      { name: "payments-api", kind: "DEPLOYMENT" },
      { name: "ledger-writer", kind: "STATEFULSET" },
      { name: "settlement-export", kind: "CRONJOB" },
    ],
  },
  {
    cluster: "prod-eu",
    name: "payments-*",
    isPattern: true,
    labels: { team: "payments", "pci-dss": "in-scope" },
    owners: { primary: "jonas", secondaries: ["aisha"] },
  },
  {
    cluster: "prod-eu",
    name: "checkout",
    labels: { team: "checkout", "pod-security.kubernetes.io/enforce": "baseline" },
    owners: { primary: "chloe", secondaries: ["ravi"] },
    workloads: [
      { name: "checkout-web", kind: "DEPLOYMENT" },
      { name: "cart-service", kind: "DEPLOYMENT" },
    ],
  },
  {
    // The deliberate readiness gap: its only secondary owner has left the company.
    cluster: "prod-eu",
    name: "data-pipeline",
    labels: { team: "data-platform", "pod-security.kubernetes.io/enforce": "baseline" },
    owners: { primary: "sofia", secondaries: ["kenji"] },
    workloads: [
      { name: "airflow-worker", kind: "STATEFULSET" },
      { name: "airflow-webserver", kind: "DEPLOYMENT" },
    ],
  },
  {
    cluster: "prod-eu",
    name: "ingress-nginx",
    labels: { team: "platform" },
    owners: { primary: "tomas", secondaries: ["priya"] },
    workloads: [{ name: "ingress-nginx-controller", kind: "DEPLOYMENT" }],
  },
  { cluster: "prod-eu", name: "kube-system", labels: { team: "platform" } },
  { cluster: "prod-eu", name: "monitoring", labels: { team: "platform" } },
  {
    cluster: "prod-us",
    name: "checkout",
    labels: { team: "checkout", "pod-security.kubernetes.io/enforce": "baseline" },
    owners: { primary: "ravi", secondaries: ["chloe"] },
    workloads: [{ name: "checkout-web", kind: "DEPLOYMENT" }],
  },
  {
    cluster: "prod-us",
    name: "payments",
    labels: { team: "payments", "pci-dss": "in-scope", "pod-security.kubernetes.io/enforce": "restricted" },
    owners: { primary: "aisha", secondaries: ["jonas"] },
    workloads: [{ name: "payments-api", kind: "DEPLOYMENT" }],
  },
  { cluster: "prod-us", name: "kube-system", labels: { team: "platform" } },
  {
    cluster: "staging",
    name: "payments",
    labels: { team: "payments" },
    owners: { primary: "jonas", secondaries: ["aisha"] },
  },
  {
    cluster: "staging",
    name: "checkout",
    labels: { team: "checkout" },
    owners: { primary: "chloe", secondaries: ["ravi"] },
  },
];

export type Assets = {
  clusters: Record<ClusterKey, string>;
  /** Keyed `cluster/namespace`. */
  namespaces: Record<string, string>;
};

function ownershipRows(owners: Owners, contacts: Record<ContactKey, string>) {
  return [
    { role: "PRIMARY" as const, contactId: contacts[owners.primary], rank: 0 },
    ...owners.secondaries.map((key, rank) => ({ role: "SECONDARY" as const, contactId: contacts[key], rank })),
    ...(owners.security ?? []).map((key, rank) => ({ role: "SECURITY" as const, contactId: contacts[key], rank })),
  ];
}

export async function seedAssets(tx: Tx, contacts: Record<ContactKey, string>): Promise<Assets> {
  const clusters = {} as Assets["clusters"];
  for (const c of CLUSTERS) {
    const row = await tx.cluster.create({
      data: {
        name: c.name,
        provider: c.provider,
        runtime: c.runtime,
        environment: c.environment,
        criticality: c.criticality,
        description: c.description,
        ownerships: { create: ownershipRows(c.owners, contacts) },
      },
      select: { id: true },
    });
    clusters[c.name] = row.id;
  }

  const namespaces: Assets["namespaces"] = {};
  for (const ns of NAMESPACES) {
    const row = await tx.namespace.create({
      data: {
        clusterId: clusters[ns.cluster],
        name: ns.name,
        isPattern: ns.isPattern ?? false,
        labels: ns.labels,
        ownerships: ns.owners ? { create: ownershipRows(ns.owners, contacts) } : undefined,
        workloads: ns.workloads ? { create: ns.workloads } : undefined,
      },
      select: { id: true },
    });
    namespaces[`${ns.cluster}/${ns.name}`] = row.id;
  }
  return { clusters, namespaces };
}
