import { z } from 'zod';
import { allowing, objectOf, refusedAt } from './shared/messages';
import { readableText } from './shared/text';

/** A machine name chosen by a person: a questionnaire's, an item's, a ladder's, a goal's. */
export const keyOf = (example: string) =>
  z
    .string({
      error: allowing(
        `en nyckel av a–z, 0–9, _ och - som börjar med en bokstav eller siffra, högst 64 tecken, t.ex. ${example}`,
      ),
    })
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);

/** The key of a questionnaire (built-in or the association's own). */
export const InstrumentKey = keyOf('stegvis-5');
/** The key of a questionnaire's item. */
export const ItemKey = keyOf('wellbeing');
const Label = readableText({ min: 1, max: 200 });

/** A questionnaire: each item is answered with an integer on its scale. */
export const Instrument = z
  .strictObject(
    {
      key: InstrumentKey,
      label: Label,
      items: z
        .array(
          z.strictObject(
            { key: ItemKey, label: Label, min: z.number().int(), max: z.number().int() },
            { error: objectOf('key, label, min och max') },
          ),
          { error: allowing('en lista med 1–50 frågor, var och en med key, label, min och max') },
        )
        .min(1)
        .max(50),
    },
    { error: objectOf('key, label och items') },
  )
  .superRefine(({ items }, ctx) => {
    const firstWithKey = new Map<string, number>();
    items.forEach((item, i) => {
      if (item.min >= item.max) {
        ctx.addIssue(
          refusedAt(['items', i, 'max'], 'ska vara större än skalans lägsta värde (min)'),
        );
      }
      const first = firstWithKey.get(item.key);
      if (first === undefined) firstWithKey.set(item.key, i);
      else
        ctx.addIssue(
          refusedAt(['items', i, 'key'], `ska skilja sig från nyckeln i fråga ${first + 1}`),
        );
    });
  });
export type Instrument = z.infer<typeof Instrument>;

/** The step ladder toward work: levels 1..n, the highest closest to work or studies. */
export const Ladder = z
  .strictObject(
    {
      key: keyOf('stegvis-trappa'),
      label: Label,
      levels: z
        .array(
          z.strictObject(
            { level: z.number().int().min(1), label: Label },
            { error: objectOf('level och label') },
          ),
          { error: allowing('en lista med 2–20 nivåer, var och en med level och label') },
        )
        .min(2)
        .max(20),
    },
    { error: objectOf('key, label och levels') },
  )
  .superRefine(({ levels }, ctx) => {
    levels.forEach((step, i) => {
      if (step.level !== i + 1) {
        ctx.addIssue(
          refusedAt(
            ['levels', i, 'level'],
            `ska vara ${i + 1}: nivåerna numreras 1, 2, 3, … i ordning`,
          ),
        );
      }
    });
  });
export type Ladder = z.infer<typeof Ladder>;

/** Resurslotsen's self-assessment (Örnsköldsvik): five dimensions, 1–10, at start and at exit. */
export const STEGVIS_5: Instrument = {
  key: 'stegvis-5',
  label: 'Stegvis självskattning (5 områden)',
  items: [
    { key: 'self_esteem', label: 'Självkänsla', min: 1, max: 10 },
    { key: 'wellbeing', label: 'Mående', min: 1, max: 10 },
    { key: 'social_ability', label: 'Social förmåga', min: 1, max: 10 },
    { key: 'employability', label: 'Anställningsbarhet', min: 1, max: 10 },
    { key: 'future_hope', label: 'Framtidshopp', min: 1, max: 10 },
  ],
};

/** Navet's participant indicators (Fryksdalen), 1–5. */
export const NAVET_INDICATORS: Instrument = {
  key: 'navet-indikatorer',
  label: 'Navets deltagarindikatorer',
  items: [
    { key: 'support_needed', label: 'Jag får det stöd jag behöver', min: 1, max: 5 },
    { key: 'influence', label: 'Jag har inflytande i min process', min: 1, max: 5 },
    {
      key: 'authority_support',
      label: 'Jag får stöd i kontakter med myndigheter och vården',
      min: 1,
      max: 5,
    },
    { key: 'ready_for_work', label: 'Jag är mer redo att arbeta eller studera', min: 1, max: 5 },
  ],
};

export const BUILT_IN_INSTRUMENTS: Readonly<Record<string, Instrument>> = {
  [STEGVIS_5.key]: STEGVIS_5,
  [NAVET_INDICATORS.key]: NAVET_INDICATORS,
};
export const BUILT_IN_INSTRUMENT_KEYS: readonly string[] = Object.keys(BUILT_IN_INSTRUMENTS);

export const DEFAULT_LADDER: Ladder = {
  key: 'stegvis-trappa',
  label: 'Stegvis stegtrappa mot arbete',
  levels: [
    { level: 1, label: 'Ej aktuell för arbetslivsinriktade insatser' },
    { level: 2, label: 'Stabiliserande och motiverande insatser' },
    { level: 3, label: 'Arbetsförberedande insatser' },
    { level: 4, label: 'Arbetsträning eller praktik' },
    { level: 5, label: 'Redo för arbete eller studier' },
    { level: 6, label: 'I arbete eller studier' },
  ],
};
