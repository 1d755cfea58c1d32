/** The matrix notation (bmatrix form); until it is written, every network is refused with a sentence. */
import type { Network } from '../engine/network';
import type { Carried } from './carry';
import type { Section } from './plan';

export function matrixRefusal(_net: Network): string | undefined {
	return 'The matrix notation is not available yet; write it with --notation seed or --notation textbook.';
}

export function writeMatrixSection(_net: Network, _s: Section, _c: Carried, _e: boolean): { math: string; answers: { label: string; value: string }[] }[] | string {
	return 'The matrix notation is not available yet.';
}
