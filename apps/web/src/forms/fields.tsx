import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useFormContext, type FieldError } from 'react-hook-form';

/** The ids a field's label, hint and error share, and its error's message. */
function useField(name: string) {
  const id = useId();
  const { register, getFieldState, formState } = useFormContext();
  const { error } = getFieldState(name, formState);
  return { id, hintId: `${id}-hint`, errorId: `${id}-error`, register, error };
}

const describedBy = (...ids: (string | false | undefined)[]) =>
  ids.filter((id): id is string => typeof id === 'string').join(' ') || undefined;

function FieldMessage({
  id,
  error,
}: {
  readonly id: string;
  readonly error: FieldError | undefined;
}) {
  if (!error?.message) return null;
  return (
    <p id={id} className="field__error">
      <span aria-hidden="true">⚠ </span>
      {error.message}
    </p>
  );
}

type TextFieldProps = {
  readonly name: string;
  readonly label: string;
  readonly hint?: ReactNode;
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete' | 'inputMode' | 'spellCheck' | 'autoFocus'
>;

export function TextField({ name, label, hint, type = 'text', ...input }: TextFieldProps) {
  const { id, hintId, errorId, register, error } = useField(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && hintId, error && errorId)}
        {...input}
        {...register(name)}
      />
      <FieldMessage id={errorId} error={error} />
    </div>
  );
}

export type Choice = { readonly value: string; readonly label: string; readonly hint?: string };

export function SelectField({
  name,
  label,
  hint,
  choices,
  onChange,
}: {
  readonly name: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly choices: readonly Choice[];
  readonly onChange?: (value: string) => void;
}) {
  const { id, hintId, errorId, register, error } = useField(name);
  const registered = register(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && hintId, error && errorId)}
        {...registered}
        onChange={(event) => {
          void registered.onChange(event);
          onChange?.(event.target.value);
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <FieldMessage id={errorId} error={error} />
    </div>
  );
}

export function RadioGroupField({
  name,
  legend,
  choices,
}: {
  readonly name: string;
  readonly legend: string;
  readonly choices: readonly Choice[];
}) {
  const { id, errorId, register, error } = useField(name);
  return (
    <fieldset
      className="field field--group"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      {choices.map((choice, index) => (
        <div className="choice" key={choice.value}>
          <input
            id={`${id}-${index}`}
            type="radio"
            value={choice.value}
            aria-describedby={choice.hint ? `${id}-${index}-hint` : undefined}
            {...register(name)}
          />
          <label htmlFor={`${id}-${index}`}>{choice.label}</label>
          {choice.hint ? (
            <p id={`${id}-${index}-hint`} className="hint choice__hint">
              {choice.hint}
            </p>
          ) : null}
        </div>
      ))}
      <FieldMessage id={errorId} error={error} />
    </fieldset>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
}: {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
}) {
  const { id, hintId, errorId, register, error } = useField(name);
  return (
    <div className="field choice">
      <input
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && hintId, error && errorId)}
        {...register(name)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint choice__hint">
          {hint}
        </p>
      ) : null}
      <FieldMessage id={errorId} error={error} />
    </div>
  );
}
