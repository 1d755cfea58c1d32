/**
 * A small least-recently-used cache, bounded by the bytes its entries retain as well as by their
 * count: sixteen small networks fit, but two networks of a hundred megabytes do not. Map keeps
 * insertion order, so re-inserting on every hit keeps the oldest entry first, and eviction drops
 * the oldest until both bounds hold. The newest entry always stays, however heavy, since it is the
 * one being used.
 */
export class LruCache<K, V> {
	private readonly map = new Map<K, { value: V; bytes: number }>();
	private total = 0;

	/**
	 * `new LruCache(16, 256e6, (v) => v.bytes)` keeps at most 16 entries and 256 MB; without a
	 * weight every entry counts as zero bytes.
	 */
	constructor(
		private readonly capacity: number,
		private readonly maxBytes = Infinity,
		private readonly weigh: (value: V, key: K) => number = () => 0,
	) {}

	/** The bytes the cached entries retain, by their weights. */
	get bytes(): number {
		return this.total;
	}

	get size(): number {
		return this.map.size;
	}

	/** The cached value for `key`, computing and storing it with `make` on a miss. */
	get(key: K, make: () => V): V {
		const hit = this.map.get(key);
		if (hit) {
			this.map.delete(key);
			this.map.set(key, hit);
			return hit.value;
		}
		const value = make();
		const bytes = this.weigh(value, key);
		this.map.set(key, { value, bytes });
		this.total += bytes;
		while (this.map.size > 1 && (this.map.size > this.capacity || this.total > this.maxBytes)) {
			const [oldest, entry] = this.map.entries().next().value as [K, { value: V; bytes: number }];
			this.map.delete(oldest);
			this.total -= entry.bytes;
		}
		return value;
	}
}
