// Debian's Chromium, started the way this machine needs: no browser download, no background
// network traffic (the network is closed), no sandbox as root (Playwright adds --no-sandbox).
export const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
