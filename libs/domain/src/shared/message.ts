/** A user-facing text in Vietnamese first, English second. */
export interface Message {
  readonly vi: string;
  readonly en: string;
}
