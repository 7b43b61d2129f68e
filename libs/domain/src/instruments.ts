import { z } from 'zod';

const Key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Nyckeln får bara innehålla a–z, 0–9, _ och -.');
const Label = z.string().trim().min(1).max(200);

/** A questionnaire: each item is answered with an integer on its scale. */
export const Instrument = z
  .strictObject({
    key: Key,
    label: Label,
    items: z
      .array(
        z.strictObject({
          key: Key,
          label: Label,
          min: z.number().int(),
          max: z.number().int(),
        }),
      )
      .min(1)
      .max(50),
  })
  .refine((i) => i.items.every((item) => item.min < item.max), {
    message: 'Varje fråga måste ha min mindre än max.',
  })
  .refine((i) => new Set(i.items.map((item) => item.key)).size === i.items.length, {
    message: 'Frågornas nycklar måste vara unika.',
  });
export type Instrument = z.infer<typeof Instrument>;

/** The step ladder toward work: levels 1..n, the highest closest to work or studies. */
export const Ladder = z
  .strictObject({
    key: Key,
    label: Label,
    levels: z
      .array(z.strictObject({ level: z.number().int().min(1), label: Label }))
      .min(2)
      .max(20),
  })
  .refine((l) => l.levels.every((s, i) => s.level === i + 1), {
    message: 'Stegtrappans nivåer ska numreras 1, 2, 3, … i ordning.',
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
