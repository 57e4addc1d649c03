/** The analyst's name, asked once and kept in localStorage: every review action records who made it. */
import { h } from './dom.js';
import { t } from './i18n/index.js';

const KEY = 'rasd.analyst';

export function analystName(): string | null {
  return localStorage.getItem(KEY)?.trim() || null;
}

/** The name, asking for it in a dialog if there is none yet (or if `change`); null if the analyst cancels. */
export function askAnalystName(change = false): Promise<string | null> {
  const known = analystName();
  if (known && !change) return Promise.resolve(known);
  return new Promise((resolve) => {
    const input = h('input', {
      name: 'who',
      required: true,
      value: known ?? '',
      autocomplete: 'name',
      id: 'analyst-input',
    });
    const dialog = h(
      'dialog',
      { class: 'analyst-dialog', id: 'analyst-dialog' },
      h(
        'form',
        { method: 'dialog' },
        h('label', {}, h('span', {}, t('analystPrompt')), input),
        h(
          'div',
          { class: 'row' },
          h('button', { type: 'submit', value: 'save', class: 'primary' }, t('analystSave')),
          h('button', { type: 'submit', value: 'cancel', formnovalidate: true }, t('cancel')),
        ),
      ),
    );
    dialog.addEventListener('close', () => {
      const name = dialog.returnValue === 'save' ? input.value.trim() : '';
      dialog.remove();
      if (name) {
        localStorage.setItem(KEY, name);
        document.dispatchEvent(new CustomEvent('rasd:analyst'));
      }
      resolve(name || (change ? known : null));
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}
