// The data surfaces' ids, without their data: the app's menu and links name them before the data
// chunk (dataSurfaces.ts) has loaded. A test holds this list equal to the surfaces themselves.
export const DATA_SURFACE_IDS = ['iris-logistic', 'iris-linear', 'anscombe-linear'] as const;

export function isDataSurfaceId(id: string): boolean {
  return (DATA_SURFACE_IDS as readonly string[]).includes(id);
}
