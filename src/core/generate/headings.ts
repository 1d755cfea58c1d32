/**
 * The words a generated derivation writes around its math, in English and Simplified Chinese: the
 * section headings and the few sentences between them. One table per language, keyed alike, so a
 * language is added in one place; the seed notes' own words (正向传播, 反向传播, 层) are used for Chinese.
 */
export type GenerateLanguage = 'en' | 'zh-cn';

export interface Headings {
	readonly title: string;
	readonly intro: string;
	readonly forward: string;
	readonly loss: string;
	readonly backward: string;
	readonly update: string;
	readonly answers: string;
	readonly exerciseIntro: string;
	/** A layer heading: `layer('C', 'conv1d, sigmoid')`. */
	readonly layer: (name: string, what: string) => string;
	/** The sentence for parameters the update leaves alone. */
	readonly frozen: (names: string) => string;
	readonly noLearningRate: string;
	readonly flipped: string;
	/** Between the parts of a layer's description: `, ` in English, `，` in Chinese. */
	readonly sep: string;
	readonly kinds: Readonly<Record<string, string>>;
}

const en: Headings = {
	title: 'Worked derivation',
	intro: 'Every number below is computed from the numbers written before it, each rounded as it is written; the network block declares the givens.',
	forward: 'Forward pass',
	loss: 'Loss',
	backward: 'Backward pass',
	update: 'Update',
	answers: 'Answers',
	exerciseIntro: 'Fill in every $\\square$ with its number; the answers follow at the end.',
	layer: (name, what) => `Layer ${name} (${what})`,
	frozen: (names) => `The update leaves ${names} unchanged (frozen).`,
	noLearningRate: 'The network block gives no learning rate, so there is no update step.',
	flipped: 'flipped kernels',
	sep: ', ',
	kinds: { conv1d: 'conv1d', conv2d: 'conv2d', maxpool: 'max pool', avgpool: 'average pool', dense: 'dense', activation: 'activation' },
};

const zhCn: Headings = {
	title: '推导过程',
	intro: '下面每个数都由它前面写出的数算出，每一步按写出的位数四舍五入；网络块给出已知量。',
	forward: '正向传播',
	loss: '损失',
	backward: '反向传播',
	update: '参数更新',
	answers: '答案',
	exerciseIntro: '请在每个 $\\square$ 处填上数值；答案在最后。',
	layer: (name, what) => `${name} 层（${what}）`,
	frozen: (names) => `更新时 ${names} 保持不变（冻结）。`,
	noLearningRate: '网络块没有给出学习率，因此没有参数更新这一步。',
	flipped: '卷积核翻转',
	sep: '，',
	kinds: { conv1d: '一维卷积', conv2d: '二维卷积', maxpool: '最大池化', avgpool: '平均池化', dense: '全连接', activation: '激活' },
};

const TABLE: Record<GenerateLanguage, Headings> = { en, 'zh-cn': zhCn };

/** The headings of a language: `headings('zh-cn').forward` is `正向传播`. */
export function headings(language: GenerateLanguage): Headings {
	return TABLE[language];
}

/** The languages a derivation can be written in, for option checks and messages. */
export const GENERATE_LANGUAGES: readonly GenerateLanguage[] = ['en', 'zh-cn'];
