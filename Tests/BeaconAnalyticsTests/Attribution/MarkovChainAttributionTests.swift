import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

/// Small chains whose absorption probabilities and removal effects are solved by hand.
@Suite("Markov-chain attribution", .computeBound)
struct MarkovChainAttributionTests {
    static let solvers: [AbsorbingChainSolver.Method] = [.dense, .gaussSeidel]

    /// start→A 4, start→B 2; A→B 2, A→null 2; B→conv 2, B→null 2.
    /// x_B = 1/2, x_A = 1/4, P = 2/3·1/4 + 1/3·1/2 = 1/3.
    /// Without A: P = 1/3·1/2 = 1/6 → RE_A = 1/2. Without B: P = 0 → RE_B = 1.
    /// Conversions 2 → A 2/3, B 4/3. Value: mean value at B is 20, so the same shares of 40.
    @Test(arguments: solvers) func linearChain(method: AbsorbingChainSolver.Method) throws {
        let data = AttributionDataset(namedJourneys: [
            (["A", "B"], 1, 30, 1),
            (["B"], 1, 10, 1),
            (["A"], 0, 0, 2),
        ])
        let r = try MarkovChainAttribution(order: 1, solver: AbsorbingChainSolver(method: method)).attribute(data)
        #expect(r.solver == method.rawValue)
        #expect(abs(r.conversionProbability - 1.0 / 3) < 1e-12)
        #expect(abs(r.expectedValue - 20.0 / 3) < 1e-12)
        #expect(abs(r.removalEffects[0] - 0.5) < 1e-12)
        #expect(abs(r.removalEffects[1] - 1) < 1e-12)
        #expect(abs(r.attribution.conversions[0] - 2.0 / 3) < 1e-12)
        #expect(abs(r.attribution.conversions[1] - 4.0 / 3) < 1e-12)
        #expect(abs(r.attribution.value[0] - 40.0 / 3) < 1e-10)
        #expect(abs(r.attribution.value[1] - 80.0 / 3) < 1e-10)
        let startToA = try #require(r.transitions.first { $0.from == "(start)" && $0.to == "A" })
        #expect(startToA.count == 4)
        #expect(abs(startToA.probability - 2.0 / 3) < 1e-15)
    }

    /// A cycle: paths A>B>A (1 conversion) and B (1 null).
    /// start→A 1/2, start→B 1/2; A→B 1/2, A→conv 1/2; B→A 1/2, B→null 1/2.
    /// x_A = 1/2 + x_B/2, x_B = x_A/2 → x_A = 2/3, x_B = 1/3, P = 1/2.
    /// Without A: P = 0 → RE_A = 1. Without B: x_A = 1/2, P = 1/4 → RE_B = 1/2.
    @Test(arguments: solvers) func cycle(method: AbsorbingChainSolver.Method) throws {
        let data = AttributionDataset(namedJourneys: [(["A", "B", "A"], 1, 0, 0), (["B"], 0, 0, 1)])
        let r = try MarkovChainAttribution(order: 1, solver: AbsorbingChainSolver(method: method)).attribute(data)
        #expect(abs(r.conversionProbability - 0.5) < 1e-13)
        #expect(abs(r.removalEffects[0] - 1) < 1e-13)
        #expect(abs(r.removalEffects[1] - 0.5) < 1e-13)
        #expect(abs(r.attribution.conversions[0] - 2.0 / 3) < 1e-12)
        #expect(abs(r.attribution.conversions[1] - 1.0 / 3) < 1e-12)
        #expect(r.residual < 1e-12)
    }

    /// Order 1 collapses repeats (A>A>B is A>B); order 2 states are windows of two channels and
    /// a one-touch journey is a state of its own, as in ChannelAttribution.
    @Test func statesOfHigherOrder() throws {
        let data = AttributionDataset(namedJourneys: [(["A", "A", "B"], 1, 0, 0), (["C"], 0, 0, 1)])
        let first = try MarkovChainAttribution(order: 1).attribute(data)
        #expect(first.states == ["(start)", "A", "B", "C"])
        #expect(!first.transitions.contains { $0.from == "A" && $0.to == "A" })
        let second = try MarkovChainAttribution(order: 2).attribute(data)
        #expect(second.states == ["(start)", "A>A", "A>B", "C"])
        // P = 1/2 through A>A→A>B→conv; removing A or B (both in A>B) leaves nothing.
        #expect(abs(second.conversionProbability - 0.5) < 1e-15)
        #expect(second.removalEffects == [1, 1, 0])
        #expect(second.attribution.conversions == [0.5, 0.5, 0])
    }

    @Test func denseAndIterativeAgreeOnLargerChain() throws {
        var rng = Xoshiro256StarStar(seed: 11)
        var rows: [(channels: [String], conversions: Double, value: Double, nulls: Double)] = []
        for _ in 0..<400 {
            let length = 1 + rng.nextInt(below: 6)
            let path = (0..<length).map { _ in "c\(rng.nextInt(below: 7))" }
            let conversions = Double(rng.nextInt(below: 3))
            rows.append((path, conversions, conversions * 10, Double(rng.nextInt(below: 4))))
        }
        let data = AttributionDataset(namedJourneys: rows)
        for order in 1...3 {
            let dense = try MarkovChainAttribution(order: order, solver: .init(method: .dense)).attribute(data)
            let iterative = try MarkovChainAttribution(order: order, solver: .init(method: .gaussSeidel)).attribute(
                data)
            #expect(abs(dense.conversionProbability - iterative.conversionProbability) < 1e-12)
            for c in data.channels.indices {
                #expect(abs(dense.removalEffects[c] - iterative.removalEffects[c]) < 1e-10)
                #expect(abs(dense.attribution.value[c] - iterative.attribution.value[c]) < 1e-8)
            }
        }
    }

    @Test func rejectsOrderOutsideOneToFour() {
        let data = AttributionDataset(namedJourneys: [(["A"], 1, 0, 0)])
        #expect(throws: AttributionInputError.self) { try MarkovChainAttribution(order: 5).attribute(data) }
        #expect(throws: AttributionInputError.self) { try MarkovChainAttribution(order: 0).attribute(data) }
    }
}
