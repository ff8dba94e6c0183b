import { useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comparison, SurveySummary, TableVariable } from '../../../src/contract/index.js';
import { FormGroup } from '../../components/form/FormGroup';
import { useFieldErrors, type FieldError } from '../../components/form/useFieldErrors';
import { ErrorSummary } from '../import/ErrorSummary';
import { grouped, type FilterChoice, type TableChoice } from './choice';
import { SurveyWaveFields } from './SurveyWaveFields';
import { WeightField } from './WeightField';
import type { WeightOption } from './useWaveOptions';

interface TableFormProps {
  surveys: readonly SurveySummary[];
  choice: TableChoice;
  /** Null while the wave's questions and weights load. */
  variables: readonly TableVariable[] | null;
  weights: readonly WeightOption[];
  onChange(choice: TableChoice): void;
  onSubmit(choice: TableChoice): void;
}

let nextFilterId = 1;

/** What the table is of: survey and wave, the question down the side and the group across, filters, weight, comparisons. */
export function TableForm({ surveys, choice, variables, weights, onChange, onSubmit }: TableFormProps) {
  const { t } = useTranslation();
  const base = useId();
  const ids = { survey: `${base}-survey`, wave: `${base}-wave`, row: `${base}-row`, col: `${base}-col`, weight: `${base}-weight`, comparison: `${base}-comparison` };
  const { errors, setErrors, summaryRef, errorFor } = useFieldErrors();
  const update = (patch: Partial<TableChoice>) => onChange({ ...choice, ...patch });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!choice.row) found.push({ target: ids.row, message: t('tables.form.rowRequired') });
    choice.filters.forEach((f, i) => {
      if (!f.column) found.push({ target: filterIds(base, f).column, message: t('tables.form.filterQuestionRequired', { n: i + 1 }) });
      else if (!f.value) found.push({ target: filterIds(base, f).value, message: t('tables.form.filterAnswerRequired', { n: i + 1 }) });
    });
    setErrors(found);
    if (found.length === 0) onSubmit(choice);
  };

  const rowVariables = (variables ?? []).filter((v) => v.asRow);
  const colVariables = (variables ?? []).filter((v) => v.asColumn && v.name !== choice.row);

  return (
    <>
      {errors.length > 0 && <ErrorSummary ref={summaryRef} errors={errors} />}
      <form className="tables-form" onSubmit={submit} noValidate aria-label={t('tables.form.label')}>
        <div className="tables-form-pair">
          <SurveyWaveFields ids={ids} surveys={surveys} surveyId={choice.surveyId} waveId={choice.waveId} onChange={update} />
        </div>

        <div className="tables-form-pair">
          <VariableSelect
            id={ids.row}
            label={t('tables.form.row')}
            hint={t('tables.form.rowHint')}
            variables={rowVariables}
            value={choice.row}
            placeholder={t('tables.form.rowPlaceholder')}
            error={errorFor(ids.row)}
            disabled={variables === null}
            onChange={(row) => update({ row, col: choice.col === row ? '' : choice.col })}
          />
          <VariableSelect
            id={ids.col}
            label={t('tables.form.col')}
            hint={t('tables.form.colHint')}
            variables={colVariables}
            value={choice.col}
            placeholder={t('tables.form.colNone')}
            disabled={variables === null}
            onChange={(col) => update({ col })}
          />
        </div>

        <FilterList
          base={base}
          filters={choice.filters}
          variables={variables ?? []}
          errorFor={errorFor}
          onChange={(filters) => update({ filters })}
        />

        <div className="tables-form-pair">
          <WeightField id={ids.weight} value={choice.weight} weights={weights} hint={t('tables.form.weightHint')} disabled={variables === null} onChange={(weight) => update({ weight })} />
          <FormGroup id={ids.comparison} label={t('tables.form.comparison')} hint={t('tables.form.comparisonHint')}>
            {(aria) => (
              <select id={ids.comparison} className="select" {...aria} value={choice.comparison} onChange={(event) => update({ comparison: event.target.value as Comparison })}>
                <option value="holm">{t('tables.comparison.holm')}</option>
                <option value="bh">{t('tables.comparison.bh')}</option>
                <option value="none">{t('tables.comparison.none')}</option>
              </select>
            )}
          </FormGroup>
        </div>

        <div className="button-group">
          <button type="submit" className="button" disabled={variables === null}>
            {t('tables.form.show')}
          </button>
        </div>
      </form>
    </>
  );
}

interface VariableSelectProps {
  id: string;
  label: string;
  hint?: string;
  variables: readonly TableVariable[];
  value: string;
  placeholder: string;
  error?: string;
  disabled?: boolean;
  onChange(name: string): void;
}

/** Questions, then characteristics of the respondent, then places, each a group of the list. */
function VariableSelect({ id, label, hint, variables, value, placeholder, error, disabled, onChange }: VariableSelectProps) {
  const { t } = useTranslation();
  const groupLabel = { questions: t('tables.form.groupQuestions'), characteristics: t('tables.form.groupCharacteristics'), places: t('tables.form.groupPlaces') };
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <select id={id} className="select" {...aria} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
          <option value="">{placeholder}</option>
          {grouped(variables).map(({ group, variables: inGroup }) => (
            <optgroup key={group} label={groupLabel[group]}>
              {inGroup.map((v) => (
                <option key={v.name} value={v.name}>
                  {v.label || v.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </FormGroup>
  );
}

function filterIds(base: string, filter: FilterChoice) {
  return { column: `${base}-filter-${filter.id}-column`, value: `${base}-filter-${filter.id}-value`, remove: `${base}-filter-${filter.id}-remove` };
}

interface FilterListProps {
  base: string;
  filters: readonly FilterChoice[];
  variables: readonly TableVariable[];
  errorFor(target: string): string | undefined;
  onChange(filters: FilterChoice[]): void;
}

/** "Only respondents whose X is Y", as many as wanted. Removing one moves focus to a control that stays. */
function FilterList({ base, filters, variables, errorFor, onChange }: FilterListProps) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  const legendId = `${base}-filters`;
  const set = (id: number, patch: Partial<FilterChoice>) => onChange(filters.map((f) => (f.id === id ? { ...f, ...patch } : f)));
  const add = () => {
    const filter = { id: nextFilterId++, column: '', value: '' };
    onChange([...filters, filter]);
    // Focus the new filter's question once it is on the page.
    requestAnimationFrame(() => document.getElementById(filterIds(base, filter).column)?.focus());
  };
  const remove = (id: number) => {
    onChange(filters.filter((f) => f.id !== id));
    requestAnimationFrame(() => addRef.current?.focus());
  };

  return (
    <fieldset className="fieldset tables-filters" aria-describedby={`${legendId}-hint`}>
      <legend className="legend" id={legendId}>
        {t('tables.form.filters')}
      </legend>
      <p className="hint" id={`${legendId}-hint`}>
        {t('tables.form.filtersHint')}
      </p>
      {filters.map((filter, i) => {
        const fid = filterIds(base, filter);
        const variable = variables.find((v) => v.name === filter.column);
        const answers = variable ? [...variable.categories, ...variable.nonSubstantive] : [];
        return (
          <div key={filter.id} className="tables-filter" role="group" aria-label={t('tables.form.filterGroup', { n: i + 1 })}>
            <VariableSelect
              id={fid.column}
              label={t('tables.form.filterQuestion', { n: i + 1 })}
              variables={variables}
              value={filter.column}
              placeholder={t('tables.form.filterQuestionPlaceholder')}
              error={errorFor(fid.column)}
              onChange={(column) => set(filter.id, { column, value: '' })}
            />
            <FormGroup id={fid.value} label={t('tables.form.filterAnswer', { n: i + 1 })} error={errorFor(fid.value)}>
              {(aria) => (
                <select id={fid.value} className="select" {...aria} value={filter.value} disabled={!variable} onChange={(event) => set(filter.id, { value: event.target.value })}>
                  <option value="">{t('tables.form.filterAnswerPlaceholder')}</option>
                  {answers.map((answer) => (
                    <option key={answer} value={answer}>
                      {answer}
                    </option>
                  ))}
                </select>
              )}
            </FormGroup>
            <button
              id={fid.remove}
              type="button"
              className="button button-secondary button-small tables-filter-remove"
              aria-label={t('tables.form.removeFilterNamed', { n: i + 1 })}
              onClick={() => remove(filter.id)}
            >
              {t('tables.form.removeFilter')}
            </button>
          </div>
        );
      })}
      <button ref={addRef} type="button" className="button button-secondary" onClick={add}>
        {filters.length === 0 ? t('tables.form.addFilter') : t('tables.form.addAnotherFilter')}
      </button>
    </fieldset>
  );
}
