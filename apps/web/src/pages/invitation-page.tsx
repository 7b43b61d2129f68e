import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { NewPassword } from '@stegvis/domain';
import { z } from 'zod';
import { api, send } from '../api/client';
import { Page } from '../frame/page';
import { SIGN_IN_PATH, startPage } from '../frame/pages';
import { Form, SubmitButton } from '../forms/form';
import { TextField } from '../forms/fields';
import { useZodForm } from '../forms/use-zod-form';
import { started } from '../session/session';
import { useSession } from '../session/session-context';

const Fields = z
  .object({ password: NewPassword, repeated: z.string() })
  .refine((v) => v.password === v.repeated, {
    path: ['repeated'],
    message: 'Lösenorden är inte lika. Skriv samma lösenord två gånger.',
  });

/** /inbjudan?kod=… (DESIGN §7): the invitee (or someone who forgot the password) sets a password. */
export function InvitationPage() {
  const [params] = useSearchParams();
  const code = params.get('kod') ?? '';
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const form = useZodForm(Fields, { defaultValues: { password: '', repeated: '' } });
  if (code === '') return <Navigate to={SIGN_IN_PATH} replace />;
  return (
    <Page
      title="Välj lösenord"
      lead="Du har fått en länk till Stegvis. Välj ditt lösenord, så loggas du in."
    >
      <div className="sign-in">
        <Form
          form={form}
          label="Välj lösenord"
          onSubmit={async ({ password }) => {
            const answer = await send(
              api.POST('/v1/auth/invitations/accept', { body: { code, password } }),
            );
            if (answer.signedIn && answer.user && answer.csrfToken) {
              const me = started({ csrfToken: answer.csrfToken, user: answer.user });
              signedIn(me);
              await navigate(startPage(me.role), { replace: true });
              return;
            }
            await navigate(SIGN_IN_PATH, {
              replace: true,
              state: {
                notice:
                  'Lösenordet är sparat. Logga in med det och med en engångskod från din autentiseringsapp.',
              },
            });
          }}
        >
          <TextField
            name="password"
            label="Lösenord"
            type="password"
            autoComplete="new-password"
            hint="Minst 12 tecken. En fras av flera ord är lätt att minnas."
          />
          <TextField
            name="repeated"
            label="Upprepa lösenordet"
            type="password"
            autoComplete="new-password"
          />
          <SubmitButton pending="Sparar …">Spara och logga in</SubmitButton>
        </Form>
      </div>
    </Page>
  );
}
