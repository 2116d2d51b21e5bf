import { lazy, type ComponentType } from "react";

/**
 * A page built with Fluent UI, loaded when first shown, inside Fluent's provider (FluentArea). The
 * page's chunk and the provider's come in parallel, so opening it costs one wait, not two.
 */
export function lazyFluent<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(async () => {
    const [{ default: FluentArea }, { default: Page }] = await Promise.all([import("./FluentArea"), load()]);
    return {
      default: (props: P) => (
        <FluentArea>
          <Page {...props} />
        </FluentArea>
      ),
    };
  });
}
