// The types of the IIFE build (`@ecs-resize/browser/iife`): loaded by a <script> tag, it
// defines the global `EcsResize`, with the same API as the ES module.
import type * as Api from './dist/ecs-resize.js';

declare global {
  const EcsResize: typeof Api;
}

export {};
