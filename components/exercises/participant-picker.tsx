import { inputClasses } from "@/components/ui/field";
import type { Option } from "@/lib/dto/labels";

export type ParticipantChoice = { ref: string; label: string };
export type ParticipantValue = { ref: string; planRole: string | null; part: string | null; attendance: string };

/**
 * Who takes part: contacts and users, each with the plan role they play and whether they came.
 * Each row's fields are named after the person (`participantPlanRole:<ref>`), so an unticked row
 * sends nothing and the columns cannot shift against each other.
 */
export function ParticipantPicker({
  choices,
  planRoles,
  attendance,
  initial,
  errors,
}: {
  choices: ParticipantChoice[];
  planRoles: Option[];
  attendance: Option[];
  initial?: readonly ParticipantValue[];
  errors?: string[];
}) {
  const byRef = new Map((initial ?? []).map((p) => [p.ref, p]));
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">Participants, their plan role and attendance</legend>
      {choices.length === 0 ? (
        <p className="text-sm text-slate-500">No contacts or users yet: add contacts to the plan first.</p>
      ) : (
        <div className="max-h-72 overflow-y-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-600">
              <tr>
                <th className="px-2 py-1 font-medium">Takes part</th>
                <th className="px-2 py-1 font-medium">Plan role</th>
                <th className="px-2 py-1 font-medium">Part played</th>
                <th className="px-2 py-1 font-medium">Attendance</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {choices.map((c) => {
                const value = byRef.get(c.ref);
                return (
                  <tr key={c.ref}>
                    <td className="px-2 py-1">
                      <label className="inline-flex min-w-0 items-start gap-2">
                        <input type="checkbox" name="participantRef" value={c.ref} defaultChecked={Boolean(value)} className="mt-1" />
                        <span className="break-words">{c.label}</span>
                      </label>
                    </td>
                    <td className="px-2 py-1">
                      <select
                        name={`participantPlanRole:${c.ref}`}
                        aria-label={`Plan role of ${c.label}`}
                        defaultValue={value?.planRole ?? ""}
                        className={inputClasses}
                      >
                        <option value="">—</option>
                        {planRoles.map((r) => (
                          <option key={r.value} value={r.value}>
                            {r.label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="px-2 py-1">
                      <input
                        name={`participantPart:${c.ref}`}
                        aria-label={`Part played by ${c.label}`}
                        defaultValue={value?.part ?? ""}
                        maxLength={120}
                        className={inputClasses}
                      />
                    </td>
                    <td className="px-2 py-1">
                      <select
                        name={`participantAttendance:${c.ref}`}
                        aria-label={`Attendance of ${c.label}`}
                        defaultValue={value?.attendance ?? "INVITED"}
                        className={inputClasses}
                      >
                        {attendance.map((a) => (
                          <option key={a.value} value={a.value}>
                            {a.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {errors?.[0] ? <p className="text-sm text-red-700">{errors[0]}</p> : null}
    </fieldset>
  );
}
