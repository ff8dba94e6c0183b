// plotly.js-basic-dist-min ships no types; plotlyLoader.ts says what Heard uses of it.
declare module 'plotly.js-basic-dist-min' {
  const Plotly: unknown;
  export default Plotly;
}
