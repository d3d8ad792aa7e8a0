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
        let blocks = opened.blocks
        let palette = theme.palette
        let gap = theme.spacing.labelGap
        let body = blocks.body
        let valid = start.isFinite && end.isFinite && end > start
        let axisLeft = body.minX + 8, axisRight = body.maxX - 14
        func x(_ year: Double) -> Double {
            valid ? axisLeft + (year - start) / (end - start) * (axisRight - axisLeft) : axisLeft
        }
        let drawnStages = valid ? stages.filter { $0.start >= start && $0.start < ($0.end ?? end) && ($0.end ?? end) <= end } : []
        let drawnMilestones = (valid ? milestones.filter { $0.year >= start && $0.year <= end } : [])
            .sorted { $0.year < $1.year }

        // Milestone labels: "year\nlabel", wrapped at a fixed share of the width, alternating
        // above and below the bands; the type shrinks until the tiers fit.
        let texts = drawnMilestones.map { "\(PointsText.whole($0.year, .towardZero))\n\($0.label)" }
        let labelMaxWidth = max(60, body.width / 5)
        let tickFont = theme.font(theme.fontSizes.axis - 1)
        let tickHeight = measurer.lineHeight(tickFont)
        let bandHeight = min(96, max(56, body.height * 0.2))
        let leader = 10.0
        var size = theme.fontSizes.annotation
        var sizes: [Size] = []
        var placed: [LabelTierPlacement.Placed] = []
        var tierHeights: [[Double]] = [[], []]
        func tiersHeight(_ side: Int) -> Double { tierHeights[side].reduce(0, +) }
        // Bounded, so a theme built in code with a non-finite size cannot loop forever.
        for _ in 0..<200 {
            let font = theme.font(size)
            sizes = texts.map { measurer.measure($0, font: font, maxWidth: labelMaxWidth) }
            placed = LabelTierPlacement.place(centers: drawnMilestones.map { x($0.year) },
                                              widths: sizes.map { $0.width + 1 },
                                              sides: drawnMilestones.indices.map { $0 % 2 },
                                              bounds: body.minX...body.maxX, separation: theme.spacing.labelSeparation)
            tierHeights = [[], []]
            for (i, place) in placed.enumerated() {
                while tierHeights[place.side].count <= place.tier { tierHeights[place.side].append(0) }
                tierHeights[place.side][place.tier] = max(tierHeights[place.side][place.tier], sizes[i].height + gap * 2)
            }
            let needed = tiersHeight(0) + tiersHeight(1) + 2 * leader + bandHeight + tickHeight + gap
            if needed <= body.height || size - 0.5 < theme.fontSizes.minimumValueLabel {
                if needed > body.height {
                    problems.append("milestone labels need \(PointsText.whole(needed, .towardZero)) pt but the page has \(PointsText.whole(body.height, .towardZero)) pt")
                }
                break
            }
            size -= 0.5
        }
        let labelFont = theme.font(size)
        let spare = max(0, body.height - (tiersHeight(0) + tiersHeight(1) + 2 * leader + bandHeight + tickHeight + gap))
        let bandTop = body.minY + spare / 2 + tiersHeight(0) + leader
        let bandBottom = bandTop + bandHeight

        // Bands, light to dark; the ongoing stage ends in an arrow at the axis end.
        var bands: [Rect] = [], bandLabels: [Rect] = []
        let nameFont = theme.font(theme.fontSizes.subtitle, weight: .bold)
        let periodFont = theme.font(theme.fontSizes.axis - 1)
        for (i, stage) in drawnStages.enumerated() {
            let left = x(stage.start), right = x(stage.end ?? end)
            let band = Rect(x: left, y: bandTop, width: max(0, right - left - 1), height: bandHeight)
            let step = drawnStages.count > 1 ? Double(i) / Double(drawnStages.count - 1) : 1
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
            // The name stays on one line if it can at no less than 10 pt; otherwise it wraps
            // between words inside the band, shrinking until its longest word fits (Pango
            // would otherwise break inside a word).
            let inner = band.width - 8
            var nameSize = nameFont
            func widest(_ font: FontSpec) -> Double {
                stage.name.split(separator: " ").map { measurer.measure(String($0), font: font, maxWidth: nil).width }.max() ?? 0
            }
            var nameMeasured = measurer.measure(stage.name, font: nameSize, maxWidth: nil)
            while nameMeasured.width > inner, nameSize.size - 0.5 >= min(10, nameFont.size) {
                nameSize.size -= 0.5
                nameMeasured = measurer.measure(stage.name, font: nameSize, maxWidth: nil)
            }
            if nameMeasured.width > inner {
                nameSize = nameFont
                while widest(nameSize) > inner, nameSize.size - 0.5 >= theme.fontSizes.minimumValueLabel {
                    nameSize.size -= 0.5
                }
                nameMeasured = measurer.measure(stage.name, font: nameSize, maxWidth: inner)
            }
            let periodMeasured = measurer.measure(stage.period, font: periodFont, maxWidth: inner)
            while nameMeasured.height + periodMeasured.height > bandHeight - 4,
                  nameSize.size - 0.5 >= theme.fontSizes.minimumValueLabel {
                nameSize.size -= 0.5
                nameMeasured = measurer.measure(stage.name, font: nameSize, maxWidth: inner)
            }
            if nameMeasured.height + periodMeasured.height > bandHeight - 4 || nameMeasured.width > inner + 0.5
                || periodMeasured.width > inner + 0.5 {
                problems.append("stage \"\(stage.name)\" does not fit its band; widen the axis or shorten the name")
            }
            let textTop = band.midY - (nameMeasured.height + periodMeasured.height) / 2
            let nameFrame = Rect(x: band.minX + 4, y: textTop, width: inner, height: nameMeasured.height)
            let periodFrame = Rect(x: band.minX + 4, y: nameFrame.maxY, width: inner, height: periodMeasured.height)
            scene.add(.text(TextBox(text: stage.name, frame: nameFrame, font: nameSize, color: textColor,
                                    alignment: .center, wraps: true)), role: "stage-name")
            scene.add(.text(TextBox(text: stage.period, frame: periodFrame, font: periodFont, color: textColor,
                                    alignment: .center, wraps: true)), role: "stage-period")
            bandLabels.append(nameFrame.union(periodFrame))
        }

        // Year ticks under the bands.
        var tickFrames: [Rect] = []
        for year in tickYears where Double(year) >= start && Double(year) <= end {
            let tx = x(Double(year))
            let text = "\(year)"
            let tickSize = measurer.measure(text, font: tickFont, maxWidth: nil)
            let frame = Rect(x: min(max(tx - tickSize.width / 2, body.minX), body.maxX - tickSize.width),
                             y: bandBottom + 2, width: tickSize.width, height: tickSize.height)
            if let last = tickFrames.last, frame.minX < last.maxX + gap { continue }
            scene.add(.path([.move(Point(tx, bandBottom)), .line(Point(tx, bandBottom + 2))], fill: nil,
                            stroke: Stroke(color: palette.baseline, width: theme.lineWidths.baseline)), role: "tick")
            scene.add(.text(TextBox(text: text, frame: frame, font: tickFont, color: palette.secondaryText,
                                    alignment: .center)), role: "tick-label")
            tickFrames.append(frame)
        }

        // Milestones: leader from the band edge to the label, dot on the edge.
        var dots: [Point] = [], labels: [Rect] = []
        for (i, milestone) in drawnMilestones.enumerated() {
            let place = placed[i]
            let isAbove = place.side == 0
            let outerOffset = tierHeights[place.side].prefix(place.tier).reduce(0, +)
            let labelSize = sizes[i]
            let top = isAbove
                ? bandTop - leader - outerOffset - labelSize.height - gap
                : bandBottom + tickHeight + leader + outerOffset + gap
            let frame = Rect(x: place.minX, y: top, width: place.width, height: labelSize.height)
            let dot = Point(x(milestone.year), isAbove ? bandTop : bandBottom)
            dots.append(dot); labels.append(frame)
        }
        for (i, dot) in dots.enumerated() {
            let end = placed[i].side == 0 ? labels[i].maxY + 1 : labels[i].minY - 1
            scene.add(.path([.move(dot), .line(Point(dot.x, end))], fill: nil,
                            stroke: Stroke(color: palette.accent, width: 0.8, dash: [2, 2])), role: "leader")
            scene.add(.rect(Rect(x: dot.x - 3.5, y: dot.y - 3.5, width: 7, height: 7), fill: .solid(palette.accent),
                            stroke: Stroke(color: palette.background, width: 1), cornerRadius: 3.5),
                      role: "milestone-dot")
        }
        for (i, frame) in labels.enumerated() {
            let alignment: TextAlignment = abs(frame.midX - dots[i].x) < 1 ? .center : (frame.midX < dots[i].x ? .right : .left)
            scene.add(.rect(frame.insetBy(dx: -2, dy: -1), fill: .solid(palette.background), stroke: nil, cornerRadius: 0),
                      role: "label-background")
            scene.add(.text(TextBox(text: texts[i], frame: frame, font: labelFont, color: palette.text,
                                    alignment: alignment, wraps: true)), role: "milestone-label")
        }
        return StageDiagramLayout(scene: scene, blocks: blocks, bands: bands, bandLabels: bandLabels,
                                  milestoneDots: dots, milestoneLabels: labels, tickLabels: tickFrames,
                                  problems: problems)
    }

    /// Relative luminance (sRGB, WCAG), to pick dark or light text on a band.
    static func luminance(_ color: Color) -> Double {
        func channel(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(color.red) + 0.7152 * channel(color.green) + 0.0722 * channel(color.blue)
    }
}
