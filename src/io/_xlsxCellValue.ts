/**
 * A cell's value as exceljs gives it, described without exceljs's types (so that the
 * declarations of `vn-poverty/io` do not need exceljs installed): a plain value, rich text, a
 * formula with its cached result, a hyperlink, or an error.
 */
export type XlsxCellValue =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { readonly richText: ReadonlyArray<{ readonly text: string }> }
  | { readonly result?: unknown; readonly formula?: string; readonly sharedFormula?: string }
  | { readonly text: string; readonly hyperlink?: string }
  | { readonly error: string };
