// A page that is being left opens no new websocket to the app's backend.
//
// Reflex disconnects the page's socket on `beforeunload`, but an event queued while the old page
// is torn down (a component mounting, a state update) makes it connect again with the tab's token.
// That dying connection's hydrate holds the tab's state lock on the server, and the new page,
// with the same token, then waits up to the lock's 10 s expiry before it hydrates: a blank,
// signed-out-looking page after a reload. This runs before the app's scripts (a classic script in
// <head>), so socket.io captures the guarded constructor. A `beforeunload` that leads nowhere (a
// cancelled navigation) only delays reconnecting by LEAVING_MS; socket.io retries on its own.
(() => {
  const LEAVING_MS = 5000;
  const NativeWebSocket = window.WebSocket;
  let leavingUntil = 0;
  window.addEventListener("beforeunload", () => {
    leavingUntil = Date.now() + LEAVING_MS;
  });
  window.addEventListener("pageshow", () => {
    leavingUntil = 0; // back from the back-forward cache: this page lives again
  });
  class GuardedWebSocket extends NativeWebSocket {
    constructor(url, protocols) {
      if (Date.now() < leavingUntil && new URL(url, location.href).pathname.startsWith("/_event")) {
        throw new DOMException("This page is being left.", "InvalidStateError");
      }
      super(url, protocols);
    }
  }
  window.WebSocket = GuardedWebSocket;
})();
