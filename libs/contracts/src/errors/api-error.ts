import * as z from 'zod';

/**
 * The body of every error the API answers with: a stable `code` a client can branch on and a
 * `message` written for the person reading it (the web app shows it as is). `details` lists the
 * places in the request that are wrong, when there are several.
 */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
