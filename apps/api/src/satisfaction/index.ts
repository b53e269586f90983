import type { Type } from '@nestjs/common';

/** Controllers for citizens' satisfaction feedback; registered by ApiModule. */
export const SATISFACTION_CONTROLLERS: Type[] = [];
