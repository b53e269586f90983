import { foldForSearch } from '../shared/search-text.js';

/**
 * Whether two petitions are about the same matter (one case handled once): (a) the same respondent decision,
 * or (b) the same place and topic by word overlap. Pure and explainable: every score comes with its reason and
 * the shared terms. Text is folded first (foldForSearch), so "Thu hồi đất ở thôn Đông Hạ" and
 * "thu hoi dat o thon dong ha" are the same words.
 */
export interface MatterText {
  readonly title: string;
  readonly content?: string | null;
  readonly place?: string | null;
  readonly respondentDecisionRef?: string | null;
}

export interface MatterMatchPolicy {
  /** A pair is suggested at or above this score (0–1). */
  readonly threshold: number;
  /** …and only if the topic alone reaches this: two matters at one place are not one matter. */
  readonly minTopic: number;
  /** Weight of the place when both sides name one (the topic gets the rest). */
  readonly placeWeight: number;
  /** Places overlapping this much count as "the same place". */
  readonly samePlace: number;
}

export const MATTER_MATCH_POLICY: MatterMatchPolicy = { threshold: 0.3, minTopic: 0.2, placeWeight: 0.25, samePlace: 0.5 };

/**
 * Folded Vietnamese function words and petition boilerplate that say nothing about the matter. Folding merges
 * some words (tố/tổ → "to", để/đê → "de"); the list accepts that loss for consistency with and without marks.
 */
const STOP_PHRASES = [
  'noi dung',
  'de nghi',
  'kien nghi',
  'phan anh',
  'khieu nai',
  'to cao',
  'giai quyet',
  'xem xet',
  'uy ban nhan dan',
  'ubnd',
  'co quan',
  'chinh quyen',
  'gia dinh toi',
  'chung toi',
];
const STOP_WORDS = new Set([
  'don', 've', 'viec', 'cua', 'va', 'cac', 'nhung', 'la', 'o', 'tai', 'cho', 'voi', 'duoc', 'khong', 'co', 'da', 'dang',
  'se', 'thi', 'ma', 'nay', 'do', 'de', 'trong', 'tren', 'duoi', 'theo', 'tu', 'den', 'nguoi', 'ong', 'ba', 'toi', 'chung',
  'bi', 'nen', 'vi', 'nhu', 'lai', 'ra', 'vao', 'khi', 'nao', 'rat', 'cung', 'con', 'mot', 'so', 'ngay', 'thang', 'nam',
  'xin', 'hay', 'hoac', 'neu', 'nhieu', 'it', 'tat', 'ca', 'moi', 'van', 'the', 'sau', 'truoc', 'luc', 'gui',
  'kinh', 'dan', 'to', 'em', 'anh', 'chi', 'minh', 'ay', 'kia', 'roi', 'chua', 'phai', 'can',
]);

/** The words of a text that can carry a matter: folded, boilerplate and function words removed. */
export function matterWords(text: string): string[] {
  let folded = ` ${foldForSearch(text).replace(/[^a-z0-9]+/g, ' ')} `;
  for (const phrase of STOP_PHRASES) folded = folded.split(` ${phrase} `).join('  ');
  return folded.split(' ').filter((w) => w !== '' && !STOP_WORDS.has(w) && (w.length > 1 || /\d/.test(w)));
}

/**
 * The terms compared: the words and the pairs of consecutive words. Vietnamese meaning lives in syllable
 * pairs ("thu hồi", "đất ở"); pairs keep "đèn đường hỏng" apart from "đường ngập" although both say "đường".
 */
export function matterTerms(text: string): Set<string> {
  const words = matterWords(text);
  const terms = new Set(words);
  for (let i = 1; i < words.length; i++) terms.add(`${words[i - 1]} ${words[i]}`);
  return terms;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * A decision reference in one canonical form: "Quyết định số 125/QĐ-UBND ngày 12/3/2025" and "125/qd-ubnd"
 * both become "125/qd-ubnd" (the number and the issuer's code; a date is not a reference).
 */
export function normalizeDecisionRef(ref: string | null | undefined): string | null {
  if (ref === null || ref === undefined) return null;
  const folded = foldForSearch(ref);
  const m = /\d+\s*\/\s*[a-z][a-z0-9]*(?:\s*-\s*[a-z0-9]+)*/.exec(folded);
  const key = (m ? m[0] : folded).replace(/[^a-z0-9/-]/g, '');
  return key === '' ? null : key;
}

export type MatterMatchReason = 'same_decision' | 'same_place_topic' | 'similar_topic';

export interface MatterMatch {
  /** 0–1. */
  readonly score: number;
  /** Null when the pair is not the same matter. */
  readonly reason: MatterMatchReason | null;
  readonly topic: number;
  /** Null when either side names no place. */
  readonly place: number | null;
  /** The terms both texts share (word pairs first: they say more), for the explanation. */
  readonly sharedTerms: string[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * A matter tokenised once: score one draft against many stored petitions without re-reading the draft for
 * each (prepareMatter, then scoreMatter with the prepared side).
 */
export interface PreparedMatter {
  readonly prepared: true;
  readonly all: ReadonlySet<string>;
  readonly title: ReadonlySet<string>;
  readonly place: ReadonlySet<string> | null;
  readonly refKey: string | null;
}

export function prepareMatter(m: MatterText | PreparedMatter): PreparedMatter {
  if ('prepared' in m) return m;
  const place = m.place ? matterTerms(m.place) : null;
  return {
    prepared: true,
    all: matterTerms(`${m.title} ${m.content ?? ''}`),
    title: matterTerms(m.title),
    place: place && place.size > 0 ? place : null,
    refKey: normalizeDecisionRef(m.respondentDecisionRef),
  };
}

/** Compares two matters; `reason` is set when they should be suggested as one. Either side may be prepared. */
export function scoreMatter(aText: MatterText | PreparedMatter, bText: MatterText | PreparedMatter, policy: MatterMatchPolicy = MATTER_MATCH_POLICY): MatterMatch {
  const a = prepareMatter(aText);
  const b = prepareMatter(bText);
  const sharedTerms = [...a.all].filter((t) => b.all.has(t)).sort((x, y) => y.split(' ').length - x.split(' ').length || x.localeCompare(y));
  // Titles state the matter; long contents dilute the overlap, so the better of the two comparisons counts.
  const topic = Math.max(jaccard(a.title, b.title), jaccard(a.all, b.all));
  const place = a.place && b.place ? jaccard(a.place, b.place) : null;

  if (a.refKey !== null && a.refKey === b.refKey) {
    return { score: 1, reason: 'same_decision', topic: round(topic), place: place === null ? null : round(place), sharedTerms };
  }
  const score = place === null ? topic : (1 - policy.placeWeight) * topic + policy.placeWeight * place;
  const match = score >= policy.threshold && topic >= policy.minTopic;
  const reason: MatterMatchReason | null = !match ? null : place !== null && place >= policy.samePlace ? 'same_place_topic' : 'similar_topic';
  return { score: round(score), reason, topic: round(topic), place: place === null ? null : round(place), sharedTerms };
}
