// Types of the modules made at build time for the static build (site/vite/static-build.ts).

/** The samples (server/samples/), bundled: [name, mtime in ms, bytes in base64]. */
declare module 'virtual:samples' {
  const samples: readonly (readonly [string, number, string])[];
  export default samples;
}
