import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormGroup } from '../../components/form/FormGroup';

interface PairByHandProps {
  importance: { name: string; label: string }[];
  satisfaction: { name: string; label: string }[];
  onPair(importance: string, satisfaction: string): Promise<void>;
}

/** Two questions the detection did not pair (or paired otherwise), paired by the user for every wave of the survey. */
export function PairByHand({ importance, satisfaction, onPair }: PairByHandProps) {
  const { t } = useTranslation();
  const id = useId();
  const [imp, setImp] = useState('');
  const [sat, setSat] = useState('');
  const [missing, setMissing] = useState<{ imp: boolean; sat: boolean }>({ imp: false, sat: false });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = { imp: !imp, sat: !sat };
    setMissing(problems);
    if (problems.imp || problems.sat) {
      document.getElementById(problems.imp ? `${id}-imp` : `${id}-sat`)?.focus();
      return;
    }
    await onPair(imp, sat);
    setImp('');
    setSat('');
  };
  const options = (list: { name: string; label: string }[]) =>
    list.map((q) => (
      <option key={q.name} value={q.name}>
        {q.label} ({q.name})
      </option>
    ));
  return (
    <details className="details gaps-by-hand">
      <summary className="details-summary">{t('gaps.byHand.title')}</summary>
      <form className="details-text" onSubmit={(event) => void submit(event)} noValidate aria-label={t('gaps.byHand.title')}>
        <p className="hint">{t('gaps.byHand.hint')}</p>
        <div className="tables-form-pair">
          <FormGroup id={`${id}-imp`} label={t('gaps.byHand.importance')} error={missing.imp ? t('gaps.byHand.importanceRequired') : undefined}>
            {(aria) => (
              <select id={`${id}-imp`} className="select" {...aria} value={imp} onChange={(event) => setImp(event.target.value)}>
                <option value="">{t('gaps.byHand.choose')}</option>
                {options(importance)}
              </select>
            )}
          </FormGroup>
          <FormGroup id={`${id}-sat`} label={t('gaps.byHand.satisfaction')} error={missing.sat ? t('gaps.byHand.satisfactionRequired') : undefined}>
            {(aria) => (
              <select id={`${id}-sat`} className="select" {...aria} value={sat} onChange={(event) => setSat(event.target.value)}>
                <option value="">{t('gaps.byHand.choose')}</option>
                {options(satisfaction)}
              </select>
            )}
          </FormGroup>
        </div>
        <button type="submit" className="button">
          {t('gaps.byHand.submit')}
        </button>
      </form>
    </details>
  );
}
