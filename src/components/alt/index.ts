/**
 * What an <Image> says to a screen reader, spread onto it: `<Image src={…} {...alt('整改后照片')} />`.
 * The mini-program reads `aria-label`; H5's <Image> (@tarojs/components-react) draws a <div> around
 * an <img> that takes only `imgProps`, so the `alt` goes there (an empty one for a picture whose
 * labelled box already speaks: `alt('')`).
 */
export function alt(text: string): Record<string, unknown> {
  if (process.env.TARO_ENV === 'h5') return { imgProps: { alt: text } }
  return text ? { 'aria-label': text } : { 'aria-hidden': 'true' }
}

/** The spoken name of a field whose label is drawn beside it, not around it: `<Input {...fieldName('名额')} />` (both platforms pass it on to the field). */
export function fieldName(text: string): Record<string, unknown> {
  return { 'aria-label': text }
}

/** a table cell: `<Text {...CELL}>` inside a `role='row'` (Taro's <Text> has no `role` in its types) */
export const CELL: Record<string, string> = { role: 'cell' }

/** a column's heading cell in the table's first `role='row'` */
export const COLUMN_HEADER: Record<string, string> = { role: 'columnheader' }
