import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import type { Choice } from '../../forms/fields';

/** The message the form holds for `name` (a group of fields, or a list), shown where it applies. */
export function GroupError({ name }: { readonly name: string }) {
  const { getFieldState, formState } = useFormContext();
  const { error } = getFieldState(name, formState);
  const message = error?.message ?? error?.root?.message;
  if (!message) return null;
  return (
    <p className="field__error" role="alert">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

/** Several choices of one list (parties, outcomes, aims): the form gets the checked values. */
export function CheckboxGroupField({
  name,
  legend,
  hint,
  choices,
}: {
  readonly name: string;
  readonly legend: string;
  readonly hint?: string;
  readonly choices: readonly Choice[];
}) {
  const id = useId();
  const { register, getFieldState, formState } = useFormContext();
  const { error } = getFieldState(name, formState);
  return (
    <fieldset
      className="field field--group"
      aria-invalid={error ? true : undefined}
      aria-describedby={
        [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined
      }
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {choices.map((choice, index) => (
        <div className="choice" key={choice.value}>
          <input id={`${id}-${index}`} type="checkbox" value={choice.value} {...register(name)} />
          <label htmlFor={`${id}-${index}`}>{choice.label}</label>
        </div>
      ))}
      {error?.message ? (
        <p id={`${id}-error`} className="field__error">
          <span aria-hidden="true">⚠ </span>
          {error.message}
        </p>
      ) : null}
    </fieldset>
  );
}
