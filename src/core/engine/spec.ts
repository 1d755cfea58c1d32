/**
 * The validated description of a network, as `block.ts` produces it from a document's YAML and
 * as tests build it by hand. It holds plain numbers in typed arrays and the names the document
 * gave each value (as written, e.g. `KK_{11}`); the engine (`network.ts`) computes everything
 * else from it. Shapes are not stored: `shape.ts` derives them layer by layer.
 */

export type ActivationKind = 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'softmax' | 'linear';
export type LossKind = 'cross_entropy' | 'mse' | 'half_sse' | 'binary_cross_entropy';
export type Padding = 'valid' | 'same' | number;

/** A tensor shape: channels × rows × cols. 1-D data has `rows = 1` and `dims = 1`. */
export interface Shape {
	readonly channels: number;
	readonly rows: number;
	readonly cols: number;
	readonly dims: 1 | 2;
}

/** Names of a parameter tensor, flat in the same order as its values, as written (`KK_{11}`). */
export type Names = readonly string[];

interface LayerBase {
	/** The layer's name (`CC`, `o`); unnamed layers (`- flatten`) cannot be referred to. */
	readonly name?: string;
}

/** Activation of a layer: the function, and the slope of `leaky_relu` for negative inputs. */
export interface ActivationSpec {
	readonly kind: ActivationKind;
	readonly slope: number;
}

/**
 * conv1d and conv2d alike (1-D is 2-D with one row). `kernels` is out × in × kh × kw, flat.
 * With `flip` the kernel is reversed (true convolution), otherwise it is cross-correlation.
 */
export interface ConvLayer extends LayerBase {
	readonly kind: 'conv';
	readonly dims: 1 | 2;
	readonly outChannels: number;
	readonly inChannels: number;
	readonly kh: number;
	readonly kw: number;
	readonly kernels: Float64Array;
	readonly stride: readonly [number, number];
	readonly padding: Padding;
	readonly flip: boolean;
	/** One per output channel, or a single value shared by every unit (`sharedBias`). */
	readonly bias: Float64Array;
	readonly sharedBias: boolean;
	readonly activation: ActivationSpec;
	readonly kernelNames?: Names;
	readonly biasNames?: Names;
}

export interface PoolLayer extends LayerBase {
	readonly kind: 'pool';
	readonly mode: 'max' | 'avg';
	readonly dims: 1 | 2;
	/** [rows, cols]; 1-D pools have 1 row. */
	readonly size: readonly [number, number];
	readonly stride: readonly [number, number];
}

export interface FlattenLayer extends LayerBase {
	readonly kind: 'flatten';
}

/** A fully connected layer; `weights` is units × inputs, row-major. */
export interface DenseLayer extends LayerBase {
	readonly kind: 'dense';
	readonly units: number;
	readonly weights: Float64Array;
	readonly bias: Float64Array;
	readonly sharedBias: boolean;
	readonly activation: ActivationSpec;
	readonly weightNames?: Names;
	readonly biasNames?: Names;
}

/** An activation function as a layer of its own. */
export interface ActivationLayer extends LayerBase {
	readonly kind: 'activation';
	readonly activation: ActivationSpec;
}

export type LayerSpec = ConvLayer | PoolLayer | FlattenLayer | DenseLayer | ActivationLayer;

/** Role stems for layer quantities (DESIGN 2.5), overridable by the block's `notation:`. */
export interface Notation {
	readonly pre: readonly string[];
	readonly post: readonly string[];
	readonly delta: readonly string[];
}

/** DESIGN 2.5's role stems: in/net/z, out/a, coef/delta. */
export const defaultNotation: Notation = {
	pre: ['in', 'net', 'z'],
	post: ['out', 'a'],
	delta: ['coef', 'delta'],
};

export interface NetworkSpec {
	readonly input: Float64Array;
	readonly inputShape: Shape;
	readonly inputNames?: Names;
	readonly target: Float64Array;
	readonly targetNames?: Names;
	readonly loss: LossKind;
	/** NaN when the block gives none; updated parameters then have no value. */
	readonly learningRate: number;
	readonly layers: readonly LayerSpec[];
	/** Parameters the update leaves alone, as `layer:w:i` / `layer:b:i` keys (see `paramKey`). */
	readonly frozen: ReadonlySet<string>;
	readonly notation: Notation;
	/** Only for a network read off a document: how the document spells what it names (see `WrittenNames`). */
	readonly written?: WrittenNames;
}

/**
 * How a document without a block spells the quantities its forward formulas define and its loss,
 * so that the labels of a network read off it (`labels.ts`) are the document's names: `z_{11}`
 * for the first pre-activation, `L` for the loss. A block names what it names itself, so a spec
 * read from a block has none; its presence says the network was read from the document.
 */
export interface WrittenNames {
	/** The name as written, by quantity id (`L0:pre:0` → `z_{11}`); only pre-activations and outputs. */
	readonly quantities: Readonly<Record<string, string>>;
	/** The loss as written (`L`, `E_{total}`), when the document writes a loss formula. */
	readonly loss?: string;
}

/** The key of one parameter element: `paramKey(2, 'w', 0)` is `2:w:0`, layer 2's first weight. */
export function paramKey(layer: number, kind: 'w' | 'b', index: number): string {
	return `${layer}:${kind}:${index}`;
}
