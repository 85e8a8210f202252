// wasm (the page): no GL function looked up by name. SDL's EGL layer takes eglGetProcAddress's
// address (for EGL extensions it may lack: eglQueryDevicesEXT, ...; null is allowed for each), and
// Emscripten's eglGetProcAddress answers through emscripten_GetProcAddress, whose table names
// every GL function Emscripten has: linking it brought all ~270 of them into presslens.js and the
// table into the wasm (16 KB gzip of the first load, measured: docs/benchmarks.md). Nothing here
// looks a GL function up by name (ImGui's GLES3 renderer calls them directly), and Emscripten's
// own answer for an EGL extension is null too: so this one answers null, and the linker takes it
// instead of Emscripten's.
extern "C" void* eglGetProcAddress(const char*) { return nullptr; }
