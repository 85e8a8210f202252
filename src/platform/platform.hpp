// platform: the seam between the viewer and its host (desktop or browser). One header; one
// native implementation (src/platform/platform_native.cpp) and one web implementation
// (wasm/platform_web.cpp), chosen in CMake by file name, never by #ifdefs in the UI.
#pragma once
#include <string>

namespace presslens::platform {

// Parses host-specific command-line options (native: --frames N, --state-out PATH, --view LINK).
// Returns false and prints usage on a bad option.
bool ParseArgs(int argc, char** argv);

// Runs frame() until it returns false (native) or forever (web, where the browser drives it).
// frame() returns true while the app wants to keep running.
void RunMainLoop(bool (*frame)(void*), void* user);

// Nothing to draw: wait for input without using the CPU. Native: block on the next SDL event.
// Web: pause the browser's animation-frame loop; the page wakes it on input (presslens_wake).
void IdleUntilInput();

// How many frames the host asked for before exiting (native --frames N); 0 = no limit.
long FrameLimit();

// Publishes the app's state JSON: on the web as window.presslens (for scripts and tests), on the
// desktop into the --state-out file when one was given.
void PublishState(const std::string& json);

// The view link: on the web the URL's hash (without '#'), so a copied link reopens the view and
// back/forward move between views; natively the --view argument. Writing pushes a history entry.
std::string ReadViewLink();
void WriteViewLink(const std::string& link);

// Shows an unrecoverable start-up error to the user (stderr, and the page's message box).
void ReportFatal(const std::string& message);

}  // namespace presslens::platform
