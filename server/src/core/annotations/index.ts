// Pure computations behind the editor's reading features (hovers, hints, tokens, outline, lens).
export * from './model.js';
export * from './summary.js';
export * from './hover-text.js';
export * from './tokens.js';
export * from './outline.js';
export * from './hints.js';
export * from './highlights.js';
