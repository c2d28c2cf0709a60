import type { Result } from '@/shared/errors'

/**
 * For data that rarely changes (the city map, the office's rules): the first caller fetches, later
 * callers share that answer for the rest of the app session. A failure is forgotten, so the next
 * caller tries again instead of sharing the error.
 */
export function oncePerSession<T>(load: () => Promise<Result<T>>): () => Promise<Result<T>> {
  let pending: Promise<Result<T>> | null = null
  return () => {
    if (!pending) {
      pending = load().then((result) => {
        if (!result.ok) pending = null
        return result
      })
    }
    return pending
  }
}
