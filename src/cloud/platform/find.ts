import type { Database, StoredDoc } from './database'

/**
 * A document by id, or null. `doc(id).get()` rejects on a missing document on both platforms,
 * with platform-specific errors; a `where` on `_id` reads the same everywhere.
 */
export async function findById<T extends { _id: string } = StoredDoc>(db: Database, collection: string, id: string): Promise<T | null> {
  const { data } = await db.collection(collection).where({ _id: id }).limit(1).get()
  return (data[0] as unknown as T | undefined) ?? null
}
