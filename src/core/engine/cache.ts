/**
 * A small least-recently-used cache. Map keeps insertion order, so re-inserting on every hit
 * keeps the oldest entry first, and eviction drops it.
 */
export class LruCache<K, V> {
	private readonly map = new Map<K, V>();
	constructor(private readonly capacity: number) {}

	/** The cached value for `key`, computing and storing it with `make` on a miss. */
	get(key: K, make: () => V): V {
		if (this.map.has(key)) {
			const v = this.map.get(key) as V;
			this.map.delete(key);
			this.map.set(key, v);
			return v;
		}
		const v = make();
		this.map.set(key, v);
		if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
		return v;
	}
}
