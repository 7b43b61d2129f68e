import { errorSummary } from './error-summary';

describe('errorSummary', () => {
  it('keeps the kind, code and message of an error', () => {
    const error = Object.assign(new RangeError('The value is out of range. Received 3333.33'), {
      code: 'ERR_OUT_OF_RANGE',
    });
    expect(errorSummary(error)).toEqual({
      type: 'RangeError',
      code: 'ERR_OUT_OF_RANGE',
      message: 'The value is out of range. Received 3333.33',
    });
  });

  it('drops every quoted part of the message, where errors repeat their input', () => {
    let parseError: unknown;
    try {
      JSON.parse('{"name":"Anna Andersson", oops}');
    } catch (error) {
      parseError = error;
    }
    const summary = errorSummary(parseError);
    expect(summary.type).toBe('SyntaxError');
    expect(summary.message).not.toMatch(/Anna/);
    const quoted = new Error(`Bad value 'Anna' in "19870101-1234" and \`x\` or “Anna”`);
    expect(errorSummary(quoted).message).toBe('Bad value "…" in "…" and "…" or "…"');
  });

  it('bounds the message and says nothing of what is not an Error', () => {
    expect(errorSummary(new Error('x'.repeat(1_000))).message).toHaveLength(300);
    expect(errorSummary('Anna Andersson')).toEqual({ type: 'string', message: '' });
  });
});
