import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * Times are stored in UTC milliseconds and shown on Beijing time whatever the phone's zone is set
 * to (China has one zone and no daylight saving), so every page formats through this.
 */
export function inShanghai(ms: number): Dayjs {
  return dayjs(ms).utcOffset(8 * 60)
}

export function shanghaiTime(ms: number, format: string): string {
  return inShanghai(ms).format(format)
}
