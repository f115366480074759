/**
 * @custom-elements-manifest/analyzer configuration, run by `npm run build`
 * (`cem analyze --config test/custom-elements-manifest.config.mjs`): reads the doc comments of
 * `<cdi-editor>` (`@summary`, `@event`, `@csspart`, `@cssproperty`, Lit's `@property`) and writes
 * dist/custom-elements.json, which package.json names in `customElements` (IDEs, Storybook and
 * React wrappers read the element's API from it).
 *
 * The plugin below keeps the public API only (private and protected members and module-level
 * helpers out) and points each module at the file a host imports (`dist/cdi-editor.js`).
 */
export default {
  globs: ['plugin/element/cdi-editor.component.ts', 'plugin/element/cdi-editor.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  quiet: true,
  plugins: [
    {
      name: 'cdi-public-api',
      packageLinkPhase({ customElementsManifest }) {
        // The component and its registration are one module for a host: dist/cdi-editor.js.
        const merged = { kind: 'javascript-module', path: 'dist/cdi-editor.js', declarations: [], exports: [] };
        for (const mod of customElementsManifest.modules) {
          mod.declarations = (mod.declarations ?? []).filter((d) => d.kind === 'class');
          for (const d of mod.declarations) {
            d.members = (d.members ?? []).filter((m) => !m.privacy || m.privacy === 'public');
            for (const m of d.members) if (m.inheritedFrom) delete m.inheritedFrom.module;
          }
          merged.declarations.push(...mod.declarations);
          for (const e of mod.exports ?? []) {
            if (e.declaration?.module) e.declaration.module = 'dist/cdi-editor.js';
            if (!merged.exports.some((x) => x.kind === e.kind && x.name === e.name)) merged.exports.push(e);
          }
        }
        customElementsManifest.modules = [merged];
      },
    },
  ],
};
