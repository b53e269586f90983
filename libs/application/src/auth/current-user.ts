import type { Role } from '@app/domain';

/** The authenticated staff member, with the unit facts jurisdiction checks need. */
export interface CurrentUser {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly unitId: string;
  /** Shown in the web app's header. */
  readonly unitName: string;
  readonly unitLevel: 'province' | 'commune' | 'department' | 'hamlet';
  readonly provinceId: string | null;
  readonly communeId: string | null;
}
