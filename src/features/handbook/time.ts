import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** Stored in UTC ms, shown on Beijing time whatever the phone's zone (China has no daylight saving). */
export function shanghaiTime(ms: number, format: string): string {
  return dayjs(ms).utcOffset(8 * 60).format(format)
}
