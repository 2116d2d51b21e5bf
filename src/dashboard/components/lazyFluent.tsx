import { lazy, type ComponentProps, type ComponentType } from "react";

type FluentPages = typeof import("./fluentPages");
type PageName = Exclude<keyof FluentPages, "FluentArea">;

/**
 * A page built with Fluent UI, loaded when first shown, inside Fluent's provider (FluentArea). The
 * pages and the provider come in one chunk (see fluentPages.ts), so opening one costs one wait.
 */
export function lazyFluent<N extends PageName>(name: N) {
  type P = ComponentProps<FluentPages[N]>;
  return lazy<ComponentType<P>>(async () => {
    const pages = await import("./fluentPages");
    // The union of the pages' props, narrowed by `name`, which TypeScript cannot follow through an index.
    const Page = pages[name] as ComponentType<object>;
    const { FluentArea } = pages;
    return {
      default: (props: P) => (
        <FluentArea>
          <Page {...props} />
        </FluentArea>
      ),
    };
  });
}
