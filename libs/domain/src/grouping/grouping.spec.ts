import { describe, expect, it } from '@jest/globals';
import { HOT_SPOT_POLICY, hotSpotReasons } from './hot-spot.js';
import { matterWords, normalizeDecisionRef, prepareMatter, scoreMatter } from './matter-match.js';
import { assessOverLevel, communeInAddress } from './over-level.js';
import { repeatOf, samePerson } from './repeat.js';
import { checkRepresentatives, normalizePhone, REPRESENTATIVE_POLICY, representativeBand } from './representatives.js';

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ fullName: `Người Số ${i + 1}`, idNumber: `0220900${String(i).padStart(5, '0')}` }));

describe('representatives of a group petition (K16)', () => {
  it('takes the bands from policy data: 5–10 → 1–2, more than 10 → 1–5, below 5 → not a group', () => {
    expect(representativeBand(4)).toBeNull();
    expect(representativeBand(5)).toMatchObject({ minRepresentatives: 1, maxRepresentatives: 2 });
    expect(representativeBand(10)).toMatchObject({ minRepresentatives: 1, maxRepresentatives: 2 });
    expect(representativeBand(11)).toMatchObject({ minRepresentatives: 1, maxRepresentatives: 5 });
    expect(representativeBand(500)).toMatchObject({ maxRepresentatives: 5 });
    expect(REPRESENTATIVE_POLICY.legalBasis).toContain('124/2020');
  });

  it('puts exactly 10 signatories in the 1–2 band: ND 124/2020 Art 6(2) starts the up-to-5 band at 11', () => {
    expect(representativeBand(10)).toEqual({ minPetitioners: 5, maxPetitioners: 10, minRepresentatives: 1, maxRepresentatives: 2 });
    expect(representativeBand(11)).toEqual({ minPetitioners: 11, maxPetitioners: null, minRepresentatives: 1, maxRepresentatives: 5 });
    expect(REPRESENTATIVE_POLICY.legalBasis).toContain('Nghị định 124/2020/NĐ-CP Điều 6 khoản 2');
  });

  it.each([
    [5, 1, true],
    [5, 2, true],
    [5, 3, false],
    [10, 2, true],
    [10, 3, false],
    [11, 3, true],
    [11, 5, true],
    [12, 6, false],
    [7, 0, false],
  ])('%i signatories, %i representatives → accepted %s', (n, k, ok) => {
    const ps = people(n);
    const result = checkRepresentatives(ps, ps.slice(0, k));
    expect(result.ok).toBe(ok);
    if (!ok && !result.ok) expect(result.refusal).toMatchObject({ code: 'count', petitioners: n, given: k });
  });

  it('refuses representatives for fewer than 5 signatories: K16 is about group petitions', () => {
    const ps = people(4);
    expect(checkRepresentatives(ps, ps.slice(0, 1))).toEqual({ ok: false, refusal: { code: 'not-a-group', petitioners: 4, groupMin: 5 } });
  });

  it('accepts a signatory named without diacritics, keeps the recorded name and takes the contact given', () => {
    const ps = [{ fullName: 'Trần Thị Bình', phone: '0912000111' }, ...people(5)];
    const result = checkRepresentatives(ps, [{ fullName: 'tran thi binh', phone: '+84 912 000 111' }]);
    expect(result).toEqual({ ok: true, representatives: [{ fullName: 'Trần Thị Bình', idNumber: null, phone: '+84 912 000 111', petitionerIndex: 0 }] });
  });

  it('refuses a representative who did not sign, or the same signatory twice, naming the entry', () => {
    const ps = people(6);
    expect(checkRepresentatives(ps, [ps[0]!, { fullName: 'Người Ngoài' }])).toEqual({ ok: false, refusal: { code: 'not-a-petitioner', index: 1 } });
    // An ID number decides: the same name with another ID is somebody else.
    expect(checkRepresentatives(ps, [{ fullName: 'Người Số 1', idNumber: '999999999999' }])).toEqual({ ok: false, refusal: { code: 'not-a-petitioner', index: 0 } });
    expect(checkRepresentatives(ps, [ps[2]!, { fullName: 'nguoi so 3' }])).toEqual({ ok: false, refusal: { code: 'duplicate', index: 1 } });
  });

  it('normalises phones: +84 and the domestic 0 are one number', () => {
    expect(normalizePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalizePhone('0912 345 678')).toBe('0912345678');
    expect(normalizePhone('  ')).toBeNull();
  });
});

describe('matter matching (clusters)', () => {
  it('matches "Thu hồi đất ở thôn Đông Hạ" with "thu hoi dat o thon dong ha"', () => {
    const m = scoreMatter({ title: 'Thu hồi đất ở thôn Đông Hạ' }, { title: 'thu hoi dat o thon dong ha' });
    expect(m.score).toBe(1);
    expect(m.reason).toBe('similar_topic');
    expect(m.sharedTerms).toEqual(expect.arrayContaining(['thu', 'hoi', 'dat', 'thon', 'dong', 'ha', 'thu hoi', 'dong ha']));
  });

  it('matches written with and without marks in both directions, with contents and places', () => {
    const withMarks = {
      title: 'Phản ánh việc thu hồi đất ở thôn Đông Hạ',
      content: 'Đề nghị xem xét việc thu hồi đất nông nghiệp của các hộ ở thôn Đông Hạ chưa được bồi thường thỏa đáng.',
      place: 'Thôn Đông Hạ',
    };
    const without = {
      title: 'Don kien nghi ve thu hoi dat thon Dong Ha',
      content: 'Gia dinh toi bi thu hoi dat nong nghiep o thon Dong Ha nhung chua duoc boi thuong.',
      place: 'thon dong ha',
    };
    for (const [a, b] of [
      [withMarks, without],
      [without, withMarks],
    ] as const) {
      const m = scoreMatter(a, b);
      expect(m.reason).toBe('same_place_topic');
      expect(m.place).toBe(1);
      expect(m.score).toBeGreaterThanOrEqual(0.3);
    }
  });

  it('does not match unrelated matters, nor two matters at one place', () => {
    const land = { title: 'Thu hồi đất ở thôn Đông Hạ', place: 'Thôn Đông Hạ' };
    expect(scoreMatter(land, { title: 'Đèn đường hỏng ở tổ 7', content: 'Đèn chiếu sáng không hoạt động' }).reason).toBeNull();
    expect(scoreMatter(land, { title: 'Rác thải không được thu gom', content: 'Bãi rác tự phát gây ô nhiễm', place: 'Thôn Đông Hạ' }).reason).toBeNull();
    // Sharing one common word ("đường") is not the same matter.
    expect(scoreMatter({ title: 'Đèn đường hỏng ở tổ 7' }, { title: 'Đường ngập nước ở tổ 7' }).reason).toBeNull();
  });

  it('matches the same respondent decision however it is written', () => {
    expect(normalizeDecisionRef('Quyết định số 125/QĐ-UBND ngày 12/3/2026')).toBe('125/qd-ubnd');
    expect(normalizeDecisionRef(' 125 / qd - ubnd ')).toBe('125/qd-ubnd');
    const m = scoreMatter(
      { title: 'Khiếu nại quyết định bồi thường', respondentDecisionRef: 'Quyết định 125/QĐ-UBND' },
      { title: 'Không đồng ý giá đền bù', respondentDecisionRef: '125/qd-ubnd' },
    );
    expect(m).toMatchObject({ score: 1, reason: 'same_decision' });
    expect(scoreMatter({ title: 'A b c', respondentDecisionRef: '125/QĐ-UBND' }, { title: 'x y z', respondentDecisionRef: '126/QĐ-UBND' }).reason).toBeNull();
  });

  it('scores a draft tokenised once exactly as the text itself, against every candidate', () => {
    const draft = { title: 'Thu hồi đất ở thôn Đông Hạ', content: 'Chưa bồi thường thỏa đáng', place: 'Thôn Đông Hạ', respondentDecisionRef: '125/QĐ-UBND' };
    const prepared = prepareMatter(draft);
    expect(prepareMatter(prepared)).toBe(prepared);
    for (const other of [
      { title: 'thu hoi dat o thon dong ha', place: 'thon dong ha' },
      { title: 'Đèn đường hỏng ở tổ 7' },
      { title: 'x y z', respondentDecisionRef: '125/qd-ubnd' },
      { title: 'Bồi thường thu hồi đất', content: 'đất nông nghiệp', place: '' },
    ]) {
      expect(scoreMatter(prepared, other)).toEqual(scoreMatter(draft, other));
      expect(scoreMatter(other, prepared)).toEqual(scoreMatter(other, draft));
    }
  });

  it('drops Vietnamese function words and petition boilerplate', () => {
    expect(matterWords('Đơn kiến nghị về việc của các hộ ở thôn Đông Hạ')).toEqual(['ho', 'thon', 'dong', 'ha']);
  });
});

describe('repeats', () => {
  const earlier = { fullName: 'Nguyễn Văn An', idNumber: '022090001234', phone: '0912345678', address: 'Tổ 5, khu 3' };

  it('decides by ID number first, then phone, then folded name and address', () => {
    expect(samePerson(earlier, { fullName: 'Nguyen Van An', idNumber: '022090001234' })).toBe('id_number');
    expect(samePerson(earlier, { fullName: 'Nguyễn Văn An', idNumber: '022090009999', phone: '0912345678' })).toBeNull();
    expect(samePerson({ fullName: 'Lê Bình', phone: '+84912345678' }, { fullName: 'Other', phone: '0912 345 678' })).toBe('phone');
    expect(samePerson({ fullName: 'Lê Thị Bình', address: 'Thôn Đông Hạ' }, { fullName: 'le thi binh', address: 'thon dong ha' })).toBe('name_address');
    expect(samePerson({ fullName: 'Lê Thị Bình' }, { fullName: 'Lê Thị Bình' })).toBeNull();
  });

  it('is a repeat only when the person and the matter both match', () => {
    const same = scoreMatter({ title: 'Thu hồi đất ở thôn Đông Hạ' }, { title: 'thu hoi dat thon dong ha' });
    const other = scoreMatter({ title: 'Thu hồi đất ở thôn Đông Hạ' }, { title: 'Đèn đường hỏng ở tổ 7' });
    expect(repeatOf(earlier, { fullName: 'x', idNumber: '022090001234' }, same)).toMatchObject({ person: 'id_number', matter: 'similar_topic', score: 1 });
    expect(repeatOf(earlier, { fullName: 'x', idNumber: '022090001234' }, other)).toBeNull();
    expect(repeatOf(earlier, { fullName: 'x', idNumber: '111111111' }, same)).toBeNull();
  });
});

describe('over-level (vượt cấp)', () => {
  const communes = [
    { id: 'c1', name: 'Phường Hạ Long' },
    { id: 'c2', name: 'Xã Hạ Long Mới' },
    { id: 'c3', name: 'Phường Bãi Cháy' },
  ];
  const facts = {
    kind: 'feedback' as const,
    channel: 'in_person' as const,
    receivedAtProvinceLevel: true,
    parentPetitionId: null,
    instance: 1 as const,
    respondentDecisionRef: null,
    petitionerCommune: communes[0]!,
  };

  it('finds the commune by its full name, with or without marks', () => {
    expect(communeInAddress('Tổ 5, khu 3, phường Hạ Long, Quảng Ninh', communes)?.id).toBe('c1');
    expect(communeInAddress('to 5 khu 3 phuong bai chay', communes)?.id).toBe('c3');
    expect(communeInAddress('Xã Hạ Long Mới', communes)?.id).toBe('c2');
    expect(communeInAddress('Hạ Long', communes)).toBeNull();
    expect(communeInAddress(null, communes)).toBeNull();
  });

  it('flags when every check passes and explains each check', () => {
    const a = assessOverLevel(facts);
    expect(a.overLevel).toBe(true);
    expect(a.checks.every((c) => c.passed)).toBe(true);
    expect(a.commune?.id).toBe('c1');
  });

  it.each([
    ['received at a commune', { receivedAtProvinceLevel: false }, 'received_at_province_level'],
    ['a denunciation', { kind: 'denunciation' as const }, 'commune_competent_kind'],
    ['a second-time complaint', { kind: 'complaint' as const, instance: 2 as const }, 'first_instance_not_transferred'],
    ['transferred in', { channel: 'transferred_in' as const, parentPetitionId: 'p0' }, 'first_instance_not_transferred'],
    ['a decision referenced', { respondentDecisionRef: '125/QĐ-UBND' }, 'no_decision_referenced'],
    ['no commune known', { petitionerCommune: null }, 'petitioner_commune_known'],
  ])('does not flag %s', (_what, change, failed) => {
    const a = assessOverLevel({ ...facts, ...change });
    expect(a.overLevel).toBe(false);
    expect(a.checks.filter((c) => !c.passed).map((c) => c.check)).toEqual([failed]);
  });
});

describe('hot spots', () => {
  it('is hot on growth at the threshold or with a group petition', () => {
    expect(HOT_SPOT_POLICY).toMatchObject({ defaultWindowDays: 7, growthPetitioners: 5, groupPetitioners: 5 });
    expect(hotSpotReasons({ newPetitioners: 4, largestPetition: 1 })).toEqual([]);
    expect(hotSpotReasons({ newPetitioners: 5, largestPetition: 1 })).toEqual(['growth']);
    expect(hotSpotReasons({ newPetitioners: 0, largestPetition: 5 })).toEqual(['group_petition']);
  });
});
