export const word: string = 'one';
