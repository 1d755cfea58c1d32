/**
 * The seed notes' 1-D CNN (DESIGN 2.4) as a network block, for tests that check derivations against
 * it; `bias` names the second conv layer's biases (the notes write `b_1`, `b_2`, which the dense layer
 * also uses).
 */
export function seedBlock(bias = "[c_1, c_2, c_3]"): string {
	return `\`\`\`network
input: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
input_names: i
target: [1, 0]
target_names: t
loss: cross_entropy
learning_rate: 0.7
layers:
  - conv1d: CC
    kernels: [[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]]
    kernel_names: KK
    bias: [0.5, -0.5]
    bias_names: bb
    flip: true
    activation: sigmoid
  - avgpool: PP
    size: 2
  - flatten
  - conv1d: C
    kernels: [[-1, 0, 1], [1, 0, -1], [1, 1, 0]]
    kernel_names: k
    bias: [0, 0, 0]
    bias_names: ${bias}
    flip: true
    activation: sigmoid
  - maxpool: P
    size: 2
  - dense: o
    weights: [[0.1, 0.2, 0.3], [-0.1, -0.2, -0.3]]
    weight_names: w
    bias: [0.4, -0.4]
    bias_names: [b_1, b_2]
    activation: softmax
\`\`\`

`;
}
