/**
 * office-addin-mock needs only this enum from office-addin-manifest, whose dependency chain
 * reaches an ESM-only package that Jest 30 on Node 20 cannot require. jest.config.js maps the
 * module here.
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
