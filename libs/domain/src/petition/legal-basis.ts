import type { PetitionKind } from './petition-kind.js';
import type { PetitionAction } from './petition-commands.js';

/**
 * Legal references recorded on each audit event (DOMAIN.md §1–§3). These annotate the trail; they drive no
 * deadline. Where DOMAIN.md marks a reference unverified the text says so, so nobody mistakes it for settled law.
 */
const BASIS: Partial<Record<PetitionAction | 'receive', Partial<Record<PetitionKind, string>>>> = {
  receive: {
    complaint: 'Luật Tiếp công dân 2013; TT 05/2021/TT-TTCP',
    denunciation: 'Luật Tố cáo 2018 Điều 24 (chưa xác minh điều khoản)',
    recommendation: 'TT 05/2021/TT-TTCP',
    feedback: 'TT 05/2021/TT-TTCP',
  },
  accept: {
    complaint: 'Luật Khiếu nại 2011 Điều 27',
    denunciation: 'Luật Tố cáo 2018 Điều 29',
    recommendation: 'TT 05/2021/TT-TTCP',
    feedback: 'TT 05/2021/TT-TTCP',
  },
  reject: {
    complaint: 'Luật Khiếu nại 2011 Điều 11, Điều 27',
    denunciation: 'Luật Tố cáo 2018 Điều 29',
  },
  transfer: {
    denunciation: 'Luật Tố cáo 2018 Điều 24 khoản 2 (chưa xác minh điều khoản)',
    recommendation: 'TT 05/2021/TT-TTCP',
    feedback: 'TT 05/2021/TT-TTCP',
  },
  guide: {
    complaint: 'TT 05/2021/TT-TTCP',
    recommendation: 'TT 05/2021/TT-TTCP',
    feedback: 'TT 05/2021/TT-TTCP',
  },
  file: {
    complaint: 'TT 05/2021/TT-TTCP Điều 28',
    denunciation: 'Luật Tố cáo 2018 Điều 25; TT 05/2021/TT-TTCP Điều 28',
    recommendation: 'TT 05/2021/TT-TTCP Điều 28',
    feedback: 'TT 05/2021/TT-TTCP Điều 28',
  },
  'start-verification': {
    complaint: 'Luật Khiếu nại 2011 Điều 29',
    denunciation: 'Luật Tố cáo 2018 Điều 31 (chưa xác minh điều khoản)',
  },
  // The verifier reports the results in writing to the person who resolves (LKN 2011 Art 29; LTC 2018 Art 31).
  'report-verification': {
    complaint: 'Luật Khiếu nại 2011 Điều 29',
    denunciation: 'Luật Tố cáo 2018 Điều 31 (chưa xác minh điều khoản)',
  },
  resolve: {
    complaint: 'Luật Khiếu nại 2011 Điều 31',
    denunciation: 'Luật Tố cáo 2018 Điều 35 (chưa xác minh điều khoản)',
  },
  'request-second-instance': {
    complaint: 'Luật Khiếu nại 2011 Điều 33',
    denunciation: 'Luật Tố cáo 2018 Điều 37 (chưa xác minh điều khoản)',
  },
  withdraw: {
    complaint: 'Luật Khiếu nại 2011 Điều 10; Luật 136/2025/QH15',
    denunciation: 'Luật Tố cáo 2018 Điều 33 (chưa xác minh điều khoản)',
  },
};

export function legalBasisFor(action: PetitionAction | 'receive', kind: PetitionKind): string | null {
  return BASIS[action]?.[kind] ?? null;
}
