import { describe, expect, it } from '@jest/globals';
import { PETITION_KINDS } from '../petition/petition-kind.js';
import { PETITION_STATUSES } from '../petition/petition-status.js';
import { PETITION_ACTIONS } from '../petition/petition-commands.js';
import { PETITION_EVENT_TYPES } from '../petition/petition-events.js';
import type { MessageKey } from './messages.js';
import { LABELS, listMessages, MESSAGE_PARTS, MESSAGES, isMessageKey, renderMessage } from './messages.js';

/** `{name}` and the counted `{name|one|other}` (renderMessage's plural forms). */
const PLACEHOLDER = /\{(\w+)(?:\|[^{}|]*\|[^{}|]*)?\}/g;
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
const entries = Object.entries(MESSAGES) as Array<[MessageKey, { vi: string; en: string }]>;

describe('MESSAGES', () => {
  it.each(entries)('%s has non-empty Vietnamese and English text', (_key, message) => {
    expect(message.vi.trim()).not.toBe('');
    expect(message.en.trim()).not.toBe('');
  });

  it.each(entries)('%s uses the same placeholders in both languages', (_key, message) => {
    expect(placeholders(message.vi)).toEqual(placeholders(message.en));
  });

  it('has no malformed placeholders (unbalanced or non-word braces)', () => {
    for (const [key, message] of entries) {
      for (const text of [message.vi, message.en]) {
        const stripped = text.replace(PLACEHOLDER, '');
        expect({ key, braces: /[{}]/.test(stripped) }).toEqual({ key, braces: false });
      }
    }
  });

  it('contains every message key the domain refuses with', () => {
    // decide() returns these keys; the HTTP layer renders them.
    for (const key of ['validation.required', 'petition.transfer_target_required', 'petition.transfer_to_self', 'petition.already_assigned']) {
      expect(isMessageKey(key)).toBe(true);
    }
  });
});

describe('isMessageKey', () => {
  it('accepts catalogue keys and rejects anything else, including inherited properties', () => {
    expect(isMessageKey('error.not_found')).toBe(true);
    expect(isMessageKey('error.nope')).toBe(false);
    expect(isMessageKey('')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
    expect(isMessageKey('__proto__')).toBe(false);
  });
});

describe('plural forms', () => {
  it('render a count with its English noun, and the Vietnamese count as it is', () => {
    const digest = (petitions: number, commitments: number, dialogues: number, alerts: number) =>
      renderMessage('alert.digest', digestLike(alerts, petitions, commitments, dialogues));
    expect(digest(0, 1, 0, 1)).toEqual({ vi: 'Tổng hợp ngày 09/12/2026: 1 cảnh báo thời hạn trên 1 cam kết.', en: 'Digest for 09/12/2026: 1 deadline alert on 1 commitment.' });
    expect(digest(2, 0, 0, 2).en).toBe('Digest for 09/12/2026: 2 deadline alerts on 2 petitions.');
    expect(digest(2, 1, 1, 5)).toEqual({
      vi: 'Tổng hợp ngày 09/12/2026: 5 cảnh báo thời hạn trên 2 đơn, 1 cam kết và 1 cuộc đối thoại.',
      en: 'Digest for 09/12/2026: 5 deadline alerts on 2 petitions, 1 commitment and 1 dialogue.',
    });
    expect(renderMessage('dialogue.questions_unresolved', { count: 1 }).en).toMatch(/^1 question is not yet answered/);
    expect(renderMessage('dialogue.questions_unresolved', { count: 3 }).en).toMatch(/^3 questions are not yet answered/);
    expect(renderMessage('deadline.summary_skipped', { count: 1 }).en).toBe(', skipping 1 day off');
    expect(renderMessage('deadline.summary_skipped', { count: 0 }).en).toBe(', skipping 0 days off');
  });

  it('are how every English count is written: no count placeholder is followed by a bare noun', () => {
    // A count may precede a unit label, which the caller picks by the count (LABELS.durationUnitOne): '{days} {unit}'.
    const counts = /\{(count|days|max|alerts|petitions|commitments|dialogues|required|petitioners)\} (?!\{|paused \{unit\})[a-z]/;
    for (const [key, message] of entries) expect({ key, bare: counts.test(message.en) }).toEqual({ key, bare: false });
  });
});

/** The digest's params as the digest builds them (listMessages of the non-zero subject counts). */
function digestLike(alerts: number, petitions: number, commitments: number, dialogues: number) {
  const parts = [
    ['alert.digest.petitions', petitions],
    ['alert.digest.commitments', commitments],
    ['alert.digest.dialogues', dialogues],
  ] as const;
  const subjects = listMessages(parts.filter(([, n]) => n > 0).map(([k, n]) => renderMessage(k, { count: n })));
  return { date: '09/12/2026', alerts, subjects };
}

describe('renderMessage', () => {
  it('fills placeholders in both languages', () => {
    expect(renderMessage('petition.transition_not_allowed', { action: 'close', status: 'received' })).toEqual({
      vi: 'Không thể "close" khi đơn đang ở trạng thái "received".',
      en: 'Cannot "close" while the petition is "received".',
    });
  });

  it('stringifies numbers', () => {
    const m = renderMessage('petition.version_conflict', { version: 7 });
    expect(m.vi).toContain('phiên bản hiện tại 7');
    expect(m.en).toContain('current version 7');
  });

  it('leaves missing placeholders visible rather than inventing text', () => {
    expect(renderMessage('error.not_found')).toEqual({ vi: 'Không tìm thấy {what}.', en: '{what} not found.' });
    expect(renderMessage('error.not_found', { other: 'x' }).en).toBe('{what} not found.');
  });

  it('returns the text unchanged for messages without placeholders, ignoring extra params', () => {
    expect(renderMessage('error.forbidden', { what: 'x' })).toEqual(MESSAGES['error.forbidden']);
  });

  it('does not re-expand placeholders that appear in parameter values', () => {
    expect(renderMessage('error.not_found', { what: '{what}' }).en).toBe('{what} not found.');
  });

  it.each(entries)('%s: filling every placeholder leaves none behind', (key, message) => {
    const params = Object.fromEntries(placeholders(message.vi).map((p) => [p, `<${p}>`]));
    const rendered = renderMessage(key, params);
    for (const text of [rendered.vi, rendered.en]) expect(text).not.toMatch(/\{\w+\}/);
    for (const p of Object.keys(params)) {
      expect(rendered.vi).toContain(`<${p}>`);
      expect(rendered.en).toContain(`<${p}>`);
    }
  });
});

describe('LABELS', () => {
  it('labels exactly the petition statuses', () => {
    expect(Object.keys(LABELS.status).sort()).toEqual([...PETITION_STATUSES].sort());
  });

  it('labels exactly the petition kinds', () => {
    expect(Object.keys(LABELS.kind).sort()).toEqual([...PETITION_KINDS].sort());
  });

  it('labels every petition action (buttons) and every event of the trail (staff timeline)', () => {
    for (const action of PETITION_ACTIONS) expect(Object.keys(LABELS.action)).toContain(action);
    expect(Object.keys(LABELS.event).sort()).toEqual([...PETITION_EVENT_TYPES].sort());
  });

  it('has non-empty text in both languages for every label', () => {
    for (const group of [LABELS.status, LABELS.kind, LABELS.action, LABELS.event]) {
      for (const label of Object.values(group)) {
        expect(label.vi.trim()).not.toBe('');
        expect(label.en.trim()).not.toBe('');
      }
    }
  });

  it('gives each status a distinct Vietnamese label (people must be able to tell them apart)', () => {
    const vi = Object.values(LABELS.status).map((l) => l.vi);
    expect(new Set(vi).size).toBe(vi.length);
  });
});

describe('MESSAGE_PARTS', () => {
  it('defines each key in exactly one part, so no part silently overrides another', () => {
    const seen = new Map<string, number>();
    MESSAGE_PARTS.forEach((part, i) => {
      for (const key of Object.keys(part)) {
        expect({ key, alsoIn: seen.get(key) }).toEqual({ key, alsoIn: undefined });
        seen.set(key, i);
      }
    });
    expect(seen.size).toBe(Object.keys(MESSAGES).length);
  });
});
