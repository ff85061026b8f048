import { words, type CjkLexicon } from '../lexicon.js';

// After 「…」と: verb stems of saying, in the forms news uses (述べた, 述べている, 語り、…).
export const ja: CjkLexicon = {
  lang: 'ja',
  cjk: true,
  norm: (w) => w.toLowerCase(),
  minSpeechLength: 12,
  proDrop: true,
  quotative: 'と',
  cues: `述べ 語っ 語り 語る 話し 話す 説明 強調 明らかに 指摘 言っ 言い 言う 答え 主張 訴え 明かし 書い 書き 投稿 発表
    コメント 批判 反論 付け加え 結ん 表明 宣言 呼びかけ 呼び掛け 発言 回答 証言 報告 報じ 伝え 打ち明け 振り返っ 明言 断言
    否定 認め 警告 要求 求め 示し 記し 述懐 ツイート 意気込ん 胸を張っ 力を込め 語気を強め 話した 強調し した して する`
    .split(/\s+/).filter(Boolean).sort((a, b) => b.length - a.length),
  notCue: [],
  according: ['によると', 'によれば', 'の話では', 'に対し'],
  nouns: ['声明', '談話', 'コメント', '見解', '考え', '見方', '認識', '方針', '意向', '立場', '発言', '投稿', '書き込み'],
  pronouns: ['彼女', '彼ら', '彼', '私'],
  termBefore: ['いわゆる', '通称', '俗に言う', '名付けて', '題した', '題する'],
  termAfter: ['という', 'といった', 'と呼ばれる', 'と呼ぶ', 'と称する', 'と名付け', 'の', 'を', 'が', 'は', 'も', 'で', 'に', 'や', '問題', '政策', '構想'],
  trimEnd: ['も', 'は', 'が', 'また', '同日', 'さらに'],
  titles: words(`氏 さん 首相 大統領 社長 会長 長官 大臣 知事 市長 議員 教授 代表 委員長 報道官 ceo 最高経営責任者 外相 官房長官
    総裁 監督 選手 容疑者 被告`),
  style: { clause: (n) => (/[A-Za-z]/.test(n) ? ` ${n} は述べた` : `${n}は述べた`), comma: 'と', commaInside: false, stop: '。', placeholder: '［氏名］' },
};
