import type { Type } from '@nestjs/common';
import { CommitmentsController, DialoguesController } from './dialogues.controller.js';

/** Controllers for dialogues and commitments; registered by ApiModule. */
export const DIALOGUE_CONTROLLERS: Type[] = [DialoguesController, CommitmentsController];
