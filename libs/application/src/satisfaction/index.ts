import type { Provider } from '@nestjs/common';

/** Use cases for citizens' satisfaction feedback; registered and exported by ApplicationModule. */
export const SATISFACTION_USE_CASES: Provider[] = [];
