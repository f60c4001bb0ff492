export interface MessageTemplate {
  readonly subject?: string; // email only
  readonly html?: string; // email only
  readonly text: string; // email text part, SMS body, task description …
}
export interface RenderedMessage {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}
export interface TemplateProblem {
  readonly field: 'subject' | 'html' | 'text';
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Handlebars behind a port: strict about syntax, safe about data (no prototype access). */
export interface MessageRenderer {
  check(template: MessageTemplate): TemplateProblem[];
  render(template: MessageTemplate, context: Record<string, unknown>): RenderedMessage;
}
