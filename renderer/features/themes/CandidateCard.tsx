import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateDraft } from './candidates';
import { QuoteText } from './QuoteText';

interface CandidateCardProps {
  draft: CandidateDraft;
  /** Answers with text, for the candidate's share. */
  answered: number;
  /** While a theme is being added, no other can be. */
  saving: boolean;
  onChange(patch: Partial<CandidateDraft>): void;
  onAccept(): void;
}

/** One candidate theme: its name (editable), size, key terms and most representative answers, and what to do with it. */
export function CandidateCard({ draft, answered, saving, onChange, onAccept }: CandidateCardProps) {
  const { t } = useTranslation();
  const base = useId();
  const share = answered > 0 ? Math.round((100 * draft.size) / answered) : 0;
  const open = draft.status === 'open';
  return (
    <li className={`candidate candidate-${draft.status}`} aria-labelledby={`${base}-name`}>
      <h4 id={`${base}-name`} className="candidate-name">
        {draft.name}
        {draft.status === 'accepted' && <span className="tag">{t('themes.discovery.accepted')}</span>}
        {draft.status === 'discarded' && <span className="tag tag-grey">{t('themes.discovery.discarded')}</span>}
      </h4>
      <p className="candidate-size">{t('themes.discovery.size', { n: draft.size.toLocaleString('en-GB'), pct: share })}</p>
      <p className="candidate-terms">
        <span className="secondary">{t('themes.discovery.terms')}</span> {draft.terms.join(', ')}
      </p>
      {open && (
        <>
          <h5 className="candidate-quotes-title">{t('themes.discovery.quotes')}</h5>
          <ul className="candidate-quotes">
            {draft.quotes.map((q) => (
              <li key={q.row}>
                <blockquote>
                  <QuoteText text={q.text} redacted={q.redacted} />
                </blockquote>
                <span className="secondary">{t('themes.discovery.responseId', { id: q.responseId })}</span>
              </li>
            ))}
          </ul>
          <div className="candidate-actions">
            <div className="form-group">
              <label htmlFor={`${base}-rename`} className="label">
                {t('themes.discovery.rename')}
              </label>
              <input id={`${base}-rename`} className="input input-medium" value={draft.name} onChange={(e) => onChange({ name: e.target.value })} autoComplete="off" />
            </div>
            <div className="checkbox">
              <input id={`${base}-select`} type="checkbox" className="checkbox-input" checked={draft.selected} onChange={(e) => onChange({ selected: e.target.checked })} />
              <label htmlFor={`${base}-select`} className="checkbox-label">
                {t('themes.discovery.select')}
              </label>
            </div>
            <div className="button-group">
              <button type="button" className="button" disabled={saving || draft.name.trim() === ''} onClick={onAccept} aria-describedby={`${base}-name`}>
                {t('themes.discovery.accept')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => onChange({ status: 'discarded', selected: false })} aria-describedby={`${base}-name`}>
                {t('themes.discovery.discard')}
              </button>
            </div>
          </div>
        </>
      )}
      {draft.status === 'discarded' && (
        <button type="button" className="button button-secondary button-small" onClick={() => onChange({ status: 'open' })} aria-describedby={`${base}-name`}>
          {t('themes.discovery.restore')}
        </button>
      )}
    </li>
  );
}
