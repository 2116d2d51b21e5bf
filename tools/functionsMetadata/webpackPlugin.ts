import { Compilation, sources, WebpackError, type Compiler } from "webpack";
import type { FunctionsMetadata } from "../../src/functions/metadata/functionsJson";
import { localiseMetadata } from "../../src/functions/metadata/localise";
import { THAI_FUNCTION_TEXT } from "../../src/functions/metadata/thai";

/**
 * Writes functions-th.json next to the functions.json that custom-functions-metadata-plugin emits
 * (it cannot localise). A missing translation fails the build.
 */
export class ThaiMetadataPlugin {
  constructor(
    private readonly options: { readonly input: string; readonly output: string } = {
      input: "functions.json",
      output: "functions-th.json",
    },
  ) {}

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap(ThaiMetadataPlugin.name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: ThaiMetadataPlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const source = compilation.getAsset(this.options.input)?.source.source();
          if (source === undefined) {
            compilation.errors.push(
              new WebpackError(`${ThaiMetadataPlugin.name}: no ${this.options.input} to translate`),
            );
            return;
          }
          try {
            const metadata = JSON.parse(source.toString()) as FunctionsMetadata;
            const thai = localiseMetadata(metadata, THAI_FUNCTION_TEXT);
            compilation.emitAsset(
              this.options.output,
              new sources.RawSource(`${JSON.stringify(thai, null, 2)}\n`),
            );
          } catch (e) {
            compilation.errors.push(new WebpackError(`${ThaiMetadataPlugin.name}: ${(e as Error).message}`));
          }
        },
      );
    });
  }
}
