// Runs first in the iframe that shim.js sets up in place of a web worker: the globals a worker has and
// a window lacks, defined here in the iframe's own realm, so that a message it posts comes from the iframe.
"use strict";
(() => {
  const url = frameElement.dataset.worker;
  window.postMessage = (data, target) => parent.postMessage(data, target || "*");
  // A worker's importScripts loads in order; here each script waits for the one before it.
  window.importScripts = (...urls) =>
    urls.reduce((previous, src) => previous.then(() => new Promise((loaded) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = loaded;
      document.body.appendChild(script);
    })), Promise.resolve());
  addEventListener("error", ({ error }) => {
    parent.dispatchEvent(new ErrorEvent("error", { filename: url, error }));
  });
  // Material's search worker finds its lunr files beside the first script[src] of the document, which
  // must then be the worker's own.
  document.currentScript.remove();
})();
