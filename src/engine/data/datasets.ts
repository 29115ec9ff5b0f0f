// Two small public data sets, shipped with the app (no download): the facts themselves, as
// published, in the order of their sources.

/** A data set: named columns of equal length, and where the numbers come from. */
export interface DataSet {
  readonly id: string;
  /** The source, as the app cites it (English; the UI's words around it are translated). */
  readonly source: string;
  readonly columns: Readonly<Record<string, Float64Array>>;
  readonly rows: number;
}

// Fisher's Iris data (R. A. Fisher, 1936, "The use of multiple measurements in taxonomic
// problems", Annals of Eugenics 7(2); measured by Edgar Anderson), in R's datasets::iris order:
// 50 setosa, 50 versicolor, 50 virginica. Petal length and width in cm. (These are Fisher's
// values; the UCI copy differs in rows 35 and 38.)
const IRIS_PETAL_LENGTH = [
  1.4, 1.4, 1.3, 1.5, 1.4, 1.7, 1.4, 1.5, 1.4, 1.5, 1.5, 1.6, 1.4, 1.1, 1.2, 1.5, 1.3, 1.4, 1.7,
  1.5, 1.7, 1.5, 1, 1.7, 1.9, 1.6, 1.6, 1.5, 1.4, 1.6, 1.6, 1.5, 1.5, 1.4, 1.5, 1.2, 1.3, 1.4, 1.3,
  1.5, 1.3, 1.3, 1.3, 1.6, 1.9, 1.4, 1.6, 1.4, 1.5, 1.4, 4.7, 4.5, 4.9, 4, 4.6, 4.5, 4.7, 3.3, 4.6,
  3.9, 3.5, 4.2, 4, 4.7, 3.6, 4.4, 4.5, 4.1, 4.5, 3.9, 4.8, 4, 4.9, 4.7, 4.3, 4.4, 4.8, 5, 4.5, 3.5,
  3.8, 3.7, 3.9, 5.1, 4.5, 4.5, 4.7, 4.4, 4.1, 4, 4.4, 4.6, 4, 3.3, 4.2, 4.2, 4.2, 4.3, 3, 4.1, 6,
  5.1, 5.9, 5.6, 5.8, 6.6, 4.5, 6.3, 5.8, 6.1, 5.1, 5.3, 5.5, 5, 5.1, 5.3, 5.5, 6.7, 6.9, 5, 5.7,
  4.9, 6.7, 4.9, 5.7, 6, 4.8, 4.9, 5.6, 5.8, 6.1, 6.4, 5.6, 5.1, 5.6, 6.1, 5.6, 5.5, 4.8, 5.4, 5.6,
  5.1, 5.1, 5.9, 5.7, 5.2, 5, 5.2, 5.4, 5.1
];
const IRIS_PETAL_WIDTH = [
  0.2, 0.2, 0.2, 0.2, 0.2, 0.4, 0.3, 0.2, 0.2, 0.1, 0.2, 0.2, 0.1, 0.1, 0.2, 0.4, 0.4, 0.3, 0.3,
  0.3, 0.2, 0.4, 0.2, 0.5, 0.2, 0.2, 0.4, 0.2, 0.2, 0.2, 0.2, 0.4, 0.1, 0.2, 0.2, 0.2, 0.2, 0.1,
  0.2, 0.2, 0.3, 0.3, 0.2, 0.6, 0.4, 0.3, 0.2, 0.2, 0.2, 0.2, 1.4, 1.5, 1.5, 1.3, 1.5, 1.3, 1.6, 1,
  1.3, 1.4, 1, 1.5, 1, 1.4, 1.3, 1.4, 1.5, 1, 1.5, 1.1, 1.8, 1.3, 1.5, 1.2, 1.3, 1.4, 1.4, 1.7, 1.5,
  1, 1.1, 1, 1.2, 1.6, 1.5, 1.6, 1.5, 1.3, 1.3, 1.3, 1.2, 1.4, 1.2, 1, 1.3, 1.2, 1.3, 1.3, 1.1, 1.3,
  2.5, 1.9, 2.1, 1.8, 2.2, 2.1, 1.7, 1.8, 1.8, 2.5, 2, 1.9, 2.1, 2, 2.4, 2.3, 1.8, 2.2, 2.3, 1.5,
  2.3, 2, 2, 1.8, 2.1, 1.8, 1.8, 1.8, 2.1, 1.6, 1.9, 2, 2.2, 1.5, 1.4, 2.3, 2.4, 1.8, 1.8, 2.1, 2.4,
  2.3, 1.9, 2.3, 2.5, 2.3, 1.9, 2, 2.3, 1.8
];

/** Species per row: 0 setosa, 1 versicolor, 2 virginica. */
const IRIS_SPECIES = Array.from({ length: 150 }, (_, i) => Math.floor(i / 50));

// Anscombe's quartet, data set I (F. J. Anscombe, 1973, "Graphs in statistical analysis", The
// American Statistician 27(1)): eleven points whose least-squares line is y ≈ 3 + 0.5·x.
const ANSCOMBE_X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const ANSCOMBE_Y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.81, 5.68];

export const IRIS: DataSet = {
  id: 'iris',
  source: 'R. A. Fisher (1936), Iris data (measurements by E. Anderson)',
  columns: {
    petalLength: Float64Array.from(IRIS_PETAL_LENGTH),
    petalWidth: Float64Array.from(IRIS_PETAL_WIDTH),
    species: Float64Array.from(IRIS_SPECIES),
  },
  rows: 150,
};

export const ANSCOMBE: DataSet = {
  id: 'anscombe',
  source: "F. J. Anscombe (1973), Anscombe's quartet, data set I",
  columns: { x: Float64Array.from(ANSCOMBE_X), y: Float64Array.from(ANSCOMBE_Y) },
  rows: 11,
};
