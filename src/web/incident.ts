/**
 * The incident view: the fused record, where its sources disagree, the claims grouped by who made them, and
 * every member's article side by side with its evidence highlighted. A click on a field or a claim lights up
 * its words in the articles.
 */
import { ApiError, api } from './api.js';
import type { DocumentDetail, IncidentDetail, Member, ReviewResult } from './api-types.js';
import { bdi, h, ltr } from './dom.js';
import { focusEvidence } from './evidence-focus.js';
import { figure, figureText } from './figures.js';
import { countryName, lang, type MessageKey, num, t, term } from './i18n/index.js';
import { reviewPanel } from './review.js';
import { highlightedText, locate, type Mark } from './spans.js';
import { typeColor } from './taxonomy.js';
import type { Actor, Claim, Disagreement, Incident } from './types-reexport.js';

type Claimed = Claim & { member: string };

const actorName = (a: { name: string; name_ar?: string }) => (lang() === 'ar' && a.name_ar ? a.name_ar : a.name);
const claimantName = (c: Claim) => (lang() === 'ar' && c.by_ar ? c.by_ar : c.by);

/** The evidence marks of one member's event, with the keys the field list and the claims list use. */
function marksOf(member: Member, claims: Claimed[]): Mark[] {
  const e = member.event;
  const marks: Mark[] = [];
  const add = (id: string, kind: string, span: Mark['span'] | undefined) => {
    if (span && span.text !== undefined) marks.push({ id, kind, span });
  };
  for (const [i, s] of e.evidence.entries()) add(`event:${i}`, 'event', s);
  add('date', 'date', e.date.evidence);
  add('location', 'location', e.location?.evidence);
  for (const [i, a] of e.actors.entries()) add(`${a.role}s:${i}`, a.role, a.evidence);
  for (const [i, s] of e.fatalities.evidence.entries()) add(`fatalities:${i}`, 'fatalities', s);
  for (const [i, c] of claims.entries()) {
    if (c.member === member.key) add(`claim:${i}`, `claim-${c.kind}`, c.evidence);
  }
  return marks;
}

/** Mark ids a field of the summary lights up: every mark whose id starts with one of these. */
const FIELD_MARKS: Record<string, string[]> = {
  type: ['event:'],
  subtype: ['event:'],
  weapons: ['event:'],
  date: ['date'],
  location: ['location'],
  perpetrators: ['perpetrators:'],
  targets: ['targets:'],
  killed: ['fatalities:'],
  injured: ['fatalities:'],
};

export interface IncidentHandlers {
  close(): void;
  /** a review changed the incident; it may now have another id (or none, when its last member was rejected) */
  changed(incidentId: string | null): void;
  /** the id opened was an old one of the incident: this is its id now */
  moved(incidentId: string): void;
}

export class IncidentView {
  #el: HTMLElement;
  #on: IncidentHandlers;
  #marks = new Map<string, HTMLElement[]>();
  #lit: HTMLElement[] = [];
  #last: { detail: IncidentDetail; docs: Map<string, DocumentDetail> } | null = null;
  #opening = 0;

  constructor(el: HTMLElement, on: IncidentHandlers) {
    this.#el = el;
    this.#on = on;
  }

  async open(id: string): Promise<void> {
    const ticket = ++this.#opening;
    this.#el.hidden = false;
    this.#el.setAttribute('aria-busy', 'true');
    if (this.#last?.detail.incident.id !== id)
      this.#el.replaceChildren(this.#head(null), h('p', { class: 'muted' }, t('loading')));
    try {
      const detail = await api.incident(id);
      const ids = [...new Set(detail.members.map((m) => m.documentId))];
      const docs = new Map((await Promise.all(ids.map((d) => api.document(d)))).map((d) => [d.id, d]));
      if (ticket !== this.#opening) return;
      this.#last = { detail, docs };
      this.#render();
      if (detail.incident.id !== id) this.#on.moved(detail.incident.id);
    } catch (e) {
      if (ticket !== this.#opening) return;
      this.#el.replaceChildren(
        this.#head(null),
        h(
          'p',
          { class: 'error', role: 'alert' },
          `${t('errorPrefix')} ${e instanceof ApiError ? e.message : String(e)}`,
        ),
      );
    } finally {
      if (ticket === this.#opening) this.#el.removeAttribute('aria-busy');
    }
  }

  close(): void {
    this.#opening++;
    this.#el.hidden = true;
    this.#last = null;
  }

  /** A source by its Arabic name in the Arabic UI, where the API knows one; else as the record keeps it. */
  #source(name: string): string {
    return (lang() === 'ar' && this.#last?.detail.arabic?.sources[name]) || name;
  }

  /** Redraws in the current language without fetching again. */
  rerender(): void {
    if (this.#last && !this.#el.hidden) this.#render();
  }

  #render(): void {
    const { detail, docs } = this.#last!;
    const inc = detail.incident;
    const focused = document.activeElement;
    // on the page, or under the view (a row, the map): the keyboard would be on what the view covers
    const hadFocus = !focused || focused === document.body || !!focused.closest('#overview');
    this.#marks.clear();
    this.#lit = [];
    this.#el.dataset.incident = inc.id;
    this.#el.replaceChildren(
      this.#head(inc),
      h(
        'div',
        { class: 'incident-body' },
        h(
          'aside',
          { class: 'incident-side' },
          this.#summary(inc),
          this.#disagreements(inc, detail.members),
          this.#claims(inc, detail.members),
        ),
        h(
          'section',
          { class: 'members-panel' },
          h('h3', {}, t('reports'), ' ', ltr(`(${num(detail.members.length)})`)),
          h(
            'div',
            { class: 'members' },
            detail.members.map((m) => this.#member(m, docs.get(m.documentId), inc.claims)),
          ),
        ),
      ),
    );
    // the keyboard lands on the view just opened (not on a row now hidden under it)
    if (hadFocus) this.#el.querySelector<HTMLElement>('#incident-back')?.focus({ preventScroll: true });
  }

  #head(inc: Incident | null): HTMLElement {
    return h(
      'header',
      { class: 'incident-head' },
      h(
        'button',
        { type: 'button', class: 'back', id: 'incident-back', title: t('escapeHint'), onclick: () => this.#on.close() },
        t('back'),
      ),
      inc
        ? h(
            'h2',
            {},
            h('span', { class: 'swatch', style: `background:${typeColor(inc.type)}` }),
            term(inc.subtype || inc.type),
            ' — ',
            inc.location ? actorName(inc.location) : t('unknown'),
            ' ',
            ltr(inc.date.start, 'date'),
          )
        : h('h2', {}, t('incidentTitle')),
      inc?.disagreements.length ? h('span', { class: 'flag' }, '⚠ ', t('disagreements')) : null,
    );
  }

  #field(key: string, label: MessageKey, ...value: (Node | string)[]): HTMLElement[] {
    return [
      h('dt', {}, label ? t(label) : ''),
      h(
        'dd',
        {},
        h(
          'button',
          { type: 'button', class: 'field', 'data-field': key, onclick: () => this.#light(FIELD_MARKS[key] ?? [key]) },
          ...value,
        ),
      ),
    ];
  }

  #summary(inc: Incident): HTMLElement {
    const loc = inc.location;
    const actors = (list: Actor[]) =>
      list.length
        ? list.flatMap((a, i) => [
            i ? t('listSeparator') : '',
            bdi(actorName(a)),
            h('span', { class: 'category' }, ` (${term(a.category)})`),
          ])
        : [t('none')];
    return h(
      'section',
      { class: 'summary' },
      h('p', { class: 'hint muted' }, t('clickToHighlight')),
      h('p', { class: 'evidence-status muted small', role: 'status' }),
      h(
        'dl',
        {},
        this.#field('type', 'fieldType', term(inc.type)),
        this.#field('subtype', 'fieldSubtype', term(inc.subtype)),
        this.#field(
          'date',
          'fieldDate',
          ltr(inc.date.start === inc.date.end ? inc.date.start : `${inc.date.start} – ${inc.date.end}`),
          h('span', { class: 'muted' }, ` (${t('precision')}: ${term(`precision.${inc.date.precision}`)})`),
        ),
        this.#field(
          'location',
          'fieldPlace',
          ...(loc
            ? [
                bdi(actorName(loc)),
                loc.admin1
                  ? h(
                      'span',
                      { class: 'admin1' },
                      t('listSeparator'),
                      bdi((lang() === 'ar' && this.#last?.detail.arabic?.admin1) || loc.admin1),
                    )
                  : '',
                `${t('listSeparator')}${countryName(loc.country)} `,
                h('span', { class: 'muted' }, `(${t('precision')}: ${term(`geo.${loc.precision}`)}) `),
                ltr(`${loc.lat.toFixed(4)}, ${loc.lon.toFixed(4)}`, 'coords'),
              ]
            : [t('unknown')]),
        ),
        this.#field('perpetrators', 'fieldPerpetrators', ...actors(inc.perpetrators)),
        this.#field('targets', 'fieldTargets', ...actors(inc.targets)),
        this.#field(
          'weapons',
          'fieldWeapons',
          inc.weapons.length ? inc.weapons.map((w) => term(w)).join(t('listSeparator')) : t('none'),
        ),
        this.#field('killed', 'fieldKilled', figure(inc.fatalities.killed)),
        this.#field('injured', 'fieldInjured', figure(inc.fatalities.injured)),
        h('dt', {}, t('fieldSources')),
        h(
          'dd',
          {},
          inc.sources.flatMap((s, i) => [i ? t('listSeparator') : '', bdi(this.#source(s))]),
        ),
      ),
    );
  }

  #disagreements(inc: Incident, members: Member[]): HTMLElement | null {
    if (!inc.disagreements.length) return null;
    const source = (key: string) => this.#source(members.find((m) => m.key === key)?.document.source ?? key);
    const value = (d: Disagreement, v: unknown) =>
      v === null
        ? t('unknown')
        : d.field === 'outcome'
          ? term(`outcome.${v}`)
          : typeof v === 'number'
            ? num(v)
            : term(String(v));
    return h(
      'section',
      { class: 'disagreements', role: 'note' },
      h('h3', {}, '⚠ ', t('disagreements')),
      h(
        'ul',
        {},
        inc.disagreements.map((d) =>
          h(
            'li',
            { 'data-disagreement': d.field },
            h('strong', {}, term(`disagree.${d.field}`), ': '),
            h(
              'ul',
              {},
              d.values.map((v) => {
                const claimants =
                  d.field === 'outcome'
                    ? inc.claims
                        .map((c, i) => ({ c, i }))
                        .filter(
                          ({ c }) => c.kind === 'outcome' && c.outcome === v.value && v.members.includes(c.member),
                        )
                    : [];
                return h(
                  'li',
                  { class: 'disagree-value' },
                  h('span', { class: 'value' }, value(d, v.value)),
                  ` — ${t('saidBy')} `,
                  claimants.length
                    ? claimants.flatMap(({ c, i }, n) => [
                        n ? t('listSeparator') : '',
                        h(
                          'button',
                          { type: 'button', class: 'link', onclick: () => this.#light([`claim:${i}`]) },
                          bdi(claimantName(c)),
                        ),
                        ` · ${t('inReport')} `,
                        bdi(source(c.member)),
                      ])
                    : v.members.flatMap((m, n) => [n ? t('listSeparator') : '', bdi(source(m))]),
                );
              }),
            ),
          ),
        ),
      ),
    );
  }

  #claims(inc: Incident, members: Member[]): HTMLElement {
    const groups = new Map<string, { c: Claimed; i: number }[]>();
    inc.claims.forEach((c, i) => {
      const who = claimantName(c);
      groups.set(who, [...(groups.get(who) ?? []), { c, i }]);
    });
    const source = (key: string) => this.#source(members.find((m) => m.key === key)?.document.source ?? key);
    return h(
      'section',
      { class: 'claims' },
      h('h3', {}, t('claims')),
      groups.size === 0
        ? h('p', { class: 'muted' }, t('noClaims'))
        : h(
            'ul',
            {},
            [...groups.entries()].map(([who, list]) =>
              h(
                'li',
                { class: 'claimant' },
                h('strong', {}, bdi(who)),
                h(
                  'ul',
                  {},
                  list.map(({ c, i }) =>
                    h(
                      'li',
                      {},
                      h(
                        'button',
                        {
                          type: 'button',
                          class: `claim claim-${c.kind}`,
                          'data-claim': i,
                          'data-kind': c.kind,
                          onclick: () => this.#light([`claim:${i}`]),
                        },
                        term(`claim.${c.kind}`),
                        c.outcome ? `: ${term(`outcome.${c.outcome}`)}` : '',
                        ' — «',
                        c.evidence.text,
                        '»',
                      ),
                      h('span', { class: 'muted' }, ` ${t('inReport')} `, bdi(source(c.member))),
                    ),
                  ),
                ),
              ),
            ),
          ),
    );
  }

  #member(m: Member, doc: DocumentDetail | undefined, claims: Claimed[]): HTMLElement {
    const e = m.event;
    const text = doc?.text ?? '';
    const located: Mark[] = [];
    const missing: Mark[] = [];
    for (const mark of marksOf(m, claims)) {
      const span = locate(text, mark.span);
      if (span) located.push({ ...mark, span });
      else missing.push(mark);
    }
    const { fragment, byMark } = highlightedText(text, located);
    for (const [id, els] of byMark) this.#marks.set(id, [...(this.#marks.get(id) ?? []), ...els]);
    const url = m.document.url && /^https?:\/\//.test(m.document.url) ? m.document.url : null;
    return h(
      'article',
      { class: 'member', 'data-member': m.key, 'data-status': m.review.status },
      h(
        'header',
        {},
        h('h4', {}, bdi(m.document.source ? this.#source(m.document.source) : m.documentId)),
        m.document.title ? h('p', { class: 'title', dir: 'auto' }, m.document.title) : null,
        h(
          'p',
          { class: 'muted' },
          m.document.published ? [t('published'), ' ', ltr(m.document.published), ' · '] : null,
          ltr(m.key),
          url ? [' · ', h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, t('openArticle'))] : null,
        ),
        h(
          'p',
          { class: 'member-fields' },
          term(e.subtype || e.type),
          ' · ',
          ltr(e.date.start),
          ' · ',
          e.location ? bdi(actorName(e.location)) : t('unknown'),
          ' · ',
          t('fieldKilled'),
          ' ',
          h('bdi', { 'data-member-field': 'killed' }, figureText(e.fatalities.killed)),
          ' · ',
          t('fieldInjured'),
          ' ',
          h('bdi', { 'data-member-field': 'injured' }, figureText(e.fatalities.injured)),
        ),
      ),
      reviewPanel(m, (r) => this.#reviewed(r)),
      h('div', { class: 'article-text', dir: 'auto', lang: 'ar' }, fragment),
      missing.length
        ? h('p', { class: 'muted small' }, t('spanMissing'), ': ', missing.map((x) => `«${x.span.text}»`).join(' '))
        : null,
    );
  }

  #reviewed(r: ReviewResult): void {
    this.#on.changed(r.incidentId);
  }

  /** Lights up the marks whose ids start with any of these prefixes and brings their words into view. */
  #light(prefixes: string[]): void {
    for (const el of this.#lit) el.classList.remove('lit', 'flash');
    this.#lit = [];
    for (const [id, els] of this.#marks) {
      if (prefixes.some((p) => id === p || id.startsWith(p))) this.#lit.push(...els);
    }
    // in the articles' order, so the first is the first words of the first report
    this.#lit.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    for (const el of this.#lit) el.classList.add('lit');
    focusEvidence(this.#lit, this.#el);
    const status = this.#el.querySelector('.evidence-status');
    if (status) status.textContent = this.#lit.length ? t('evidenceShown') : t('evidenceNone');
  }
}
