import { useState } from 'react';
import { ChangePasswordBody } from '@stegvis/domain';
import { api, send } from '../../api/client';
import { Form, SubmitButton } from '../../forms/form';
import { TextField } from '../../forms/fields';
import { useZodForm } from '../../forms/use-zod-form';

export function PasswordChange() {
  const form = useZodForm(ChangePasswordBody, {
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const [done, setDone] = useState(false);
  return (
    <section className="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">Byt lösenord</h2>
      {done ? (
        <p className="notice notice--info" role="status">
          Lösenordet är bytt. Andra webbläsare där du var inloggad har loggats ut.
        </p>
      ) : null}
      <Form
        form={form}
        onSubmit={async (body) => {
          await send(api.POST('/v1/auth/password', { body }).then(asEmpty));
          form.reset();
          setDone(true);
        }}
      >
        <TextField
          name="currentPassword"
          label="Nuvarande lösenord"
          type="password"
          autoComplete="current-password"
        />
        <TextField
          name="newPassword"
          label="Nytt lösenord"
          type="password"
          autoComplete="new-password"
          hint="Minst 12 tecken."
        />
        <SubmitButton pending="Byter …">Byt lösenord</SubmitButton>
      </Form>
    </section>
  );
}

/** A 204 has no body; `send` wants data, so an empty answer counts as done. */
export function asEmpty<T extends { response: Response; error?: unknown }>(outcome: T) {
  return { ...outcome, data: outcome.response.ok ? true : undefined };
}
