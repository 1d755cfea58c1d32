// Draws derivcheck's 128×128 icon (media/icon.png) with nothing but Node's zlib: a small network
// (three inputs, two outputs) on a dark rounded square, and a green check mark across it. Each
// shape is a distance function; every pixel is supersampled 4×4 for smooth edges, then the rows
// are deflated into a PNG by hand. Run `node scripts/make-icon.js` after changing it.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 128;
const SS = 4;

function segmentDistance(px, py, ax, ay, bx, by) {
	const dx = bx - ax, dy = by - ay;
	const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
	return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function roundedSquare(px, py, inset, radius) {
	const cx = Math.min(Math.max(px, inset + radius), SIZE - inset - radius);
	const cy = Math.min(Math.max(py, inset + radius), SIZE - inset - radius);
	return Math.hypot(px - cx, py - cy) <= radius;
}

const inputs = [[30, 34], [30, 64], [30, 94]];
const outputs = [[78, 46], [78, 82]];
const check = [[52, 74], [72, 96], [110, 36]];

/** The colour (RGBA, 0–255) of one sample point, painting shapes back to front. */
function sample(x, y) {
	if (!roundedSquare(x, y, 4, 22)) return [0, 0, 0, 0];
	let c = [24, 34, 64, 255];
	for (const a of inputs) for (const b of outputs) {
		if (segmentDistance(x, y, a[0], a[1], b[0], b[1]) < 1.6) c = [96, 130, 200, 255];
	}
	for (const [nx, ny] of [...inputs, ...outputs]) {
		const d = Math.hypot(x - nx, y - ny);
		if (d < 9) c = d < 6.5 ? [170, 200, 255, 255] : [24, 34, 64, 255];
	}
	const dc = Math.min(segmentDistance(x, y, ...check[0], ...check[1]), segmentDistance(x, y, ...check[1], ...check[2]));
	if (dc < 11) c = [24, 34, 64, 255];
	if (dc < 7.5) c = [70, 200, 110, 255];
	return c;
}

function crc32(buf) {
	let c, crc = 0xffffffff;
	for (let n = 0; n < buf.length; n++) {
		c = (crc ^ buf[n]) & 0xff;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		crc = (crc >>> 8) ^ c;
	}
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
	raw[y * (SIZE * 4 + 1)] = 0;
	for (let x = 0; x < SIZE; x++) {
		const acc = [0, 0, 0, 0];
		for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
			const c = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
			for (let i = 0; i < 3; i++) acc[i] += c[i] * c[3];
			acc[3] += c[3];
		}
		const o = y * (SIZE * 4 + 1) + 1 + x * 4;
		const alpha = acc[3] / (SS * SS);
		for (let i = 0; i < 3; i++) raw[o + i] = acc[3] > 0 ? Math.round(acc[i] / acc[3]) : 0;
		raw[o + 3] = Math.round(alpha);
	}
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type RGBA
const png = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	chunk('IHDR', header),
	chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
	chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(path.join(__dirname, '..', 'media', 'icon.png'), png);
console.log(`media/icon.png: ${png.length} bytes`);
