/**
 * Names of the record's codes (types, sub-types, outcomes, actor categories, weapons, review states) per language;
 * those of types, sub-types and actor categories are the coding table's (ACLED's in English: src/events/taxonomy.ts).
 */
import { CODING, type Coding } from '../../events/taxonomy.js';

type Names = Record<string, string>;

/** The vocabulary of a coding table: the shipped one's is `vocabulary`. */
export function vocabularyOf(table: Coding): Record<'ar' | 'en', Names> {
  const names: Record<'ar' | 'en', Names> = { ar: {}, en: {} };
  for (const r of [...table.types, ...table.subTypes, ...table.categories]) {
    names.en[r.code] = r.acled;
    names.ar[r.code] = r.ar;
  }
  return {
    en: {
      ...names.en,
      'outcome.hit': 'hit',
      'outcome.intercepted': 'intercepted',
      'outcome.missed': 'missed',
      'outcome.fell_nearby': 'fell nearby',
      'outcome.no_damage': 'no damage',
      'claim.responsibility': 'claimed responsibility',
      'claim.outcome': 'outcome',
      'claim.denial': 'denied',
      rocket: 'rocket',
      missile: 'missile',
      ballistic_missile: 'ballistic missile',
      drone: 'drone',
      airstrike: 'airstrike',
      artillery: 'artillery',
      mortar: 'mortar',
      ied: 'IED',
      car_bomb: 'car bomb',
      suicide_vest: 'suicide vest',
      small_arms: 'small arms',
      rpg: 'RPG',
      landmine: 'landmine',
      knife: 'knife',
      fire: 'fire',
      chemical: 'chemical',
      'status.unreviewed': 'unreviewed',
      'status.confirmed': 'confirmed',
      'status.corrected': 'corrected',
      'status.rejected': 'rejected',
      'action.confirm': 'confirmed',
      'action.reject': 'rejected',
      'action.correct': 'corrected',
      'precision.day': 'day',
      'precision.week': 'week',
      'precision.month': 'month',
      'geo.1': 'exact place',
      'geo.2': 'near / district',
      'geo.3': 'province or country',
      'disagree.outcome': 'Outcome',
      'disagree.killed': 'Killed',
      'disagree.injured': 'Injured',
      'disagree.perpetrator': 'Perpetrator',
      'disagree.type': 'Type',
    },
    ar: {
      ...names.ar,
      'outcome.hit': 'أصاب',
      'outcome.intercepted': 'اعتُرض',
      'outcome.missed': 'أخطأ',
      'outcome.fell_nearby': 'سقط في المحيط',
      'outcome.no_damage': 'بلا أضرار',
      'claim.responsibility': 'تبنّي المسؤولية',
      'claim.outcome': 'النتيجة',
      'claim.denial': 'نفي',
      rocket: 'صاروخ',
      missile: 'صاروخ موجّه',
      ballistic_missile: 'صاروخ باليستي',
      drone: 'طائرة مسيرة',
      airstrike: 'غارة جوية',
      artillery: 'مدفعية',
      mortar: 'هاون',
      ied: 'عبوة ناسفة',
      car_bomb: 'سيارة مفخخة',
      suicide_vest: 'حزام ناسف',
      small_arms: 'أسلحة خفيفة',
      rpg: 'قاذف آر بي جي',
      landmine: 'لغم أرضي',
      knife: 'سكين',
      fire: 'حريق',
      chemical: 'كيميائي',
      'status.unreviewed': 'غير مراجَع',
      'status.confirmed': 'مؤكَّد',
      'status.corrected': 'مصحَّح',
      'status.rejected': 'مرفوض',
      'action.confirm': 'أكّد',
      'action.reject': 'رفض',
      'action.correct': 'صحّح',
      'precision.day': 'يوم',
      'precision.week': 'أسبوع',
      'precision.month': 'شهر',
      'geo.1': 'المكان بدقة',
      'geo.2': 'قرب المكان / القضاء',
      'geo.3': 'المحافظة أو البلد',
      'disagree.outcome': 'النتيجة',
      'disagree.killed': 'القتلى',
      'disagree.injured': 'الجرحى',
      'disagree.perpetrator': 'المنفذ',
      'disagree.type': 'النوع',
    },
  };
}

export const vocabulary: Record<'ar' | 'en', Names> = vocabularyOf(CODING);
