import { GoalYear, InterventionId } from '@stegvis/domain';
import { useCallback, useState } from 'react';
import { z } from 'zod';
import { startExport, type ExportRequest } from '../../api/exports';
import { fetchReport } from '../../api/reports';
import { Page } from '../../frame/page';
import { CheckboxField, RadioGroupField, SelectField } from '../../forms/fields';
import { Form, SubmitButton } from '../../forms/form';
import { useIdempotencyKey } from '../../forms/idempotency';
import { useZodForm } from '../../forms/use-zod-form';
import { useMe } from '../../session/session-context';
import { useLoad } from '../../use-load';
import { ExportJob } from './export-job';
import { rememberExport, startedExports, type StartedExport } from './export-history';

const FORMATS = [
  { value: 'xlsx', label: 'Excel', hint: 'Ett kalkylblad per tabell, med svenska rubriker.' },
  {
    value: 'csv',
    label: 'CSV',
    hint: 'En lång tabell för Excel eller andra program (semikolon, decimalkomma).',
  },
  {
    value: 'finsam',
    label: 'Uppföljning Finsam',
    hint: 'Det förbundet rapporterar till Uppföljning Finsam: per insats typ och deltagare efter kön.',
  },
] as const satisfies readonly { value: ExportRequest['format']; label: string; hint: string }[];

const FORMAT_KEYS = FORMATS.map((f) => f.value) as [
  ExportRequest['format'],
  ...ExportRequest['format'][],
];

// The year and the insats are checked with the domain's own schemas.
const ExportForm = z.object({
  year: GoalYear,
  format: z.enum(FORMAT_KEYS, 'Välj ett format.'),
  publication: z.boolean(),
  interventionId: z.union([z.literal(''), InterventionId]),
});

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 10 }, (_, i) => String(thisYear - i));

/** "Excel, 2025, för publicering, Resurslotsen" */
function describe(values: z.output<typeof ExportForm>, insatsName: string | undefined): string {
  const format = FORMATS.find((f) => f.value === values.format)?.label ?? values.format;
  return [
    format,
    String(values.year),
    values.publication ? 'för publicering' : '',
    insatsName ?? 'alla insatser',
  ]
    .filter(Boolean)
    .join(', ');
}

/** /export (DESIGN §8): start an export, follow its progress, download it. Chief only. */
export default function ExportPage() {
  const me = useMe();
  const associationId = me.associationId ?? '';
  const form = useZodForm(ExportForm, {
    defaultValues: {
      year: String(thisYear - 1),
      format: 'xlsx',
      publication: false,
      interventionId: '',
    },
  });
  const [jobs, setJobs] = useState<StartedExport[]>(startedExports);
  const [announcement, setAnnouncement] = useState('');
  const [startedHere, setStartedHere] = useState<ReadonlySet<string>>(new Set());
  const year = form.watch('year');
  // The year's insatser, from its report (the API has no list of insatser yet).
  const { state } = useLoad(`insatser/${year}`, async (signal) =>
    (
      await fetchReport({ associationId, year: Number(year), interventionId: '' }, signal)
    ).interventions.map((i) => ({ value: i.interventionId, label: i.name })),
  );
  const insatser = state.status === 'ready' ? state.data : [];
  const { keyFor, renew } = useIdempotencyKey();
  // Once a job is done, the same choices again are a new export (of what was registered since),
  // not a retry of the finished one.
  const onFinished = useCallback(
    (message: string) => {
      renew();
      setAnnouncement(message);
    },
    [renew],
  );

  const submit = async (values: z.output<typeof ExportForm>) => {
    const request: ExportRequest = {
      year: values.year,
      format: values.format,
      publication: values.publication,
      ...(values.interventionId === '' ? {} : { interventionId: values.interventionId }),
    };
    const jobId = await startExport(associationId, request, keyFor(request));
    // A repeated submit answered with the job already listed: it is shown and followed there,
    // and announcing its start again could overwrite the news that it is done.
    if (startedExports().some((e) => e.jobId === jobId)) return;
    const description = describe(
      values,
      insatser.find((i) => i.value === values.interventionId)?.label,
    );
    setStartedHere((ids) => new Set([...ids, jobId]));
    setJobs(rememberExport({ jobId, description, startedAt: new Date().toISOString() }));
    setAnnouncement(`Exporten ${description} är startad.`);
  };

  return (
    <Page
      title="Export"
      lead="Exportera årets statistik som fil. Exporten görs i bakgrunden; du kan följa den här och ladda ned filen när den är klar."
    >
      <section aria-labelledby="new-export" className="panel">
        <h2 id="new-export">Ny export</h2>
        <Form form={form} onSubmit={submit}>
          <div className="form__row">
            <SelectField
              name="year"
              label="År"
              choices={YEARS.map((y) => ({ value: y, label: y }))}
            />
            <SelectField
              name="interventionId"
              label="Insats"
              choices={[{ value: '', label: 'Alla insatser' }, ...insatser]}
            />
          </div>
          <RadioGroupField name="format" legend="Format" choices={FORMATS} />
          <CheckboxField
            name="publication"
            label="För publicering"
            hint="Antal under 5 visas som <5, och det som skulle avslöja dem döljs också. Välj det när filen ska lämnas ut."
          />
          <SubmitButton pending="Startar …">Starta export</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="started-exports" className="block">
        <h2 id="started-exports">Exporter i den här sessionen</h2>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        {jobs.length === 0 ? (
          <p className="hint">
            Inga exporter ännu. Exporter du startar visas här tills du stänger fliken.
          </p>
        ) : (
          <ul className="jobs">
            {jobs.map((job) => (
              <ExportJob
                key={job.jobId}
                job={job}
                startedHere={startedHere.has(job.jobId)}
                onFinished={onFinished}
              />
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
