import * as z from 'zod';
import { AutomationDefinition } from './automation-definition';
import { MessagePreviewRequest } from './automation';

/**
 * `POST /api/v1/automations/preview`: a step of a definition that is not saved (the editor's
 * unsaved edits), rendered for a chosen customer. Answered with a `MessagePreview`.
 */
export const DraftMessagePreviewRequest = MessagePreviewRequest.extend({ definition: AutomationDefinition }).strict();
export type DraftMessagePreviewRequest = z.infer<typeof DraftMessagePreviewRequest>;
