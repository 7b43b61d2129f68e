import { AssociationId, InterventionId, ParticipantId } from '../events';
import { pseudonym } from './pseudonyms';

describe('pseudonyms', () => {
  it('makes ids that the schemas of their kind accept', () => {
    for (let n = 0; n < 200; n += 1) {
      expect(ParticipantId.safeParse(pseudonym('D')).success).toBe(true);
    }
    expect(AssociationId.safeParse(pseudonym('F')).success).toBe(true);
    expect(InterventionId.safeParse(pseudonym('I')).success).toBe(true);
    expect(ParticipantId.safeParse(pseudonym('I')).success).toBe(false);
  });

  it('derives from a key the id it always has: a retry in an old log names the same participant', () => {
    // Computed with node:crypto before the domain moved to a pure-JS hash.
    expect(pseudonym('D', 'nyckel-1')).toBe('D-F13G1A3VPX');
  });

  it('derives the same id from the same idempotency key, and never uses I, L, O or U', () => {
    expect(pseudonym('D', 'nyckel-1')).toBe(pseudonym('D', 'nyckel-1'));
    expect(pseudonym('D', 'nyckel-1')).not.toBe(pseudonym('D', 'nyckel-2'));
    expect(pseudonym('D', 'nyckel-1')).not.toBe(pseudonym('I', 'nyckel-1').replace('I-', 'D-'));
    const many = Array.from({ length: 500 }, () => pseudonym('D').slice(2)).join('');
    expect(many).not.toMatch(/[ILOU]/);
  });
});
