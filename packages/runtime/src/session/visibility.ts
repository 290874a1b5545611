import { type Component, createVisibility as compile, componentRef, type Visibility } from '@mcpkit/core';
import type { VisibilityRule } from './session-record.js';

export type { Visibility };

/** Compiles the visibility rules of one session (its record's, appended to in place) over the server's components (core's rule engine). */
export const createVisibility = (components: readonly Component[], rules: VisibilityRule[]): Visibility =>
  compile(components.map(componentRef), rules);
