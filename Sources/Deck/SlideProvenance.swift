// Where a slide's numbers come from, as the run knows it: the page's sources, each
// series' data cut-off, the model and interval behind a forecast, the warnings the layout
// or the fit raised, and the digest of every input file the page reads. The deck writes it
// into the slide's speaker notes, so a reviewer opening the notes pane sees the trail
// without leaving PowerPoint; the values arrive as fields, never as text parsed back.

import Foundation

public struct SlideProvenance: Sendable, Equatable {
    /// A file the run read, with its role (`series:<id>`, `table:<name>`, `config`…).
    public struct Input: Sendable, Equatable {
        public var role: String
        public var path: String
        public var sha256: String
        public init(role: String, path: String, sha256: String) { self.role = role; self.path = path; self.sha256 = sha256 }
    }

    /// A forecast on the slide: the series, the model the run chose and its interval.
    public struct Model: Sendable, Equatable {
        public var series: String
        public var model: String
        public var formula: String
        /// "95% interval, calibrated …": how the interval was made.
        public var interval: String?
        public init(series: String, model: String, formula: String, interval: String?) {
            self.series = series; self.model = model; self.formula = formula; self.interval = interval
        }
    }

    public var sources: [String]
    /// Per series: its publication(s) and data cut-off.
    public var dataCutoffs: [String]
    public var models: [Model]
    public var warnings: [String]
    public var inputs: [Input]

    public init(sources: [String] = [], dataCutoffs: [String] = [], models: [Model] = [], warnings: [String] = [],
                inputs: [Input] = []) {
        self.sources = sources; self.dataCutoffs = dataCutoffs; self.models = models; self.warnings = warnings
        self.inputs = inputs
    }

    /// The headings in the deck's language.
    struct Headings {
        let sources, cutoff, models, interval, warnings, inputs, none: String
        init(_ language: DeckLanguage) {
            if language == .chinese {
                sources = "来源"; cutoff = "数据截止"; models = "模型"; interval = "区间"; warnings = "警告"
                inputs = "输入文件（SHA-256）"; none = "无"
            } else {
                sources = "Sources"; cutoff = "Data cut-off"; models = "Model"; interval = "Interval"; warnings = "Warnings"
                inputs = "Input files (SHA-256)"; none = "none"
            }
        }
    }

    /// The notes' paragraphs: a bold heading per section, one line per item.
    func paragraphs(style: DeckStyle) -> [XMLNode] {
        let headings = Headings(style.language)
        let size = 10.0
        let color = style.colors.dark1
        func heading(_ text: String) -> [XMLNode] {
            style.paragraphs(text, size: size, bold: true, color: color, alignment: .left)
        }
        func lines(_ items: [String]) -> [XMLNode] {
            items.flatMap { style.paragraphs($0, size: size, bold: false, color: color, alignment: .left) }
        }
        var out: [XMLNode] = []
        if !sources.isEmpty { out += heading(headings.sources) + lines(sources) }
        if !dataCutoffs.isEmpty { out += heading(headings.cutoff) + lines(dataCutoffs) }
        if !models.isEmpty {
            out += heading(headings.models) + lines(models.flatMap { model in
                ["\(model.series): \(model.model) — \(model.formula)"]
                    + (model.interval.map { ["\(headings.interval): \($0)"] } ?? [])
            })
        }
        out += heading(headings.warnings) + lines(warnings.isEmpty ? [headings.none] : warnings)
        if !inputs.isEmpty {
            out += heading(headings.inputs) + lines(inputs.map { "\($0.path) (\($0.role)): \($0.sha256)" })
        }
        return out
    }
}
