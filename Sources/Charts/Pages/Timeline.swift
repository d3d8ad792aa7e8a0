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
        let axis = TimelineAxis(timeline: self, body: opened.blocks.body, theme: theme, measurer: measurer)
        let tiers = fitEventLabels(on: axis, theme: theme, measurer: measurer, problems: &problems)
        // The axis sits where the tiers above and below balance inside the body.
        let aboveHeight = Double(tiers.count(onSide: 0)) * tiers.tierHeight + axis.leader
        let belowHeight = Double(tiers.count(onSide: 1)) * tiers.tierHeight + axis.leader + axis.tickHeight + axis.gap
        let spare = max(0, axis.body.height - aboveHeight - belowHeight)
        let axisY = axis.body.minY + aboveHeight + spare / 2
        let tickFrames = addAxisAndTicks(axis, at: axisY, theme: theme, measurer: measurer, to: &scene)
        let events = addEvents(tiers, on: axis, at: axisY, theme: theme, measurer: measurer, to: &scene)
        return TimelineLayout(scene: scene, blocks: opened.blocks, axisY: axisY, axisSpan: axis.left...axis.right,
                              dots: events.dots, labels: events.labels, tiers: events.tiers, above: events.above,
                              tickLabels: tickFrames, problems: problems)
    }

    /// The time axis across the body, and the events drawn on it.
    private struct TimelineAxis {
        var body: Rect
        var start: Double
        var span: Double
        var left: Double, right: Double
        /// Sorted by position.
        var events: [Event]
        var tickFont: FontSpec
        var tickHeight: Double
        var gap: Double
        let leader = 14.0

        init(timeline: Timeline, body: Rect, theme: Theme, measurer: TextMeasuring) {
            let inset = 12.0
            self.body = body
            start = timeline.start
            span = max(timeline.end - timeline.start, .leastNonzeroMagnitude)
            left = body.minX + inset; right = body.maxX - inset
            events = timeline.events.filter(timeline.isDrawable).sorted { $0.position < $1.position }
            tickFont = theme.font(theme.fontSizes.axis - 1)
            tickHeight = measurer.lineHeight(tickFont)
            gap = theme.spacing.labelGap
        }

        func x(_ position: Double) -> Double { left + (position - start) / span * (right - left) }
    }

    /// Event labels measured at one font size and placed in tiers above (side 0) and below
    /// (side 1) the axis; every tier is as tall as the tallest label.
    private struct EventTiers {
        var font: FontSpec
        var boldFont: FontSpec
        /// Per event, the lines under the date: title and detail.
        var rests: [String]
        var sizes: [Size]
        var placed: [LabelTierPlacement.Placed]
        var tierHeight: Double

        init(_ sized: LabelTierPlacement.Sized, rests: [String], theme: Theme) {
            font = theme.font(sized.size)
            boldFont = theme.font(sized.size, weight: .bold)
            self.rests = rests
            sizes = sized.sizes
            placed = sized.placed
            tierHeight = (sizes.map(\.height).max() ?? 0) + theme.spacing.labelGap * 2
        }

        func count(onSide side: Int) -> Int { (placed.filter { $0.side == side }.map(\.tier).max() ?? -1) + 1 }

        /// The height the page needs for these tiers with the axis's leaders and ticks.
        func needed(besides axis: TimelineAxis) -> Double {
            Double(count(onSide: 0) + count(onSide: 1)) * tierHeight + 2 * axis.leader + axis.tickHeight + axis.gap
        }
    }

    /// Label texts and sizes; the type shrinks until the tiers fit the body's height.
    private func fitEventLabels(on axis: TimelineAxis, theme: Theme, measurer: TextMeasuring,
                                problems: inout [String]) -> EventTiers {
        let drawn = axis.events
        let rests = drawn.map { [$0.title, $0.detail].filter { !$0.isEmpty }.joined(separator: "\n") }
        // A label is the bold date line over the rest, measured as the two blocks it is drawn as.
        func labelSizes(_ size: Double) -> [Size] {
            let font = theme.font(size), boldFont = theme.font(size, weight: .bold)
            return drawn.indices.map { i in
                let date = measurer.measure(drawn[i].dateLabel, font: boldFont, maxWidth: nil)
                let rest = rests[i].isEmpty ? Size(width: 0, height: 0) : measurer.measure(rests[i], font: font, maxWidth: nil)
                return Size(width: max(date.width, rest.width), height: date.height + rest.height)
            }
        }
        let sized = LabelTierPlacement.largestFitting(
            "timeline", centers: drawn.map { axis.x($0.position) }, bounds: axis.body.minX...axis.body.maxX,
            separation: theme.spacing.labelSeparation, from: theme.fontSizes.annotation + 3,
            floor: theme.fontSizes.minimumValueLabel, available: axis.body.height, measure: labelSizes,
            needed: { EventTiers($0, rests: rests, theme: theme).needed(besides: axis) }, problems: &problems)
        return EventTiers(sized, rests: rests, theme: theme)
    }

    /// The axis line with its ticks; a tick label that would touch the one before is left
    /// out (its tick stays).
    private func addAxisAndTicks(_ axis: TimelineAxis, at axisY: Double, theme: Theme, measurer: TextMeasuring,
                                 to scene: inout Scene) -> [Rect] {
        let palette = theme.palette
        scene.add(.path([.move(Point(axis.left, axisY)), .line(Point(axis.right, axisY))], fill: nil,
                        stroke: Stroke(color: palette.baseline, width: theme.lineWidths.baseline * 1.5)), role: "axis")
        var tickFrames: [Rect] = []
        var lastTickRight = -Double.infinity
        for tick in ticks where tick.position >= start && tick.position <= end {
            let tx = axis.x(tick.position)
            scene.add(.path([.move(Point(tx, axisY - 3)), .line(Point(tx, axisY + 3))], fill: nil,
                            stroke: Stroke(color: palette.baseline, width: theme.lineWidths.baseline)), role: "tick")
            let tickSize = measurer.measure(tick.label, font: axis.tickFont, maxWidth: nil)
            let frame = Rect(x: min(max(tx - tickSize.width / 2, axis.body.minX), axis.body.maxX - tickSize.width),
                             y: axisY + axis.gap, width: tickSize.width, height: tickSize.height)
            guard frame.minX >= lastTickRight + axis.gap else { continue }
            lastTickRight = frame.maxX
            scene.add(.text(TextBox(text: tick.label, frame: frame, font: axis.tickFont, color: palette.secondaryText,
                                    alignment: .center)), role: "tick-label")
            tickFrames.append(frame)
        }
        return tickFrames
    }

    /// Per drawn event: its dot on the axis and its label in its tier.
    private struct PlacedEvents {
        var dots: [Point] = [], labels: [Rect] = [], tiers: [Int] = [], above: [Bool] = []
    }

    /// Events: dots on the axis, leaders out to the labels. Leaders go first, then labels on
    /// a background-coloured box: a leader to an outer tier passes behind the inner labels
    /// instead of striking through them.
    private func addEvents(_ eventTiers: EventTiers, on axis: TimelineAxis, at axisY: Double, theme: Theme,
                           measurer: TextMeasuring, to scene: inout Scene) -> PlacedEvents {
        let palette = theme.palette
        let (gap, leader, tierHeight) = (axis.gap, axis.leader, eventTiers.tierHeight)
        var placed = PlacedEvents()
        for (i, event) in axis.events.enumerated() {
            let place = eventTiers.placed[i]
            let isAbove = place.side == 0
            let top = isAbove
                ? axisY - leader - Double(place.tier + 1) * tierHeight + gap
                : axisY + leader + axis.tickHeight + gap + Double(place.tier) * tierHeight + gap
            placed.dots.append(Point(axis.x(event.position), axisY))
            placed.labels.append(Rect(x: place.minX, y: top, width: place.width, height: eventTiers.sizes[i].height))
            placed.tiers.append(place.tier); placed.above.append(isAbove)
        }
        for (i, dot) in placed.dots.enumerated() {
            let leaderEnd = placed.above[i] ? placed.labels[i].maxY + 2 : placed.labels[i].minY - 2
            scene.add(.path([.move(dot), .line(Point(dot.x, leaderEnd))], fill: nil,
                            stroke: Stroke(color: palette.secondaryText, width: 0.8, dash: [2, 2])), role: "leader")
        }
        let radius = 4.0
        for dot in placed.dots {
            scene.add(.rect(Rect(x: dot.x - radius, y: dot.y - radius, width: 2 * radius, height: 2 * radius),
                            fill: .solid(palette.accent), stroke: Stroke(color: palette.background, width: 1),
                            cornerRadius: radius), role: "event-dot")
        }
        for (i, event) in axis.events.enumerated() {
            addEventLabel(event, rest: eventTiers.rests[i], frame: placed.labels[i], dotX: placed.dots[i].x,
                          tiers: eventTiers, theme: theme, measurer: measurer, to: &scene)
        }
        return placed
    }

    /// One label: the bold date line in the accent colour over the title and detail,
    /// aligned towards its dot.
    private func addEventLabel(_ event: Event, rest: String, frame: Rect, dotX: Double, tiers: EventTiers, theme: Theme,
                               measurer: TextMeasuring, to scene: inout Scene) {
        let palette = theme.palette
        scene.add(.rect(frame.insetBy(dx: -2, dy: -1), fill: .solid(palette.background), stroke: nil, cornerRadius: 0),
                  role: "label-background")
        let dateHeight = measurer.measure(event.dateLabel, font: tiers.boldFont, maxWidth: nil).height
        let alignment = LabelTierPlacement.alignment(of: frame, pointX: dotX)
        scene.add(.text(TextBox(text: event.dateLabel, frame: Rect(x: frame.minX, y: frame.minY, width: frame.width,
                                                                     height: dateHeight),
                                font: tiers.boldFont, color: palette.accent, alignment: alignment)), role: "event-date")
        if !rest.isEmpty {
            let restHeight = measurer.measure(rest, font: tiers.font, maxWidth: nil).height
            scene.add(.text(TextBox(text: rest, frame: Rect(x: frame.minX, y: frame.minY + dateHeight,
                                                             width: frame.width, height: restHeight),
                                    font: tiers.font, color: palette.text, alignment: alignment)), role: "event-label")
        }
    }
}
