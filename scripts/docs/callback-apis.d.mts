export const PAGE: string;
export function render(): string;
