import type { ReactNode } from 'react';
import {
  FormProvider,
  useFormContext,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form';
import { showServerProblem } from './server-problem';

/**
 * A form of the web application: validated by its schema (useZodForm), submitted once at a
 * time, and showing the server's Swedish problem beside the fields it names and above them.
 */
export function Form<Values extends FieldValues, Output>({
  form,
  onSubmit,
  label,
  children,
  className,
}: {
  readonly form: UseFormReturn<Values, unknown, Output>;
  readonly onSubmit: (values: Output) => Promise<void>;
  /** The form's accessible name, when no heading names it. */
  readonly label?: string;
  readonly children: ReactNode;
  readonly className?: string;
}) {
  const fields = fieldPaths(form.getValues()) as Path<Values>[];
  const serverError = form.formState.errors.root?.server?.message;
  return (
    <FormProvider {...form}>
      <form
        noValidate
        className={className ?? 'form'}
        aria-label={label}
        onSubmit={(event) => {
          if (form.formState.isSubmitting) {
            event.preventDefault();
            return;
          }
          form.clearErrors('root.server');
          void form.handleSubmit(async (values) => {
            try {
              await onSubmit(values);
            } catch (error) {
              showServerProblem(form, error, fields);
            }
          })(event);
        }}
      >
        {serverError ? (
          <div className="notice notice--error" role="alert">
            {serverError}
          </div>
        ) : null}
        {children}
      </form>
    </FormProvider>
  );
}

/** Every field's path: `birthYear`, and inside a group of fields `scores.wellbeing`. */
function fieldPaths(values: object, prefix = ''): string[] {
  return Object.entries(values).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    const nested =
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      !(value instanceof Date);
    return nested ? [path, ...fieldPaths(value as object, `${path}.`)] : [path];
  });
}

/** The form's button; says it is working while the form is being sent. */
export function SubmitButton({
  children,
  pending,
}: {
  readonly children: ReactNode;
  /** What the button says while the form is being sent. */
  readonly pending?: string;
}) {
  const { formState } = useFormContext();
  // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
  return (
    <button type="submit" className="button" aria-disabled={formState.isSubmitting || undefined}>
      {formState.isSubmitting && pending ? pending : children}
    </button>
  );
}
