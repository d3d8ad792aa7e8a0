import Foundation
import MarketData

/// A `{{…}}` in an analyst's commentary: a number or a page the run fills in, so that next
/// quarter's data rewrites the text. Parsed once when the file is read (`check` reports a
/// malformed one at its line and column); resolved against the run's own results.
///
///     {{value SERIES YEAR}}            the series' value that year: an actual, or the forecast
///     {{value SERIES YEAR SCENARIO}}   the value on a scenario's path (base, bull, bear…)
///     {{interval SERIES YEAR}}         the forecast's interval that year with its unit once, "9,999–27,314亿元", "CNY 999.9–2,731.4 bn"
///     {{cagr SERIES FROM TO}}          the compound annual growth rate between two years
///     {{unit SERIES}}                  the series' display unit
///     {{exhibit CHART-ID}}             the page an exhibit starts on
struct CommentaryPlaceholder: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case value(series: String, year: Int, scenario: String?)
        case interval(series: String, year: Int)
        case cagr(series: String, from: Int, to: Int)
        case unit(series: String)
        case exhibit(id: String)

        var series: String? {
            switch self {
            case .value(let series, _, _), .interval(let series, _), .cagr(let series, _, _), .unit(let series):
                return series
            case .exhibit: return nil
            }
        }
    }

    var kind: Kind
    /// Where `{{` stands in the Markdown file.
    var location: SourceLocation
    /// The placeholder's range in the file's text, replaced when resolved.
    var range: Range<String.Index>

    static let kinds = ["value", "interval", "cagr", "unit", "exhibit"]

    /// Every placeholder of `text`, and every malformed one as a located error.
    static func scan(_ text: String, file: String) -> (placeholders: [CommentaryPlaceholder], problems: [Diagnostic]) {
        var found: [CommentaryPlaceholder] = []
        var problems: [Diagnostic] = []
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                let location = SourceLocation(file: file, line: line, column: column)
                let bodyStart = text.index(index, offsetBy: 2)
                guard let close = text.range(of: "}}", range: bodyStart..<text.endIndex),
                      !text[bodyStart..<close.lowerBound].contains("\n") else {
                    problems.append(Diagnostic(location, "`{{` is not closed by `}}` on the same line",
                                               hint: "write a placeholder as {{value SERIES YEAR}}, or remove the braces"))
                    advance(&index, in: text, line: &line, column: &column)
                    continue
                }
                let body = String(text[bodyStart..<close.lowerBound])
                do {
                    found.append(CommentaryPlaceholder(kind: try parse(body, at: location), location: location,
                                                       range: index..<close.upperBound))
                } catch let error as Diagnostic {
                    problems.append(error)
                } catch {
                    problems.append(Diagnostic(location, "\(error)"))
                }
                while index < close.upperBound { advance(&index, in: text, line: &line, column: &column) }
                continue
            }
            advance(&index, in: text, line: &line, column: &column)
        }
        return (found, problems)
    }

    private static func advance(_ index: inout String.Index, in text: String, line: inout Int, column: inout Int) {
        if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index = text.index(after: index)
    }

    static func parse(_ body: String, at location: SourceLocation) throws -> Kind {
        let words = body.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let name = words.first else {
            throw Diagnostic(location, "the placeholder `{{}}` is empty",
                             hint: "name what to fill in: \(kinds.joined(separator: ", "))")
        }
        let arguments = Array(words.dropFirst())
        func year(_ text: String) throws -> Int {
            guard let year = Int(text), LongSeriesTable.yearRange.contains(year) else {
                throw Diagnostic(location, "`\(text)` in `{{\(body)}}` is not a year",
                                 hint: "write a year such as 2027")
            }
            return year
        }
        func expect(_ counts: ClosedRange<Int>, _ usage: String) throws {
            guard counts.contains(arguments.count) else {
                throw Diagnostic(location, "`{{\(body)}}` has \(arguments.count) argument\(arguments.count == 1 ? "" : "s")",
                                 hint: "write it as {{\(usage)}}")
            }
        }
        switch name {
        case "value":
            try expect(2...3, "value SERIES YEAR [SCENARIO]")
            return .value(series: arguments[0], year: try year(arguments[1]), scenario: arguments.count == 3 ? arguments[2] : nil)
        case "interval":
            try expect(2...2, "interval SERIES YEAR")
            return .interval(series: arguments[0], year: try year(arguments[1]))
        case "cagr":
            try expect(3...3, "cagr SERIES FROM-YEAR TO-YEAR")
            let from = try year(arguments[1]), to = try year(arguments[2])
            guard to > from else {
                throw Diagnostic(location, "`{{\(body)}}` runs from \(from) to \(to): the second year must be later",
                                 hint: "write the earlier year first")
            }
            return .cagr(series: arguments[0], from: from, to: to)
        case "unit":
            try expect(1...1, "unit SERIES")
            return .unit(series: arguments[0])
        case "exhibit":
            try expect(1...1, "exhibit CHART-ID")
            return .exhibit(id: arguments[0])
        default:
            let guess = Suggestions.closest(to: name, among: kinds).map { "did you mean `\($0)`? " } ?? ""
            throw Diagnostic(location, "unknown placeholder `\(name)` in `{{\(body)}}`",
                             hint: "\(guess)placeholders: \(kinds.joined(separator: ", "))")
        }
    }
}
