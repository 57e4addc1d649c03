/**
 * The coding table: ACLED's event types, sub-event types and actor categories as the record codes them
 * (docs/event-record.md), with ACLED's English names, the Arabic names, the colours of the app and ACLED's disorder
 * type; and the trigger classes the lexicons may give a word. Each is a closed union derived from a const list, so a
 * name that is not in the table does not compile. What a trigger class means to the event rules (its traits) is
 * data: data/lexicons/trigger-classes.tsv, read and checked against TRIGGER_CLASSES by src/recognize/lexicons.ts.
 *
 * Adding a sub-type: a row in SUB_TYPE_ROWS, and a rule in classify.ts that returns it. The extractor's types, the
 * ACLED export, the API's filters and corrections and the web app's names, lists and colours read it from here.
 *
 * No Node imports: the web app bundles this module.
 */

export interface EventTypeRow<T extends string = string> {
  code: T;
  /** ACLED's name (exports, the API's filters) */
  acled: string;
  ar: string;
  /** the app's colour for it: distinct on a pale map and for the common colour-vision deficiencies (Okabe–Ito) */
  colour: string;
}

/** ACLED's disorder_type of a sub-type. */
export type Disorder =
  | 'Political violence'
  | 'Demonstrations'
  | 'Political violence; Demonstrations'
  | 'Strategic developments';

export interface SubTypeRow<S extends string = string, T extends string = string> {
  code: S;
  type: T;
  /** ACLED's name (exports, the API's filters) */
  acled: string;
  ar: string;
  disorder: Disorder;
}

export interface ActorCategoryRow<C extends string = string> {
  code: C;
  /** ACLED's actor type label (inter1, inter2) */
  acled: string;
  ar: string;
}

export const EVENT_TYPE_ROWS = [
  { code: 'battles', acled: 'Battles', ar: 'معارك', colour: '#d55e00' },
  {
    code: 'explosions_remote_violence',
    acled: 'Explosions/Remote violence',
    ar: 'انفجارات/عنف عن بُعد',
    colour: '#e69f00',
  },
  { code: 'violence_against_civilians', acled: 'Violence against civilians', ar: 'عنف ضد المدنيين', colour: '#cc79a7' },
  { code: 'protests', acled: 'Protests', ar: 'احتجاجات', colour: '#0072b2' },
  { code: 'riots', acled: 'Riots', ar: 'أعمال شغب', colour: '#009e73' },
  { code: 'strategic_developments', acled: 'Strategic developments', ar: 'تطورات استراتيجية', colour: '#56b4e9' },
] as const satisfies readonly EventTypeRow[];

export type EventType = (typeof EVENT_TYPE_ROWS)[number]['code'];
export const EVENT_TYPES: readonly EventType[] = EVENT_TYPE_ROWS.map((r) => r.code);

const PV = 'Political violence';

/** In the spec's order (docs/event-record.md), which is ACLED's. */
export const SUB_TYPE_ROWS = [
  { code: 'armed_clash', type: 'battles', acled: 'Armed clash', ar: 'اشتباك مسلح', disorder: PV },
  {
    code: 'government_regains_territory',
    type: 'battles',
    acled: 'Government regains territory',
    ar: 'استعادة الحكومة لأراضٍ',
    disorder: PV,
  },
  {
    code: 'non_state_actor_overtakes_territory',
    type: 'battles',
    acled: 'Non-state actor overtakes territory',
    ar: 'سيطرة جهة غير حكومية على أراضٍ',
    disorder: PV,
  },
  {
    code: 'chemical_weapon',
    type: 'explosions_remote_violence',
    acled: 'Chemical weapon',
    ar: 'سلاح كيميائي',
    disorder: PV,
  },
  {
    code: 'air_drone_strike',
    type: 'explosions_remote_violence',
    acled: 'Air/drone strike',
    ar: 'غارة جوية/بطائرة مسيرة',
    disorder: PV,
  },
  {
    code: 'suicide_bomb',
    type: 'explosions_remote_violence',
    acled: 'Suicide bomb',
    ar: 'تفجير انتحاري',
    disorder: PV,
  },
  {
    code: 'shelling_artillery_missile_attack',
    type: 'explosions_remote_violence',
    acled: 'Shelling/artillery/missile attack',
    ar: 'قصف مدفعي/صاروخي',
    disorder: PV,
  },
  {
    code: 'remote_explosive_landmine_ied',
    type: 'explosions_remote_violence',
    acled: 'Remote explosive/landmine/IED',
    ar: 'عبوة ناسفة/لغم',
    disorder: PV,
  },
  { code: 'grenade', type: 'explosions_remote_violence', acled: 'Grenade', ar: 'قنبلة يدوية', disorder: PV },
  {
    code: 'sexual_violence',
    type: 'violence_against_civilians',
    acled: 'Sexual violence',
    ar: 'عنف جنسي',
    disorder: PV,
  },
  { code: 'attack', type: 'violence_against_civilians', acled: 'Attack', ar: 'هجوم', disorder: PV },
  {
    code: 'abduction_forced_disappearance',
    type: 'violence_against_civilians',
    acled: 'Abduction/forced disappearance',
    ar: 'اختطاف/إخفاء قسري',
    disorder: PV,
  },
  {
    code: 'peaceful_protest',
    type: 'protests',
    acled: 'Peaceful protest',
    ar: 'احتجاج سلمي',
    disorder: 'Demonstrations',
  },
  {
    code: 'protest_with_intervention',
    type: 'protests',
    acled: 'Protest with intervention',
    ar: 'احتجاج مع تدخل',
    disorder: 'Demonstrations',
  },
  {
    code: 'excessive_force_against_protesters',
    type: 'protests',
    acled: 'Excessive force against protesters',
    ar: 'قوة مفرطة ضد المحتجين',
    disorder: 'Political violence; Demonstrations',
  },
  {
    code: 'violent_demonstration',
    type: 'riots',
    acled: 'Violent demonstration',
    ar: 'مظاهرة عنيفة',
    disorder: 'Demonstrations',
  },
  { code: 'mob_violence', type: 'riots', acled: 'Mob violence', ar: 'عنف جماعي', disorder: PV },
  {
    code: 'agreement',
    type: 'strategic_developments',
    acled: 'Agreement',
    ar: 'اتفاق',
    disorder: 'Strategic developments',
  },
  {
    code: 'arrests',
    type: 'strategic_developments',
    acled: 'Arrests',
    ar: 'اعتقالات',
    disorder: 'Strategic developments',
  },
  {
    code: 'change_to_group_activity',
    type: 'strategic_developments',
    acled: 'Change to group/activity',
    ar: 'تغيّر في جماعة/نشاط',
    disorder: 'Strategic developments',
  },
  {
    code: 'disrupted_weapons_use',
    type: 'strategic_developments',
    acled: 'Disrupted weapons use',
    ar: 'إحباط استخدام سلاح',
    disorder: 'Strategic developments',
  },
  {
    code: 'headquarters_or_base_established',
    type: 'strategic_developments',
    acled: 'Headquarters or base established',
    ar: 'إنشاء مقر أو قاعدة',
    disorder: 'Strategic developments',
  },
  {
    code: 'looting_property_destruction',
    type: 'strategic_developments',
    acled: 'Looting/property destruction',
    ar: 'نهب/تدمير ممتلكات',
    disorder: 'Strategic developments',
  },
  {
    code: 'non_violent_transfer_of_territory',
    type: 'strategic_developments',
    acled: 'Non-violent transfer of territory',
    ar: 'انتقال أراضٍ دون عنف',
    disorder: 'Strategic developments',
  },
  { code: 'other', type: 'strategic_developments', acled: 'Other', ar: 'أخرى', disorder: 'Strategic developments' },
] as const satisfies readonly SubTypeRow<string, EventType>[];

export type SubType = (typeof SUB_TYPE_ROWS)[number]['code'];
export const SUB_TYPES: readonly SubType[] = SUB_TYPE_ROWS.map((r) => r.code);

export const ACTOR_CATEGORY_ROWS = [
  { code: 'state_forces', acled: 'State forces', ar: 'قوات حكومية' },
  { code: 'rebel_group', acled: 'Rebel group', ar: 'جماعة متمردة' },
  { code: 'political_militia', acled: 'Political militia', ar: 'ميليشيا سياسية' },
  { code: 'identity_militia', acled: 'Identity militia', ar: 'ميليشيا هوية' },
  { code: 'rioters', acled: 'Rioters', ar: 'مشاغبون' },
  { code: 'protesters', acled: 'Protesters', ar: 'محتجون' },
  { code: 'civilians', acled: 'Civilians', ar: 'مدنيون' },
  { code: 'external_other_forces', acled: 'External/Other forces', ar: 'قوات خارجية/أخرى' },
] as const satisfies readonly ActorCategoryRow[];

export type ActorCategory = (typeof ACTOR_CATEGORY_ROWS)[number]['code'];
export const ACTOR_CATEGORIES: readonly ActorCategory[] = ACTOR_CATEGORY_ROWS.map((r) => r.code);

/** The `class` a trigger word may have in data/lexicons/triggers.tsv; each has its traits in trigger-classes.tsv. */
export const TRIGGER_CLASSES = [
  'attack',
  'operation',
  'strike',
  'airstrike',
  'launch',
  'fire',
  'fall',
  'clash',
  'explosion',
  'suicide',
  'kill',
  'assassinate',
  'execute',
  'martyr',
  'injure',
  'abduct',
  'arrest',
  'protest',
  'riot',
  'intercept',
  'territory',
  'raid',
  'destroy',
  'agreement',
  'sexual',
  'mob',
  'withdraw',
  'base',
  'group',
] as const;
export type TriggerClass = (typeof TRIGGER_CLASSES)[number];

/**
 * When a trigger of a class reports an event: `alone`; in `context` (a weapon near it or an event word in its
 * sentence); with an `object` after it (a base, an armed body: src/events/candidates.ts); with a `place` after it
 * (a town changes hands). `alone` and `object` classes are event words: they give the context of the others.
 */
export const EVENTIVE = ['alone', 'context', 'object', 'place'] as const;
export type Eventive = (typeof EVENTIVE)[number];

/** A trigger class's traits: a row of data/lexicons/trigger-classes.tsv. */
export interface TriggerTraits {
  cls: TriggerClass;
  eventive: Eventive;
  /** an act of violence: a demonstration, an arrest or a transfer beside it is not peaceful (classify.ts) */
  violent: boolean;
  /** an armed attack: "أعلنت X استهداف …" announcing it is a claim of responsibility (actors.ts) */
  attack: boolean;
  /** a noun whose ل-complement or nationality adjective names the attacker: "غارات لمقاتلات التحالف" (actors.ts) */
  attacker: boolean;
  /** "14 مرة" in its sentence counts attacks (statistics.ts) */
  tally: boolean;
}

/** The spec's weapon vocabulary (docs/event-record.md): what weapons.tsv may map a word to, besides `projectile`. */
export const WEAPONS = [
  'rocket',
  'missile',
  'ballistic_missile',
  'drone',
  'airstrike',
  'artillery',
  'mortar',
  'ied',
  'car_bomb',
  'suicide_vest',
  'small_arms',
  'grenade',
  'rpg',
  'landmine',
  'knife',
  'fire',
  'chemical',
  'other',
] as const;
export type Weapon = (typeof WEAPONS)[number];

/** Does a class with these traits let a context class beside it report an event? */
export const isEventWord = (t: TriggerTraits): boolean => t.eventive === 'alone' || t.eventive === 'object';

/**
 * The table as its readers use it: rows and lookups by code. CODING is the shipped one; the readers (the ACLED
 * export, the filters, the corrections, the web app's names) take another where a test gives one.
 */
export interface Coding {
  readonly types: readonly EventTypeRow[];
  readonly subTypes: readonly SubTypeRow[];
  readonly categories: readonly ActorCategoryRow[];
  type(code: string): EventTypeRow | undefined;
  subType(code: string): SubTypeRow | undefined;
  category(code: string): ActorCategoryRow | undefined;
  /** the sub-types of a type, in the table's order */
  subTypesOf(type: string): readonly SubTypeRow[];
}

export function coding(rows: {
  types: readonly EventTypeRow[];
  subTypes: readonly SubTypeRow[];
  categories: readonly ActorCategoryRow[];
}): Coding {
  const index = <R extends { code: string }>(what: string, list: readonly R[]) => {
    const m = new Map<string, R>();
    for (const r of list) {
      if (m.has(r.code)) throw new Error(`coding table: the ${what} "${r.code}" is listed twice`);
      m.set(r.code, r);
    }
    return m;
  };
  const types = index('type', rows.types);
  const subTypes = index('sub-type', rows.subTypes);
  const categories = index('actor category', rows.categories);
  const byType = new Map<string, SubTypeRow[]>([...types.keys()].map((t) => [t, []]));
  for (const s of rows.subTypes) {
    const list = byType.get(s.type);
    if (!list) throw new Error(`coding table: the sub-type "${s.code}" has an unknown type "${s.type}"`);
    list.push(s);
  }
  return {
    types: rows.types,
    subTypes: rows.subTypes,
    categories: rows.categories,
    type: (code) => types.get(code),
    subType: (code) => subTypes.get(code),
    category: (code) => categories.get(code),
    subTypesOf: (type) => byType.get(type) ?? [],
  };
}

export const CODING: Coding = coding({
  types: EVENT_TYPE_ROWS,
  subTypes: SUB_TYPE_ROWS,
  categories: ACTOR_CATEGORY_ROWS,
});

const TYPE_OF = new Map<string, EventType>(SUB_TYPE_ROWS.map((r) => [r.code, r.type]));

/** The event type a sub-type belongs to. */
export const eventTypeOf = (s: SubType): EventType => TYPE_OF.get(s)!;

/** A code of the table from its code or ACLED's name (compared case-insensitively), or null. */
export function codeOf(rows: readonly { code: string; acled: string }[], v: string): string | null {
  if (rows.some((r) => r.code === v)) return v;
  const lower = v.trim().toLowerCase();
  return rows.find((r) => r.acled.toLowerCase() === lower)?.code ?? null;
}
