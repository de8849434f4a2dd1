// Starts the page's own wasm module in the worker role. The page sends the
// module it already compiled and the URL of its bindings, so the engine is
// fetched and compiled once; the module's start sees no window and serves
// jobs instead of drawing the page. A start that fails says so, and the
// page cleans on its own thread.
self.onmessage = async (event) => {
  self.onmessage = null;
  try {
    const { bindings, module } = event.data;
    const { default: init } = await import(bindings);
    await init({ module_or_path: module });
  } catch (error) {
    self.postMessage({ failed: String(error) });
  }
};
