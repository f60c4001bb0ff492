export * from './automation-list-page/automation-list-page';
export * from './automation-editor-page/automation-editor-page';
export * from './dead-letters-page/dead-letters-page';
