// Stages of a history as coloured bands on a year axis, with dated milestones labelled
// above and below the bands in collision-free tiers. Used for the AI development stages
// from 1950 to today. The band colours step from light to dark in the actual colour, so
// the order reads without hue and survives greyscale print.

import Foundation
public struct StageDiagram: Sendable {
    public struct Stage: Equatable, Sendable {
        public var name: String
        /// e.g. "1950–1980" or "2020–"
        public var period: String
        public var start: Double
        /// nil: ongoing, the band runs to the axis end with an arrow.
        public var end: Double?
        public init(name: String, period: String, start: Double, end: Double?) {
            self.name = name; self.period = period; self.start = start; self.end = end
        }
    }

    public struct Milestone: Equatable, Sendable {
        public var year: Double
        public var label: String
        public init(year: Double, label: String) { self.year = year; self.label = label }
    }

    public var title: String
    public var subtitle: String?
    public var stages: [Stage]
    public var milestones: [Milestone]
    public var start: Double
    public var end: Double
    /// Years labelled under the bands.
    public var tickYears: [Int]
    public var sourceNote: String

    public init(title: String, subtitle: String? = nil, stages: [Stage], milestones: [Milestone], start: Double,
                end: Double, tickYears: [Int], sourceNote: String = "") {
        self.title = title; self.subtitle = subtitle; self.stages = stages; self.milestones = milestones
        self.start = start; self.end = end; self.tickYears = tickYears; self.sourceNote = sourceNote
    }

    public var problems: [String] {
        var found: [String] = []
        if stages.isEmpty { found.append("the stage diagram has no stages") }
        if !(start.isFinite && end.isFinite && end > start) {
            found.append("the axis runs from \(start) to \(end); it needs start < end")
            return found
        }
        for stage in stages where !(stage.start >= start && stage.start < (stage.end ?? end) && (stage.end ?? end) <= end) {
            found.append("stage \"\(stage.name)\" (\(stage.period)) does not lie inside the axis; it is not drawn")
        }
        for milestone in milestones where !(milestone.year >= start && milestone.year <= end) {
            found.append("milestone \"\(milestone.label)\" lies outside the axis; it is not drawn")
        }
        return found
    }
}

public struct StageDiagramLayout: Sendable {
    public var scene: Scene
    public var blocks: PageBlocks
    public var bands: [Rect]
    /// The stage name and period text frames, per drawn band.
    public var bandLabels: [Rect]
    public var milestoneDots: [Point]
    public var milestoneLabels: [Rect]
    public var tickLabels: [Rect]
    public var problems: [String]
}

extension StageDiagram {
    public func layout(theme: Theme = .standard, measurer: TextMeasuring) -> StageDiagramLayout {
        var problems = self.problems
        let opened = PageBlockLayout.page(title: title, subtitle: subtitle, note: sourceNote, theme: theme,
                                          measurer: measurer, problems: &problems)
        var scene = opened.scene
        let axis = StageAxis(diagram: self, body: opened.blocks.body, theme: theme, measurer: measurer)
        let tiers = fitMilestoneLabels(on: axis, theme: theme, measurer: measurer, problems: &problems)
        let spare = max(0, axis.body.height - tiers.needed(besides: axis))
        let bandTop = axis.body.minY + spare / 2 + tiers.height(ofSide: 0) + axis.leader
        let bands = addBands(on: axis, top: bandTop, theme: theme, measurer: measurer, to: &scene, problems: &problems)
        let tickFrames = addTicks(on: axis, bandBottom: bandTop + axis.bandHeight, theme: theme, measurer: measurer,
                                  to: &scene)
        let milestones = addMilestones(tiers, on: axis, bandTop: bandTop, theme: theme, to: &scene)
        return StageDiagramLayout(scene: scene, blocks: opened.blocks, bands: bands.frames, bandLabels: bands.labels,
                                  milestoneDots: milestones.dots, milestoneLabels: milestones.labels,
                                  tickLabels: tickFrames, problems: problems)
    }

    /// The year axis across the body, and what of the diagram lies on it.
    private struct StageAxis {
        var body: Rect
        var start: Double, end: Double
        var isValid: Bool
        var left: Double, right: Double
        var stages: [Stage]
        /// Sorted by year.
        var milestones: [Milestone]
        /// A fifth of the body, within 56 to 96 pt.
        var bandHeight: Double
        var tickFont: FontSpec
        var tickHeight: Double
        var gap: Double
        /// From a band's edge to the nearest milestone tier.
        let leader = 10.0

        init(diagram: StageDiagram, body: Rect, theme: Theme, measurer: TextMeasuring) {
            let (start, end) = (diagram.start, diagram.end)
            self.body = body
            self.start = start; self.end = end
            isValid = start.isFinite && end.isFinite && end > start
            left = body.minX + 8; right = body.maxX - 14
            stages = isValid ? diagram.stages.filter { $0.start >= start && $0.start < ($0.end ?? end) && ($0.end ?? end) <= end } : []
            milestones = (isValid ? diagram.milestones.filter { $0.year >= start && $0.year <= end } : [])
                .sorted { $0.year < $1.year }
            bandHeight = min(96, max(56, body.height * 0.2))
            tickFont = theme.font(theme.fontSizes.axis - 1)
            tickHeight = measurer.lineHeight(tickFont)
            gap = theme.spacing.labelGap
        }

        func x(_ year: Double) -> Double {
            isValid ? left + (year - start) / (end - start) * (right - left) : left
        }
    }

    /// Milestone labels measured at one font size and placed in tiers above (side 0) and
    /// below (side 1) the bands.
    private struct MilestoneTiers {
        var font: FontSpec
        /// "year\nlabel" per milestone, as drawn.
        var texts: [String]
        var sizes: [Size]
        var placed: [LabelTierPlacement.Placed]
        /// Per side, the height of each tier counted from the band outwards: its tallest
        /// label with a gap above and below.
        var tierHeights: [[Double]]

        init(_ sized: LabelTierPlacement.Sized, texts: [String], theme: Theme) {
            let gap = theme.spacing.labelGap
            font = theme.font(sized.size)
            self.texts = texts
            sizes = sized.sizes
            placed = sized.placed
            tierHeights = [[], []]
            for (i, place) in placed.enumerated() {
                while tierHeights[place.side].count <= place.tier { tierHeights[place.side].append(0) }
                tierHeights[place.side][place.tier] = max(tierHeights[place.side][place.tier], sizes[i].height + gap * 2)
            }
        }

        func height(ofSide side: Int) -> Double { tierHeights[side].reduce(0, +) }

        /// The height the page needs for these tiers with the axis's bands and ticks.
        func needed(besides axis: StageAxis) -> Double {
            height(ofSide: 0) + height(ofSide: 1) + 2 * axis.leader + axis.bandHeight + axis.tickHeight
                + axis.gap
        }
    }

    /// Milestone labels: "year\nlabel", wrapped at a fixed share of the width, alternating
    /// above and below the bands; the type shrinks until the tiers fit the body's height.
    private func fitMilestoneLabels(on axis: StageAxis, theme: Theme, measurer: TextMeasuring,
                                    problems: inout [String]) -> MilestoneTiers {
        let texts = axis.milestones.map { "\(PointsText.whole($0.year, .towardZero))\n\($0.label)" }
        let labelMaxWidth = max(60, axis.body.width / 5)
        let sized = LabelTierPlacement.largestFitting(
            "milestone", centers: axis.milestones.map { axis.x($0.year) }, bounds: axis.body.minX...axis.body.maxX,
            separation: theme.spacing.labelSeparation, from: theme.fontSizes.annotation,
            floor: theme.fontSizes.minimumValueLabel, available: axis.body.height,
            measure: { size in texts.map { measurer.measure($0, font: theme.font(size), maxWidth: labelMaxWidth) } },
            needed: { MilestoneTiers($0, texts: texts, theme: theme).needed(besides: axis) }, problems: &problems)
        return MilestoneTiers(sized, texts: texts, theme: theme)
    }

    /// Bands, light to dark; the ongoing stage ends in an arrow at the axis end. Gives each
    /// drawn band's frame and the frame of its name and period.
    private func addBands(on axis: StageAxis, top bandTop: Double, theme: Theme, measurer: TextMeasuring,
                          to scene: inout Scene, problems: inout [String]) -> (frames: [Rect], labels: [Rect]) {
        let palette = theme.palette
        var bands: [Rect] = [], bandLabels: [Rect] = []
        let periodFont = theme.font(theme.fontSizes.axis - 1)
        for (i, stage) in axis.stages.enumerated() {
            let left = axis.x(stage.start), right = axis.x(stage.end ?? axis.end)
            let band = Rect(x: left, y: bandTop, width: max(0, right - left - 1), height: axis.bandHeight)
            let step = axis.stages.count > 1 ? Double(i) / Double(axis.stages.count - 1) : 1
            let fill = palette.actual.tinted(0.78 - 0.78 * step)
            let textColor = Self.luminance(fill) > 0.45 ? palette.text : palette.accentText
            if stage.end == nil {
                scene.add(.path([.move(Point(band.minX, band.minY)), .line(Point(band.maxX, band.minY)),
                                 .line(Point(band.maxX + 12, band.midY)), .line(Point(band.maxX, band.maxY)),
                                 .line(Point(band.minX, band.maxY)), .close], fill: .solid(fill), stroke: nil),
                          role: "stage-band")
            } else {
                scene.add(.rect(band, fill: .solid(fill), stroke: nil, cornerRadius: 0), role: "stage-band")
            }
            bands.append(band)
            let inner = band.width - 8
            let name = fitStageName(stage, inner: inner, bandHeight: axis.bandHeight, periodFont: periodFont,
                                    theme: theme, measurer: measurer)
            if !name.fits {
                problems.append("stage \"\(stage.name)\" does not fit its band; widen the axis or shorten the name")
            }
            let textTop = band.midY - (name.nameSize.height + name.periodSize.height) / 2
            let nameFrame = Rect(x: band.minX + 4, y: textTop, width: inner, height: name.nameSize.height)
            let periodFrame = Rect(x: band.minX + 4, y: nameFrame.maxY, width: inner, height: name.periodSize.height)
            scene.add(.text(TextBox(text: stage.name, frame: nameFrame, font: name.font, color: textColor,
                                    alignment: .center, wraps: true)), role: "stage-name")
            scene.add(.text(TextBox(text: stage.period, frame: periodFrame, font: periodFont, color: textColor,
                                    alignment: .center, wraps: true)), role: "stage-period")
            bandLabels.append(nameFrame.union(periodFrame))
        }
        return (bands, bandLabels)
    }

    /// A stage name fitted into its band above the period line.
    private struct FittedStageName {
        var font: FontSpec
        var nameSize: Size
        var periodSize: Size
        /// False when even the smallest name, or the period, overflows the band.
        var fits: Bool
    }

    /// The name stays on one line if it can at no less than 10 pt; otherwise it wraps
    /// between words inside the band, shrinking until its longest word fits (Pango would
    /// otherwise break inside a word); then it shrinks until name and period fit the band's
    /// height.
    private func fitStageName(_ stage: Stage, inner: Double, bandHeight: Double, periodFont: FontSpec, theme: Theme,
                              measurer: TextMeasuring) -> FittedStageName {
        let nameFont = theme.font(theme.fontSizes.subtitle, weight: .bold)
        let minimum = theme.fontSizes.minimumValueLabel
        func font(_ size: Double) -> FontSpec { var font = nameFont; font.size = size; return font }
        let name = stage.name
        let oneLine = LargestFittingSize(name, font: nameFont, floor: min(10, nameFont.size), maxWidth: nil,
                                         measurer: measurer) { $0.width <= inner }
        var nameSize = font(oneLine.size)
        var nameMeasured = oneLine.measured
        if !oneLine.fits {
            let words = name.split(separator: " ").map(String.init)
            let wordsFit = LargestFittingSize(from: nameFont.size, floor: minimum, measure: { size in
                words.map { measurer.measure($0, font: font(size), maxWidth: nil).width }.max() ?? 0
            }, fits: { $0 <= inner })
            nameSize = font(wordsFit.size)
            nameMeasured = measurer.measure(name, font: nameSize, maxWidth: inner)
        }
        let periodSize = measurer.measure(stage.period, font: periodFont, maxWidth: inner)
        let heightFit = LargestFittingSize(from: nameSize.size, floor: minimum, measuredAtStart: nameMeasured,
                                           measure: { measurer.measure(stage.name, font: font($0), maxWidth: inner) },
                                           fits: { $0.height + periodSize.height <= bandHeight - 4 })
        nameMeasured = heightFit.measured
        let fits = heightFit.fits && nameMeasured.width <= inner + 0.5 && periodSize.width <= inner + 0.5
        return FittedStageName(font: font(heightFit.size), nameSize: nameMeasured, periodSize: periodSize, fits: fits)
    }

    /// Year ticks under the bands; a label that would touch the one before is left out.
    private func addTicks(on axis: StageAxis, bandBottom: Double, theme: Theme, measurer: TextMeasuring,
                          to scene: inout Scene) -> [Rect] {
        var tickFrames: [Rect] = []
        for year in tickYears where Double(year) >= start && Double(year) <= end {
            let tx = axis.x(Double(year))
            let text = "\(year)"
            let tickSize = measurer.measure(text, font: axis.tickFont, maxWidth: nil)
            let frame = Rect(x: min(max(tx - tickSize.width / 2, axis.body.minX), axis.body.maxX - tickSize.width),
                             y: bandBottom + 2, width: tickSize.width, height: tickSize.height)
            if let last = tickFrames.last, frame.minX < last.maxX + axis.gap { continue }
            scene.add(.path([.move(Point(tx, bandBottom)), .line(Point(tx, bandBottom + 2))], fill: nil,
                            stroke: Stroke(color: theme.palette.baseline, width: theme.lineWidths.baseline)), role: "tick")
            scene.add(.text(TextBox(text: text, frame: frame, font: axis.tickFont, color: theme.palette.secondaryText,
                                    alignment: .center)), role: "tick-label")
            tickFrames.append(frame)
        }
        return tickFrames
    }

    /// Milestones: a leader from the band edge to the label, a dot on the edge, and the
    /// label in its tier. Leaders go first so that one to an outer tier passes behind the
    /// inner labels (drawn on a background-coloured box) instead of striking through them.
    private func addMilestones(_ tiers: MilestoneTiers, on axis: StageAxis, bandTop: Double, theme: Theme,
                               to scene: inout Scene) -> (dots: [Point], labels: [Rect]) {
        let palette = theme.palette
        let bandBottom = bandTop + axis.bandHeight
        var dots: [Point] = [], labels: [Rect] = []
        for (i, milestone) in axis.milestones.enumerated() {
            let place = tiers.placed[i]
            let isAbove = place.side == 0
            let outerOffset = tiers.tierHeights[place.side].prefix(place.tier).reduce(0, +)
            let labelSize = tiers.sizes[i]
            let top = isAbove
                ? bandTop - axis.leader - outerOffset - labelSize.height - axis.gap
                : bandBottom + axis.tickHeight + axis.leader + outerOffset + axis.gap
            labels.append(Rect(x: place.minX, y: top, width: place.width, height: labelSize.height))
            dots.append(Point(axis.x(milestone.year), isAbove ? bandTop : bandBottom))
        }
        for (i, dot) in dots.enumerated() {
            let end = tiers.placed[i].side == 0 ? labels[i].maxY + 1 : labels[i].minY - 1
            scene.add(.path([.move(dot), .line(Point(dot.x, end))], fill: nil,
                            stroke: Stroke(color: palette.accent, width: 0.8, dash: [2, 2])), role: "leader")
            scene.add(.rect(Rect(x: dot.x - 3.5, y: dot.y - 3.5, width: 7, height: 7), fill: .solid(palette.accent),
                            stroke: Stroke(color: palette.background, width: 1), cornerRadius: 3.5),
                      role: "milestone-dot")
        }
        for (i, frame) in labels.enumerated() {
            let alignment = LabelTierPlacement.alignment(of: frame, pointX: dots[i].x)
            scene.add(.rect(frame.insetBy(dx: -2, dy: -1), fill: .solid(palette.background), stroke: nil, cornerRadius: 0),
                      role: "label-background")
            scene.add(.text(TextBox(text: tiers.texts[i], frame: frame, font: tiers.font, color: palette.text,
                                    alignment: alignment, wraps: true)), role: "milestone-label")
        }
        return (dots, labels)
    }

    /// Relative luminance (sRGB, WCAG), to pick dark or light text on a band.
    static func luminance(_ color: Color) -> Double {
        func channel(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(color.red) + 0.7152 * channel(color.green) + 0.0722 * channel(color.blue)
    }
}
