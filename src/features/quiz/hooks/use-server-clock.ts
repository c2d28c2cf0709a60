import { useEffect, useMemo, useState } from 'react'

/**
 * The server is the clock: a paper says what time it was on the server when it was sent, and the
 * countdown runs against that, so a phone with a wrong clock neither gains nor loses time.
 * (The network delay counts against the person, by at most a second or so; the server's grace
 * after the deadline covers it.)
 */
export function useServerClock(serverNow: number, tickMs = 250): number {
  const offset = useMemo(() => serverNow - Date.now(), [serverNow])
  const [now, setNow] = useState(() => Date.now() + offset)
  useEffect(() => {
    setNow(Date.now() + offset)
    const timer = setInterval(() => setNow(Date.now() + offset), tickMs)
    return () => clearInterval(timer)
  }, [offset, tickMs])
  return now
}

export const secondsLeft = (until: number, now: number) => Math.max(0, Math.ceil((until - now) / 1000))
