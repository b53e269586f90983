import type { Provider } from '@nestjs/common';

/** Use cases for dialogues and commitments; registered and exported by ApplicationModule. */
export const DIALOGUE_USE_CASES: Provider[] = [];
