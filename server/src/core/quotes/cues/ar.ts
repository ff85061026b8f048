import { phrases, words, type SpacedLexicon } from '../lexicon.js';

/**
 * Arabic is matched on a normalised form: no harakat or tatweel, one alef, ى→ي, ة→ه, so that
 * "وفقاً لـ" and "وفقا ل" or "أكد" and "اكد" are the same word.
 */
export function arNorm(word: string): string {
  return word.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').toLowerCase();
}

const n = (list: string) => new Set([...words(list)].map(arNorm));

// Past (he/she), present (he/she) and plural forms of verbs of saying; و/ف prefixes are tried as variants.
const VERBS = n(`قال قالت يقول تقول قالوا أكد أكدت يؤكد تؤكد أكدوا أفاد أفادت يفيد شدد شددت يشدد أضاف أضافت يضيف تضيف
  أوضح أوضحت يوضح توضح صرح صرحت يصرح أشار أشارت يشير تشير ذكر ذكرت يذكر أعلن أعلنت يعلن تابع تابعت كتب كتبت يكتب
  غرد غردت اعتبر اعتبرت يعتبر رأى رأت يرى أردف أردفت نفى نفت اعترف اعترفت حذر حذرت يحذر تساءل تساءلت ردّ رد ردت أجاب
  أجابت لفت لفتت استطرد استدرك طالب طالبت دعا دعت أقر أقرت زعم زعمت ختم ختمت علق علقت قالا يقولون`);

const PREFIXES = ['و', 'ف'];

export const ar: SpacedLexicon = {
  lang: 'ar',
  cjk: false,
  cased: false,
  norm: arNorm,
  minSpeechLength: 4,
  proDrop: true,
  weakVerbs: new Set(),
  weakNaming: new Set(),
  objectVerbs: new Set(),
  verbs: VERBS,
  phrases: [],
  according: phrases('بحسب | حسب | وفقا | وفقا ل | نقلا عن | على لسان | طبقا ل | استنادا الى | حسبما').map((p) => p.map(arNorm)),
  nouns: n('تصريح تصريحات بيان قول أقوال تغريدة رسالة خطاب حديث كلام كلمة مقابلة'),
  possessorAfterNoun: true,
  possessives: n('له لها لهم'),
  naming: n('وصف وصفت وصفه وصفها سمى سمت اطلق اطلقت'),
  termMarkers: n('يسمى المسمى مصطلح شعار لقب الملقب بـ ب تسمية عبارة كلمة المعروف'),
  titleMarkers: n('كتاب فيلم رواية أغنية برنامج مسلسل بعنوان مقال قصيدة مجلة صحيفة ألبوم'),
  asMarkers: n('ما'),
  determiners: new Set(),
  pronouns: n('هو هي هم نحن أنا'),
  trim: n('و ثم كما أيضا قد أن إن لقد'),
  stops: n('و او لكن في خلال أمام على إلى عن أن إن بعد قبل مع ل لـ عبر يوم اليوم أمس الذي التي حيث'),
  titles: n(`الرئيس رئيس وزير الوزير الشيخ الملك الأمير السيد الدكتور المتحدث الناطق مدير الأمين الجنرال السفير النائب
    المدير القائد العقيد اللواء`),
  style: { clause: (name) => `قال ${name}`, comma: '،', commaInside: false, stop: '.', placeholder: '[الاسم]' },
  variants: (low) => (low.length > 3 && PREFIXES.includes(low[0]) ? [low, low.slice(1)] : [low]),
  selfSpeaker: () => false,
};
