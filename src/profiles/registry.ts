// Every device profile the app supports, and the two questions asked of them as a group:
// what to offer in the browser's Bluetooth chooser, and which profile a connected device speaks.
import { openbciGanglionProfile } from './openbci-ganglion';
import { quadcueProfile } from './quadcue';
import { tindeqProgressorProfile } from './tindeq-progressor';
import type { DeviceProfile, ProfileId } from './types';

export const allProfiles: readonly DeviceProfile[] = [quadcueProfile, tindeqProgressorProfile, openbciGanglionProfile];

export function profileById(id: ProfileId): DeviceProfile {
  return allProfiles.find((profile) => profile.id === id)!;
}

/** The shape of Web Bluetooth's RequestDeviceOptions we use (never acceptAllDevices). */
export interface ChooserOptions {
  filters: ({ services: string[] } | { namePrefix: string })[];
  optionalServices: string[];
}

/**
 * One filter per service and per name prefix, so a device matching any profile is listed;
 * every service any profile touches goes into optionalServices, because Web Bluetooth refuses
 * access to a service not named in the request (web-bluetooth.md).
 */
export function chooserOptions(profiles: readonly DeviceProfile[] = allProfiles): ChooserOptions {
  const filters: ChooserOptions['filters'] = [];
  const optional = new Set<string>();
  for (const { gatt } of profiles) {
    for (const service of gatt.filterServices) filters.push({ services: [service] });
    for (const namePrefix of gatt.namePrefixes) filters.push({ namePrefix });
    for (const service of [...gatt.filterServices, ...gatt.optionalServices]) optional.add(service);
    for (const ref of [...gatt.notify, gatt.write, ...gatt.connectReads]) optional.add(ref.service);
  }
  return { filters, optionalServices: [...optional] };
}

/** The profile of a device from the services it offers (first match in `allProfiles` order), else by name. */
export function profileForDevice(services: readonly string[], name: string): DeviceProfile | null {
  const offered = new Set(services.map((s) => s.toLowerCase()));
  return (
    allProfiles.find((p) => p.gatt.filterServices.some((s) => offered.has(s))) ??
    allProfiles.find((p) => p.gatt.namePrefixes.some((prefix) => name.startsWith(prefix))) ??
    null
  );
}
