export * from './errors.js';
export * from './models.js';
export * from './methods.js';
export * from './shell.js';
export * from './import.js';
export * from './locality.js';
export * from './weighting.js';
export * from './tables.js';
