import Charts
import Logging

/// One page of the report. Chart pages are also exported on their own under
/// `charts/<chartID>.png|svg|pdf` with their numbers in `charts/<chartID>.csv`; pages
/// without a chart id (title, contents) exist only in report.pdf.
public struct ReportPage: Sendable {
    /// The page's title, used for the PDF outline and the contents page.
    public var title: String
    public var chartID: String?
    public var scene: Scene
    /// The numbers drawn on the page, as CSV text.
    public var csv: String?
    /// The exhibit the page belongs to, for page references (contents, key findings);
    /// defaults to the chart id.
    public var exhibitID: String?
    /// A table's second and later pages: not listed on the contents page.
    public var isContinuation: Bool
    /// What the chart's layout could not do as asked (a label that does not fit…); the run
    /// logs them as warnings, so a crowded page never goes out silently.
    public var problems: [String]
    /// The chart or table as a native object for the PowerPoint deck; nil draws the scene
    /// as shapes there.
    public var native: NativeContent?
    /// The exhibit tables (`tables:` names) the page's exhibit reads, for its provenance.
    public var tableNames: [String] = []

    public init(title: String, chartID: String?, scene: Scene, csv: String? = nil, exhibitID: String? = nil,
                isContinuation: Bool = false, problems: [String] = [], native: NativeContent? = nil) {
        self.title = title; self.chartID = chartID; self.scene = scene; self.csv = csv
        self.exhibitID = exhibitID ?? chartID; self.isContinuation = isContinuation; self.problems = problems
        self.native = native
    }
}

extension ReportPage {
    /// A chart page: any chart kind laid out with the run's theme and measurer, its layout
    /// problems carried on the page.
    init<Chart: ChartSpecification>(title: String, chartID: String, laying chart: Chart, in context: RunContext,
                                    csv: String?) {
        self.init(title: title, chartID: chartID, layout: chart.layout(theme: context.theme, measurer: context.measurer),
                  csv: csv)
    }

    /// A chart page from a finished layout: its scene, its problems and its native form
    /// (for the deck) travel together, so no page can drop one of them.
    init(title: String, chartID: String, layout: some ChartLayout, csv: String?) {
        self.init(title: title, chartID: chartID, scene: layout.scene, csv: csv, problems: layout.problems,
                  native: layout.native)
    }

    /// Logs each of the pages' layout problems as a warning naming the chart id (the title
    /// for pages without one), so a run never ships a crowded page silently.
    static func logProblems(of pages: [ReportPage], to logger: Logger) {
        for page in pages {
            for problem in page.problems { logger.warning(concerningNoFile: "chart \(page.chartID ?? page.title): \(problem)") }
        }
    }
}
