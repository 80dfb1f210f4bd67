// iframe-worker's shim (npm package iframe-worker 1.0, MIT, see LICENSE beside it), rewritten so that it
// writes no inline script: over file:// Chromium starts no web worker, so this runs Material's search
// worker in a hidden iframe instead. The original wrote the worker's globals into the iframe as an inline
// script whose text holds the worker's address, which no Content-Security-Policy hash can cover; here
// they come from worker-frame.js, a file of the site, which script-src 'self' allows.
"use strict";
(() => {
  const frameScript = new URL("worker-frame.js", document.currentScript.src).href;

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.onMessage = (event) => {
        if (event.source !== this.frame) return;
        this.dispatchEvent(new MessageEvent("message", { data: event.data }));
        if (this.onmessage) this.onmessage(event);
      };
      this.onError = (message, filename, lineno, colno, error) => {
        if (filename !== `${url}`) return;
        const event = new ErrorEvent("error", { message, filename, lineno, colno, error });
        this.dispatchEvent(event);
        if (this.onerror) this.onerror(event);
      };
      const iframe = document.createElement("iframe");
      iframe.hidden = true;
      iframe.dataset.worker = `${url}`; // worker-frame.js names it in the errors it passes up
      document.body.appendChild((this.iframe = iframe));
      const page = this.frame.document;
      page.open();
      page.write(`<html><body><script src="${attribute(frameScript)}"></script>` +
        `<script src="${attribute(`${url}?${Date.now()}`)}"></script></body></html>`);
      page.close();
      window.onmessage = this.onMessage;
      window.onerror = this.onError;
      this.ready = new Promise((resolve, reject) => {
        this.frame.onload = resolve;
        this.frame.onerror = reject;
      });
    }

    terminate() {
      this.iframe.remove();
      window.onmessage = window.onerror = null;
    }

    postMessage(data) {
      this.ready.catch().then(() => {
        this.frame.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }

    get frame() {
      return this.iframe.contentWindow;
    }
  }

  function attribute(text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
