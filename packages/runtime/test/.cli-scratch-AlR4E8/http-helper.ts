export const word: number = 'three';
