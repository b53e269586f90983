import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Provider } from '@nestjs/common';
import { CitizenFeedbackUseCase } from './citizen-feedback.use-case.js';
import { CitizenMessages } from './citizen-messages.js';
import { SatisfactionBoardUseCase } from './satisfaction-board.use-case.js';

export * from './citizen-feedback.use-case.js';
export * from './citizen-messages.js';
export * from './satisfaction-board.use-case.js';
import { deriveFeedbackLinkKey, FEEDBACK_LINK_KEY } from './satisfaction-tokens.js';

export { applySatisfactionLinks, DEFAULT_TOKEN_VALID_DAYS, FEEDBACK_LINK_KEY } from './satisfaction-tokens.js';

/** The key feedback links are derived with: from the validated configuration, once per process. */
const FEEDBACK_LINK_KEY_PROVIDER: Provider = {
  provide: FEEDBACK_LINK_KEY,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): Buffer => deriveFeedbackLinkKey(config.satisfaction.linkSecret),
};

/** Use cases for citizens' satisfaction feedback; registered and exported by ApplicationModule. */
export const SATISFACTION_USE_CASES: Provider[] = [FEEDBACK_LINK_KEY_PROVIDER, CitizenMessages, CitizenFeedbackUseCase, SatisfactionBoardUseCase];
