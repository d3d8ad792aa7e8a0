// A dated timeline: events as dots on a horizontal time axis, each with a label (date
// line, then who and what) alternating above and below the axis, stacked into tiers so
// that no two labels touch. Used for the 2023 model releases.

public struct Timeline: Sendable {
    public struct Event: Equatable, Sendable {
        /// Position on the time axis (e.g. a day number); the axis maps it linearly.
        public var position: Double
        /// First line of the label, e.g. "2.7" or "Feb 7".
        public var dateLabel: String
        /// Second line, e.g. the vendor.
        public var title: String
        /// Third line, e.g. the model; may be empty.
        public var detail: String
        public init(position: Double, dateLabel: String, title: String, detail: String = "") {
            self.position = position; self.dateLabel = dateLabel; self.title = title; self.detail = detail
        }
    }

    public struct Tick: Equatable, Sendable {
        public var position: Double
        public var label: String
        public init(position: Double, label: String) { self.position = position; self.label = label }
    }

    public var title: String
    public var subtitle: String?
    public var events: [Event]
    /// The axis runs from `start` to `end`; events outside it are reported and not drawn.
    public var start: Double
    public var end: Double
    public var ticks: [Tick]
    public var sourceNote: String

    public init(title: String, subtitle: String? = nil, events: [Event], start: Double, end: Double,
                ticks: [Tick], sourceNote: String = "") {
        self.title = title; self.subtitle = subtitle; self.events = events; self.start = start; self.end = end
        self.ticks = ticks; self.sourceNote = sourceNote
    }

    public var problems: [String] {
        var found: [String] = []
        if events.isEmpty { found.append("the timeline has no events") }
        if !(start.isFinite && end.isFinite && end > start) {
            found.append("the timeline's axis runs from \(start) to \(end); it needs start < end")
        }
        for event in events where !(event.position >= start && event.position <= end) {
            found.append("event \"\(event.title) \(event.detail)\" lies outside the axis; it is not drawn")
        }
        return found
    }

    func isDrawable(_ event: Event) -> Bool {
        start.isFinite && end.isFinite && end > start && event.position >= start && event.position <= end
    }
}

public struct TimelineLayout: Sendable {
    public var scene: Scene
    public var blocks: PageBlocks
    /// The axis line's y and its x extent.
    public var axisY: Double
    public var axisSpan: ClosedRange<Double>
    /// Per drawn event, in input order: the dot's centre and the label's frame.
    public var dots: [Point]
    public var labels: [Rect]
    /// Tier of each label counted from the axis, and whether it is above the axis.
    public var tiers: [Int]
    public var above: [Bool]
    public var tickLabels: [Rect]
    public var problems: [String]
}

extension Timeline {
    public func layout(theme: Theme = .standard, measurer: TextMeasuring) -> TimelineLayout {
        var problems = self.problems
        let opened = PageBlockLayout.page(title: title, subtitle: subtitle, note: sourceNote, theme: theme,
                                          measurer: measurer, problems: &problems)
        var scene = opened.scene
        let blocks = opened.blocks
        let palette = theme.palette
        let gap = theme.spacing.labelGap
        let body = blocks.body
        let drawn = events.filter(isDrawable).sorted { $0.position < $1.position }
        let span = max(end - start, .leastNonzeroMagnitude)
        let inset = 12.0
        let axisLeft = body.minX + inset, axisRight = body.maxX - inset
        func x(_ position: Double) -> Double { axisLeft + (position - start) / span * (axisRight - axisLeft) }

        // Label texts and sizes; shrink the type until the tiers fit the body's height.
        let rests = drawn.map { [$0.title, $0.detail].filter { !$0.isEmpty }.joined(separator: "\n") }
        // A label is the bold date line over the rest, measured as the two blocks it is drawn as.
        func labelSize(_ i: Int, size: Double) -> Size {
            let date = measurer.measure(drawn[i].dateLabel, font: theme.font(size, weight: .bold), maxWidth: nil)
            let rest = rests[i].isEmpty ? Size(width: 0, height: 0)
                : measurer.measure(rests[i], font: theme.font(size), maxWidth: nil)
            return Size(width: max(date.width, rest.width), height: date.height + rest.height)
        }
        let tickFont = theme.font(theme.fontSizes.axis - 1)
        let tickHeight = measurer.lineHeight(tickFont)
        var size = theme.fontSizes.annotation + 3
        var sizes: [Size] = []
        var placed: [LabelTierPlacement.Placed] = []
        var tierHeight = 0.0
        let leader = 14.0
        // Bounded, so a theme built in code with a non-finite size cannot loop forever.
        for _ in 0..<200 {
            sizes = drawn.indices.map { labelSize($0, size: size) }
            placed = LabelTierPlacement.place(centers: drawn.map { x($0.position) }, widths: sizes.map { $0.width + 1 },
                                              sides: drawn.indices.map { $0 % 2 }, bounds: body.minX...body.maxX,
                                              separation: theme.spacing.labelSeparation)
            tierHeight = (sizes.map(\.height).max() ?? 0) + gap * 2
            let tiersAbove = (placed.filter { $0.side == 0 }.map(\.tier).max() ?? -1) + 1
            let tiersBelow = (placed.filter { $0.side == 1 }.map(\.tier).max() ?? -1) + 1
            let needed = Double(tiersAbove + tiersBelow) * tierHeight + 2 * leader + tickHeight + gap
            if needed <= body.height || size - 0.5 < theme.fontSizes.minimumValueLabel {
                if needed > body.height {
                    problems.append("timeline labels need \(PointsText.whole(needed, .towardZero)) pt but the page has \(PointsText.whole(body.height, .towardZero)) pt")
                }
                break
            }
            size -= 0.5
        }
        let font = theme.font(size)
        let boldFont = theme.font(size, weight: .bold)
        let tiersAbove = (placed.filter { $0.side == 0 }.map(\.tier).max() ?? -1) + 1
        let tiersBelow = (placed.filter { $0.side == 1 }.map(\.tier).max() ?? -1) + 1
        // The axis sits where the tiers above and below balance inside the body.
        let aboveHeight = Double(tiersAbove) * tierHeight + leader
        let belowHeight = Double(tiersBelow) * tierHeight + leader + tickHeight + gap
        let spare = max(0, body.height - aboveHeight - belowHeight)
        let axisY = body.minY + aboveHeight + spare / 2

        scene.add(.path([.move(Point(axisLeft, axisY)), .line(Point(axisRight, axisY))], fill: nil,
                        stroke: Stroke(color: palette.baseline, width: theme.lineWidths.baseline * 1.5)), role: "axis")
        var tickFrames: [Rect] = []
        var lastTickRight = -Double.infinity
        for tick in ticks where tick.position >= start && tick.position <= end {
            let tx = x(tick.position)
            scene.add(.path([.move(Point(tx, axisY - 3)), .line(Point(tx, axisY + 3))], fill: nil,
                            stroke: Stroke(color: palette.baseline, width: theme.lineWidths.baseline)), role: "tick")
            let tickSize = measurer.measure(tick.label, font: tickFont, maxWidth: nil)
            let frame = Rect(x: min(max(tx - tickSize.width / 2, body.minX), body.maxX - tickSize.width),
                             y: axisY + gap, width: tickSize.width, height: tickSize.height)
            guard frame.minX >= lastTickRight + gap else { continue }
            lastTickRight = frame.maxX
            scene.add(.text(TextBox(text: tick.label, frame: frame, font: tickFont, color: palette.secondaryText,
                                    alignment: .center)), role: "tick-label")
            tickFrames.append(frame)
        }

        var dots: [Point] = [], labels: [Rect] = [], tiers: [Int] = [], above: [Bool] = []
        for (i, event) in drawn.enumerated() {
            let place = placed[i]
            let isAbove = place.side == 0
            let top = isAbove
                ? axisY - leader - Double(place.tier + 1) * tierHeight + gap
                : axisY + leader + tickHeight + gap + Double(place.tier) * tierHeight + gap
            dots.append(Point(x(event.position), axisY))
            labels.append(Rect(x: place.minX, y: top, width: place.width, height: sizes[i].height))
            tiers.append(place.tier); above.append(isAbove)
        }
        // Leaders first, then labels on a background-coloured box: a leader to an outer tier
        // passes behind the inner labels instead of striking through them.
        for (i, dot) in dots.enumerated() {
            let leaderEnd = above[i] ? labels[i].maxY + 2 : labels[i].minY - 2
            scene.add(.path([.move(dot), .line(Point(dot.x, leaderEnd))], fill: nil,
                            stroke: Stroke(color: palette.secondaryText, width: 0.8, dash: [2, 2])), role: "leader")
        }
        let radius = 4.0
        for dot in dots {
            scene.add(.rect(Rect(x: dot.x - radius, y: dot.y - radius, width: 2 * radius, height: 2 * radius),
                            fill: .solid(palette.accent), stroke: Stroke(color: palette.background, width: 1),
                            cornerRadius: radius), role: "event-dot")
        }
        for (i, event) in drawn.enumerated() {
            let frame = labels[i], dot = dots[i]
            scene.add(.rect(frame.insetBy(dx: -2, dy: -1), fill: .solid(palette.background), stroke: nil, cornerRadius: 0),
                      role: "label-background")
            let dateHeight = measurer.measure(event.dateLabel, font: boldFont, maxWidth: nil).height
            let alignment: TextAlignment = abs(frame.midX - dot.x) < 1 ? .center : (frame.midX < dot.x ? .right : .left)
            scene.add(.text(TextBox(text: event.dateLabel, frame: Rect(x: frame.minX, y: frame.minY, width: frame.width,
                                                                         height: dateHeight),
                                    font: boldFont, color: palette.accent, alignment: alignment)), role: "event-date")
            if !rests[i].isEmpty {
                let restHeight = measurer.measure(rests[i], font: font, maxWidth: nil).height
                scene.add(.text(TextBox(text: rests[i], frame: Rect(x: frame.minX, y: frame.minY + dateHeight,
                                                                     width: frame.width, height: restHeight),
                                        font: font, color: palette.text, alignment: alignment)), role: "event-label")
            }
        }
        return TimelineLayout(scene: scene, blocks: blocks, axisY: axisY, axisSpan: axisLeft...axisRight, dots: dots,
                              labels: labels, tiers: tiers, above: above, tickLabels: tickFrames, problems: problems)
    }
}
