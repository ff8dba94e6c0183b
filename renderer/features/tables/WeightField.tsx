import { useTranslation } from 'react-i18next';
import { FormGroup } from '../../components/form/FormGroup';
import type { WeightOption } from './useWaveOptions';

interface WeightFieldProps {
  id: string;
  /** '' for unweighted. */
  value: string;
  weights: readonly WeightOption[];
  /** Said under the label: what a weight does here. */
  hint: string;
  disabled?: boolean;
  onChange(weight: string): void;
}

/** The weight to analyse with: none, a design weight column of the wave, or a weight saved by raking. */
export function WeightField({ id, value, weights, hint, disabled, onChange }: WeightFieldProps) {
  const { t } = useTranslation();
  return (
    <FormGroup id={id} label={t('tables.form.weight')} hint={hint}>
      {(aria) => (
        <select id={id} className="select" {...aria} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('tables.form.weightNone')}</option>
          {(['design', 'raked'] as const).map((kind) => {
            const ofKind = weights.filter((w) => w.kind === kind);
            if (ofKind.length === 0) return null;
            return (
              <optgroup key={kind} label={kind === 'design' ? t('tables.form.weightDesignGroup') : t('tables.form.weightRakedGroup')}>
                {ofKind.map((w) => (
                  <option key={w.name} value={w.name}>
                    {w.label}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      )}
    </FormGroup>
  );
}
