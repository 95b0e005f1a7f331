import BeaconTestSupport
import Testing
@testable import BeaconAnalytics

@Suite("Matrix", .computeBound)
struct MatrixTests {
    @Test("LU solve of a hand-worked 3×3 system")
    func luSolve() throws {
        // 2x + y - z = 8; -3x - y + 2z = -11; -2x + y + 2z = -3  →  x = 2, y = 3, z = -1
        let a = Matrix([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]])
        let x = try #require(a.solve([8, -11, -3]))
        #expect(abs(x[0] - 2) < 1e-12 && abs(x[1] - 3) < 1e-12 && abs(x[2] + 1) < 1e-12)
    }

    @Test("Singular matrix yields nil")
    func singular() {
        #expect(Matrix([[1, 2], [2, 4]]).solve([1, 2]) == nil)
    }

    @Test("Cholesky of a known SPD matrix and its solve")
    func cholesky() throws {
        // Golub & Van Loan example: A = [[4,12,-16],[12,37,-43],[-16,-43,98]] has L = [[2,0,0],[6,1,0],[-8,5,3]]
        let a = Matrix([[4, 12, -16], [12, 37, -43], [-16, -43, 98]])
        let l = try #require(a.cholesky())
        #expect(l == Matrix([[2, 0, 0], [6, 1, 0], [-8, 5, 3]]))
        let x = try #require(a.choleskySolve([1, 2, 3]))
        let back = a * x
        for (u, v) in zip(back, [1.0, 2, 3]) { #expect(abs(u - v) < 1e-9) }
        #expect(Matrix([[1, 2], [2, 1]]).cholesky() == nil)
    }

    @Test("Inverse times matrix is the identity")
    func inverse() throws {
        let a = Matrix([[4, 7], [2, 6]])
        let inv = try #require(a.inverse)
        let p = a * inv
        #expect(abs(p[0, 0] - 1) < 1e-12 && abs(p[0, 1]) < 1e-12 && abs(p[1, 0]) < 1e-12 && abs(p[1, 1] - 1) < 1e-12)
    }
}
