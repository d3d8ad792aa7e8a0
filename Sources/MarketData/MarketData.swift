// MarketData owns the analyst's inputs as validated values: CSV reading (BOM, CRLF,
// encodings), market series and tables with unit and source on every row, the errors
// that name file, line and column, and number formatting for 亿元 and friends.
// Map of the targets, the data flow and the extension points: docs/architecture.md.
