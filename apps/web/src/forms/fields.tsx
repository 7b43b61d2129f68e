import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useFormContext, type FieldError } from 'react-hook-form';
import { readableMessage } from './readable-message';

/** The ids a field's label, hint and error share, and its error's message. */
function useField(name: string) {
  const id = useId();
  const { register, getFieldState, formState } = useFormContext();
  const { error } = getFieldState(name, formState);
  return { id, hintId: `${id}-hint`, errorId: `${id}-error`, register, error };
}

const describedBy = (...ids: (string | false | undefined)[]) =>
  ids.filter((id): id is string => typeof id === 'string').join(' ') || undefined;

/** What a control says to assistive technology: invalid or not, and its hint and error. */
function controlState(
  field: ReturnType<typeof useField>,
  hint: ReactNode,
): { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined } {
  return {
    'aria-invalid': field.error ? true : undefined,
    'aria-describedby': describedBy(
      hint !== undefined && field.hintId,
      field.error && field.errorId,
    ),
  };
}

function Hint({
  id,
  hint,
  className = 'hint',
}: {
  readonly id: string;
  readonly hint: ReactNode;
  readonly className?: string;
}) {
  if (hint === undefined) return null;
  return (
    <p id={id} className={className}>
      {hint}
    </p>
  );
}

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
      {readableMessage(error.message)}
    </p>
  );
}

type TextFieldProps = {
  readonly name: string;
  readonly label: string;
  readonly hint?: ReactNode;
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete' | 'inputMode' | 'spellCheck' | 'autoFocus' | 'min' | 'max' | 'step'
>;

export function TextField({ name, label, hint, type = 'text', ...input }: TextFieldProps) {
  const field = useField(name);
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.hintId} hint={hint} />
      <input
        id={field.id}
        type={type}
        {...controlState(field, hint)}
        {...input}
        {...field.register(name)}
      />
      <FieldMessage id={field.errorId} error={field.error} />
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
  const field = useField(name);
  const registered = field.register(name);
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.hintId} hint={hint} />
      <select
        id={field.id}
        {...controlState(field, hint)}
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
      <FieldMessage id={field.errorId} error={field.error} />
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
          <Hint id={`${id}-${index}-hint`} hint={choice.hint} className="hint choice__hint" />
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
  const field = useField(name);
  return (
    <div className="field choice">
      <input
        id={field.id}
        type="checkbox"
        {...controlState(field, hint)}
        {...field.register(name)}
      />
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.hintId} hint={hint} className="hint choice__hint" />
      <FieldMessage id={field.errorId} error={field.error} />
    </div>
  );
}
