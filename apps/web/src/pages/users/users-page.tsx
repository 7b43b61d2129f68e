import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, send } from '../../api/client';
import { ApiErrorView } from '../../frame/api-error-view';
import { DeactivateButton } from './deactivate-button';
import { Page } from '../../frame/page';
import { Form, SubmitButton } from '../../forms/form';
import { SelectField, TextField } from '../../forms/fields';
import { useZodForm } from '../../forms/use-zod-form';
import { ROLE_LABELS } from '../../labels';
import { useMe } from '../../session/session-context';
import { useLoad } from '../../use-load';
import { asEmpty } from '../account/password-change';
import { CheckboxGroupField } from '../settings/settings-fields';
import { AssociationField, InviteFields, RoleFields, STATUS_LABELS } from './user-forms';
import { insatsChoices, insatsNames, type Insats } from './insatser';

/** A link to pass on to the person it is for (Stegvis sends no e-mail). */
function LinkToPassOn({ url }: { readonly url: string }) {
  return (
    <div className="notice notice--info" role="status">
      <p>Skicka länken till personen. Den gäller i 7 dagar och fungerar en gång.</p>
      <label className="field">
        <span>Inbjudningslänk</span>
        <input readOnly value={url} onFocus={(e) => e.target.select()} />
      </label>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => void navigator.clipboard?.writeText(url)}
      >
        Kopiera länken
      </button>
    </div>
  );
}

/**
 * /installningar/anvandare (DESIGN §8): the chief invites staff and board members of the
 * association, passes the link on, changes roles and deactivates; an admin does the same for
 * an association's chiefs.
 */
export function UsersPage() {
  const me = useMe();
  // The admin arrives here from a förbund just registered (/installningar), its id in the address.
  const [params] = useSearchParams();
  const given = params.get('forbund') ?? '';
  const [chosen, setChosen] = useState<string | undefined>(
    me.associationId ??
      (AssociationField.safeParse({ associationId: given }).success ? given : undefined),
  );
  const choose = useZodForm(AssociationField, { defaultValues: { associationId: given } });
  return (
    <Page
      title="Användare"
      lead={
        me.role === 'admin'
          ? 'Bjud in förbundschefer. Förbundschefen bjuder sedan in sin personal och styrelse.'
          : 'Bjud in insatspersonal och styrelseledamöter, ändra roller och inaktivera konton.'
      }
    >
      {me.role === 'admin' ? (
        <Form
          form={choose}
          label="Välj förbund"
          onSubmit={async ({ associationId }) => setChosen(associationId)}
        >
          <TextField name="associationId" label="Förbundets id" hint="Till exempel F-7K3QX9MW2A." />
          <SubmitButton>Visa förbundet</SubmitButton>
        </Form>
      ) : null}
      {chosen ? (
        <AssociationUsers key={chosen} associationId={chosen} admin={me.role === 'admin'} />
      ) : null}
    </Page>
  );
}

function AssociationUsers({
  associationId,
  admin,
}: {
  readonly associationId: string;
  readonly admin: boolean;
}) {
  const path = { params: { path: { aid: associationId } } };
  const users = useLoad(associationId, (signal) =>
    send(api.GET('/v1/associations/{aid}/users', { ...path, signal })),
  );
  // Only the chief gives insatser to staff; the admin invites chiefs, who have none.
  const interventions = useLoad(`${associationId}/${admin}`, (signal) =>
    admin
      ? Promise.resolve<readonly Insats[]>([])
      : send(api.GET('/v1/associations/{aid}/interventions', { ...path, signal })).then(
          (answer) => answer.items,
        ),
  );
  const insatser = interventions.state.status === 'ready' ? interventions.state.data : [];
  const [link, setLink] = useState<string | undefined>();
  const invite = useZodForm(InviteFields, {
    defaultValues: { email: '', name: '', role: admin ? 'chief' : 'staff', interventionIds: [] },
  });
  const change = useZodForm(RoleFields, {
    defaultValues: { userId: '', role: 'staff', interventionIds: [] },
  });
  const role = invite.watch('role');
  const roleChoices = (admin ? (['chief'] as const) : (['staff', 'board'] as const)).map((r) => ({
    value: r,
    label: ROLE_LABELS[r],
  }));
  const patch = (
    uid: string,
    body: { role?: 'staff' | 'board'; interventionIds?: string[]; deactivated?: true },
  ) =>
    send(
      api
        .PATCH('/v1/associations/{aid}/users/{uid}', {
          params: { path: { aid: associationId, uid } },
          body,
        })
        .then(asEmpty),
    ).then(users.reload);

  return (
    <>
      <section className="panel" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Bjud in</h2>
        {link ? <LinkToPassOn url={link} /> : null}
        <Form
          form={invite}
          onSubmit={async ({ interventionIds, ...body }) => {
            const made = await send(
              api.POST('/v1/associations/{aid}/users', {
                ...path,
                body: { ...body, ...(body.role === 'staff' ? { interventionIds } : {}) },
              }),
            );
            setLink(made.invitationUrl);
            invite.reset();
            users.reload();
          }}
        >
          <TextField name="email" label="E-post" type="email" spellCheck={false} />
          <TextField name="name" label="Namn" />
          <SelectField name="role" label="Roll" choices={roleChoices} />
          {role === 'staff' ? (
            <CheckboxGroupField
              name="interventionIds"
              legend="Insatser"
              hint="Kryssa i de insatser personen arbetar i."
              choices={insatsChoices(insatser)}
            />
          ) : null}
          <SubmitButton pending="Bjuder in …">Bjud in</SubmitButton>
        </Form>
      </section>

      {interventions.state.status === 'failed' ? (
        <ApiErrorView error={interventions.state.error} onRetry={interventions.reload} />
      ) : null}
      {users.state.status === 'failed' ? (
        <ApiErrorView error={users.state.error} onRetry={users.reload} />
      ) : null}
      {users.state.status === 'ready' ? (
        <section className="panel" aria-labelledby="users-heading">
          <h2 id="users-heading">Förbundets användare</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">E-post</th>
                <th scope="col">Roll</th>
                <th scope="col">Insatser</th>
                <th scope="col">Status</th>
                <th scope="col">Åtgärder</th>
              </tr>
            </thead>
            <tbody>
              {users.state.data.users.map((u) => (
                <tr key={u.userId}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{ROLE_LABELS[u.role]}</td>
                  <td>{insatsNames(u.interventionIds, insatser)}</td>
                  <td>{STATUS_LABELS[u.status]}</td>
                  <td>
                    {u.status !== 'deactivated' &&
                    (admin ? u.role === 'chief' : u.role !== 'chief') ? (
                      <>
                        <button
                          type="button"
                          className="button button--quiet"
                          aria-label={`Ny länk för ${u.name}`}
                          onClick={() =>
                            void send(
                              api.POST('/v1/associations/{aid}/users/{uid}/invitation', {
                                params: { path: { aid: associationId, uid: u.userId } },
                              }),
                            ).then((answer) => setLink(answer.invitationUrl))
                          }
                        >
                          Ny länk
                        </button>{' '}
                        <DeactivateButton
                          name={u.name}
                          onDeactivate={() => patch(u.userId, { deactivated: true })}
                        />
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {!admin && users.state.status === 'ready' ? (
        <section className="panel" aria-labelledby="role-heading">
          <h2 id="role-heading">Ändra roll</h2>
          <Form
            form={change}
            onSubmit={async ({ userId, role: next, interventionIds }) => {
              await patch(userId, {
                role: next,
                ...(next === 'staff' ? { interventionIds } : {}),
              });
              change.reset();
            }}
          >
            <SelectField
              name="userId"
              label="Användare"
              choices={[
                { value: '', label: 'Välj …' },
                ...users.state.data.users
                  .filter((u) => u.role !== 'chief' && u.status !== 'deactivated')
                  .map((u) => ({ value: u.userId, label: `${u.name} (${ROLE_LABELS[u.role]})` })),
              ]}
            />
            <SelectField
              name="role"
              label="Ny roll"
              choices={(['staff', 'board'] as const).map((r) => ({
                value: r,
                label: ROLE_LABELS[r],
              }))}
            />
            <CheckboxGroupField
              name="interventionIds"
              legend="Insatser för insatspersonal"
              hint="Gäller bara rollen insatspersonal: kryssa i de insatser personen arbetar i."
              choices={insatsChoices(insatser)}
            />
            <SubmitButton>Spara roll</SubmitButton>
          </Form>
        </section>
      ) : null}
    </>
  );
}
