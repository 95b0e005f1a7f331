/// A dense, row-major matrix of `Double`, the working type of Beacon's linear algebra.
///
/// Small and dependency-free on purpose: the models in BeaconAnalytics solve systems of
/// tens to a few thousands of unknowns (regression normal equations, absorbing Markov
/// chains, Hessians), where a straightforward LU or Cholesky factorisation is exact enough
/// and fast enough. Follows Golub & Van Loan, *Matrix Computations* (4th ed.), §3.4 (LU
/// with partial pivoting) and §4.2 (Cholesky).
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Elements in row-major order: element (i, j) is at `i * columns + j`.
    public var elements: [Double]

    /// A `rows × columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from nested rows; all rows must have the same length.
    public init(_ nested: [[Double]]) {
        let width = nested.first?.count ?? 0
        precondition(nested.allSatisfy { $0.count == width }, "Matrix rows must have equal length")
        rows = nested.count
        columns = width
        elements = nested.flatMap { $0 }
    }

    /// The `n × n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    public subscript(_ i: Int, _ j: Int) -> Double {
        get { elements[i * columns + j] }
        set { elements[i * columns + j] = newValue }
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] { Array(elements[(i * columns)..<((i + 1) * columns)]) }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    /// The matrix product `lhs · rhs`.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows, "Matrix product dimension mismatch")
        var out = Matrix(rows: lhs.rows, columns: rhs.columns)
        for i in 0..<lhs.rows {
            for k in 0..<lhs.columns {
                let a = lhs[i, k]
                if a == 0 { continue }
                for j in 0..<rhs.columns { out.elements[i * rhs.columns + j] += a * rhs.elements[k * rhs.columns + j] }
            }
        }
        return out
    }

    /// The matrix-vector product `lhs · v`.
    public static func * (lhs: Matrix, v: [Double]) -> [Double] {
        precondition(lhs.columns == v.count, "Matrix-vector dimension mismatch")
        var out = [Double](repeating: 0, count: lhs.rows)
        for i in 0..<lhs.rows {
            var s = 0.0
            for j in 0..<lhs.columns { s += lhs.elements[i * lhs.columns + j] * v[j] }
            out[i] = s
        }
        return out
    }

    /// Solves `self · X = B` by LU decomposition with partial pivoting (Golub & Van Loan,
    /// Algorithm 3.4.1). Returns nil when the matrix is singular to working precision.
    public func solve(_ b: Matrix) -> Matrix? {
        precondition(rows == columns && b.rows == rows, "solve needs a square matrix and matching right-hand side")
        let n = rows
        var a = self
        var x = b
        for k in 0..<n {
            var pivot = k
            var best = abs(a[k, k])
            for i in (k + 1)..<max(n, k + 1) where abs(a[i, k]) > best {
                best = abs(a[i, k])
                pivot = i
            }
            if best < 1e-300 { return nil }
            if pivot != k {
                for j in 0..<n { a.elements.swapAt(k * n + j, pivot * n + j) }
                for j in 0..<x.columns { x.elements.swapAt(k * x.columns + j, pivot * x.columns + j) }
            }
            let akk = a[k, k]
            for i in (k + 1)..<max(n, k + 1) {
                let factor = a[i, k] / akk
                if factor == 0 { continue }
                a[i, k] = 0
                for j in (k + 1)..<n { a[i, j] -= factor * a[k, j] }
                for j in 0..<x.columns { x[i, j] -= factor * x[k, j] }
            }
        }
        for k in stride(from: n - 1, through: 0, by: -1) {
            for j in 0..<x.columns {
                var s = x[k, j]
                for i in (k + 1)..<max(n, k + 1) { s -= a[k, i] * x[i, j] }
                x[k, j] = s / a[k, k]
            }
        }
        return x
    }

    /// Solves `self · x = b` for a vector right-hand side; nil when singular.
    public func solve(_ b: [Double]) -> [Double]? {
        solve(Matrix(rows: b.count, columns: 1, repeating: 0).with(column: 0, b))?.elements
    }

    /// The inverse, or nil when singular.
    public var inverse: Matrix? { solve(.identity(rows)) }

    /// The lower-triangular Cholesky factor L with `self = L·Lᵀ` (Golub & Van Loan,
    /// Algorithm 4.2.1), or nil when the matrix is not symmetric positive definite.
    public func cholesky() -> Matrix? {
        precondition(rows == columns, "cholesky needs a square matrix")
        let n = rows
        var l = Matrix(rows: n, columns: n)
        for j in 0..<n {
            var d = self[j, j]
            for k in 0..<j { d -= l[j, k] * l[j, k] }
            if !(d > 0) { return nil }
            let ljj = d.squareRoot()
            l[j, j] = ljj
            for i in (j + 1)..<max(n, j + 1) {
                var s = self[i, j]
                for k in 0..<j { s -= l[i, k] * l[j, k] }
                l[i, j] = s / ljj
            }
        }
        return l
    }

    /// Solves the symmetric positive definite system `self · x = b` by Cholesky; nil when
    /// the matrix is not positive definite.
    public func choleskySolve(_ b: [Double]) -> [Double]? {
        guard let l = cholesky() else { return nil }
        let n = rows
        var y = b
        for i in 0..<n {
            var s = y[i]
            for k in 0..<i { s -= l[i, k] * y[k] }
            y[i] = s / l[i, i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<max(n, i + 1) { s -= l[k, i] * y[k] }
            y[i] = s / l[i, i]
        }
        return y
    }

    private func with(column j: Int, _ values: [Double]) -> Matrix {
        var m = self
        for i in 0..<rows { m[i, j] = values[i] }
        return m
    }
}
