/// The marks that say a bar is a published lower bound ("超过9,000", the true value higher):
/// the bar's sides go on up past its top, dashed and open, with an upward chevron in the
/// opening. The market-size and the scenario chart draw the same marks, so a reader learns
/// them once.
enum LowerBoundMarks {
    /// Draws the marks over `bar`, the sides rising to `top`; returns the frame they take.
    @discardableResult
    static func draw(over bar: Rect, upTo top: Double, extensionStroke: Stroke, chevronColor: Color,
                     into scene: inout Scene) -> Rect {
        scene.add(.path([.move(Point(bar.minX, bar.minY)), .line(Point(bar.minX, top)),
                         .move(Point(bar.maxX, bar.minY)), .line(Point(bar.maxX, top))],
                        fill: nil, stroke: extensionStroke), role: "bound-extension")
        // An upward chevron in the opening: "and more".
        let chevron = min(5, bar.width / 6)
        scene.add(.path([.move(Point(bar.midX - chevron, bar.minY - 3)), .line(Point(bar.midX, bar.minY - 3 - chevron)),
                         .line(Point(bar.midX + chevron, bar.minY - 3))],
                        fill: nil, stroke: Stroke(color: chevronColor, width: 1.2)), role: "bound-chevron")
        return Rect(x: bar.minX, y: top, width: bar.width, height: bar.minY - top)
    }
}
