/**
 * Polling streams behind the streaming functions. Cells asking the same thing (same exchange,
 * symbol and field) share one stream and one timer; a stream stops when its last cell is
 * deleted (Excel calls onCanceled). Each stream keeps its last good value: while a poll fails,
 * cells keep showing it until it is older than `staleAfterMs`, then they get the error.
 */
export interface StreamListener<T = number> {
  value(v: T): void;
  error(message: string): void;
}

interface Stream {
  listeners: Set<StreamListener<unknown>>;
  timer?: ReturnType<typeof setInterval>;
  last?: { value: unknown; at: number };
  /** The message cells were last given, for a cell that joins a failing stream. */
  lastError?: string;
  running: boolean;
}

export interface StreamOptions {
  pollMs: number;
  staleAfterMs: number;
  now: () => number;
  setInterval: (f: () => void, ms: number) => ReturnType<typeof setInterval>;
  clearInterval: (t: ReturnType<typeof setInterval>) => void;
}

export class StreamHub {
  private readonly streams = new Map<string, Stream>();

  constructor(private readonly options: StreamOptions) {}

  /** Number of streams polling now (for tests). */
  get active(): number {
    return this.streams.size;
  }

  /**
   * Adds a listener to the stream `key` (created on first use), polling `read`. Returns the
   * function that removes the listener; the stream stops with its last listener.
   * `describeError` turns a failure into the message cells show once the last value is stale.
   */
  subscribe<T = number>(
    key: string,
    read: () => Promise<T>,
    describeError: (e: unknown) => string,
    listener: StreamListener<T>,
  ): () => void {
    let stream = this.streams.get(key);
    if (!stream) {
      const created: Stream = { listeners: new Set(), running: false };
      stream = created;
      this.streams.set(key, created);
      const tick = () => void this.poll(created, read, describeError);
      created.timer = this.options.setInterval(tick, this.options.pollMs);
      tick();
    } else if (stream.lastError !== undefined) {
      listener.error(stream.lastError);
    } else if (stream.last) {
      listener.value(stream.last.value as T);
    }
    stream.listeners.add(listener as StreamListener<unknown>);
    const s = stream;
    return () => {
      s.listeners.delete(listener as StreamListener<unknown>);
      if (s.listeners.size === 0) {
        if (s.timer !== undefined) this.options.clearInterval(s.timer);
        this.streams.delete(key);
      }
    };
  }

  private async poll(stream: Stream, read: () => Promise<unknown>, describeError: (e: unknown) => string): Promise<void> {
    if (stream.running) return; // a slow request is still out: do not pile up
    stream.running = true;
    try {
      const value = await read();
      stream.last = { value, at: this.options.now() };
      stream.lastError = undefined;
      for (const l of stream.listeners) l.value(value);
    } catch (e) {
      const fresh = stream.last !== undefined && this.options.now() - stream.last.at < this.options.staleAfterMs;
      if (!fresh) {
        const message = describeError(e);
        stream.lastError = message;
        for (const l of stream.listeners) l.error(message);
      }
    } finally {
      stream.running = false;
    }
  }

  stopAll(): void {
    for (const s of this.streams.values()) if (s.timer !== undefined) this.options.clearInterval(s.timer);
    this.streams.clear();
  }
}
