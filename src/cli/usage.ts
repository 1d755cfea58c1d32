/**
 * `--help` in the run's language: the English text is `args.ts`'s `usage`, next to the options it
 * documents; the Simplified Chinese one is here, a whole text rather than a message per line,
 * because the columns of a help page are laid out per language. A test checks that it names
 * every option the English one names, so an option added there is not left out here.
 */
import type { Locale } from '../core/index';
import { usage } from './args';

export const usageZhCn = `用法：derivcheck [选项] 文件|文件夹|GLOB...
      derivcheck generate 文件 [选项]   （写出文件的推导过程；见 generate --help）

检查 Markdown 和 LaTeX 文件中手写的神经网络数值推导的算术。
文件夹代表其中所有的 .md、.markdown、.tex、.ltx 和 .latex 文件；glob（"**/*.md"，
要加引号）代表它匹配的文件；"#GLOB" 排除 GLOB 匹配的文件。文件夹和 glob 会跳过
node_modules、.git 以及 .gitignore 忽略的内容；直接写出的文件总会被读取。
以 .tex、.ltx 或 .latex 结尾的文件按 LaTeX 读取，其余按 Markdown 读取。
每个文件按其所在文件夹或上级文件夹中最近的 .derivcheck.json、.derivcheck.jsonc、
.derivcheck.yaml 或 .derivcheck.yml 的设置检查；命令行选项优先。

选项：
  --format text|json|sarif|github|html
                                输出格式（默认 text）；github 输出 GitHub Actions 注释
                                （::error file=…,line=…::message）；html 输出一个独立
                                页面：带公式渲染的文档，每处问题都有标记，顶部有汇总
  --tolerance digits|strict|loose
                                写出的输入数代表什么（默认取配置文件的设置，否则为 digits）
  --lang en|zh-cn               消息的语言（默认取 LC_ALL、LC_MESSAGES 或 LANG 的
                                区域设置；zh_CN… 为中文）
  --no-infer                    文档没有网络块时，不从文档中读出网络（只做算术和代入检查）
  --print-network               不输出检查结果，而是输出检查文件时所用网络的网络块
                                （文件自己的网络块，或从文件中读出的网络）；没有网络时
                                以状态 1 退出并说明原因
  --help                        显示本帮助
  --version                     显示版本

退出状态：没有问题为 0；发现任何错误或警告为 1；用法错误，或有文件无法检查（不存在、
无法读取或是二进制文件，或文件夹、glob 什么也没找到）为 2。
`;

/** The help text in `locale`: `usageIn('zh-cn')` starts `用法：derivcheck`. */
export function usageIn(locale: Locale): string {
	return locale === 'zh-cn' ? usageZhCn : usage;
}
