// The web app's types are the browser's; its pure specs run under Jest.
/// <reference types="jest" />
import { readableMessage } from './readable-message';

describe('messages as a person reads them', () => {
  it('leaves out the field codes the domain names in brackets', () => {
    expect(
      readableMessage('Födelseåret (birthYear) ska vara ett heltal mellan 1900 och 2100.'),
    ).toBe('Födelseåret ska vara ett heltal mellan 1900 och 2100.');
    expect(
      readableMessage('Högsta värde i fråga 2 (instruments.0.items.1.max) ska vara större.'),
    ).toBe('Högsta värde i fråga 2 ska vara större.');
  });

  it('keeps Swedish text in brackets and everything else as it is', () => {
    expect(readableMessage('Skriv datumet som ÅÅÅÅ-MM-DD (till exempel 2026-03-01).')).toBe(
      'Skriv datumet som ÅÅÅÅ-MM-DD (till exempel 2026-03-01).',
    );
  });
});
