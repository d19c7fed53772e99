/** Every route name, in the order of the route table. */
export const ROUTE_NAMES = [
  'getServer',
  'listServers',
  'listResizeFlavors',
  'listFlavors',
  'listBlockDevices',
  'listServerInterfaces',
  'resize',
  'getJob',
  'getVolumes',
  'serverAction',
] as const;

/** The name of an emulated API (one per endpoint; v1 and v1.1 resize share `resize`). */
export type RouteName = (typeof ROUTE_NAMES)[number];
