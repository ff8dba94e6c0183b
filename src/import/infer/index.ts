export { inferColumn } from './infer-column.js';
export { splitMultiAnswers, type MultiSplit } from './split-multi.js';
export { matchScale, type ScaleMatch } from './match-scale.js';
export { matchNumericScale } from './numeric-scale.js';
export { isNonSubstantive } from './non-substantive.js';
export { orderCategories, numericKey } from './category-order.js';
export { SCALES, type ScaleTopic } from './scales.js';
