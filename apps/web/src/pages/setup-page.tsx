import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SetupBody } from '@stegvis/domain';
import { api, send } from '../api/client';
import { Page } from '../frame/page';
import { PAGES, SIGN_IN_PATH } from '../frame/pages';
import { Form, SubmitButton } from '../forms/form';
import { TextField } from '../forms/fields';
import { useZodForm } from '../forms/use-zod-form';
import { started } from '../session/session';
import { useSession } from '../session/session-context';

const Fields = SetupBody.omit({ code: true });

/** /konfigurera?kod=… (DESIGN §7): the first admin, from the address start-up printed. */
export function SetupPage() {
  const [params] = useSearchParams();
  const code = params.get('kod') ?? '';
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const form = useZodForm(Fields, { defaultValues: { name: '', email: '', password: '' } });
  if (code === '') return <Navigate to={SIGN_IN_PATH} replace />;
  return (
    <Page
      title="Skapa administratören"
      lead="Stegvis har inga användare än. Den du skapar här blir administratör: den registrerar förbund och bjuder in förbundschefer."
    >
      <div className="sign-in">
        <Form
          form={form}
          label="Den första administratören"
          onSubmit={async (values) => {
            const answer = await send(api.POST('/v1/auth/setup', { body: { ...values, code } }));
            signedIn(started(answer));
            await navigate(PAGES.settings.path, { replace: true });
          }}
        >
          <TextField name="name" label="Namn" autoComplete="name" />
          <TextField
            name="email"
            label="E-post"
            type="email"
            autoComplete="username"
            spellCheck={false}
          />
          <TextField
            name="password"
            label="Lösenord"
            type="password"
            autoComplete="new-password"
            hint="Minst 12 tecken. En fras av flera ord är lätt att minnas."
          />
          <SubmitButton pending="Skapar …">Skapa administratören</SubmitButton>
        </Form>
      </div>
    </Page>
  );
}
