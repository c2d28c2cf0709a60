import { useLayoutEffect, useRef } from 'react'
import type { TextAreaProps } from './index'

export type { TextAreaProps } from './index'

/** The browser's own textarea, with the props the app uses (see index.tsx). */
export function TextArea({ className, id, value, maxlength, placeholder, autoHeight, onInput }: TextAreaProps) {
  const ref = useRef<HTMLTextAreaElement>(null)
  useLayoutEffect(() => {
    const element = ref.current
    if (!autoHeight || !element) return
    element.style.height = 'auto'
    element.style.height = `${element.scrollHeight}px`
  }, [autoHeight, value])
  return (
    <textarea
      ref={ref}
      className={className}
      id={id}
      value={value}
      maxLength={maxlength}
      placeholder={placeholder}
      onChange={(event) => onInput(event.target.value)}
    />
  )
}
