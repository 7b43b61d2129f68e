import type { Goal } from '@stegvis/domain';
import { useState } from 'react';
import { formMessage } from '../../forms/server-problem';
import { newIdempotencyKey } from '../../forms/idempotency';
import { date, dateTime } from '../../format';
import { itemLabels } from '../../labels';
import { goalMeasure, goalTargetText } from './goal-explanations';
import { GoalForm } from './goal-form';
import {
  fetchGoals,
  setGoals,
  type GoalScope,
  type GoalsInForce,
  type InstrumentView,
} from './settings-api';

/** The year's goals of the förbund or of one insats: in force, add and remove, copy last year's, the history. */
export function GoalsSection({
  scope,
  insatsName,
  year,
  goals,
  instruments,
  onChanged,
}: {
  readonly scope: GoalScope;
  /** The insats whose own goals these are, or null for the förbund's. */
  readonly insatsName: string | null;
  readonly year: number;
  readonly goals: GoalsInForce;
  readonly instruments: readonly InstrumentView[];
  readonly onChanged: (message: string) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const inForce = goals.goals as readonly Goal[];
  const itemLabel = itemLabels(instruments);
  const save = async (next: readonly Goal[], message: string) => {
    await setGoals(scope, year, next, newIdempotencyKey());
    onChanged(message);
  };
  const saveShowingProblem = (next: readonly Goal[], message: string) => {
    setProblem(null);
    save(next, message).catch((error: unknown) => setProblem(formMessage(error)));
  };
  const copyLastYear = async () => {
    setProblem(null);
    try {
      const last = (await fetchGoals(scope, year - 1)).goals as readonly Goal[];
      const missing = last.filter((goal) => !inForce.some((own) => own.id === goal.id));
      if (last.length === 0) {
        setProblem(
          `${year - 1} har inga mål att kopiera. Lägg till årets mål med formuläret nedan.`,
        );
        return;
      }
      if (missing.length === 0) {
        setProblem(`Alla mål från ${year - 1} finns redan för ${year}.`);
        return;
      }
      await save([...inForce, ...missing], `${missing.length} mål kopierade från ${year - 1}.`);
    } catch (error) {
      setProblem(formMessage(error));
    }
  };

  return (
    <>
      {problem ? (
        <div className="notice notice--error" role="alert">
          {problem}
        </div>
      ) : null}
      {inForce.length === 0 ? (
        <p>
          {insatsName === null
            ? `Förbundet har inga mål för ${year} än.`
            : `${insatsName} har inga egna mål för ${year} än.`}
        </p>
      ) : (
        <table className="table goals-in-force">
          <caption className="visually-hidden">
            Mål för {insatsName ?? 'hela förbundet'} {year}
          </caption>
          <thead>
            <tr>
              <th scope="col">Mål</th>
              <th scope="col">Vad som mäts</th>
              <th scope="col">Målvärde</th>
              <th scope="col">
                <span className="visually-hidden">Ändra</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {inForce.map((goal) => (
              <tr key={goal.id}>
                <th scope="row">{goal.label}</th>
                <td>{goalMeasure(goal, itemLabel)}</td>
                <td className="goal-target">{goalTargetText(goal)}</td>
                <td>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() =>
                      saveShowingProblem(
                        inForce.filter((other) => other.id !== goal.id),
                        `Målet ${goal.label} är borttaget för ${year}.`,
                      )
                    }
                  >
                    Ta bort<span className="visually-hidden"> {goal.label}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button type="button" className="button button--quiet" onClick={() => void copyLastYear()}>
          Kopiera förra årets mål
        </button>{' '}
        <span className="hint">
          Lägger till målen från {year - 1} som inte redan finns för {year}.
        </span>
      </p>
      <GoalForm
        key={`${year}/${goals.history.length}`}
        year={year}
        taken={inForce.map((goal) => goal.id)}
        instruments={instruments}
        onAdd={(goal) => save([...inForce, goal], `Målet ${goal.label} är tillagt för ${year}.`)}
      />
      <h3 className="goal-history-heading">Tidigare ändringar av målen för {year}</h3>
      {goals.history.length === 0 ? (
        <p>Målen för {year} har inte satts än.</p>
      ) : (
        <ul className="goal-history">
          {[...goals.history].reverse().map((setting) => (
            <li key={setting.eventId}>
              <span className="goal-history__when">
                {dateTime(new Date(setting.recordedAt))}
                {setting.setOn.slice(0, 10) === setting.recordedAt.slice(0, 10)
                  ? ''
                  : ` (gäller från ${date(setting.setOn)})`}
              </span>
              :{' '}
              {setting.goals.length === 0
                ? 'inga mål'
                : `${setting.goals.length} mål: ${setting.goals.map((goal) => goal.label).join(', ')}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
