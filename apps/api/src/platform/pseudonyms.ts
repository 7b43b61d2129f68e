// The generator lives with the pattern it must match, in the domain.
export { pseudonym, type PseudonymPrefix } from '@stegvis/domain';
