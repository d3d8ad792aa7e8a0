// Report owns a run: reading report.yaml, building the pages (charts, tables, key
// findings) from forecasts, writing every output into a temporary folder and renaming it
// into place, and the manifest.
// Map of the targets, the data flow and the extension points: docs/architecture.md.
