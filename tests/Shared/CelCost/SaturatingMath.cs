namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>Unsigned arithmetic that stops at ulong.MaxValue instead of wrapping, as cel-go's cost estimates do.</summary>
internal static class SaturatingMath
{
    public static ulong Add(ulong x, ulong y) => x > ulong.MaxValue - y ? ulong.MaxValue : x + y;

    public static ulong Multiply(ulong x, ulong y) => y != 0 && x > ulong.MaxValue / y ? ulong.MaxValue : x * y;

    /// <summary>x × factor rounded up (cel-go multiplyByCostFactor).</summary>
    public static ulong MultiplyByFactor(ulong x, double factor)
    {
        var product = Math.Ceiling(x * factor);
        return product >= 18446744073709551615.0 ? ulong.MaxValue : (ulong)product;
    }
}
