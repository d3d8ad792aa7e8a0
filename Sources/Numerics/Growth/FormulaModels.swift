// Fitting a user's formula (`--model "b1*(1-exp(-b2*x))"`): parameters need start
// values, named variables come from data columns. Same engine, same intervals as the
// catalog.

public enum FormulaModels {
    /// Fits `text` to `y`. `variables` are the data columns the formula may use, by name;
    /// `predictor` names the one that predictions vary (nil when the formula has several
    /// variables and only the fit is wanted). Every parameter needs a start value.
    public static func fit(_ text: String, variables: [(name: String, values: [Double])], predictor: String?,
                           y: [Double], start: [String: Double], options: GrowthFitOptions = .init()) throws -> CurveFit {
        let names = variables.map(\.name)
        let probe = try Formula(text, variables: names)
        // Each parameter's start value (a fixed value stands for it), looked up once.
        var startVector: [Double] = [], missing: [String] = [], free = 0
        startVector.reserveCapacity(probe.parameterNames.count)
        for name in probe.parameterNames {
            let fixed = options.fixed[name]
            if fixed == nil { free += 1 }
            if let value = start[name] ?? fixed { startVector.append(value) } else { missing.append(name) }
        }
        if !missing.isEmpty {
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            let example = missing.map { "--start \($0)=VALUE" }.joined(separator: " ")
            throw NumericsError(.missingStart,
                                "parameter\(missing.count == 1 ? "" : "s") \(list) of the formula \(missing.count == 1 ? "has" : "have") no start value; give \(example) (identifiers that are not data columns are parameters)")
        }
        let unknown = start.keys.filter { !probe.parameterNames.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw NumericsError(.invalidInput,
                                "start value given for \(unknown.map { "'\($0)'" }.joined(separator: ", ")), which \(unknown.count == 1 ? "is" : "are") not a parameter of the formula (parameters: \(probe.parameterNames.joined(separator: ", ")))")
        }
        guard probe.parameterNames.count > 0 else {
            throw NumericsError(.invalidInput, "the formula has no parameters to fit: every identifier in it is a data column")
        }
        guard y.count >= free else {
            throw NumericsError(.invalidInput,
                                "\(y.count) data points cannot determine \(free) parameters; give at least \(free) points or fix some parameters")
        }
        let prepared = try CurveFitter.prepare(formulaText: text, variableNames: names, columns: variables.map(\.values),
                                               y: y, parameterNames: probe.parameterNames, options: options,
                                               parsed: probe)
        // prepare keeps the probe's parameter order, so startVector lines up with it.
        let result = try CurveFitter.bestFit(prepared, starts: [startVector], options: options)
        let predictorIndex = predictor.flatMap { names.firstIndex(of: $0) } ?? 0
        return CurveFit(formula: prepared.modelFormula, predictorIndex: predictorIndex, result: result,
                        logResponse: options.logResponse, problem: prepared.problem)
    }
}
