"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import type { Option } from "@/lib/dto/labels";

export type ParticipantChoice = { ref: string; label: string };
export type ParticipantValue = { ref: string; planRole: string | null; part: string | null; attendance: string };

/**
 * Who takes part: contacts and users, each with the plan role they play and whether they came.
 * People are added one at a time from a single list, so the form stays light with hundreds of
 * contacts and users; only the people added get a row. Each row's fields are named after the
 * person (`participantPlanRole:<ref>`), so the columns cannot shift against each other.
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
  const [rows, setRows] = useState<readonly ParticipantValue[]>(initial ?? []);
  const [adding, setAdding] = useState("");
  const labelOf = new Map(choices.map((c) => [c.ref, c.label]));
  const added = new Set(rows.map((r) => r.ref));
  const available = choices.filter((c) => !added.has(c.ref));
  const add = () => {
    if (!adding || added.has(adding)) return;
    setRows([...rows, { ref: adding, planRole: null, part: null, attendance: "INVITED" }]);
    setAdding("");
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">Participants, their plan role and attendance</legend>
      {choices.length === 0 ? (
        <p className="text-sm text-slate-500">No contacts or users yet: add contacts to the plan first.</p>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <select
            aria-label="Add a participant"
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            className={`${inputClasses} max-w-md`}
          >
            <option value="">Choose a contact or user…</option>
            {available.map((c) => (
              <option key={c.ref} value={c.ref}>
                {c.label}
              </option>
            ))}
          </select>
          <Button type="button" variant="secondary" onClick={add} disabled={!adding}>
            Add participant
          </Button>
        </div>
      )}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">Nobody added yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full text-sm" aria-label="Participants">
            <thead className="bg-slate-50 text-left text-xs text-slate-600">
              <tr>
                <th className="px-2 py-1 font-medium">Participant</th>
                <th className="px-2 py-1 font-medium">Plan role</th>
                <th className="px-2 py-1 font-medium">Part played</th>
                <th className="px-2 py-1 font-medium">Attendance</th>
                <th className="px-2 py-1 font-medium">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((value) => {
                const label = labelOf.get(value.ref) ?? "Someone no longer in the plan";
                return (
                  <tr key={value.ref}>
                    <td className="px-2 py-1 break-words">
                      <input type="hidden" name="participantRef" value={value.ref} />
                      {label}
                    </td>
                    <td className="px-2 py-1">
                      <select
                        name={`participantPlanRole:${value.ref}`}
                        aria-label={`Plan role of ${label}`}
                        defaultValue={value.planRole ?? ""}
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
                        name={`participantPart:${value.ref}`}
                        aria-label={`Part played by ${label}`}
                        defaultValue={value.part ?? ""}
                        maxLength={120}
                        className={inputClasses}
                      />
                    </td>
                    <td className="px-2 py-1">
                      <select
                        name={`participantAttendance:${value.ref}`}
                        aria-label={`Attendance of ${label}`}
                        defaultValue={value.attendance}
                        className={inputClasses}
                      >
                        {attendance.map((a) => (
                          <option key={a.value} value={a.value}>
                            {a.label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="px-2 py-1 text-right">
                      <Button
                        type="button"
                        variant="ghost"
                        onClick={() => setRows(rows.filter((r) => r.ref !== value.ref))}
                        aria-label={`Remove ${label}`}
                      >
                        Remove
                      </Button>
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
