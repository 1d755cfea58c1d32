/**
 * What reading the network off a document gives (DESIGN 2.6): the spec the document works through,
 * or, when its structure cannot be read with confidence, no network and the reason in a sentence.
 * The analysis carries it so that hovers, the CLI summary and the "Insert the network block" action
 * all tell the same story.
 */
import type { NetworkSpec } from '../engine/spec';
import type { Span } from '../text/span';

export type InferredNetwork =
	/** The document's givens and forward formulas reproduce this network exactly. */
	| { readonly kind: 'read'; readonly spec: NetworkSpec }
	/** No network: `reason` says why ("layer PP has no formula for pp_3"), `span` where, if anywhere. */
	| { readonly kind: 'none'; readonly reason: string; readonly span?: Span };
