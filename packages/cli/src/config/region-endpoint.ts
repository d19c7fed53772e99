import { UsageError } from '../errors/UsageError.js';

/** A region name: lower-case words joined by `-`, e.g. `eu-de`, `ap-southeast-1`. */
const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/;

/** Open Telekom Cloud's regions, with the host of their ECS endpoint. */
const OTC_HOSTS: Readonly<Record<string, string>> = {
  'eu-de': 'ecs.eu-de.otc.t-systems.com',
  'eu-nl': 'ecs.eu-nl.otc.t-systems.com',
  // Swiss OTC (third-party evidence only, ecs-api.md §7).
  'eu-ch2': 'ecs.eu-ch2.sc.otc.t-systems.com',
};

/**
 * The ECS endpoint of a region: Open Telekom Cloud's for `eu-de` and `eu-nl`
 * (`https://ecs.{region}.otc.t-systems.com`), Huawei Cloud's for any other
 * (`https://ecs.{region}.myhuaweicloud.com`).
 * @throws {UsageError} When `region` is not a region name.
 */
export function endpointForRegion(region: string): string {
  if (!REGION.test(region)) {
    throw new UsageError(`"${region}" is not a region name: use one such as eu-de, eu-nl or ap-southeast-1.`);
  }
  return `https://${OTC_HOSTS[region] ?? `ecs.${region}.myhuaweicloud.com`}`;
}
