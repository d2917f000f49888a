import { PlanTabs } from "@/components/plan/plan-tabs";

export default function PlanLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PlanTabs />
      {children}
    </>
  );
}
