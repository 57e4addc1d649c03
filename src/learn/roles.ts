/**
 * Who did it and to whom, learned. The rules (events/actors.ts) and a few defaults propose the actors an event's
 * sentences name: every actor mention, the state forces a nationality adjective names ("مقاتلات حربية سورية"),
 * organisations the NER finds, the rules' own actors, an unidentified armed group and civilians. Each is an option
 * with features: where it stands from the trigger and how far, the words and prepositions before it, a passive, its
 * category, whether it speaks, claims or is accused, whether it belongs to the event's country, the role the rules
 * gave it. The model (data/models/event-roles.json, src/learn/train.ts trainRoles) scores each option for each role,
 * a conditional logit over the event's options and none; the best pair (perpetrator, target) takes the roles.
 * On by default with the shipped models; RASD_ROLES=0 (or RASD_MODELS=0) leaves the roles to the rules.
 */
import type { Analysis } from '../analysis.js';
import { type ActorRef, actorRef, stateForcesOf } from '../events/actors.js';
import type { Candidate } from '../events/candidates.js';
import { clauseOf, inMotiveClause } from '../events/clauses.js';
import type { Speaker } from '../events/speakers.js';
import { ar } from '../lang/ar/index.js';
import { normalizeString } from '../lang/ar/normalize.js';
import { type ActorEntry, nationalities } from '../recognize/lexicons.js';
import type { Mention } from '../recognize/mention.js';
import type { Token } from '../text/tokenize.js';
import { perWord, wordTest, wordTestBits } from '../text/words.js';
import type { ActorCategory } from '../types.js';
import type { LinearModel } from './model.js';

/** The model's two scorers: how well an option fits each role (the model's classes). */
export const ROLE_CLASSES = ['perpetrator', 'target'] as const;

export interface RoleOption {
  ref: ActorRef;
  features: string[];
}

/** An event's options, and the features of choosing none of them for a role. */
export interface RoleChoices {
  options: RoleOption[];
  none: string[];
}

export const UNIDENTIFIED = 'Unidentified armed group';
const ARMED = new Set<ActorCategory>(['rebel_group', 'political_militia', 'identity_militia']);

const bucket = (d: number) => (d <= 1 ? '1' : d <= 3 ? '3' : d <= 6 ? '6' : d <= 10 ? '10' : 'far');
const bare = (w: string) => w.replace(/^و(?=..)/, '');

// what the options' features ask of each word: word-test bits, answered once per form and read from one array
const PASSIVE = wordTest((tok) => ar.passiveVerbs.test(tok.norm));
const BLAME = wordTest((tok) => ar.blameNouns.test(tok.norm));
const UNKNOWN = wordTest((tok) => /^(ال)?مجهول/.test(bare(tok.norm)));
const VICTIMS = wordTest((tok) => ar.pluralVictimNouns.test(bare(tok.norm).replace(/^(ال|لل|ل)/, '')));

/** A word before a mention as its features read it: without its و, its feature names, the word lists it is in. */
interface WordBefore {
  w: string;
  prev: string;
  prev2: string;
  agent: boolean;
  facility: boolean;
  linked: boolean;
  prep: boolean;
}
const wordBefore = (w: string): WordBefore => ({
  w,
  prev: `prev=${w}`,
  prev2: `prev2=${w}`,
  agent: ar.agentWords.test(w),
  facility: ar.facilityNouns.test(w.replace(/^[بل]/, '')),
  linked: ar.linkedWords.test(w),
  prep: ar.actorPrepositions.has(w),
});
const wordBeforeOf = perWord((tok) => wordBefore(bare(tok.norm)));
let sentenceStart: WordBefore | null = null;
/** Token k as the word before a mention in sentence s, or the sentence start ('^') where k is not in s. */
function before(toks: Token[], k: number, s: number): WordBefore {
  if (toks[k]?.sent === s) return wordBeforeOf(toks[k]);
  sentenceStart ??= wordBefore('^');
  return sentenceStart;
}

/** The options of one event and their features; `speakers` are the sentences' speakers. */
interface NamedActors {
  freq: Map<string, number>;
  main: string | null;
  /** the main armed group as first named */
  mainRef: ActorRef | null;
  /** the state force the article names most (first on ties), as first named */
  mainStateRef: ActorRef | null;
}
/** How often the article names each actor, and the armed group and state force it names most: once per document. */
function namedActors(a: Analysis): NamedActors {
  let known = namedOf.get(a);
  if (!known) {
    const freq = new Map<string, number>();
    for (const m of a.actors) freq.set(m.value.name, (freq.get(m.value.name) ?? 0) + 1);
    let mainRef: ActorRef | null = null;
    let mainStateRef: ActorRef | null = null;
    const more = (m: Mention<ActorEntry>, than: ActorRef | null) =>
      !than || (freq.get(m.value.name) ?? 0) > (freq.get(than.name) ?? 0);
    for (const m of a.actors) {
      if (m.value.generic) continue;
      if (ARMED.has(m.value.category) && more(m, mainRef)) mainRef = actorRef(m);
      if (m.value.category === 'state_forces' && more(m, mainStateRef)) mainStateRef = actorRef(m);
    }
    known = { freq, main: mainRef?.name ?? null, mainRef, mainStateRef };
    namedOf.set(a, known);
  }
  return known;
}
const namedOf = new WeakMap<object, NamedActors>();

/** Does a token of [from, to) pass the word test? */
function anyWord(toks: Token[], from: number, to: number, test: number): boolean {
  const bits = wordTestBits(toks);
  for (let k = from; k < to; k++) if (bits[k] & test) return true;
  return false;
}

type NationalityHits = ReturnType<ReturnType<typeof nationalities>['at']>;

/** The nationality adjectives starting at each token of sentence s: once per sentence, not once per event. */
function nationalityHits(a: Analysis, s: number): Map<number, NationalityHits> {
  let perSentence = nationalitiesOf.get(a);
  if (!perSentence) {
    perSentence = new Map();
    nationalitiesOf.set(a, perSentence);
  }
  let hits = perSentence.get(s);
  if (!hits) {
    hits = new Map();
    const sent = a.doc.sentences[s];
    const inSentence = { end: sent.last };
    for (let k = sent.first; k < sent.last; k++) {
      const hit = nationalities().at(a.doc.tokens, k, inSentence);
      if (hit.length > 0) hits.set(k, hit);
    }
    perSentence.set(s, hits);
  }
  return hits;
}
const nationalitiesOf = new WeakMap<object, Map<number, Map<number, NationalityHits>>>();

export function roleOptions(c: Candidate, a: Analysis, speakers: (Speaker | null)[]): RoleChoices {
  const { doc } = a;
  const toks = doc.tokens;
  const sents = [...new Set(c.triggers.map((t) => t.sent))].sort((x, y) => x - y);
  const rulePerp = new Set(c.perpetrators.map((p) => p.name));
  const ruleTarget = new Set(c.targets.map((p) => p.name));
  const claimed = new Set(c.claims.filter((x) => x.kind === 'responsibility').map((x) => x.by));
  const trigCls = c.triggers[0]?.value.cls ?? 'none';
  // how often the article names each actor, and the armed group it names most
  const { freq, main } = namedActors(a);
  const byName = new Map<string, RoleOption>();
  const common = (r: ActorRef, src: string): string[] => {
    const f = [`src=${src}`, `cat=${r.category}`, `trig=${trigCls}`];
    const rule = rulePerp.has(r.name) ? 'perp' : ruleTarget.has(r.name) ? 'target' : 'none';
    f.push(`rule=${rule}`, `rule=${rule}&cat=${r.category}`, `rule=${rule}&trig=${trigCls}`);
    const n = freq.get(r.name) ?? 0;
    f.push(`freq=${n <= 1 ? n : n <= 3 ? '3' : 'many'}`);
    if (main === r.name) f.push('main-armed');
    if (claimed.has(r.name)) f.push('claimant');
    if (c.killed.length > 0) f.push('killed');
    // the event's own country's forces, or a foreign state's
    const here = c.place?.entry.country ?? null;
    const home = !r.country || !here ? 'unknown' : r.country === here ? 'home' : 'foreign';
    f.push(`country=${home}&cat=${r.category}`, `country=${home}&trig=${trigCls}`);
    return f;
  };
  const add = (r: ActorRef, src: string, extra: string[]) => {
    const o = byName.get(r.name);
    if (o) {
      // a second mention: its position features too, marked as such
      for (const x of extra) {
        const again = `2:${x}`;
        if (!o.features.includes(again)) o.features.push(again);
      }
      return;
    }
    const features = common(r, src);
    for (const x of extra) features.push(x);
    byName.set(r.name, { ref: r, features });
  };
  /** features of a mention at tokens [first, last) of sentence s, beside the event's nearest trigger there */
  const position = (s: number, first: number, last: number, category: string): string[] => {
    const trigs = c.triggers.filter((t) => t.sent === s);
    const t = trigs.reduce((b, x) => (Math.abs(x.first - first) < Math.abs(b.first - first) ? x : b), trigs[0]);
    const f: string[] = [];
    const side = last <= t.first ? 'before' : 'after';
    const dist = side === 'before' ? t.first - last : first - t.last;
    const verb = t.value.passive ? 'passive' : t.value.verb ? 'verb' : 'noun';
    if (s === sents[0]) f.push(`dist-${side}=${dist}`);
    f.push(`side=${side}`, `side=${side}&d=${bucket(dist)}`, `side=${side}&${verb}`, `side=${side}&tc=${t.value.cls}`);
    f.push(`side=${side}&cat=${category}`);
    const clause = clauseOf(doc, t.first);
    const inClause = first >= clause.from && first < clause.to;
    f.push(`clause=${inClause}`);
    if (side === 'before' && anyWord(toks, clause.from, t.first, PASSIVE)) f.push('passive');
    if (inMotiveClause(doc, first)) f.push('motive');
    const p = before(toks, first - 1, s);
    const prev = p.w;
    f.push(p.prev, before(toks, first - 2, s).prev2, `side=${side}&prev=${prev}`);
    const tok = toks[first].norm;
    if (/^و?ل/.test(tok) && !/^و?لل?$/.test(tok)) f.push('lam');
    if (/^و?ب/.test(tok)) f.push('beh');
    if (p.agent) f.push('agent-word');
    // "مسلحون من حركة الشباب", "عناصر من داعش": the group the unnamed ones belong to
    if (prev === 'من' && a.in[s].actors.some((m) => m.value.generic && m.last === first - 1)) f.push('members-of');
    // "اتهم الجيش الحوثيين بقصف", "نسبت الوزارة إلى طالبان الهجوم": the one accused, not the accuser
    // (VSO: "اتهمت الحكومة اليمنية جماعة الحوثي": the subject between the verb and the one accused)
    const cueBefore = a.in[s].cues.find((c) => c.value === 'reaction' && c.last <= first && first - c.last <= 8);
    if (cueBefore) {
      const between = a.in[s].actors.filter((m) => m.first >= cueBefore.last && m.first < first && m.value.name !== '');
      if (between.length === 0 && first - cueBefore.last <= 6) f.push('first-after-reaction');
      else if (between.length === 1 && speakers[s]?.name !== between[0].value.name) f.push('second-after-reaction');
    }
    if (prev === 'الي')
      for (let k = Math.max(doc.sentences[s].first, first - 8); k < first - 1; k++)
        if (/^و?(نسب|تنسب|ينسب)/.test(toks[k].norm)) f.push('ascribed-to');
    if (p.facility) f.push('after-facility');
    if (p.linked) f.push('linked-word');
    if (p.prep) f.push(`prep=${prev}`);
    if (a.in[s].weapons.some((w) => w.last === first || w.last === first - 1)) f.push('after-weapon');
    if (a.in[s].triggers.some((x) => x.last === first)) f.push('after-trigger');
    const between = a.in[s].triggers.some(
      (x) =>
        x !== t && (side === 'before' ? x.first >= last && x.first < t.first : x.first >= t.last && x.last <= first),
    );
    if (between) f.push('trigger-between');
    if (first === doc.sentences[s].first) f.push('sent-start');
    // spoken of, or blamed: "اتهم الجيش الحوثيين", "حمّل X المسؤولية"
    for (const cue of a.in[s].cues) {
      if (cue.last > first) continue;
      if (cue.value === 'reaction') f.push('after-reaction');
      if (cue.value === 'report') f.push('after-report');
      if (cue.value === 'claim') f.push('after-claim');
      if (cue.value === 'deny') f.push('after-deny');
    }
    for (let k = Math.max(doc.sentences[s].first, first - 6); k < first; k++)
      if (wordTestBits(toks)[k] & BLAME) f.push('after-blame');
    if (s !== sents[0]) f.push('later-sentence');
    // a few conjunctions the linear scorer cannot make itself
    const tight = dist <= 1 ? 'adjacent' : 'apart';
    f.push(`side=${side}&${verb}&${tight}`, `side=${side}&${verb}&prev=${prev}`);
    if (p.prep) f.push(`prep=${prev}&side=${side}`);
    return f;
  };
  for (const s of sents) {
    const sp = speakers[s];
    // a motive clause's actors belong to the act replied to ("ردا على جرائم الاحتلال ضد المدنيين"), not to this one
    const motive = c.triggers.some((t) => t.sent === s && inMotiveClause(doc, t.first));
    for (const m of a.in[s].actors) {
      if (inMotiveClause(doc, m.first) !== motive) continue;
      const r = actorRef(m);
      const f = position(s, m.first, m.last, m.value.category);
      if (m.value.generic) f.push('generic');
      if (sp && sp.name === m.value.name) f.push('speaker', `speaker&${f[0]}`);
      add(r, 'mention', f);
    }
    // a nationality adjective names a state's forces: "مقاتلات حربية سورية", "القوات الأمريكية"
    const sent = doc.sentences[s];
    const hits = nationalityHits(a, s);
    for (let k = sent.first; k < sent.last; k++) {
      const hit = hits.get(k);
      if (!hit) continue;
      // the adjective of a name ("وكالة فارس الإيرانية", "الحرس الثوري الإيراني") is part of that name
      const ofName = [...a.in[s].sources, ...a.in[s].actors].some((m) => m.first <= k && k <= m.last);
      if (ofName || inMotiveClause(doc, k) !== motive) {
        k = hit[0].last - 1;
        continue;
      }
      const v = hit[0].value;
      const span = { start: toks[k].start, end: toks[hit[0].last - 1].end, text: '' };
      span.text = doc.text.slice(span.start, span.end);
      const r: ActorRef = { name: v.forces, name_ar: span.text, category: v.category, country: v.country, span };
      const f = position(s, k, hit[0].last, v.category);
      const prevTok = bare(toks[k - 1]?.norm ?? '');
      if (ar.troopNouns.test(prevTok)) f.push('nat-after-troops');
      // "قاعدة "عين الأسد" الأمريكية": closing quotes may stand between the place and its adjective
      let j = k;
      while (j > sent.first && /^["»”]$/.test(toks[j - 1].norm)) j--;
      const place = a.in[s].places.find((p) => p.mention.last === j);
      if (place) {
        f.push('nat-after-place');
        // "قاعدة عين الأسد الأميركية": whose base it is
        const facility = (i: number) => ar.facilityNouns.test(bare(toks[i]?.norm ?? '').replace(/^[بل]/, ''));
        let b = place.mention.first - 1;
        while (b > sent.first && /^["«“]$/.test(toks[b].norm)) b--;
        if (facility(b) || facility(place.mention.first)) f.push('nat-after-facility');
      }
      add(r, 'nationality', f);
      k = hit[0].last - 1;
    }
  }
  // which option stands nearest the trigger on each side (the subject before a verb, the object after it)
  for (const side of ['before', 'after']) {
    let best: RoleOption | null = null;
    let bestD = Number.POSITIVE_INFINITY;
    const distance = `dist-${side}=`;
    for (const o of byName.values()) {
      const d = o.features.find((f) => f.startsWith(distance));
      if (d && Number(d.slice(side.length + 6)) < bestD) {
        bestD = Number(d.slice(side.length + 6));
        best = o;
      }
    }
    if (best) {
      const sp = best.features.includes('speaker') ? 'speaker' : 'not-speaker';
      best.features.push(`nearest-${side}`, `nearest-${side}&cat=${best.ref.category}`, `nearest-${side}&${sp}`);
      const verbal = `side=${side}&verb`;
      const nominal = `side=${side}&noun`;
      const verb = best.features.find((f) => f.startsWith(verbal) || f.startsWith(nominal));
      if (verb) best.features.push(`nearest-${side}&${verb.split('&')[1]}`);
    }
  }
  for (const o of byName.values())
    o.features = o.features.filter((f) => !f.startsWith('dist-') && !f.startsWith('2:dist-'));
  // the rules' actors named elsewhere (carried from an earlier event, or of another sentence)
  for (const p of [...c.perpetrators, ...c.targets]) add(p, 'rule', []);
  // the armed group and the state force the article is about, where the event's sentences name one side at most (a roundup's raids:
  // "وشنت مقاتلات التحالف غارات على مديرية حيس")
  const { mainRef, mainStateRef } = namedActors(a);
  const oneSide = byName.size <= 1;
  if (mainRef && oneSide) add(mainRef, 'main', []);
  if (mainStateRef && oneSide) add(mainStateRef, 'main-state', []);
  // defaults: an attacker nobody names, and civilians as the victims of an act with no named victim
  const t0 = c.triggers[0];
  const armedNamed = [...byName.values()].some((o) => ARMED.has(o.ref.category) && !o.features.includes('generic'));
  // the words of the event's own clauses (a motive clause's words are another act's)
  const bits = wordTestBits(toks);
  let own = 0;
  for (const s of sents) {
    const motive = c.triggers.some((t) => t.sent === s && inMotiveClause(doc, t.first));
    for (let k = doc.sentences[s].first; k < doc.sentences[s].last; k++)
      if (inMotiveClause(doc, k) === motive) own |= bits[k];
  }
  const unknownWords = (own & UNKNOWN) !== 0;
  const victims = (own & VICTIMS) !== 0;
  // "مقتل قائد", "اغتيل قيادي": the dead the toll names are fighters or officers
  const combatants = [...c.killed, ...c.injured].some((k) =>
    k.span.text.split(/\s+/).some((w) => ar.combatantNouns.test(normalizeString(w))),
  );
  const ctx = [
    armedNamed ? 'armed-named' : 'no-armed-named',
    unknownWords ? 'unknown-word' : 'no-unknown-word',
    victims ? 'victim-word' : 'no-victim-word',
    combatants ? 'toll-combatant' : 'toll-not-combatant',
    `perps=${Math.min(2, c.perpetrators.length)}`,
    `targets=${Math.min(2, c.targets.length)}`,
  ];
  const def = (name: string, nameAr: string, category: ActorCategory, src: string) => {
    if (byName.has(name) || !t0) return;
    const r: ActorRef = { name, name_ar: nameAr, category, country: null, span: t0.span };
    const own = [...common(r, src), ...ctx, ...ctx.map((x) => `${x}&trig=${trigCls}`)];
    byName.set(name, { ref: r, features: own });
  };
  def(UNIDENTIFIED, 'مسلحون مجهولون', 'political_militia', 'unidentified');
  // "غارة استهدفت فوج المدفعية", "استهداف مطاري خلخلة وبلي العسكريين": a military site in the event's country
  // stands for that country's forces
  const here = c.place?.entry.country ?? null;
  // not where the text names the site as another state's ("قاعدة الاحتلال الأميركي في حقل كونيكو")
  const foreignSite = [...byName.values()].some(
    (o) =>
      o.ref.country !== null &&
      o.ref.country !== here &&
      (o.features.includes('after-facility') || o.features.includes('nat-after-facility')),
  );
  const forces = here && !foreignSite ? stateForcesOf(here) : null;
  if (forces && !byName.has(forces.name) && t0 && militarySiteIn(doc, c, sents)) {
    const r: ActorRef = { ...forces, category: 'state_forces', country: here, span: t0.span };
    byName.set(r.name, { ref: r, features: [...common(r, 'site'), ...ctx, ...ctx.map((x) => `${x}&trig=${trigCls}`)] });
  }
  // civilians where the text names victims or a toll ("قتل 12 شخصا"), unless the toll names fighters or officers
  // ("مقتل قائد", "اغتيل قيادي"); else the act may have hit no one named
  if (victims || (!combatants && (c.killed.length > 0 || c.injured.length > 0)))
    def('Civilians', 'مدنيون', 'civilians', 'civilians');
  const none = ['none', `none&trig=${trigCls}`, ...ctx.map((x) => `none&${x}`)];
  return { options: [...byName.values()], none };
}

/** a barracks, a regiment, a camp; an airport, a base or a site called military or air */
const ALWAYS_MILITARY = /^(فوج|ثكنه|ثكنات|معسكر|معسكرات)$/;
const SITE = /^(مطار|مطاري|مطارات|قاعده|قاعدتي|قاعدتين|قواعد|موقع|مواقع|مقر|مقرات)$/;
const MILITARY = /^(ال)?(عسكري|عسكريه|عسكريين|عسكريتين|جويه)$/;

/** Does one of the event's own clauses (not a motive clause's, another act's) name a military site? */
function militarySiteIn(doc: Analysis['doc'], c: Candidate, sents: number[]): boolean {
  for (const s of sents) {
    const motive = c.triggers.some((t) => t.sent === s && inMotiveClause(doc, t.first));
    const words: string[] = [];
    for (let k = doc.sentences[s].first; k < doc.sentences[s].last; k++)
      if (inMotiveClause(doc, k) === motive) words.push(bare(doc.tokens[k].norm));
    if (words.some(militarySite)) return true;
  }
  return false;
}

function militarySite(word: string, i: number, words: string[]): boolean {
  const w = word.replace(/^(لل|[بل]?ال|[بل])(?=...)/, '');
  if (ALWAYS_MILITARY.test(w)) return true;
  if (!SITE.test(w)) return false;
  for (let k = i + 1; k <= i + 3 && k < words.length; k++) if (MILITARY.test(words[k])) return true;
  return false;
}

/**
 * A default with nothing in the event's sentences behind it: an unidentified group, civilians where no victim is
 * named, the armed group the article is about.
 */
const unfounded = (o: RoleOption) =>
  o.features.includes('src=unidentified') ||
  o.features.includes('src=main') ||
  o.features.includes('src=main-state') ||
  (o.features.includes('src=civilians') && !o.features.includes('victim-word'));

/**
 * The perpetrators and targets a model chooses among an event's options: the pair (either may be none) whose scores
 * sum highest, not the same actor twice; then in each role a second actor whose score is within the model's
 * `threshold` of the first (two actors the text names alike: "قصفت طائرات روسية وسورية"), not the other role's.
 */
export function chooseRoles(
  model: LinearModel,
  choices: RoleChoices,
): { perpetrators: ActorRef[]; targets: ActorRef[] } {
  const none = model.scores(choices.none);
  const z = choices.options.map((o) => model.scores(o.features));
  const n = choices.options.length;
  // index n is none
  const zp = (i: number) => (i === n ? none[0] : z[i][0]);
  const zt = (j: number) => (j === n ? none[1] : z[j][1]);
  // who claims the act did it ("تبنت X الهجوم"): the claimant is the perpetrator where there is one
  const claimant = choices.options.findIndex((o) => o.features.includes('claimant'));
  // whose base was hit ("قاعدة عين الأسد الأميركية") is the target: a pattern the training articles never show
  const owner = choices.options.findIndex((o, i) => i !== claimant && o.features.includes('nat-after-facility'));
  let bp = claimant >= 0 ? claimant : n;
  let bt = owner >= 0 ? owner : n;
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= n; j++) {
      if ((i === j && i !== n) || (claimant >= 0 && i !== claimant) || (owner >= 0 && j !== owner)) continue;
      if (zp(i) + zt(j) > zp(bp) + zt(bt)) {
        bp = i;
        bt = j;
      }
    }
  const second = (first: number, cls: number, taken: Set<number>) => {
    if (first === n) return [];
    let k = -1;
    for (let i = 0; i < n; i++) {
      if (taken.has(i) || z[i][cls] <= none[cls] || z[i][cls] < z[first][cls] - model.threshold) continue;
      // a default is a last resort, never beside a named actor (civilians the text names may be hit beside soldiers)
      if (unfounded(choices.options[i])) continue;
      // a second actor is one the lexicons know, not a name the NER found (often an outlet quoted)
      if (choices.options[i].features.includes('src=ner')) continue;
      if (k < 0 || z[i][cls] > z[k][cls]) k = i;
    }
    if (k < 0) return [first];
    // a default first and a named actor nearly as likely: the named one leads (ACLED's actor 1)
    return unfounded(choices.options[first]) ? [k, first] : [first, k];
  };
  const perps = second(bp, 0, new Set([bp, bt]));
  const targets = second(bt, 1, new Set([bp, bt, ...perps]));
  return {
    perpetrators: perps.map((i) => choices.options[i].ref),
    targets: targets.map((i) => choices.options[i].ref),
  };
}

/** Gives each event the roles the model chooses. */
export function applyRoles(model: LinearModel, events: Candidate[], a: Analysis, speakers: (Speaker | null)[]): void {
  // every event's options are read before any is changed, as in training
  const chosen = events.map((c) => chooseRoles(model, roleOptions(c, a, speakers)));
  events.forEach((c, i) => {
    c.perpetrators = chosen[i].perpetrators;
    c.targets = chosen[i].targets;
  });
}

export const ROLES_FILE = 'event-roles.json';

/**
 * The roles of the assembled events: the decider's (its roles model: data/models/event-roles.json by default, or
 * training's recorder); with no decider (RASD_MODELS=0, { models: null }), the rules' as they are.
 */
export function assignRoles(
  events: Candidate[],
  a: Analysis,
  speakers: (Speaker | null)[],
  decide?: { roles?(events: Candidate[], a: Analysis, speakers: (Speaker | null)[]): void } | null,
): void {
  decide?.roles?.(events, a, speakers);
}
