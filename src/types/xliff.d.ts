// The parts of the `xliff` package (6.x) the translation exchange uses; it ships no types.
declare module 'xliff/js2xliff' {
  const js2xliff: (js: object) => Promise<string>;
  export default js2xliff;
}
declare module 'xliff/xliff2js' {
  const xliff2js: (xml: string) => Promise<{ sourceLanguage: string; targetLanguage: string; resources: Record<string, Record<string, { source?: unknown; target?: unknown }>> }>;
  export default xliff2js;
}
