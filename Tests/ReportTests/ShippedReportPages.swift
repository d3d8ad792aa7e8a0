import Charts
import Logging
import MarketData
import TestSupport
@testable import Report

/// The shipped report's pages in each language, built once without fonts (FakeMeasurer),
/// for the tests that read what the pages say.
enum ShippedReportPages {
    static let byLanguage: [DisplayLanguage: [ReportPage]] = {
        var result: [DisplayLanguage: [ReportPage]] = [:]
        for language in DisplayLanguage.allCases {
            guard var config = try? ReportConfig.load(path: ReportExhibitsTests.root.appendingPathComponent("report.yaml").path)
            else { continue }
            config.language = language
            let context = try? ReportRun.makeContext(config: config, measurer: FakeMeasurer(), logger: Logger(label: "test"))
            result[language] = context.flatMap { try? ReportRun.buildPages(ReportRun.exhibits, context: $0) } ?? []
        }
        return result
    }()
}
