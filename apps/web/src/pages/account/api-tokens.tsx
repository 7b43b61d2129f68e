import { useState } from 'react';
import { CreateApiTokenBody } from '@stegvis/domain';
import { z } from 'zod';
import { api, send } from '../../api/client';
import { ApiErrorView } from '../../frame/api-error-view';
import { Form, SubmitButton } from '../../forms/form';
import { TextField } from '../../forms/fields';
import { useZodForm } from '../../forms/use-zod-form';
import { useLoad } from '../../use-load';
import { asEmpty } from './password-change';

const Fields = CreateApiTokenBody.extend({
  expiresInDays: z.coerce.number<string>().pipe(CreateApiTokenBody.shape.expiresInDays),
});

const day = (iso: string) => new Date(iso).toLocaleDateString('sv-SE');

/** Personal API tokens: made here, shown once, listed by name, revoked. */
export function ApiTokens() {
  const tokens = useLoad('tokens', (signal) => send(api.GET('/v1/auth/tokens', { signal })));
  const [shown, setShown] = useState<string | undefined>();
  const form = useZodForm(Fields, { defaultValues: { label: '', expiresInDays: '90' } });
  return (
    <section className="panel" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API-nycklar</h2>
      <p className="hint">
        För skript och integrationer. En nyckel har samma behörighet som du och visas bara en gång.
      </p>
      {shown ? (
        <div className="notice notice--info" role="status">
          <p>Din nya API-nyckel (kopiera den nu, den visas inte igen):</p>
          <p>
            <code className="secret" aria-label="Ny API-nyckel">
              {shown}
            </code>
          </p>
        </div>
      ) : null}
      <Form
        form={form}
        label="Skapa API-nyckel"
        onSubmit={async (body) => {
          const made = await send(api.POST('/v1/auth/tokens', { body }));
          setShown(made.token);
          form.reset();
          tokens.reload();
        }}
      >
        <TextField name="label" label="Namn på nyckeln" hint="Till exempel vad den används till." />
        <TextField
          name="expiresInDays"
          label="Giltig i dagar"
          inputMode="numeric"
          hint="1–365 dagar."
        />
        <SubmitButton pending="Skapar …">Skapa API-nyckel</SubmitButton>
      </Form>
      {tokens.state.status === 'failed' ? (
        <ApiErrorView error={tokens.state.error} onRetry={tokens.reload} />
      ) : null}
      {tokens.state.status === 'ready' && tokens.state.data.tokens.length > 0 ? (
        <table className="table">
          <caption>Giltiga API-nycklar</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Skapad</th>
              <th scope="col">Gäller till</th>
              <th scope="col">
                <span className="visually-hidden">Åtgärd</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.state.data.tokens.map((t) => (
              <tr key={t.tokenId}>
                <td>{t.label}</td>
                <td>{day(t.createdAt)}</td>
                <td>{day(t.expiresAt)}</td>
                <td>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Återkalla ${t.label}`}
                    onClick={() =>
                      void send(
                        api
                          .DELETE('/v1/auth/tokens/{tokenId}', {
                            params: { path: { tokenId: t.tokenId } },
                          })
                          .then(asEmpty),
                      ).then(tokens.reload)
                    }
                  >
                    Återkalla
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
