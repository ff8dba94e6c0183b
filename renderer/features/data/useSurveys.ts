import type { SurveySummary } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { useLoad, type Loadable } from './useLoad';

export function useSurveys(): Loadable<SurveySummary[]> {
  const api = useApi();
  return useLoad((signal) => api.call('surveys.list', {}, { signal }), [api]);
}
