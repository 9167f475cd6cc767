// Test page for bluetooth-emulation.test.ts: uses Web Bluetooth the way the app does
// (chooser from a click, connect, subscribe, write a start command, count notifications,
// reconnect on gattserverdisconnected). Served as a file because the CSP forbids inline script.
// UUIDs and the start command come from the query string so the test owns every constant.

const params = new URLSearchParams(location.search);
const serviceUuid = params.get('service');
const dataUuid = params.get('data');
const controlUuid = params.get('control');
const startCommand = Uint8Array.from(params.get('start').match(/../g), (hex) => parseInt(hex, 16));
const reconnectAttempts = 5;

/** Per connected sensor: what arrived, through which characteristic object, and how it went. */
const sensors = [];
const errors = [];
window.testPage = { sensors, errors, readBattery };

document.getElementById('connect').addEventListener('click', () => {
  connectNew().catch((error) => errors.push(`${error.name}: ${error.message}`));
});

async function connectNew() {
  const device = await navigator.bluetooth.requestDevice({
    filters: [{ services: [serviceUuid] }],
    optionalServices: ['battery_service', 'device_information'],
  });
  const sensor = {
    device,
    name: device.name,
    state: 'connecting',
    received: 0,
    outOfOrder: 0,
    wrongLength: 0,
    lastSequence: -1,
    byteSum: 0,
    dataObjects: [],
    receivedByObject: [],
    connectFailures: 0,
    disconnects: 0,
    replies: [],
  };
  sensors.push(sensor);
  device.addEventListener('gattserverdisconnected', () => {
    sensor.disconnects++;
    sensor.state = 'reconnecting';
    start(sensor).catch((error) => errors.push(`${error.name}: ${error.message}`));
  });
  await start(sensor);
}

// Stale objects are useless after a disconnect: connect again, fetch the service and
// characteristics again, subscribe again.
async function start(sensor) {
  let server;
  for (let attempt = 1; !server; attempt++) {
    try {
      server = await sensor.device.gatt.connect();
    } catch (error) {
      sensor.connectFailures++;
      if (attempt === reconnectAttempts) throw error;
    }
  }
  const service = await server.getPrimaryService(serviceUuid);
  const data = await service.getCharacteristic(dataUuid);
  const control = await service.getCharacteristic(controlUuid);
  const objectIndex = sensor.dataObjects.push(data) - 1;
  sensor.receivedByObject[objectIndex] = 0;
  data.addEventListener('characteristicvaluechanged', (event) => onFrame(sensor, event));
  await data.startNotifications();
  control.addEventListener('characteristicvaluechanged', (event) => {
    sensor.replies.push(Array.from(new Uint8Array(event.target.value.buffer), (byte) => byte.toString(16).padStart(2, '0')).join(''));
  });
  await control.startNotifications();
  await control.writeValueWithResponse(startCommand);
  sensor.state = 'streaming';
}

// Frames carry a little-endian uint32 sequence number in bytes 0..3.
function onFrame(sensor, event) {
  const value = event.target.value;
  const bytes = new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  const sequence = value.getUint32(0, true);
  if (sequence !== sensor.lastSequence + 1) sensor.outOfOrder++;
  if (bytes.length !== 244) sensor.wrongLength++;
  sensor.lastSequence = sequence;
  for (const byte of bytes) sensor.byteSum = (sensor.byteSum + byte) >>> 0;
  sensor.received++;
  sensor.receivedByObject[sensor.dataObjects.indexOf(event.target)]++;
}

async function readBattery(index) {
  const service = await sensors[index].device.gatt.getPrimaryService('battery_service');
  const level = await service.getCharacteristic('battery_level');
  return (await level.readValue()).getUint8(0);
}

