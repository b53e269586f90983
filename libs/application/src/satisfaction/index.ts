import type { Provider } from '@nestjs/common';
import { CitizenFeedbackUseCase } from './citizen-feedback.use-case.js';
import { SatisfactionBoardUseCase } from './satisfaction-board.use-case.js';

export * from './citizen-feedback.use-case.js';
export * from './satisfaction-board.use-case.js';
export { applySatisfactionLinks, DEFAULT_TOKEN_VALID_DAYS } from './satisfaction-tokens.js';

/** Use cases for citizens' satisfaction feedback; registered and exported by ApplicationModule. */
export const SATISFACTION_USE_CASES: Provider[] = [CitizenFeedbackUseCase, SatisfactionBoardUseCase];
