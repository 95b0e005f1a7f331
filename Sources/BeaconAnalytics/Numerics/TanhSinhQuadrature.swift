import RealModule

/// Tanh-sinh (double-exponential) quadrature on a finite interval, robust to integrable
/// endpoint singularities.
///
/// Takahasi & Mori (1974), "Double exponential formulas for numerical integration", *Publ. RIMS*
/// 9(3): substituting t = ½(1 + tanh(½π sinh u)) makes the integrand decay double-exponentially,
/// so the trapezoid rule in u converges exponentially even for t^(−½)-type singularities.
/// The step is halved from ½ until two levels agree to `relativeTolerance` (at most 1/256).
///
/// ``logIntegralOnUnitInterval(_:relativeTolerance:)`` works entirely in log space: the integrand
/// is given as log f(t) with both log t and log(1 − t) supplied exactly, so integrands such as
/// t^(b−1)(1 − t)^(c−b−1)(1 − zt)^(−a) with huge exponents neither overflow nor underflow.
public enum TanhSinhQuadrature {
    /// log ∫₀¹ f(t) dt for a non-negative integrand given as `logF(t, log t, log(1 − t))`.
    /// - Parameters:
    ///   - endpointExponent: the smallest e > 0 such that f behaves at least like t^(e−1) near 0 and
    ///     (1−t)^(e−1) near 1 (1 for a bounded integrand). Strong singularities (e → 0, e.g.
    ///     t^(−0.999)) put mass extremely close to the ends; the nodes reach log t ≈ −45/e (at most
    ///     e^(−π·sinh 12)) so that less than e^(−45) of it is missed.
    /// - Returns: the log of the integral; −∞ when the integrand is zero everywhere, NaN when it
    ///   is NaN somewhere that counts.
    public static func logIntegralOnUnitInterval(
        _ logF: (_ t: Double, _ logT: Double, _ log1mT: Double) -> Double, endpointExponent: Double = 1,
        relativeTolerance: Double = 1e-12
    ) -> Double {
        let e = min(max(endpointExponent, 1e-12), 1)
        let uMax = min(12, max(3.5, Double.asinh(45 / (Double.pi * e))))
        func node(_ u: Double) -> Double {
            let v = Double.pi * Double.sinh(u)
            // log t = −log(1 + e^(−v)), log(1 − t) = −log(1 + e^v), both computed without cancellation.
            let logT = -softplus(-v)
            let log1mT = -softplus(v)
            let t = Double.exp(logT)
            return Double.log(Double.pi * Double.cosh(u)) + logT + log1mT + logF(t, logT, log1mT)
        }
        var h = 0.5
        var terms: [Double] = []
        var k = 0
        while Double(k) * h <= uMax {
            terms.append(node(Double(k) * h))
            if k > 0 { terms.append(node(-Double(k) * h)) }
            k += 1
        }
        var estimate = Double.log(h) + SpecialFunctions.logSumExp(terms)
        while h > 1.0 / 256 {
            h /= 2
            var u = h
            while u <= uMax {
                terms.append(node(u))
                terms.append(node(-u))
                u += 2 * h
            }
            let refined = Double.log(h) + SpecialFunctions.logSumExp(terms)
            if abs(refined - estimate) <= relativeTolerance || !refined.isFinite {
                return refined
            }
            estimate = refined
        }
        return estimate
    }

    /// ∫ₐᵇ f(x) dx for a finite interval (a may exceed b; the sign follows). `f` is never
    /// evaluated at a or b themselves, so it may be infinite there.
    public static func integrate(
        _ f: (Double) -> Double, from a: Double, to b: Double, relativeTolerance: Double = 1e-12
    ) -> Double {
        if a == b { return 0 }
        let width = b - a
        let uMax = 4.0  // t ≈ 6e-38 at the last node: the truncated tail of t^(−½) is below 1e-18
        func contribution(_ u: Double) -> Double {
            let v = Double.pi * Double.sinh(u)
            let t = 1 / (1 + Double.exp(-v))
            let oneMinusT = 1 / (1 + Double.exp(v))
            let w = Double.pi * Double.cosh(u) * t * oneMinusT
            let x = u >= 0 ? b - width * oneMinusT : a + width * t
            // A node that rounds onto an end point would sample a possible singularity: skip it.
            if w == 0 || x == a || x == b { return 0 }
            return w * f(x)
        }
        var h = 0.5
        var sum = contribution(0)
        var k = 1
        while Double(k) * h <= uMax {
            sum += contribution(Double(k) * h) + contribution(-Double(k) * h)
            k += 1
        }
        var estimate = h * sum * width
        while h > 1.0 / 256 {
            h /= 2
            var u = h
            while u <= uMax {
                sum += contribution(u) + contribution(-u)
                u += 2 * h
            }
            let refined = h * sum * width
            if abs(refined - estimate) <= relativeTolerance * abs(refined) { return refined }
            estimate = refined
        }
        return estimate
    }

    private static func softplus(_ x: Double) -> Double {
        x > 0 ? x + Double.log(onePlus: Double.exp(-x)) : Double.log(onePlus: Double.exp(x))
    }
}
