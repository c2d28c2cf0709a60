import { Textarea } from '@tarojs/components'

export interface TextAreaProps {
  className?: string
  id?: string
  value: string
  maxlength?: number
  placeholder?: string
  /** grow with the text instead of scrolling inside a fixed box */
  autoHeight?: boolean
  onInput: (value: string) => void
}

/**
 * A multi-line text field. The mini-program uses WeChat's native textarea; the H5 build has its
 * own (index.h5.tsx, picked by Taro's per-platform file resolution) because Taro's H5 Textarea is
 * a Stencil web component whose runtime would otherwise load with every form that has one.
 */
export function TextArea({ className, id, value, maxlength, placeholder, autoHeight, onInput }: TextAreaProps) {
  return (
    <Textarea
      className={className}
      id={id}
      value={value}
      maxlength={maxlength}
      placeholder={placeholder}
      autoHeight={autoHeight}
      onInput={(e) => onInput(e.detail.value)}
    />
  )
}
