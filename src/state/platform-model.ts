// What this browser can do, read once at start. Web Bluetooth is missing in Safari, Firefox and
// every browser on iOS (../shared/reference/web-bluetooth.md); the rest of the app still works.
export const bluetoothAvailable: boolean = typeof navigator !== 'undefined' && 'bluetooth' in navigator;
