/**
 * The English messages, the table that defines every id: an id names what is said
 * (`area.what`), its `{name}` placeholders the finished text it is given. Ids are stable; a
 * change of wording keeps the id. Each message is a whole sentence, or a part whose own
 * punctuation and spacing says where it goes (a part that follows another text starts with its
 * space). The tables hold no braces but placeholders.
 */
export const en = {
	// The document as a whole (check/analyze.ts).
	'analyze.tooLong': 'the math after character {offset} (the document is longer than derivcheck checks)',

	// Arithmetic (check/arithmetic.ts, check/matrices.ts).
	'arithmetic.rounds': '{step} is {value}{spread}, which rounds to {expected}, not {stated}.',
	'arithmetic.is': '{step} is {value}{spread}, not {stated}.',
	'arithmetic.spread': ' (allowing for the rounding of its inputs, anything in {range})',
	'arithmetic.stepDisagrees': 'This step evaluates to {value}, but the steps around it agree on {stated}: it does not follow from them.',
	'arithmetic.adjacent': '{b} is written equal to {a}, but the two differ by more than their rounding.',
	'matrix.element': 'Element {index}',
	'matrix.elementAt': 'Element ({row}, {column})',
	'matrix.rounds': '{element} of {step} is {value}{spread}, which rounds to {expected}, not {stated}.',
	'matrix.is': '{element} of {step} is {value}{spread}, not {stated}.',
	'matrix.stepDisagrees': '{element} of this step evaluates to {value}, but the steps around it agree on {stated}: it does not follow from them.',
	'matrix.adjacent': '{element}, {b}, is written equal to {a}, but the two differ by more than their rounding.',

	// Substitution (check/substitution.ts, check/matrices.ts).
	'substitution.stated': '{number} is written for {name}, but the document states {name} = {value}{also}.',
	'substitution.statedAt': '{value} (line {line})',
	'substitution.statedAfterUpdate': '{value} (line {line}, after its update)',
	'substitution.alsoBefore': ' or, before its update, {value}',
	'substitution.statedHere': '{name} = {value} is stated here.',

	// The truth check (check/truth/checker.ts).
	'truth.substitution.known': "{number} is written for {name}, but the document states {label} = {known} (line {line}) and the network's value is {value}.",
	'truth.substitution.network': "{number} is written for {name}, but the network's value of {label} is {value}.",
	'truth.substitution.afterUpdate': '{number} is {label} after the update; backpropagation must use the weights of the forward pass.',
	'truth.substitution.afterUpdateAt': '{number} is {label} after the update (line {line}); backpropagation must use the weights of the forward pass.',
	'truth.inherited': '{stated} follows from the values before it, but {label} is {value}: it carries the error that starts on line {line} ({origin}).',
	'truth.origin': 'The error starts here.',
	'truth.value': '{label} is {value} ({expected} at your precision), not {stated}.',
	'truth.value.local': 'From your own earlier values it would be {range}.',
	'truth.range': 'between {lo} and {hi}',
	'truth.formula.differs': "With the network's values this formula is {value}, but {label} is {truth}.",
	'truth.formula.element': "With the network's values element {index} of this formula is {value}, but {label} is {truth}.",
	'truth.formula.typo': "{written} should be {meant} here: with it this formula gives {value}, the network's value of {label}.",
	'truth.formula.network': 'The network computes {label} = {formula}.',

	// Known mistakes (check/truth/mistakes.ts): what was done, said after "This" and after "It".
	'mistake.this': 'This {what}: that gives {value}.',
	'mistake.it': 'It {what}.',
	'mistake.updatedWeights': 'uses weights that were already updated; backpropagation must use the weights of the forward pass',
	'mistake.activationDerivative': "leaves out the activation's derivative (it is ∂E/∂out alone)",
	'mistake.kernelUnflipped': 'reads the kernel unflipped (cross-correlation), but the block declares `flip: true`',
	'mistake.kernelFlipped': 'flips the kernel (true convolution), but the block declares cross-correlation (`flip: false`)',
	'mistake.updateSign': 'adds the gradient step instead of subtracting it (w + α·∂E/∂w)',
	'mistake.learningRate': 'uses the learning rate {rate}, but the block declares {declared}',
	'mistake.maxpoolRouting': "routes the max pool's gradient to this element, which lost its window (the maximum is element {winner})",
	'mistake.avgpoolFactor': "leaves out the average pool's factor 1/{size}",
	'mistake.targetSwap': 'swaps target and output (t − out instead of out − t)',

	// Code actions (features/codeActions.ts, features/ignore.ts).
	'action.replace': 'Replace {stated} with {fixed}',
	'action.replaceNumber': 'Replace the number with {fixed}',
	'action.replaceAndChain': 'Replace {stated} with {fixed} and recompute the rest of its chain',
	'action.replaceNumberAndChain': 'Replace the number with {fixed} and recompute the rest of its chain',
	'action.fixOnwardOne': 'Fix this and recompute what follows (1 change)',
	'action.fixOnward': 'Fix this and recompute what follows ({count} changes)',
	'action.fixAllArithmetic': 'Fix all arithmetic in this file',
	'action.fixAllArithmeticCount': 'Fix all arithmetic in this file ({count})',
	'action.fixAllValuesCount': "Fix all values in this file to the network's ({count})",
	'action.fixAllArithmeticAndValues': 'Fix all arithmetic and values in this file',
	'action.ignoreLine': 'Ignore this finding on this line ({code})',
	'action.ignoreBlock': 'Ignore this finding in this block ({code})',
	'action.insertNetworkBlock': 'Insert the network block derivcheck read',

	// The network a check used, as its block (features/networkBlock.ts).
	'networkBlock.none': 'The document declares no network block, and no network was read from it.',
	'networkBlock.unread': 'The document declares no network block, and none could be read from it: {reason}.',
	'networkBlock.doesNotBuild': 'The network block does not build: {problem}',
	'networkBlock.doesNotBuildPlain': 'The network block does not build.',

	// The command line (cli/formatText.ts, cli/main.ts).
	'cli.summary': '{files} · {checked} checked · {wrong} wrong · {unchecked} unchecked',
	'cli.summarySuppressed': '{files} · {checked} checked · {wrong} wrong · {unchecked} unchecked · {suppressed} suppressed',
	'cli.files.one': '1 file',
	'cli.files': '{count} files',
	'cli.uncheckedNames': 'unchecked names: {names}',
	'cli.networkRead': '{path}: network read from the document',
	'cli.noNetwork': '{path}: no network: {reason}',
	'cli.badLang': 'derivcheck: --lang must be one of {allowed}, not "{value}".',
	'cli.noLang': 'derivcheck: --lang needs a value ({allowed}).',
	'cli.badConfig': 'derivcheck: cannot use the configuration file {path}: {reason}.',
	'cli.unreadable': 'derivcheck: cannot read {path}: {reason}.',
	'cli.binary': 'derivcheck: cannot check {path}: a binary file ({reason}).',
} as const;

export type MessageId = keyof typeof en;
