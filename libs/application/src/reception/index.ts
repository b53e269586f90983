import type { Provider } from '@nestjs/common';

/** Use cases for citizen-reception days; registered and exported by ApplicationModule. */
export const RECEPTION_USE_CASES: Provider[] = [];
