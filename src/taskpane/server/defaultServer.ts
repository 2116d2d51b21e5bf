/**
 * The server address offered before the officer sets one: set when the add-in is built
 * (MINSTD_SERVER_URL; a development build offers the local collection server of `npm start`).
 * Its own module, so the pane's startup can name it without loading the connection.
 */
export const DEFAULT_SERVER: string = process.env.MINSTD_SERVER_URL ?? "";

/** The collection server's web page where an LAO uploads its workbook, or null without an address. */
export function dashboardAddress(server: string = DEFAULT_SERVER): string | null {
  if (server.trim() === "") return null;
  try {
    return new URL("dashboard/", server.endsWith("/") ? server : `${server}/`).href;
  } catch {
    return null;
  }
}
