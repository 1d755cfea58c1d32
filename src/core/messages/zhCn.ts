/**
 * The Simplified Chinese messages, one for every id of `en.ts` with the same placeholders (a test
 * checks both). They are written for a student working through the derivation by hand, as a
 * teacher would say them next to the page — not word for word from the English: 代入 for a number
 * written in place of a name, 四舍五入 for rounding, 正向传播/反向传播, 卷积核, 网络块 for the
 * `network` block, and the terms the extension's own Chinese strings use (已检查, 错误, 未检查, 忽略).
 */
import type { MessageId } from './en';

export const zhCn: Readonly<Record<MessageId, string>> = {
	'analyze.tooLong': '第 {offset} 个字符之后的数学内容（文档超出了 derivcheck 检查的长度）',

	'arithmetic.rounds': '{step} 算出来是 {value}{spread}，四舍五入到你写的位数是 {expected}，不是 {stated}。',
	'arithmetic.is': '{step} 算出来是 {value}{spread}，不是 {stated}。',
	'arithmetic.spread': '（输入数值带有舍入误差，结果可在 {range} 内）',
	'arithmetic.stepDisagrees': '这一步算出来是 {value}，但它前后的各步都等于 {stated}：这一步不是由它们推出来的。',
	'arithmetic.adjacent': '{b} 写成等于 {a}，但两者之差超出了舍入误差的范围。',
	'matrix.element': '第 {index} 个元素',
	'matrix.elementAt': '第 ({row}, {column}) 个元素',
	'matrix.rounds': '{step} 的{element}算出来是 {value}{spread}，四舍五入到你写的位数是 {expected}，不是 {stated}。',
	'matrix.is': '{step} 的{element}算出来是 {value}{spread}，不是 {stated}。',
	'matrix.stepDisagrees': '这一步的{element}算出来是 {value}，但它前后的各步都等于 {stated}：这一步不是由它们推出来的。',
	'matrix.adjacent': '{element} {b} 写成等于 {a}，但两者之差超出了舍入误差的范围。',

	'substitution.stated': '这里把 {number} 代入 {name}，但文中给出的是 {name} = {value}{also}。',
	'substitution.statedAt': '{value}（第 {line} 行）',
	'substitution.statedAfterUpdate': '{value}（第 {line} 行，更新之后）',
	'substitution.alsoBefore': '，更新之前是 {value}',
	'substitution.statedHere': '这里给出 {name} = {value}。',

	'truth.substitution.known': '这里把 {number} 代入 {name}，但文中给出的是 {label} = {known}（第 {line} 行），网络算出的值是 {value}。',
	'truth.substitution.network': '这里把 {number} 代入 {name}，但网络算出的 {label} 是 {value}。',
	'truth.substitution.afterUpdate': '{number} 是 {label} 更新之后的值；反向传播要用正向传播时的权重，而不是更新后的。',
	'truth.substitution.afterUpdateAt': '{number} 是 {label} 更新之后的值（第 {line} 行）；反向传播要用正向传播时的权重，而不是更新后的。',
	'truth.inherited': '{stated} 按前面的数值算是对的，但 {label} 的真实值是 {value}：它沿用了从第 {line} 行（{origin}）开始的错误。',
	'truth.origin': '错误从这里开始。',
	'truth.value': '{label} 应为 {value}（按你的精度写作 {expected}），而不是 {stated}。',
	'truth.value.local': '用你前面自己算出的数值，它应当是 {range}。',
	'truth.range': '{lo} 到 {hi} 之间',
	'truth.formula.differs': '把网络的真实值代进这个公式，得到 {value}，但 {label} 应为 {truth}。',
	'truth.formula.element': '把网络的真实值代进这个公式，第 {index} 个元素得到 {value}，但 {label} 应为 {truth}。',
	'truth.formula.typo': '这里的 {written} 应为 {meant}：换成它，这个公式正好得到 {value}，即网络中 {label} 的值。',
	'truth.formula.network': '网络是这样算的：{label} = {formula}。',

	'mistake.this': '这里{what}：这样算正好得到 {value}。',
	'mistake.it': '这个公式{what}。',
	'mistake.updatedWeights': '用了已经更新过的权重；反向传播要用正向传播时的权重，更新要等梯度全部算完之后再做',
	'mistake.activationDerivative': '漏乘了激活函数的导数（只算了 ∂E/∂out 这一项）',
	'mistake.kernelUnflipped': '没有翻转卷积核（按互相关计算），但网络块声明的是 `flip: true`，要先把卷积核翻转再相乘',
	'mistake.kernelFlipped': '把卷积核翻转了（按真正的卷积计算），但网络块声明的是互相关（`flip: false`），卷积核不用翻转',
	'mistake.updateSign': '把梯度这一步加上去了，应该减去（写成了 w + α·∂E/∂w，正确的是 w − α·∂E/∂w）',
	'mistake.learningRate': '用的学习率是 {rate}，但网络块声明的是 {declared}',
	'mistake.maxpoolRouting': '把最大池化的梯度传给了这个元素，可它不是所在窗口里的最大值（最大的是第 {winner} 个元素，梯度只传给它）',
	'mistake.avgpoolFactor': '漏掉了平均池化的系数 1/{size}',
	'mistake.targetSwap': '把目标值和输出弄反了（算成了 t − out，应为 out − t）',

	'action.replace': '把 {stated} 改为 {fixed}',
	'action.replaceNumber': '把这个数改为 {fixed}',
	'action.replaceAndChain': '把 {stated} 改为 {fixed}，并重算这一串等式的其余部分',
	'action.replaceNumberAndChain': '把这个数改为 {fixed}，并重算这一串等式的其余部分',
	'action.fixOnwardOne': '修正这里并重算后面的内容（1 处改动）',
	'action.fixOnward': '修正这里并重算后面的内容（{count} 处改动）',
	'action.fixAllArithmetic': '修正此文件中所有的算术错误',
	'action.fixAllArithmeticCount': '修正此文件中所有的算术错误（{count} 处）',
	'action.fixAllValuesCount': '把此文件中所有的数值改为网络的值（{count} 处）',
	'action.fixAllArithmeticAndValues': '修正此文件中所有的算术和数值错误',
	'action.ignoreLine': '在这一行忽略这个问题（{code}）',
	'action.ignoreBlock': '在这一段忽略这个问题（{code}）',
	'action.insertNetworkBlock': '插入 derivcheck 读出的网络块',

	// 检查所用网络的网络块（features/networkBlock.ts）。
	'networkBlock.none': '此文档没有声明网络块，也没有从中读出网络。',
	'networkBlock.unread': '此文档没有声明网络块，也无法从中读出网络：{reason}。',
	'networkBlock.doesNotBuild': '网络块无法构建：{problem}',
	'networkBlock.doesNotBuildPlain': '网络块无法构建。',

	'cli.summary': '{files} · 已检查 {checked} · 错误 {wrong} · 未检查 {unchecked}',
	'cli.summarySuppressed': '{files} · 已检查 {checked} · 错误 {wrong} · 未检查 {unchecked} · 已忽略 {suppressed}',
	'cli.files.one': '1 个文件',
	'cli.files': '{count} 个文件',
	'cli.uncheckedNames': '未检查的名称：{names}',
	'cli.networkRead': '{path}：网络由文档读出',
	'cli.noNetwork': '{path}：没有网络：{reason}',
	'cli.badLang': 'derivcheck：--lang 只能是 {allowed} 之一，不能是 "{value}"。',
	'cli.noLang': 'derivcheck：--lang 需要一个值（{allowed}）。',
	'cli.badConfig': 'derivcheck：无法使用配置文件 {path}：{reason}。',
	'cli.unreadable': 'derivcheck：无法读取 {path}：{reason}。',
	'cli.binary': 'derivcheck：无法检查 {path}：这是一个二进制文件（{reason}）。',
};
