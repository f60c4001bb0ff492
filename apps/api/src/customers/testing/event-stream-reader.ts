/** One server-sent event as a browser's EventSource would hand it over. */
export interface ServerSentEvent {
  type: string;
  data: unknown;
}

/**
 * Reads a text/event-stream response as a browser would, for tests: `next()` resolves with the
 * next event (or rejects after `timeoutMs`), `close()` aborts the request.
 */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<{
  status: number;
  next(timeoutMs?: number): Promise<ServerSentEvent>;
  nothingWithin(ms: number): Promise<ServerSentEvent | null>;
  close(): void;
}> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' }, signal: abort.signal });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  const queue: ServerSentEvent[] = [];
  let buffer = '';
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;

  const readOne = async (timeoutMs: number): Promise<ServerSentEvent | null> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (queue.length) return queue.shift() as ServerSentEvent;
      if (!reader) return null;
      pending ??= reader.read();
      const remaining = deadline - Date.now();
      if (remaining <= 0) return null;
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([pending, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), remaining)))]);
      clearTimeout(timer);
      if (chunk === null) return null;
      pending = null;
      if (chunk.done) return null;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
        if (fields['data'] !== undefined) queue.push({ type: fields['event'] ?? 'message', data: JSON.parse(fields['data']) });
      }
    }
  };

  return {
    status: response.status,
    async next(timeoutMs = 5_000) {
      const event = await readOne(timeoutMs);
      if (!event) throw new Error(`no server-sent event within ${timeoutMs} ms`);
      return event;
    },
    nothingWithin: (ms) => readOne(ms),
    close: () => abort.abort(),
  };
}
