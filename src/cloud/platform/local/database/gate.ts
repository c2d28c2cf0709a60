/**
 * One connection serves every request, and a transaction's callback is async: while it awaits,
 * nothing else may touch the connection or it would run inside the open transaction. The gate
 * queues other operations (FIFO) while a transaction holds it; with no transaction open a
 * synchronous operation runs at once, without waiting for a tick.
 */
export class Gate {
  private held = false
  private readonly waiting: Array<() => void> = []

  /** Runs a synchronous operation now, or after the transactions queued before it. */
  run<T>(operation: () => T): Promise<T> {
    if (!this.held) return new Promise<T>((resolve) => resolve(operation()))
    return this.acquire().then(() => {
      try {
        return operation()
      } finally {
        this.release()
      }
    })
  }

  /** Holds the gate for the whole of an async operation (a transaction). */
  async exclusive<T>(operation: () => Promise<T>): Promise<T> {
    await this.acquire()
    try {
      return await operation()
    } finally {
      this.release()
    }
  }

  private acquire(): Promise<void> {
    if (!this.held) {
      this.held = true
      return Promise.resolve()
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve))
  }

  /** Hands the gate straight to the next waiter, so newcomers cannot overtake the queue. */
  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.held = false
  }
}
