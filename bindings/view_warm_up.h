#pragma once

// A page's first call page costs the browser far more to lay out than any later one: the first
// video element, buttons and text on the page set up their styles, fonts and shaping then.
// Measured in headless Chromium on a 2-core machine: the first forced layout of the call page's
// elements took 10-47 ms, the same elements built again 1-2 ms. In a join that cost lands on the
// critical path, delaying the socket's open, the camera's answer or the first offer.
namespace callsession::bindings {

// Builds the call page once (a local and a remote tile, the controls) in a hidden element, has it
// laid out, and takes it away again within the same task, so it is never painted. The wrapper
// calls it when the page is idle after loading the SDK; it also compiles the view's wasm code.
// Does nothing on a page without a body yet.
void warmUpView();

}  // namespace callsession::bindings
