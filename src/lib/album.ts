import Taro from '@tarojs/taro'

/** What saving a drawn image says to the person: done, or why not and what to do instead. */
export interface SaveOutcome {
  ok: boolean
  message: string
}

/** The page's `<canvas type="2d" id=…>` node in the mini-program, or null when it is not there. */
export function canvasNode<T>(id: string): Promise<T | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true }, () => undefined)
      .exec((res: Array<{ node?: T }>) => resolve(res?.[0]?.node ?? null))
  })
}

/**
 * The mini-program: export a drawn canvas 2d to a temporary PNG and save it to the album (WeChat
 * asks the person for 保存到相册 the first time); a refusal or a cancel says so in words.
 */
export async function saveCanvasToAlbum(node: unknown): Promise<SaveOutcome> {
  try {
    const file = await Taro.canvasToTempFilePath({ canvas: node as Taro.Canvas, fileType: 'png' } as Taro.canvasToTempFilePath.Option)
    await Taro.saveImageToPhotosAlbum({ filePath: file.tempFilePath })
    return { ok: true, message: '已保存到相册' }
  } catch (error) {
    const errMsg = error && typeof error === 'object' && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : ''
    if (/auth deny|authorize/i.test(errMsg)) return { ok: false, message: '需要允许「保存到相册」才能保存，请在设置里打开后重试' }
    if (/cancel/i.test(errMsg)) return { ok: false, message: '已取消保存' }
    return { ok: false, message: '保存失败，请截屏保存' }
  }
}
