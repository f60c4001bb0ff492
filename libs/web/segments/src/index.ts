export * from './segment-list-page/segment-list-page';
export * from './segment-editor-page/segment-editor-page';
