import type { ClientFamily, ExportPattern } from '../../packages/core/dist/index.js';

export const CLIENTS_PAGE: string;
export function patternTexts(module: string, pattern: ExportPattern): string[];
export function renderClientsPage(families: readonly ClientFamily[]): string;
