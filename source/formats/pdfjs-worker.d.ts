// The type of pdf.js's worker module, which the package ships without one: ficterm only hands it back to pdf.js.

declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
	export const WorkerMessageHandler: unknown;
}
