/**
 * Review of one member event: confirm, reject, or correct one field, sent as POST /api/events/:key/reviews with
 * the analyst's name; the event's status and its history (who, when, before → after) shown under the buttons.
 */

import { ACTOR_CATEGORIES } from '../events/taxonomy.js';
import type { Actor, ActorCategory, EventRecord } from '../types.js';
import { askAnalystName } from './analyst.js';
import { ApiError, api } from './api.js';
import type { Member, ReviewAction, ReviewBody, ReviewField, ReviewResult } from './api-types.js';
import { bdi, h, ltr } from './dom.js';
import { lang, type MessageKey, num, t, term } from './i18n/index.js';
import { EVENT_TYPES, SUBTYPES } from './taxonomy.js';

const FIELDS: { field: ReviewField; label: MessageKey }[] = [
  { field: 'fatalities.killed', label: 'fieldKilled' },
  { field: 'fatalities.injured', label: 'fieldInjured' },
  { field: 'type', label: 'fieldType' },
  { field: 'subtype', label: 'fieldSubtype' },
  { field: 'date', label: 'fieldDate' },
  { field: 'location', label: 'fieldPlace' },
  { field: 'actors', label: 'fieldActors' },
];

/** A form control for the new value of a field, and how to read the value the API takes from it. */
function valueControl(field: ReviewField, event: EventRecord): { el: HTMLElement; read(): unknown } {
  const select = (codes: readonly string[], current: string) => {
    const el = h(
      'select',
      { name: 'value' },
      codes.map((c) => h('option', { value: c, selected: c === current }, term(c))),
    );
    return { el, read: () => el.value };
  };
  switch (field) {
    case 'type':
      return select(EVENT_TYPES, event.type);
    case 'subtype':
      return select(Object.values(SUBTYPES).flat(), event.subtype);
    case 'fatalities.killed':
    case 'fatalities.injured': {
      const current = field === 'fatalities.killed' ? event.fatalities.killed : event.fatalities.injured;
      const el = h('input', {
        name: 'value',
        type: 'number',
        min: 0,
        step: 1,
        required: true,
        value: current ?? '',
        dir: 'ltr',
      });
      return { el, read: () => (el.value === '' ? null : Number(el.value)) };
    }
    case 'date': {
      const el = h('input', { name: 'value', type: 'date', required: true, value: event.date.start, dir: 'ltr' });
      return { el, read: () => ({ start: el.value, end: el.value, precision: 'day' }) };
    }
    case 'location': {
      const current = event.location ? (lang() === 'ar' ? event.location.name_ar : event.location.name) : '';
      const el = h('input', { name: 'value', required: true, value: current, placeholder: t('placeName') });
      return { el: h('label', {}, h('span', {}, t('placeName')), el), read: () => el.value.trim() };
    }
    default:
      return actorsControl(event);
  }
}

/** Actors as one perpetrator and one target (name, category); evidence kept when the name is kept. */
function actorsControl(event: EventRecord): { el: HTMLElement; read(): unknown } {
  const roles = ['perpetrator', 'target'] as const;
  const firsts = roles.map((role) => event.actors.find((a) => a.role === role));
  const others = event.actors.filter((a) => !firsts.includes(a));
  const rows = roles.map((role, i) => {
    const current = firsts[i];
    const name = h('input', { name: `${role}-name`, value: current ? current.name_ar || current.name : '' });
    const category = h(
      'select',
      { name: `${role}-category` },
      ACTOR_CATEGORIES.map((c) => h('option', { value: c, selected: current?.category === c }, term(c))),
    );
    const el = h(
      'fieldset',
      { class: 'actor-row' },
      h('legend', {}, t(role)),
      h('label', {}, h('span', {}, t('actorName')), name),
      h('label', {}, h('span', {}, t('actorCategory')), category),
    );
    const read = (): Actor | null => {
      const n = name.value.trim();
      if (!n) return null;
      const kept = current && (current.name === n || current.name_ar === n);
      const arabic = /[\u0600-\u06ff]/.test(n);
      return {
        role,
        name: kept ? current.name : n,
        name_ar: kept ? current.name_ar : arabic ? n : '',
        category: category.value as ActorCategory,
        country: kept ? current.country : null,
        evidence: kept ? current.evidence : { start: 0, end: 0, text: '' },
      };
    };
    return { el, read };
  });
  return {
    el: h(
      'div',
      {},
      rows.map((r) => r.el),
    ),
    read: () => [...rows.map((r) => r.read()).filter((a): a is Actor => a !== null), ...others],
  };
}

function showValue(v: unknown): string {
  if (v === null || v === undefined) return t('unknown');
  if (typeof v === 'number') return num(v);
  if (typeof v === 'string') return term(v);
  if (Array.isArray(v)) return v.map(showValue).join(', ');
  const o = v as Record<string, unknown>;
  if (typeof o.start === 'string' && typeof o.precision === 'string') return String(o.start);
  if (typeof o.name === 'string') return lang() === 'ar' && o.name_ar ? String(o.name_ar) : o.name;
  return JSON.stringify(v);
}

/** A field's name in the UI's language (the API's key only for a field this list does not know). */
const fieldLabel = (field: string): string => {
  const known = FIELDS.find((f) => f.field === field);
  return known ? t(known.label) : field;
};

function historyItem(a: ReviewAction): HTMLElement {
  const what = a.field && a.field !== '$status' ? a.field : null;
  const action = what ? 'action.correct' : a.after === 'rejected' ? 'action.reject' : 'action.confirm';
  return h(
    'li',
    { 'data-field': a.field ?? '' },
    h('strong', {}, bdi(a.who)),
    ' ',
    term(action),
    what
      ? [
          ' ',
          h('span', { class: 'history-field' }, fieldLabel(what)),
          ': ',
          bdi(showValue(a.before), 'before'),
          // from the old value to the new in the reading direction
          lang() === 'ar' ? ' ← ' : ' → ',
          bdi(showValue(a.after), 'after'),
        ]
      : null,
    ' · ',
    h('time', { datetime: a.at }, ltr(a.at.replace('T', ' ').slice(0, 16))),
    a.note ? h('div', { class: 'muted' }, a.note) : null,
  );
}

export function reviewPanel(member: Member, onDone: (r: ReviewResult) => void): HTMLElement {
  const message = h('p', { class: 'review-message', role: 'status' });
  const send = async (body: Omit<ReviewBody, 'who'>) => {
    const who = await askAnalystName();
    if (!who) {
      message.textContent = t('needName');
      return;
    }
    message.textContent = t('loading');
    try {
      const result = await api.review(member.key, { ...body, who });
      message.textContent = t('reviewSaved');
      onDone(result);
    } catch (e) {
      message.textContent = `${t('reviewFailed')} ${e instanceof ApiError ? e.message : String(e)}`;
      message.classList.add('error');
    }
  };

  const fieldSelect = h(
    'select',
    { name: 'field' },
    FIELDS.map((f) => h('option', { value: f.field }, t(f.label))),
  );
  const valueSlot = h('div', { class: 'value-slot' });
  let control = valueControl('fatalities.killed', member.event);
  valueSlot.replaceChildren(control.el);
  fieldSelect.addEventListener('change', () => {
    control = valueControl(fieldSelect.value as ReviewField, member.event);
    valueSlot.replaceChildren(control.el);
  });
  const note = h('input', { name: 'note', placeholder: t('notePlaceholder') });
  const form = h(
    'form',
    { class: 'correct-form', hidden: true },
    h('h4', {}, t('correctTitle')),
    h('label', {}, h('span', {}, t('field')), fieldSelect),
    h('div', { class: 'value' }, h('span', {}, t('value')), valueSlot),
    h('label', {}, h('span', {}, t('note')), note),
    h('button', { type: 'submit', class: 'primary' }, t('submit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send({
      action: 'correct',
      field: fieldSelect.value as ReviewField,
      value: control.read(),
      note: note.value.trim() || undefined,
    });
  });

  const status = member.review.status;
  const actions = [...member.review.actions].sort((a, b) => b.at.localeCompare(a.at));
  return h(
    'section',
    { class: 'review', 'data-key': member.key },
    h(
      'div',
      { class: 'review-bar' },
      h('span', {}, t('reviewStatus'), ': '),
      h('span', { class: `status status-${status}`, 'data-status': status }, term(`status.${status}`)),
      h(
        'button',
        { type: 'button', class: 'small', 'data-action': 'confirm', onclick: () => void send({ action: 'confirm' }) },
        t('confirm'),
      ),
      h(
        'button',
        { type: 'button', class: 'small', 'data-action': 'reject', onclick: () => void send({ action: 'reject' }) },
        t('reject'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          'data-action': 'correct',
          onclick: () => {
            form.hidden = !form.hidden;
          },
        },
        t('correct'),
      ),
    ),
    form,
    message,
    h(
      'details',
      { class: 'history', open: actions.length > 0 },
      h('summary', {}, t('history'), ' ', ltr(`(${num(actions.length)})`)),
      actions.length ? h('ol', {}, actions.map(historyItem)) : h('p', { class: 'muted' }, t('noHistory')),
    ),
  );
}
