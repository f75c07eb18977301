export * from './client';
export * from './errors';
export * from './models';
export * from './options';
export * from './urls';
export * from './events';
