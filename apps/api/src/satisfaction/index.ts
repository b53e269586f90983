import type { Type } from '@nestjs/common';
import { FeedbackController } from './feedback.controller.js';
import { SatisfactionBoardController } from './satisfaction-board.controller.js';

/** Controllers for citizens' satisfaction feedback; registered by ApiModule. */
export const SATISFACTION_CONTROLLERS: Type[] = [FeedbackController, SatisfactionBoardController];
