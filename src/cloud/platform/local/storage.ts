import fs from 'node:fs'
import path from 'node:path'
import type { FileStorage } from '../index'

/** File ids look like the cloud's (`cloud://<env>.<bucket>/<path>`) so handlers accept both. */
export const LOCAL_FILE_PREFIX = 'cloud://local.wenming/'

const SAFE_CLOUD_PATH = /^[A-Za-z0-9_\-/.]{1,200}$/

/** Files on disk under `root`; the local host serves them at `/api/storage/file/<path>`. */
export function createLocalStorage(root: string, publicBase = '/api/storage/file/'): FileStorage & { pathOf(fileID: string): string | null } {
  fs.mkdirSync(root, { recursive: true })

  function pathOf(fileID: string): string | null {
    if (!fileID.startsWith(LOCAL_FILE_PREFIX)) return null
    const rel = fileID.slice(LOCAL_FILE_PREFIX.length)
    if (!SAFE_CLOUD_PATH.test(rel) || rel.split('/').includes('..')) return null
    return path.join(root, rel)
  }

  return {
    pathOf,
    async uploadFile({ cloudPath, fileContent }) {
      if (!SAFE_CLOUD_PATH.test(cloudPath) || cloudPath.split('/').includes('..') || cloudPath.startsWith('/')) {
        throw new Error('invalid cloudPath')
      }
      const target = path.join(root, cloudPath)
      await fs.promises.mkdir(path.dirname(target), { recursive: true })
      await fs.promises.writeFile(target, fileContent)
      return { fileID: LOCAL_FILE_PREFIX + cloudPath }
    },
    async downloadFile({ fileID }) {
      const file = pathOf(fileID)
      if (!file) throw new Error('unknown file id')
      return { fileContent: await fs.promises.readFile(file) }
    },
    async getTempFileURL({ fileList }) {
      // a file that is not there has no URL, as in the cloud (which answers with a non-zero status)
      const present = (fileID: string) => {
        const file = pathOf(fileID)
        return file !== null && fs.existsSync(file) && fs.statSync(file).isFile()
      }
      return {
        fileList: fileList.map((fileID) =>
          present(fileID)
            ? { fileID, tempFileURL: publicBase + fileID.slice(LOCAL_FILE_PREFIX.length), status: 0 }
            : { fileID, tempFileURL: '', status: -1 },
        ),
      }
    },
    async deleteFile({ fileList }) {
      const results = await Promise.all(
        fileList.map(async (fileID) => {
          const file = pathOf(fileID)
          if (!file) return { fileID, status: -1 }
          await fs.promises.rm(file, { force: true })
          return { fileID, status: 0 }
        }),
      )
      return { fileList: results }
    },
  }
}
