import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS_CHECK_BASIS, decide, receive, replay } from './petition.js';

const now = new Date('2026-11-23T02:00:00.000Z');
const head = { userId: '00000000-0000-4000-8000-0000000000aa', role: 'head' as const };

function received(anonymous: boolean) {
  return receive(
    {
      petitionId: '00000000-0000-4000-8000-000000000001',
      kind: 'denunciation',
      channel: 'mail',
      receivingUnitId: '00000000-0000-4000-8000-000000000002',
      trackingCode: 'AB12-CD34-EF56',
      actor: null,
      anonymous,
    },
    now,
  );
}

describe('anonymous denunciations (LTC 2018 Art 25(2))', () => {
  it('records the letter as anonymous on the first event and on the state, and replay keeps it', () => {
    const { state, events } = received(true);
    expect(events[0]).toMatchObject({ type: 'PetitionReceived', anonymous: true });
    expect(state.anonymous).toBe(true);
    expect(replay(events).anonymous).toBe(true);
    // A named letter carries no mark at all (events written before the mark existed replay the same).
    const named = received(false);
    expect('anonymous' in named.events[0]!).toBe(false);
    expect(named.state.anonymous).toBeUndefined();
  });

  it('records the head ordering a check within competence under Art 25(2), not the Art 29 acceptance', () => {
    const anon = received(true).state;
    const d = decide(anon, { action: 'accept', actor: head, note: 'Nội dung cụ thể, có chứng cứ' }, now);
    expect(d).toMatchObject({ ok: true, state: { status: 'accepted', anonymous: true }, events: [{ type: 'PetitionAccepted', legalBasis: ANONYMOUS_CHECK_BASIS }] });
    const named = decide(received(false).state, { action: 'accept', actor: head }, now);
    expect(named).toMatchObject({ ok: true, events: [{ legalBasis: 'Luật Tố cáo 2018 Điều 29' }] });
  });

  it('files a letter without specific content like any other', () => {
    const d = decide(received(true).state, { action: 'file', actor: head, reason: 'anonymous' }, now);
    expect(d).toMatchObject({ ok: true, state: { status: 'filed' } });
  });
});

describe('anonymous information has no re-denunciation (LTC 2018 Art 25(2))', () => {
  it('refuses the second instance, naming the anonymous mark', () => {
    const s0 = received(true).state;
    const concluded = { ...s0, status: 'concluded' as const };
    expect(decide(concluded, { action: 'request-second-instance', actor: { userId: head.userId, role: 'desk' }, reason: 'Không đồng ý', resolutionLapsed: false }, now)).toEqual({
      ok: false,
      refusal: { code: 'invalid-command', action: 'request-second-instance', field: 'anonymous', messageKey: 'petition.anonymous_no_second_instance' },
    });
    const named = { ...received(false).state, status: 'concluded' as const };
    expect(decide(named, { action: 'request-second-instance', actor: { userId: head.userId, role: 'desk' }, reason: 'Không đồng ý', resolutionLapsed: false }, now).ok).toBe(true);
  });
});
