import type { ReadModelGeneration } from '@stegvis/read-models';
import { collections, type ParticipantSummary } from '@stegvis/reporting';
import { participantListItem, type ParticipantListItem } from './participant-list-item';

/** A participant with its last change (its `position`), which the list is sorted on. */
export type Listed = { readonly doc: ParticipantSummary; readonly at: bigint };

/** Tags whose order is kept; the least recently listed is dropped first. */
const TAGS_KEPT = 64;

type Item = { readonly today: string; readonly item: ParticipantListItem };
type Sorted = { readonly generationId: string; readonly listed: readonly Listed[] };

/**
 * The participants of a read-model tag, most recently changed first, kept between requests: a
 * request re-sorts only the documents that changed since the last one and merges them into the
 * kept order, instead of sorting the whole association again (DESIGN §8: 300 ms per page with
 * 5,000 participants). Read-model documents are never changed in place, so a document that is
 * the same object as last time is unchanged. Positions are unique (every event belongs to one
 * participant's stream), so the order is the same as a full sort's.
 */
export class ParticipantIndex {
  private readonly tags = new Map<string, Sorted>();
  private readonly items = new WeakMap<ParticipantSummary, Item>();

  /** The participants carrying `tag` in `generation`, most recently changed first. */
  async sorted(generation: ReadModelGeneration, tag: string): Promise<readonly Listed[]> {
    const docs = (await generation.all(
      collections.participants,
      tag,
    )) as unknown as ParticipantSummary[];
    const kept = this.tags.get(tag);
    this.tags.delete(tag);
    const previous = kept?.generationId === generation.id ? kept.listed : [];
    const listed = this.merge(previous, docs);
    this.tags.set(tag, { generationId: generation.id, listed });
    for (const oldest of this.tags.keys()) {
      if (this.tags.size <= TAGS_KEPT) break;
      this.tags.delete(oldest);
    }
    return listed;
  }

  /** The participant as the list shows it on `today`, made once per document and day. */
  item(doc: ParticipantSummary, today: string): ParticipantListItem {
    const kept = this.items.get(doc);
    if (kept?.today === today) return kept.item;
    const item = participantListItem(doc, today);
    this.items.set(doc, { today, item });
    return item;
  }

  /** `previous` without the documents gone, with the new ones sorted in. */
  private merge(previous: readonly Listed[], docs: readonly ParticipantSummary[]): Listed[] {
    const current = new Set(docs);
    const stayed = previous.filter((l) => current.has(l.doc));
    const stayedDocs = new Set(stayed.map((l) => l.doc));
    const fresh = docs
      .filter((doc) => !stayedDocs.has(doc))
      .map((doc) => ({ doc, at: BigInt(doc.position) }))
      .sort(byLastChange);
    const merged: Listed[] = [];
    let s = 0;
    let f = 0;
    while (s < stayed.length || f < fresh.length) {
      const next =
        f >= fresh.length || (s < stayed.length && byLastChange(stayed[s]!, fresh[f]!) <= 0)
          ? stayed[s++]!
          : fresh[f++]!;
      merged.push(next);
    }
    return merged;
  }
}

/** Most recently changed first. */
export function byLastChange(a: Listed, b: Listed): number {
  return a.at === b.at ? 0 : a.at > b.at ? -1 : 1;
}
