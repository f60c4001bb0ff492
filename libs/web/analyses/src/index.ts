/** The Analyses screens: CLV score table, persona analyses (heatmap, clusters, enrichment, campaigns), CLV model and RFM movement. */
export * from './analyses-home-page/analyses-home-page';
export * from './new-persona-analysis-page/new-persona-analysis-page';
export * from './persona-analysis-page/persona-analysis-page';
export * from './clv-model-page/clv-model-page';
