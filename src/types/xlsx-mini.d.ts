/** SheetJS's mini build (XLSX and the zip container, no legacy codepages): the same API as the full one. */
declare module '@e965/xlsx/dist/xlsx.mini.min.js' {
  export * from '@e965/xlsx';
}

/** SheetJS's core build: .xls (BIFF) without the codepage tables, which the platform's TextDecoder stands in for. */
declare module '@e965/xlsx/dist/xlsx.core.min.js' {
  export * from '@e965/xlsx';
}
