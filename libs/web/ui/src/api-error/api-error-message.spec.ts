import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorMessage } from './api-error-message';

describe('apiErrorMessage', () => {
  it("shows the server's message when the API answered with its error shape", () => {
    const error = new HttpErrorResponse({
      status: 413,
      error: { error: { code: 'payload_too_large', message: 'The file is larger than 200 MB.' } },
    });
    expect(apiErrorMessage(error)).toBe('The file is larger than 200 MB.');
  });

  it('says the server cannot be reached when the request never got an answer', () => {
    expect(apiErrorMessage(new HttpErrorResponse({ status: 0 }))).toContain('cannot be reached');
  });

  it('names the status of any other failure', () => {
    expect(apiErrorMessage(new HttpErrorResponse({ status: 502, statusText: 'Bad Gateway' }))).toBe(
      'The server answered with status 502 (Bad Gateway).',
    );
  });
});
