export * from './accounts.ts';
export * from './patients.ts';
export * from './files.ts';
export * from './core.ts';
