import { basicNorm, phrases, words, type SpacedLexicon } from '../lexicon.js';

// Short forms follow the quote ("…," kata Budi / ujarnya); me- forms follow the speaker
// (Budi mengatakan, "…"). Every short form also takes -nya, which names the speaker by itself.
const SHORT = words(`kata ujar tutur ucap ungkap papar jelas lanjut tambah tegas terang sebut imbuh pungkas tandas tulis
  bilang seru sahut jawab tanya kilah akui klaim sambung urai beber cetus timpal ingat desak katakan tukas bebernya`);
const LONG = words(`mengatakan menambahkan menjelaskan menegaskan mengungkapkan menuturkan menyebutkan menyebut menyatakan
  memaparkan mengakui menulis menuliskan melanjutkan menerangkan mengucapkan mengklaim membantah menjawab bertanya berkata
  berujar bertutur mengingatkan memperingatkan menilai menekankan mengimbau menandaskan menyampaikan mengemukakan mengaku
  mengonfirmasi menanggapi menyinggung mencuit mengunggah membeberkan menguraikan menyambung menimpali berpendapat
  mengutarakan mengumumkan menyerukan mendesak menduga memprediksi menyebutnya menceritakan bercerita berseru bilang
  menukas berucap menganggap menyoroti dikatakan disampaikan diungkapkan dijelaskan ditegaskan`);

const withNya = (w: string) => w.endsWith('nya') && SHORT.has(w.slice(0, -3));

export const id: SpacedLexicon = {
  lang: 'id',
  cjk: false,
  cased: true,
  norm: basicNorm,
  minSpeechLength: 4,
  proDrop: false,
  weakVerbs: new Set(),
  weakNaming: new Set(),
  objectVerbs: new Set(),
  verbs: new Set([...SHORT, ...LONG]),
  phrases: phrases('kata dia | ujar dia | tutur dia'),
  according: phrases('menurut | dikutip dari | dilansir dari | seperti dikutip | seperti dilansir | mengutip | melansir | sebagaimana dikutip | kata sumber'),
  nouns: words(`pernyataan ucapan kata-kata komentar klaim tuduhan cuitan unggahan pidato surat keterangan penjelasan
    tanggapan jawaban pesan kicauan peringatan janji pengakuan`),
  possessorAfterNoun: true,
  possessives: words('nya dia mereka'),
  naming: words('menyebut menyebutnya menjuluki menamai menamakan menyebutkan mencap melabeli'),
  termMarkers: words(`kata istilah julukan slogan disebut dijuluki bernama sebutan semboyan frasa tagar label dinamakan
    disebut-sebut`),
  titleMarkers: words('buku film lagu album novel acara serial program artikel berjudul bertajuk judul majalah dokumenter'),
  asMarkers: words('sebagai'),
  determiners: words('sebuah seorang para itu ini sang si'),
  pronouns: words('dia ia mereka saya kami kita beliau aku'),
  trim: words(`juga pun lalu kemudian sebelumnya telah sudah akan pernah masih kembali lagi saat ketika dan tetapi namun
    sementara itu tersebut yang bahwa pun sempat turut bahkan hanya`),
  stops: words('dan tetapi namun atau karena jika di pada dalam kepada saat ketika yang bahwa dari untuk dengan usai setelah seusai sebelum kemarin sore pagi malam siang'),
  titles: words(`presiden menteri bapak pak ibu bu gubernur wali direktur ketua kepala ceo juru jubir sekretaris jenderal
    wakil kapolri kapolda kapolres dr prof bupati walikota menko panglima anggota kapten kolonel mayor`),
  style: { clause: (n) => `kata ${n}`, comma: ',', commaInside: true, stop: '.', placeholder: '[Nama]' },
  variants: (low) => (withNya(low) ? [low, low.slice(0, -3)] : [low]),
  selfSpeaker: withNya,
};
