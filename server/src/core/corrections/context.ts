/**
 * What surrounds a matched claim: a negation ("not the classified network") means the draft is
 * not repeating it; a clarification cue or the corrected wording nearby means the draft reports
 * the error together with its correction (as the seed article does).
 */
import { BREAK, OPAQUE, foldWord, tokenize, type Tokens } from '../ledger/tokenize.js';

const fold = (words: string[]) => new Set(words.map((w) => (/[\u3040-\u9fff]/.test(w) ? w : foldWord(w))));

const NEGATORS = fold([
  'not', 'no', 'never', 'neither', 'nor', 'without', 'instead', 'isnt', 'wasnt', 'arent', 'werent', 'dont', 'doesnt', 'didnt',
  'wont', 'cannot', 'cant', 'hasnt', 'havent', 'hadnt', 'wouldnt', 'shouldnt',
  'bukan', 'tidak', 'tak', 'belum', 'tanpa', 'jangan', 'non',
  'pas', 'ni', 'jamais', 'sans', 'aucun', 'aucune', 'plutot',
  'ليس', 'ليست', 'لا', 'لم', 'لن', 'غير', 'دون', 'بدون',
  '非', '不', '未', '无', '無', '没', '沒',
]);
// Small words a negation may stand before: "not the", "tidak di", "pas le", "不是".
const SKIPPABLE = fold([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'on', 'in', 'into', 'onto',
  'across', 'over', 'to', 'via', 'through', 'of', 'for', 'with', 'within', 'at', 'as', 'be', 'been', 'is', 'was', 'are',
  'were', 'actually', 'really', 'even', 'just', 'any', 'about', 'so', 'called',
  'di', 'ke', 'dari', 'pada', 'dalam', 'yang', 'itu', 'ini', 'sebuah', 'suatu', 'adalah', 'merupakan', 'untuk', 'atas', 'melalui',
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'de', 'du', 'd', 'au', 'aux', 'sur', 'dans', 'en', 'par', 'est', 'etait', 'c', 'ce', 'cette', 'son', 'sa', 'ses', 'leur',
  'في', 'على', 'إلى', 'عبر', 'هو', 'هي', 'من',
  '是', '的', '在', '于', '於', '为', '為', '对', '對', '并', '並', 'の', 'は', 'が', 'を', 'に', 'で', 'へ', 'と',
]);
// Glued by a hyphen these make the opposite word: "non-classified", "un-classified".
const NEGATING_PREFIXES = fold(['non', 'un', 'not', 'anti', 'tidak', 'tak', 'bukan', 'sans', 'in']);
// Japanese negates after the phrase: 機密ネットワークではない.
const JA_AFTER = /^(?:では|じゃ|でも)(?:な|あり)/;

/** Is the claim at tokens [from, to) mentioned as what it is not? */
export function isNegated(t: Tokens, from: number, to: number): boolean {
  if (from > 0 && t.hyphenated[from] && NEGATING_PREFIXES.has(t.keys[from - 1])) return true;
  for (let i = from - 1, skipped = 0; i >= 0 && skipped <= 3; i--) {
    const k = t.keys[i];
    if (k === BREAK || k === OPAQUE) break;
    if (NEGATORS.has(k)) return true;
    if (!SKIPPABLE.has(k)) break;
    skipped++;
  }
  return t.cjk[to - 1] === true && JA_AFTER.test(t.keys.slice(to, to + 4).join(''));
}

interface Cue { keys: string[]; prefix: boolean }

// "*": the last word may go on (clarif* = clarified, clarification).
const CUE_TEXTS = [
  'clarif*', 'mistaken*', 'misspo*', 'misstat*', 'erroneous*', 'in error', 'incorrect*', 'correct*', 'retract*', 'wrongly',
  'inaccura*', 'debunk*', 'misquot*', 'walked back',
  'ralat*', 'meralat*', 'diralat*', 'koreksi*', 'mengoreksi*', 'dikoreksi*', 'keliru*', 'kekeliruan', 'salah sebut*',
  'salah menyebut*', 'salah ucap*', 'klarifikasi*', 'mengklarifikasi*', 'diklarifikasi*', 'meluruskan*', 'diluruskan*',
  'tidak benar', 'membantah*', 'dibantah*',
  'a précisé', 'ont précisé', 'avait précisé', 'rectifi*', 'par erreur', 'à tort', 'erroné*', 's’est trompé*', 'se trompait',
  'corrig*', 'clarifi*', 'démenti*',
  '澄清', '更正', '纠正', '糾正', '误称', '誤稱', '口误', '口誤', '错误地', '錯誤地', '勘误', '失言', '说错', '說錯',
  '訂正', '誤って', '誤り', '言い間違', '釈明', '撤回', '正しくは',
  'توضيح', 'أوضح لاحقا', 'صحح*', 'تصحيح', 'خطأ', 'بالخطأ', 'تراجع*', 'نفى', 'استدرك*',
];
const CUES: Cue[] = CUE_TEXTS.map((text) => {
  const prefix = text.endsWith('*');
  const body = prefix ? text.slice(0, -1) : text;
  const keys = tokenize(body).keys;
  if (prefix) keys[keys.length - 1] = lastWord(body);
  return { keys, prefix };
});
function lastWord(text: string): string {
  const words = text.split(/[\s'’]+/);
  const word = words[words.length - 1];
  // A prefix every inflected form starts with, stemmed or not ("trompé" → "tromp").
  const plain = word.normalize('NFKD').replace(/[\p{M}\u0640]/gu, '').toLowerCase();
  const stemmed = foldWord(word);
  let n = 0;
  while (n < plain.length && plain[n] === stemmed[n]) n++;
  return stemmed.slice(0, n);
}

/** Does the block state that something was corrected or misspoken? */
export function hasCorrectionCue(t: Tokens): boolean {
  return CUES.some((cue) => findSequence(t.keys, cue.keys, cue.prefix) >= 0);
}

/** First index where `seq` occurs in `keys` (the last key as a prefix if asked), or -1. */
export function findSequence(keys: string[], seq: string[], lastIsPrefix = false, from = 0): number {
  const n = seq.length;
  outer: for (let i = from; i + n <= keys.length; i++) {
    for (let j = 0; j < n; j++) {
      const k = keys[i + j];
      const ok = lastIsPrefix && j === n - 1 ? k.startsWith(seq[j]) : k === seq[j];
      if (!ok) continue outer;
    }
    return i;
  }
  return -1;
}

const NOTICE_HEADS = fold(['correction', 'corrections', 'clarification', 'ralat', 'koreksi', 'rectificatif', 'erratum', 'تصحيح']);
const CJK_NOTICE = /^\s*(?:更正|訂正|勘误)\s*[（(:：]/;

/** A correction notice ("Correction (4 March 2026): …") repeats the error on purpose. */
export function isNoticeBlock(text: string, t: Tokens): boolean {
  if (CJK_NOTICE.test(text)) return true;
  if (t.keys.length === 0 || !NOTICE_HEADS.has(t.keys[0])) return false;
  return /^\s*[(:（：]/.test(text.slice(t.end[0]));
}
