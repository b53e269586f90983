import type { Type } from '@nestjs/common';

/** Controllers for dialogues and commitments; registered by ApiModule. */
export const DIALOGUE_CONTROLLERS: Type[] = [];
