import Charts

/// Small scenes that exercise every kind of item the renderer draws.
enum SampleScenes {
    static let cjkFont = FontSpec(family: "Noto Sans CJK SC", size: 24)
    static let navy = Color(hex: 0x1F3A5F)
    static let teal = Color(hex: 0x2A9D8F)

    /// A chart-like page: Chinese + Latin title, solid and hatched bars, a dashed CAGR
    /// path with an arrow head, a rounded label, right-aligned and wrapped text.
    static func mixed() -> Scene {
        var scene = Scene(size: Size(width: 960, height: 540))
        scene.add(.text(TextBox(text: "中国AI市场规模，2019–2027E", frame: Rect(x: 40, y: 24, width: 880, height: 40),
                                font: FontSpec(family: "Noto Sans CJK SC", size: 28, weight: .bold), color: navy)),
                  role: "title")
        scene.add(.text(TextBox(text: "单位：亿元", frame: Rect(x: 40, y: 72, width: 200, height: 24),
                                font: FontSpec(family: "Noto Sans CJK SC", size: 14), color: .black)), role: "unit")
        let values: [Double] = [1200, 1600, 2100, 2900, 3700, 4600]
        for (i, value) in values.enumerated() {
            let height = value / 5000 * 300
            let rect = Rect(x: 80 + Double(i) * 130, y: 460 - height, width: 80, height: height)
            let fill: Fill = i < 3 ? .solid(navy)
                : .hatched(color: navy, background: Color(hex: 0xDCE6F0), spacing: 6, lineWidth: 1.5)
            scene.add(.rect(rect, fill: fill, stroke: i < 3 ? nil : Stroke(color: navy, width: 1), cornerRadius: 0),
                      role: "bar")
            scene.add(.text(TextBox(text: "\(2019 + i)\(i < 3 ? "" : "E")",
                                    frame: Rect(x: rect.minX - 20, y: 468, width: 120, height: 24),
                                    font: FontSpec(family: "Noto Sans CJK SC", size: 16), color: .black,
                                    alignment: .center)), role: "axis-label")
        }
        scene.add(.path([.move(Point(120, 230)), .curve(Point(250, 150), Point(400, 150), Point(510, 190))],
                        fill: nil, stroke: Stroke(color: teal, width: 2, dash: [6, 4])), role: "cagr-arrow")
        scene.add(.path([.move(Point(510, 190)), .line(Point(497.0, 190.6)), .line(Point(500.4, 181.2)), .close],
                        fill: .solid(teal), stroke: nil), role: "cagr-arrow-head")
        scene.add(.rect(Rect(x: 270, y: 146, width: 90, height: 30), fill: .solid(.white),
                        stroke: Stroke(color: teal, width: 1.5), cornerRadius: 15), role: "cagr-label-box")
        scene.add(.text(TextBox(text: "+32.5%", frame: Rect(x: 270, y: 150, width: 90, height: 22),
                                font: FontSpec(family: "Noto Sans CJK SC", size: 15, weight: .bold), color: teal,
                                alignment: .center)), role: "cagr-label")
        scene.add(.text(TextBox(text: "来源：中国信通院；E 为 marketcast 的预测（恒定增长模型），仅供参考。",
                                frame: Rect(x: 620, y: 72, width: 300, height: 80),
                                font: FontSpec(family: "Noto Sans CJK SC", size: 14), color: Color(hex: 0x555555),
                                alignment: .right, wraps: true)), role: "source-note")
        scene.add(.path([.move(Point(40, 460)), .line(Point(920, 460))], fill: nil,
                        stroke: Stroke(color: Color(hex: 0x888888), width: 1)), role: "baseline")
        return scene
    }
}
