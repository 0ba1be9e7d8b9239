export * from './accounts.ts';
export * from './patients.ts';
export * from './files.ts';
export * from './core.ts';
export * from './directory.ts';
export * from './territories.ts';
export * from './orientation.ts';
