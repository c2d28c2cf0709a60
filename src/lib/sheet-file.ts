import Taro from '@tarojs/taro'
import { uploadFile } from './upload'

/**
 * An office's import sheet (.xlsx), picked and opened on either runtime: the mini-program reads
 * one from a chat (chooseMessageFile) and opens one in WeChat's document reader; the browser uses a
 * file input and a download.
 */
export interface PickedSheet {
  name: string
  path: string
  size: number
}

/** H5: a plain file input (the browser has no chooseMessageFile). */
function pickSheetInBrowser(): Promise<PickedSheet | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.style.display = 'none'
    input.onchange = () => {
      const f = input.files?.[0]
      resolve(f ? { name: f.name, path: URL.createObjectURL(f), size: f.size } : null)
      input.remove()
    }
    document.body.appendChild(input)
    input.click()
  })
}

async function pickSheet(): Promise<PickedSheet | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      // a sheet reaches a phone as a chat attachment: chooseMessageFile reads it from there
      const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
      const f = chosen.tempFiles[0]
      return f ? { name: f.name, path: f.path, size: f.size } : null
    } catch {
      return null
    }
  }
  return pickSheetInBrowser()
}

/** Opens a downloadable sheet: a download in the browser, WeChat's document reader on a phone. */
export async function openSheet(url: string, name: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = url
    a.download = name
    a.target = '_blank'
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  try {
    const r = await Taro.downloadFile({ url })
    await Taro.openDocument({ filePath: r.tempFilePath, fileType: 'xlsx', showMenu: true })
  } catch {
    void Taro.showToast({ icon: 'none', title: '表格打开失败，请稍后再试' })
  }
}

/** A sheet picked and stored in the `sheets` area, ready for a server-side import (dry run first). */
export interface UploadedSheet {
  name: string
  fileId: string
}

/**
 * Picks an .xlsx, checks its name and size on the phone (no upload for a file the import would
 * refuse anyway), and uploads it. null: the picker was closed; `problem`: what to tell the clerk.
 * `onUploading` lets the screen say 正在上传 once the file is accepted.
 */
export async function chooseAndUploadSheet(maxBytes: number, onUploading: () => void): Promise<UploadedSheet | { problem: string } | null> {
  const picked = await pickSheet()
  if (!picked) return null
  if (!/\.xlsx$/i.test(picked.name)) return { problem: '请选择 Excel 表格（.xlsx）' }
  if (picked.size > maxBytes) return { problem: `表格不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请分成几个文件导入` }
  onUploading()
  const up = await uploadFile({ area: 'sheets', filePath: picked.path })
  if (!up.ok) return { problem: up.message }
  return { name: picked.name, fileId: up.data.fileID }
}
