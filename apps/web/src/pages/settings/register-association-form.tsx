import { RegisterAssociationBody } from '@stegvis/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, send } from '../../api/client';
import { TextField } from '../../forms/fields';
import { Form, SubmitButton } from '../../forms/form';
import { useIdempotencyKey } from '../../forms/idempotency';
import { useZodForm } from '../../forms/use-zod-form';
import { PAGES } from '../../frame/pages';
import { choicesOf } from '../../labels';
import { CheckboxGroupField } from './settings-fields';

const BLANK = { name: '', orgNumber: '', parties: [] };

/** The förbund just registered, and where its chief is invited. */
function Registered({ name, id }: { readonly name: string; readonly id: string }) {
  return (
    <div className="notice notice--info section-notice" role="status">
      <p>
        {name} är registrerat med id {id}. Bjud nu in förbundets förbundschef.
      </p>
      <p>
        <Link to={`${PAGES.users.path}?forbund=${encodeURIComponent(id)}`}>
          Bjud in förbundschef för {name}
        </Link>
      </p>
    </div>
  );
}

/** "Registrera ett förbund" (DESIGN §8): the admin's first step on a fresh install. */
export function RegisterAssociationForm() {
  const form = useZodForm(RegisterAssociationBody, { defaultValues: BLANK });
  const keys = useIdempotencyKey();
  const [registered, setRegistered] = useState<{ name: string; id: string } | null>(null);
  return (
    <>
      {registered ? <Registered {...registered} /> : null}
      <Form
        form={form}
        label="Registrera ett förbund"
        onSubmit={async (body) => {
          const answer = await send(
            api.POST('/v1/associations', {
              body,
              headers: { 'Idempotency-Key': keys.keyFor(body) },
            }),
          );
          keys.renew();
          form.reset(BLANK);
          setRegistered({ name: body.name, id: answer.associationId });
        }}
      >
        <TextField name="name" label="Namn" hint="Förbundets namn som det står i rapporterna." />
        <TextField
          name="orgNumber"
          label="Organisationsnummer"
          hint="Tio siffror, till exempel 222000-1974."
          inputMode="numeric"
        />
        <CheckboxGroupField
          name="parties"
          legend="Parter"
          hint="Kryssa i de parter som står bakom förbundet."
          choices={choicesOf('parties')}
        />
        <SubmitButton pending="Registrerar …">Registrera förbundet</SubmitButton>
      </Form>
    </>
  );
}
