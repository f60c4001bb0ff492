import { matrixFromRows, type DenseMatrix } from '../personas/dense-matrix';
import { readCsvRows } from './published-data';

/** R's iris: 150 flowers × sepal length, sepal width, petal length, petal width. */
export function irisMatrix(): DenseMatrix {
  return matrixFromRows(readCsvRows('iris/iris_R_datasets.csv').map((row) => row.slice(0, 4).map(Number)));
}

/** R's cluster (1-based) of every flower after Lloyd's algorithm started from rows 1, 51 and 101. */
export function irisLloydLabelsFromR(): number[] {
  return readCsvRows('iris/iris_kmeans_lloyd_init_1_51_101_labels_R.csv').map(([, cluster]) => Number(cluster));
}
