export * from '@ecs-resize/core';
export * from '@ecs-resize/rules';
export { renderReport, type RenderReportOptions, type ReportLabels } from './dom/render-report.js';
export { defineResizeCheckElement, type ResizeCheckElement, type ResizeCheckEventMap } from './dom/resize-check-element.js';
