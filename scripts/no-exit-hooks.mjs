// Stands in for when-exit in the bundle. atomically (conf's writer) uses it to remove its temporary
// files on exit, and it listens for SIGINT, SIGTERM and SIGHUP to do so: a listener makes Node wait
// for the JavaScript thread, so a signal during a long synchronous parse did nothing until the
// parse ended. ficterm's writes are synchronous, so no JavaScript handler could run inside one.
export default function whenExit() {
	return () => {};
}
