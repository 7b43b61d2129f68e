import {
  BUILT_IN_INSTRUMENTS,
  DEFAULT_LADDER,
  Instrument,
  InterventionKind,
  Ladder,
  RegisterInterventionBody,
  STEGVIS_5,
  swedishDate,
} from '@stegvis/domain';
import { z } from 'zod';
import type { Choice } from '../../forms/fields';
import { chosen } from '../participants/form-values';
import type { InstrumentView } from './settings-api';

// The registration form's controls (text, choices) turned into RegisterInterventionBody, so the
// domain's own schemas decide, with their Swedish sentences, at the fields they name.

/** The self-assessment choices: the default, the other built-in ones, the förbund's own, a new. */
export const DEFAULT_INSTRUMENT = 'standard';
export const NEW_INSTRUMENT = 'nytt';
const OWN_PREFIX = 'eget:';

export function instrumentChoices(own: readonly InstrumentView[]): Choice[] {
  const builtIn = Object.values(BUILT_IN_INSTRUMENTS).filter((i) => i.key !== STEGVIS_5.key);
  return [
    { value: DEFAULT_INSTRUMENT, label: `${STEGVIS_5.label}, standard` },
    ...builtIn.map((i) => ({ value: i.key, label: i.label })),
    ...own.map((i) => ({ value: `${OWN_PREFIX}${i.key}`, label: `${i.label} (förbundets eget)` })),
    { value: NEW_INSTRUMENT, label: 'Ett nytt eget formulär (bygg det nedan)' },
  ];
}

/** The förbund's own questionnaires: every instrument its insatser use that is not built in. */
export function ownInstruments(
  interventions: readonly { readonly instruments: readonly InstrumentView[] }[],
): InstrumentView[] {
  const found = new Map<string, InstrumentView>();
  for (const intervention of interventions) {
    for (const instrument of intervention.instruments) {
      if (!(instrument.key in BUILT_IN_INSTRUMENTS) && !found.has(instrument.key)) {
        found.set(instrument.key, instrument);
      }
    }
  }
  return [...found.values()];
}

const text = z.string();
const InterventionControls = z.object({
  name: text,
  kind: chosen(InterventionKind, 'Välj om insatsen är individinriktad eller strukturinriktad.'),
  parties: z
    .array(text)
    .or(z.literal(false).transform(() => []))
    .pipe(z.array(text).min(1, 'Kryssa i minst en part som står bakom insatsen.')),
  startsOn: text.min(1, 'Ange insatsens startdatum.'),
  endsOn: text,
  instrumentChoice: text,
  instrument: z.object({
    key: text,
    label: text,
    items: z.array(z.object({ key: text, label: text, min: text, max: text })),
  }),
  ladderChoice: z.enum(['standard', 'egen']),
  ladder: z.object({ key: text, label: text, levels: z.array(z.object({ label: text })) }),
});
export type InterventionValues = z.input<typeof InterventionControls>;

/** "3" → 3; anything else is left for the domain's schema to refuse in its words. */
const whole = (typed: string): unknown => {
  const trimmed = typed.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
};

type Controls = z.output<typeof InterventionControls>;

function chosenInstrument(values: Controls, own: readonly InstrumentView[]): unknown {
  if (values.instrumentChoice === DEFAULT_INSTRUMENT) return undefined;
  if (values.instrumentChoice === NEW_INSTRUMENT) {
    return {
      key: values.instrument.key.trim(),
      label: values.instrument.label,
      items: values.instrument.items.map((item) => ({
        key: item.key.trim(),
        label: item.label,
        min: whole(item.min),
        max: whole(item.max),
      })),
    };
  }
  if (values.instrumentChoice.startsWith(OWN_PREFIX)) {
    const key = values.instrumentChoice.slice(OWN_PREFIX.length);
    return own.find((i) => i.key === key);
  }
  return values.instrumentChoice;
}

function chosenLadder(values: Controls): unknown {
  if (values.ladderChoice === 'standard') return undefined;
  return {
    key: values.ladder.key.trim(),
    label: values.ladder.label,
    levels: values.ladder.levels.map((step, i) => ({ level: i + 1, label: step.label })),
  };
}

/** The form's schema: its controls, then the domain's body, for the association's own questionnaires. */
export function interventionForm(own: readonly InstrumentView[]) {
  return InterventionControls.transform((values, ctx): RegisterInterventionBody => {
    const individual = values.kind === 'individual';
    const instrument = individual ? chosenInstrument(values, own) : undefined;
    const ladder = individual ? chosenLadder(values) : undefined;
    // An own questionnaire or ladder is checked on its own first, so each refusal lands at the
    // item it is about (inside the body, a questionnaire is "a key or a questionnaire").
    const parts = [
      [
        'instrument',
        values.instrumentChoice === NEW_INSTRUMENT ? instrument : undefined,
        Instrument,
      ],
      ['ladder', ladder, Ladder],
    ] as const;
    let refused = false;
    for (const [field, value, schema] of parts) {
      if (value === undefined) continue;
      const checked = schema.safeParse(value);
      if (checked.success) continue;
      refused = true;
      for (const issue of checked.error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: [field, ...issue.path] });
      }
    }
    if (refused) return z.NEVER;
    const body = RegisterInterventionBody.safeParse({
      name: values.name,
      kind: values.kind,
      parties: values.parties,
      startsOn: values.startsOn,
      ...(values.endsOn === '' ? {} : { endsOn: values.endsOn }),
      ...(instrument === undefined ? {} : { instrument }),
      ...(ladder === undefined ? {} : { ladder }),
    });
    if (body.success) return body.data;
    for (const issue of body.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
    return z.NEVER;
  });
}

export const blankItem = () => ({ key: '', label: '', min: '1', max: '10' });

export const blankIntervention = (): InterventionValues => ({
  name: '',
  kind: 'individual',
  parties: [],
  startsOn: swedishDate(new Date()),
  endsOn: '',
  instrumentChoice: DEFAULT_INSTRUMENT,
  instrument: { key: '', label: '', items: [blankItem()] },
  ladderChoice: 'standard',
  ladder: {
    key: '',
    label: '',
    levels: DEFAULT_LADDER.levels.map((step) => ({ label: step.label })),
  },
});
