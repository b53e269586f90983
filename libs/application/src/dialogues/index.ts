import type { Provider } from '@nestjs/common';
import { CreateCommitmentUseCase } from './create-commitment.use-case.js';
import { CommitmentQueries, DialogueQueries } from './dialogue-queries.js';
import { PerformCommitmentActionUseCase } from './perform-commitment-action.use-case.js';
import { PerformDialogueActionUseCase } from './perform-dialogue-action.use-case.js';
import { RequestDialogueUseCase } from './request-dialogue.use-case.js';

export * from './commitment-writer.js';
export * from './create-commitment.use-case.js';
export * from './dialogue-queries.js';
export * from './dialogue-view.js';
export * from './perform-commitment-action.use-case.js';
export * from './perform-dialogue-action.use-case.js';
export * from './request-dialogue.use-case.js';
export * from './second-complaint-gate.js';

/** Use cases for dialogues and commitments; registered and exported by ApplicationModule. */
export const DIALOGUE_USE_CASES: Provider[] = [
  RequestDialogueUseCase,
  PerformDialogueActionUseCase,
  CreateCommitmentUseCase,
  PerformCommitmentActionUseCase,
  DialogueQueries,
  CommitmentQueries,
];
