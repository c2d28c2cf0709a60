/**
 * The H5 build's photo viewer (see index.ts): one photo at a time over a dark backdrop, 「上一张」
 * and 「下一张」, a counter, and 关闭 / Escape / a tap on the backdrop to leave. Plain DOM, so it
 * works from any page without a component tree of its own.
 */
const STYLE = `
.wm-viewer{position:fixed;inset:0;z-index:1000;display:flex;flex-direction:column;background:rgba(0,0,0,.92);color:#fff}
.wm-viewer__stage{flex:1;display:flex;align-items:center;justify-content:center;min-height:0}
.wm-viewer__image{max-width:100%;max-height:100%;object-fit:contain}
.wm-viewer__bar{display:flex;align-items:center;justify-content:space-between;padding:8px 12px calc(8px + env(safe-area-inset-bottom))}
.wm-viewer__button{min-width:64px;min-height:44px;padding:0 12px;border:1px solid rgba(255,255,255,.6);border-radius:22px;background:none;color:#fff;font-size:15px}
.wm-viewer__button:disabled{opacity:.35}
.wm-viewer__count{font-size:15px}
`

let styled = false

function button(text: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button')
  element.type = 'button'
  element.className = 'wm-viewer__button'
  element.textContent = text
  element.addEventListener('click', (event) => {
    event.stopPropagation()
    onClick()
  })
  return element
}

export function viewPhotos(urls: string[], current: string): void {
  if (urls.length === 0) return
  if (!styled) {
    const style = document.createElement('style')
    style.textContent = STYLE
    document.head.appendChild(style)
    styled = true
  }
  let index = Math.max(0, urls.indexOf(current))
  const root = document.createElement('div')
  root.className = 'wm-viewer'
  root.setAttribute('role', 'dialog')
  root.setAttribute('aria-label', '查看照片')
  const stage = document.createElement('div')
  stage.className = 'wm-viewer__stage'
  const image = document.createElement('img')
  image.className = 'wm-viewer__image'
  stage.appendChild(image)
  const count = document.createElement('span')
  count.className = 'wm-viewer__count'
  const close = () => {
    document.removeEventListener('keydown', onKey)
    root.remove()
  }
  const show = (next: number) => {
    index = Math.min(urls.length - 1, Math.max(0, next))
    image.src = urls[index]
    image.alt = `第 ${index + 1} 张照片，共 ${urls.length} 张`
    count.textContent = `${index + 1} / ${urls.length}`
    previous.disabled = index === 0
    following.disabled = index === urls.length - 1
  }
  const previous = button('上一张', () => show(index - 1))
  const following = button('下一张', () => show(index + 1))
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close()
    if (event.key === 'ArrowLeft') show(index - 1)
    if (event.key === 'ArrowRight') show(index + 1)
  }
  const bar = document.createElement('div')
  bar.className = 'wm-viewer__bar'
  bar.append(previous, count, following, button('关闭', close))
  stage.addEventListener('click', close)
  root.append(stage, bar)
  document.addEventListener('keydown', onKey)
  document.body.appendChild(root)
  show(index)
}
