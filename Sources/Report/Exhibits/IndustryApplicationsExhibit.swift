import Charts
import Foundation
import MarketData

/// Exhibit 11: the application functions of each industry, as a table grouped by
/// industry (the industry named on its first row only).
struct IndustryApplicationsExhibit: Exhibit {
    var tables: [AnyExhibitTableSpec] { [ExhibitTable.industryApplications.erased, ExhibitTable.caseResults.erased] }

    static let chartID = "industry-applications"

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let applications = context.tables[ExhibitTable.industryApplications] else { return [] }
        let strings = context.strings
        let cases = context.tables[ExhibitTable.caseResults] ?? []
        var rows: [[String]] = []
        var previous: String?
        for application in applications {
            let industry = strings.localized(application.industry, application.industryEN)
            let function = strings.localized(application.function, application.functionEN)
            let basis = Self.basis(application, cases: cases, strings: strings)
            rows.append([industry != previous ? industry : "", function.isEmpty ? strings.applicationNotAvailable : function, basis])
            previous = industry
        }
        var table = TablePage(title: strings.applicationsTitle, continuedSuffix: strings.continued,
                              columns: [.init(header: strings.industryHeader, weight: 1.2),
                                        .init(header: strings.functionHeader, weight: strings.language == .en ? 2.8 : 2),
                                        .init(header: strings.basisHeader, weight: strings.language == .en ? 2.6 : 2.4)],
                              rows: rows, sourceNote: strings.applicationsNote + context.tableCutoff("industry-applications"))
        table.groupColumn = 0  // the industry, named on its first row; repeated atop a continuation
        return TablePages.pages(table, chartID: Self.chartID, context: context)
    }

    /// What a function rests on. English pages print the dataset's note; Chinese pages its
    /// `note_zh` when it has one, else the cases (from case-results) the note mentions, and
    /// the row's source when it names none.
    static func basis(_ application: IndustryApplication, cases: [CaseResult], strings: Strings) -> String {
        if strings.language == .en { return application.note.isEmpty ? application.source : application.note }
        if !application.noteZH.isEmpty { return application.noteZH }
        var names: [String] = []
        for result in cases {
            // "Shandong Energy (with Huawei)" is mentioned in notes as "Shandong Energy".
            let key = result.organisationEN.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if !key.isEmpty, application.note.contains(key), !names.contains(result.organisation) {
                names.append(result.organisation)
            }
        }
        return names.isEmpty ? application.source : strings.casesBasis(names)
    }
}
