import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

@Suite("Churn preprocessing and input errors", .computeBound)
struct ChurnPreprocessingTests {
    let frame = ChurnFrame(
        header: ["id", "age", "plan", "churned"],
        rows: [
            ["a", "10", "basic", "yes"], ["b", " ", "pro", "no"], ["c", "30", "basic", "no"],
            ["d", "50", "pro", "yes"],
        ])

    @Test("Blank numbers take the training median, then standardise; labels one-hot in sorted order")
    func fitTransform() throws {
        let pre = try ChurnPreprocessor.fit(frame: frame, columns: ["age", "plan"], rows: [0, 1, 2, 3])
        #expect(pre.featureNames == ["age", "plan=basic", "plan=pro"])
        #expect(pre.featureColumn == [0, 1, 1])
        // Ages 10, (blank → median 30), 30, 50: mean 30, population sd √200.
        #expect(pre.columns[0].fill == 30)
        #expect(pre.columns[0].center == 30)
        #expect(abs(pre.columns[0].scale - 200.0.squareRoot()) < 1e-12)
        let x = try pre.transform(frame)
        #expect(abs(x[0, 0] + 20 / 200.0.squareRoot()) < 1e-12)
        #expect(x[1, 0] == 0)
        #expect(x.row(1).suffix(2) == [0, 1])
        #expect(x.row(2).suffix(2) == [1, 0])
    }

    @Test("A level first seen at scoring encodes as zeros; a bad number names line and column")
    func transformNewRows() throws {
        let pre = try ChurnPreprocessor.fit(frame: frame, columns: ["age", "plan"], rows: [0, 1, 2, 3])
        let fresh = ChurnFrame(
            header: ["plan", "age"], rows: [["enterprise", "20"], ["pro", "abc"]], lines: [2, 3])
        #expect(throws: ChurnError(.badValue, "line 3, column 'age': 'abc' is not a number")) {
            try pre.transform(fresh)
        }
        let x = try pre.transform(ChurnFrame(header: ["plan", "age"], rows: [["enterprise", "20"]]))
        #expect(x.row(0).suffix(2) == [0, 0])
        #expect(throws: ChurnError.self) { try pre.transform(ChurnFrame(header: ["plan"], rows: [["pro"]])) }
    }

    @Test("A text cell in a numeric column is an error naming its line and column")
    func nonNumericCell() throws {
        var rows = (0..<20).map { ["\($0)", "\(Double($0) * 1.5)"] }
        rows[7][1] = "12 USD"
        let frame = ChurnFrame(header: ["n", "spend"], rows: rows)
        #expect(
            throws: ChurnError(
                .badValue,
                "line 9, column 'spend': '12 USD' is not a number (19 of 20 non-blank cells in this column are numbers)"
            )
        ) {
            try frame.inferKinds(columns: [1])
        }
        #expect(try frame.inferKinds(columns: [0]) == [.numeric])
        #expect(try self.frame.inferKinds(columns: [2]) == [.categorical])
    }

    @Test("Missing target column, empty table, blank or third label are clear errors")
    func targetErrors() throws {
        #expect(throws: ChurnError(.missingColumn, "column 'Churn' not found; the file has: id, age, plan, churned")) {
            try frame.labels(target: "Churn", positive: "yes")
        }
        #expect(throws: ChurnError(.emptyInput, "the input has no data rows")) {
            try ChurnFrame(header: ["a", "Churn"], rows: []).labels(target: "Churn", positive: "Yes")
        }
        let blank = ChurnFrame(header: ["x", "Churn"], rows: [["1", "Yes"], ["2", ""]])
        #expect(throws: ChurnError(.badTarget, "line 3, column 'Churn': the target is blank")) {
            try blank.labels(target: "Churn", positive: "Yes")
        }
        let three = ChurnFrame(header: ["x", "Churn"], rows: [["1", "Yes"], ["2", "No"], ["3", "Maybe"]])
        #expect(throws: ChurnError.self) { try three.labels(target: "Churn", positive: "Yes") }
        #expect(throws: ChurnError.self) { try three.labels(target: "Churn", positive: "yes") }
        #expect(try frame.labels(target: "churned", positive: "yes") == [1, 0, 0, 1])
    }

    @Test("Identifier detection picks the all-distinct text column")
    func identifier() {
        #expect(frame.detectIdentifier() == 0)
        #expect(frame.detectIdentifier(excluding: [0]) == nil)
    }

    @Test("Stratified split keeps class shares, is seeded, and covers every row once")
    func split() {
        let labels = (0..<1000).map { Double($0 % 4 == 0 ? 1 : 0) }
        let a = ChurnSplit.stratified(labels: labels, testFraction: 0.2, seed: 7)
        #expect(a == ChurnSplit.stratified(labels: labels, testFraction: 0.2, seed: 7))
        #expect(a != ChurnSplit.stratified(labels: labels, testFraction: 0.2, seed: 8))
        #expect(a.test.count == 200)
        #expect(a.test.filter { labels[$0] == 1 }.count == 50)
        #expect(Set(a.train).union(a.test) == Set(0..<1000))
        #expect(Set(a.train).isDisjoint(with: a.test))
    }
}
