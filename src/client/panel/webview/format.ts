/**
 * How the panel writes numbers and colours cells, pure so that mocha tests it: values to four
 * significant digits (the precision hand derivations keep, and enough to tell a wrong third digit),
 * and a diverging heatmap scale — blue below zero, red above, the strength the share of the
 * table's largest magnitude — as a CSS colour with the theme's background showing through.
 */

/** A value as the panel writes it: `formatCell(0.64567)` is `0.6457`, `formatCell(-0.0000123)` is `-1.23e-5`, null is `—`. */
export function formatCell(v: number | null): string {
	if (v === null || !Number.isFinite(v)) return '—';
	if (v === 0) return '0';
	const abs = Math.abs(v);
	if (abs >= 1e-3 && abs < 1e6) return String(Number(v.toPrecision(4)));
	return v.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
}

/** The heatmap colour of a value on a table whose values lie in [min, max]: `heatColor(1, -1, 1)` is strong red. */
export function heatColor(v: number | null, min: number, max: number): string {
	const scale = Math.max(Math.abs(min), Math.abs(max));
	if (v === null || !Number.isFinite(v) || scale === 0) return 'transparent';
	const t = Math.min(1, Math.abs(v) / scale);
	const alpha = (0.08 + 0.72 * t).toFixed(3);
	return v < 0 ? `rgba(49, 130, 189, ${alpha})` : `rgba(214, 96, 77, ${alpha})`;
}

/** A shape as the panel writes it: channels × rows × columns, leaving out what is 1: `shapeText({channels: 2, rows: 1, cols: 4})` is `2 × 4`. */
export function shapeText(s: { readonly channels: number; readonly rows: number; readonly cols: number }): string {
	const parts = s.rows > 1 ? [s.channels, s.rows, s.cols] : [s.channels, s.cols];
	return (parts[0] === 1 ? parts.slice(1) : parts).join(' × ');
}
