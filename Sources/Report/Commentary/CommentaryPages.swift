import Charts
import Foundation
import MarketData

/// The analyst's commentary as report pages, and where they go: each `commentary:` entry
/// flows over as many pages as it needs (Charts/TextPages), placed after the pages of the
/// exhibit its `after:` names, or before the methodology when it names none. The pages carry
/// no chart id (they are not exported as charts) and an exhibit id `commentary-N`, so the
/// contents page lists them and `{{exhibit commentary-2}}` can point at one.
enum CommentaryPages {
    struct Section {
        var after: String?
        var afterLocation: SourceLocation?
        var pages: [ReportPage]
    }

    static func exhibitID(_ index: Int) -> String { "commentary-\(index + 1)" }

    /// Every entry's pages, in config order, placeholders resolved against `context`.
    static func build(_ context: RunContext) throws -> [Section] {
        var problems = InputErrors()
        var sections: [Section] = []
        let resolver = CommentaryResolver(context: context)
        for (index, entry) in context.config.commentary.enumerated() {
            let path = entry.file(for: context.config.language)
            guard let document = context.commentary[path] else {
                problems.append(Diagnostic(entry.location, "the commentary file was not read",
                                           hint: "run `marketcast check` to see why"))
                continue
            }
            guard let (title, blocks) = try problems.collect({
                try document.blocks(resolver: resolver, notesHeading: context.strings.localized("注释", "Notes"))
            }) else { continue }
            let text = TextPages(title: title ?? context.strings.localized("分析师评述", "Analyst commentary"),
                                 continuedSuffix: context.strings.continued, blocks: blocks,
                                 note: Self.note(entry, strings: context.strings))
            let laid = text.layoutPages(theme: context.theme, measurer: context.measurer)
            let id = exhibitID(index)
            let pages = laid.enumerated().map { pageIndex, page in
                ReportPage(title: pageIndex == 0 ? text.title : text.title + text.continuedSuffix, chartID: nil,
                           scene: page.scene, exhibitID: id, isContinuation: pageIndex > 0, problems: page.problems)
            }
            sections.append(Section(after: entry.after, afterLocation: entry.afterLocation, pages: pages))
        }
        try problems.throwIfAny()
        return sections
    }

    /// The line under an entry's pages: its own `note` (none when empty), else the default.
    static func note(_ entry: CommentaryConfig, strings: Strings) -> String? {
        if let own = entry.note(for: strings.language) { return own.isEmpty ? nil : own }
        return strings.localized("本页为 marketcast 研究的分析师评述；文中数值取自本报告的数据与预测，其余事实见各页注释所列出处。",
                                 "This page is marketcast research's commentary; its figures are this report's data and forecasts, other facts are cited in its notes.")
    }

    /// `pages` with each section inserted after the last page of the exhibit it follows.
    static func insert(_ sections: [Section], into pages: [ReportPage]) throws -> [ReportPage] {
        var result = pages
        var problems = InputErrors()
        // In reverse, so that sections placed after the same exhibit keep config order.
        for section in sections.reversed() {
            let position: Int
            if let after = section.after {
                guard let last = result.lastIndex(where: { $0.exhibitID == after }) else {
                    let known = orderedUnique(pages.compactMap(\.exhibitID))
                    let guess = Suggestions.closest(to: after, among: known).map { "did you mean `\($0)`? " } ?? ""
                    problems.append(Diagnostic(section.afterLocation ?? SourceLocation(file: ""),
                                               "`after: \(after)` names no exhibit of this report",
                                               hint: "\(guess)exhibits: \(known.joined(separator: ", "))"))
                    continue
                }
                position = last + 1
            } else {
                position = result.firstIndex { $0.exhibitID == MethodologyExhibit.chartID } ?? result.count
            }
            result.insert(contentsOf: section.pages, at: position)
        }
        try problems.sortedByLocation().throwIfAny()
        return result
    }

    private static func orderedUnique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}

/// `commentary:` entries, checked as `check` and `run` read them: each Markdown file in the
/// report's language is read, its placeholders and footnotes parsed and their series and
/// scenarios looked up, and kept for the run.
struct CommentaryCheck: InputCheck {
    func check(_ config: ReportConfig, inputs: inout LoadedInputs, into problems: inout InputErrors) -> [String] {
        var files: [String] = []
        for entry in config.commentary {
            let path = entry.file(for: config.language)
            files.append(path)
            do {
                let data = try inputs.read(path)
                let (document, found) = try CommentaryDocument.load(path: path, data: data)
                let references = CommentaryResolver.checkReferences(document.placeholders, config: config)
                problems.append(contentsOf: InputErrors(found + references))
                if !(found + references).contains(where: { $0.severity == .error }) { inputs.commentary[path] = document }
            } catch {
                problems.append(contentsOf: InputErrors(flattening: error)
                    ?? InputErrors([Diagnostic(SourceLocation(file: path), "cannot be read: \(error)")]))
            }
        }
        return files
    }
}
