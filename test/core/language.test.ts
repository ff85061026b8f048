import assert from 'node:assert/strict';
import { detectLanguage, isLanguageTag, KNOWN_NAMES, languageName, normaliseLanguage, primaryTag, SUPPORTED_LANGUAGES } from '../../server/src/core/language.js';
import { parseDraft } from '../../server/src/core/parse.js';

const SAMPLES: Record<string, string> = {
  en: `The regional water utility said on Thursday that it would raise tariffs by eight percent from July, the first increase in four years.

Officials blamed the rising cost of electricity for its pumping stations and said that poorer households would be shielded by a new subsidy scheme.

Consumer groups called the decision rushed and asked the council to publish the full cost review before the vote.`,
  id: `Perusahaan air minum daerah menyatakan pada Kamis bahwa tarif akan dinaikkan delapan persen mulai Juli, kenaikan pertama dalam empat tahun terakhir.

Para pejabat menyebut mahalnya biaya listrik untuk stasiun pompa sebagai penyebabnya dan mengatakan rumah tangga miskin akan dilindungi melalui skema subsidi baru.

Kelompok konsumen menilai keputusan itu terburu-buru dan meminta dewan kota membuka kajian biaya secara lengkap sebelum pemungutan suara.`,
  fr: `La régie régionale des eaux a annoncé jeudi une hausse de ses tarifs de huit pour cent à partir de juillet, la première augmentation depuis quatre ans.

Les responsables invoquent la hausse du prix de l'électricité pour les stations de pompage et assurent que les ménages modestes seront protégés par une nouvelle aide.

Les associations de consommateurs jugent la décision précipitée et demandent au conseil de publier l'étude complète des coûts avant le vote.`,
  zh: `地区供水公司周四表示，将从七月起把水价上调百分之八，这是四年来的首次上调。

官员将涨价归因于泵站电费上涨，并表示低收入家庭将获得新的补贴。

消费者团体批评这一决定过于仓促，要求市议会在表决前公布完整的成本审查报告。`,
  ja: `地域の水道事業者は木曜日、七月から料金を八パーセント引き上げると発表した。値上げは四年ぶりとなる。

担当者は、ポンプ場の電気代の高騰が理由だと説明し、低所得世帯には新たな補助制度で負担を軽くするとしている。

消費者団体は決定が拙速だと批判し、採決の前に費用の検証結果をすべて公表するよう議会に求めた。`,
  ar: `قالت شركة المياه الإقليمية يوم الخميس إنها سترفع التعرفة بنسبة ثمانية في المئة اعتباراً من يوليو، في أول زيادة منذ أربع سنوات.

وعزا المسؤولون القرار إلى ارتفاع تكلفة الكهرباء في محطات الضخ، وأكدوا أن الأسر الفقيرة ستحظى بحماية عبر برنامج دعم جديد.

وانتقدت جمعيات المستهلكين القرار ووصفته بالمتسرع، وطالبت المجلس بنشر مراجعة التكاليف كاملة قبل التصويت.`,
};

describe('language detection', () => {
  for (const [lang, text] of Object.entries(SAMPLES)) {
    it(`recognises ${lang} prose`, () => {
      assert.equal(detectLanguage(text), lang);
      const doc = parseDraft(`# ${text.split('\n')[0].slice(0, 30)}\n\n${text}\n`, { kind: 'markdown' });
      assert.equal(doc.language, lang);
      assert.equal(doc.languageSource, 'detected');
    });
  }

  it('lets front matter lang win, with regional and script subtags reduced to the primary tag', () => {
    for (const [tag, expected] of [['en-GB', 'en'], ['zh-Hant', 'zh'], ['zh_Hans_CN', 'zh'], ['FR-ca', 'fr'], ['Indonesian', 'id'], ['bahasa Indonesia', 'id'], ['ar-EG', 'ar']]) {
      const doc = parseDraft(`---\nlang: ${tag}\n---\n${SAMPLES.ja}\n`, { kind: 'markdown' });
      assert.equal(doc.language, expected, tag);
      assert.equal(doc.languageSource, 'front-matter', tag);
    }
    const viaLanguageKey = parseDraft(`---\nlanguage: ja\n---\n${SAMPLES.en}\n`, { kind: 'plaintext' });
    assert.equal(viaLanguageKey.language, 'ja');
  });

  it('ignores a front matter lang that is not a language and detects instead', () => {
    const doc = parseDraft(`---\nlang: klingon-ish!\n---\n${SAMPLES.fr}\n`, { kind: 'markdown' });
    assert.equal(doc.language, 'fr');
    assert.equal(doc.languageSource, 'detected');
  });

  it('decides mixed-script text by the script that dominates', () => {
    assert.equal(detectLanguage(`${SAMPLES.ja}\nThe company is listed as Hokkaido Water Co. (HWC).`), 'ja');
    assert.equal(detectLanguage(`${SAMPLES.zh}\n（新华社 Xinhua, Beijing）`), 'zh');
    assert.equal(detectLanguage(`${SAMPLES.ar}\nReuters, AFP`), 'ar');
    assert.equal(detectLanguage(`${SAMPLES.en}\n地区供水公司 (Regional Water Co.)`), 'en');
  });

  it('returns undefined for very short text, and the config fallback is used', () => {
    for (const short of ['', 'OK', 'Jakarta', '東京', 'Reuters 2026', '1.250.000']) assert.equal(detectLanguage(short), undefined, short);
    const doc = parseDraft('Jakarta, 3/3.\n', { kind: 'plaintext', fallbackLanguage: 'id' });
    assert.equal(doc.language, 'id');
    assert.equal(doc.languageSource, 'config');
    const none = parseDraft('Jakarta, 3/3.\n', { kind: 'plaintext' });
    assert.equal(none.language, undefined);
    assert.equal(none.languageSource, 'unknown');
  });

  it('normalises tags and names', () => {
    assert.equal(primaryTag('en-GB'), 'en');
    assert.equal(primaryTag('zh_Hant'), 'zh');
    assert.equal(isLanguageTag('id'), true);
    assert.equal(isLanguageTag('not a tag'), false);
    assert.equal(isLanguageTag(42), false);
    assert.equal(normaliseLanguage('indonésien'), 'id');
    assert.equal(normaliseLanguage('インドネシア語'), 'id');
    assert.equal(normaliseLanguage('English'), 'en');
    assert.equal(normaliseLanguage(''), undefined);
    assert.equal(normaliseLanguage(undefined), undefined);
    assert.equal(normaliseLanguage('Elvish'), undefined);
  });
});

describe('language names', () => {
  it('knows the supported languages by the names the platform gives them, in each of them', () => {
    // KNOWN_NAMES spares a run the platform's name data; it must say what Intl.DisplayNames says.
    for (const [inLanguage, names] of Object.entries(KNOWN_NAMES)) {
      const platform = new Intl.DisplayNames([inLanguage], { type: 'language' });
      for (const [code, name] of Object.entries(names)) assert.equal(name, platform.of(code), `${code} in ${inLanguage}`);
      assert.deepEqual(Object.keys(names).sort(), [...SUPPORTED_LANGUAGES].sort());
    }
    assert.deepEqual(Object.keys(KNOWN_NAMES).sort(), [...SUPPORTED_LANGUAGES].sort());
    // Others still come from the platform.
    assert.equal(languageName('de', 'en'), 'German');
    assert.equal(languageName('id', 'de'), 'Indonesisch');
  });
});
