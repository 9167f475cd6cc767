import { describe, expect, it } from 'vitest';
import { chooserOptions, profileForDevice } from './registry';

const quadcueService = '5b090001-3804-4a5c-ae72-9dec7c60a1b4';
const tindeqService = '7e4e1701-1ea6-40c9-9dcc-13d34ffead57';
const ganglionService = '0000fe84-0000-1000-8000-00805f9b34fb';
const battery = '0000180f-0000-1000-8000-00805f9b34fb';
const deviceInformation = '0000180a-0000-1000-8000-00805f9b34fb';

describe('profile registry', () => {
  it('offers every supported device in the chooser and never all devices', () => {
    const options = chooserOptions();
    expect(options).not.toHaveProperty('acceptAllDevices');
    expect(options.filters).toEqual(
      expect.arrayContaining([{ services: [quadcueService] }, { services: [tindeqService] }, { services: [ganglionService] }]),
    );
    expect(options.optionalServices).toEqual(expect.arrayContaining([battery, deviceInformation, quadcueService]));
  });

  it('recognises each device by the services it offers', () => {
    expect(profileForDevice([battery, quadcueService], 'Quadcue EMG')?.id).toBe('quadcue');
    expect(profileForDevice([tindeqService], 'Progressor_1234')?.id).toBe('tindeq-progressor');
    expect(profileForDevice([ganglionService.toUpperCase()], 'Ganglion-1a2b')?.id).toBe('openbci-ganglion');
    expect(profileForDevice([battery], 'Heart strap')).toBeNull();
  });
});
