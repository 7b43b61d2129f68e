/** What a log line may say about an error: its kind, its code and its message without quoted input. */
export type ErrorSummary = {
  readonly type: string;
  readonly code?: string;
  readonly message: string;
};

const MAX_MESSAGE = 300;

/**
 * Messages of errors raised while handling events or requests can quote what they choked on
 * (`JSON.parse`: `Unexpected token 'x', "{"name":…" is not valid JSON`): every quoted part is
 * replaced, so the message says what went wrong without carrying event data into the log.
 */
export function errorSummary(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { type: typeof error, message: '' };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    message: withoutQuotes(error.message).slice(0, MAX_MESSAGE),
  };
}

function withoutQuotes(message: string): string {
  return message.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|«[^»]*»|“[^”]*”/g, '"…"');
}
