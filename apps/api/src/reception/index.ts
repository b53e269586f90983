import type { Type } from '@nestjs/common';

/** Controllers for citizen-reception days; registered by ApiModule. */
export const RECEPTION_CONTROLLERS: Type[] = [];
